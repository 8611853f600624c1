package io.heavylegs.marks;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;

/** What the marking rules need to know of a journal entry, free of any persistence concern. */
public record EntryFacts(long id, LocalDate date, Set<Symptom> symptoms, Set<Factor> factors) {

    public EntryFacts {
        Objects.requireNonNull(date, "date");
        symptoms = CodeSets.copyOf(Symptom.class, symptoms);
        factors = CodeSets.copyOf(Factor.class, factors);
    }
}
