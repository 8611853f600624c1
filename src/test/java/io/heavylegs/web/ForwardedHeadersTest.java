package io.heavylegs.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The forwarding headers, as a client behind the tests' trusted loopback "proxy" might forge them. The default
 * (no trusted proxy at all) is in ProductionProfileTest.
 */
@QuarkusTest
class ForwardedHeadersTest {

    private static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "100." + r.nextInt(64, 128) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static Response wrongPassword(RequestSpecification spec) {
        return spec.redirects().follow(false).formParam("j_username", "spray-" + UUID.randomUUID() + "@example.org")
                .formParam("j_password", "not the password at all").post("/j_security_check");
    }

    @Test
    void aForgedLeftmostXForwardedForDoesNotEscapeTheThrottle() {
        String real = random();
        for (int i = 0; i < 20; i++) {
            // The client sends a new address each time; the proxy appends the one it saw
            wrongPassword(given().header("X-Forwarded-For", random() + ", " + real)).then().statusCode(302);
        }
        wrongPassword(given().header("X-Forwarded-For", random() + ", " + real)).then().statusCode(429);
    }

    @Test
    void aForgedForwardedForDoesNotEscapeTheThrottleEither() {
        String real = random();
        for (int i = 0; i < 20; i++) {
            wrongPassword(given().header("Forwarded", "for=" + random() + ", for=" + real)).then().statusCode(302);
        }
        wrongPassword(given().header("Forwarded", "for=" + random() + ";proto=https, for=" + real))
                .then().statusCode(429);
    }

    @Test
    void forwardedProtoHttpsCountsAsXForwardedProtoDoes() {
        TestUser user = TestUser.registered();
        Response login = user.request().header("Forwarded", "for=" + random() + ";proto=https")
                .formParam("j_username", user.email).formParam("j_password", TestUser.PASSWORD)
                .post("/j_security_check");
        assertEquals(302, login.statusCode());
        assertTrue(login.getDetailedCookie("__Host-heavylegs-session").isSecured(), "session cookie Secure");
        assertFalse(login.header("Location").startsWith("http://"), login.header("Location"));
    }

    @Test
    void theForwardedHostIsNotBelieved() {
        for (String[] header : new String[][] {{"X-Forwarded-Host", "evil.example"},
                {"Forwarded", "host=evil.example"}, {"Forwarded", "for=" + random() + ";host=evil.example"}}) {
            Response redirect = given().redirects().follow(false).header(header[0], header[1]).get("/account");
            assertEquals(302, redirect.statusCode());
            assertFalse(redirect.header("Location").contains("evil.example"),
                    header[0] + ": " + header[1] + " → " + redirect.header("Location"));
        }
    }
}
