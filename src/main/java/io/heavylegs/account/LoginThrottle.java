package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.account.LoginAttempt.Outcome;
import io.heavylegs.web.HeavyLegsConfig;
import io.heavylegs.web.Sha256;

/**
 * Refuses logins for an account, or from a client address, that failed too often within a sliding window. The
 * counts live in PostgreSQL, so every app instance sees the same attempts. Refused attempts are not counted:
 * once the failures age out of the window the owner can log in again, even while an attack goes on.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Attempts are kept a little longer than any window, for the audit trail, then deleted. */
    private static final Duration RETENTION = Duration.ofDays(1);

    /** Longer forwarded addresses are cut; a real IPv6 address has at most 45 characters. */
    private static final int MAX_ADDRESS_LENGTH = 64;

    @Inject
    HeavyLegsConfig config;

    @Transactional
    public boolean refuses(String normalizedEmail, String address) {
        Instant since = Instant.now().minus(config.signIn().throttle().window());
        return LoginAttempt.failuresForEmailSince(emailHash(normalizedEmail), since)
                >= config.signIn().throttle().maxFailuresPerAccount()
                || LoginAttempt.failuresFromAddressSince(clip(address), since)
                        >= config.signIn().throttle().maxFailuresPerAddress();
    }

    @Transactional
    public void record(String normalizedEmail, String address, Outcome outcome) {
        Instant now = Instant.now();
        LoginAttempt.of(emailHash(normalizedEmail), clip(address), outcome, now).persist();
        LoginAttempt.deleteOlderThan(now.minus(RETENTION));
    }

    /** How long a refused client should wait at most before trying again. */
    public Duration retryAfter() {
        return config.signIn().throttle().window();
    }

    static String emailHash(String normalizedEmail) {
        return Sha256.hex(normalizedEmail);
    }

    private static String clip(String address) {
        return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
    }
}
