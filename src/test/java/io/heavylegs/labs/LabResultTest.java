package io.heavylegs.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The range words and the grouping, without a container: they are plain functions of the stored values. */
class LabResultTest {

    private static long ids = 1;

    static LabResult result(LabTest test, String value, String unit, String low, String high, LocalDate date) {
        LabResult result = new LabResult();
        result.id = ids++;
        result.apply(new LabValues(test, test == LabTest.OTHER ? "Vitamin B6" : null, new BigDecimal(value), unit,
                low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high), date, null));
        return result;
    }

    private static Optional<RangePosition> position(String value, String low, String high) {
        return result(LabTest.FERRITIN, value, "µg/L", low, high, LocalDate.of(2026, 10, 2)).position();
    }

    @Test
    void equalToEitherLimitIsWithin() {
        assertEquals(Optional.of(RangePosition.WITHIN), position("30", "30", "400"));
        assertEquals(Optional.of(RangePosition.WITHIN), position("400", "30", "400"));
        assertEquals(Optional.of(RangePosition.WITHIN), position("30.0", "30", "400"), "30.0 is 30");
    }

    @Test
    void justOutsideIsBelowOrAbove() {
        assertEquals(Optional.of(RangePosition.BELOW), position("29.99", "30", "400"));
        assertEquals(Optional.of(RangePosition.ABOVE), position("400.01", "30", "400"));
        assertEquals(Optional.of(RangePosition.BELOW), position("0", "30", "400"));
    }

    @Test
    void oneLimitJudgesOnlyThatLimit() {
        assertEquals(Optional.of(RangePosition.BELOW), position("20", "30", null));
        assertEquals(Optional.of(RangePosition.WITHIN), position("900", "30", null));
        assertEquals(Optional.of(RangePosition.ABOVE), position("6", null, "5"));
        assertEquals(Optional.of(RangePosition.WITHIN), position("5", null, "5"));
    }

    @Test
    void withoutARangeNothingIsSaid() {
        LabResult result = result(LabTest.FERRITIN, "12", "µg/L", null, null, LocalDate.of(2026, 10, 2));
        assertEquals(Optional.empty(), result.position());
        assertNull(result.rangeText());
        assertEquals("Your ferritin on 2 Oct 2026 was 12 µg/L", result.sentence());
    }

    @Test
    void theSentenceNamesValueDateAndTheLabsRange() {
        assertEquals("Your ferritin on 2 Oct 2026 was 12 µg/L \u2014 below the range your lab printed (30\u2013400 µg/L)",
                result(LabTest.FERRITIN, "12", "µg/L", "30", "400", LocalDate.of(2026, 10, 2)).sentence());
        assertEquals("Your B12 on 3 Sep 2026 was 250.0 ng/L \u2014 within the range your lab printed (at least 180 ng/L)",
                result(LabTest.VITAMIN_B12, "250.0", "ng/L", "180", null, LocalDate.of(2026, 9, 3)).sentence());
    }

    @Test
    void groupsByTestNewestFirstAndKeepsOtherUnitsOffTheLine() {
        LabResult oldFerritin = result(LabTest.FERRITIN, "30", "nmol/L", null, null, LocalDate.of(2026, 6, 1));
        LabResult ferritin1 = result(LabTest.FERRITIN, "12", "µg/L", "30", "400", LocalDate.of(2026, 9, 1));
        LabResult b12 = result(LabTest.VITAMIN_B12, "150", "ng/L", "180", "900", LocalDate.of(2026, 9, 20));
        LabResult ferritin2 = result(LabTest.FERRITIN, "45", "µg/L", "30", "400", LocalDate.of(2026, 10, 13));
        List<LabGroup> groups = LabGroup.of(List.of(oldFerritin, b12, ferritin1, ferritin2));

        assertEquals(2, groups.size());
        LabGroup ferritin = groups.get(0);
        assertEquals(LabTest.FERRITIN, ferritin.test(), "the group with the newest result first");
        assertEquals(List.of(ferritin2, ferritin1, oldFerritin), ferritin.results(), "newest first");
        assertEquals(List.of(oldFerritin), ferritin.otherUnits());
        assertEquals(2, ferritin.chart().getPoints().size(), "only the latest unit is drawn");
        assertFalse(ferritin.chart().getLine().contains(";"));
        assertEquals(1, ferritin.chart().getLine().split(" ").length - 1, "one segment joins the two µg/L results");
        assertTrue(ferritin.chart().getSummary().contains("12 on 1 Sep 2026, 45 on 13 Oct 2026"),
                ferritin.chart().getSummary());
        assertFalse(ferritin.chart().getSummary().contains("30 on 1 Jun 2026"), "nmol/L is not on the µg/L line");
        assertEquals("30\u2013400 µg/L", ferritin.chart().getBand().text());
        assertEquals(LabTest.VITAMIN_B12, groups.get(1).test());
        assertNull(groups.get(1).chart().getLine(), "one result has nothing to join");
    }

    @Test
    void theChartPlacesTheBandAroundTheValuesItHolds() {
        LabResult low = result(LabTest.FERRITIN, "12", "µg/L", "30", "400", LocalDate.of(2026, 9, 1));
        LabResult high = result(LabTest.FERRITIN, "45", "µg/L", "30", "400", LocalDate.of(2026, 10, 13));
        LabChart chart = LabGroup.of(List.of(low, high)).get(0).chart();
        double bandTop = Double.parseDouble(chart.getBand().y());
        double bandBottom = bandTop + Double.parseDouble(chart.getBand().height());
        double y12 = Double.parseDouble(chart.getPoints().get(0).y());
        double y45 = Double.parseDouble(chart.getPoints().get(1).y());
        assertTrue(y12 > bandBottom, "12 is drawn under the band that starts at 30");
        assertTrue(y45 < bandBottom && y45 > bandTop, "45 is drawn inside the band");
        assertTrue(Double.parseDouble(chart.getPoints().get(0).x()) < Double.parseDouble(chart.getPoints().get(1).x()));
    }

    @Test
    void anotherTestIsGroupedByItsName() {
        LabResult b6 = result(LabTest.OTHER, "40", "nmol/L", null, null, LocalDate.of(2026, 9, 1));
        LabResult b6Again = result(LabTest.OTHER, "60", "nmol/L", null, null, LocalDate.of(2026, 10, 1));
        b6Again.name = "vitamin b6 ";
        LabResult zinc = result(LabTest.OTHER, "11", "µmol/L", null, null, LocalDate.of(2026, 10, 2));
        zinc.name = "Zinc";
        List<LabGroup> groups = LabGroup.of(List.of(b6, b6Again, zinc));
        assertEquals(2, groups.size());
        assertEquals("Zinc", groups.get(0).title());
        assertEquals(2, groups.get(1).results().size());
    }
}
