package io.heavylegs.account;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

@ApplicationScoped
public class AccountService {

    static final int BCRYPT_COST = 12;
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    /**
     * Compared against when the email is unknown, so that an unknown email costs the same bcrypt work as a
     * wrong password and the timing does not tell which accounts exist. A bcrypt hash at {@link #BCRYPT_COST} of
     * "no such account", made once and written here: computed in a static initializer it cost a bcrypt at every
     * start, on the event loop, since the first request of any kind (the readiness check too) creates the login
     * provider's client proxy of this class. No login can match it: it is only used when no account was found.
     */
    static final String UNKNOWN_USER_HASH = "$2a$12$jALdWvedU5vriV0r2Dl5IeW7c6x1Lf1S9.cfzzEZkqYNqCQuKVtRO";

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    /** Creates the account, or returns the problems to show next to the fields. */
    @Transactional
    public FormErrors register(RegisterForm form) {
        FormErrors errors = form.validate();
        if (!errors.has("password")) {
            passwordPolicy.problem(form.password).ifPresent(problem -> errors.add("password", problem));
        }
        if (!errors.has("email") && User.findByEmail(form.email).isPresent()) {
            errors.add("email", "An account with this email already exists. Log in instead, or use another email.");
        }
        if (errors.isEmpty()) {
            User user = new User();
            user.email = form.email;
            user.passwordHash = BcryptUtil.bcryptHash(form.password, BCRYPT_COST);
            user.persist();
            LOG.infof("Account %d registered", user.id);
        }
        return errors;
    }

    /**
     * Checks a login, unless the throttle refuses it. An unknown email and a wrong password give the same
     * answer, and both count against the email and the client address.
     *
     * @throws LoginThrottledException when too many logins failed lately for this email or address
     */
    public Optional<User> logIn(String email, String password, String address) {
        String normalizedEmail = User.normalizeEmail(email);
        OptionalLong attempt = throttle.admit(normalizedEmail, address);
        if (attempt.isEmpty()) {
            AuditLog.loginRefused(normalizedEmail, address);
            throw new LoginThrottledException();
        }
        Optional<User> known = User.couldBeAnEmail(normalizedEmail)
                ? QuarkusTransaction.requiringNew().call(() -> User.findByEmail(normalizedEmail))
                : Optional.empty();
        boolean matches = passwordMatches(password, known.map(user -> user.passwordHash).orElse(UNKNOWN_USER_HASH));
        Optional<User> user = known.filter(u -> matches);
        if (user.isPresent()) {
            throttle.succeeded(attempt.getAsLong());
            AuditLog.loginSucceeded(user.get().id, address);
        } else {
            AuditLog.loginFailed(normalizedEmail, known.map(u -> u.id).orElse(null), address);
        }
        return user;
    }

    /** Makes every session cookie issued so far useless. */
    @Transactional
    public void endAllSessions(long userId) {
        User.update("sessionGeneration = sessionGeneration + 1 where id = ?1", userId);
        sessions.endAll(userId);
        AuditLog.sessionsEnded(userId, "logout");
    }

    /**
     * Changes the password when the current one is right and the new one acceptable, and ends every session
     * of the user, this one included: they log in again with the new password.
     */
    @Transactional
    public FormErrors changePassword(long userId, ChangePasswordForm form) {
        FormErrors errors = form.validate();
        User user = User.findById(userId);
        if (!errors.has("currentPassword") && !passwordMatches(form.currentPassword, user.passwordHash)) {
            errors.add("currentPassword", "That is not your current password.");
        }
        if (!errors.has("newPassword")) {
            passwordPolicy.problem(form.newPassword).ifPresent(problem -> errors.add("newPassword", problem));
        }
        if (errors.isEmpty()) {
            user.passwordHash = BcryptUtil.bcryptHash(form.newPassword, BCRYPT_COST);
            user.sessionGeneration++;
            sessions.endAll(userId);
            AuditLog.sessionsEnded(userId, "password-changed");
        }
        return errors;
    }

    /** Stores the profile when the form is right (creating it the first time), or returns the problems. */
    @Transactional
    public FormErrors saveProfile(long userId, ProfileForm form, java.time.LocalDate today) {
        FormErrors errors = form.validate(today);
        if (errors.isEmpty()) {
            Profile profile = Profile.findByUser(userId).orElse(null);
            if (profile == null) {
                profile = new Profile();
                profile.userId = userId;
                form.applyTo(profile);
                profile.persist();
            } else {
                form.applyTo(profile);
            }
        }
        return errors;
    }

    /**
     * Deletes the account when the password is right. The database removes the user's entries and marks with
     * it (foreign keys with ON DELETE CASCADE), and every session cookie dies with the user row.
     */
    @Transactional
    public FormErrors deleteAccount(long userId, DeleteAccountForm form) {
        FormErrors errors = Forms.validate(form);
        User user = User.findById(userId);
        if (!errors.has("password") && !passwordMatches(form.password, user.passwordHash)) {
            errors.add("password", "That is not your password. Your account was not deleted.");
        }
        if (errors.isEmpty()) {
            user.delete();
            AuditLog.accountDeleted(userId);
        }
        return errors;
    }

    /**
     * Clears the reminder time, as the profile form does when it is left empty: for the unsubscribe link of a
     * reminder mail, which works without a session. False when there was no reminder to stop.
     */
    @Transactional
    public boolean stopReminders(long userId) {
        Profile profile = Profile.findByUser(userId).orElse(null);
        if (profile == null || !profile.wantsReminder()) {
            return false;
        }
        profile.reminderTime = null;
        AuditLog.remindersStopped(userId);
        return true;
    }

    /** bcrypt would compare only the first 72 bytes; a longer password can never be one we stored. */
    private static boolean passwordMatches(String password, String hash) {
        if (!PasswordPolicy.fitsBcrypt(password)) {
            BcryptUtil.matches("", hash);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }
}
