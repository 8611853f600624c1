package io.heavylegs.marks;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import io.heavylegs.journal.Factor;
import io.heavylegs.journal.Symptom;

/** What the marking rules need to know of a journal entry, free of any persistence concern. */
public record EntryFacts(long id, LocalDate date, Set<Symptom> symptoms, Set<Factor> factors) {

    public EntryFacts {
        Objects.requireNonNull(date, "date");
        symptoms = EnumSets.immutableCopy(Symptom.class, symptoms);
        factors = EnumSets.immutableCopy(Factor.class, factors);
    }
}
