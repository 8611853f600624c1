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
    Duration cookieIdleTimeout;

    @Inject
    HeavyLegsConfig config;

    @Test
    void idleSessionsEndAfterThirtyMinutesAndEverySessionAfterTwelveHoursUnlessKeptSignedIn() {
        assertEquals(Duration.ofMinutes(30), config.signIn().idleTimeout());
        assertEquals(Duration.ofHours(12), config.signIn().sessionLifetime());
        assertEquals(Duration.ofDays(7), config.signIn().rememberedIdleTimeout());
        assertEquals(Duration.ofDays(30), config.signIn().rememberedLifetime());
        // The cookie itself must not die before the longest idle timeout the app allows.
        assertEquals(config.signIn().rememberedIdleTimeout(), cookieIdleTimeout);
    }

    @Test
    void aPrincipalExpiresExactlyAfterTheLifetime() {
        Instant signedIn = Instant.parse("2026-03-01T08:00:00Z");
        SessionPrincipal principal = new SessionPrincipal(1, 0, signedIn, 7, false);
        assertFalse(principal.expiredAt(signedIn.plus(Duration.ofHours(12)), Duration.ofHours(12)));
        assertTrue(principal.expiredAt(signedIn.plus(Duration.ofHours(12)).plusSeconds(1), Duration.ofHours(12)));
    }

    @Test
    void aPrincipalSurvivesTheCookieAndAnOldOrForgedOneIsRefused() {
        SessionPrincipal principal = new SessionPrincipal(3, 2, Instant.ofEpochSecond(1_700_000_000L), 41, true);
        assertEquals(principal, SessionPrincipal.decode(principal.encode()).orElseThrow());
        assertTrue(SessionPrincipal.decode("3:2:1700000000").isEmpty(), "a cookie from before session rows");
        assertTrue(SessionPrincipal.decode("3:2:1700000000:41:x").isEmpty());
        assertTrue(SessionPrincipal.decode("3:2:1700000000:abc:r").isEmpty());
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
