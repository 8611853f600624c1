package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

import io.heavylegs.web.FormErrors;

/** Reads a typed YYYY-MM-DD date, telling a malformed date from an impossible one (2026-02-30). */
final class DateInput {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // STRICT with 'uuuu' refuses 2026-02-30 instead of quietly turning it into 2026-02-28.
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private DateInput() {
    }

    /** The date, or empty with a message added for {@code field}; a blank value is left to the caller. */
    static Optional<LocalDate> parse(String typed, String field, FormErrors errors) {
        String value = typed.strip();
        if (!SHAPE.matcher(value).matches()) {
            errors.add(field, "Enter the date as YYYY-MM-DD, for example 2026-03-14.");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, ISO_STRICT));
        } catch (DateTimeParseException e) {
            errors.add(field, "There is no such day as " + value + ": check the day and the month.");
            return Optional.empty();
        }
    }

    static boolean isBlank(String typed) {
        return typed == null || typed.isBlank();
    }
}
