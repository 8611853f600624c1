package io.heavylegs.report;

import java.time.LocalDate;

import io.heavylegs.web.DateRange;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.RangeForm;

/**
 * The report's range, read by the app's one range form ({@link RangeForm}, shared with the insights): a missing
 * end is today; a missing start is {@value ReportRange#DEFAULT_DAYS} days before the end; at most
 * {@value ReportRange#MAX_YEARS} years.
 */
public class ReportRangeForm extends RangeForm {

    /** Checks the typed values; afterwards {@link #range()} holds the range when there were no errors. */
    public FormErrors validate(LocalDate today) {
        return validate(today, ReportRange.DEFAULT_DAYS, ReportRange.MAX_YEARS, "A report");
    }

    public ReportRange range() {
        DateRange dates = dates();
        return dates == null ? null : new ReportRange(dates.from(), dates.to());
    }

    /** What the form's fields show: the typed text, or the range used when a field was left empty. */
    public ReportRangeForm showing(ReportRange used) {
        show(used.from(), used.to());
        return this;
    }
}
