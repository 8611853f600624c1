package io.heavylegs.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.heavylegs.web.FormErrors;
import io.quarkus.elytron.security.common.BcryptUtil;

@ApplicationScoped
public class AccountService {

    static final int BCRYPT_COST = 12;
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    /**
     * Compared against when the email is unknown, so that an unknown email costs the same bcrypt work as a
     * wrong password and the timing does not tell which accounts exist.
     */
    private static final String UNKNOWN_USER_HASH = BcryptUtil.bcryptHash("no such account", BCRYPT_COST);

    /** Creates the account, or returns the problems to show next to the fields. */
    @Transactional
    public FormErrors register(RegisterForm form) {
        FormErrors errors = form.validate();
        if (!errors.has("email") && User.findByEmail(form.email).isPresent()) {
            errors.add("email", "An account with this email already exists. Log in instead, or use another email.");
        }
        if (errors.isEmpty()) {
            User user = new User();
            user.email = form.email;
            user.passwordHash = BcryptUtil.bcryptHash(form.password, BCRYPT_COST);
            user.persist();
            LOG.infof("Account %d registered", user.id);
        }
        return errors;
    }

    @Transactional
    public Optional<User> signIn(String email, String password) {
        Optional<User> user = User.findByEmail(User.normalizeEmail(email));
        boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(UNKNOWN_USER_HASH));
        return matches ? user : Optional.empty();
    }

    /** The user of a session cookie, unless the cookie was issued before the user's sessions were ended. */
    @Transactional
    public Optional<User> resumeSession(SessionPrincipal principal) {
        return User.<User> findByIdOptional(principal.userId())
                .filter(user -> user.sessionGeneration == principal.generation());
    }

    /** Makes every session cookie issued so far useless. */
    @Transactional
    public void endAllSessions(long userId) {
        User.update("sessionGeneration = sessionGeneration + 1 where id = ?1", userId);
    }
}
