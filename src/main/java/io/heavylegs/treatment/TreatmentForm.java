package io.heavylegs.treatment;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.DateInput;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.TextInput;
import io.heavylegs.web.VersionedForm;

/**
 * The treatment form as typed (contract "Treatment fields"). Every field stays text, so that a refused form
 * comes back exactly as the user left it; {@link #validate} turns it into {@link TreatmentValues}.
 */
public class TreatmentForm extends VersionedForm<TreatmentValues> {

    public static final int NAME_LIMIT = 100;
    public static final int DOSE_LIMIT = 100;
    public static final int NOTES_LIMIT = 500;

    @RestForm
    @NotBlank(message = "Choose whether this is a supplement or a medicine.")
    public String kind;

    @RestForm
    @NotBlank(message = "Enter the name, for example Vitamin B12 or Metformin.")
    public String name;

    @RestForm
    public String dose;

    @RestForm
    @NotBlank(message = "Enter the date you started taking it.")
    public String started;

    @RestForm
    public String stopped;

    @RestForm
    public String notes;

    /** A blank form for a new treatment: a supplement started today. */
    public static TreatmentForm forNew(LocalDate today) {
        TreatmentForm form = new TreatmentForm();
        form.kind = TreatmentKind.SUPPLEMENT.code;
        form.started = today.toString();
        return form;
    }

    /** The stored treatment as the edit form shows it. */
    public static TreatmentForm of(Treatment treatment) {
        TreatmentForm form = new TreatmentForm();
        form.kind = treatment.kind().code;
        form.name = treatment.name;
        form.dose = treatment.dose;
        form.started = treatment.started.toString();
        form.stopped = treatment.stopped == null ? null : treatment.stopped.toString();
        form.notes = treatment.notes;
        form.version = Integer.toString(treatment.version);
        return form;
    }

    @Override
    public void checkTogether(FormErrors errors) {
        TreatmentKind parsedKind = null;
        if (!errors.has("kind")) {
            parsedKind = TreatmentKind.fromCode(kind.strip()).orElse(null);
            if (parsedKind == null) {
                errors.add("kind", "\u201c" + TextInput.quoted(kind) + "\u201d is not a kind: choose supplement or "
                        + "medicine.");
            }
        }
        String parsedName = errors.has("name") ? null
                : TextInput.singleLine(name, NAME_LIMIT, "name", "The name", errors);
        String parsedDose = TextInput.singleLine(dose, DOSE_LIMIT, "dose", "The dose", errors);
        LocalDate parsedStarted = errors.has("started") ? null
                : DateInput.parsePast(started, "started", "Enter the date you started taking it.", today, errors)
                        .orElse(null);
        LocalDate parsedStopped = null;
        if (!DateInput.isBlank(stopped)) {
            Optional<LocalDate> date = DateInput.parse(stopped, "stopped", errors);
            if (date.isPresent() && date.get().isAfter(today)) {
                errors.add("stopped", "The stop date cannot be after today (" + today + "). Leave it empty while you "
                        + "are still taking it.");
            } else if (date.isPresent() && parsedStarted != null && date.get().isBefore(parsedStarted)) {
                errors.add("stopped", "The stop date cannot be before the start date (" + parsedStarted + ").");
            } else {
                parsedStopped = date.orElse(null);
            }
        }
        String parsedNotes = TextInput.multiLine(notes, NOTES_LIMIT, "notes", "Notes", errors);
        if (errors.isEmpty()) {
            accept(new TreatmentValues(parsedKind, parsedName, parsedDose, parsedStarted, parsedStopped,
                    parsedNotes));
        }
    }

    public boolean isKind(String code) {
        return kind != null && kind.strip().equals(code);
    }
}
