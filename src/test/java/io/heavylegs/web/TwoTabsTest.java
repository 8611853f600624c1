package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A form left open in one tab still saves after another page was opened in a second tab: a signed-in session has
 * one CSRF token (and so one cookie) for its whole life. Each page used to get a new token and cookie, so the first
 * tab's form came back as expired. What the binding refuses stays refused (see {@link CsrfBindingTest}): a token of
 * the session before a logout and login is refused in the new one.
 */
@QuarkusTest
class TwoTabsTest {

    private static final String CSRF_COOKIE = "heavylegs-csrf";

    @Test
    void aFormOpenInOneTabSavesAfterAnotherPageWasOpenedInASecondTab() {
        TestUser user = TestUser.registered();
        String firstTab = TestUser.csrfTokenOf(user.get("/journal/new"));
        String cookieOfFirstTab = user.cookies().get(CSRF_COOKIE);

        String secondTab = TestUser.csrfTokenOf(user.get("/treatments/new"));
        user.get("/journal");
        assertEquals(firstTab, secondTab, "one token for the session");
        assertEquals(cookieOfFirstTab, user.cookies().get(CSRF_COOKIE), "and so one cookie");

        String notes = "typed in the first tab " + UUID.randomUUID();
        Response saved = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", firstTab).formParam("date", LocalDate.now().toString())
                .formParam("severity", "5").formParam("notes", notes).post("/journal");
        assertEquals(303, saved.statusCode(), saved.asString());
        String csv = "/report.csv?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now();
        assertTrue(user.get(csv).asString().contains(notes), "saved");
    }

    @Test
    void aTokenFromBeforeALogoutAndLoginIsRefusedInTheNewSession() {
        TestUser user = TestUser.registered();
        String before = TestUser.csrfTokenOf(user.get("/journal/new"));
        user.post("/logout", Map.of()).then().statusCode(303);
        user.logIn(TestUser.PASSWORD).then().statusCode(302);
        String after = TestUser.csrfTokenOf(user.get("/journal/new"));
        assertNotEquals(before, after, "a new session, a new token");

        Response refused = user.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", before).formParam("date", LocalDate.now().toString())
                .formParam("severity", "5").formParam("notes", "from the old session").post("/journal");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("This form had expired; check it and save again"));
        String csv = "/report.csv?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now();
        assertFalse(user.get(csv).asString().contains("from the old session"), "nothing stored");
    }

    @Test
    void twoSessionsOfOneUserHaveTwoTokens() {
        TestUser user = TestUser.registered();
        TestUser otherDevice = TestUser.anonymous();
        otherDevice.useCookies(TestUser.registeredCookiesOf(user));
        assertNotEquals(TestUser.csrfTokenOf(user.get("/journal/new")), TestUser.csrfTokenOf(otherDevice.get("/journal/new")));
    }

    @Test
    void anonymousPagesStillGetARandomTokenEach() {
        TestUser one = TestUser.anonymous();
        TestUser two = TestUser.anonymous();
        assertNotEquals(one.csrfToken(), two.csrfToken(), "one visitor's token tells nothing about another's");
    }
}
