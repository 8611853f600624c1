package io.heavylegs.web;

/**
 * A submitted form or query string, bound as typed text ({@code @RestForm}/{@code @RestQuery} fields) and checked
 * by {@link Forms#validate}: first its Bean Validation annotations, then {@link #checkTogether}, the rules that
 * need more than one field or a parsed value. Fields stay text so that a refused form comes back exactly as it
 * was typed.
 */
public interface Form {

    /**
     * The rules the annotations cannot state; add a problem per field to {@code errors}. It runs after the
     * annotations, and {@code errors} already holds their problems (check {@link FormErrors#has} before
     * looking at a field an annotation refused).
     */
    default void checkTogether(FormErrors errors) {
    }
}
