package io.heavylegs.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.heavylegs.account.SecretTokens;
import io.heavylegs.web.AppClock;
import io.heavylegs.web.DateRange;

/**
 * Share links: made by their owner, opened by anyone holding the token, revoked at once. A token is 256 random
 * bits (account/SecretTokens), shown once and stored only as its SHA-256 hash. An unknown, expired or revoked
 * token is the same "not found"; a client address that asked for {@value #MAX_MISSES} such tokens within
 * {@link #MISS_WINDOW} is refused every lookup until the window has passed, so tokens cannot be guessed by trying.
 */
@ApplicationScoped
public class ShareService {

    static final int MAX_MISSES = 20;
    static final Duration MISS_WINDOW = Duration.ofMinutes(15);
    /** A forwarded address longer than this is cut; a real IPv6 address has at most 45 characters. */
    private static final int MAX_ADDRESS_LENGTH = 64;

    /** What the owner gets back once: the stored link and the token of its address. */
    public record Created(ReportShare share, String token) {
    }

    /** Too many unknown tokens from one address lately. */
    public static class TooManyMisses extends RuntimeException {
        TooManyMisses() {
            super(null, null, false, false);
        }
    }

    @Inject
    AppClock clock;

    @Inject
    EntityManager entityManager;

    @Transactional
    public Created create(long ownerId, DateRange range, int days) {
        Instant now = clock.now();
        String token = SecretTokens.generate();
        ReportShare share = new ReportShare();
        share.ownerId = ownerId;
        share.tokenHash = SecretTokens.hash(token);
        share.rangeFrom = range.from();
        share.rangeTo = range.to();
        share.createdAt = now;
        share.expiresAt = now.plus(Duration.ofDays(days));
        share.persist();
        return new Created(share, token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportShare> ofOwner(long ownerId) {
        return ReportShare.findByOwner(ownerId);
    }

    /** Revokes the owner's link (again is harmless); another user's or an unknown id is not found. */
    @Transactional
    public void revoke(long ownerId, long shareId) {
        ReportShare share = ReportShare.findByIdAndOwner(shareId, ownerId).orElseThrow(NotFoundException::new);
        if (share.revokedAt == null) {
            share.revokedAt = clock.now();
        }
    }

    /**
     * The working link of {@code token}, counted as opened; empty for an unknown, expired or revoked one, which is
     * counted against {@code address}.
     *
     * @throws TooManyMisses when the address asked for too many unknown tokens lately
     */
    @Transactional
    public Optional<ReportShare> open(String token, String address) {
        Instant now = clock.now();
        String from = address == null ? "unknown"
                : address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
        long misses = ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM report_share_miss WHERE address = :address AND missed_at > :since")
                .setParameter("address", from).setParameter("since", now.minus(MISS_WINDOW))
                .getSingleResult()).longValue();
        if (misses >= MAX_MISSES) {
            throw new TooManyMisses();
        }
        Optional<ReportShare> share = SecretTokens.wellFormed(token)
                ? ReportShare.findByTokenHash(SecretTokens.hash(token)).filter(s -> s.worksAt(now))
                : Optional.empty();
        if (share.isPresent()) {
            // One statement, so that two clinicians opening the link at once are both counted.
            ReportShare.update("lastOpenedAt = ?1, openCount = openCount + 1 where id = ?2", now, share.get().id);
        } else {
            entityManager.createNativeQuery("DELETE FROM report_share_miss WHERE address = :address AND missed_at < :old")
                    .setParameter("address", from).setParameter("old", now.minus(Duration.ofDays(1))).executeUpdate();
            entityManager.createNativeQuery("INSERT INTO report_share_miss (address, missed_at) VALUES (:address, :now)")
                    .setParameter("address", from).setParameter("now", now).executeUpdate();
        }
        return share;
    }

    public Instant now() {
        return clock.now();
    }
}
