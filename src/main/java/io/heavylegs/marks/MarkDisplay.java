package io.heavylegs.marks;

import io.quarkus.qute.TemplateExtension;

/** How a mark looks on a page besides its colour: a symbol that tells the kind of mark apart. */
@TemplateExtension
public final class MarkDisplay {

    private MarkDisplay() {
    }

    static String icon(MarkCode code) {
        return switch (code) {
            case URGENT -> "!";
            case SEE_DOCTOR -> "+";
            case PERSISTENT -> "\u21bb";
            case IRON, VITAMIN_D, VITAMIN_B12, MAGNESIUM -> "\u25c6";
            case DEHYDRATION -> "\u25b2";
        };
    }
}
