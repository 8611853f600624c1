package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.heavylegs.journal.JournalEntry;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class AccountPageTest {

    private static final String NEW_PASSWORD = "seven green kites over the harbour";

    private static Map<String, String> passwordChange(String current, String fresh, String confirm) {
        return Map.of("currentPassword", current, "newPassword", fresh, "confirmPassword", confirm);
    }

    @Test
    void accountPageOffersPasswordChangeExportAndDeletion() {
        TestUser.registered().get("/account").then().statusCode(200)
                .body(containsString("action=\"/account/password\""))
                .body(containsString("href=\"/account/export\""))
                .body(containsString("href=\"/account/export.fhir\""))
                .body(containsString("for another health app or your doctor's system"))
                .body(containsString("action=\"/account/delete\""))
                .body(containsString("name=\"csrf-token\""));
    }

    @Test
    void changesThePasswordAndEndsEverySession() {
        TestUser user = TestUser.registered();
        Map<String, String> before = user.cookies();
        TestUser otherDevice = TestUser.anonymous();
        otherDevice.useCookies(TestUser.registeredCookiesOf(user));
        user.post("/account/password", passwordChange(TestUser.PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/login"));

        user.useCookies(before);
        user.get("/account").then().statusCode(302).header("Location", containsString("/login"));
        otherDevice.get("/account").then().statusCode(302).header("Location", containsString("/login"));

        user.logIn(TestUser.PASSWORD).then().header("Location", containsString("/login?error"));
        // back to the page that asked for the login, or the journal
        user.logIn(NEW_PASSWORD).then().statusCode(302).header("Location", not(containsString("error")));
        user.get("/account").then().statusCode(200);
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        TestUser user = TestUser.registered();
        user.post("/account/password", passwordChange("not my password at all", NEW_PASSWORD, NEW_PASSWORD))
                .then().statusCode(400)
                .body(containsString("data-error-for=\"currentPassword\""))
                .body(not(containsString(NEW_PASSWORD)));
        user.get("/account").then().statusCode(200);
    }

    @Test
    void passwordChangeFollowsTheRegistrationRules() {
        TestUser user = TestUser.registered();
        user.post("/account/password", passwordChange(TestUser.PASSWORD, "short", "short"))
                .then().statusCode(400).body(containsString("data-error-for=\"newPassword\""));
        user.post("/account/password", passwordChange(TestUser.PASSWORD, "LeaveMeAlone", "LeaveMeAlone"))
                .then().statusCode(400).body(containsString("data-error-for=\"newPassword\""))
                .body(containsString("most common"));
        String tooManyBytes = "ü".repeat(37);
        user.post("/account/password", passwordChange(TestUser.PASSWORD, tooManyBytes, tooManyBytes))
                .then().statusCode(400).body(containsString("data-error-for=\"newPassword\""))
                .body(containsString("72 bytes"));
        user.post("/account/password", passwordChange(TestUser.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!"))
                .then().statusCode(400).body(containsString("data-error-for=\"confirmPassword\""));
        user.get("/account").then().statusCode(200);
    }

    @Test
    void exportsTheAccountAsAJsonAttachment() {
        TestUser user = TestUser.registered();
        TestUser other = TestUser.registered();
        user.post("/journal", Map.of("date", "2026-03-01", "time", "07:30", "severity", "6",
                "symptoms", List.of("cramps", "fatigue"), "factors", List.of("low-fluids"),
                "notes", "Stairs were hard")).then().statusCode(303);
        other.post("/journal", Map.of("date", "2026-03-02", "severity", "3", "notes", "Someone else's day"))
                .then().statusCode(303);
        Response export = user.get("/account/export");
        export.then().statusCode(200).contentType(containsString("application/json"))
                .header("Content-Disposition", containsString("attachment"));
        JsonPath json = export.jsonPath();
        assertEquals(user.email, json.getString("account.email"));
        assertTrue(json.getString("account.created").matches("\\d{4}-\\d{2}-\\d{2}T.*"), json.prettify());
        assertEquals(1, json.getList("entries").size(), json.prettify());
        assertEquals("2026-03-01", json.getString("entries[0].date"));
        assertEquals(6, json.getInt("entries[0].severity"));
        // stored, and exported, in the order of the contract's symptom list
        assertEquals(List.of("fatigue", "cramps"), json.getList("entries[0].symptoms"));
        assertEquals(List.of("low-fluids"), json.getList("entries[0].factors"));
        assertEquals("Stairs were hard", json.getString("entries[0].notes"));
        // cramps, fatigue and low fluids make the magnesium and dehydration patterns
        assertTrue(json.getList("marks.code").contains("dehydration"), json.prettify());
        assertEquals(json.getLong("entries[0].id"), json.getLong("marks[0].entry"));
        assertFalse(export.asString().contains(other.email));
        assertFalse(export.asString().contains("Someone else"));
        assertFalse(export.asString().contains("passwordHash") || export.asString().contains("$2a$"));
    }

    @Test
    void exportNeedsASignedInUser() {
        TestUser.anonymous().get("/account/export").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    @Test
    void deletionWithAWrongPasswordDeletesNothing() {
        TestUser user = TestUser.registered();
        user.post("/account/delete", Map.of("password", "not my password at all")).then().statusCode(400)
                .body(containsString("data-error-for=\"password\""));
        user.post("/account/delete", Map.of("password", "")).then().statusCode(400)
                .body(containsString("data-error-for=\"password\""));
        assertTrue(exists(user.email));
        user.get("/account").then().statusCode(200);
    }

    @Test
    void deletionRemovesTheUserWithTheirEntriesAndKillsTheOldCookie() {
        TestUser user = TestUser.registered();
        user.post("/journal", Map.of("date", "2026-03-01", "severity", "4")).then().statusCode(303);
        long id = idOf(user.email);
        assertEquals(1, entriesOf(id));
        Map<String, String> before = user.cookies();
        user.post("/account/delete", Map.of("password", TestUser.PASSWORD)).then().statusCode(303)
                .header("Location", endsWith("/"));
        assertFalse(exists(user.email));
        assertEquals(0, entriesOf(id));
        user.useCookies(before);
        user.get("/account").then().statusCode(302).header("Location", containsString("/login"));
        user.logIn(TestUser.PASSWORD).then().header("Location", containsString("/login?error"));
    }

    @Transactional
    long idOf(String email) {
        return User.findByEmail(email).orElseThrow().id;
    }

    @Transactional
    long entriesOf(long userId) {
        return JournalEntry.count("ownerId", userId);
    }

    @Transactional
    boolean exists(String email) {
        return User.findByEmail(email).isPresent();
    }
}
