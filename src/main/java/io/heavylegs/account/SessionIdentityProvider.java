package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * (its session row ended: logout, ended from the account page, password change or reset, account deletion), has
 * been idle too long, or has outlived the absolute session lifetime.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

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
        if (principal.isEmpty()
                || principal.get().expiredAt(Instant.now(), sessions.lifetime(principal.get().remembered()))) {
            return Uni.createFrom().failure(refuse(request, principal.map(SessionPrincipal::userId).orElse(null)));
        }
        return context.runBlocking(() -> sessions.resume(principal.get())
                .map(email -> {
                    if (principal.get().remembered()) {
                        keepCookie(HttpSecurityUtils.getRoutingContextAttribute(request), cookieName,
                                sessions.idleTimeout(true));
                    }
                    return SessionIdentities.of(email, principal.get());
                })
                .orElseThrow(() -> refuse(request, principal.get().userId())));
    }

    /**
     * "Keep me signed in": the session cookie this response sets (at sign-in, and each time Quarkus renews it)
     * outlives the browser, for the remembered idle timeout. Other sessions keep a browser-session cookie. Only
     * a cookie set by this response has a path; the browser's own copy is left alone.
     */
    static void keepCookie(RoutingContext routingContext, String cookieName, Duration maxAge) {
        if (routingContext == null) {
            return;
        }
        routingContext.addHeadersEndHandler(ignored -> {
            Cookie cookie = routingContext.request().getCookie(cookieName);
            if (cookie != null && cookie.getPath() != null && !cookie.getValue().isEmpty()) {
                cookie.setMaxAge(maxAge.toSeconds());
            }
        });
    }

    /**
     * The refused cookie is removed in the same response, or the redirect to the login page would carry it
     * again and be refused again. A form posted with it that is worth keeping is refused with
     * {@link KeptForms.SessionEnded} instead, so that it is kept for {@code userId} rather than lost.
     */
    private RuntimeException refuse(TrustedAuthenticationRequest request, Long userId) {
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            routingContext.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0)
                    .setHttpOnly(true).setSecure(routingContext.request().isSSL()).setSameSite(CookieSameSite.STRICT));
            if (userId != null && KeptForms.wouldKeep(routingContext.request())) {
                return new KeptForms.SessionEnded(userId);
            }
        }
        return new AuthenticationFailedException("Session revoked or expired");
    }
}
