package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The single-use tokens of mailed links ({@code mail_token}, migration V9). Callers run inside a transaction.
 */
@ApplicationScoped
public class MailTokens {

    public enum Purpose {
        PASSWORD_RESET("password-reset"), CONFIRM_EMAIL("confirm-email");

        final String code;

        Purpose(String code) {
            this.code = code;
        }
    }

    /** The user a token was issued to and the address it was mailed to. */
    public record Holder(long userId, String email) {
    }

    /** Used and expired tokens are kept a day for the throttle's count, then deleted. */
    private static final Duration RETENTION = Duration.ofDays(1);

    @Inject
    EntityManager em;

    /** A new token for the user; the returned text goes into the link, only its hash is stored. */
    public String issue(long userId, String email, Purpose purpose, Duration validity) {
        String token = SecretTokens.generate();
        Instant now = Instant.now();
        em.createNativeQuery("DELETE FROM mail_token WHERE user_id = :user AND expires_at < :old")
                .setParameter("user", userId).setParameter("old", now.minus(RETENTION)).executeUpdate();
        em.createNativeQuery("INSERT INTO mail_token (token_hash, user_id, purpose, email, created_at, expires_at) "
                + "VALUES (:hash, :user, :purpose, :email, :now, :expires)")
                .setParameter("hash", SecretTokens.hash(token)).setParameter("user", userId)
                .setParameter("purpose", purpose.code).setParameter("email", email).setParameter("now", now)
                .setParameter("expires", now.plus(validity)).executeUpdate();
        return token;
    }

    /** Whom a token belongs to while it is unused and unexpired; it stays usable. */
    public Optional<Holder> peek(String token, Purpose purpose) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT user_id, email FROM mail_token WHERE token_hash = :hash "
                + "AND purpose = :purpose AND used_at IS NULL AND expires_at > :now")
                .setParameter("hash", SecretTokens.hash(token)).setParameter("purpose", purpose.code)
                .setParameter("now", Instant.now()).getResultList();
        return rows.stream().findFirst().map(MailTokens::holder);
    }

    /**
     * Uses the token up, if it is still valid. Checking and marking are one statement: of two requests racing
     * with the same link, PostgreSQL lets exactly one through.
     */
    public Optional<Holder> consume(String token, Purpose purpose) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("UPDATE mail_token SET used_at = :now WHERE token_hash = :hash "
                + "AND purpose = :purpose AND used_at IS NULL AND expires_at > :now RETURNING user_id, email")
                .setParameter("hash", SecretTokens.hash(token)).setParameter("purpose", purpose.code)
                .setParameter("now", Instant.now()).getResultList();
        return rows.stream().findFirst().map(MailTokens::holder);
    }

    /** Ends every other link of this purpose sent to the user (an older reset mail stops working). */
    public void useUpAll(long userId, Purpose purpose) {
        em.createNativeQuery("UPDATE mail_token SET used_at = :now WHERE user_id = :user AND purpose = :purpose "
                + "AND used_at IS NULL").setParameter("now", Instant.now()).setParameter("user", userId)
                .setParameter("purpose", purpose.code).executeUpdate();
    }

    /** How many links of this purpose were sent to the user since then (the per-account throttle). */
    public long issuedSince(long userId, Purpose purpose, Instant since) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM mail_token WHERE user_id = :user "
                + "AND purpose = :purpose AND created_at > :since").setParameter("user", userId)
                .setParameter("purpose", purpose.code).setParameter("since", since).getSingleResult()).longValue();
    }

    private static Holder holder(Object row) {
        Object[] columns = (Object[]) row;
        return new Holder(((Number) columns[0]).longValue(), (String) columns[1]);
    }
}
