package io.heavylegs.journal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Symptom;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class JournalResourceTest {

    private static final LocalDate TODAY = LocalDate.now();

    /** One account for the tests that only send rejected forms: registering costs a deliberate bcrypt. */
    private static TestUser rejected;

    @Inject
    JournalFixtures fixtures;

    private static synchronized TestUser rejectedFormsUser() {
        if (rejected == null) {
            rejected = TestUser.registered();
        }
        return rejected;
    }

    private static Map<String, Object> entryForm(String date) {
        Map<String, Object> form = new HashMap<>();
        form.put("date", date);
        form.put("time", "21:15");
        form.put("severity", "7");
        form.put("symptoms", List.of("heaviness", "cramps"));
        form.put("factors", List.of("low-fluids"));
        form.put("notes", "Long walk in the heat");
        return form;
    }

    private static long idFrom(Response created) {
        Matcher matcher = Pattern.compile("/journal/(\\d+)$").matcher(created.header("Location"));
        assertTrue(matcher.find(), created.header("Location"));
        return Long.parseLong(matcher.group(1));
    }

    private static long create(TestUser user, Map<String, Object> form) {
        Response created = user.post("/journal", form);
        created.then().statusCode(303);
        return idFrom(created);
    }

    /** Asserts a 400 with a message at {@code field}, and that the rest of what was typed is still there. */
    private static Response assertRejectedKeepingValues(Map<String, Object> form, String field) {
        TestUser user = rejectedFormsUser();
        Response response = user.post("/journal", form);
        response.then().statusCode(400)
                .body(containsString("data-error-for=\"" + field + "\""))
                .body(containsString("Long walk in the heat"))
                .body(containsString("value=\"heaviness\" checked"))
                .body(containsString("value=\"cramps\" checked"))
                .body(containsString("value=\"low-fluids\" checked"))
                .body(not(containsString("value=\"fatigue\" checked")));
        user.get("/journal").then().body(containsString("Your journal is empty"));
        return response;
    }

    @Test
    void createsAnEntryAndShowsEveryField() {
        TestUser user = TestUser.registered();
        Response created = user.post("/journal", entryForm(TODAY.minusDays(1).toString()));
        created.then().statusCode(303).header("Location", matchesPattern(".*/journal/\\d+$"));
        user.get(created.header("Location")).then().statusCode(200)
                .body(containsString(TODAY.minusDays(1).toString()))
                .body(containsString("21:15"))
                .body(containsString("7 of 10"))
                .body(containsString("Heavy legs"))
                .body(containsString("Muscle cramps"))
                .body(containsString("Drank little, possibly dehydrated"))
                .body(containsString("Long walk in the heat"))
                .body(containsString("Entry saved."))
                .body(containsString("/journal/" + idFrom(created) + "/edit"))
                .body(containsString("/journal/" + idFrom(created) + "/delete"));
    }

    @Test
    void newFormDefaultsToTodayWithGroupedChoices() {
        TestUser user = TestUser.registered();
        user.get("/journal/new").then().statusCode(200)
                .body(containsString("value=\"" + TODAY + "\""))
                .body(containsString("<legend>Muscles and bones</legend>"))
                .body(containsString("<legend>Nerves</legend>"))
                .body(containsString("<legend>Circulation and skin</legend>"))
                .body(containsString("<legend>Whole body</legend>"))
                .body(containsString("name=\"side\" value=\"left\""))
                .body(containsString("name=\"side\" value=\"\" checked"))
                .body(containsString("value=\"calf-pain-walking\""))
                .body(containsString("name=\"severity\" value=\"0\""))
                .body(containsString("name=\"severity\" value=\"10\""))
                .body(containsString("none"))
                .body(containsString("worst"))
                .body(containsString("Up to 2000 characters"))
                .body(containsString("name=\"csrf-token\""))
                .body(not(containsString("style=")));
    }

    @Test
    void rejectsMissingDate() {
        Map<String, Object> form = entryForm("");
        assertRejectedKeepingValues(form, "date");
    }

    @Test
    void rejectsMalformedDateAndKeepsIt() {
        assertRejectedKeepingValues(entryForm("14/03/2026"), "date").then()
                .body(containsString("value=\"14/03/2026\""));
    }

    @Test
    void rejectsImpossibleDateWithoutFailing() {
        assertRejectedKeepingValues(entryForm("2025-02-30"), "date").then()
                .body(containsString("There is no such day as 2025-02-30"));
    }

    @Test
    void rejectsDateAfterToday() {
        assertRejectedKeepingValues(entryForm(TODAY.plusDays(1).toString()), "date");
    }

    @Test
    void rejectsDateBefore1900() {
        assertRejectedKeepingValues(entryForm("1899-12-31"), "date");
        long id = create(TestUser.registered(), entryForm("1900-01-01"));
        assertEquals(LocalDate.of(1900, 1, 1), fixtures.stored(id).entryDate);
    }

    @Test
    void rejectsMalformedTime() {
        Map<String, Object> form = entryForm(TODAY.toString());
        form.put("time", "25:00");
        assertRejectedKeepingValues(form, "time").then().body(containsString("value=\"25:00\""));
    }

    @Test
    void acceptsAnEntryWithoutTime() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = entryForm(TODAY.toString());
        form.put("time", "");
        long id = create(user, form);
        assertNull(fixtures.stored(id).entryTime);
    }

    @Test
    void rejectsMissingSeverity() {
        Map<String, Object> form = entryForm(TODAY.toString());
        form.put("severity", "");
        assertRejectedKeepingValues(form, "severity");
    }

    @Test
    void rejectsSeverityAboveTen() {
        Map<String, Object> form = entryForm(TODAY.toString());
        form.put("severity", "11");
        assertRejectedKeepingValues(form, "severity").then().body(containsString("\u201c11\u201d"));
    }

    @Test
    void rejectsSeverityThatIsNotAWholeNumber() {
        for (String typed : List.of("-1", "4.5", "heavy")) {
            Map<String, Object> form = entryForm(TODAY.toString());
            form.put("severity", typed);
            assertRejectedKeepingValues(form, "severity");
        }
    }

    @Test
    void keepsTheChosenSeverityWhenAnotherFieldIsWrong() {
        rejectedFormsUser().post("/journal", entryForm("")).then().statusCode(400)
                .body(containsString("name=\"severity\" value=\"7\" checked"));
    }

    @Test
    void rejectsUnknownSymptomCode() {
        Map<String, Object> form = entryForm(TODAY.toString());
        form.put("symptoms", List.of("heaviness", "cramps", "wobbly-knees"));
        assertRejectedKeepingValues(form, "symptoms").then().body(containsString("wobbly-knees"));
    }

    @Test
    void rejectsUnknownFactorCode() {
        Map<String, Object> form = entryForm(TODAY.toString());
        form.put("factors", List.of("low-fluids", "full-moon"));
        assertRejectedKeepingValues(form, "factors");
    }

    @Test
    void rejectsNotesOverTheLimit() {
        Map<String, Object> form = entryForm(TODAY.toString());
        String tooLong = "Long walk in the heat " + "x".repeat(2000);
        form.put("notes", tooLong);
        assertRejectedKeepingValues(form, "notes").then().body(containsString(tooLong));
    }

    @Test
    void acceptsNotesOfExactlyTheLimitWithWindowsLineBreaks() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = entryForm(TODAY.toString());
        String notes = "a\r\n" + "b".repeat(1998);
        form.put("notes", notes);
        long id = create(user, form);
        assertEquals(2000, fixtures.stored(id).notes.length());
    }

    @Test
    void keepsSeveralEntriesOnOneDate() {
        TestUser user = TestUser.registered();
        Map<String, Object> morning = entryForm(TODAY.toString());
        morning.put("time", "08:00");
        Map<String, Object> evening = entryForm(TODAY.toString());
        evening.put("time", "22:30");
        create(user, morning);
        create(user, evening);
        String list = user.get("/journal").then().statusCode(200).extract().asString();
        assertTrue(list.indexOf("22:30") < list.indexOf("08:00"), "the later entry of the day comes first");
        assertTrue(list.contains("(2)"));
    }

    @Test
    void editsAnEntry() {
        TestUser user = TestUser.registered();
        long id = create(user, entryForm(TODAY.toString()));
        user.get("/journal/" + id + "/edit").then().statusCode(200)
                .body(containsString("action=\"/journal/" + id + "\""))
                .body(containsString("name=\"version\" value=\"0\""))
                .body(containsString("value=\"heaviness\" checked"))
                .body(containsString("name=\"severity\" value=\"7\" checked"));
        Map<String, Object> changed = entryForm(TODAY.toString());
        changed.put("severity", "3");
        changed.put("symptoms", List.of("tingling"));
        changed.put("version", "0");
        user.post("/journal/" + id, changed).then().statusCode(303).header("Location", containsString("/journal/" + id));
        JournalEntry stored = fixtures.stored(id);
        assertEquals(3, stored.severity);
        assertEquals(Set.of(Symptom.TINGLING), stored.symptoms());
        assertEquals(1, stored.version);
        user.get("/journal/" + id).then().body(containsString("Changes saved."));
    }

    @Test
    void refusesAStaleEditAndKeepsWhatWasTyped() {
        TestUser user = TestUser.registered();
        long id = create(user, entryForm(TODAY.toString()));
        Map<String, Object> firstTab = entryForm(TODAY.toString());
        firstTab.put("severity", "2");
        firstTab.put("version", "0");
        user.post("/journal/" + id, firstTab).then().statusCode(303);

        Map<String, Object> secondTab = entryForm(TODAY.toString());
        secondTab.put("severity", "9");
        secondTab.put("notes", "Typed in the second tab");
        secondTab.put("version", "0");
        user.post("/journal/" + id, secondTab).then().statusCode(409)
                .body(containsString("changed somewhere else"))
                .body(containsString("Typed in the second tab"))
                .body(containsString("name=\"severity\" value=\"9\" checked"))
                .body(containsString("2 of 10"))
                .body(containsString("name=\"version\" value=\"1\""));
        JournalEntry stored = fixtures.stored(id);
        assertEquals(2, stored.severity);
        assertEquals("Long walk in the heat", stored.notes);
    }

    @Test
    void invalidEditIsRefusedWithTheSameForm() {
        TestUser user = TestUser.registered();
        long id = create(user, entryForm(TODAY.toString()));
        Map<String, Object> changed = entryForm("not a date");
        changed.put("version", "0");
        user.post("/journal/" + id, changed).then().statusCode(400)
                .body(containsString("data-error-for=\"date\""))
                .body(containsString("action=\"/journal/" + id + "\""))
                .body(containsString("value=\"not a date\""));
        assertEquals(TODAY, fixtures.stored(id).entryDate);
    }

    @Test
    void deletesAfterConfirmation() {
        TestUser user = TestUser.registered();
        long id = create(user, entryForm(TODAY.toString()));
        user.get("/journal/" + id + "/delete").then().statusCode(200)
                .body(containsString("action=\"/journal/" + id + "/delete\""));
        user.post("/journal/" + id + "/delete", Map.of()).then().statusCode(303)
                .header("Location", matchesPattern(".*/journal$"));
        assertNull(fixtures.stored(id));
        user.get("/journal").then().body(containsString("Entry deleted."));
        user.get("/journal/" + id).then().statusCode(404);
    }

    @Test
    void anotherUsersEntryIsNotFoundForEveryActionAndStaysUnchanged() {
        TestUser owner = TestUser.registered();
        long id = create(owner, entryForm(TODAY.toString()));
        TestUser other = TestUser.registered();
        Map<String, Object> takeover = entryForm(TODAY.toString());
        takeover.put("notes", "changed by someone else");
        takeover.put("version", "0");

        other.get("/journal/" + id).then().statusCode(404).body(not(containsString("Long walk")));
        other.get("/journal/" + id + "/edit").then().statusCode(404).body(not(containsString("Long walk")));
        other.get("/journal/" + id + "/delete").then().statusCode(404);
        other.post("/journal/" + id, takeover).then().statusCode(404);
        Map<String, Object> invalidTakeover = new HashMap<>(takeover);
        invalidTakeover.put("date", "");
        other.post("/journal/" + id, invalidTakeover).then().statusCode(404);
        other.post("/journal/" + id + "/delete", Map.of()).then().statusCode(404);
        other.get("/journal").then().body(not(containsString("/journal/" + id + "\"")));

        JournalEntry stored = fixtures.stored(id);
        assertNotNull(stored);
        assertEquals("Long walk in the heat", stored.notes);
        assertEquals(0, stored.version);
        String missing = other.get("/journal/999999999").then().statusCode(404).extract().asString();
        String foreign = other.get("/journal/" + id).then().extract().asString();
        // The CSRF token of the layout's logout form is per page view, not per entry: compare without it.
        assertEquals(withoutCsrfToken(missing), withoutCsrfToken(foreign),
                "another user's entry looks exactly like a missing one");
    }

    @Test
    void anonymousIsSentToLogin() {
        TestUser anonymous = TestUser.anonymous();
        for (String path : List.of("/journal", "/journal/new", "/journal/1", "/journal/1/edit")) {
            anonymous.get(path).then().statusCode(302).header("Location", containsString("/login"));
        }
    }

    @Test
    void notesAreEscaped() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = entryForm(TODAY.toString());
        form.put("notes", "<script>alert(1)</script>");
        long id = create(user, form);
        user.get("/journal/" + id).then()
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")));
    }

    @Test
    void pagesTwentyAtATimeKeepingTheFilter() {
        TestUser user = TestUser.registered();
        for (int day = 0; day < 25; day++) {
            fixtures.add(user, TODAY.minusDays(day), day % 11);
        }
        fixtures.add(user, TODAY.minusDays(40), 5);
        String firstPage = user.get("/journal").then().statusCode(200).extract().asString();
        assertEquals(20, count(firstPage, "class=\"entry-row\""));
        assertTrue(firstPage.contains("Page 1 of 2"));
        assertTrue(firstPage.contains("href=\"/journal?page=2\""));

        String from = TODAY.minusDays(30).toString();
        String filtered = user.get("/journal?from=" + from).then().statusCode(200).extract().asString();
        assertTrue(filtered.contains("href=\"/journal?from=" + from + "&amp;page=2\""), "the filter is kept");
        String secondPage = user.get("/journal?from=" + from + "&page=2").then().statusCode(200).extract().asString();
        assertEquals(5, count(secondPage, "class=\"entry-row\""));
        assertTrue(secondPage.contains("href=\"/journal?from=" + from + "\""), "the newer link keeps the filter");
        assertTrue(secondPage.contains(TODAY.minusDays(24).toString().substring(0, 4)));
    }

    @Test
    void filtersByDateRange() {
        TestUser user = TestUser.registered();
        fixtures.add(user, JournalFixtures.values(LocalDate.of(2024, 5, 1), LocalTime.of(7, 1), 1));
        fixtures.add(user, JournalFixtures.values(LocalDate.of(2024, 5, 10), LocalTime.of(7, 2), 2));
        fixtures.add(user, JournalFixtures.values(LocalDate.of(2024, 5, 20), LocalTime.of(7, 3), 3));
        String to = user.get("/journal?to=2024-05-10").then().statusCode(200).extract().asString();
        assertTrue(to.contains("07:01") && to.contains("07:02") && !to.contains("07:03"));
        String from = user.get("/journal?from=2024-05-10").then().statusCode(200).extract().asString();
        assertTrue(!from.contains("07:01") && from.contains("07:02") && from.contains("07:03"));
        String both = user.get("/journal?from=2024-05-02&to=2024-05-19").then().extract().asString();
        assertTrue(!both.contains("07:01") && both.contains("07:02") && !both.contains("07:03"));
        assertTrue(both.contains("value=\"2024-05-02\""));
    }

    @Test
    void rejectsInvalidFiltersNextToTheField() {
        TestUser user = TestUser.registered();
        user.get("/journal?from=yesterday").then().statusCode(400)
                .body(containsString("data-error-for=\"from\""))
                .body(containsString("value=\"yesterday\""));
        user.get("/journal?to=2025-02-30").then().statusCode(400).body(containsString("data-error-for=\"to\""));
        user.get("/journal?from=2025-03-02&to=2025-03-01").then().statusCode(400)
                .body(containsString("data-error-for=\"to\""));
        user.get("/journal?page=0").then().statusCode(400).body(containsString("data-error-for=\"page\""));
        user.get("/journal?page=two").then().statusCode(400).body(containsString("data-error-for=\"page\""));
    }

    @Test
    void emptyJournalExplainsHowToStart() {
        TestUser.registered().get("/journal").then().statusCode(200)
                .body(containsString("Your journal is empty"))
                .body(containsString("href=\"/journal/new\""));
    }

    @Test
    void listShowsSeverityBarAndChartWithoutInlineStyles() {
        TestUser user = TestUser.registered();
        fixtures.add(user, TODAY, 6, Symptom.NUMBNESS);
        user.get("/journal").then().statusCode(200)
                .body(containsString("sev-bar sev-6"))
                .body(containsString("Numbness"))
                .body(containsString("<svg"))
                .body(containsString("<title id=\"severity-chart-title\">"))
                .body(containsString("Entries on 1 of 30 days"))
                .body(not(containsString("style=")));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", "name=\"csrf-token\"");
    }
}
