package io.heavylegs.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Symptom;
import io.heavylegs.web.DateRange;

/** The month grids on hand-made days; positions and words counted by hand from a 2026 calendar. */
class SymptomCalendarTest {

    private static final DateRange MARCH_10_TO_APRIL_5 = new DateRange(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 5));

    @Test
    void aMonthGridStartsOnMondayAndHoldsTheDaysOfTheRangeOnly() {
        SymptomCalendar calendar = SymptomCalendar.of(MARCH_10_TO_APRIL_5, Map.of(
                Symptom.CRAMPS, Map.of(LocalDate.of(2026, 3, 10), 4, LocalDate.of(2026, 3, 31), 9,
                        LocalDate.of(2026, 4, 1), 0),
                Symptom.HEAVINESS, Map.of(LocalDate.of(2026, 3, 9), 5)));
        // Heaviness only on 9 March, the day before the range: no row.
        assertEquals(1, calendar.getRows().size());
        SymptomCalendar.Row cramps = calendar.getRows().get(0);
        assertEquals(Symptom.CRAMPS, cramps.symptom());
        assertEquals(3, cramps.daysPresent());
        assertEquals(27, cramps.days(), "10 March to 5 April: 22 + 5 days");
        assertEquals(List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 4)),
                cramps.months().stream().map(SymptomCalendar.Month::month).toList());

        SymptomCalendar.Month march = cramps.months().get(0);
        // 1 March 2026 is a Sunday: the last column of the first week; 31 March, a Tuesday, is in the sixth week.
        assertEquals(7, march.getStartColumn());
        assertEquals(6, march.getWeeks());
        SymptomCalendar.Day first = march.days().get(0);
        assertFalse(first.inRange());
        SymptomCalendar.Day last = march.days().get(30);
        assertEquals(LocalDate.of(2026, 3, 31), last.date());
        assertEquals(9, last.severity());
        assertEquals(4, last.getShade());
        assertNull(march.days().get(10).severity(), "11 March: not logged");
        assertEquals(22, march.daysInRange());
        assertEquals("Muscle cramps in March 2026: on 2 of 22 days (highest severity 10 March: 4, 31 March: 9).",
                march.getSummary());

        SymptomCalendar.Month april = cramps.months().get(1);
        // 1 April 2026 is a Wednesday; 30 days from the third column fill five weeks.
        assertEquals(3, april.getStartColumn());
        assertEquals(5, april.getWeeks());
        assertEquals(5, april.daysInRange());
        assertEquals(1, april.days().get(0).getShade(), "severity 0 is still a logged day");
        assertEquals("Muscle cramps in April 2026: on 1 of 5 days (highest severity 1 April: 0).", april.getSummary());
        assertFalse(calendar.isCut());
    }

    @Test
    void aMonthWithoutTheSymptomSaysSo() {
        SymptomCalendar calendar = SymptomCalendar.of(MARCH_10_TO_APRIL_5,
                Map.of(Symptom.NUMBNESS, Map.of(LocalDate.of(2026, 3, 12), 3)));
        assertEquals("Numbness in April 2026: not logged on any of 5 days.",
                calendar.getRows().get(0).months().get(1).getSummary());
    }

    @Test
    void shadesGoFromLightToDarkBySeverity() {
        int[] expected = { 1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4 };
        for (int severity = 0; severity <= 10; severity++) {
            assertEquals(expected[severity],
                    new SymptomCalendar.Day(LocalDate.of(2026, 1, 1), true, severity).getShade());
        }
        assertEquals(0, new SymptomCalendar.Day(LocalDate.of(2026, 1, 1), true, null).getShade());
    }

    @Test
    void aYearShowsItsLastSixMonthsAndSaysItWasCut() {
        DateRange year = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertEquals(new DateRange(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31)),
                SymptomCalendar.shownDays(year));
        SymptomCalendar calendar = SymptomCalendar.of(year, Map.of(Symptom.FATIGUE,
                Map.of(LocalDate.of(2025, 2, 1), 5, LocalDate.of(2025, 7, 1), 6)));
        assertTrue(calendar.isCut());
        assertEquals(6, calendar.getRows().get(0).months().size());
        assertEquals(1, calendar.getRows().get(0).daysPresent(), "1 February is before the shown months");
        assertEquals(MARCH_10_TO_APRIL_5, SymptomCalendar.shownDays(MARCH_10_TO_APRIL_5));
    }
}
