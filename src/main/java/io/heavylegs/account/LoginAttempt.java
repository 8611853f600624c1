package io.heavylegs.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One attempt to log in, as {@link LoginThrottle} counts them. Holds no email, only its hash. */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt extends PanacheEntityBase {

    public enum Outcome {
        SUCCESS, FAILURE,
        /** Turned away by the throttle without checking the password; not counted as a failure. */
        REFUSED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "email_hash")
    public String emailHash;

    public String address;

    /** The outcome's lower-case name, as the table's check constraint lists them. */
    public String outcome;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    static LoginAttempt of(String emailHash, String address, Outcome outcome, Instant at) {
        LoginAttempt attempt = new LoginAttempt();
        attempt.emailHash = emailHash;
        attempt.address = address;
        attempt.outcome = outcome.column();
        attempt.attemptedAt = at;
        return attempt;
    }

    static long deleteOlderThan(Instant cutoff) {
        return delete("attemptedAt < ?1", cutoff);
    }
}
