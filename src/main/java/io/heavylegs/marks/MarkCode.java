package io.heavylegs.marks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The mark codes of the public contract, declared in the order pages show them: care first, then patterns. */
public enum MarkCode {

    URGENT("urgent", "Seek care promptly", "when-to-see-a-doctor"),
    SEE_DOCTOR("see-doctor", "See a doctor", "when-to-see-a-doctor"),
    PERSISTENT("persistent", "Persistent symptoms", "when-to-see-a-doctor"),
    IRON("iron", "Iron pattern", "iron-deficiency"),
    VITAMIN_D("vitamin-d", "Vitamin D pattern", "vitamin-d-deficiency"),
    VITAMIN_B12("vitamin-b12", "Vitamin B12 pattern", "vitamin-b12-deficiency"),
    MAGNESIUM("magnesium", "Magnesium pattern", "magnesium-deficiency"),
    DEHYDRATION("dehydration", "Dehydration", "dehydration-and-electrolytes");

    public final String code;
    public final String label;
    public final String articleSlug;

    MarkCode(String code, String label, String articleSlug) {
        this.code = code;
        this.label = label;
        this.articleSlug = articleSlug;
    }

    public String articlePath() {
        return "/articles/" + articleSlug;
    }

    /** Looked up for every stored code a page shows, hence a map rather than a scan. */
    private static final Map<String, MarkCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(value -> value.code, value -> value));

    public static Optional<MarkCode> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** Stored codes in display order; a code of older rules stays stored until re-marking, and is not shown. */
    public static List<MarkCode> inDisplayOrder(String... codes) {
        Set<MarkCode> known = EnumSet.noneOf(MarkCode.class);
        Arrays.stream(codes).map(MarkCode::fromCode).flatMap(Optional::stream).forEach(known::add);
        return List.copyOf(known);
    }
}
