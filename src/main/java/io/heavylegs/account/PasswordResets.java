package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.heavylegs.account.MailTokens.Holder;
import io.heavylegs.account.MailTokens.Purpose;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A forgotten password, reset through a link mailed to the account's address (SECURITY.md, "Password reset").
 * Whatever is typed, the answer is the same page; only a known, unthrottled address gets a mail.
 */
@ApplicationScoped
public class PasswordResets {

    /** The contract's 30 minutes. */
    static final Duration VALIDITY = Duration.ofMinutes(30);
    static final Duration THROTTLE_WINDOW = Duration.ofHours(1);
    /** Reset mails to one account per hour: enough for a mail that went astray, too few to flood a mailbox. */
    static final int MAX_MAILS_PER_ACCOUNT = 3;
    /** Requests from one client address per hour, known addresses or not. */
    static final int MAX_REQUESTS_PER_ADDRESS = 10;
    private static final Duration RETENTION = Duration.ofDays(1);
    private static final int MAX_ADDRESS_LENGTH = 64;

    @CheckedTemplate(basePath = "Mails")
    static class Mails {
        static native TemplateInstance passwordReset(String link, long minutes);
    }

    @Inject
    EntityManager em;

    @Inject
    MailTokens tokens;

    @Inject
    Sessions sessions;

    @Inject
    Mailbox mailbox;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    HeavyLegsConfig config;

    private record Outgoing(String to, String link) {
    }

    /** Records the request and, for a known address within the limits, mails a reset link (after the commit). */
    public void request(String typedEmail, String clientAddress) {
        String email = User.normalizeEmail(typedEmail);
        String address = clip(clientAddress);
        Optional<Outgoing> mail = QuarkusTransaction.requiringNew().call(() -> prepare(email, address));
        mail.ifPresent(outgoing -> mailbox.send(outgoing.to(), "Reset your HeavyLegs password",
                Mails.passwordReset(outgoing.link(), VALIDITY.toMinutes()).render(), Map.of()));
    }

    private Optional<Outgoing> prepare(String email, String address) {
        Instant now = Instant.now();
        Instant since = now.minus(THROTTLE_WINDOW);
        long fromAddress = ((Number) em.createNativeQuery("SELECT count(*) FROM password_reset_request "
                + "WHERE address = :address AND requested_at > :since").setParameter("address", address)
                .setParameter("since", since).getSingleResult()).longValue();
        em.createNativeQuery("INSERT INTO password_reset_request (email_hash, address, requested_at) "
                + "VALUES (:hash, :address, :now)").setParameter("hash", LoginThrottle.emailHash(email))
                .setParameter("address", address).setParameter("now", now).executeUpdate();
        em.createNativeQuery("DELETE FROM password_reset_request WHERE requested_at < :old")
                .setParameter("old", now.minus(RETENTION)).executeUpdate();
        if (fromAddress >= MAX_REQUESTS_PER_ADDRESS) {
            AuditLog.passwordResetRequested(email, null, address, "refused-throttled-address");
            return Optional.empty();
        }
        Optional<User> user = User.couldBeAnEmail(email) ? User.findByEmail(email) : Optional.empty();
        if (user.isEmpty()) {
            AuditLog.passwordResetRequested(email, null, address, "unknown-email");
            return Optional.empty();
        }
        long id = user.get().id;
        if (tokens.issuedSince(id, Purpose.PASSWORD_RESET, since) >= MAX_MAILS_PER_ACCOUNT) {
            AuditLog.passwordResetRequested(email, id, address, "refused-throttled-account");
            return Optional.empty();
        }
        if (!mailbox.canSend()) {
            AuditLog.passwordResetRequested(email, id, address, "not-sent-no-mail-server");
            return Optional.empty();
        }
        String token = tokens.issue(id, email, Purpose.PASSWORD_RESET, VALIDITY);
        AuditLog.passwordResetRequested(email, id, address, "mailed");
        return Optional.of(new Outgoing(email, config.origin() + "/password-reset/" + token));
    }

    /** Whether the link still works: the page to choose a password is shown only then. */
    @Transactional
    public boolean valid(String token) {
        return tokens.peek(token, Purpose.PASSWORD_RESET).isPresent();
    }

    /**
     * Sets the new password, uses the link up, ends every session of the user and counts the address as
     * confirmed (the link reached it).
     *
     * @throws NotFoundException when the link is used, expired or unknown
     */
    @Transactional
    public FormErrors complete(String token, PasswordResetForm form) {
        if (tokens.peek(token, Purpose.PASSWORD_RESET).isEmpty()) {
            throw new NotFoundException();
        }
        FormErrors errors = form.validate();
        if (!errors.has("password")) {
            passwordPolicy.problem(form.password).ifPresent(problem -> errors.add("password", problem));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Holder holder = tokens.consume(token, Purpose.PASSWORD_RESET).orElseThrow(NotFoundException::new);
        User user = User.findById(holder.userId());
        if (user == null) {
            throw new NotFoundException();
        }
        tokens.useUpAll(user.id, Purpose.PASSWORD_RESET);
        user.passwordHash = BcryptUtil.bcryptHash(form.password, AccountService.BCRYPT_COST);
        user.sessionGeneration++;
        sessions.endAll(user.id);
        if (user.emailConfirmedAt == null && user.email.equals(holder.email())) {
            user.emailConfirmedAt = Instant.now();
        }
        AuditLog.passwordReset(user.id);
        AuditLog.sessionsEnded(user.id, "password-reset");
        return errors;
    }

    private static String clip(String address) {
        String value = address == null ? "unknown" : address;
        return value.length() > MAX_ADDRESS_LENGTH ? value.substring(0, MAX_ADDRESS_LENGTH) : value;
    }
}
