package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.journal.JournalEntry;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The CSRF token is bound to the session it was issued to (issue 15, finding 5): user A's session cookie with
 * user B's CSRF cookie and token changed A's entry; now it is refused and changes nothing.
 */
@QuarkusTest
class CsrfBindingTest {

    private static final String CSRF_COOKIE = "heavylegs-csrf";
    private static final String SESSION_COOKIE = "heavylegs-session";

    @Inject
    JournalFixtures fixtures;

    @Test
    void aTokenTakenFromAnotherUsersSessionIsRefusedAndChangesNothing() {
        TestUser a = TestUser.registered();
        TestUser b = TestUser.registered();
        long entry = fixtures.add(a, JournalFixtures.values(LocalDate.now(), null, 3)).id;
        String bToken = TestUser.csrfTokenOf(b.get("/journal/new"));

        Response forged = withTokenOf(a, b, bToken).formParam("severity", "9")
                .formParam("notes", "written by someone else").formParam("version", "0").post("/journal/" + entry);

        assertEquals(400, forged.statusCode());
        JournalEntry stored = fixtures.stored(entry);
        assertEquals(3, stored.severity);
        assertNull(stored.notes);
    }

    @Test
    void aTokenFromAnotherSessionOfTheSameUserIsRefusedToo() {
        TestUser user = TestUser.registered();
        Map<String, String> otherDevice = TestUser.registeredCookiesOf(user);
        TestUser device = TestUser.anonymous();
        device.useCookies(otherDevice);
        String otherToken = TestUser.csrfTokenOf(device.get("/journal/new"));

        Response forged = withTokenOf(user, device, otherToken).formParam("severity", "4").post("/journal");

        assertEquals(400, forged.statusCode());
    }

    @Test
    void aTokenFromAnAnonymousPageIsRefusedOnceSignedIn() {
        TestUser user = TestUser.registered();
        TestUser anonymous = TestUser.anonymous();
        String anonymousToken = TestUser.csrfTokenOf(anonymous.get("/register"));

        Response forged = withTokenOf(user, anonymous, anonymousToken).formParam("severity", "4").post("/journal");

        assertEquals(400, forged.statusCode());
    }

    @Test
    void theSessionsOwnTokenWorksAndAnonymousFormsKeepWorking() {
        TestUser user = TestUser.registered(); // registration is an anonymous form with an anonymous token
        String token = TestUser.csrfTokenOf(user.get("/journal/new"));
        Response saved = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("date", LocalDate.now().toString())
                .formParam("severity", "2").post("/journal");
        assertEquals(303, saved.statusCode());

        TestUser visitor = TestUser.anonymous();
        Response reset = visitor.post("/password-reset", Map.of("email", "nobody@example.org"));
        assertEquals(303, reset.statusCode());
    }

    @Test
    void theSessionCookieAloneWithAnotherSessionsTokenPairIsRefusedForLogoutToo() {
        TestUser a = TestUser.registered();
        TestUser b = TestUser.registered();
        String bToken = TestUser.csrfTokenOf(b.get("/journal"));
        Map<String, String> mixed = new HashMap<>(a.cookies());
        mixed.put(CSRF_COOKIE, b.cookies().get(CSRF_COOKIE));
        Response forged = a.requestWithCookies(mixed).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", bToken).post("/logout");
        assertEquals(400, forged.statusCode());
        // A is still signed in
        assertEquals(200, a.request().cookie(SESSION_COOKIE, a.cookies().get(SESSION_COOKIE)).get("/journal")
                .statusCode());
    }

    /** An entry form of {@code user}'s session carrying {@code other}'s CSRF cookie and token, as a forger would. */
    private static RequestSpecification withTokenOf(TestUser user, TestUser other, String otherToken) {
        Map<String, String> mixed = new HashMap<>(user.cookies());
        mixed.put(CSRF_COOKIE, other.cookies().get(CSRF_COOKIE));
        return user.requestWithCookies(mixed).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", otherToken).formParam("date", LocalDate.now().toString());
    }
}
