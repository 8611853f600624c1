package io.heavylegs.report;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.heavylegs.account.Profile;
import io.heavylegs.account.ProfileReads;
import io.heavylegs.web.ErrorPages;
import io.heavylegs.web.FormErrors;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;

/**
 * A shared report, for anyone holding the link ({@code /shared/{token}} and its PDF): read-only, its own range
 * only, never cached or indexed (web/SecurityHeaders adds no-store, noindex and no-referrer on these paths). An
 * unknown, expired or revoked token is the ordinary 404 page, whichever it was.
 */
@Path("/shared")
public class SharedReportResource {

    /** What the shared page says about the link: the banner and where its PDF is. */
    public record SharedView(String until, String pdfPath) {
    }

    @Inject
    ShareService shares;

    @Inject
    ReportService reports;

    @Inject
    ProfileReads profiles;

    @Inject
    PdfRenderer pdfRenderer;

    @Inject
    PdfPermits pdfPermits;

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token, @Context HttpServerRequest request) {
        Optional<ReportShare> share = open(token, request);
        if (share.isEmpty()) {
            return tooManyMisses();
        }
        Profile profile = profiles.of(share.get().ownerId);
        Report report = build(share.get(), profile);
        return Response.ok(ReportResource.Templates.report(report, formOf(share.get()), new FormErrors(), false,
                view(share.get(), token, profile)), ReportResource.HTML).build();
    }

    @GET
    @Path("{token}.pdf")
    @Blocking
    public Response pdf(@PathParam("token") String token, @Context HttpServerRequest request) {
        Optional<ReportShare> share = open(token, request);
        if (share.isEmpty()) {
            return tooManyMisses();
        }
        Profile profile = profiles.of(share.get().ownerId);
        return pdfPermits.whenFree(() -> {
            Report report = build(share.get(), profile);
            byte[] pdf = pdfRenderer.render(ReportResource.Templates.report(report, formOf(share.get()),
                    new FormErrors(), true, view(share.get(), token, profile)).render());
            return Response.ok(pdf, "application/pdf")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=heavylegs-report-"
                            + report.getRange().from() + "-" + report.getRange().to() + ".pdf")
                    .build();
        }).orElseGet(ReportResource::busy);
    }

    /** The working link, empty when the address is throttled; an unknown token is answered 404 right here. */
    private Optional<ReportShare> open(String token, HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        try {
            return Optional.of(shares.open(token, address).orElseThrow(NotFoundException::new));
        } catch (ShareService.TooManyMisses e) {
            return Optional.empty();
        }
    }

    /** The owner's profile is read once per request, by the caller: for the patient, the time and the zone. */
    private Report build(ReportShare share, Profile profile) {
        return reports.build(share.ownerId, share.range(), profile, profile.now());
    }

    private static ReportRangeForm formOf(ReportShare share) {
        ReportRangeForm form = new ReportRangeForm();
        form.from = share.rangeFrom.toString();
        form.to = share.rangeTo.toString();
        return form;
    }

    private static SharedView view(ReportShare share, String token, Profile profile) {
        return new SharedView(SharedTimes.format(share.expiresAt, profile.timeZone()),
                "/shared/" + token + ".pdf");
    }

    private static Response tooManyMisses() {
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, ShareService.MISS_WINDOW.toSeconds())
                .type(ReportResource.HTML)
                .entity(ErrorPages.Templates.error(429, "Too many tries",
                        "This address asked for too many links that do not work. Wait a quarter of an hour, then "
                                + "open the link again exactly as you were given it."))
                .build();
    }
}
