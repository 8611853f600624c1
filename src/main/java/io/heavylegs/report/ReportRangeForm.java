package io.heavylegs.report;

import java.time.LocalDate;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestQuery;

import io.heavylegs.web.DateInput;
import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;

/**
 * The report's range as typed in its GET form, or in a bookmark or a hand-edited address: it may hold anything.
 * A missing end is today; a missing start is {@value ReportRange#DEFAULT_DAYS} days before the end.
 */
public class ReportRangeForm implements Form {

    @RestQuery
    public String from;

    @RestQuery
    public String to;

    private LocalDate today;
    private ReportRange range;

    /** Checks the typed values; afterwards {@link #range()} holds the range when there were no errors. */
    public FormErrors validate(LocalDate today) {
        this.today = today;
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        Optional<LocalDate> toDate = DateInput.isBlank(to) ? Optional.of(today) : DateInput.parse(to, "to", errors);
        Optional<LocalDate> fromDate = DateInput.isBlank(from)
                ? toDate.map(end -> end.minusDays(ReportRange.DEFAULT_DAYS - 1))
                : DateInput.parse(from, "from", errors);
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
