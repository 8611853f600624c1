package io.heavylegs.web;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The reminder mail's link to {@code /journal/new}, opened from a webmail site or a mail app, is a navigation from
 * another site: the browser leaves the SameSite=Strict session cookie out of it, and a user who is signed in on
 * this device would land on the login page. For the few pages such links lead to ({@link #LANDING_PAGES}), that
 * navigation is sent to a page ({@link ArrivalResource}) that opens the same address again from this site (a meta
 * refresh, and a link for browsers that do not follow it), and that second request carries the cookie.
 * <p>
 * Only a GET that the browser marks as a top-level navigation from another site ({@code Sec-Fetch-Site:
 * cross-site}, {@code Sec-Fetch-Mode: navigate}) without a session cookie. The second request is same-origin, so it
 * is never answered this way twice: a browser that is not signed in goes on to the login page, which leads back
 * to the page. A browser that sends no {@code Sec-Fetch-*} headers gets the login page, as before. The pages are
 * ones that change nothing and are safe to open from any link; every other page keeps Strict's full protection.
 */
@ApplicationScoped
public class CrossSiteArrival {

    /** Where the app's own mails lead: the new-entry form of the reminder, and the journal. */
    public static final Set<String> LANDING_PAGES = Set.of("/journal/new", "/journal");

    static final String ARRIVING = "/arriving";

    private final String sessionCookie;

    CrossSiteArrival(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    void register(@Observes Filters filters) {
        filters.register(this::reopenFromThisSite, FilterOrder.CROSS_SITE_ARRIVAL);
    }

    private void reopenFromThisSite(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() == HttpMethod.GET && LANDING_PAGES.contains(request.path())
                && "cross-site".equals(lower(request.getHeader("Sec-Fetch-Site")))
                && "navigate".equals(lower(request.getHeader("Sec-Fetch-Mode")))
                && request.getCookie(sessionCookie) == null) {
            // The query is dropped, as the login's memory of the page drops it (web/CookieRules)
            context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, ARRIVING + "?to=" + request.path())
                    .end();
            return;
        }
        context.next();
    }

    private static String lower(String header) {
        return header == null ? null : header.strip().toLowerCase(Locale.ROOT);
    }
}
