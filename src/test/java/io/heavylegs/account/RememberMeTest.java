package io.heavylegs.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * "Keep me signed in" against the default session, with the durations shortened to seconds: idle 4 s against
 * 15 s, lifetime 30 s against 25 s (in production 30 minutes and 12 hours against 7 and 30 days).
 */
@QuarkusTest
@TestProfile(RememberMeTest.ShortSessions.class)
class RememberMeTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("heavylegs.sign-in.idle-timeout", "PT4S",
                    "heavylegs.sign-in.session-lifetime", "PT60S",
                    "heavylegs.sign-in.remembered-idle-timeout", "PT15S",
                    "heavylegs.sign-in.remembered-lifetime", "PT25S",
                    "quarkus.http.auth.form.timeout", "PT15S",
                    "quarkus.http.auth.form.new-cookie-interval", "PT1S");
        }
    }

    @Test
    void anIdleSessionEndsAfterTheShortIdleUnlessKeptSignedIn() throws InterruptedException {
        TestUser user = TestUser.registered();
        TestUser plain = device(user, false);
        TestUser kept = device(user, true);
        plain.get("/account").then().statusCode(200);
        kept.get("/account").then().statusCode(200);
        Thread.sleep(7_000);
        plain.get("/account").then().statusCode(302).header("Location", containsString("/login"));
        kept.get("/account").then().statusCode(200);
        Thread.sleep(17_000);
        kept.get("/account").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void aKeptSessionStillEndsAtItsLifetimeHoweverActive() throws InterruptedException {
        TestUser user = TestUser.registered();
        TestUser kept = device(user, true);
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < 20_000) {
            kept.get("/account").then().statusCode(200);
            Thread.sleep(2_000);
        }
        Thread.sleep(Math.max(0, 27_000 - (System.currentTimeMillis() - start)));
        kept.get("/account").then().statusCode(302).header("Location", containsString("/login"));
    }

    private static TestUser device(TestUser user, boolean remember) {
        var spec = given().redirects().follow(false)
                .header("X-Forwarded-For", "100.65." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250))
                .formParam("j_username", user.email).formParam("j_password", TestUser.PASSWORD);
        if (remember) {
            spec.formParam("remember", "on");
        }
        Response response = spec.post("/j_security_check");
        response.then().statusCode(302).header("Location", containsString("/journal"));
        TestUser device = TestUser.anonymous();
        device.useCookies(response.getCookies());
        return device;
    }
}
