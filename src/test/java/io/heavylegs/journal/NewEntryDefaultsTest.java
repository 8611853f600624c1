package io.heavylegs.journal;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A new entry starts at now in the user's time zone, with the profile's standing factors ticked in advance. */
@QuarkusTest
class NewEntryDefaultsTest {

    /** Fourteen hours ahead of UTC: its today is tomorrow for most of the world for part of every day. */
    private static final ZoneId FAR_EAST = ZoneId.of("Pacific/Kiritimati");
    private static final Pattern DATE = Pattern.compile("name=\"date\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"date\"");
    private static final Pattern TIME = Pattern.compile("name=\"time\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"time\"");

    private static String field(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertTrue(matcher.find(), "no such field in the form");
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static void saveProfile(TestUser user, String zone, List<String> factors) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "");
        form.put("birthDate", "");
        form.put("timeZone", zone);
        form.put("reminderTime", "");
        form.put("standingFactors", factors);
        user.post("/account/profile", form).then().statusCode(303);
    }

    private static void assertAboutNow(ZoneId zone, String date, String time) {
        LocalDateTime shown = LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time));
        Duration off = Duration.between(shown, LocalDateTime.now(zone)).abs();
        assertTrue(off.compareTo(Duration.ofMinutes(2)) < 0, "the form starts at now in " + zone + ": " + shown);
    }

    @Test
    void theFormStartsAtNowInTheUsersZoneWithTheStandingFactorsTicked() {
        TestUser user = TestUser.registered();
        saveProfile(user, FAR_EAST.getId(), List.of("vegan-diet", "low-sunlight"));
        String page = user.get("/journal/new").then().statusCode(200).extract().asString();
        assertAboutNow(FAR_EAST, field(DATE, page), field(TIME, page));
        assertTrue(page.contains("value=\"vegan-diet\" checked"), "standing factor ticked");
        assertTrue(page.contains("value=\"low-sunlight\" checked"), "standing factor ticked");
        assertTrue(!page.contains("value=\"diabetes\" checked"));
    }

    @Test
    void theUsersTodayIsAcceptedAndAStandingFactorCanBeUntickedForOneEntry() {
        TestUser user = TestUser.registered();
        saveProfile(user, FAR_EAST.getId(), List.of("vegan-diet"));
        Map<String, Object> form = new HashMap<>();
        form.put("date", LocalDate.now(FAR_EAST).toString());
        form.put("severity", "4");
        form.put("symptoms", List.of("heaviness"));
        // vegan-diet unticked for this entry only
        Response created = user.post("/journal", form);
        created.then().statusCode(303);
        user.get(created.header("Location")).then().statusCode(200)
                .body(containsString("<dt>Factors</dt>"))
                .body(org.hamcrest.Matchers.not(containsString("plant-based")));
        user.get("/journal/new").then().body(containsString("value=\"vegan-diet\" checked"));
    }

    @Test
    void withoutAProfileTheFormStartsAtNowInUtcWithNothingTicked() {
        TestUser user = TestUser.registered();
        String page = user.get("/journal/new").then().statusCode(200).extract().asString();
        assertAboutNow(ZoneId.of("UTC"), field(DATE, page), field(TIME, page));
        assertTrue(!page.contains("name=\"factors\" value=\"vegan-diet\" checked"));
        assertEquals(-1, page.indexOf("name=\"factors\" value=\"low-sunlight\" checked"));
    }

    @Test
    void logThisAgainTakesTheEarlierEntrysFactorsNotTheStandingOnes() {
        TestUser user = TestUser.registered();
        Map<String, Object> earlier = new HashMap<>();
        earlier.put("date", LocalDate.now(FAR_EAST).minusDays(2).toString());
        earlier.put("severity", "3");
        earlier.put("factors", List.of("heavy-exercise"));
        Response created = user.post("/journal", earlier);
        created.then().statusCode(303);
        String id = created.header("Location").replaceAll(".*/", "");
        saveProfile(user, FAR_EAST.getId(), List.of("vegan-diet"));
        String page = user.get("/journal/new?like=" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"heavy-exercise\" checked"));
        assertTrue(!page.contains("value=\"vegan-diet\" checked"));
        assertAboutNow(FAR_EAST, field(DATE, page), field(TIME, page));
    }
}
