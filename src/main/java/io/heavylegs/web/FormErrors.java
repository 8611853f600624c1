package io.heavylegs.web;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one submitted form, at most one message per field. Templates show each message next to its
 * field (the {@code fieldError} tag, {@code data-error-for="FIELD"}) and the summary above the form lists them
 * in the order of the form's fields, the same on every try.
 */
public class FormErrors {

    private final Map<String, String> byField = new HashMap<>();
    private final List<String> fieldOrder;

    public FormErrors() {
        this(List.of());
    }

    /** Errors listed in {@code fieldOrder}; fields not in it come after, by name. */
    public FormErrors(List<String> fieldOrder) {
        this.fieldOrder = List.copyOf(fieldOrder);
    }

    /** Keeps the first message of a field: it is the most basic problem (missing before malformed). */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public int count() {
        return byField.size();
    }

    /** Every problem, in the order of the form's fields. */
    public Map<String, String> all() {
        Map<String, String> ordered = new LinkedHashMap<>();
        fieldOrder.stream().filter(byField::containsKey).forEach(field -> ordered.put(field, byField.get(field)));
        byField.keySet().stream().filter(field -> !ordered.containsKey(field)).sorted()
                .forEach(field -> ordered.put(field, byField.get(field)));
        return Collections.unmodifiableMap(ordered);
    }
}
