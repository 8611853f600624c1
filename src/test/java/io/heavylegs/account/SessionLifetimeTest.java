package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The absolute session lifetime, shortened to ten seconds so that it can be watched running out. The cookie
 * is refreshed on every request (new-cookie-interval), so only the sign-in time inside it can end the session.
 */
@QuarkusTest
@TestProfile(SessionLifetimeTest.ShortSessions.class)
class SessionLifetimeTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("heavylegs.sign-in.session-lifetime", "PT10S",
                    "quarkus.http.auth.form.new-cookie-interval", "PT1S");
        }
    }

    @Test
    void anActiveSessionStillEndsAtItsAbsoluteLifetime() throws InterruptedException {
        TestUser user = TestUser.registered();
        // Timed from just after the login (the sign-in time is earlier), so a slow machine cannot stretch it.
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < 6_000) {
            user.get("/account").then().statusCode(200);
            Thread.sleep(1_100);
        }
        Thread.sleep(Math.max(0, 11_000 - (System.currentTimeMillis() - start)));
        user.get("/account").then().statusCode(302).header("Location", containsString("/login"));
    }
}
