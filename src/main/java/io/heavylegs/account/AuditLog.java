package io.heavylegs.account;

import org.jboss.logging.Logger;

/**
 * Security events in their own log category ({@code io.heavylegs.audit}), so that operations can route them
 * apart. Entries name the account by id, or an unknown email by a short prefix of its hash: never an email,
 * never a password, never health data. The log line's own timestamp is the time of the event.
 */
final class AuditLog {

    private static final Logger LOG = Logger.getLogger("io.heavylegs.audit");

    private AuditLog() {
    }

    static void loginSucceeded(long userId, String address) {
        LOG.infof("login outcome=success account=%d address=%s", userId, address);
    }

    static void loginFailed(String normalizedEmail, Long knownUserId, String address) {
        LOG.infof("login outcome=failure %s address=%s", who(normalizedEmail, knownUserId), address);
    }

    static void loginRefused(String normalizedEmail, String address) {
        LOG.warnf("login outcome=refused-throttled %s address=%s", who(normalizedEmail, null), address);
    }

    /** A passkey sign-in: the same line as a password login's, with the method and the passkey named by a hash. */
    static void passkeyLoginSucceeded(long userId, String address) {
        LOG.infof("login outcome=success account=%d address=%s method=passkey", userId, address);
    }

    static void passkeyLoginFailed(String throttleKey, String address) {
        LOG.infof("login outcome=failure passkey-hash=%s address=%s method=passkey", shortHash(throttleKey), address);
    }

    static void passkeyLoginRefused(String throttleKey, String address) {
        LOG.warnf("login outcome=refused-throttled passkey-hash=%s address=%s method=passkey", shortHash(throttleKey),
                address);
    }

    static void passkeyAdded(long userId) {
        LOG.infof("passkey added account=%d", userId);
    }

    static void passkeyRemoved(long userId) {
        LOG.infof("passkey removed account=%d", userId);
    }

    static void sessionsEnded(long userId, String reason) {
        LOG.infof("sessions ended account=%d reason=%s", userId, reason);
    }

    static void passwordResetRequested(String normalizedEmail, Long knownUserId, String address, String outcome) {
        LOG.infof("password-reset requested outcome=%s %s address=%s", outcome, who(normalizedEmail, knownUserId),
                address);
    }

    static void passwordReset(long userId) {
        LOG.infof("password-reset done account=%d", userId);
    }

    static void addressConfirmed(long userId) {
        LOG.infof("address confirmed account=%d", userId);
    }

    static void remindersStopped(long userId) {
        LOG.infof("reminders stopped account=%d via=unsubscribe-link", userId);
    }

    static void accountDeleted(long userId) {
        LOG.infof("account deleted account=%d", userId);
    }

    private static String shortHash(String key) {
        return LoginThrottle.emailHash(key).substring(0, 12);
    }

    private static String who(String normalizedEmail, Long knownUserId) {
        return knownUserId != null ? "account=" + knownUserId
                : "email-hash=" + LoginThrottle.emailHash(normalizedEmail).substring(0, 12);
    }
}
