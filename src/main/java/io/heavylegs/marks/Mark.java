package io.heavylegs.marks;

import java.util.Objects;
import java.util.Set;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Symptom;

/**
 * One mark on an entry with the evidence behind it, so its reason can be told without re-running the rules.
 * {@code persistentDays} counts the distinct days with symptoms in the window; it is 0 for every other code.
 */
public record Mark(MarkCode code, Set<Symptom> signature, Set<Symptom> supporting, Set<Factor> factors,
        int persistentDays) {

    public Mark {
        Objects.requireNonNull(code, "code");
        signature = CodeSets.copyOf(Symptom.class, signature);
        supporting = CodeSets.copyOf(Symptom.class, supporting);
        factors = CodeSets.copyOf(Factor.class, factors);
    }
}
