package io.heavylegs.web;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Only in the test build: pages that always fail, to see what an error response carries. */
@Path("/test-only")
public class FailingResource {

    @GET
    @Path("failure")
    public String fail() {
        throw new IllegalStateException("A failure the tests provoke on purpose");
    }

    @GET
    @Path("forbidden")
    public String forbid() {
        throw new ForbiddenException();
    }
}
