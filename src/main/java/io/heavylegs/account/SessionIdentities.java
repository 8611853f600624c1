package io.heavylegs.account;

import java.time.Instant;

import io.heavylegs.web.SignedInUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the identity a session carries; its principal name is what the session cookie stores. */
final class SessionIdentities {

    /** The session's row id, for "this device" on the account page and the CSRF token's binding. */
    static final String SESSION_ATTRIBUTE = SignedInUser.SESSION_ATTRIBUTE;

    private SessionIdentities() {
    }

    /** A fresh sign-in, with its new session row. */
    static SecurityIdentity of(User user, long sessionId, boolean remembered) {
        return of(user.email, new SessionPrincipal(user.id, user.sessionGeneration, Instant.now(), sessionId,
                remembered));
    }

    /** A resumed session keeps its original sign-in time, so its absolute lifetime does not restart. */
    static SecurityIdentity of(String email, SessionPrincipal principal) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal.encode()))
                .addRole(User.ROLE)
                .addAttribute(SignedInUser.ID_ATTRIBUTE, principal.userId())
                .addAttribute(SignedInUser.EMAIL_ATTRIBUTE, email)
                .addAttribute(SESSION_ATTRIBUTE, principal.sessionId())
                .build();
    }
}
