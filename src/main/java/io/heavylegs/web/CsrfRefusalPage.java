package io.heavylegs.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * rest-csrf refuses a form whose token is missing, expired or wrong with a bare 400 and no body. Such a form was
 * most likely left open too long: this gives that refusal a page in the layout that says so, instead of a blank
 * screen. Nothing was stored; the typed values are still in the browser's previous page.
 */
public class CsrfRefusalPage {

    /** The routing-context key rest-csrf sets once it has verified a request's token. */
    private static final String VERIFIED = "csrf_token_verified";

    @Inject
    RoutingContext routing;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && routing.get(VERIFIED) == null
                && !isSafe(request.getMethod())) {
            response.setEntity(ErrorPages.Templates.error(400, "This form had expired",
                    "This form had expired, so nothing was saved. Go back, reload the page, check what you typed "
                            + "and save again."), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
