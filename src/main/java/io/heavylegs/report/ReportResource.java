package io.heavylegs.report;


import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.heavylegs.account.Profile;
import io.heavylegs.account.ProfileReads;
import io.heavylegs.web.DateRange;
import io.heavylegs.web.SignedInUser;
import io.heavylegs.web.ErrorPages;
import io.heavylegs.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The doctor report of the signed-in user's entries over a range: a print-ready page, the same page as PDF, and
 * the entries as CSV. A refused range is answered 400 with the report form and the message next to its field.
 */
@Path("/")
@Authenticated
public class ReportResource {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Report report, ReportRangeForm form, FormErrors errors, boolean pdf,
                SharedReportResource.SharedView shared);
    }

    @Inject
    ReportService reports;

    @Inject
    PdfRenderer pdfRenderer;

    @Inject
    PdfPermits pdfPermits;

    @Inject
    SignedInUser signedIn;

    @Inject
    ProfileReads profiles;

    @GET
    @Path("report")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@BeanParam ReportRangeForm form) {
        Profile profile = profiles.of(signedIn.id());
        FormErrors errors = validate(form, profile);
        if (!errors.isEmpty()) {
            return refused(form, errors);
        }
        Report report = build(form, profile);
        return Response.ok(Templates.report(report, form.showing(report.getRange()), errors, false, null), HTML).build();
    }

    /**
     * Rendering takes a while: never on the event loop, only a few at once, and one at a time per user, so that
     * one user's reports cannot take every turn (see {@link PdfPermits}). The entries are loaded once the
     * request's turn has come, so that a waiting request holds no database connection.
     */
    @GET
    @Path("report.pdf")
    @Blocking
    public Response pdf(@BeanParam ReportRangeForm form) {
        Profile profile = profiles.of(signedIn.id());
        FormErrors errors = validate(form, profile);
        if (!errors.isEmpty()) {
            return refused(form, errors);
        }
        return pdfPermits.whenFree(signedIn.id(), () -> {
            Report report = build(form, profile);
            byte[] pdf = pdfRenderer.render(Templates.report(report, form, errors, true, null).render());
            return Response.ok(pdf, "application/pdf")
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            attachment("heavylegs-report", report.getRange(), "pdf"))
                    .build();
        }).orElseGet(ReportResource::busy);
    }

    @GET
    @Path("report.csv")
    public Response csv(@BeanParam ReportRangeForm form) {
        Profile profile = profiles.of(signedIn.id());
        FormErrors errors = validate(form, profile);
        if (!errors.isEmpty()) {
            return refused(form, errors);
        }
        Report report = build(form, profile);
        return Response.ok(CsvExport.write(report.getEntries()), CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("heavylegs-entries", report.getRange(), "csv"))
                .build();
    }

    /** The range checked against today where the user is (the profile is read once per request, by the caller). */
    private FormErrors validate(ReportRangeForm form, Profile profile) {
        return form.validate(profile.today(), reports.firstEntryDate(signedIn.id()));
    }

    private Report build(ReportRangeForm form, Profile profile) {
        return reports.build(signedIn.id(), form.range(), profile, profile.now());
    }

    private static Response refused(ReportRangeForm form, FormErrors errors) {
        return Response.status(Response.Status.BAD_REQUEST).type(HTML)
                .entity(Templates.report(null, form, errors, false, null)).build();
    }

    /** Too many PDFs at once: nothing is wrong with the request, it only has to come back in a moment. */
    static Response busy() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, PdfPermits.RETRY_AFTER_SECONDS)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(HTML)
                .entity(ErrorPages.Templates.error(503, "Back in a moment",
                        "HeavyLegs is preparing other PDF reports right now. Nothing was lost: download the PDF "
                                + "again in " + PdfPermits.RETRY_AFTER_SECONDS + " seconds or so."))
                .build();
    }

    private static String attachment(String prefix, DateRange range, String extension) {
        return "attachment; filename=" + prefix + "-" + range.from() + "-" + range.to() + "." + extension;
    }
}
