package io.heavylegs.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user of this request. Everything a user owns is looked up through {@link #id()}, never through
 * an id taken from a form or a URL.
 */
@RequestScoped
@Named("signedInUser")
public class SignedInUser {

    static final String EMAIL_ATTRIBUTE = "heavylegs.email";

    @Inject
    SecurityIdentity identity;

    public boolean present() {
        return !identity.isAnonymous();
    }

    public long id() {
        return SessionPrincipal.decode(identity.getPrincipal().getName())
                .orElseThrow(() -> new NotAuthorizedException("Not signed in"))
                .userId();
    }

    public String email() {
        return identity.getAttribute(EMAIL_ATTRIBUTE);
    }

    public User load() {
        return User.<User> findByIdOptional(id()).orElseThrow(() -> new NotAuthorizedException("Not signed in"));
    }
}
