package io.heavylegs.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.heavylegs.web.ClientAddress;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the email and password posted to {@code /j_security_check}, through the login throttle, and starts the
 * session's row; {@code remember=on} ("keep me signed in on this device") makes it a long one.
 */
@ApplicationScoped
public class LoginIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    AccountService accounts;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Sessions sessions;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String email = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = clientAddress(routingContext);
        boolean remembered = routingContext != null
                && "on".equals(routingContext.request().getFormAttribute("remember"));
        String userAgent = routingContext == null ? "" : routingContext.request().getHeader("User-Agent");
        return context.runBlocking(() -> accounts.logIn(email, password, address)
                .map(user -> {
                    long sessionId = sessions.start(user.id, remembered, userAgent);
                    if (remembered) {
                        SessionIdentityProvider.keepCookie(routingContext, cookieName, sessions.idleTimeout(true));
                    }
                    return SessionIdentities.of(user, sessionId, remembered);
                })
                .orElseThrow(AuthenticationFailedException::new));
    }

    /** The direct peer, or behind a trusted proxy the client it forwards for (web/ClientAddress). */
    private String clientAddress(RoutingContext routingContext) {
        return routingContext == null ? "unknown" : clientAddress.of(routingContext);
    }
}
