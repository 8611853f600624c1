package io.heavylegs.web;

import io.quarkus.vertx.http.runtime.RouteConstants;

/**
 * The order of the app's own Vert.x filters and routes, in one place. Quarkus runs filters of higher priority
 * first; its authentication runs at {@value #AUTHENTICATION} and the REST layer after every filter.
 *
 * <pre>
 * request ─▶ FORWARDED_HEADERS ─▶ COOKIE_RULES ─▶ SECURITY_HEADERS ─▶ EDGE_CHECKS ─▶ CROSS_SITE ─▶ BODY_SIZE_LIMIT
 *         ─▶ PUBLIC_PAGES ─▶ CROSS_SITE_ARRIVAL ─▶ LOGIN_EMAIL ─▶ authentication ─▶ ONE_CLICK_UNSUBSCRIBE (a route)
 *         ─▶ REST resources
 * </pre>
 */
public final class FilterOrder {

    /**
     * Before every filter that can answer: every response, the refusals of the filters after it included, gets
     * the security headers.
     */
    public static final int SECURITY_HEADERS = 1_000;

    /** First of all: the client address is decided and the forwarding headers made safe (web/ClientAddress). */
    public static final int FORWARDED_HEADERS = 1_200;

    /**
     * Before anything reads a cookie: over HTTPS the {@code __Host-} names are renamed back for the app, and on the
     * way out every app cookie gets its final name and attributes (web/CookieRules).
     */
    public static final int COOKIE_RULES = 1_100;

    /** A state-changing request from another site is refused before anything reads it (web/CrossSiteRequests). */
    public static final int CROSS_SITE = 600;

    /**
     * Right after the headers: a request line, query string or header block that nothing after may read is
     * refused here, once, with a page (see {@link RequestEdge}).
     */
    public static final int EDGE_CHECKS = 900;

    /** Before anything reads a body: the login POST is read by form authentication itself. */
    public static final int BODY_SIZE_LIMIT = 500;

    /** Anonymous article pages answered from memory: no session work, no REST layer. */
    public static final int PUBLIC_PAGES = 400;

    /**
     * Before authentication sends a navigation from another site, which carries no Strict session cookie, to the
     * login page: a mail's link to the journal opens again from this site instead (web/CrossSiteArrival).
     */
    public static final int CROSS_SITE_ARRIVAL = 350;

    /** Before authentication answers a failed login, so that the typed e-mail address can travel with it. */
    public static final int LOGIN_EMAIL = 300;

    /** Quarkus' own authentication filter (not ours; named to show where ours stand). */
    public static final int AUTHENTICATION = 200;

    /**
     * A route, not a filter: after every filter, before the REST layer's route. The one request that needs no CSRF
     * token, a mail provider's RFC 8058 one-click unsubscribe, is answered there (reminder/OneClickUnsubscribe).
     */
    public static final int ONE_CLICK_UNSUBSCRIBE = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    /**
     * Failure handlers (login throttle, database outage) are routes ordered before every other route, so that
     * they see a failure before Quarkus' default handler answers it with a bare 500.
     */
    public static final int FAILURE_HANDLERS = Integer.MIN_VALUE;

    private FilterOrder() {
    }
}
