package io.heavylegs.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Everything HeavyLegs holds about one user, as the JSON of {@code GET /account/export}. */
@ApplicationScoped
public class AccountExports {

    public record Export(Account account) {
    }

    public record Account(String email, Instant created) {
    }

    @Transactional
    public Export of(long userId) {
        User user = User.findById(userId);
        return new Export(new Account(user.email, user.createdAt));
    }
}
