package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/** After logging in the user lands where they were going, and a failed attempt keeps the typed address. */
@QuarkusTest
class LoginLandingTest {

    private static final String WRONG = "not the password at all";

    private static Response attempt(TestUser client, String email, String password) {
        Response response = client.request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", email).formParam("j_password", password).post("/j_security_check");
        return response;
    }

    /** The page, not its query: web/CookieRules keeps no query in the cookie (a journal search stays out of it). */
    @Test
    void aBookmarkedPageIsWhereTheLoginLeads() {
        TestUser user = TestUser.registered();
        TestUser phone = TestUser.anonymous();
        phone.get("/journal/new?like=12").then().statusCode(302).header("Location", endsWith("/login"));
        phone.get("/login").then().statusCode(200);
        Response in = phone.request().formParam("j_username", user.email).formParam("j_password", TestUser.PASSWORD)
                .post("/j_security_check");
        in.then().statusCode(302).header("Location", endsWith("/journal/new"));
    }

    @Test
    void withNoPageAskedForTheLoginLeadsToTheJournal() {
        TestUser user = TestUser.registered();
        attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD).then().statusCode(302)
                .header("Location", endsWith("/journal"));
    }

    @Test
    void aFailedLoginShowsTheTypedAddressOnceAndNeverThePassword() {
        TestUser user = TestUser.registered();
        TestUser phone = TestUser.anonymous();
        Response failed = attempt(phone, user.email, WRONG);
        failed.then().statusCode(302).header("Location", containsString("/login?error"));
        Cookie kept = failed.getDetailedCookie(LoginEmailMemory.COOKIE);
        assertNotNull(kept, "the address travels with the redirect");
        assertEquals("/login", kept.getPath());
        assertTrue(kept.isHttpOnly());
        assertEquals(300, kept.getMaxAge());
        assertEquals("Strict", kept.getSameSite());
        assertTrue(!kept.getValue().contains(WRONG.replace(' ', '+')) && !kept.getValue().contains("password"));

        Response page = phone.request().cookie(LoginEmailMemory.COOKIE, kept.getValue()).get("/login?error=true");
        page.then().statusCode(200)
                .body(containsString("value=\"" + user.email + "\""))
                .body(not(containsString(WRONG)))
                .body(containsString("We could not log you in"));
        Cookie forget = page.getDetailedCookie(LoginEmailMemory.COOKIE);
        assertNotNull(forget, "the kept address is forgotten once shown");
        assertEquals(0, forget.getMaxAge());
    }

    @Test
    void theAddressIsShownOnlyOnTheFailurePageAndEscaped() {
        String hostile = "\"><script>alert(1)</script>@example.org";
        TestUser phone = TestUser.anonymous();
        Response failed = attempt(phone, hostile, WRONG);
        Cookie kept = failed.getDetailedCookie(LoginEmailMemory.COOKIE);
        assertNotNull(kept);
        phone.request().cookie(LoginEmailMemory.COOKIE, kept.getValue()).get("/login?error=true").then()
                .statusCode(200)
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("&quot;&gt;&lt;script&gt;"));
        phone.request().cookie(LoginEmailMemory.COOKIE, kept.getValue()).get("/login").then().statusCode(200)
                .body(not(containsString("@example.org\"")));
        phone.request().cookie(LoginEmailMemory.COOKIE, "%E0%A4%A").get("/login?error=true").then().statusCode(200);
    }

    @Test
    void aSuccessfulLoginKeepsNothing() {
        TestUser user = TestUser.registered();
        Response in = attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD);
        in.then().statusCode(302);
        assertEquals(null, in.getDetailedCookie(LoginEmailMemory.COOKIE));
    }

    @Test
    void theTooManyAttemptsPageKeepsTheTypedAddressToo() {
        String email = "nobody-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 5; i++) {
            attempt(TestUser.anonymous(), email, WRONG).then().statusCode(302);
        }
        attempt(TestUser.anonymous(), email, WRONG).then().statusCode(429)
                .body(containsString("value=\"" + email + "\""))
                .body(not(containsString(WRONG)));
    }
}
