package io.heavylegs.codes;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place where code lists turn into sets and back. Sets are read-only and iterate in declaration order
 * (the contract's order), so reasons, stored columns and exports read the same every time.
 */
public final class CodeSets {

    private CodeSets() {
    }

    /** A read-only copy in declaration order. */
    public static <E extends Enum<E>> Set<E> copyOf(Class<E> type, Collection<E> values) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(Objects.requireNonNull(values));
        return Collections.unmodifiableSet(copy);
    }

    /** What both sets hold, read-only, in declaration order. */
    public static <E extends Enum<E>> Set<E> intersection(Class<E> type, Collection<E> left, Collection<E> right) {
        EnumSet<E> common = EnumSet.noneOf(type);
        common.addAll(left);
        common.retainAll(right);
        return Collections.unmodifiableSet(common);
    }

    /** The values of stored codes, in declaration order; a code this version does not know is left out. */
    public static <E extends Enum<E> & Coded> Set<E> fromCodes(Class<E> type, String... codes) {
        EnumSet<E> values = EnumSet.noneOf(type);
        if (codes != null) {
            for (String code : codes) {
                lookup(type, code).ifPresent(values::add);
            }
        }
        return Collections.unmodifiableSet(values);
    }

    /** The codes of the values, in declaration order: what a column or an export stores. */
    public static <E extends Enum<E> & Coded> String[] toCodes(Collection<E> values) {
        return values.stream().sorted().map(Coded::code).toArray(String[]::new);
    }

    /** The value with this code, if the list has one. */
    public static <E extends Enum<E> & Coded> Optional<E> lookup(Class<E> type, String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode(type).get(code));
    }

    private static final ClassValue<Map<String, ?>> BY_CODE = new ClassValue<>() {
        @Override
        protected Map<String, ?> computeValue(Class<?> type) {
            return Stream.of(type.getEnumConstants()).map(Coded.class::cast)
                    .collect(Collectors.toUnmodifiableMap(Coded::code, Function.identity()));
        }
    };

    /** Looked up for every stored code a page shows, hence a map per list rather than a scan. */
    @SuppressWarnings("unchecked")
    private static <E extends Enum<E> & Coded> Map<String, E> byCode(Class<E> type) {
        return (Map<String, E>) BY_CODE.get(type);
    }
}
