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

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** "Log this again": {@code /journal/new?like={id}} starts a new entry from one of the user's own. */
@QuarkusTest
class LogAgainTest {

    private static final Pattern CHECKED = Pattern.compile("name=\"(severity|side|symptoms|factors)\" value=\"([^\"]*)\" checked");

    private static Map<String, Object> earlierEntry() {
        Map<String, Object> form = new HashMap<>();
        form.put("date", LocalDate.now().minusDays(3).toString());
        form.put("time", "07:40");
        form.put("severity", "6");
        form.put("side", "left");
        form.put("symptoms", List.of("cramps", "tingling"));
        form.put("factors", List.of("vegan-diet", "low-fluids"));
        form.put("notes", "Private note about the night shift");
        return form;
    }

    private static long create(TestUser user, Map<String, Object> form) {
        Response created = user.post("/journal", form);
        created.then().statusCode(303);
        Matcher matcher = Pattern.compile("/journal/(\\d+)$").matcher(created.header("Location"));
        assertTrue(matcher.find(), created.header("Location"));
        return Long.parseLong(matcher.group(1));
    }

    /** What the form has ticked, as "field=value" in page order. */
    private static List<String> ticked(String page) {
        Matcher matcher = CHECKED.matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1) + "=" + matcher.group(2));
        }
        return found;
    }

    private static final List<String> BLANK = List.of("side=");

    @Test
    void startsWithSeveritySideSymptomsAndFactorsDatedTodayWithoutTimeOrNotes() {
        TestUser user = TestUser.registered();
        long id = create(user, earlierEntry());
        String page = user.get("/journal/new?like=" + id).then().statusCode(200).extract().asString();
        assertEquals(List.of("severity=6", "symptoms=cramps", "symptoms=tingling", "side=left", "factors=vegan-diet",
                "factors=low-fluids"), ticked(page));
        assertTrue(page.contains("value=\"" + LocalDate.now() + "\""), "dated today");
        assertTrue(!page.contains("07:40"), "the earlier entry's time is not copied");
        assertTrue(!page.contains("Private note"), "notes start empty");
        assertTrue(!page.contains("name=\"version\""), "a new entry, not an edit");
        assertTrue(page.contains("action=\"/journal\""), "the form creates a new entry");
    }

    @Test
    void savingTheCopyMakesASecondEntryAndLeavesTheFirstAsItWas() {
        TestUser user = TestUser.registered();
        long first = create(user, earlierEntry());
        Map<String, Object> copy = new HashMap<>(earlierEntry());
        copy.put("date", LocalDate.now().toString());
        copy.remove("time");
        copy.remove("notes");
        long second = create(user, copy);
        assertTrue(second != first);
        user.get("/journal/" + first).then().statusCode(200).body(containsString("Private note"));
        user.get("/journal").then().body(containsString("(2)"));
    }

    @Test
    void anotherUsersEntryGivesABlankFormThatTellsNothingAboutIt() {
        TestUser owner = TestUser.registered();
        long id = create(owner, earlierEntry());
        TestUser other = TestUser.registered();
        String page = other.get("/journal/new?like=" + id).then().statusCode(200).extract().asString();
        assertEquals(BLANK, ticked(page));
        assertTrue(!page.contains("Private note"));
    }

    @Test
    void aBadIdGivesABlankFormNeverAnError() {
        TestUser user = TestUser.registered();
        create(user, earlierEntry());
        for (String like : List.of("", "abc", "-1", "0", "1.5", "99999999999999999999999", "1%20OR%201=1", "' or 1=1--", "9223372036854775807")) {
            String page = user.get("/journal/new?like=" + like).then().statusCode(200).extract().asString();
            assertEquals(BLANK, ticked(page), "?like=" + like);
        }
    }

    @Test
    void theEntryPageAndTheNewestEntryOfTheJournalOfferIt() {
        TestUser user = TestUser.registered();
        long older = create(user, earlierEntry());
        Map<String, Object> newer = new HashMap<>(earlierEntry());
        newer.put("date", LocalDate.now().toString());
        long newest = create(user, newer);
        user.get("/journal/" + older).then().statusCode(200)
                .body(containsString("href=\"/journal/new?like=" + older + "\""));
        user.get("/journal").then().statusCode(200)
                .body(containsString("href=\"/journal/new?like=" + newest + "\""))
                .body(not(containsString("href=\"/journal/new?like=" + older + "\"")));
    }

    @Test
    void anEmptyJournalOffersNoCopy() {
        TestUser user = TestUser.registered();
        user.get("/journal").then().statusCode(200).body(not(containsString("?like=")));
    }
}
