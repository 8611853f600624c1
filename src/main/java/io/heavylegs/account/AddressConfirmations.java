package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.account.MailTokens.Holder;
import io.heavylegs.account.MailTokens.Purpose;
import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Proves the account's address reaches its owner before any reminder is sent to it: a link in a first mail at
 * registration, and again on request from the account page (at most 3 an hour).
 */
@ApplicationScoped
public class AddressConfirmations {

    static final Duration VALIDITY = Duration.ofDays(2);
    static final int MAX_MAILS_PER_HOUR = 3;

    @CheckedTemplate(basePath = "Mails")
    static class Mails {
        static native TemplateInstance confirmAddress(String link);
    }

    @Inject
    MailTokens tokens;

    @Inject
    Mailbox mailbox;

    @Inject
    HeavyLegsConfig config;

    /** Mails a confirmation link unless the address is confirmed or too many were sent lately; true if sent. */
    public boolean send(long userId) {
        return send(() -> User.<User>findById(userId));
    }

    /** The first mail, right after registration. */
    public boolean sendFirst(String normalizedEmail) {
        return send(() -> User.findByEmail(normalizedEmail).orElse(null));
    }

    private boolean send(java.util.function.Supplier<User> account) {
        Optional<String> to = QuarkusTransaction.requiringNew().call(() -> {
            User user = account.get();
            if (user == null || user.emailConfirmedAt != null || !mailbox.canSend() || tokens.issuedSince(user.id,
                    Purpose.CONFIRM_EMAIL, Instant.now().minus(Duration.ofHours(1))) >= MAX_MAILS_PER_HOUR) {
                return Optional.<String>empty();
            }
            String token = tokens.issue(user.id, user.email, Purpose.CONFIRM_EMAIL, VALIDITY);
            return Optional.of(user.email + " " + config.origin() + "/account/confirm/" + token);
        });
        to.ifPresent(line -> {
            String[] parts = line.split(" ", 2);
            mailbox.send(parts[0], "Confirm your email address for HeavyLegs", Mails.confirmAddress(parts[1]).render(),
                    Map.of());
        });
        return to.isPresent();
    }

    /** Uses the link up and marks the address confirmed, if it is still the account's address. */
    public boolean confirm(String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Holder> holder = tokens.consume(token, Purpose.CONFIRM_EMAIL);
            if (holder.isEmpty()) {
                return false;
            }
            User user = User.findById(holder.get().userId());
            if (user == null || !user.email.equals(holder.get().email())) {
                return false;
            }
            if (user.emailConfirmedAt == null) {
                user.emailConfirmedAt = Instant.now();
                AuditLog.addressConfirmed(user.id);
            }
            return true;
        });
    }
}
