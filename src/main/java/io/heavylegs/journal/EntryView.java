package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;

/**
 * A journal entry as pages, reports and exports read it: what was logged and the codes of its stored marks, in
 * the order pages show marks. {@code time}, {@code side} and {@code notes} may be null. The list reads the first
 * {@value JournalReads#NOTES_EXCERPT} characters of the notes; every other reader the notes in full.
 */
public record EntryView(long id, LocalDate date, LocalTime time, int severity, Side side, Set<Symptom> symptoms,
        Set<Factor> factors, String notes, List<MarkCode> marks) {

    public EntryView {
        Objects.requireNonNull(date, "date");
        symptoms = CodeSets.copyOf(Symptom.class, symptoms);
        factors = CodeSets.copyOf(Factor.class, factors);
        marks = marks.stream().distinct().sorted().toList();
    }

    public boolean hasNotes() {
        return notes != null && !notes.isBlank();
    }
}
