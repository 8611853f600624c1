package io.heavylegs.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.heavylegs.support.TooLargeBody;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SecurityHeadersTest {

    @TestHTTPResource("/")
    URI root;

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void assertSecurityHeaders(Response response, int expectedStatus) {
        assertEquals(expectedStatus, response.statusCode(), "status");
        assertEquals(CSP, response.header("Content-Security-Policy"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"));
        assertTrue(response.header("Permissions-Policy").contains("camera=()"), "Permissions-Policy");
        // HSTS belongs to production only (see ProductionProfileTest): a local http:// run must not pin HTTPS
        assertNull(response.header("Strict-Transport-Security"));
    }

    @Test
    void onAPage() {
        assertSecurityHeaders(given().get("/"), 200);
    }

    @Test
    void onAStaticFile() {
        assertSecurityHeaders(given().get("/css/app.css"), 200);
    }

    @Test
    void onARedirectAfterAForm() {
        TestUser visitor = TestUser.anonymous();
        assertSecurityHeaders(visitor.post("/register", Map.of("email", "h-" + UUID.randomUUID() + "@example.org",
                "password", TestUser.PASSWORD, "confirmPassword", TestUser.PASSWORD)), 303);
    }

    @Test
    void onTheRedirectsOfAuthentication() {
        assertSecurityHeaders(TestUser.anonymous().get("/account"), 302);
        assertSecurityHeaders(TestUser.registered().logIn(TestUser.PASSWORD), 302);
    }

    @Test
    void onAFormWithErrors() {
        assertSecurityHeaders(TestUser.anonymous().post("/register", Map.of("email", "", "password", "",
                "confirmPassword", "")), 400);
    }

    @Test
    void onAForbiddenRequest() {
        TestUser visitor = TestUser.anonymous();
        visitor.csrfToken();
        Response forged = visitor.request().contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "forged-token-" + UUID.randomUUID())
                .formParam("email", "x@example.org").post("/register");
        assertSecurityHeaders(forged, forged.statusCode());
        assertTrue(forged.statusCode() == 400 || forged.statusCode() == 403, "status " + forged.statusCode());
    }

    @Test
    void onAForbiddenPage() {
        assertSecurityHeaders(given().get("/test-only/forbidden"), 403);
    }

    @Test
    void onNotFoundPages() {
        assertSecurityHeaders(given().get("/no/such/page"), 404);
        assertSecurityHeaders(given().get("/css/no-such-file.css"), 404);
    }

    @Test
    void onAServerError() {
        Response failure = given().get("/test-only/failure");
        assertSecurityHeaders(failure, 500);
        failure.then().body(not(containsString("IllegalStateException")))
                .body(not(containsString("A failure the tests provoke")));
    }

    @Test
    void onATooLargeBody() throws Exception {
        TooLargeBody.Answer tooLarge = TooLargeBody.post(root.resolve("/register"));
        assertEquals(413, tooLarge.status());
        assertEquals(CSP, tooLarge.headers().get("content-security-policy"));
        assertEquals("nosniff", tooLarge.headers().get("x-content-type-options"));
    }

    @Test
    void privatePagesAreNotStored() {
        TestUser user = TestUser.registered();
        assertEquals("no-store", user.get("/account").header("Cache-Control"));
        assertEquals("no-store", user.get("/journal").header("Cache-Control"));
        assertEquals("no-store", user.get("/account/export").header("Cache-Control"));
        assertEquals("no-store", given().get("/login").header("Cache-Control"));
        assertFalse("no-store".equals(given().get("/articles").header("Cache-Control")), "public pages may be cached");
    }

    @Test
    void cookiesAreSecureWhenTheBrowserUsedHttpsThroughTheProxy() {
        TestUser user = TestUser.registered();
        Response login = user.request().header("X-Forwarded-Proto", "https")
                .formParam("j_username", user.email).formParam("j_password", TestUser.PASSWORD)
                .post("/j_security_check");
        // Over HTTPS the names carry the __Host- prefix (web/CookieRules, CookieRulesTest)
        assertTrue(login.getDetailedCookie("__Host-heavylegs-session").isSecured(), "session cookie Secure");
        assertTrue(login.getDetailedCookie("__Host-heavylegs-session").isHttpOnly(), "session cookie HttpOnly");
        assertEquals("Strict", login.getDetailedCookie("__Host-heavylegs-session").getSameSite());

        Response page = given().header("X-Forwarded-Proto", "https").get("/register");
        assertTrue(page.getDetailedCookie("__Host-heavylegs-csrf").isSecured(), "CSRF cookie Secure");
        assertTrue(page.getDetailedCookie("__Host-heavylegs-csrf").isHttpOnly(), "CSRF cookie HttpOnly");
        assertEquals("Strict", page.getDetailedCookie("__Host-heavylegs-csrf").getSameSite());

        // The flash cookie over HTTPS: CookieRulesTest#aFormWorksEndToEndOverHttps
    }

    @Test
    void cookiesAreNotSecureOverPlainHttp() {
        TestUser user = TestUser.registered();
        assertFalse(user.logIn(TestUser.PASSWORD).getDetailedCookie("heavylegs-session").isSecured());
        assertFalse(given().get("/register").getDetailedCookie("heavylegs-csrf").isSecured());
    }
}
