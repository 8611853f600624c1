package io.heavylegs.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * Checks the email and password posted to {@code /j_security_check}, through the login throttle.
 */
@ApplicationScoped
public class LoginIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    AccountService accounts;

    @Inject
    ClientAddress clientAddress;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String email = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String address = clientAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> accounts.logIn(email, password, address)
                .map(SessionIdentities::of)
                .orElseThrow(AuthenticationFailedException::new));
    }

    /** The direct peer, or behind a trusted proxy the client it forwards for (web/ClientAddress). */
    private String clientAddress(RoutingContext routingContext) {
        return routingContext == null ? "unknown" : clientAddress.of(routingContext);
    }
}
