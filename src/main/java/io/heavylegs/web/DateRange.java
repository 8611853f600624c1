package io.heavylegs.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A span of days, both ends included: what a report or the insights cover. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends before it starts: " + from + " to " + to);
        }
    }

    /** The last {@code days} days, {@code today} included. */
    public static DateRange lastDays(LocalDate today, int days) {
        return new DateRange(today.minusDays(days - 1), today);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The query string that asks for this range again. */
    public String query() {
        return "from=" + from + "&to=" + to;
    }
}
