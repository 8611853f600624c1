package io.heavylegs.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.ext.web.RoutingContext;

/**
 * The page of a request {@link RequestEdge} refused: rendered here, by the REST layer, so that it is the same
 * error page in the layout as any other (signed in or not). Reached only by that reroute; asked for directly it
 * is an unknown page.
 */
@Path(RequestEdge.REFUSAL_PAGE)
public class RefusedRequests {

    @Inject
    RoutingContext routing;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response refused() {
        Integer status = routing.get(RequestEdge.REFUSED_STATUS);
        if (status == null) {
            throw new NotFoundException();
        }
        return ErrorPages.page(status);
    }
}
