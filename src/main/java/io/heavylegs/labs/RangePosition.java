package io.heavylegs.labs;

/**
 * Where a result lies against the range its lab printed: the only judgement the app makes, and only in the lab's
 * own terms. A value equal to a limit is within.
 */
public enum RangePosition {

    BELOW("below"),
    WITHIN("within"),
    ABOVE("above");

    public final String code;

    RangePosition(String code) {
        this.code = code;
    }

    /** "below the range your lab printed". */
    public String words() {
        return code + " the range your lab printed";
    }
}
