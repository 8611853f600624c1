package io.heavylegs.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of typed {@code YYYY-MM-DD} dates (entry dates, filters, report ranges, treatments, lab
 * results). It tells a malformed date from an impossible one (2026-02-30) and from one before
 * {@link #EARLIEST}, the earliest date the contract accepts anywhere.
 */
public final class DateInput {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // STRICT with 'uuuu' refuses 2026-02-30 instead of quietly turning it into 2026-02-28.
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private DateInput() {
    }

    /**
     * The date, or empty with a message added for {@code field}; the caller decides what a blank value means
     * (see {@link #isBlank}).
     */
    public static Optional<LocalDate> parse(String typed, String field, FormErrors errors) {
        String value = typed.strip();
        if (!SHAPE.matcher(value).matches()) {
            errors.add(field, "Enter the date as YYYY-MM-DD, for example 2026-03-14.");
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value, ISO_STRICT);
        } catch (DateTimeParseException e) {
            errors.add(field, "There is no such day as " + value + ": check the day and the month.");
            return Optional.empty();
        }
        if (date.isBefore(EARLIEST)) {
            errors.add(field, "The date cannot be before " + EARLIEST + ".");
            return Optional.empty();
        }
        return Optional.of(date);
    }

    /**
     * A required date that cannot be after {@code today}: the date of something that happened (an entry, a
     * result, a treatment's start).
     */
    public static Optional<LocalDate> parsePast(String typed, String field, String missing, LocalDate today,
            FormErrors errors) {
        if (isBlank(typed)) {
            errors.add(field, missing);
            return Optional.empty();
        }
        Optional<LocalDate> date = parse(typed, field, errors);
        if (date.isPresent() && date.get().isAfter(today)) {
            errors.add(field, "The date cannot be after today (" + today + ").");
            return Optional.empty();
        }
        return date;
    }

    public static boolean isBlank(String typed) {
        return typed == null || typed.isBlank();
    }
}
