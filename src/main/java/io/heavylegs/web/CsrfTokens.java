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
 * <p>
 * A signed-in session has one token for its whole life: its nonce is not random but a MAC of the session too, so
 * every page of the session carries the same token and the cookie, rest-csrf's signature of it, stays the same. A
 * form left open in one tab is still accepted after another page was opened in a second tab (each page used to get
 * a new token and cookie, which refused the first tab's form). A new session (after a logout and login) is another
 * row, so it has another token. An anonymous page has no session to derive from: its nonce stays random, so one
 * visitor's token tells nothing about another's.
 */
@ApplicationScoped
public class CsrfTokens {

    private static final int NONCE_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final String MAC = "HmacSHA256";
    private static final String ANONYMOUS = "anonymous";

    private final SecureRandom random = new SecureRandom();
    private final String signatureKey;
    private final SecretKeySpec bindingKey;

    CsrfTokens(@ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") String signatureKey) {
        this.signatureKey = signatureKey;
        this.bindingKey = new SecretKeySpec(signatureKey.getBytes(StandardCharsets.UTF_8), MAC);
    }

    /** What a token is bound to: the session row of a signed-in request, or "anonymous". */
    static String bindingOf(Optional<Long> sessionId) {
        return sessionId.map(id -> "session:" + id).orElse(ANONYMOUS);
    }

    /**
     * The token for a page of {@code binding}: the nonce, then its MAC. A session's nonce is derived from the
     * session, so it is the same on every page of it; an anonymous page's is random.
     */
    byte[] issue(String binding) {
        byte[] token = new byte[NONCE_BYTES + MAC_BYTES];
        if (ANONYMOUS.equals(binding)) {
            random.nextBytes(token);
        } else {
            System.arraycopy(mac("heavylegs csrf session nonce\n" + binding + "\n", new byte[0]), 0, token, 0,
                    NONCE_BYTES);
        }
        System.arraycopy(bindingMac(binding, Arrays.copyOf(token, NONCE_BYTES)), 0, token, NONCE_BYTES, MAC_BYTES);
        return token;
    }

    /** Whether {@code token} (as posted, Base64url) was issued to {@code binding}. */
    boolean isBoundTo(String token, String binding) {
        byte[] bytes = decode(token);
        if (bytes == null || bytes.length != NONCE_BYTES + MAC_BYTES) {
            return false;
        }
        byte[] expected = bindingMac(binding, Arrays.copyOf(bytes, NONCE_BYTES));
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

    private byte[] bindingMac(String binding, byte[] nonce) {
        return mac("heavylegs csrf binding\n" + binding + "\n", nonce);
    }

    /** HMAC-SHA256 under the CSRF key of {@code label} (which says what the MAC is for) and then {@code data}. */
    private byte[] mac(String label, byte[] data) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(bindingKey);
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
