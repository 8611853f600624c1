package io.heavylegs.account;

import java.security.SecureRandom;
import java.util.Base64;

import io.heavylegs.web.Sha256;

/**
 * The random tokens mailed in links (password reset, address confirmation): 256 bits from the system's
 * cryptographic random source, URL-safe. Only the SHA-256 hash is stored, so a copy of the database does not hold
 * working links; a token that is not a well-formed one is never looked up.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;
    /** 32 bytes in URL-safe Base64 without padding. */
    private static final int LENGTH = 43;

    private SecretTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }

    public static boolean wellFormed(String token) {
        return token != null && token.length() == LENGTH && token.chars().allMatch(c -> (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
