package io.heavylegs.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The security headers of every response: pages, redirects, static files and error pages alike. They are set
 * just before the headers leave, so that nothing that ran in between (an error handler, a reroute) loses them.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    @Inject
    HeavyLegsConfig config;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String csrfCookie;

    void register(@Observes Filters filters) {
        filters.register(this::addOnHeadersEnd, FilterOrder.SECURITY_HEADERS);
    }

    private void addOnHeadersEnd(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> apply(context));
        context.next();
    }

    private void apply(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Permissions-Policy", PERMISSIONS_POLICY);
        headers.set("X-Frame-Options", "DENY");
        config.strictTransportSecurity().ifPresent(value -> headers.set("Strict-Transport-Security", value));
        String cacheControl = headers.get("Cache-Control");
        if (!isPublic(cacheControl)) {
            // Private by default: only a route that declared its answer public (the articles, their index, the
            // sitemap, static files) may be kept by a cache. Deciding on the answering route, not on the path,
            // holds for every spelling of a private path (//journal, /%61ccount/export, /journal;x=1, ...).
            if (cacheControl == null || !cacheControl.contains("no-store")) {
                headers.set("Cache-Control", "no-store");
            }
        } else {
            // A response any cache may keep and hand to others carries no cookie: rest-csrf gives one to every
            // page the REST layer renders, the anonymous article pages included, which have no form to use it.
            context.response().removeCookies(csrfCookie, false);
            // Under the name it has over HTTPS too, whichever of the headers-end handlers runs first
            context.response().removeCookies(CookieRules.PREFIX + csrfCookie, false);
            context.response().headers().getAll("Set-Cookie").stream()
                    .filter(header -> header.startsWith(CookieRules.PREFIX + csrfCookie + "=")).findAny()
                    .ifPresent(header -> dropSetCookie(context.response().headers(), header));
        }
    }

    private static void dropSetCookie(MultiMap headers, String header) {
        java.util.List<String> rest = headers.getAll("Set-Cookie").stream().filter(h -> !h.equals(header)).toList();
        headers.remove("Set-Cookie");
        rest.forEach(h -> headers.add("Set-Cookie", h));
    }

    static boolean isPublic(String cacheControl) {
        return cacheControl != null && cacheControl.startsWith("public");
    }
}
