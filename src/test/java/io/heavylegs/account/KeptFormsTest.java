package io.heavylegs.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.database.PlainSql;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A form posted after its session ended is kept (issue 14, item 1): the login page says so, the login leads back
 * to the same form holding what was typed, not yet saved; it is shown once, only to the account whose session
 * ended, and sealed in the database.
 */
@QuarkusTest
class KeptFormsTest {


    @Inject
    DataSource dataSource;

    @Test
    void aNewEntryPostedAfterTheSessionEndedIsKeptAndShownAfterTheLogin() {
        TestUser user = TestUser.registered();
        String token = TestUser.csrfTokenOf(user.get("/journal/new"));
        endSessions(user);
        String notes = "Calves heavy after the stairs, " + UUID.randomUUID();

        Response posted = postEntry(user, token, "/journal", notes);

        assertEquals(303, posted.statusCode());
        assertTrue(posted.header("Location").endsWith("/login"), posted.header("Location"));
        assertNotNull(posted.getCookie("heavylegs-kept"));
        assertTrue(posted.getCookie("quarkus-redirect-location").endsWith("/journal/new"));
        assertEquals(0, entries(user), "nothing saved");
        assertFalse(new String(sealed(user), StandardCharsets.ISO_8859_1).contains("Calves heavy"),
                "the kept form is sealed");
        assertTrue(user.get("/login").asString().contains("You were signed out; your entry is kept"));

        Response login = user.logIn(TestUser.PASSWORD);
        assertTrue(login.header("Location").endsWith("/journal/new"), login.header("Location"));
        String page = user.get("/journal/new").asString();
        assertTrue(page.contains(notes), "the typed notes");
        assertTrue(page.contains("value=\"06:30\""), "the typed time");
        assertTrue(page.matches("(?s).*value=\"cramps\"[^>]*checked.*"), "the ticked symptom");
        assertTrue(page.contains("You were signed out before this was saved"));
        assertEquals(0, entries(user), "still not saved: the user saves it");
        assertFalse(user.get("/journal/new").asString().contains(notes), "shown once");

        user.post("/journal", Map.of("date", LocalDate.now().toString(), "severity", "5", "notes", notes))
                .then().statusCode(303);
        assertEquals(1, entries(user));
    }

    @Test
    void anEditPostedAfterTheSessionEndedComesBackOnItsEditPage() {
        TestUser user = TestUser.registered();
        user.post("/journal", Map.of("date", LocalDate.now().toString(), "severity", "2")).then().statusCode(303);
        long id = PlainSql.query(dataSource, "SELECT e.id FROM journal_entry e JOIN app_user u ON u.id = e.owner_id "
                + "WHERE u.email = :email", Map.of("email", user.email), rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
        String token = TestUser.csrfTokenOf(user.get("/journal/" + id + "/edit"));
        endSessions(user);

        Response posted = user.remember(user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("date", LocalDate.now().toString())
                .formParam("severity", "7").formParam("notes", "an edit kept").formParam("version", "0")
                .post("/journal/" + id));
        assertEquals(303, posted.statusCode());

        assertTrue(user.logIn(TestUser.PASSWORD).header("Location").endsWith("/journal/" + id + "/edit"));
        String page = user.get("/journal/" + id + "/edit").asString();
        assertTrue(page.contains("an edit kept"));
        assertTrue(page.matches("(?s).*value=\"7\"[^>]*checked.*"), "the typed severity");
    }

    @Test
    void anotherAccountLoggingInOnThatBrowserSeesNothingOfIt() {
        TestUser first = TestUser.registered();
        String token = TestUser.csrfTokenOf(first.get("/journal/new"));
        endSessions(first);
        postEntry(first, token, "/journal", "only for the first account").then().statusCode(303);
        String keptCookie = first.cookies().get("heavylegs-kept");
        assertNotNull(keptCookie);

        TestUser second = TestUser.registered();
        Map<String, String> sameBrowser = new java.util.HashMap<>(second.cookies());
        sameBrowser.put("heavylegs-kept", keptCookie);
        second.useCookies(sameBrowser);
        assertFalse(second.get("/journal/new").asString().contains("only for the first account"));

        first.logIn(TestUser.PASSWORD);
        assertTrue(first.get("/journal/new").asString().contains("only for the first account"),
                "still kept for its own account");
    }

    @Test
    void theProfileIsKeptButNoPasswordEver() {
        TestUser user = TestUser.registered();
        String token = TestUser.csrfTokenOf(user.get("/account"));
        endSessions(user);
        Response posted = user.remember(user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("name", "Ada Walker").formParam("timeZone", "Europe/Vienna")
                .formParam("password", "should never be kept").post("/account/profile"));
        assertEquals(303, posted.statusCode());
        user.logIn(TestUser.PASSWORD);
        String page = user.get("/account").asString();
        assertTrue(page.contains("Ada Walker"));
        assertFalse(page.contains("should never be kept"));
    }

    @Test
    void aPostWithoutAnyKnownAccountIsNotKept() {
        TestUser visitor = TestUser.anonymous();
        String token = visitor.csrfToken();
        Response posted = postEntry(visitor, token, "/journal", "nobody's notes");
        assertEquals(302, posted.statusCode());
        assertNull(posted.getCookie("heavylegs-kept"));
    }

    @Test
    void aSignedOutDeleteIsNotKeptAndGoesToTheLoginAsBefore() {
        TestUser user = TestUser.registered();
        String token = TestUser.csrfTokenOf(user.get("/journal/new"));
        endSessions(user);
        Response posted = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).post("/journal/1/delete");
        assertEquals(302, posted.statusCode());
        assertNull(posted.getCookie("heavylegs-kept"));
    }

    private static Response postEntry(TestUser user, String token, String path, String notes) {
        return user.remember(user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("date", LocalDate.now().toString())
                .formParam("time", "06:30").formParam("severity", "5").formParam("symptoms", "cramps")
                .formParam("notes", notes).post(path));
    }

    private void endSessions(TestUser user) {
        PlainSql.query(dataSource, "UPDATE user_session SET ended_at = now() WHERE user_id = "
                + "(SELECT id FROM app_user WHERE email = :email) AND ended_at IS NULL RETURNING id",
                Map.of("email", user.email), rows -> null);
    }

    private long entries(TestUser user) {
        return PlainSql.query(dataSource, "SELECT count(*) FROM journal_entry e JOIN app_user u ON u.id = e.owner_id "
                + "WHERE u.email = :email", Map.of("email", user.email), rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }

    private byte[] sealed(TestUser user) {
        return PlainSql.query(dataSource, "SELECT k.sealed FROM kept_form k JOIN app_user u ON u.id = k.user_id "
                + "WHERE u.email = :email", Map.of("email", user.email), rows -> {
                    rows.next();
                    return rows.getBytes(1);
                });
    }
}
