package io.heavylegs.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.vertx.ext.web.RoutingContext;

/**
 * Whether this response can carry a CSRF token in its forms. rest-csrf makes one for every request that reaches
 * a resource; an error page answered before that (an unknown path, a refused method, a refused POST) has none,
 * and asking rest-csrf's template helper for it would fail the error page itself. Such a page shows its forms
 * as links to a page that has a token instead (the header's "Log out" becomes a link to {@code GET /logout}).
 */
@RequestScoped
@Named("formTokens")
public class FormTokens {

    /** The routing-context key under which rest-csrf keeps the token of this response (its template helper reads it). */
    static final String TOKEN_KEY = "csrf_token";

    @Inject
    RoutingContext routing;

    public boolean isAvailable() {
        return routing.get(TOKEN_KEY) != null;
    }
}
