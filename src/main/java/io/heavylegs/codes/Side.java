package io.heavylegs.codes;

import java.util.Optional;

/** Which leg an entry's symptoms are in (contract field {@code side}); an entry may leave it out. */
public enum Side implements Coded {

    LEFT("left", "Left leg"),
    RIGHT("right", "Right leg"),
    BOTH("both", "Both legs");

    public final String code;
    public final String label;

    Side(String code, String label) {
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

    /** One leg only: with swelling or a warm, red leg this is the sign of a possible blood clot. */
    public boolean isOneLeg() {
        return this == LEFT || this == RIGHT;
    }

    public static Optional<Side> fromCode(String code) {
        return CodeSets.lookup(Side.class, code);
    }
}
