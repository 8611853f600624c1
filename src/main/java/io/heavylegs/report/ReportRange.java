package io.heavylegs.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The days a report covers, both ends included. */
public record ReportRange(LocalDate from, LocalDate to) {

    /** The default range: the last 90 days, today included (today-89 to today). */
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_YEARS = 3;

    public ReportRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends before it starts: " + from + " to " + to);
        }
    }

    public static ReportRange lastDays(LocalDate today) {
        return new ReportRange(today.minusDays(DEFAULT_DAYS - 1), today);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The query string that asks for this range again, for the PDF and CSV links. */
    public String query() {
        return "from=" + from + "&to=" + to;
    }
}
