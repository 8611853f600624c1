package io.heavylegs.treatment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class TreatmentResourceTest {

    private static final LocalDate TODAY = LocalDate.now();
    /** Fourteen hours ahead of UTC: its today is tomorrow on the server for part of every day. */
    private static final ZoneId FAR_EAST = ZoneId.of("Pacific/Kiritimati");
    private static final Pattern CARD_ID = Pattern.compile("data-treatment=\"(\\d+)\"");

    /** One account for the tests that only send refused forms: registering costs a deliberate bcrypt. */
    private static TestUser rejected;

    @Inject
    TreatmentFixtures fixtures;

    private static synchronized TestUser rejectedFormsUser() {
        if (rejected == null) {
            rejected = TestUser.registered();
        }
        return rejected;
    }

    static Map<String, Object> b12Form() {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", "supplement");
        form.put("name", "Vitamin B12");
        form.put("dose", "1000 µg a day");
        form.put("started", TODAY.minusDays(40).toString());
        form.put("stopped", "");
        form.put("notes", "Suggested by Dr Okafor");
        return form;
    }

    /** Creates a treatment and returns its id, read from the list the 303 leads to. */
    static long create(TestUser user, Map<String, Object> form) {
        String before = user.get("/treatments").asString();
        user.post("/treatments", form).then().statusCode(303).header("Location", endsWith("/treatments"));
        String after = user.get("/treatments").asString();
        Matcher matcher = CARD_ID.matcher(after);
        while (matcher.find()) {
            if (!before.contains(matcher.group(0))) {
                return Long.parseLong(matcher.group(1));
            }
        }
        throw new AssertionError("The new treatment is not on the list");
    }

    private Response assertRejectedKeepingValues(Map<String, Object> form, String field) {
        TestUser user = rejectedFormsUser();
        Response response = user.post("/treatments", form);
        response.then().statusCode(400)
                .body(containsString("data-error-for=\"" + field + "\""))
                .body(containsString("Suggested by Dr Okafor"))
                .body(containsString("value=\"1000 µg a day\""));
        assertEquals(0, fixtures.countOwnedBy(user.email), "a refused form stores nothing");
        return response;
    }

    @Test
    void createsAndListsCurrentBeforePastWithDoseAndDates() {
        TestUser user = TestUser.registered();
        Map<String, Object> iron = b12Form();
        iron.put("name", "Ferrous sulfate");
        iron.put("dose", "200 mg twice a day");
        iron.put("started", "2026-03-01");
        iron.put("stopped", "2026-05-31");
        create(user, iron);
        long b12 = create(user, b12Form());

        String page = user.get("/treatments").then().statusCode(200)
                .body(containsString("Taking now"))
                .body(containsString("Taken before"))
                .body(containsString("1000 µg a day"))
                .body(containsString("200 mg twice a day"))
                .body(containsString("Sun 1 Mar 2026 to Sun 31 May 2026"))
                .body(containsString("since " + io.heavylegs.web.Formats.shortDate(TODAY.minusDays(40))))
                .body(containsString("href=\"/insights\""))
                .body(containsString("/treatments/" + b12 + "/edit"))
                .extract().asString();
        assertTrue(page.indexOf("Vitamin B12") < page.indexOf("Ferrous sulfate"), "current first, then past");
        assertTrue(page.indexOf("Taking now") < page.indexOf("Vitamin B12")
                && page.indexOf("Vitamin B12") < page.indexOf("Taken before"));

        Treatment stored = fixtures.stored(b12);
        assertEquals(TreatmentKind.SUPPLEMENT, stored.kind());
        assertEquals("1000 µg a day", stored.dose);
        assertNull(stored.stopped);
    }

    @Test
    void showsTheFlashMessageOnce() {
        TestUser user = TestUser.registered();
        user.post("/treatments", b12Form()).then().statusCode(303);
        user.get("/treatments").then().body(containsString("\u201cVitamin B12\u201d saved."));
        user.get("/treatments").then().body(not(containsString("\u201cVitamin B12\u201d saved.")));
    }

    @Test
    void theNewFormStartsTodayAsASupplement() {
        TestUser user = TestUser.registered();
        user.get("/treatments/new").then().statusCode(200)
                .body(containsString("name=\"started\" type=\"date\" value=\"" + TODAY + "\""))
                .body(containsString("value=\"supplement\" checked"))
                .body(containsString("name=\"csrf-token\""))
                .body(not(containsString("name=\"version\"")));
    }

    @Test
    void refusesAMissingKind() {
        Map<String, Object> form = b12Form();
        form.remove("kind");
        assertRejectedKeepingValues(form, "kind");
    }

    @Test
    void refusesAnUnknownKind() {
        Map<String, Object> form = b12Form();
        form.put("kind", "potion");
        assertRejectedKeepingValues(form, "kind").then().body(containsString("\u201cpotion\u201d is not a kind"));
    }

    @Test
    void refusesAMissingName() {
        Map<String, Object> form = b12Form();
        form.put("name", "  ");
        assertRejectedKeepingValues(form, "name");
    }

    @Test
    void refusesANameOverOneHundredCharacters() {
        Map<String, Object> form = b12Form();
        form.put("name", "B".repeat(101));
        assertRejectedKeepingValues(form, "name").then().body(containsString("value=\"" + "B".repeat(101) + "\""));
    }

    @Test
    void acceptsANameOfExactlyOneHundredCharacters() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = b12Form();
        form.put("name", "B".repeat(100));
        user.post("/treatments", form).then().statusCode(303);
    }

    @Test
    void refusesADoseOverOneHundredCharacters() {
        Map<String, Object> form = b12Form();
        form.put("dose", "1000 µg a day" + "x".repeat(90));
        TestUser user = rejectedFormsUser();
        user.post("/treatments", form).then().statusCode(400).body(containsString("data-error-for=\"dose\""));
    }

    @Test
    void refusesAMissingStart() {
        Map<String, Object> form = b12Form();
        form.put("started", "");
        assertRejectedKeepingValues(form, "started");
    }

    @Test
    void refusesAMalformedStartAndKeepsIt() {
        Map<String, Object> form = b12Form();
        form.put("started", "3/9/2026");
        assertRejectedKeepingValues(form, "started").then().body(containsString("value=\"3/9/2026\""));
    }

    @Test
    void refusesAStartAfterToday() {
        Map<String, Object> form = b12Form();
        form.put("started", TODAY.plusDays(1).toString());
        assertRejectedKeepingValues(form, "started");
    }

    @Test
    void refusesAStopBeforeTheStart() {
        Map<String, Object> form = b12Form();
        form.put("stopped", TODAY.minusDays(41).toString());
        assertRejectedKeepingValues(form, "stopped").then()
                .body(containsString("cannot be before the start date"));
    }

    @Test
    void refusesAStopAfterToday() {
        Map<String, Object> form = b12Form();
        form.put("stopped", TODAY.plusDays(1).toString());
        assertRejectedKeepingValues(form, "stopped").then().body(containsString("cannot be after today"));
    }

    @Test
    void acceptsAStopOnTheStartDayAndKeepsItCurrentUntilThen() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = b12Form();
        form.put("started", TODAY.toString());
        form.put("stopped", TODAY.toString());
        long id = create(user, form);
        assertEquals(TODAY, fixtures.stored(id).stopped);
        String page = user.get("/treatments").asString();
        assertTrue(page.indexOf("Vitamin B12") < page.indexOf("Taken before"), "stopping today is still today");
    }

    @Test
    void refusesNotesOverFiveHundredCharacters() {
        Map<String, Object> form = b12Form();
        form.put("notes", "Suggested by Dr Okafor" + "x".repeat(480));
        TestUser user = rejectedFormsUser();
        user.post("/treatments", form).then().statusCode(400).body(containsString("data-error-for=\"notes\""))
                .body(containsString("at most 500 characters"));
    }

    @Test
    void editsWithTheVersion() {
        TestUser user = TestUser.registered();
        long id = create(user, b12Form());
        user.get("/treatments/" + id + "/edit").then().statusCode(200)
                .body(containsString("name=\"version\" value=\"0\""))
                .body(containsString("value=\"Vitamin B12\""))
                .body(containsString("action=\"/treatments/" + id + "\""));
        Map<String, Object> stop = b12Form();
        stop.put("stopped", TODAY.minusDays(1).toString());
        stop.put("version", "0");
        user.post("/treatments/" + id, stop).then().statusCode(303).header("Location", endsWith("/treatments"));
        Treatment stored = fixtures.stored(id);
        assertEquals(TODAY.minusDays(1), stored.stopped);
        assertEquals(1, stored.version);
        user.get("/treatments").then().body(containsString("Changes saved."));
    }

    @Test
    void refusesAStaleEditWith409AndKeepsWhatWasTyped() {
        TestUser user = TestUser.registered();
        long id = create(user, b12Form());
        Map<String, Object> firstTab = b12Form();
        firstTab.put("dose", "500 µg a day");
        firstTab.put("version", "0");
        user.post("/treatments/" + id, firstTab).then().statusCode(303);

        Map<String, Object> secondTab = b12Form();
        secondTab.put("dose", "2000 µg a week");
        secondTab.put("notes", "Typed in the second tab");
        secondTab.put("version", "0");
        user.post("/treatments/" + id, secondTab).then().statusCode(409)
                .body(containsString("changed somewhere else"))
                .body(containsString("value=\"2000 µg a week\""))
                .body(containsString("Typed in the second tab"))
                .body(containsString("<dd>500 µg a day</dd>"))
                .body(containsString("name=\"version\" value=\"1\""));
        Treatment stored = fixtures.stored(id);
        assertEquals("500 µg a day", stored.dose);
        assertEquals("Suggested by Dr Okafor", stored.notes);
    }

    @Test
    void anInvalidEditIsRefusedWithTheSameForm() {
        TestUser user = TestUser.registered();
        long id = create(user, b12Form());
        Map<String, Object> changed = b12Form();
        changed.put("started", "soon");
        changed.put("version", "0");
        user.post("/treatments/" + id, changed).then().statusCode(400)
                .body(containsString("data-error-for=\"started\""))
                .body(containsString("action=\"/treatments/" + id + "\""))
                .body(containsString("value=\"soon\""));
        assertEquals(TODAY.minusDays(40), fixtures.stored(id).started);
    }

    @Test
    void theLatestDateAllowedIsTodayWhereTheUserIs() {
        TestUser user = TestUser.registered();
        user.post("/account/profile", Map.of("name", "", "birthDate", "", "timeZone", FAR_EAST.getId(),
                "reminderTime", "")).then().statusCode(303);
        LocalDate farEastToday = LocalDate.now(FAR_EAST);
        Map<String, Object> form = b12Form();
        form.put("started", farEastToday.toString());
        long id = create(user, form);
        user.get("/treatments").then().body(containsString("Taking now <span class=\"muted\">(1)"));
        Map<String, Object> stopped = b12Form();
        stopped.put("started", farEastToday.minusDays(3).toString());
        stopped.put("stopped", farEastToday.toString());
        stopped.put("version", "0");
        user.post("/treatments/" + id, stopped).then().statusCode(303);
        form.put("started", farEastToday.plusDays(1).toString());
        user.post("/treatments", form).then().statusCode(400).body(containsString("data-error-for=\"started\""));
    }

    @Test
    void deletesAfterConfirmation() {
        TestUser user = TestUser.registered();
        long id = create(user, b12Form());
        user.get("/treatments/" + id + "/delete").then().statusCode(200)
                .body(containsString("Delete this treatment?"))
                .body(containsString("action=\"/treatments/" + id + "/delete\""));
        assertNotNull(fixtures.stored(id), "asking is not deleting");
        user.post("/treatments/" + id + "/delete", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/treatments"));
        assertNull(fixtures.stored(id));
        user.get("/treatments").then().body(containsString("Treatment deleted."));
        user.get("/treatments/" + id + "/edit").then().statusCode(404);
    }

    @Test
    void anotherUsersTreatmentIsNotFoundForEveryActionAndStaysUnchanged() {
        TestUser owner = TestUser.registered();
        long id = create(owner, b12Form());
        TestUser other = TestUser.registered();
        Map<String, Object> takeover = b12Form();
        takeover.put("notes", "changed by someone else");
        takeover.put("version", "0");
        Map<String, Object> invalidTakeover = new HashMap<>(takeover);
        invalidTakeover.put("name", "");

        other.get("/treatments/" + id + "/edit").then().statusCode(404).body(not(containsString("Dr Okafor")));
        other.get("/treatments/" + id + "/delete").then().statusCode(404).body(not(containsString("Vitamin B12")));
        other.post("/treatments/" + id, takeover).then().statusCode(404);
        other.post("/treatments/" + id, invalidTakeover).then().statusCode(404);
        other.post("/treatments/" + id + "/delete", Map.of()).then().statusCode(404);
        other.get("/treatments").then().statusCode(200).body(not(containsString("Vitamin B12")));

        Treatment stored = fixtures.stored(id);
        assertNotNull(stored);
        assertEquals("Suggested by Dr Okafor", stored.notes);
        assertEquals(0, stored.version);
        String missing = other.get("/treatments/999999999/edit").then().statusCode(404).extract().asString();
        String foreign = other.get("/treatments/" + id + "/edit").then().extract().asString();
        assertEquals(withoutCsrfToken(missing), withoutCsrfToken(foreign),
                "another user's treatment looks exactly like a missing one");
    }

    @Test
    void anonymousIsSentToLogin() {
        TestUser anonymous = TestUser.anonymous();
        for (String path : List.of("/treatments", "/treatments/new", "/treatments/1/edit", "/treatments/1/delete")) {
            anonymous.get(path).then().statusCode(302).header("Location", containsString("/login"));
        }
    }

    @Test
    void userTextIsEscaped() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = b12Form();
        form.put("name", "<script>alert(1)</script>");
        create(user, form);
        user.get("/treatments").then().body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("&lt;script&gt;"));
    }

    @Test
    void theJournalLeadsHere() {
        TestUser user = TestUser.registered();
        user.get("/journal").then().body(containsString("href=\"/treatments\""));
    }

    static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", "");
    }
}
