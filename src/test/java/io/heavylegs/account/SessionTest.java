package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionTest {

    @ConfigProperty(name = "quarkus.http.auth.form.timeout")
    Duration idleTimeout;

    @Inject
    HeavyLegsConfig config;

    @Test
    void idleSessionsEndAfterThirtyMinutesAndEverySessionAfterTwelveHours() {
        assertEquals(Duration.ofMinutes(30), idleTimeout);
        assertEquals(Duration.ofHours(12), config.signIn().sessionLifetime());
    }

    @Test
    void aPrincipalExpiresExactlyAfterTheLifetime() {
        Instant signedIn = Instant.parse("2026-03-01T08:00:00Z");
        SessionPrincipal principal = new SessionPrincipal(1, 0, signedIn);
        assertFalse(principal.expiredAt(signedIn.plus(Duration.ofHours(12)), Duration.ofHours(12)));
        assertTrue(principal.expiredAt(signedIn.plus(Duration.ofHours(12)).plusSeconds(1), Duration.ofHours(12)));
    }

    @Test
    void logoutEndsTheSessionsOfEveryDevice() {
        TestUser user = TestUser.registered();
        TestUser otherDevice = TestUser.anonymous();
        otherDevice.useCookies(TestUser.registeredCookiesOf(user));
        otherDevice.get("/account").then().statusCode(200);
        user.post("/logout", Map.of()).then().statusCode(303);
        otherDevice.get("/account").then().statusCode(302).header("Location", containsString("/login"));
    }
}
