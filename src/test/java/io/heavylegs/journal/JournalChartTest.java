package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Symptom;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

/** The journal's severity chart: it follows the list's dates, shows marks and red flags, and has its table. */
@QuarkusTest
class JournalChartTest {

    private static final LocalDate TODAY = LocalDate.now();
    private static TestUser user;

    @Inject
    JournalFixtures fixtures;

    @BeforeEach
    void seedOnce() {
        if (user != null) {
            return;
        }
        user = TestUser.registered();
        // 3 days ago: chest pain (urgent) at 8 and a lighter entry at 2; 5 days ago: cramps and twitching
        // (magnesium) at 4; 10 days ago: heaviness alone at 3; 45 days ago: 6, outside the default 30 days.
        fixtures.add(user, TODAY.minusDays(3), 8, Symptom.CHEST_PAIN);
        fixtures.add(user, TODAY.minusDays(3), 2);
        fixtures.add(user, TODAY.minusDays(5), 4, Symptom.CRAMPS, Symptom.TWITCHING);
        fixtures.add(user, TODAY.minusDays(10), 3, Symptom.HEAVINESS);
        fixtures.add(user, TODAY.minusDays(45), 6, Symptom.HEAVINESS);
        // Vitamin B12 from 20 days ago, still taken; iron from 100 to 60 days ago, before the default 30 days.
        treatment(user, "Vitamin B12", TODAY.minusDays(20), "");
        treatment(user, "Iron tablets", TODAY.minusDays(100), TODAY.minusDays(60).toString());
        // Blood tests: ferritin and haemoglobin 12 days ago, vitamin D 45 days ago (outside the default 30 days).
        labResult(user, "ferritin", "12", "µg/L", "30", "400", TODAY.minusDays(12));
        labResult(user, "haemoglobin", "131", "g/L", "", "", TODAY.minusDays(12));
        labResult(user, "vitamin-d", "40", "nmol/L", "50", "", TODAY.minusDays(45));
        // Another user's day, treatment and result in the same weeks: never on this chart.
        TestUser other = TestUser.registered();
        fixtures.add(other, TODAY.minusDays(4), 10, Symptom.CHEST_PAIN);
        treatment(other, "Magnesium", TODAY.minusDays(10), "");
        labResult(other, "magnesium", "0.5", "mmol/L", "0.7", "1.0", TODAY.minusDays(6));
    }

    @Test
    void withoutDatesTheChartCoversTheLastThirtyDaysWithMarksAsShapes() {
        Document page = page("/journal");
        Map<String, String> drawn = drawn(page);
        assertEquals(Map.of(TODAY.minusDays(3).toString(), "8", TODAY.minusDays(5).toString(), "4",
                TODAY.minusDays(10).toString(), "3"), drawn);
        Element redFlag = page.selectFirst("[data-chart-day=" + TODAY.minusDays(3) + "]");
        assertEquals("polygon", redFlag.tagName());
        assertTrue(redFlag.hasAttr("data-red-flag"));
        Element marked = page.selectFirst("[data-chart-day=" + TODAY.minusDays(5) + "]");
        assertTrue(marked.hasAttr("data-marked"), "magnesium is a mark, drawn as a diamond");
        assertEquals("circle", page.selectFirst("[data-chart-day=" + TODAY.minusDays(10) + "]").tagName());
        String caption = page.selectFirst(".severity-chart__caption").text();
        assertTrue(caption.startsWith("Entries on 3 of 30 days."), caption);
        assertTrue(caption.contains("1 day has a red flag (triangle). 1 other day has a mark (diamond)."), caption);
        assertTrue(page.selectFirst("a[href=/insights]") != null, "the chart links to the insights");
    }

    @Test
    void theTableCarriesTheSameNumbersAndNamesTheMarks() {
        Document page = page("/journal");
        Map<String, String> table = new TreeMap<>();
        for (Element row : page.select("tr[data-table-day]")) {
            table.put(row.attr("data-table-day"), row.select("td").get(1).text());
        }
        assertEquals(new TreeMap<>(drawn(page)), table);
        assertEquals("Get medical help now",
                page.selectFirst("tr[data-table-day=" + TODAY.minusDays(3) + "]").select("td").get(2).text());
        assertEquals("Magnesium pattern",
                page.selectFirst("tr[data-table-day=" + TODAY.minusDays(5) + "]").select("td").get(2).text());
    }

    @Test
    void theChartFollowsTheListsDates() {
        LocalDate from = TODAY.minusDays(60);
        LocalDate to = TODAY.minusDays(4);
        Document page = page("/journal?from=" + from + "&to=" + to);
        assertEquals(Map.of(TODAY.minusDays(5).toString(), "4", TODAY.minusDays(10).toString(), "3",
                TODAY.minusDays(45).toString(), "6"), drawn(page));
        assertTrue(page.selectFirst(".severity-chart__caption").text().startsWith("Entries on 3 of 57 days."));

        // Only an end: the 30 days up to it (days 34 to 63 ago hold the entry of 45 days ago).
        Document upTo = page("/journal?to=" + TODAY.minusDays(34));
        assertEquals(Map.of(TODAY.minusDays(45).toString(), "6"), drawn(upTo));
        assertTrue(upTo.selectFirst(".severity-chart__caption").text().startsWith("Entries on 1 of 30 days."));

        // Only a start: from it to today.
        assertEquals(Set.of(TODAY.minusDays(3).toString(), TODAY.minusDays(5).toString()),
                drawn(page("/journal?from=" + TODAY.minusDays(7))).keySet());
    }

    @Test
    void aRangeLongerThanAYearIsDrawnForItsLast366Days() {
        JournalFilter tenYears = new JournalFilter(TODAY.minusYears(10), TODAY, null);
        assertEquals(List.of(TODAY.minusDays(365), TODAY), List.of(JournalResource.chartRange(tenYears, TODAY)));
        JournalFilter none = JournalFilter.NONE;
        assertEquals(List.of(TODAY.minusDays(29), TODAY), List.of(JournalResource.chartRange(none, TODAY)));
        JournalFilter future = new JournalFilter(TODAY.plusDays(3), null, MarkCode.IRON);
        assertEquals(List.of(TODAY.plusDays(3), TODAY.plusDays(3)), List.of(JournalResource.chartRange(future, TODAY)));
    }

    @Test
    void aTreatmentTakenInTheDaysIsABandNamedUnderTheChart() {
        Document page = page("/journal");
        assertEquals(1, page.select("rect[data-band]").size(), "iron ended before these days; the other user's is not here");
        Element band = page.selectFirst("rect[data-band=A]");
        // 20 days ago is day 9 of 30: x = 36 + 9 × 430 / 29 = 169.4, less 4; to today at 466, plus 4: width 304.6.
        assertEquals("165.4", band.attr("x"));
        assertEquals("304.6", band.attr("width"));
        String words = "A: Vitamin B12 (supplement), " + long_(TODAY.minusDays(20)) + " to now";
        assertEquals(words, page.selectFirst("[data-band-words=A]").text());
        assertTrue(page.selectFirst("svg.severity-chart__svg desc").text().contains("Treatment " + words + "."));

        Document earlier = page("/journal?from=" + TODAY.minusDays(120) + "&to=" + TODAY.minusDays(50));
        assertEquals("A: Iron tablets (supplement), " + long_(TODAY.minusDays(100)) + " to " + long_(TODAY.minusDays(60)),
                earlier.selectFirst("[data-band-words=A]").text());
        assertTrue(earlier.select("[data-band-words=B]").isEmpty());
    }

    @Test
    void bloodTestResultsOfTheDaysAreSquaresNamedUnderTheChartAndInTheTable() {
        Document page = page("/journal");
        // Ferritin and haemoglobin share a day: one square; vitamin D is before these days; the other user's not here.
        assertEquals(List.of(TODAY.minusDays(12).toString()),
                page.select("svg.severity-chart__svg rect[data-result-day]").eachAttr("data-result-day"));
        String day = long_(TODAY.minusDays(12));
        String ferritin = "Ferritin 12 µg/L, below the range your lab printed (30–400 µg/L)";
        assertEquals(day + ": blood test " + ferritin + "; Haemoglobin 131 g/L",
                page.selectFirst("rect[data-result-day] title").text());
        assertEquals(List.of(day + ": " + ferritin, day + ": Haemoglobin 131 g/L"),
                page.select("[data-result-words]").eachText());
        assertTrue(page.selectFirst(".severity-chart__caption").text()
                .contains("2 blood test results on 1 day (squares above the line)."));
        assertEquals(List.of(List.of(day, "Ferritin", "12 µg/L", "below the range your lab printed (30–400 µg/L)"),
                List.of(day, "Haemoglobin", "131 g/L", "no range printed")),
                page.select("tr[data-table-result]").stream().map(r -> r.select("td").eachText()).toList());
        assertTrue(page.selectFirst(".severity-chart__legend").text().contains("square above the line: a blood test result"));

        Document earlier = page("/journal?from=" + TODAY.minusDays(60) + "&to=" + TODAY.minusDays(40));
        assertEquals(List.of(long_(TODAY.minusDays(45)) + ": Vitamin D (25-hydroxy) 40 nmol/L, below the range your"
                + " lab printed (at least 50 nmol/L)"), earlier.select("[data-result-words]").eachText());
        Document none = page("/journal?from=" + TODAY.minusDays(11));
        assertTrue(none.select("[data-result-day], [data-result-words], [data-table-result]").isEmpty());
    }

    private static void labResult(TestUser owner, String test, String value, String unit, String low, String high,
            LocalDate date) {
        owner.post("/labs", Map.of("test", test, "name", "", "value", value, "unit", unit, "low", low, "high", high,
                "date", date.toString(), "notes", "")).then().statusCode(303);
    }

    private static String long_(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH));
    }

    private static void treatment(TestUser owner, String name, LocalDate started, String stopped) {
        owner.post("/treatments", Map.of("kind", "supplement", "name", name, "dose", "", "started", started.toString(),
                "stopped", stopped, "notes", "")).then().statusCode(303);
    }

    private static Map<String, String> drawn(Document page) {
        Map<String, String> days = new TreeMap<>();
        for (Element point : page.select("svg.severity-chart__svg [data-chart-day]")) {
            days.put(point.attr("data-chart-day"), point.attr("data-severity"));
        }
        return days;
    }

    private static Document page(String path) {
        return Jsoup.parse(user.get(path).then().statusCode(200).extract().asString());
    }

}
