package io.heavylegs.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;

/**
 * The CSRF token of a form, bound to the session it was made for. rest-csrf makes a random token for each page and
 * sets its cookie to the token's HMAC; on a POST it checks that the form's token signs to the cookie. That alone
 * lets any pair of token and cookie pass, whoever's session sends them. Here the token is not random: it is a nonce
 * and a MAC of the nonce with the session it was issued to (its {@code user_session} row, or "anonymous"), keyed
 * with the CSRF key, so a token taken from one session is refused on another, and one from an anonymous page is
 * refused once signed in. The cookie stays rest-csrf's, so rest-csrf's own check still runs after ours.
 */
@ApplicationScoped
public class CsrfTokens {

    private static final int NONCE_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final String MAC = "HmacSHA256";

    private final SecureRandom random = new SecureRandom();
    private final String signatureKey;
    private final SecretKeySpec bindingKey;

    CsrfTokens(@ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") String signatureKey) {
        this.signatureKey = signatureKey;
        this.bindingKey = new SecretKeySpec(signatureKey.getBytes(StandardCharsets.UTF_8), MAC);
    }

    /** What a token is bound to: the session row of a signed-in request, or "anonymous". */
    static String bindingOf(Optional<Long> sessionId) {
        return sessionId.map(id -> "session:" + id).orElse("anonymous");
    }

    /** A new token for a page of {@code binding}: the nonce, then its MAC. */
    byte[] issue(String binding) {
        byte[] token = new byte[NONCE_BYTES + MAC_BYTES];
        random.nextBytes(token);
        System.arraycopy(mac(binding, Arrays.copyOf(token, NONCE_BYTES)), 0, token, NONCE_BYTES, MAC_BYTES);
        return token;
    }

    /** Whether {@code token} (as posted, Base64url) was issued to {@code binding}. */
    boolean isBoundTo(String token, String binding) {
        byte[] bytes = decode(token);
        if (bytes == null || bytes.length != NONCE_BYTES + MAC_BYTES) {
            return false;
        }
        byte[] expected = mac(binding, Arrays.copyOf(bytes, NONCE_BYTES));
        return MessageDigest.isEqual(Arrays.copyOfRange(expected, 0, MAC_BYTES),
                Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
    }

    /** rest-csrf's own check, made here first so that its refusal is ours (a page, not an empty 400). */
    boolean signsTo(String token, String cookie) {
        if (decode(token) == null) {
            return false;
        }
        String signed = CsrfTokenUtils.signCsrfToken(token, signatureKey);
        return MessageDigest.isEqual(signed.getBytes(StandardCharsets.US_ASCII),
                cookie.getBytes(StandardCharsets.US_ASCII));
    }

    static String encode(byte[] token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private static byte[] decode(String token) {
        try {
            return Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(String binding, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(bindingKey);
            mac.update(("heavylegs csrf binding\n" + binding + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
