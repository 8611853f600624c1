package io.heavylegs.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;

/**
 * What the app's cookies look like on the wire, whoever sets them (form authentication, rest-csrf, the flash):
 * <ul>
 * <li>Over HTTPS (directly or through a trusted proxy) every app cookie is named with the {@code __Host-} prefix:
 * a browser keeps such a cookie only if it is Secure, for the path {@code /} and without a Domain, so a sibling
 * subdomain or a plain-http page cannot plant or overwrite one. Inside the app the names stay unprefixed: on the
 * way in, the prefixed cookies are renamed back, and an unprefixed one sent over HTTPS is dropped (that is what a
 * planted cookie would look like). Over plain http (a local run) names stay as they are; a browser refuses
 * {@code __Host-} cookies there.</li>
 * <li>{@code quarkus-redirect-location}, form authentication's memory of the page a signed-out visitor asked
 * for, is made HttpOnly and Strict, and keeps the page without its query or fragment (a search through someone's
 * journal does not sit in a cookie).</li>
 * <li>The passkey challenge cookie (the WebAuthn extension's, encrypted with the session key, which it sets without
 * HttpOnly) is made HttpOnly and Strict: only the server reads it back.</li>
 * </ul>
 */
@ApplicationScoped
public class CookieRules {

    static final String PREFIX = "__Host-";
    static final String REDIRECT_LOCATION = "quarkus-redirect-location";

    private final List<String> names;
    private final String passkeyChallenge;

    CookieRules(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie,
            @ConfigProperty(name = "quarkus.webauthn.challenge-cookie-name") String passkeyChallenge) {
        this.names = List.of(sessionCookie, csrfCookie, Flash.COOKIE, REDIRECT_LOCATION, passkeyChallenge,
                FormRefill.KEPT_COOKIE);
        this.passkeyChallenge = passkeyChallenge;
    }

    void register(@Observes Filters filters) {
        filters.register(this::apply, FilterOrder.COOKIE_RULES);
    }

    private void apply(RoutingContext context) {
        boolean https = ClientAddress.isHttps(context);
        if (https) {
            unprefixIncoming(context.request().headers());
        }
        context.addHeadersEndHandler(ignored -> {
            hardenRedirectLocation(context.response());
            hardenPasskeyChallenge(context.response());
            if (https) {
                names.forEach(name -> prefixOutgoing(context.response(), name));
            }
        });
        context.next();
    }

    /** Runs before anything reads a cookie: Vert.x parses the Cookie header on first use. */
    private void unprefixIncoming(MultiMap headers) {
        List<String> kept = new ArrayList<>();
        for (String header : headers.getAll(HttpHeaders.COOKIE)) {
            for (String pair : header.split(";")) {
                String cookie = pair.strip();
                String name = cookie.contains("=") ? cookie.substring(0, cookie.indexOf('=')) : cookie;
                if (name.startsWith(PREFIX) && names.contains(name.substring(PREFIX.length()))) {
                    kept.add(cookie.substring(PREFIX.length()));
                } else if (!names.contains(name) && !cookie.isEmpty()) {
                    kept.add(cookie);
                }
            }
        }
        headers.remove(HttpHeaders.COOKIE);
        if (!kept.isEmpty()) {
            headers.set(HttpHeaders.COOKIE, String.join("; ", kept));
        }
    }

    private static void hardenRedirectLocation(HttpServerResponse response) {
        Cookie cookie = response.removeCookie(REDIRECT_LOCATION, false);
        if (cookie == null) {
            return;
        }
        if (isTheBrowsersOwn(cookie)) {
            putBack(response, cookie);
            return;
        }
        String page = withoutQuery(cookie.getValue());
        if (page != null) {
            response.addCookie(cookie.setValue(page).setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
        }
    }

    private void hardenPasskeyChallenge(HttpServerResponse response) {
        Cookie cookie = response.removeCookie(passkeyChallenge, false);
        if (cookie == null) {
            return;
        }
        if (isTheBrowsersOwn(cookie)) {
            putBack(response, cookie);
            return;
        }
        response.addCookie(cookie.setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
    }

    private static void prefixOutgoing(HttpServerResponse response, String name) {
        Cookie cookie = response.removeCookie(name, false);
        if (cookie != null) {
            if (isTheBrowsersOwn(cookie)) {
                putBack(response, cookie);
            } else {
                Cookie prefixed = Cookie.cookie(PREFIX + name, cookie.getValue()).setPath("/").setSecure(true)
                        .setHttpOnly(cookie.isHttpOnly()).setSameSite(cookie.getSameSite());
                if (cookie.getMaxAge() != Long.MIN_VALUE) {
                    prefixed.setMaxAge(cookie.getMaxAge());
                }
                response.addCookie(prefixed);
            }
        }
        // Cookies set through JAX-RS (the flash) are already plain Set-Cookie headers
        List<String> headers = response.headers().getAll(HttpHeaders.SET_COOKIE);
        if (headers.stream().noneMatch(header -> header.startsWith(name + "="))) {
            return;
        }
        List<String> rewritten = headers.stream().map(header -> header.startsWith(name + "=")
                ? prefixed(header) : header).toList();
        response.headers().remove(HttpHeaders.SET_COOKIE);
        rewritten.forEach(header -> response.headers().add(HttpHeaders.SET_COOKIE, header));
    }

    /** A Set-Cookie header with the prefix, Secure, Path=/ and no Domain. */
    static String prefixed(String header) {
        List<String> parts = new ArrayList<>();
        for (String part : header.split(";")) {
            String lower = part.strip().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("domain=") && !lower.startsWith("path=") && !lower.equals("secure")) {
                parts.add(part.strip());
            }
        }
        parts.set(0, PREFIX + parts.get(0));
        parts.add("Path=/");
        parts.add("Secure");
        return String.join("; ", parts);
    }

    /** The copy the browser sent, which this response does not change, is in the jar too: it must stay unsent. */
    private static boolean isTheBrowsersOwn(Cookie cookie) {
        return cookie instanceof ServerCookie sent && !sent.isChanged();
    }

    private static void putBack(HttpServerResponse response, Cookie cookie) {
        response.addCookie(cookie);
        ((ServerCookie) cookie).setChanged(false);
    }

    /**
     * The page without query, fragment or matrix parameters ({@code /journal;x=1} would not even be a valid cookie
     * value, and Vert.x would fail the whole response over it); null when what remains still is not one.
     */
    static String withoutQuery(String location) {
        if (location == null) {
            return null;
        }
        int cut = location.length();
        for (char end : new char[] {'?', '#', ';'}) {
            int at = location.indexOf(end);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String page = location.substring(0, cut);
        return page.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != '\\') ? page : null;
    }
}
