package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.FormErrors;

/**
 * The entry form as typed. Every field is kept as text, so that a rejected form comes back exactly as the
 * user left it; {@link #validate} turns it into {@link EntryValues}.
 */
public class JournalEntryForm {

    public static final int NOTES_LIMIT = 2000;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,3}");

    @RestForm
    public String date;

    @RestForm
    public String time;

    @RestForm
    public String severity;

    @RestForm
    public List<String> symptoms = new ArrayList<>();

    @RestForm
    public List<String> factors = new ArrayList<>();

    @RestForm
    public String notes;

    @RestForm
    public String version;

    private EntryValues values;

    /** A blank form for a new entry, dated today. */
    public static JournalEntryForm forNewEntry(LocalDate today) {
        JournalEntryForm form = new JournalEntryForm();
        form.date = today.toString();
        return form;
    }

    /** The stored entry as the edit form shows it. */
    public static JournalEntryForm of(JournalEntry entry) {
        JournalEntryForm form = new JournalEntryForm();
        form.date = entry.entryDate.toString();
        form.time = entry.entryTime == null ? null : entry.entryTime.toString();
        form.severity = Integer.toString(entry.severity);
        form.symptoms = entry.symptoms().stream().map(s -> s.code).toList();
        form.factors = entry.factors().stream().map(f -> f.code).toList();
        form.notes = entry.notes;
        form.version = Integer.toString(entry.version);
        return form;
    }

    /** Checks every field against the contract; when nothing is wrong, {@link #values()} holds the entry. */
    public FormErrors validate(LocalDate today) {
        FormErrors errors = new FormErrors();
        LocalDate parsedDate = validDate(today, errors);
        LocalTime parsedTime = validTime(errors);
        Integer parsedSeverity = validSeverity(errors);
        Set<Symptom> parsedSymptoms = EnumSet.noneOf(Symptom.class);
        for (String code : present(symptoms)) {
            Optional<Symptom> symptom = Symptom.fromCode(code);
            symptom.ifPresentOrElse(parsedSymptoms::add, () -> errors.add("symptoms",
                    "\u201c" + code + "\u201d is not a symptom on the list: choose from the boxes below."));
        }
        Set<Factor> parsedFactors = EnumSet.noneOf(Factor.class);
        for (String code : present(factors)) {
            Optional<Factor> factor = Factor.fromCode(code);
            factor.ifPresentOrElse(parsedFactors::add, () -> errors.add("factors",
                    "\u201c" + code + "\u201d is not a factor on the list: choose from the boxes below."));
        }
        String parsedNotes = validNotes(errors);
        if (errors.isEmpty()) {
            values = new EntryValues(parsedDate, parsedTime, parsedSeverity, parsedSymptoms, parsedFactors,
                    parsedNotes);
        }
        return errors;
    }

    /** The validated entry; only after {@link #validate} found nothing wrong. */
    public EntryValues values() {
        if (values == null) {
            throw new IllegalStateException("The form has not been validated, or it has errors");
        }
        return values;
    }

    /** The version the form was opened at, or -1 when it is missing or not a number (so it is never current). */
    public int expectedVersion() {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean hasSymptom(String code) {
        return symptoms != null && symptoms.contains(code);
    }

    public boolean hasFactor(String code) {
        return factors != null && factors.contains(code);
    }

    public boolean isSeverity(int level) {
        return severity != null && severity.strip().equals(Integer.toString(level));
    }

    private LocalDate validDate(LocalDate today, FormErrors errors) {
        if (DateInput.isBlank(date)) {
            errors.add("date", "Enter the date of this entry.");
            return null;
        }
        LocalDate parsed = DateInput.parse(date, "date", errors).orElse(null);
        if (parsed != null && parsed.isAfter(today)) {
            errors.add("date", "The date cannot be after today (" + today + ").");
        } else if (parsed != null && parsed.isBefore(DateInput.EARLIEST)) {
            errors.add("date", "The date cannot be before 1900-01-01.");
        }
        return parsed;
    }

    private LocalTime validTime(FormErrors errors) {
        if (time == null || time.isBlank()) {
            return null;
        }
        if (!TIME.matcher(time.strip()).matches()) {
            errors.add("time", "Enter the time as HH:MM on the 24-hour clock, for example 08:30 or 21:15, "
                    + "or leave it empty.");
            return null;
        }
        return LocalTime.parse(time.strip());
    }

    private Integer validSeverity(FormErrors errors) {
        if (severity == null || severity.isBlank()) {
            errors.add("severity", "Choose how heavy your legs feel, from 0 (not at all) to 10 (the worst).");
            return null;
        }
        String typed = severity.strip();
        if (!WHOLE_NUMBER.matcher(typed).matches() || Integer.parseInt(typed) > 10) {
            errors.add("severity", "\u201c" + typed + "\u201d is not a severity: choose a whole number from 0 to 10.");
            return null;
        }
        return Integer.parseInt(typed);
    }

    /** Browsers send line breaks as CRLF; counting them as one character each matches the textarea's limit. */
    private String validNotes(FormErrors errors) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        String normalized = notes.replace("\r\n", "\n").strip();
        // PostgreSQL cannot store NUL in text, and no other control character belongs in a note either
        if (normalized.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            errors.add("notes", "Notes cannot contain control characters (such as NUL or escape codes). "
                    + "Remove them, or retype the note.");
            return null;
        }
        int length = normalized.codePointCount(0, normalized.length());
        if (length > NOTES_LIMIT) {
            errors.add("notes", "Notes can be at most " + NOTES_LIMIT + " characters; these have " + length
                    + ". Shorten them a little.");
            return null;
        }
        return normalized;
    }

    private static List<String> present(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(code -> code != null && !code.isBlank()).toList();
    }
}
