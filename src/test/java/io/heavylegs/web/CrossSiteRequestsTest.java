package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Cross-site POSTs are refused, the login POST included (web/CrossSiteRequests). */
@QuarkusTest
class CrossSiteRequestsTest {

    @TestHTTPResource("/")
    URI root;

    private String ownOrigin() {
        return "http://" + root.getHost() + ":" + root.getPort();
    }

    private static Response logIn(RequestSpecification spec, TestUser user) {
        return spec.formParam("j_username", user.email).formParam("j_password", TestUser.PASSWORD)
                .post("/j_security_check");
    }

    @Test
    void aLoginPostFromAnotherSiteIsRefused() {
        TestUser user = TestUser.registered();
        for (String[] header : new String[][] {{"Origin", "https://evil.example"}, {"Origin", "null"},
                {"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"}}) {
            Response login = logIn(TestUser.anonymous().request().header(header[0], header[1]), user);
            assertEquals(403, login.statusCode(), header[0] + ": " + header[1]);
            assertFalse(login.getCookies().containsKey("heavylegs-session"), header[0] + ": " + header[1]);
            assertTrue(login.asString().contains("another website"), login.asString());
        }
    }

    @Test
    void aLoginPostFromThisSiteWorks() {
        TestUser user = TestUser.registered();
        Response login = logIn(TestUser.anonymous().request().header("Origin", ownOrigin())
                .header("Sec-Fetch-Site", "same-origin"), user);
        assertEquals(302, login.statusCode());
        assertTrue(login.getCookies().containsKey("heavylegs-session"));
    }

    @Test
    void everyOtherPostFromAnotherSiteIsRefusedToo() {
        TestUser user = TestUser.registered();
        String token = user.csrfToken();
        Response forged = user.request().header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token).post("/logout");
        assertEquals(403, forged.statusCode());
        // Still signed in: the logout did not happen
        assertEquals(200, user.get("/journal").statusCode());

        TestUser visitor = TestUser.anonymous();
        String visitorToken = visitor.csrfToken();
        Response register = visitor.request().header("Sec-Fetch-Site", "cross-site")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", visitorToken)
                .formParam("email", "x-" + UUID.randomUUID() + "@example.org")
                .formParam("password", TestUser.PASSWORD).formParam("confirmPassword", TestUser.PASSWORD)
                .post("/register");
        assertEquals(403, register.statusCode());
    }

    @Test
    void aSameOriginPostWorks() {
        TestUser visitor = TestUser.anonymous();
        String token = visitor.csrfToken();
        Response register = visitor.request().header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("email", "o-" + UUID.randomUUID() + "@example.org")
                .formParam("password", TestUser.PASSWORD).formParam("confirmPassword", TestUser.PASSWORD)
                .post("/register");
        assertEquals(303, register.statusCode());
    }
}
