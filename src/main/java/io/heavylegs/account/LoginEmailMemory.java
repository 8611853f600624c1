package io.heavylegs.account;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.NewCookie;

import io.heavylegs.web.FilterOrder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the e-mail address typed into a failed login, so the login page can show it again: a typo in the password
 * should not mean typing the address again on a phone. Form authentication answers a failure with a bare redirect
 * to the login page, so the address travels in a short-lived cookie set on that redirect and read (and removed)
 * by the next {@code GET /login}. The password is never kept. The cookie is HttpOnly, SameSite=Strict, limited to
 * {@code /login} and to {@link #LIFETIME}, so on a shared computer it does not outlive the next look at the form.
 */
@ApplicationScoped
public class LoginEmailMemory {

    static final String COOKIE = "heavylegs-login-email";
    static final String PATH = "/login";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** As long as the login form lets an address be (its maxlength). */
    static final int LIMIT = 254;

    void register(@Observes Filters filters) {
        filters.register(this::rememberOnFailure, FilterOrder.LOGIN_EMAIL);
    }

    private void rememberOnFailure(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST && "/j_security_check".equals(context.request().path())) {
            // By the time the answer's headers leave, form authentication has read the posted form.
            context.addHeadersEndHandler(ignored -> {
                String location = context.response().headers().get("Location");
                boolean failed = context.response().getStatusCode() == 302 && location != null
                        && location.contains(PATH + "?error");
                if (failed) {
                    typed(context).ifPresent(email -> context.response().addCookie(cookie(context, email)));
                }
            });
        }
        context.next();
    }

    /** The address posted to {@code /j_security_check} in this request, if it looks like one worth showing. */
    static Optional<String> typed(RoutingContext context) {
        String email;
        try {
            email = context.request().formAttributes().get("j_username");
        } catch (IllegalStateException notAForm) {
            return Optional.empty();
        }
        return clean(email);
    }

    /** The address kept by a cookie's value, or nothing for a missing, mangled or overlong value. */
    static Optional<String> fromCookie(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return clean(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException mangled) {
            return Optional.empty();
        }
    }

    /** The cookie that removes the kept address once the login page has shown it. */
    static NewCookie forget() {
        return new NewCookie.Builder(COOKIE).value("").path(PATH).maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static Optional<String> clean(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String stripped = email.strip();
        boolean printable = stripped.codePoints().noneMatch(Character::isISOControl);
        return stripped.isEmpty() || stripped.length() > LIMIT || !printable ? Optional.empty()
                : Optional.of(stripped);
    }

    private static Cookie cookie(RoutingContext context, String email) {
        return Cookie.cookie(COOKIE, URLEncoder.encode(email, StandardCharsets.UTF_8)).setPath(PATH)
                .setMaxAge(LIFETIME.toSeconds()).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure("https".equals(context.request().scheme()));
    }
}
