package io.heavylegs.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.NotAuthorizedException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user of this request, for every feature. Everything a user owns is looked up through
 * {@link #id()}, never through an id taken from a form or a URL. The account feature puts the id and the email
 * into the identity when it signs someone in or resumes a session.
 */
@RequestScoped
@Named("signedInUser")
public class SignedInUser {

    public static final String ID_ATTRIBUTE = "heavylegs.user-id";
    public static final String EMAIL_ATTRIBUTE = "heavylegs.email";
    /** The id of the session's row ({@code user_session}): "this device", and what the CSRF token is bound to. */
    public static final String SESSION_ATTRIBUTE = "heavylegs.session-id";

    @Inject
    SecurityIdentity identity;

    public boolean present() {
        return !identity.isAnonymous() && identity.getAttribute(ID_ATTRIBUTE) != null;
    }

    public long id() {
        Long id = identity.isAnonymous() ? null : identity.getAttribute(ID_ATTRIBUTE);
        if (id == null) {
            throw new NotAuthorizedException("Not signed in");
        }
        return id;
    }

    /** The session row this request was signed in with; empty when anonymous. */
    public java.util.Optional<Long> sessionId() {
        return identity.isAnonymous() ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(identity.getAttribute(SESSION_ATTRIBUTE));
    }

    public String email() {
        return identity.getAttribute(EMAIL_ATTRIBUTE);
    }
}
