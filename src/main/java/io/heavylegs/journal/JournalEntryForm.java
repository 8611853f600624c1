package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.codes.Coded;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;
import io.heavylegs.web.DateInput;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.TextInput;
import io.heavylegs.web.VersionedForm;

/**
 * The entry form as typed. Every field is kept as text, so that a refused form comes back exactly as the user
 * left it; {@link #validate} turns it into {@link EntryValues}.
 */
public class JournalEntryForm extends VersionedForm<EntryValues> {

    public static final int NOTES_LIMIT = 2000;
    private static final java.util.regex.Pattern SEVERITY = java.util.regex.Pattern.compile("10|\\d");

    @RestForm
    @NotBlank(message = "Enter the date of this entry.")
    public String date;

    @RestForm
    @Pattern(regexp = "\\s*(([01]\\d|2[0-3]):[0-5]\\d)?\\s*", message = "Enter the time as HH:MM on the 24-hour "
            + "clock, for example 08:30 or 21:15, or leave it empty.")
    public String time;

    @RestForm
    @NotBlank(message = "Choose how heavy your legs feel, from 0 (not at all) to 10 (the worst).")
    public String severity;

    @RestForm
    public String side;

    @RestForm
    public List<String> symptoms = new ArrayList<>();

    @RestForm
    public List<String> factors = new ArrayList<>();

    @RestForm
    public String notes;

    /** A blank form for a new entry, dated today. */
    public static JournalEntryForm forNewEntry(LocalDate today) {
        JournalEntryForm form = new JournalEntryForm();
        form.date = today.toString();
        return form;
    }

    /**
     * A new entry as the form starts it: dated and timed {@code now} (where the user is), with the user's standing
     * factors ticked in advance; each can still be changed before saving.
     */
    public static JournalEntryForm forNewEntry(LocalDateTime now, Set<Factor> standingFactors) {
        JournalEntryForm form = forNewEntry(now.toLocalDate());
        form.time = clock(now);
        form.factors = standingFactors.stream().map(Factor::code).toList();
        return form;
    }

    private static String clock(LocalDateTime now) {
        return now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /**
     * A new entry that starts as a copy of an earlier one ("Log this again"): its severity, side, symptoms and
     * factors, dated and timed now, with no notes and no version (it is a new entry, not an edit).
     */
    public static JournalEntryForm like(JournalEntry earlier, LocalDateTime now) {
        JournalEntryForm form = forNewEntry(now.toLocalDate());
        form.time = clock(now);
        form.severity = Integer.toString(earlier.severity);
        form.side = earlier.side() == null ? null : earlier.side().code;
        form.symptoms = earlier.symptoms().stream().map(Symptom::code).toList();
        form.factors = earlier.factors().stream().map(Factor::code).toList();
        return form;
    }

    /** The stored entry as the edit form shows it. */
    public static JournalEntryForm of(JournalEntry entry) {
        JournalEntryForm form = new JournalEntryForm();
        form.date = entry.entryDate.toString();
        form.time = entry.entryTime == null ? null : entry.entryTime.toString();
        form.severity = Integer.toString(entry.severity);
        form.side = entry.side() == null ? null : entry.side().code;
        form.symptoms = entry.symptoms().stream().map(Symptom::code).toList();
        form.factors = entry.factors().stream().map(Factor::code).toList();
        form.notes = entry.notes;
        form.version = Integer.toString(entry.version);
        return form;
    }

    @Override
    public void checkTogether(FormErrors errors) {
        LocalDate parsedDate = errors.has("date") ? null
                : DateInput.parsePast(date, "date", "Enter the date of this entry.", today, errors).orElse(null);
        Side parsedSide = null;
        if (side != null && !side.isBlank()) {
            parsedSide = Side.fromCode(side.strip()).orElse(null);
            if (parsedSide == null) {
                errors.add("side", "\u201c" + TextInput.quoted(side) + "\u201d is not a side: choose left, right, "
                        + "both, or not given.");
            }
        }
        Set<Symptom> parsedSymptoms = codes(symptoms, Symptom.class, Symptom::fromCode, "symptoms",
                "is not a symptom on the list: choose from the boxes below.", errors);
        Set<Factor> parsedFactors = codes(factors, Factor.class, Factor::fromCode, "factors",
                "is not a factor on the list: choose from the boxes below.", errors);
        if (!errors.has("severity") && !SEVERITY.matcher(severity.strip()).matches()) {
            errors.add("severity", "\u201c" + TextInput.quoted(severity) + "\u201d is not a severity: choose a whole "
                    + "number from 0 to 10.");
        }
        String parsedNotes = TextInput.multiLine(notes, NOTES_LIMIT, "notes", "Notes", errors);
        if (errors.isEmpty()) {
            accept(new EntryValues(parsedDate, time == null || time.isBlank() ? null : LocalTime.parse(time.strip()),
                    Integer.parseInt(severity.strip()), parsedSide, parsedSymptoms, parsedFactors, parsedNotes));
        }
    }

    public boolean hasSymptom(String code) {
        return symptoms != null && symptoms.contains(code);
    }

    public boolean hasFactor(String code) {
        return factors != null && factors.contains(code);
    }

    /** Whether the side choice {@code code} is the one typed; an empty code is "not given". */
    public boolean isSide(String code) {
        String typed = side == null ? "" : side.strip();
        return typed.equals(code);
    }

    public boolean isSeverity(int level) {
        return severity != null && severity.strip().equals(Integer.toString(level));
    }

    /** The codes ticked, each known to the list; an unknown one is an error, not silently dropped. */
    private static <E extends Enum<E> & Coded> Set<E> codes(List<String> typed, Class<E> type,
            Function<String, java.util.Optional<E>> lookup, String field, String unknown, FormErrors errors) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (typed != null) {
            typed.stream().filter(code -> code != null && !code.isBlank()).forEach(code -> lookup.apply(code)
                    .ifPresentOrElse(parsed::add, () -> errors.add(field, "\u201c" + TextInput.quoted(code) + "\u201d "
                            + unknown)));
        }
        return parsed;
    }
}
