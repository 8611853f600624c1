package io.heavylegs.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestQuery;

import io.heavylegs.web.DateInput;
import io.heavylegs.web.DateRange;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.RangeForm;

/**
 * The report's range, read by the app's one range form ({@link RangeForm}, shared with the insights): a missing
 * end is today; a missing start is {@value #DEFAULT_DAYS} days before the end, or the owner's first
 * entry when that is later (so the chart does not open on an empty month); at most {@value #MAX_YEARS}
 * years. {@code entries} is {@code all} (the default) or {@code none}, which leaves the appendix of entries out.
 */
public class ReportRangeForm extends RangeForm {

    /** The default range: the last 90 days, today included (today-89 to today). */
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_YEARS = 3;

    @RestQuery
    public String entries;

    /** Checks the typed values; afterwards {@link #range()} holds the range when there were no errors. */
    public FormErrors validate(LocalDate today) {
        return validate(today, Optional.empty());
    }

    /** As {@link #validate(LocalDate)}, with the owner's first entry day for the default start. */
    public FormErrors validate(LocalDate today, Optional<LocalDate> firstEntry) {
        return validate(today, defaultDays(today, firstEntry), MAX_YEARS, "A report");
    }

    @Override
    public void checkTogether(FormErrors errors) {
        super.checkTogether(errors);
        if (!DateInput.isBlank(entries) && !List.of("all", "none").contains(entries.strip())) {
            errors.add("entries", "Choose whether to list every entry (all) or only the summary (none).");
        }
    }

    /**
     * How many days the default range covers: {@value #DEFAULT_DAYS}, or fewer when the first entry is
     * later than that before the end. A malformed end is left for the validation to report.
     */
    private int defaultDays(LocalDate today, Optional<LocalDate> firstEntry) {
        if (!DateInput.isBlank(from) || firstEntry.isEmpty()) {
            return DEFAULT_DAYS;
        }
        Optional<LocalDate> end = DateInput.isBlank(to) ? Optional.of(today)
                : DateInput.parse(to, "to", new FormErrors());
        LocalDate first = firstEntry.get();
        return end.filter(e -> first.isAfter(e.minusDays(DEFAULT_DAYS - 1)) && !first.isAfter(e))
                .map(e -> (int) ChronoUnit.DAYS.between(first, e) + 1).orElse(DEFAULT_DAYS);
    }

    /** Whether the entries follow the summary ({@code entries=none} leaves them out). */
    public boolean listsEntries() {
        return DateInput.isBlank(entries) || !entries.strip().equals("none");
    }

    public boolean isEntries(String choice) {
        return (listsEntries() ? "all" : "none").equals(choice);
    }

    /** The query string that asks for this report again: the range, and entries=none when chosen. */
    public String query(DateRange range) {
        return range.query() + (listsEntries() ? "" : "&entries=none");
    }

    public DateRange range() {
        return dates();
    }

    /** What the form's fields show: the typed text, or the range used when a field was left empty. */
    public ReportRangeForm showing(DateRange used) {
        show(used.from(), used.to());
        return this;
    }
}
