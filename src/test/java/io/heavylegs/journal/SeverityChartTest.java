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
    void resultsAreNumberedSquaresUnderThePlotOneADayAndCloseDaysShareOne() {
        SeverityChart chart = SeverityChart.withMarks(FROM, TO, Map.of(FROM, SeverityChart.Day.of(4)), List.of(),
                List.of(new SeverityChart.Reading(FROM.plusDays(9), "Ferritin 12 µg/L", "Ferritin 12 µg/L (below)"),
                        new SeverityChart.Reading(FROM.plusDays(9), "Haemoglobin 118 g/L"),
                        // one day later is 15 units further: too close to draw apart, so it joins square 1
                        new SeverityChart.Reading(FROM.plusDays(10), "B12 450 ng/L"),
                        new SeverityChart.Reading(FROM.plusDays(20), "Vitamin D 32 nmol/L"),
                        new SeverityChart.Reading(FROM.minusDays(1), "Outside the range"),
                        new SeverityChart.Reading(TO.plusDays(1), "Outside the range")));
        assertEquals(List.of("1", "2"), chart.getResults().stream().map(SeverityChart.ResultMarker::number).toList());
        SeverityChart.ResultMarker first = chart.getResults().get(0);
        assertEquals("1: 10 March 2026: Ferritin 12 µg/L; Haemoglobin 118 g/L; 11 March 2026: B12 450 ng/L",
                first.getDescription());
        assertEquals("1: 10 Mar: Ferritin 12 µg/L (below), Haemoglobin 118 g/L; 11 Mar: B12 450 ng/L",
                first.getBriefDescription());
        // day 9 of 30 at 36 + 9 × 430/29 = 169.4; the square (18 units) centred under it, 4 below the baseline
        assertEquals("169.4", first.x());
        assertEquals("160.4", first.squareX());
        assertEquals("240.0", first.squareY());
        assertEquals(SeverityChart.HEIGHT + 26, chart.getHeight(), "a row for the squares");
        assertEquals(String.valueOf(SeverityChart.HEIGHT + 26 - 18) + ".0", chart.getDateTicks().get(0).y(),
                "the dates move under the squares");
        assertTrue(chart.getSummary().endsWith(" Blood test 2: 21 March 2026: Vitamin D 32 nmol/L."),
                chart.getSummary());
        assertEquals(0, chart.getMoreResults());
        assertEquals(SeverityChart.HEIGHT, SeverityChart.of(FROM, TO, Map.of()).getHeight(), "no results, no row");
    }

    @Test
    void drawsAtMostNineSquaresAndCountsTheResultsLeftOut() {
        List<SeverityChart.Reading> readings = new java.util.ArrayList<>();
        for (int day = 0; day < 30; day += 3) {
            readings.add(new SeverityChart.Reading(FROM.plusDays(day), "TSH 2." + day + " mU/L"));
        }
        readings.add(new SeverityChart.Reading(TO, "TSH 3 mU/L"));
        SeverityChart chart = SeverityChart.withMarks(FROM, TO, Map.of(), List.of(), readings);
        assertEquals(9, chart.getResults().size());
        assertEquals(2, chart.getMoreResults());
        // the last square drawn at the range's end stays inside the drawing
        SeverityChart.ResultMarker last = SeverityChart.withMarks(FROM, TO, Map.of(), List.of(),
                List.of(new SeverityChart.Reading(TO, "TSH 3 mU/L"))).getResults().get(0);
        assertEquals("466.0", last.x());
        assertEquals("457.0", last.squareX());
    }

    @Test
    void onPaperTheChartIsWiderAndFlatterWithTheSameDays() {
        Map<LocalDate, SeverityChart.Day> days = Map.of(FROM, SeverityChart.Day.of(0), TO, SeverityChart.Day.of(10));
        List<SeverityChart.Span> spans = List.of(new SeverityChart.Span("Vitamin B12", "supplement", FROM, null));
        SeverityChart screen = SeverityChart.withMarks(FROM, TO, days, spans, List.of());
        SeverityChart paper = SeverityChart.withMarks(FROM, TO, days, spans, List.of(),
                SeverityChart.Layout.PAPER);
        assertEquals(600, paper.getWidth());
        // 18 + one band row of 16 + the plot's 112 + 34 for the dates
        assertEquals(180, paper.getHeight());
        assertTrue(paper.getHeight() * 480.0 / paper.getWidth() < screen.getHeight() / 2.0,
                "at the same width, less than half as tall as on screen");
        assertEquals("34.0", paper.getPlotTop(), "under the band, with room for its letter");
        assertEquals("146.0", paper.getPlotBottom());
        assertEquals("586.0", paper.getPlotRight());
        assertEquals("A: Vitamin B12 since 1 Mar 2026", paper.getBands().get(0).getBriefDescription());
        assertEquals(screen.getSummary(), paper.getSummary(), "the same words");
    }
}
