package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.heavylegs.codes.MarkCode;

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
                double x = 36 + day * 430.0 / (days - 1);
                assertEquals(String.format(Locale.ROOT, "%.1f", x), SeverityChart.format(x), days + "/" + day);
            }
        }
        for (int severity = 0; severity <= 10; severity++) {
            double y = 16 + (10 - severity) * 220.0 / 10;
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
        // Five labels on a phone-wide drawing: days 0, 7, 15, 22, 29 (29 × i / 4, rounded).
        assertEquals(List.of("1 Mar", "8 Mar", "16 Mar", "23 Mar", "30 Mar"),
                chart.getDateTicks().stream().map(SeverityChart.Tick::label).toList());
    }

    @Test
    void redFlagsAreTrianglesOtherMarksDiamondsAndTheWordsCountThem() {
        SeverityChart chart = SeverityChart.withMarks(FROM, TO, Map.of(
                FROM, new SeverityChart.Day(8, Set.of(MarkCode.IRON, MarkCode.URGENT)),
                FROM.plusDays(1), new SeverityChart.Day(3, Set.of(MarkCode.MAGNESIUM)),
                FROM.plusDays(2), new SeverityChart.Day(4, Set.of(MarkCode.DEHYDRATION, MarkCode.PERSISTENT)),
                FROM.plusDays(3), SeverityChart.Day.of(2)));
        List<SeverityChart.Point> points = chart.getPoints();
        assertTrue(points.get(0).isRedFlag());
        assertFalse(points.get(0).isMarked(), "a red flag is drawn once, as a triangle");
        // The first day is at x 36, severity 8 at y 16 + 2 × 22 = 60: the triangle's top 9 above, base 6 below.
        assertEquals("36.0,51.0 44.0,66.0 28.0,66.0", points.get(0).getShape());
        assertEquals("Get medical help now, Iron pattern", points.get(0).getMarkLabels());
        assertTrue(points.get(1).isMarked());
        // Day 2 of 30 is at 36 + 430/29 = 50.8; severity 3 at 16 + 7 × 22 = 170.
        assertEquals("50.8,163.0 57.8,170.0 50.8,177.0 43.8,170.0", points.get(1).getShape());
        assertEquals("Persistent symptoms, Dehydration", points.get(2).getMarkLabels());
        assertEquals("", points.get(3).getShape());
        assertEquals(1, chart.getRedFlagDays());
        assertEquals(2, chart.getMarkedDays());
        assertEquals("Entries on 4 of 30 days. Highest severity 8 of 10, on 1 March 2026; the daily highs average 4.3. "
                + "1 day has a red flag (triangle). 2 other days have a mark (diamond). Days without entries are gaps "
                + "in the line.", chart.getSummary());
    }

    /**
     * Two results on 11 March (one blood draw), one on 21 March, one the day before the range: two squares in a row
     * of their own above the plot, which moves down one row. 11 March is day 10 of 30: x = 36 + 10 × 430 / 29 =
     * 184.3, the square's corner 6 to the left; its row is the first (no bands): y = 8 + 11 − 6 = 13.
     */
    @Test
    void bloodTestResultsAreSquaresInTheirOwnRowOnePerDay() {
        SeverityChart.Result ferritin = new SeverityChart.Result(FROM.plusDays(10), "Ferritin", "12 µg/L",
                "below the range your lab printed (30–400 µg/L)");
        SeverityChart.Result haemoglobin = new SeverityChart.Result(FROM.plusDays(10), "Haemoglobin", "131 g/L", null);
        SeverityChart.Result vitaminD = new SeverityChart.Result(FROM.plusDays(20), "Vitamin D (25-hydroxy)", "40 nmol/L",
                "within the range your lab printed (25–200 nmol/L)");
        SeverityChart.Result before = new SeverityChart.Result(FROM.minusDays(1), "Ferritin", "9 µg/L", null);
        SeverityChart without = SeverityChart.withMarks(FROM, TO, Map.of(FROM.plusDays(10), SeverityChart.Day.of(10)));
        SeverityChart chart = SeverityChart.withMarks(FROM, TO, Map.of(FROM.plusDays(10), SeverityChart.Day.of(10)),
                List.of(), List.of(vitaminD, haemoglobin, before, ferritin));

        assertEquals(List.of(FROM.plusDays(10), FROM.plusDays(20)),
                chart.getResultDays().stream().map(SeverityChart.ResultDay::date).toList());
        SeverityChart.ResultDay first = chart.getResultDays().get(0);
        assertEquals("178.3", first.x());
        assertEquals("13.0", first.y());
        assertEquals("11 March 2026: blood test Haemoglobin 131 g/L; Ferritin 12 µg/L, below the range your lab printed"
                + " (30–400 µg/L)", first.getLabel());
        assertEquals(List.of(haemoglobin, ferritin, vitaminD), chart.getResults(), "oldest first, none outside the days");
        assertEquals(without.getHeight() + SeverityChart.BAND_ROW, chart.getHeight());
        // Severity 10 sits one row lower, under the squares, never on them.
        assertEquals(Double.parseDouble(without.getPoints().get(0).y()) + SeverityChart.BAND_ROW,
                Double.parseDouble(chart.getPoints().get(0).y()));
        assertTrue(Double.parseDouble(first.y()) + SeverityChart.RESULT_SIZE < Double.parseDouble(chart.getPlotTop()));
        assertTrue(chart.getSummary().contains(" 3 blood test results on 2 days (squares above the line)."),
                chart.getSummary());
        assertTrue(SeverityChart.withMarks(FROM, TO, Map.of(), List.of(), List.of(vitaminD)).getSummary()
                .equals("No entries in these 30 days. 1 blood test result on 1 day (squares above the line)."));
        assertFalse(without.getSummary().contains("blood test"));
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

    @Test
    void onPaperTheChartIsWiderAndFlatterWithTheSameDays() {
        Map<LocalDate, SeverityChart.Day> days = Map.of(FROM, SeverityChart.Day.of(0), TO, SeverityChart.Day.of(10));
        List<SeverityChart.Span> spans = List.of(new SeverityChart.Span("Vitamin B12", "supplement", FROM, null));
        List<SeverityChart.Result> results = List.of(new SeverityChart.Result(FROM.plusDays(9), "Ferritin", "12 µg/L",
                "below the range the lab printed (30–400 µg/L)"));
        SeverityChart screen = SeverityChart.withMarks(FROM, TO, days, spans, results);
        SeverityChart paper = SeverityChart.withMarks(FROM, TO, days, spans, results, SeverityChart.Layout.PAPER);
        assertEquals(600, paper.getWidth());
        // 18 + a band row and a results row of 16 + the plot's 112 + 34 for the dates
        assertEquals(196, paper.getHeight());
        assertTrue(paper.getHeight() * 480.0 / paper.getWidth() < screen.getHeight() / 2.0,
                "at the same width, less than half as tall as on screen");
        assertEquals("50.0", paper.getPlotTop(), "under the band and the results row");
        assertEquals("162.0", paper.getPlotBottom());
        assertEquals("586.0", paper.getPlotRight());
        // the band and the square in the middle of their rows: band 8 + 4, square 8 + 16 + 8 - 6
        assertEquals("12.0", paper.getBands().get(0).y());
        assertEquals("26.0", paper.getResultDays().get(0).y());
        assertEquals("A: Vitamin B12 since 1 Mar 2026", paper.getBands().get(0).getBriefDescription());
        assertEquals("10 Mar: Ferritin 12 µg/L (below)", paper.getResults().get(0).getBrief());
        assertEquals(screen.getSummary(), paper.getSummary(), "the same words");
        // the screen's drawing is as it was: the band row at 15, the results row under it
        assertEquals("15.0", screen.getBands().get(0).y());
        assertEquals(SeverityChart.HEIGHT + 2 * 22, screen.getHeight());
    }
}
