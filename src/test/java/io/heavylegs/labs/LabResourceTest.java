package io.heavylegs.labs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LabResourceTest {

    private static final LocalDate TODAY = LocalDate.now();
    /** Fourteen hours ahead of UTC: its today is tomorrow on the server for part of every day. */
    private static final ZoneId FAR_EAST = ZoneId.of("Pacific/Kiritimati");
    private static final Pattern RESULT_ID = Pattern.compile("data-lab-result=\"(\\d+)\"");

    private static TestUser rejected;

    @Inject
    LabFixtures fixtures;

    private static synchronized TestUser rejectedFormsUser() {
        if (rejected == null) {
            rejected = TestUser.registered();
        }
        return rejected;
    }

    static Map<String, Object> ferritinForm(String value, String date) {
        Map<String, Object> form = new HashMap<>();
        form.put("test", "ferritin");
        form.put("name", "");
        form.put("value", value);
        form.put("unit", "µg/L");
        form.put("low", "30");
        form.put("high", "400");
        form.put("date", date);
        form.put("notes", "Fasting, morning");
        return form;
    }

    /** Creates a result and returns its id, read from the list the 303 leads to. */
    static long create(TestUser user, Map<String, Object> form) {
        String before = user.get("/labs").asString();
        user.post("/labs", form).then().statusCode(303).header("Location", endsWith("/labs"));
        Matcher matcher = RESULT_ID.matcher(user.get("/labs").asString());
        while (matcher.find()) {
            if (!before.contains(matcher.group(0))) {
                return Long.parseLong(matcher.group(1));
            }
        }
        throw new AssertionError("The new result is not on the list");
    }

    private Response assertRejectedKeepingValues(Map<String, Object> form, String field) {
        TestUser user = rejectedFormsUser();
        Response response = user.post("/labs", form);
        response.then().statusCode(400)
                .body(containsString("data-error-for=\"" + field + "\""))
                .body(containsString("Fasting, morning"))
                .body(containsString("value=\"µg/L\""));
        assertEquals(0, fixtures.countOwnedBy(user.email), "a refused form stores nothing");
        return response;
    }

    @Test
    void createsAResultAndSaysWhereItIsAgainstTheLabsRange() {
        TestUser user = TestUser.registered();
        user.post("/labs", ferritinForm("12", "2026-10-02")).then().statusCode(303);
        user.get("/labs").then().body(containsString("Ferritin result saved."));
        user.get("/labs").then().body(not(containsString("Ferritin result saved.")));
        Matcher found = RESULT_ID.matcher(user.get("/labs").asString());
        assertTrue(found.find());
        long id = Long.parseLong(found.group(1));
        user.get("/labs").then().statusCode(200)
                .body(containsString("<strong>12 µg/L</strong> on Fri 2 Oct 2026"))
                .body(containsString("below the range your lab printed (30\u2013400 µg/L)"))
                .body(containsString("data-position=\"below\""))
                .body(containsString("Fasting, morning"))
                .body(containsString("/labs/" + id + "/edit"));
        LabResult stored = fixtures.stored(id);
        assertEquals(LabTest.FERRITIN, stored.test());
        assertEquals(0, new BigDecimal("12").compareTo(stored.value));
        assertEquals(LocalDate.of(2026, 10, 2), stored.date);
    }

    @Test
    void aValueEqualToALimitIsWithinAndOneWithoutARangeSaysNothing() {
        TestUser user = TestUser.registered();
        create(user, ferritinForm("30", "2026-09-01"));
        create(user, ferritinForm("400", "2026-09-02"));
        Map<String, Object> noRange = ferritinForm("55", "2026-09-03");
        noRange.put("low", "");
        noRange.put("high", "");
        long bare = create(user, noRange);
        String page = user.get("/labs").asString();
        assertEquals(2, page.split("lab-result__range--within\">within the range your lab printed", -1).length - 1,
                page);
        assertTrue(!page.contains("below the range") && !page.contains("above the range"));
        Matcher bareItem = Pattern.compile("data-lab-result=\"" + bare + "\"[^>]*>").matcher(page);
        assertTrue(bareItem.find());
        assertTrue(!bareItem.group().contains("data-position"), "no range, no judgement");
    }

    @Test
    void historyIsDrawnWithTheBandAndAnotherUnitIsListedNotJoined() {
        TestUser user = TestUser.registered();
        create(user, ferritinForm("12", "2026-09-01"));
        create(user, ferritinForm("45", "2026-10-13"));
        Map<String, Object> otherLab = ferritinForm("70", "2026-06-01");
        otherLab.put("unit", "pmol/L");
        otherLab.put("low", "");
        otherLab.put("high", "");
        create(user, otherLab);
        String page = user.get("/labs").then().statusCode(200)
                .body(containsString("<svg"))
                .body(containsString("class=\"lab-chart__band\""))
                .body(containsString("Ferritin in µg/L, 2 results: 12 on 1 Sep 2026, 45 on 13 Oct 2026."))
                .body(containsString("data-other-units"))
                .body(containsString("1 result is\n    in another unit than the latest (µg/L)"))
                .body(containsString("<strong>70 pmol/L</strong>"))
                .extract().asString();
        Matcher line = Pattern.compile("<polyline[^>]*points=\"([^\"]*)\"").matcher(page);
        assertTrue(line.find());
        assertEquals(2, line.group(1).split(" ").length, "the line joins the two µg/L results only");
        assertEquals(2, page.split("class=\"lab-chart__point\"", -1).length - 1);
    }

    @Test
    void groupsByTestNewestFirst() {
        TestUser user = TestUser.registered();
        create(user, ferritinForm("12", "2026-09-01"));
        Map<String, Object> b12 = ferritinForm("150", "2026-09-20");
        b12.put("test", "vitamin-b12");
        b12.put("unit", "ng/L");
        create(user, b12);
        create(user, ferritinForm("45", "2026-10-13"));
        String page = user.get("/labs").asString();
        int ferritin = page.indexOf("data-lab-test=\"ferritin\"");
        int vitaminB12 = page.indexOf("data-lab-test=\"vitamin-b12\"");
        assertTrue(ferritin > 0 && vitaminB12 > ferritin, "the test with the newest result first");
        assertTrue(page.indexOf("<strong>45 µg/L</strong>") < page.indexOf("<strong>12 µg/L</strong>"), "newest first");
    }

    @Test
    void anotherTestNeedsItsName() {
        Map<String, Object> form = ferritinForm("40", TODAY.toString());
        form.put("test", "other");
        assertRejectedKeepingValues(form, "name");
        TestUser user = TestUser.registered();
        form.put("name", "Vitamin B6");
        form.put("unit", "nmol/L");
        long id = create(user, form);
        assertEquals("Vitamin B6", fixtures.stored(id).name);
        user.get("/labs").then().body(containsString("<h2 id=\"test-other-vitamin-b6-heading\">Vitamin B6</h2>"));
    }

    @Test
    void refusesAMissingOrUnknownTest() {
        Map<String, Object> form = ferritinForm("12", TODAY.toString());
        form.put("test", "");
        assertRejectedKeepingValues(form, "test");
        form.put("test", "unobtainium");
        assertRejectedKeepingValues(form, "test").then().body(containsString("is not a test on the list"));
    }

    @Test
    void refusesAValueThatIsNotANumberAndKeepsIt() {
        assertRejectedKeepingValues(ferritinForm("twelve", TODAY.toString()), "value").then()
                .body(containsString("value=\"twelve\""));
        assertRejectedKeepingValues(ferritinForm("", TODAY.toString()), "value");
        assertRejectedKeepingValues(ferritinForm("<5", TODAY.toString()), "value");
    }

    @Test
    void refusesANegativeValue() {
        assertRejectedKeepingValues(ferritinForm("-3", TODAY.toString()), "value").then()
                .body(containsString("cannot be below 0"));
    }

    @Test
    void acceptsZeroAndADecimalComma() {
        TestUser user = TestUser.registered();
        long zero = create(user, ferritinForm("0", "2026-09-01"));
        long comma = create(user, ferritinForm("4,5", "2026-09-02"));
        assertEquals(0, BigDecimal.ZERO.compareTo(fixtures.stored(zero).value));
        assertEquals(new BigDecimal("4.5"), fixtures.stored(comma).value);
    }

    @Test
    void refusesAMissingOrLongUnit() {
        Map<String, Object> form = ferritinForm("12", TODAY.toString());
        form.put("unit", "");
        TestUser user = rejectedFormsUser();
        user.post("/labs", form).then().statusCode(400).body(containsString("data-error-for=\"unit\""));
        form.put("unit", "u".repeat(21));
        user.post("/labs", form).then().statusCode(400).body(containsString("data-error-for=\"unit\""))
                .body(containsString("value=\"" + "u".repeat(21) + "\""));
    }

    @Test
    void refusesALowAboveTheHighAndMalformedLimits() {
        Map<String, Object> form = ferritinForm("12", TODAY.toString());
        form.put("low", "400");
        form.put("high", "30");
        assertRejectedKeepingValues(form, "low").then().body(containsString("cannot be above the upper limit"));
        form.put("low", "thirty");
        form.put("high", "400");
        assertRejectedKeepingValues(form, "low");
        form.put("low", "30");
        form.put("high", "lots");
        assertRejectedKeepingValues(form, "high");
    }

    @Test
    void acceptsALowEqualToTheHigh() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = ferritinForm("30", TODAY.toString());
        form.put("high", "30");
        create(user, form);
        user.get("/labs").then().body(containsString("within the range your lab printed (30\u201330 µg/L)"));
    }

    @Test
    void refusesABadDate() {
        assertRejectedKeepingValues(ferritinForm("12", ""), "date");
        assertRejectedKeepingValues(ferritinForm("12", "2026-02-30"), "date");
        assertRejectedKeepingValues(ferritinForm("12", TODAY.plusDays(1).toString()), "date");
        assertRejectedKeepingValues(ferritinForm("12", "1899-12-31"), "date");
    }

    @Test
    void theLatestDateAllowedIsTodayWhereTheUserIs() {
        TestUser user = TestUser.registered();
        user.post("/account/profile", Map.of("name", "", "birthDate", "", "timeZone", FAR_EAST.getId(),
                "reminderTime", "")).then().statusCode(303);
        LocalDate farEastToday = LocalDate.now(FAR_EAST);
        create(user, ferritinForm("12", farEastToday.toString()));
        user.post("/labs", ferritinForm("12", farEastToday.plusDays(1).toString())).then().statusCode(400)
                .body(containsString("data-error-for=\"date\""));
    }

    @Test
    void refusesLongNotes() {
        Map<String, Object> form = ferritinForm("12", TODAY.toString());
        form.put("notes", "Fasting, morning" + "x".repeat(490));
        rejectedFormsUser().post("/labs", form).then().statusCode(400)
                .body(containsString("data-error-for=\"notes\""));
    }

    @Test
    void editsWithTheVersionAndRefusesAStaleEditWith409() {
        TestUser user = TestUser.registered();
        long id = create(user, ferritinForm("12", "2026-10-02"));
        user.get("/labs/" + id + "/edit").then().statusCode(200)
                .body(containsString("name=\"version\" value=\"0\""))
                .body(containsString("<option value=\"ferritin\" selected>"))
                .body(containsString("value=\"12\""));
        Map<String, Object> firstTab = ferritinForm("13", "2026-10-02");
        firstTab.put("version", "0");
        user.post("/labs/" + id, firstTab).then().statusCode(303).header("Location", endsWith("/labs"));
        user.get("/labs").then().body(containsString("Changes saved."));

        Map<String, Object> secondTab = ferritinForm("14.5", "2026-10-02");
        secondTab.put("notes", "Typed in the second tab");
        secondTab.put("version", "0");
        user.post("/labs/" + id, secondTab).then().statusCode(409)
                .body(containsString("changed somewhere else"))
                .body(containsString("value=\"14.5\""))
                .body(containsString("Typed in the second tab"))
                .body(containsString("<dd>13 µg/L</dd>"))
                .body(containsString("name=\"version\" value=\"1\""));
        LabResult stored = fixtures.stored(id);
        assertEquals(new BigDecimal("13"), stored.value);
        assertEquals("Fasting, morning", stored.notes);
        assertEquals(1, stored.version);
    }

    @Test
    void anInvalidEditIsRefusedWithTheSameForm() {
        TestUser user = TestUser.registered();
        long id = create(user, ferritinForm("12", "2026-10-02"));
        Map<String, Object> changed = ferritinForm("a lot", "2026-10-02");
        changed.put("version", "0");
        user.post("/labs/" + id, changed).then().statusCode(400)
                .body(containsString("data-error-for=\"value\""))
                .body(containsString("action=\"/labs/" + id + "\""))
                .body(containsString("value=\"a lot\""));
        assertEquals(new BigDecimal("12"), fixtures.stored(id).value);
    }

    @Test
    void deletesAfterConfirmation() {
        TestUser user = TestUser.registered();
        long id = create(user, ferritinForm("12", "2026-10-02"));
        user.get("/labs/" + id + "/delete").then().statusCode(200)
                .body(containsString("Delete this result?"))
                .body(containsString("action=\"/labs/" + id + "/delete\""));
        assertNotNull(fixtures.stored(id));
        user.post("/labs/" + id + "/delete", Map.of()).then().statusCode(303).header("Location", endsWith("/labs"));
        assertNull(fixtures.stored(id));
        user.get("/labs").then().body(containsString("Result deleted.")).body(containsString("No results yet"));
    }

    @Test
    void anotherUsersResultIsNotFoundForEveryActionAndStaysUnchanged() {
        TestUser owner = TestUser.registered();
        long id = create(owner, ferritinForm("12", "2026-10-02"));
        TestUser other = TestUser.registered();
        Map<String, Object> takeover = ferritinForm("999", "2026-10-02");
        takeover.put("version", "0");
        Map<String, Object> invalidTakeover = new HashMap<>(takeover);
        invalidTakeover.put("value", "");

        other.get("/labs/" + id + "/edit").then().statusCode(404).body(not(containsString("Fasting")));
        other.get("/labs/" + id + "/delete").then().statusCode(404).body(not(containsString("12 µg/L")));
        other.post("/labs/" + id, takeover).then().statusCode(404);
        other.post("/labs/" + id, invalidTakeover).then().statusCode(404);
        other.post("/labs/" + id + "/delete", Map.of()).then().statusCode(404);
        other.get("/labs").then().statusCode(200).body(not(containsString("12 µg/L")));

        LabResult stored = fixtures.stored(id);
        assertNotNull(stored);
        assertEquals(new BigDecimal("12"), stored.value);
        assertEquals(0, stored.version);
        String missing = other.get("/labs/999999999/edit").then().statusCode(404).extract().asString();
        String foreign = other.get("/labs/" + id + "/edit").then().extract().asString();
        assertEquals(missing.replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", ""),
                foreign.replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", ""));
    }

    @Test
    void anonymousIsSentToLogin() {
        TestUser anonymous = TestUser.anonymous();
        for (String path : List.of("/labs", "/labs/new", "/labs/1/edit", "/labs/1/delete")) {
            anonymous.get(path).then().statusCode(302).header("Location", containsString("/login"));
        }
    }

    @Test
    void userTextIsEscapedInTheListAndTheChart() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = ferritinForm("12", "2026-09-01");
        form.put("unit", "<b>x</b>");
        create(user, form);
        form.put("date", "2026-10-01");
        create(user, form);
        user.get("/labs").then().body(not(containsString("<b>x</b>"))).body(containsString("&lt;b&gt;x&lt;/b&gt;"));
    }
}
