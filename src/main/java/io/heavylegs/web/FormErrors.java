package io.heavylegs.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problems of one submitted form, at most one message per field, in the order they were found. Templates
 * show each message next to its field (an element with {@code data-error-for="FIELD"}).
 */
public class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

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

    public Map<String, String> all() {
        return byField;
    }
}
