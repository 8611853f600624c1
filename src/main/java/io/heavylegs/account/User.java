package io.heavylegs.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/**
 * An account. The security-jpa annotations describe the mapping; signing in goes through
 * {@link LoginIdentityProvider} and {@link SessionIdentityProvider}, which add what the generated providers
 * cannot: case-insensitive emails, throttling and revocable sessions.
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    public static final String ROLE = "user";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String email;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role = ROLE;

    @Column(name = "session_generation")
    public int sessionGeneration;

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
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
