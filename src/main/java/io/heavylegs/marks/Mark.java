package io.heavylegs.marks;

import java.util.Objects;
import java.util.Set;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;

/**
 * One mark on an entry with the evidence behind it, so its reason can be told without re-running the rules.
 * For a pattern, {@code signature} and {@code supporting} are the entry's symptoms of each column of the table and
 * {@code factors} the ones that add weight. For a care mark, {@code signature} holds the symptoms that gave it,
 * {@code supporting} the numbness or tingling and {@code factors} the diabetes of the diabetes branch, and
 * {@code side} the entry's side when the leg signs were part of the reason ({@code null} otherwise, or when the
 * entry does not say). {@code persistentDays} counts the distinct days with symptoms in the window ending on the
 * entry's date; it is 0 for every other code.
 */
public record Mark(MarkCode code, Set<Symptom> signature, Set<Symptom> supporting, Set<Factor> factors, Side side,
        int persistentDays) {

    public Mark {
        Objects.requireNonNull(code, "code");
        signature = CodeSets.copyOf(Symptom.class, signature);
        supporting = CodeSets.copyOf(Symptom.class, supporting);
        factors = CodeSets.copyOf(Factor.class, factors);
    }
}
