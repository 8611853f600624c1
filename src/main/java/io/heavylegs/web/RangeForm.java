package io.heavylegs.web;

import java.time.LocalDate;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestQuery;

/**
 * A range of days as typed in a GET form ({@code from}, {@code to}), or in a bookmark or a hand-edited address: it
 * may hold anything. The one range form of the app (the report, the insights): a missing end is today; a missing
 * start is the page's default number of days before the end; a range may span a limited number of years.
 */
public class RangeForm implements Form {

    @RestQuery
    public String from;

    @RestQuery
    public String to;

    private LocalDate today;
    private int defaultDays;
    private int maxYears;
    private String what;
    private DateRange range;

    /**
     * Checks the typed values; afterwards {@link #dates()} holds the range when there were no errors.
     * {@code what} names the page in the message about a too long range ("A report", "The insights").
     */
    public FormErrors validate(LocalDate today, int defaultDays, int maxYears, String what) {
        this.today = today;
        this.defaultDays = defaultDays;
        this.maxYears = maxYears;
        this.what = what;
        this.range = null;
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        Optional<LocalDate> toDate = DateInput.isBlank(to) ? Optional.of(today) : DateInput.parse(to, "to", errors);
        Optional<LocalDate> fromDate = DateInput.isBlank(from)
                ? toDate.map(end -> end.minusDays(defaultDays - 1))
                : DateInput.parse(from, "from", errors);
        if (fromDate.isPresent() && toDate.isPresent()) {
            LocalDate start = fromDate.get();
            LocalDate end = toDate.get();
            if (start.isAfter(end)) {
                errors.add("to", "The end date is before the start date: swap them, or change one.");
            } else if (end.isAfter(start.plusYears(maxYears))) {
                errors.add("from", what + " can cover at most " + maxYears + " years: start on "
                        + end.minusYears(maxYears) + " or later.");
            } else if (errors.isEmpty()) {
                range = new DateRange(start, end);
            }
        }
    }

    /** The range, once {@link #validate} found no errors; null before or after a refused one. */
    public DateRange dates() {
        return range;
    }

    /** What the form's fields show: the typed text, or the range used when a field was left empty. */
    protected void show(LocalDate usedFrom, LocalDate usedTo) {
        if (DateInput.isBlank(from)) {
            from = usedFrom.toString();
        }
        if (DateInput.isBlank(to)) {
            to = usedTo.toString();
        }
    }

    /** The fields filled with the range used, for a page that shows what it covers. */
    public RangeForm showing(DateRange used) {
        show(used.from(), used.to());
        return this;
    }
}
