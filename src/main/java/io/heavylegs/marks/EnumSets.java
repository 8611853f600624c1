package io.heavylegs.marks;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Read-only enum sets that iterate in declaration order, so reasons and stored details read the same every time. */
final class EnumSets {

    private EnumSets() {
    }

    static <E extends Enum<E>> Set<E> immutableCopy(Class<E> type, Collection<E> values) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(Objects.requireNonNull(values));
        return Collections.unmodifiableSet(copy);
    }

    static <E extends Enum<E>> Set<E> intersection(Class<E> type, Collection<E> left, Collection<E> right) {
        EnumSet<E> common = EnumSet.noneOf(type);
        common.addAll(left);
        common.retainAll(right);
        return Collections.unmodifiableSet(common);
    }
}
