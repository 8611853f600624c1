package io.heavylegs.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.heavylegs.web.SignedInUser;
import io.quarkus.security.Authenticated;

/** The user's data to take away: everything HeavyLegs holds about them, as files. */
@Path("/account/export")
@Authenticated
public class ExportResource {

    @Inject
    AccountExport exports;

    @Inject
    SignedInUser signedIn;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response json() {
        return Response.ok(exports.of(signedIn.id()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"heavylegs-export.json\"")
                .build();
    }
}
