package io.heavylegs.labs;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.heavylegs.account.Profile;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.FormFlow;
import io.heavylegs.web.FormRefill;
import io.heavylegs.web.RefillablePages;
import io.heavylegs.web.SignedInUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The signed-in user's blood test results: list by test, create, edit, delete. Another user's is a 404. */
@Path("/labs")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class LabResource implements RefillablePages {

    private static final List<LabTest> TESTS = List.of(LabTest.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<LabGroup> groups);

        static native TemplateInstance form(LabResultForm form, FormErrors errors, Long resultId, LabResult conflict,
                List<LabTest> tests, String today);

        static native TemplateInstance delete(LabResult result);
    }

    @Inject
    LabService labs;

    @Inject
    SignedInUser signedIn;

    @Inject
    FormFlow flow;

    @Inject
    FormRefill refill;

    /** The path a result's edit form posts to. */
    private static final java.util.regex.Pattern RESULT_PATH = java.util.regex.Pattern.compile("/labs/(\\d{1,18})");

    @GET
    public TemplateInstance list() {
        return Templates.list(LabGroup.of(LabResult.findByOwner(signedIn.id())));
    }

    @GET
    @Path("new")
    public TemplateInstance newResult() {
        LocalDate today = today();
        LabResultForm form = refill.restore("/labs", LabResultForm::new).orElseGet(() -> LabResultForm.forNew(today));
        return Templates.form(form, new FormErrors(), null, null, TESTS, today.toString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam LabResultForm form) {
        LocalDate today = today();
        FormErrors errors = form.validate(today);
        if (!errors.isEmpty()) {
            return FormFlow.refused(Templates.form(form, errors, null, null, TESTS, today.toString()));
        }
        LabResult result = labs.create(signedIn.id(), form.values());
        return flow.saved(result.title() + " result saved.", "/labs");
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@RestPath long id) {
        LabResult result = owned(id);
        LabResultForm form = refill.restore("/labs/" + id, LabResultForm::new)
                .orElseGet(() -> LabResultForm.of(result));
        return Templates.form(form, new FormErrors(), id, null, TESTS, today().toString());
    }

    /** The new and edit forms, shown again with what was typed (web/FormRefill). */
    @Override
    public java.util.Optional<TemplateInstance> pageFor(String postPath) {
        if (postPath.equals("/labs")) {
            return java.util.Optional.of(newResult());
        }
        java.util.regex.Matcher path = RESULT_PATH.matcher(postPath);
        return path.matches() ? java.util.Optional.of(edit(Long.parseLong(path.group(1))))
                : java.util.Optional.empty();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath long id, @BeanParam LabResultForm form) {
        LocalDate today = today();
        FormErrors errors = form.validate(today);
        if (!errors.isEmpty()) {
            owned(id);
            return FormFlow.refused(Templates.form(form, errors, id, null, TESTS, today.toString()));
        }
        return flow.savedEdit(form,
                () -> labs.update(signedIn.id(), id, form.expectedVersion(), form.values())
                        .orElseThrow(NotFoundException::new),
                () -> owned(id),
                current -> Templates.form(form, new FormErrors(), id, current, TESTS, today.toString()),
                "/labs");
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@RestPath long id) {
        return Templates.delete(owned(id));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@RestPath long id) {
        return flow.deleted(labs.delete(signedIn.id(), id), "Result deleted.", "/labs");
    }

    /** Today where the signed-in user is, as in the journal: no date after it is allowed. */
    private LocalDate today() {
        return Profile.todayFor(signedIn.id());
    }

    /** The signed-in user's result, or the same 404 as for an id that does not exist. */
    private LabResult owned(long id) {
        return LabResult.findByIdAndOwner(id, signedIn.id()).orElseThrow(NotFoundException::new);
    }
}
