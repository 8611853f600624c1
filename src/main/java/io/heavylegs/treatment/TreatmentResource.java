package io.heavylegs.treatment;

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

/** The signed-in user's supplements and medicines: list, create, edit, delete. Another user's is a 404. */
@Path("/treatments")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TreatmentResource implements RefillablePages {

    private static final List<TreatmentKind> KINDS = List.of(TreatmentKind.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Treatment> current, List<Treatment> past);

        static native TemplateInstance form(TreatmentForm form, FormErrors errors, Long treatmentId,
                Treatment conflict, List<TreatmentKind> kinds, String today);

        static native TemplateInstance delete(Treatment treatment);
    }

    @Inject
    TreatmentService treatments;

    @Inject
    SignedInUser signedIn;

    @Inject
    FormFlow flow;

    @Inject
    FormRefill refill;

    /** The path a treatment's edit form posts to. */
    private static final java.util.regex.Pattern TREATMENT_PATH = java.util.regex.Pattern.compile("/treatments/(\\d{1,18})");

    @GET
    public TemplateInstance list() {
        LocalDate today = today();
        List<Treatment> all = Treatment.findByOwner(signedIn.id());
        return Templates.list(all.stream().filter(t -> t.isCurrent(today)).toList(),
                all.stream().filter(t -> !t.isCurrent(today)).toList());
    }

    @GET
    @Path("new")
    public TemplateInstance newTreatment() {
        LocalDate today = today();
        TreatmentForm form = refill.restore("/treatments", TreatmentForm::new)
                .orElseGet(() -> TreatmentForm.forNew(today));
        return Templates.form(form, new FormErrors(), null, null, KINDS, today.toString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam TreatmentForm form) {
        LocalDate today = today();
        FormErrors errors = form.validate(today);
        if (!errors.isEmpty()) {
            return FormFlow.refused(Templates.form(form, errors, null, null, KINDS, today.toString()));
        }
        Treatment treatment = treatments.create(signedIn.id(), form.values());
        return flow.saved("\u201c" + treatment.name + "\u201d saved.", "/treatments");
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@RestPath long id) {
        Treatment treatment = owned(id);
        TreatmentForm form = refill.restore("/treatments/" + id, TreatmentForm::new)
                .orElseGet(() -> TreatmentForm.of(treatment));
        return Templates.form(form, new FormErrors(), id, null, KINDS, today().toString());
    }

    /** The new and edit forms, shown again with what was typed (web/FormRefill). */
    @Override
    public java.util.Optional<TemplateInstance> pageFor(String postPath) {
        if (postPath.equals("/treatments")) {
            return java.util.Optional.of(newTreatment());
        }
        java.util.regex.Matcher path = TREATMENT_PATH.matcher(postPath);
        return path.matches() ? java.util.Optional.of(edit(Long.parseLong(path.group(1))))
                : java.util.Optional.empty();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath long id, @BeanParam TreatmentForm form) {
        LocalDate today = today();
        FormErrors errors = form.validate(today);
        if (!errors.isEmpty()) {
            owned(id);
            return FormFlow.refused(Templates.form(form, errors, id, null, KINDS, today.toString()));
        }
        return flow.savedEdit(form,
                () -> treatments.update(signedIn.id(), id, form.expectedVersion(), form.values())
                        .orElseThrow(NotFoundException::new),
                () -> owned(id),
                current -> Templates.form(form, new FormErrors(), id, current, KINDS, today.toString()),
                "/treatments");
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@RestPath long id) {
        return Templates.delete(owned(id));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@RestPath long id) {
        return flow.deleted(treatments.delete(signedIn.id(), id), "Treatment deleted.", "/treatments");
    }

    /** Today where the signed-in user is, as in the journal: no date after it is allowed. */
    private LocalDate today() {
        return Profile.todayFor(signedIn.id());
    }

    /** The signed-in user's treatment, or the same 404 as for an id that does not exist. */
    private Treatment owned(long id) {
        return Treatment.findByIdAndOwner(id, signedIn.id()).orElseThrow(NotFoundException::new);
    }
}
