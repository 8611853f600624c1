package io.heavylegs.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestQuery;

import io.heavylegs.web.FormErrors;

/**
 * The report's range as typed in its GET form, or in a bookmark or a hand-edited address: it may hold anything.
 * A missing end is today; a missing start is {@value ReportRange#DEFAULT_DAYS} days before the end.
 */
public class ReportRangeForm {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // STRICT with 'uuuu' refuses 2026-02-30 instead of quietly turning it into 2026-02-28.
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @RestQuery
    public String from;

    @RestQuery
    public String to;

    private ReportRange range;

    /** Checks the typed values; afterwards {@link #range()} holds the range when there were no errors. */
    public FormErrors validate(LocalDate today) {
        FormErrors errors = new FormErrors();
        Optional<LocalDate> toDate = isBlank(to) ? Optional.of(today) : parse(to, "to", errors);
        Optional<LocalDate> fromDate = isBlank(from)
                ? toDate.map(end -> end.minusDays(ReportRange.DEFAULT_DAYS - 1))
                : parse(from, "from", errors);
        if (fromDate.isPresent() && toDate.isPresent()) {
            LocalDate start = fromDate.get();
            LocalDate end = toDate.get();
            if (start.isAfter(end)) {
                errors.add("to", "The end date is before the start date: swap them, or change one.");
            } else if (end.isAfter(start.plusYears(ReportRange.MAX_YEARS))) {
                errors.add("from", "A report can cover at most " + ReportRange.MAX_YEARS
                        + " years: start on " + end.minusYears(ReportRange.MAX_YEARS) + " or later.");
            } else {
                range = new ReportRange(start, end);
            }
        }
        if (!errors.isEmpty()) {
            range = null;
        }
        return errors;
    }

    public ReportRange range() {
        return range;
    }

    /** What the form's fields show: the typed text, or the range used when a field was left empty. */
    public ReportRangeForm showing(ReportRange used) {
        if (isBlank(from)) {
            from = used.from().toString();
        }
        if (isBlank(to)) {
            to = used.to().toString();
        }
        return this;
    }

    private static Optional<LocalDate> parse(String typed, String field, FormErrors errors) {
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
            errors.add(field, "Enter a date from " + EARLIEST + " on.");
            return Optional.empty();
        }
        return Optional.of(date);
    }

    private static boolean isBlank(String typed) {
        return typed == null || typed.isBlank();
    }
}
