package io.heavylegs.marks;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;

/**
 * What the marking rules need to know of a journal entry, free of any persistence concern. {@code side} is
 * {@code null} when the entry does not say which leg.
 */
public record EntryFacts(long id, LocalDate date, Side side, Set<Symptom> symptoms, Set<Factor> factors) {

    public EntryFacts {
        Objects.requireNonNull(date, "date");
        symptoms = CodeSets.copyOf(Symptom.class, symptoms);
        factors = CodeSets.copyOf(Factor.class, factors);
    }
}
