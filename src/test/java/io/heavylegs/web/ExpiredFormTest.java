package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.journal.JournalEntry;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A form whose CSRF token is missing or expired (issue 14, item 2) answers the same form again, 400, holding what
 * was typed, with a token and its fresh cookie and "This form had expired; check it and save again"; nothing is
 * stored, and the form saves with them.
 */
@QuarkusTest
class ExpiredFormTest {

    private static final String CSRF_COOKIE = "heavylegs-csrf";

    @Inject
    JournalFixtures fixtures;

    @Test
    void aNewEntryWithoutItsCookieComesBackTypedAndSavesWithTheFreshCookie() {
        TestUser user = TestUser.registered();
        String token = TestUser.csrfTokenOf(user.get("/journal/new"));
        String notes = "Walked to the bakery <b>slowly</b> " + UUID.randomUUID();
        Map<String, String> withoutCsrf = new HashMap<>(user.cookies());
        withoutCsrf.remove(CSRF_COOKIE);

        Response refused = user.requestWithCookies(withoutCsrf).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("date", LocalDate.now().toString())
                .formParam("time", "07:45").formParam("severity", "6").formParam("side", "left")
                .formParam("symptoms", "cramps").formParam("symptoms", "heaviness").formParam("notes", notes)
                .post("/journal");

        assertEquals(400, refused.statusCode());
        String page = refused.asString();
        assertTrue(page.contains("This form had expired; check it and save again"), page);
        assertTrue(page.contains("Walked to the bakery &lt;b&gt;slowly&lt;/b&gt;"), "the notes, escaped");
        assertTrue(page.contains("value=\"07:45\""), "the time");
        assertTrue(page.matches("(?s).*value=\"cramps\"[^>]*checked.*"), "a ticked symptom");
        String csv = "/report.csv?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now();
        assertEquals(200, user.get(csv).statusCode());
        assertFalse(user.get(csv).asString().contains(notes), "nothing stored");

        String freshToken = TestUser.csrfTokenOf(refused);
        String freshCookie = refused.getCookie(CSRF_COOKIE);
        // A session has one token for its life (TwoTabsTest), so the page carries it again with a fresh cookie
        assertTrue(freshCookie != null && freshToken.equals(token), "the session's token and a fresh cookie");
        Map<String, String> again = new HashMap<>(withoutCsrf);
        again.put(CSRF_COOKIE, freshCookie);
        Response saved = user.requestWithCookies(again).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", freshToken).formParam("date", LocalDate.now().toString())
                .formParam("severity", "6").formParam("notes", notes).post("/journal");
        assertEquals(303, saved.statusCode());
        assertTrue(user.get(csv).asString().contains(notes), "saved the second time");
    }

    @Test
    void anEditWithAWrongTokenComesBackTypedAndChangesNothing() {
        TestUser user = TestUser.registered();
        long id = fixtures.add(user, JournalFixtures.values(LocalDate.now(), null, 2)).id;
        Response refused = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", TestUser.anonymous().csrfToken()).formParam("date", LocalDate.now().toString())
                .formParam("severity", "8").formParam("notes", "changed my mind").formParam("version", "0")
                .post("/journal/" + id);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("changed my mind"));
        assertTrue(refused.asString().contains("action=\"/journal/" + id + "\""), "the edit form of that entry");
        JournalEntry stored = fixtures.stored(id);
        assertEquals(2, stored.severity);
    }

    @Test
    void anotherUsersEntryGetsThePlainRefusalAndNothingOfIt() {
        TestUser owner = TestUser.registered();
        long id = fixtures.add(owner, new io.heavylegs.journal.EntryValues(LocalDate.now(), null, 2, null,
                java.util.Set.of(), java.util.Set.of(), "the owner's own words")).id;
        TestUser other = TestUser.registered();
        Response refused = other.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "AAAA").formParam("date", LocalDate.now().toString())
                .formParam("severity", "8").post("/journal/" + id);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("This form had expired"));
        assertFalse(refused.asString().contains("the owner's own words"));
        assertFalse(refused.asString().contains("action=\"/journal/" + id + "\""));
    }

    @Test
    void registrationComesBackWithTheEmailButNeverThePasswords() {
        TestUser visitor = TestUser.anonymous();
        visitor.csrfToken();
        String email = "late-" + UUID.randomUUID() + "@example.org";
        Response refused = visitor.request().contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("password", "my secret walk 123")
                .formParam("confirmPassword", "my secret walk 123").post("/register");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains(email));
        assertFalse(refused.asString().contains("my secret walk 123"));
    }

    @Test
    void thePasswordResetRequestComesBackWithTheAddressAndSendsWithTheFreshToken() {
        TestUser visitor = TestUser.anonymous();
        visitor.csrfToken();
        String email = "forgot-" + UUID.randomUUID() + "@example.org";
        Response refused = visitor.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "AAAA").formParam("email", email).post("/password-reset");
        assertEquals(400, refused.statusCode());
        String page = refused.asString();
        assertTrue(page.contains("This form had expired; check it and save again"), page);
        assertTrue(page.contains("action=\"/password-reset\""), "the request form itself");
        assertTrue(page.contains("value=\"" + email + "\""), "the typed address");
        assertFalse(page.contains("Check your email"), "not the page after sending");

        visitor.remember(refused);
        Response sent = visitor.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", TestUser.csrfTokenOf(refused)).formParam("email", email).post("/password-reset");
        assertEquals(303, sent.statusCode());
        assertTrue(sent.getHeader("Location").endsWith("/password-reset/sent"));
    }

    @Test
    void aNewShareLinkComesBackWithItsRangeAndDaysAndMakesNoLink() {
        TestUser user = TestUser.registered();
        String from = LocalDate.now().minusDays(20).toString();
        String to = LocalDate.now().minusDays(3).toString();
        Response refused = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", TestUser.anonymous().csrfToken()).formParam("from", from)
                .formParam("to", to).formParam("days", "12").post("/shares");
        assertEquals(400, refused.statusCode());
        String page = refused.asString();
        assertTrue(page.contains("This form had expired; check it and save again"), page);
        assertTrue(page.contains("value=\"" + from + "\"") && page.contains("value=\"" + to + "\""), "the range");
        assertTrue(page.contains("value=\"12\""), "the days");
        assertFalse(user.get("/shares").asString().contains("Works"), "no link made");

        user.remember(refused);
        Response made = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", TestUser.csrfTokenOf(refused)).formParam("from", from).formParam("to", to)
                .formParam("days", "12").post("/shares");
        assertEquals(303, made.statusCode(), made.asString());
    }

    @Test
    void aShareRevokeWithAnExpiredTokenGetsThePlainRefusal() {
        TestUser user = TestUser.registered();
        Response refused = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "AAAA").post("/shares/1/revoke");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("This form had expired"));
        assertFalse(refused.asString().contains("check it and save again"));
    }

    @Test
    void aDeleteWithAnExpiredTokenIsRefusedAndDeletesNothing() {
        TestUser user = TestUser.registered();
        long id = fixtures.add(user, JournalFixtures.values(LocalDate.now(), null, 2)).id;
        Response refused = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", TestUser.anonymous().csrfToken()).post("/journal/" + id + "/delete");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("This form had expired"));
        assertEquals(200, user.get("/journal/" + id).statusCode());
    }
}
