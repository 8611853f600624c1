package io.heavylegs.report;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.heavylegs.journal.Factor;
import io.heavylegs.journal.Symptom;
import io.heavylegs.marks.MarkCode;

/**
 * One journal entry as the report shows it: what was logged and the codes of its stored marks, in the order
 * pages show marks. {@code time} and {@code notes} may be null.
 */
public record ReportEntry(LocalDate date, LocalTime time, int severity, Set<Symptom> symptoms, Set<Factor> factors,
        String notes, List<MarkCode> marks) {

    public ReportEntry {
        Objects.requireNonNull(date, "date");
        symptoms = symptoms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(symptoms));
        factors = factors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(factors));
        marks = marks.stream().distinct().sorted().toList();
    }

    /** Symptoms in the order of the contract's list (a Set.copyOf would lose it). */
    public List<Symptom> symptomList() {
        return symptoms.stream().sorted().toList();
    }

    public List<Factor> factorList() {
        return factors.stream().sorted().toList();
    }

    public boolean hasNotes() {
        return notes != null && !notes.isBlank();
    }
}
