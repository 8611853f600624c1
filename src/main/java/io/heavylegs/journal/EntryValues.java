package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;

/**
 * The validated content of a journal entry, as a form or a test hands it to {@link JournalService}; {@code time},
 * {@code side} and {@code notes} may be null (not given).
 */
public record EntryValues(LocalDate date, LocalTime time, int severity, Side side, Set<Symptom> symptoms,
        Set<Factor> factors, String notes) {

    public EntryValues {
        symptoms = CodeSets.copyOf(Symptom.class, symptoms);
        factors = CodeSets.copyOf(Factor.class, factors);
    }
}
