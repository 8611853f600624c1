package io.heavylegs.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestQuery;

import io.heavylegs.web.DateInput;
import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;

/**
 * The report's range as typed in its GET form, or in a bookmark or a hand-edited address: it may hold anything.
 * A missing end is today; a missing start is {@value ReportRange#DEFAULT_DAYS} days before the end, or the first
 * entry's day when that is later (so the chart does not open on an empty month). {@code entries} is {@code all}
 * (the default) or {@code none}, which leaves the appendix of entries out.
 */
public class ReportRangeForm implements Form {

    @RestQuery
    public String from;

    @RestQuery
    public String to;

    @RestQuery
    public String entries;

    private LocalDate today;
    private Optional<LocalDate> firstEntry = Optional.empty();
    private ReportRange range;

    /** Checks the typed values; afterwards {@link #range()} holds the range when there were no errors. */
    public FormErrors validate(LocalDate today) {
        return validate(today, Optional.empty());
    }

    /** As {@link #validate(LocalDate)}, with the owner's first entry day for the default start. */
    public FormErrors validate(LocalDate today, Optional<LocalDate> firstEntry) {
        this.today = today;
        this.firstEntry = firstEntry;
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        Optional<LocalDate> toDate = DateInput.isBlank(to) ? Optional.of(today) : DateInput.parse(to, "to", errors);
        Optional<LocalDate> fromDate = DateInput.isBlank(from)
                ? toDate.map(this::defaultStart)
                : DateInput.parse(from, "from", errors);
        if (!DateInput.isBlank(entries) && !List.of("all", "none").contains(entries.strip())) {
            errors.add("entries", "Choose whether to list every entry (all) or only the summary (none).");
        }
        if (fromDate.isPresent() && toDate.isPresent()) {
            LocalDate start = fromDate.get();
            LocalDate end = toDate.get();
            if (start.isAfter(end)) {
                errors.add("to", "The end date is before the start date: swap them, or change one.");
            } else if (end.isAfter(start.plusYears(ReportRange.MAX_YEARS))) {
                errors.add("from", "A report can cover at most " + ReportRange.MAX_YEARS
                        + " years: start on " + end.minusYears(ReportRange.MAX_YEARS) + " or later.");
            } else if (errors.isEmpty()) {
                range = new ReportRange(start, end);
            }
        }
    }

    private LocalDate defaultStart(LocalDate end) {
        LocalDate start = end.minusDays(ReportRange.DEFAULT_DAYS - 1);
        return firstEntry.filter(first -> first.isAfter(start) && !first.isAfter(end)).orElse(start);
    }

    /** Whether the entries follow the summary ({@code entries=none} leaves them out). */
    public boolean listsEntries() {
        return DateInput.isBlank(entries) || !entries.strip().equals("none");
    }

    public boolean isEntries(String choice) {
        return (listsEntries() ? "all" : "none").equals(choice);
    }

    /** The query string that asks for this report again: the range, and entries=none when chosen. */
    public String query(ReportRange range) {
        return range.query() + (listsEntries() ? "" : "&entries=none");
    }

    public ReportRange range() {
        return range;
    }

    /** What the form's fields show: the typed text, or the range used when a field was left empty. */
    public ReportRangeForm showing(ReportRange used) {
        if (DateInput.isBlank(from)) {
            from = used.from().toString();
        }
        if (DateInput.isBlank(to)) {
            to = used.to().toString();
        }
        return this;
    }
}
