package io.heavylegs.codes;

import java.util.Optional;
import java.util.Set;

/** The factor codes of the public contract: circumstances that can add weight to a pattern, never mark alone. */
public enum Factor implements Coded {

    VEGAN_DIET("vegan-diet", "Vegan or mostly plant-based diet"),
    LOW_SUNLIGHT("low-sunlight", "Little sunlight lately"),
    LOW_FLUIDS("low-fluids", "Drank little, possibly dehydrated"),
    HEAVY_EXERCISE("heavy-exercise", "Hard exercise or heavy sweating"),
    HEAVY_PERIODS("heavy-periods", "Heavy menstrual bleeding"),
    DIABETES("diabetes", "Diagnosed diabetes");

    public final String code;
    public final String label;

    Factor(String code, String label) {
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

    public static Optional<Factor> fromCode(String code) {
        return CodeSets.lookup(Factor.class, code);
    }

    /** The factors among stored codes, in contract order; a code this version does not know is left out. */
    public static Set<Factor> setOf(String... codes) {
        return CodeSets.fromCodes(Factor.class, codes);
    }
}
