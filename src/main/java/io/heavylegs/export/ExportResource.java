package io.heavylegs.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.heavylegs.web.SignedInUser;
import io.quarkus.security.Authenticated;

/** The user's data to take away: everything HeavyLegs holds about them, as files. */
@Path("/")
@Authenticated
public class ExportResource {

    @Inject
    AccountExport exports;

    @Inject
    FhirExport fhir;

    @Inject
    SignedInUser signedIn;

    @GET
    @Path("account/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json() {
        return Response.ok(exports.of(signedIn.id()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"heavylegs-export.json\"")
                .build();
    }

    /**
     * The same user's health data as a FHIR R4 bundle, streamed: the journal is written as it is read. The owner
     * is read here, on the request, never inside the stream.
     */
    @GET
    @Path("account/export.fhir")
    @Produces(FhirExport.MEDIA_TYPE)
    public Response fhir() {
        FhirExport.Snapshot snapshot = fhir.load(signedIn.id());
        StreamingOutput bundle = out -> fhir.write(snapshot, out);
        return Response.ok(bundle, FhirExport.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"heavylegs-fhir.json\"")
                .build();
    }
}
