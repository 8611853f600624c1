package io.heavylegs.insights;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.heavylegs.account.ProfileReads;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.RangeForm;
import io.heavylegs.web.SignedInUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Patterns in the signed-in user's own journal over a range (default the last {@value #DEFAULT_DAYS} days): when
 * in the day symptoms come, the calendar, what goes with worse days, and each treatment's before and after (the
 * one computation of {@link TreatmentEffects}, which the report shows too). A refused range is answered 400 with the
 * range form and the message next to its field.
 */
@Path("/insights")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InsightsResource {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_YEARS = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance insights(Insights insights, RangeForm form, FormErrors errors,
                TreatmentEffects.Result treatments);
    }

    @Inject
    InsightsService service;

    @Inject
    SignedInUser signedIn;

    @Inject
    ProfileReads profiles;

    @Inject
    TreatmentEffects treatmentEffects;

    @GET
    public Response page(@BeanParam RangeForm form) {
        // Read in plain SQL, once: every other read of the page is plain SQL too.
        LocalDate today = profiles.of(signedIn.id()).today();
        FormErrors errors = form.validate(today, DEFAULT_DAYS, MAX_YEARS, "The insights");
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.insights(null, form, errors, null)).build();
        }
        Insights insights = service.build(signedIn.id(), form.dates());
        // The treatments' before and after do not follow the range: each looks at the weeks around its own start.
        TreatmentEffects.Result treatments = treatmentEffects.forOwner(signedIn.id(), today);
        return Response.ok(Templates.insights(insights, form.showing(insights.range()), errors, treatments)).build();
    }
}
