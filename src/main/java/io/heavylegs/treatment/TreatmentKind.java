package io.heavylegs.treatment;

import java.util.Optional;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Coded;

/** What a treatment is (contract field {@code kind}). */
public enum TreatmentKind implements Coded {

    SUPPLEMENT("supplement", "Supplement"),
    MEDICINE("medicine", "Medicine");

    public final String code;
    public final String label;

    TreatmentKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<TreatmentKind> fromCode(String code) {
        return CodeSets.lookup(TreatmentKind.class, code);
    }
}
