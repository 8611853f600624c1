package io.heavylegs.web;

import java.sql.SQLException;
import java.util.Set;

/**
 * Failures that say "the request itself cannot be read", whoever notices them first: the REST layer's form
 * decoder (broken percent-encoding, more than 1,000 parameters) and, as the last line behind {@link TextInput},
 * PostgreSQL refusing a character it cannot store (NUL). Each is the client's doing and is answered 400, never 500.
 */
final class UnreadableInput {

    /** The classes that decode a form body before any resource or filter of ours sees a field. */
    private static final Set<String> FORM_DECODERS = Set.of(
            "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler",
            "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition$FormEncodedDataParser",
            "org.jboss.resteasy.reactive.server.core.multipart.FormData");

    /** PostgreSQL: invalid byte sequence (NUL in text), and a character with no equivalent in the encoding. */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    private UnreadableInput() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
                return true;
            }
            if (t instanceof IllegalArgumentException || t.getClass() == RuntimeException.class) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (FORM_DECODERS.contains(frame.getClassName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
