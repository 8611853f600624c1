package io.heavylegs.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a state-changing request that a browser says came from another site, before anything reads it: the
 * login POST included, which form authentication handles before rest-csrf ever sees it (a cross-site login
 * would sign the victim into the attacker's account, and what they then write would be the attacker's to read).
 * <ul>
 * <li>{@code Sec-Fetch-Site}, where the browser sends it, must be {@code same-origin} (or {@code none}: typed by
 * the user). {@code same-site} is refused too: a sibling subdomain is not this app.</li>
 * <li>{@code Origin}, where sent, must be this app's own: the configured base URL's origin, or the scheme and
 * host the request itself arrived on. {@code Origin: null} (sandboxed frames, some redirects) is refused.</li>
 * </ul>
 * A request with neither header is not a modern browser's cross-site request and goes on to the CSRF token check.
 */
@ApplicationScoped
public class CrossSiteRequests {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Inject
    HeavyLegsConfig config;

    void register(@Observes Filters filters) {
        filters.register(this::refuseCrossSite, FilterOrder.CROSS_SITE);
    }

    private void refuseCrossSite(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (SAFE.contains(request.method()) || isSameSite(request)) {
            context.next();
            return;
        }
        context.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .end("This form was sent from another website, so HeavyLegs did not accept it. Nothing was changed. "
                        + "Open HeavyLegs itself and send the form from there.");
    }

    boolean isSameSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return false;
            }
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin == null || isOwn(origin.strip(), request);
    }

    private boolean isOwn(String origin, HttpServerRequest request) {
        if (origin.equalsIgnoreCase(originOf(config.origin()))) {
            return true;
        }
        // The scheme is the browser's (HTTPS behind a trusted proxy), the host the one the browser addressed
        String host = request.authority() == null ? null : request.authority().toString();
        return host != null && origin.equalsIgnoreCase(request.scheme() + "://" + host);
    }

    /** "https://example.org/some/path" → "https://example.org". */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
