package io.heavylegs.account;

import java.time.Instant;

import io.heavylegs.web.SignedInUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the identity a session carries; its principal name is what the session cookie stores. */
final class SessionIdentities {

    private SessionIdentities() {
    }

    /** A fresh sign-in. */
    static SecurityIdentity of(User user) {
        return of(user.email, new SessionPrincipal(user.id, user.sessionGeneration, Instant.now()));
    }

    /** A resumed session keeps its original sign-in time, so its absolute lifetime does not restart. */
    static SecurityIdentity of(String email, SessionPrincipal principal) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal.encode()))
                .addRole(User.ROLE)
                .addAttribute(SignedInUser.ID_ATTRIBUTE, principal.userId())
                .addAttribute(SignedInUser.EMAIL_ATTRIBUTE, email)
                .build();
    }
}
