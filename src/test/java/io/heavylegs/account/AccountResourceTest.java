package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AccountResourceTest {

    private static String uniqueEmail() {
        return "new-" + UUID.randomUUID() + "@example.org";
    }

    private static Map<String, String> registration(String email, String password, String confirm) {
        return Map.of("email", email, "password", password, "confirmPassword", confirm);
    }

    @Test
    void registersAndRedirectsToLogin() {
        String email = uniqueEmail();
        TestUser.anonymous().post("/register", registration("  " + email.toUpperCase() + " ", TestUser.PASSWORD,
                TestUser.PASSWORD))
                .then().statusCode(303).header("Location", endsWith("/login"));
        assertTrue(storedEmail(email));
    }

    @Transactional
    boolean storedEmail(String email) {
        return User.findByEmail(email).isPresent();
    }

    @Test
    void rejectsMissingEmailKeepingNothingElse() {
        TestUser.anonymous().post("/register", registration("", TestUser.PASSWORD, TestUser.PASSWORD))
                .then().statusCode(400)
                .body(containsString("data-error-for=\"email\""))
                .body(not(containsString(TestUser.PASSWORD)));
    }

    @Test
    void rejectsMalformedEmailAndKeepsIt() {
        TestUser.anonymous().post("/register", registration("not-an-email", TestUser.PASSWORD, TestUser.PASSWORD))
                .then().statusCode(400)
                .body(containsString("data-error-for=\"email\""))
                .body(containsString("value=\"not-an-email\""));
    }

    @Test
    void rejectsShortPassword() {
        String email = uniqueEmail();
        TestUser.anonymous().post("/register", registration(email, "short", "short"))
                .then().statusCode(400)
                .body(containsString("data-error-for=\"password\""))
                .body(containsString("value=\"" + email + "\""));
        assertFalse(storedEmail(email));
    }

    @Test
    void rejectsOverlongPassword() {
        String longPassword = "x".repeat(129);
        TestUser.anonymous().post("/register", registration(uniqueEmail(), longPassword, longPassword))
                .then().statusCode(400).body(containsString("data-error-for=\"password\""));
    }

    @Test
    void rejectsMismatchedConfirmation() {
        String email = uniqueEmail();
        TestUser.anonymous().post("/register", registration(email, TestUser.PASSWORD, TestUser.PASSWORD + "!"))
                .then().statusCode(400)
                .body(containsString("data-error-for=\"confirmPassword\""))
                .body(containsString("value=\"" + email + "\""));
    }

    @Test
    void rejectsDuplicateEmailInAnotherCase() {
        TestUser existing = TestUser.registered();
        TestUser.anonymous().post("/register", registration(existing.email.toUpperCase(), TestUser.PASSWORD,
                TestUser.PASSWORD))
                .then().statusCode(400).body(containsString("data-error-for=\"email\""));
    }

    @Test
    void logsInWithEmailInAnyCaseAndLandsOnJournal() {
        TestUser user = TestUser.registered();
        TestUser again = TestUser.anonymous();
        Response login = again.request()
                .formParam("j_username", " " + user.email.toUpperCase())
                .formParam("j_password", TestUser.PASSWORD)
                .post("/j_security_check");
        login.then().statusCode(302).header("Location", endsWith("/journal"));
        assertTrue(login.getCookies().containsKey("heavylegs-session"));
        user.get("/account").then().statusCode(200).body(containsString(user.email));
    }

    @Test
    void sessionCookieIsHttpOnly() {
        TestUser user = TestUser.registered();
        Response login = user.logIn(TestUser.PASSWORD);
        assertTrue(login.getDetailedCookie("heavylegs-session").isHttpOnly());
    }

    @Test
    void wrongPasswordSetsNoSession() {
        TestUser user = TestUser.registered();
        TestUser stranger = TestUser.anonymous();
        Response login = stranger.request()
                .formParam("j_username", user.email)
                .formParam("j_password", "not the password at all")
                .post("/j_security_check");
        login.then().statusCode(302).header("Location", containsString("/login?error"));
        assertFalse(login.getCookies().containsKey("heavylegs-session"));
        stranger.get("/login?error=true").then().statusCode(200).body(containsString("data-error-for"));
    }

    @Test
    void logoutEndsTheSessionForEveryCopyOfTheCookie() {
        TestUser user = TestUser.registered();
        Map<String, String> copied = user.cookies();
        user.post("/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/"));
        user.useCookies(copied);
        user.get("/account").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void postWithoutCsrfTokenIsRefusedAndStoresNothing() {
        String email = uniqueEmail();
        int status = TestUser.anonymous().request()
                .contentType("application/x-www-form-urlencoded")
                .formParams(registration(email, TestUser.PASSWORD, TestUser.PASSWORD))
                .post("/register").statusCode();
        assertTrue(status == 400 || status == 403, "status " + status);
        assertFalse(storedEmail(email));
    }

    @Test
    void anonymousAccountRedirectsToLogin() {
        TestUser.anonymous().get("/account").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void accountShowsSignedInEmail() {
        TestUser user = TestUser.registered();
        assertEquals(200, user.get("/account").statusCode());
        user.get("/account").then().body(containsString(user.email));
    }
}
