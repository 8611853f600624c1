package io.heavylegs.reminder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.heavylegs.account.User;
import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one-click unsubscribe link of a reminder mail: {@code /reminders/unsubscribe/{id}.{mac}}, where the mac is
 * an HMAC-SHA256 over the account id and its address. It works without a session (a mail client opens it in a
 * browser that may not be signed in), and only the server can make one: changing the id breaks the mac, so no one
 * can stop another user's reminders. Nothing is stored; the key is derived from the session encryption key, which
 * every instance shares and production must set, so any instance can check any link. Rotating that key ends the
 * old links (the account page still stops reminders).
 */
@ApplicationScoped
public class UnsubscribeLinks {

    static final String PATH = "/reminders/unsubscribe/";
    private static final String ALGORITHM = "HmacSHA256";
    /** A positive id of at most 18 digits (no overflow to parse), a dot, 32 bytes in URL-safe Base64. */
    private static final Pattern TOKEN = Pattern.compile("[1-9][0-9]{0,17}\\.[A-Za-z0-9_-]{43}");

    @Inject
    HeavyLegsConfig config;

    private final SecretKeySpec key;

    UnsubscribeLinks(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String sessionKey) {
        // A key of its own, so that a mac made here can never stand for anything the session key protects
        this.key = new SecretKeySpec(mac(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "heavylegs reminder unsubscribe v1"), ALGORITHM);
    }

    /** The absolute link for the mail. */
    public String linkFor(long userId, String email) {
        return config.origin() + PATH + tokenFor(userId, email);
    }

    String tokenFor(long userId, String email) {
        return userId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, userId + "\n" + email));
    }

    /** The account the token was made for, if it is one this server made for that account's current address. */
    public Optional<Long> userOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        long userId = Long.parseLong(token.substring(0, token.indexOf('.')));
        Optional<String> email = QuarkusTransaction.requiringNew()
                .call(() -> User.<User>findByIdOptional(userId).map(user -> user.email));
        if (email.isEmpty()) {
            return Optional.empty();
        }
        byte[] expected = tokenFor(userId, email.get()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII)) ? Optional.of(userId)
                : Optional.empty();
    }

    private static byte[] mac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
