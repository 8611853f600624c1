package io.heavylegs.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * rest-csrf refuses a form whose token is missing, expired or wrong with a bare 400 and no body. {@link CsrfGuard}
 * checks every token first and answers with the form's page again or a page of its own, so this is the last line:
 * whatever rest-csrf still refuses on its own (a body that is not a form) gets a page in the layout that says so,
 * instead of a blank screen.
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
            response.setEntity(ErrorPages.expiredFormPage(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
