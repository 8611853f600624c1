package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord;
import io.quarkus.security.webauthn.WebAuthnCredentialRecord.RequiredPersistedData;
import io.quarkus.security.webauthn.WebAuthnSecurity;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Passkeys: adding, listing and removing them, and signing in with one. The WebAuthn extension
 * ({@link WebAuthnSecurity}) makes the challenges and verifies the browser's answers (challenge, origin, relying
 * party id, signature, user verification, counter); everything else is the app's own: the rows
 * ({@link Passkey}), the owner, the throttle and the audit log, and the session, which is the same row and cookie
 * a password login makes ({@link Sessions}, {@link SessionCookie}). The extension's own endpoints, cookie and
 * identity provider are not used (application.properties).
 */
@ApplicationScoped
public class Passkeys {

    private static final Logger LOG = Logger.getLogger(Passkeys.class);

    /** The ceremony's checks are in memory; this only bounds a lookup that hangs. */
    private static final Duration VERIFY_WAIT = Duration.ofSeconds(10);

    /** A credential id is at most 1023 bytes: 1364 Base64URL characters. */
    private static final int MAX_CREDENTIAL_ID = 1400;

    /** How a passkey sign-in ended. */
    public enum SignIn {
        SIGNED_IN, FAILED, THROTTLED
    }

    /** One passkey as the account page lists it. */
    public record Listed(long id, String name, Instant created, Instant lastUsed) {
    }

    @Inject
    WebAuthnSecurity webAuthn;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    SessionCookie sessionCookie;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    /**
     * The options for the browser's {@code navigator.credentials.create}, as JSON; the challenge travels in an
     * encrypted, HttpOnly cookie until the answer comes back. The user shows up in the device's list by email.
     */
    public String creationOptions(String email, RoutingContext routing) {
        return webAuthn.toJsonString(webAuthn.getRegisterChallenge(email, email, routing).await().atMost(VERIFY_WAIT));
    }

    /** The options for {@code navigator.credentials.get}: no user named, the device offers its passkeys for the site. */
    public String requestOptions(RoutingContext routing) {
        return webAuthn.toJsonString(webAuthn.getLoginChallenge(null, routing).await().atMost(VERIFY_WAIT));
    }

    /** Verifies the browser's answer and keeps the new passkey, or returns the problems to show by the form. */
    public FormErrors add(long userId, PasskeyForm form, RoutingContext routing) {
        FormErrors errors = Forms.validate(form);
        if (!errors.isEmpty()) {
            return errors;
        }
        JsonObject answer = parse(form.credential);
        WebAuthnCredentialRecord record = null;
        if (answer != null) {
            try {
                record = webAuthn.register(String.valueOf(userId), answer, routing).await().atMost(VERIFY_WAIT);
            } catch (RuntimeException e) {
                LOG.debugf(e, "Passkey registration refused for account %d", userId);
            }
        }
        if (record == null) {
            return errors.add("credential", "Your device's answer could not be checked, so no passkey was added. "
                    + "Try again; if it keeps failing, your browser may not support passkeys for this site.");
        }
        RequiredPersistedData data = record.getRequiredPersistedData();
        if (!QuarkusTransaction.requiringNew().call(() -> store(userId, form.passkeyName.strip(), data))) {
            return errors.add("credential", "This passkey is added already.");
        }
        AuditLog.passkeyAdded(userId);
        return errors;
    }

    private static boolean store(long userId, String name, RequiredPersistedData data) {
        if (Passkey.findByCredentialId(data.credentialId()).isPresent()) {
            return false;
        }
        Passkey passkey = new Passkey();
        passkey.userId = userId;
        passkey.credentialId = data.credentialId();
        passkey.aaguid = data.aaguid();
        passkey.publicKey = data.publicKey();
        passkey.publicKeyAlgorithm = data.publicKeyAlgorithm();
        passkey.signCount = data.counter();
        passkey.name = name;
        passkey.createdAt = Instant.now();
        passkey.persist();
        return true;
    }

    /** The user's passkeys, the newest first: names and dates only, never key material. */
    @Transactional
    public List<Listed> of(long userId) {
        return Passkey.findByOwner(userId).stream()
                .map(p -> new Listed(p.id, p.name, p.createdAt, p.lastUsedAt)).toList();
    }

    /** Removes one of the user's passkeys; false when it is not theirs (or does not exist). */
    @Transactional
    public boolean remove(long userId, long passkeyId) {
        boolean removed = Passkey.findOwned(userId, passkeyId).map(passkey -> {
            passkey.delete();
            return true;
        }).orElse(false);
        if (removed) {
            AuditLog.passkeyRemoved(userId);
        }
        return removed;
    }

    /**
     * Signs in with the browser's answer to {@link #requestOptions}. The attempt goes through the login throttle
     * like a password: a failure counts against the client address (the limit a password guesser meets too) and
     * against the passkey it names, and a throttled address is refused before anything is checked. On success the
     * session starts exactly as after a password login: its row, its cookie, its audit line.
     */
    public SignIn signIn(String credential, boolean remembered, String address, String userAgent,
            RoutingContext routing) {
        JsonObject answer = credential == null || credential.length() > PasskeyForm.MAX_CREDENTIAL ? null
                : parse(credential);
        String credentialId = answer != null && answer.getValue("rawId") instanceof String id && isCredentialId(id)
                ? id : null;
        String throttleKey = "passkey:" + (credentialId == null ? "" : credentialId);
        OptionalLong attempt = throttle.admit(throttleKey, address);
        if (attempt.isEmpty()) {
            AuditLog.passkeyLoginRefused(throttleKey, address);
            return SignIn.THROTTLED;
        }
        WebAuthnCredentialRecord record = null;
        if (credentialId != null) {
            try {
                record = webAuthn.login(answer, routing).await().atMost(VERIFY_WAIT);
            } catch (RuntimeException e) {
                LOG.debugf(e, "Passkey sign-in refused");
            }
        }
        User user = record == null ? null : signedIn(record, signCount(answer));
        if (user == null) {
            AuditLog.passkeyLoginFailed(throttleKey, address);
            return SignIn.FAILED;
        }
        throttle.succeeded(attempt.getAsLong());
        AuditLog.passkeyLoginSucceeded(user.id, address);
        long sessionId = sessions.start(user.id, remembered, userAgent);
        sessionCookie.issue(SessionIdentities.of(user, sessionId, remembered), routing);
        if (remembered) {
            SessionIdentityProvider.keepCookie(routing, cookieName, sessions.idleTimeout(true));
        }
        return SignIn.SIGNED_IN;
    }

    /** Records the use (counter, time) and returns the owner; null when the passkey or its owner is gone. */
    private static User signedIn(WebAuthnCredentialRecord record, long signCount) {
        return QuarkusTransaction.requiringNew().call(() -> Passkey.findByCredentialId(record.getCredentialID())
                .map(passkey -> {
                    passkey.signCount = Math.max(passkey.signCount, Math.max(record.getCounter(), signCount));
                    passkey.lastUsedAt = Instant.now();
                    return User.<User>findById(passkey.userId);
                }).orElse(null));
    }

    /**
     * The authenticator's signature counter from the verified authenticator data (bytes 33 to 36, after the
     * relying party's hash and the flags), so that the next sign-in's counter is compared with this one.
     */
    static long signCount(JsonObject answer) {
        try {
            byte[] data = Base64.getUrlDecoder().decode(answer.getJsonObject("response").getString("authenticatorData"));
            return data.length < 37 ? 0 : ((data[33] & 0xffL) << 24) | ((data[34] & 0xffL) << 16)
                    | ((data[35] & 0xffL) << 8) | (data[36] & 0xffL);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Base64URL of at most 1023 bytes: anything else names no passkey and is never looked up. */
    static boolean isCredentialId(String id) {
        return !id.isEmpty() && id.length() <= MAX_CREDENTIAL_ID && id.chars().allMatch(c -> c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    private static JsonObject parse(String json) {
        try {
            return new JsonObject(json);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
