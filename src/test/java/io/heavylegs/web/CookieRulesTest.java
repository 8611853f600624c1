package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/** The app's cookies on the wire (web/CookieRules): the asked-page cookie, and __Host- names over HTTPS. */
@QuarkusTest
class CookieRulesTest {

    @Test
    void isHttpOnlyStrictAndHoldsNoQuery() {
        Response asked = TestUser.anonymous().request().get("/journal?symptom=cramps&note=private+words");
        assertEquals(302, asked.statusCode());
        Cookie cookie = asked.getDetailedCookie("quarkus-redirect-location");
        assertNotNull(cookie, asked.headers().toString());
        assertTrue(cookie.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", cookie.getSameSite());
        assertFalse(cookie.getValue().contains("private") || cookie.getValue().contains("?"), cookie.getValue());
        assertTrue(cookie.getValue().endsWith("/journal"), cookie.getValue());
    }

    @Test
    void theVisitorStillLandsOnTheAskedPageAfterTheLogin() {
        TestUser user = TestUser.registered();
        TestUser device = TestUser.anonymous();
        Response asked = device.request().get("/account?tab=x");
        String location = asked.getCookie("quarkus-redirect-location");
        Response login = device.request().cookie("quarkus-redirect-location", location)
                .formParam("j_username", user.email).formParam("j_password", TestUser.PASSWORD)
                .post("/j_security_check");
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/account"), login.header("Location"));
    }

    private static Response logInOverHttps(TestUser user) {
        return user.request().header("X-Forwarded-Proto", "https").formParam("j_username", user.email)
                .formParam("j_password", TestUser.PASSWORD).post("/j_security_check");
    }

    @Test
    void overHttpsEveryCookieIsHostPrefixed() {
        TestUser user = TestUser.registered();
        Response login = logInOverHttps(user);
        assertEquals(302, login.statusCode());
        Cookie session = login.getDetailedCookie("__Host-heavylegs-session");
        assertNotNull(session, login.headers().toString());
        assertTrue(session.isSecured() && session.isHttpOnly(), session.toString());
        assertEquals("/", session.getPath());
        assertFalse(session.hasDomain(), session.toString());
        assertFalse(login.getCookies().containsKey("heavylegs-session"), login.headers().toString());

        Response page = TestUser.anonymous().request().header("X-Forwarded-Proto", "https").get("/register");
        Cookie csrf = page.getDetailedCookie("__Host-heavylegs-csrf");
        assertNotNull(csrf, page.headers().toString());
        assertTrue(csrf.isSecured(), csrf.toString());
        assertEquals("/", csrf.getPath());

        Response asked = TestUser.anonymous().request().header("X-Forwarded-Proto", "https").get("/journal?x=1");
        Cookie location = asked.getDetailedCookie("__Host-quarkus-redirect-location");
        assertNotNull(location, asked.headers().toString());
        assertTrue(location.isHttpOnly() && location.isSecured(), location.toString());
        assertFalse(location.getValue().contains("?"), location.getValue());
    }

    @Test
    void theAppReadsItsPrefixedCookiesAndIgnoresUnprefixedOnesOverHttps() {
        TestUser user = TestUser.registered();
        String session = logInOverHttps(user).getCookie("__Host-heavylegs-session");
        TestUser.anonymous().request().header("X-Forwarded-Proto", "https")
                .cookie("__Host-heavylegs-session", session).get("/journal").then().statusCode(200);
        // An unprefixed cookie over HTTPS is what a sibling subdomain or a plain-http page could have planted
        Response planted = TestUser.anonymous().request().header("X-Forwarded-Proto", "https")
                .cookie("heavylegs-session", session).get("/journal");
        assertEquals(302, planted.statusCode());
        assertTrue(planted.header("Location").contains("/login"), planted.header("Location"));
    }

    @Test
    void aFormWorksEndToEndOverHttps() {
        TestUser visitor = TestUser.anonymous();
        Response page = visitor.request().header("X-Forwarded-Proto", "https").get("/register");
        String csrfCookie = page.getCookie("__Host-heavylegs-csrf");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"")
                .matcher(page.asString());
        assertTrue(token.find());
        Response registered = visitor.request().header("X-Forwarded-Proto", "https")
                .cookie("__Host-heavylegs-csrf", csrfCookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1))
                .formParam("email", "h-" + java.util.UUID.randomUUID() + "@example.org")
                .formParam("password", TestUser.PASSWORD).formParam("confirmPassword", TestUser.PASSWORD)
                .post("/register");
        assertEquals(303, registered.statusCode(), registered.asString());
        Cookie flash = registered.getDetailedCookie("__Host-heavylegs-flash");
        assertNotNull(flash, registered.headers().toString());
        assertTrue(flash.isSecured(), flash.toString());
        assertEquals("Strict", flash.getSameSite());
    }
}
