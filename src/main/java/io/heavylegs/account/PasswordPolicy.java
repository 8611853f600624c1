package io.heavylegs.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

/**
 * What a new password must be beyond its length: not one of the most common passwords, and short enough for
 * bcrypt, which ignores everything after the 72nd byte (a longer password would silently be cut, so that two
 * passwords with the same first 72 bytes would both unlock the account).
 *
 * <p>The common passwords are the 30,000 most frequent ones of zxcvbn's {@code passwords.txt} (compiled by Dropbox
 * from leaked password sets; MIT licence), read from the {@code com.nulab-inc:zxcvbn} jar, which the build keeps
 * up to date like any other dependency.
 * <p>{@code @Singleton}: an application-scoped bean's client proxy is a subclass whose construction would load
 * the list a second time.
 */
@Singleton
public class PasswordPolicy {

    static final int BCRYPT_MAX_BYTES = 72;
    private static final String COMMON_PASSWORDS = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final Set<String> commonPasswords = load();

    /** The problem with a new password, in words for the form, if there is one. */
    public Optional<String> problem(String password) {
        if (!fitsBcrypt(password)) {
            return Optional.of("Use a shorter password: at most 72 bytes, which is 72 letters and digits but fewer "
                    + "characters with accents or emoji.");
        }
        if (isCommon(password)) {
            return Optional.of("This password is one of the most common ones, which are tried first. "
                    + "Choose another: a few unrelated words work well.");
        }
        return Optional.empty();
    }

    public boolean isCommon(String password) {
        return commonPasswords.contains(password.toLowerCase(Locale.ROOT));
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
    }

    private static Set<String> load() {
        InputStream list = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (list == null) {
            throw new IllegalStateException("The common password list " + COMMON_PASSWORDS + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
