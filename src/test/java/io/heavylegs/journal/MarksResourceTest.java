package io.heavylegs.journal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.codes.Symptom;
import io.heavylegs.support.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Marks as the user sees them: given on create, kept current on edit, listed, filtered, and read cheaply. */
@QuarkusTest
class MarksResourceTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    JournalFixtures fixtures;

    @Inject
    SessionFactory sessionFactory;

    private static Map<String, Object> entry(List<String> symptoms, List<String> factors) {
        Map<String, Object> form = new HashMap<>();
        form.put("date", TODAY.toString());
        form.put("severity", "6");
        form.put("symptoms", symptoms);
        form.put("factors", factors);
        return form;
    }

    private static long create(TestUser user, Map<String, Object> form) {
        Response created = user.post("/journal", form);
        created.then().statusCode(303);
        Matcher id = Pattern.compile("/journal/(\\d+)$").matcher(created.header("Location"));
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    private static List<String> storedCodes(long entryId) {
        return QuarkusTransaction.requiringNew().call(() -> EntryMark.forEntry(entryId).stream().map(m -> m.code).toList());
    }

    @Test
    void aCreatedEntryShowsItsMarksWithReasonsArticleAndVersion() {
        TestUser user = TestUser.registered();
        long id = create(user, entry(List.of("numbness", "tingling", "fatigue"), List.of("vegan-diet")));
        user.get("/journal/" + id).then().statusCode(200)
                .body(containsString("data-mark=\"vitamin-b12\""))
                .body(containsString("Numbness and tingling together can be a sign of low vitamin B12; "
                        + "tiredness fits the same pattern; a plant-based diet makes it more likely."))
                .body(containsString("href=\"/articles/vitamin-b12-deficiency\""))
                .body(containsString("rules version 2"))
                .body(containsString("This is not a diagnosis — take it to your doctor."))
                .body(not(containsString("data-mark=\"iron\"")));
        user.get("/journal").then()
                .body(containsString("data-mark=\"vitamin-b12\""))
                .body(containsString("not a diagnosis"));
    }

    @Test
    void theListWritesMarkIconsAsCharacterReferencesSoThePageStaysAscii() {
        TestUser user = TestUser.registered();
        create(user, entry(List.of("numbness", "tingling", "fatigue"), List.of("vegan-diet")));
        String list = user.get("/journal").then().statusCode(200)
                .body(containsString("data-mark=\"vitamin-b12\"><span class=\"mark-badge__icon\" aria-hidden=\"true\">&#x25c6;</span>"))
                .extract().asString();
        String page = list.substring(list.indexOf("<body>"));
        assertTrue(page.chars().allMatch(c -> c < 0x80), "a non-ASCII character in the journal list's body");
    }

    @Test
    void urgentComesFirstAsACareCard() {
        TestUser user = TestUser.registered();
        long id = create(user, entry(List.of("chest-pain", "pale-skin"), List.of()));
        String page = user.get("/journal/" + id).then().statusCode(200)
                .body(containsString("Chest pain can be a sign of a heart problem. Call emergency services now "
                        + "(999, 112 or 911)."))
                .body(containsString("href=\"/articles/when-to-see-a-doctor\""))
                .extract().asString();
        assertTrue(page.indexOf("data-mark=\"urgent\"") < page.indexOf("data-mark=\"iron\""));
        String list = user.get("/journal").then().extract().asString();
        assertTrue(list.indexOf("data-mark=\"urgent\"") < list.indexOf("data-mark=\"iron\""));
    }

    @Test
    void oneSwollenLegIsUrgentOnTheEntryTheListAndTheReport() {
        TestUser user = TestUser.registered();
        Map<String, Object> oneLeg = entry(List.of("swelling"), List.of());
        oneLeg.put("side", "left");
        long id = create(user, oneLeg);
        assertEquals(List.of("urgent"), storedCodes(id));
        user.get("/journal/" + id).then().statusCode(200)
                .body(containsString("class=\"care-card\" data-mark=\"urgent\""))
                .body(containsString("your left leg"))
                .body(containsString("Left leg"));
        user.get("/journal").then().body(containsString("data-mark=\"urgent\""));
        user.get("/report").then().statusCode(200).body(containsString("data-mark=\"urgent\""));
        assertTrue(user.get("/report.csv").asString().contains(",left,swelling,"));
    }

    @Test
    void swellingOfBothLegsIsSeeDoctorAndAnEditToOneLegMakesItUrgent() {
        TestUser user = TestUser.registered();
        Map<String, Object> bothLegs = entry(List.of("swelling"), List.of());
        bothLegs.put("side", "both");
        long id = create(user, bothLegs);
        assertEquals(List.of("see-doctor"), storedCodes(id));
        bothLegs.put("side", "right");
        bothLegs.put("version", "0");
        user.post("/journal/" + id, bothLegs).then().statusCode(303);
        assertEquals(List.of("urgent"), storedCodes(id));
    }

    @Test
    void editingAwayASymptomRemovesItsMark() {
        TestUser user = TestUser.registered();
        long id = create(user, entry(List.of("cramps", "twitching"), List.of()));
        assertEquals(List.of("magnesium"), storedCodes(id));
        Map<String, Object> edited = entry(List.of("cramps"), List.of());
        edited.put("version", "0");
        user.post("/journal/" + id, edited).then().statusCode(303);
        assertEquals(List.of(), storedCodes(id));
        user.get("/journal/" + id).then().body(not(containsString("data-mark=\"magnesium\"")));
    }

    @Test
    void deletingOrMovingAnEntryInsideTheWindowUpdatesItsNeighboursPersistentMark() {
        TestUser user = TestUser.registered();
        long[] ids = new long[7];
        for (int day = 0; day < 7; day++) {
            ids[day] = fixtures.add(user, TODAY.minusDays(12 - day), 3, Symptom.HEAVINESS).id;
        }
        assertTrue(storedCodes(ids[6]).contains("persistent"), "7 days with symptoms in 14");
        assertTrue(!storedCodes(ids[5]).contains("persistent"), "only 6 days up to the 6th entry");

        Map<String, Object> moved = entry(List.of("heaviness"), List.of());
        moved.put("date", TODAY.minusDays(40).toString());
        moved.put("version", "0");
        user.post("/journal/" + ids[0], moved).then().statusCode(303);
        assertTrue(!storedCodes(ids[6]).contains("persistent"), "moving a day out of the window removes it");

        moved.put("date", TODAY.minusDays(12).toString());
        moved.put("version", "1");
        user.post("/journal/" + ids[0], moved).then().statusCode(303);
        assertTrue(storedCodes(ids[6]).contains("persistent"), "moving it back restores it");

        user.post("/journal/" + ids[3] + "/delete", Map.of()).then().statusCode(303);
        assertTrue(!storedCodes(ids[6]).contains("persistent"), "deleting a day inside the window removes it");
        user.get("/journal/" + ids[6]).then().body(not(containsString("data-mark=\"persistent\"")));
    }

    @Test
    void aCreateWritesOnlyTheMarksThatChange() {
        TestUser user = TestUser.registered();
        for (int i = 0; i < 10; i++) {
            fixtures.add(user, TODAY, 5, Symptom.CRAMPS, Symptom.TWITCHING);
        }
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        fixtures.add(user, TODAY, 5, Symptom.PALE_SKIN, Symptom.FATIGUE);
        // The ten neighbours of the same day are recomputed, but their magnesium marks stay as they were.
        assertEquals(0, statistics.getEntityDeleteCount());
        assertEquals(0, statistics.getEntityUpdateCount());
        assertEquals(2, statistics.getEntityInsertCount(), "the new entry and its iron mark");
    }

    @Test
    void theMarkFilterListsOnlyEntriesWithThatMark() {
        TestUser user = TestUser.registered();
        long iron = create(user, entry(List.of("pale-skin", "fatigue"), List.of()));
        long plain = create(user, entry(List.of("fatigue"), List.of()));
        String filtered = user.get("/journal?mark=iron").then().statusCode(200).extract().asString();
        assertTrue(filtered.contains("href=\"/journal/" + iron + "\""));
        assertTrue(!filtered.contains("href=\"/journal/" + plain + "\""));
        assertTrue(filtered.contains("<option value=\"iron\" selected>"));
        user.get("/journal?mark=scurvy").then().statusCode(400)
                .body(containsString("data-error-for=\"mark\""));
    }
}
