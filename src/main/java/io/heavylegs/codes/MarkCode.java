package io.heavylegs.codes;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mark codes of the public contract, declared in the order pages show them: care first, then patterns. The
 * icon tells the kinds of mark apart besides their colour, so that colour is never the only signal.
 */
public enum MarkCode implements Coded {

    URGENT("urgent", "Get medical help now", "when-to-see-a-doctor", "!"),
    SEE_DOCTOR("see-doctor", "See a doctor", "when-to-see-a-doctor", "+"),
    PERSISTENT("persistent", "Persistent symptoms", "when-to-see-a-doctor", "\u21bb"),
    IRON("iron", "Iron pattern", "iron-deficiency", "\u25c6"),
    VITAMIN_D("vitamin-d", "Vitamin D pattern", "vitamin-d-deficiency", "\u25c6"),
    VITAMIN_B12("vitamin-b12", "Vitamin B12 pattern", "vitamin-b12-deficiency", "\u25c6"),
    MAGNESIUM("magnesium", "Magnesium pattern", "magnesium-deficiency", "\u25c6"),
    DEHYDRATION("dehydration", "Dehydration", "dehydration-and-electrolytes", "\u25b2");

    public final String code;
    public final String label;
    public final String articleSlug;
    public final String icon;
    /**
     * The icon as the inside of an HTML character reference ({@code #x25c6}), which a page writes as
     * {@code &{code.iconReference};}: the page stays ASCII, so that its text is not widened to UTF-16 from the first
     * badge on (bench/RESULTS.md, "/journal").
     */
    public final String iconReference;

    MarkCode(String code, String label, String articleSlug, String icon) {
        this.code = code;
        this.label = label;
        this.articleSlug = articleSlug;
        this.icon = icon;
        this.iconReference = "#x" + Integer.toHexString(icon.codePointAt(0));
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public String articlePath() {
        return "/articles/" + articleSlug;
    }

    /** The care marks, which rank above every pattern and carry advice on how soon to get help. */
    public boolean isCare() {
        return this == URGENT || this == SEE_DOCTOR;
    }

    public boolean isDeficiencyPattern() {
        return this == IRON || this == VITAMIN_D || this == VITAMIN_B12 || this == MAGNESIUM;
    }

    public static Optional<MarkCode> fromCode(String code) {
        return CodeSets.lookup(MarkCode.class, code);
    }

    /** Stored codes in display order; a code of older rules stays stored until re-marking, and is not shown. */
    public static List<MarkCode> inDisplayOrder(String... codes) {
        Set<MarkCode> known = CodeSets.fromCodes(MarkCode.class, codes);
        return List.copyOf(known);
    }

    public static List<MarkCode> all() {
        return List.copyOf(EnumSet.allOf(MarkCode.class));
    }
}
