package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.heavylegs.account.LoginAttempt.Outcome;
import io.heavylegs.web.HeavyLegsConfig;
import io.heavylegs.web.Sha256;

/**
 * Refuses logins for an account, or from a client address, that failed too often within a sliding window. The
 * counts live in PostgreSQL, so every app instance sees the same attempts. Refused attempts are not counted:
 * once the failures age out of the window the owner can log in again, even while an attack goes on.
 * <p>
 * The decision is atomic: {@link #admit} counts and records the new attempt in one transaction, holding a
 * PostgreSQL advisory lock on the account and one on the address, so N attempts arriving at once (on one
 * instance or many) are decided one after the other and at most the limit gets through. The admitted attempt
 * is recorded as a failure before the password is checked and turned into a success afterwards if it was
 * right: while bcrypt runs it already counts.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Attempts are kept a little longer than any window, for the audit trail, then deleted. */
    private static final Duration RETENTION = Duration.ofDays(1);

    /** Longer forwarded addresses are cut; a real IPv6 address has at most 45 characters. */
    private static final int MAX_ADDRESS_LENGTH = 64;

    /** The two key spaces of pg_advisory_xact_lock(int, int): one for accounts, one for addresses. */
    private static final int ACCOUNT_LOCKS = 0x4c47_4e31;
    private static final int ADDRESS_LOCKS = 0x4c47_4e32;

    /**
     * The same order inside this instance, taken before a database connection is: attempts for one account (or
     * address) queue here instead of each holding a pooled connection while it waits for PostgreSQL's lock, which
     * would starve the pool under a burst and answer everyone else 503.
     */
    private final Lock[] accountStripes = stripes();
    private final Lock[] addressStripes = stripes();

    @Inject
    HeavyLegsConfig config;

    @Inject
    Admissions admissions;

    /**
     * Counts the recent failures and, when both are below their limits, records this attempt as a failure and
     * returns its id; otherwise records a refusal and returns empty. The locks are always taken account first,
     * address second, so two attempts can never wait for each other in a circle.
     */
    public OptionalLong admit(String normalizedEmail, String address) {
        String emailHash = emailHash(normalizedEmail);
        String clipped = clip(address);
        Lock account = accountStripes[Math.floorMod(emailHash.hashCode(), accountStripes.length)];
        Lock from = addressStripes[Math.floorMod(clipped.hashCode(), addressStripes.length)];
        account.lock();
        try {
            from.lock();
            try {
                return admissions.admit(emailHash, clipped);
            } finally {
                from.unlock();
            }
        } finally {
            account.unlock();
        }
    }

    private static Lock[] stripes() {
        Lock[] locks = new Lock[64];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        return locks;
    }

    /** The transaction of {@link #admit}, in its own bean so that the interceptor wraps it. */
    @ApplicationScoped
    static class Admissions {

        @Inject
        HeavyLegsConfig config;

        @Inject
        EntityManager entityManager;

        @Transactional
        OptionalLong admit(String emailHash, String clipped) {
            lock(ACCOUNT_LOCKS, emailHash);
            lock(ADDRESS_LOCKS, clipped);
            Instant now = Instant.now();
            Object[] counts = (Object[]) entityManager.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE email_hash = :emailHash),
                           count(*) FILTER (WHERE address = :address)
                    FROM login_attempt
                    WHERE outcome = 'failure' AND attempted_at > :since
                      AND (email_hash = :emailHash OR address = :address)""")
                    .setParameter("emailHash", emailHash)
                    .setParameter("address", clipped)
                    .setParameter("since", now.minus(config.signIn().throttle().window()))
                    .getSingleResult();
            boolean refused = ((Number) counts[0]).longValue() >= config.signIn().throttle().maxFailuresPerAccount()
                    || ((Number) counts[1]).longValue() >= config.signIn().throttle().maxFailuresPerAddress();
            LoginAttempt attempt = LoginAttempt.of(emailHash, clipped, refused ? Outcome.REFUSED : Outcome.FAILURE, now);
            attempt.persist();
            LoginAttempt.deleteOlderThan(now.minus(RETENTION));
            return refused ? OptionalLong.empty() : OptionalLong.of(attempt.id);
        }

        private void lock(int space, String key) {
            // Waits for the lock, which is then held until this transaction ends
            entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:space, hashtext(:key))) held")
                    .setParameter("space", space).setParameter("key", key).getSingleResult();
        }
    }

    /** The admitted attempt had the right password after all. */
    @Transactional
    public void succeeded(long attemptId) {
        LoginAttempt.update("outcome = ?1 where id = ?2", Outcome.SUCCESS.column(), attemptId);
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
