package io.heavylegs.account;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;

/**
 * Issues the session cookie for a sign-in that form authentication does not see (a passkey): the same cookie,
 * encrypted with the same key and with the same name, lifetime and attributes as the one
 * {@code /j_security_check} sets, so that from the next request on form authentication and
 * {@link SessionIdentityProvider} treat both alike. The settings are form authentication's own.
 */
@ApplicationScoped
public class SessionCookie {

    private final PersistentLoginManager cookies;

    SessionCookie(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String encryptionKey,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration newCookieInterval,
            @ConfigProperty(name = "quarkus.http.auth.form.http-only-cookie") boolean httpOnly,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site") String sameSite,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/") String path) {
        this.cookies = new PersistentLoginManager(encryptionKey, cookieName, timeout.toMillis(),
                newCookieInterval.toMillis(), httpOnly, sameSite.toUpperCase(java.util.Locale.ROOT), path, -1, null);
    }

    /** Sets the cookie of this new session on the response, as form authentication does after a login. */
    void issue(SecurityIdentity session, RoutingContext routing) {
        cookies.save(session, routing, null, routing.request().isSSL());
    }
}
