package io.heavylegs.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An account. Signing in goes through {@link LoginIdentityProvider} (email and password, throttled) and
 * {@link SessionIdentityProvider} (the session cookie, revocable).
 */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    public static final String ROLE = "user";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    public String role = ROLE;

    @Column(name = "session_generation")
    public int sessionGeneration;

    /** When the user last proved the address is theirs (a confirmation or reset link); null: not yet. */
    @Column(name = "email_confirmed_at")
    public Instant emailConfirmedAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static Optional<User> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResultOptional();
    }

    /**
     * Whether a typed email can be looked up at all. PostgreSQL refuses text with a NUL character, and no stored
     * email is longer than the column or contains control characters, so such input is simply unknown.
     */
    public static boolean couldBeAnEmail(String normalizedEmail) {
        return normalizedEmail.length() <= 254 && normalizedEmail.chars().noneMatch(Character::isISOControl);
    }

    /** Emails are compared trimmed and lower-cased, at registration and at login alike. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
