package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SeverityChartTest {

    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 30);

    @Test
    void writesNumbersWithOneDecimalLikeTheFormatterDid() {
        assertEquals("92.5", SeverityChart.format(92.5));
        assertEquals("0.0", SeverityChart.format(0));
        assertEquals("14.0", SeverityChart.format(13.96));
        assertEquals("-1.3", SeverityChart.format(-1.25));
        // Every x position of every range length a page or report can draw (up to two years), and every y.
        for (int days = 2; days <= 731; days++) {
            for (int day = 0; day < days; day++) {
                double x = 40 + day * 584.0 / (days - 1);
                assertEquals(String.format(Locale.ROOT, "%.1f", x), SeverityChart.format(x), days + "/" + day);
            }
        }
        for (int severity = 0; severity <= 10; severity++) {
            double y = 14 + (10 - severity) * 190.0 / 10;
            assertEquals(String.format(Locale.ROOT, "%.1f", y), SeverityChart.format(y));
        }
    }

    @Test
    void aMonthWithGapsBreaksTheLineAtEachMissingDay() {
        SeverityChart chart = SeverityChart.of(FROM, TO, Map.of(
                FROM, 2, FROM.plusDays(1), 5, FROM.plusDays(2), 4,
                FROM.plusDays(10), 8,
                FROM.plusDays(20), 1, FROM.plusDays(21), 3));
        assertEquals(6, chart.getPoints().size());
        assertEquals(2, chart.getLines().size(), "the lone day is a point, not a line");
        assertEquals(3, chart.getLines().get(0).split(" ").length);
        assertEquals(2, chart.getLines().get(1).split(" ").length);
        assertTrue(chart.getSummary().startsWith("Entries on 6 of 30 days. Highest severity 8 of 10, on 11 March 2026"),
                chart.getSummary());
        assertTrue(chart.getTitle().contains("1 March 2026 to 30 March 2026"));
    }

    @Test
    void placesTheRangeEndsAtThePlotEdgesAndSeverityTenAtTheTop() {
        SeverityChart chart = SeverityChart.of(FROM, TO, Map.of(FROM, 0, TO, 10));
        assertEquals(chart.getPlotLeft(), chart.getPoints().get(0).x());
        assertEquals(chart.getPlotBottom(), chart.getPoints().get(0).y());
        assertEquals(chart.getPlotRight(), chart.getPoints().get(1).x());
        assertEquals(chart.getPlotTop(), chart.getPoints().get(1).y());
        assertEquals("1 Mar", chart.getDateTicks().get(0).label());
        assertEquals("30 Mar", chart.getDateTicks().get(chart.getDateTicks().size() - 1).label());
    }

    @Test
    void anEmptyRangeSaysSo() {
        SeverityChart chart = SeverityChart.of(FROM, TO, Map.of());
        assertTrue(chart.isEmpty());
        assertEquals("No entries in these 30 days.", chart.getSummary());
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> SeverityChart.of(TO, FROM, Map.of()));
    }
}
