package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The profile form of the account page (contract: POST /account/profile) and what reads it. */
@QuarkusTest
class ProfileTest {

    private static Map<String, Object> complete() {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "Ana Müller-Ørsted");
        form.put("birthDate", "1984-07-09");
        form.put("standingFactors", List.of("vegan-diet", "diabetes"));
        form.put("timeZone", "Europe/Berlin");
        form.put("reminderTime", "20:30");
        return form;
    }

    @Test
    void aNewAccountHasTheDefaults() {
        TestUser user = TestUser.registered();
        Profile profile = profileOf(user);
        assertNull(profile.name);
        assertNull(profile.birthDate);
        assertEquals(Set.of(), profile.standingFactors());
        assertEquals(Profile.DEFAULT_TIME_ZONE, profile.timeZone());
        assertFalse(profile.wantsReminder());
        user.get("/account").then().statusCode(200)
                .body(containsString("action=\"/account/profile\""))
                .body(containsString("<option value=\"UTC\" selected>"))
                .body(containsString("value=\"Europe/London\""))
                .body(not(containsString("SystemV/")));
    }

    @Test
    void storesEveryFieldAndShowsThemAgain() {
        TestUser user = TestUser.registered();
        user.post("/account/profile", complete()).then().statusCode(303).header("Location", endsWith("/account"));
        Profile profile = profileOf(user);
        assertEquals("Ana Müller-Ørsted", profile.name);
        assertEquals(LocalDate.of(1984, 7, 9), profile.birthDate);
        assertEquals(Set.of(Factor.VEGAN_DIET, Factor.DIABETES), profile.standingFactors());
        assertEquals(ZoneId.of("Europe/Berlin"), profile.timeZone());
        assertEquals(LocalTime.of(20, 30), profile.reminderTime);

        String page = user.get("/account").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Your profile is saved."), page);
        assertTrue(page.contains("value=\"Ana Müller-Ørsted\""), page);
        assertTrue(page.contains("value=\"1984-07-09\""), page);
        assertTrue(page.contains("value=\"vegan-diet\" checked"), page);
        assertTrue(page.contains("value=\"diabetes\" checked"), page);
        assertFalse(page.contains("value=\"low-sunlight\" checked"), page);
        assertTrue(page.contains("<option value=\"Europe/Berlin\" selected>"), page);
        assertTrue(page.contains("value=\"20:30\""), page);
    }

    @Test
    void aSecondSaveReplacesTheFirstAndEmptyFieldsClearThem() {
        TestUser user = TestUser.registered();
        user.post("/account/profile", complete()).then().statusCode(303);
        user.post("/account/profile", Map.of("name", "  ", "birthDate", "", "timeZone", "America/Sao_Paulo",
                "reminderTime", "")).then().statusCode(303);
        Profile profile = profileOf(user);
        assertNull(profile.name);
        assertNull(profile.birthDate);
        assertEquals(Set.of(), profile.standingFactors());
        assertEquals(ZoneId.of("America/Sao_Paulo"), profile.timeZone());
        assertFalse(profile.wantsReminder());
        assertEquals(1, rowsOf(user));
    }

    @Test
    void refusesBadValuesNextToEachFieldAndKeepsWhatWasTyped() {
        TestUser user = TestUser.registered();
        String page = user.post("/account/profile", Map.of("name", "Ana\u0000Maria", "birthDate", "1984-02-30",
                "standingFactors", List.of("vegan-diet", "coffee"), "timeZone", "Mars/Olympus_Mons",
                "reminderTime", "25:00")).then().statusCode(400).extract().asString();
        for (String field : List.of("name", "birthDate", "standingFactors", "timeZone", "reminderTime")) {
            assertTrue(page.contains("data-error-for=\"" + field + "\""), field + " should have its message");
        }
        assertTrue(page.contains("value=\"1984-02-30\""), "the typed date is kept");
        assertTrue(page.contains("value=\"25:00\""), "the typed time is kept");
        assertTrue(page.contains("value=\"vegan-diet\" checked"), "the ticked factor is kept");
        assertTrue(page.contains("no such day"), page);
        assertEquals(0, rowsOf(user), "nothing is stored");
    }

    @Test
    void refusesAFutureBirthDateAndTooLongAName() {
        TestUser user = TestUser.registered();
        Map<String, Object> form = complete();
        form.put("birthDate", LocalDate.now().plusDays(2).toString());
        form.put("name", "N".repeat(101));
        user.post("/account/profile", form).then().statusCode(400)
                .body(containsString("data-error-for=\"birthDate\""))
                .body(containsString("data-error-for=\"name\""))
                .body(containsString("at most 100 characters"))
                .body(containsString("value=\"" + "N".repeat(101) + "\""));
        form.put("birthDate", "1899-12-31");
        form.put("name", "Ana");
        user.post("/account/profile", form).then().statusCode(400)
                .body(containsString("data-error-for=\"birthDate\""))
                .body(not(containsString("data-error-for=\"name\"")));
        form.remove("timeZone");
        form.put("birthDate", "");
        user.post("/account/profile", form).then().statusCode(400)
                .body(containsString("data-error-for=\"timeZone\""));
        assertEquals(0, rowsOf(user));
    }

    @Test
    void needsTheCsrfTokenAndASignedInUser() {
        TestUser user = TestUser.registered();
        user.csrfToken();
        int status = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("name", "Forged").formParam("timeZone", "UTC").post("/account/profile").statusCode();
        assertTrue(status == 400 || status == 403, "status " + status);
        assertEquals(0, rowsOf(user));
        TestUser.anonymous().post("/account/profile", complete()).then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    @Test
    void theExportHoldsTheProfileAndDeletionRemovesIt() {
        TestUser user = TestUser.registered();
        JsonPath before = user.get("/account/export").jsonPath();
        assertEquals("UTC", before.getString("profile.timeZone"));
        assertEquals(List.of(), before.getList("profile.standingFactors"));

        user.post("/account/profile", complete()).then().statusCode(303);
        JsonPath json = user.get("/account/export").jsonPath();
        assertEquals("Ana Müller-Ørsted", json.getString("profile.name"));
        assertEquals("1984-07-09", json.getString("profile.birthDate"));
        assertEquals(List.of("vegan-diet", "diabetes"), json.getList("profile.standingFactors"));
        assertEquals("Europe/Berlin", json.getString("profile.timeZone"));
        assertEquals("20:30", json.getString("profile.reminderTime"));

        long id = idOf(user);
        user.post("/account/delete", Map.of("password", TestUser.PASSWORD)).then().statusCode(303);
        assertEquals(0, rowsOf(id));
    }

    @Transactional
    Profile profileOf(TestUser user) {
        return Profile.forUser(idOf(user));
    }

    @Transactional
    long idOf(TestUser user) {
        return User.findByEmail(user.email).orElseThrow().id;
    }

    @Transactional
    long rowsOf(TestUser user) {
        return rowsOf(idOf(user));
    }

    @Transactional
    long rowsOf(long userId) {
        return Profile.count("userId", userId);
    }
}
