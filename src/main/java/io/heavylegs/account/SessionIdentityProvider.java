package io.heavylegs.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns a session cookie back into a signed-in user on every request, and refuses a cookie that was revoked
 * (logout, password change, account deletion) or has outlived the absolute session lifetime.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    AccountService accounts;

    @Inject
    HeavyLegsConfig config;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        Optional<SessionPrincipal> principal = SessionPrincipal.decode(request.getPrincipal());
        if (principal.isEmpty() || principal.get().expiredAt(Instant.now(), config.signIn().sessionLifetime())) {
            return Uni.createFrom().failure(refuse(request));
        }
        return context.runBlocking(() -> accounts.resumeSession(principal.get())
                .map(email -> SessionIdentities.of(email, principal.get()))
                .orElseThrow(() -> refuse(request)));
    }

    /**
     * The refused cookie is removed in the same response, or the redirect to the login page would carry it
     * again and be refused again.
     */
    private AuthenticationFailedException refuse(TrustedAuthenticationRequest request) {
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            routingContext.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0)
                    .setHttpOnly(true).setSecure(routingContext.request().isSSL()).setSameSite(CookieSameSite.STRICT));
        }
        return new AuthenticationFailedException("Session revoked or expired");
    }
}
