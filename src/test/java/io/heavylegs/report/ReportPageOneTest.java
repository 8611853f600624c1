package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Page 1 of the report stays one page on a heavy journal (issue 18: who, what is worrying, what is taken and what
 * was measured): 45 days with 12 red flags, 5 treatments and 6 blood tests. The summary names the 5 most recent
 * urgent flags and says how many more follow on page 2; the latest result of each test carries the lab's range in
 * words; the chart shows the treatments and the results. Run with {@code -Dreport.dump=true} to keep the PDFs in
 * target/report-dump.
 */
@QuarkusTest
class ReportPageOneTest {

    static final LocalDate FIRST = LocalDate.of(2025, 5, 1);
    static final String RANGE = "from=2025-05-01&to=2025-06-14";
    /** The 12 red-flag days: chest pain, one swollen leg (both urgent) and calf pain when walking (see a doctor). */
    static final List<Integer> CHEST_PAIN_DAYS = List.of(2, 14, 26, 38);
    static final List<Integer> SWOLLEN_LEG_DAYS = List.of(5, 17, 29, 41);
    static final List<Integer> CALF_PAIN_DAYS = List.of(8, 20, 32, 44);

    private static TestUser patient;

    @BeforeEach
    void seedOnce() {
        if (patient != null) {
            return;
        }
        patient = TestUser.registered();
        patient.post("/account/profile", Map.of("name", "Aoife Brennan", "birthDate", "1968-11-02",
                "timeZone", "Europe/Dublin")).then().statusCode(303);
        for (int day = 0; day < 45; day++) {
            List<String> symptoms = new ArrayList<>(List.of("heaviness"));
            String side = "";
            int severity = 3 + day % 4;
            if (CHEST_PAIN_DAYS.contains(day)) {
                symptoms.add("chest-pain");
                severity = 8;
            } else if (SWOLLEN_LEG_DAYS.contains(day)) {
                symptoms.add("swelling");
                side = "right";
                severity = 7;
            } else if (CALF_PAIN_DAYS.contains(day)) {
                symptoms.add("calf-pain-walking");
            } else if (day % 9 == 3) {
                symptoms.addAll(List.of("cramps", "twitching"));
            }
            ReportSummaryTest.logEntry(patient, FIRST.plusDays(day).toString(), day % 2 == 0 ? "21:00" : "", severity,
                    side, symptoms, List.of(), "Legs heavy after the late shift, put them up for an hour.");
        }
        treatment("supplement", "Vitamin B12", "1000 µg a day", "2025-03-01", "");
        treatment("supplement", "Iron bisglycinate", "28 mg every other day", "2025-05-20", "");
        treatment("supplement", "Magnesium citrate", "300 mg", "2025-02-01", "2025-05-15");
        treatment("supplement", "Vitamin D3", "25 µg a day", "2025-06-01", "");
        treatment("medicine", "Metformin", "500 mg twice a day", "2021-09-01", "");
        result("ferritin", "12", "µg/L", "30", "400", "2025-05-10");
        result("ferritin", "25", "µg/L", "30", "400", "2025-06-05");
        result("ferritin", "60", "µg/L", "30", "400", "2025-07-01"); // after the range: never in this report
        result("haemoglobin", "118", "g/L", "115", "165", "2025-05-10");
        result("tsh", "2.1", "mU/L", "", "", "2025-05-10");
        result("vitamin-d", "32", "nmol/L", "50", "175", "2025-05-20");
        result("vitamin-b12", "450", "ng/L", "180", "900", "2025-06-05");
        result("magnesium", "1.2", "mmol/L", "0.7", "1.0", "2025-06-05");
    }

    @Test
    void pageOneOfThePdfHoldsTheWholeSummaryAndTheOtherRedFlagsFollowOnPageTwo() throws IOException {
        byte[] pdf = pdf("/report.pdf?" + RANGE, "page-one-heavy");
        String first = ReportSummaryTest.pageText(pdf, 1, 1);
        // who
        assertTrue(first.contains("Aoife Brennan"), first);
        // what is worrying: the five most recent urgent flags, and how many more
        assertTrue(first.contains("Red flags: 12 entries to ask about first"), first);
        for (int day : List.of(41, 38, 29, 26, 17)) {
            assertTrue(first.contains(flagHead(day)), date(day) + " is among the 5 on page 1: " + first);
        }
        for (int day : List.of(14, 5, 2, 44, 32, 20, 8)) {
            assertFalse(first.contains(flagHead(day)), date(day) + " is listed on page 2, not page 1: " + first);
        }
        assertTrue(first.contains("and 7 more, listed on page 2."), first);
        // what is taken
        for (String name : List.of("Vitamin B12", "Iron bisglycinate", "Magnesium citrate", "Vitamin D3", "Metformin")) {
            assertTrue(first.contains(name), name + ": " + first);
        }
        // what was measured
        assertTrue(first.contains("Latest blood test results"), first);
        assertTrue(first.contains("Ferritin 25 µg/L"), "the latest ferritin of the range: " + first);
        assertTrue(first.contains("below 30–400 µg/L"), first);
        assertTrue(first.contains("above 0.7–1.0 mmol/L"), first);
        assertTrue(first.contains("within 115–165 g/L"), first);
        assertTrue(first.contains("no range printed"), "TSH without a range: " + first);
        assertFalse(first.contains("60 µg/L"), "a result after the range: " + first);
        // the rest of the summary, and nothing else
        assertTrue(first.contains("Severity over the range"), first);
        assertTrue(first.contains("Symptom frequency"), first);
        assertTrue(first.contains("Tests and questions to discuss"), "the whole summary on page 1: " + first);
        assertFalse(first.contains("Continued from the summary"), first);
        assertFalse(first.contains("Appendix"), first);
        assertTrue(first.contains("page 1 of"), first);

        String second = ReportSummaryTest.pageText(pdf, 2, 2);
        assertTrue(second.startsWith("Self-reported by the patient — not a diagnosis Continued from the summary")
                || second.contains("Continued from the summary"), second);
        assertTrue(second.contains("The other 7 red flags"), second);
        for (int day : List.of(14, 5, 2, 44, 32, 20, 8)) {
            assertTrue(second.contains(flagHead(day)), date(day) + " on page 2: " + second);
        }
    }

    @Test
    void theSummaryOnlyPdfIsThePageAndItsContinuation() throws IOException {
        byte[] pdf = pdf("/report.pdf?" + RANGE + "&entries=none", "page-one-heavy-summary-only");
        assertEquals(2, ReportSummaryTest.pages(pdf));
        assertTrue(ReportSummaryTest.pageText(pdf, 1, 1).contains("Tests and questions to discuss"));
        String second = ReportSummaryTest.pageText(pdf, 2, 2);
        assertTrue(second.contains("The other 7 red flags"), second);
        assertFalse(second.contains("Appendix"), second);
    }

    @Test
    void theHtmlSummaryListsTheLatestResultOfEachTestInTheLabsWords() {
        Document page = Jsoup.parse(patient.get("/report?" + RANGE).then().statusCode(200).extract().asString());
        Element results = page.selectFirst("[data-section=results]");
        assertNotNull(results, "a results section");
        // most recent first; on the same day, as the results page orders them (the last recorded first)
        assertEquals(List.of("Magnesium", "Vitamin B12", "Ferritin", "Vitamin D (25-hydroxy)", "TSH (thyroid)",
                "Haemoglobin"), results.select("tr[data-result]").eachAttr("data-result"));
        Element ferritin = results.selectFirst("tr[data-result=Ferritin]");
        assertEquals("below", ferritin.attr("data-position"));
        assertEquals("Ferritin 25 µg/L Thu 5 Jun 2025 below 30–400 µg/L", ferritin.text());
        assertEquals("TSH (thyroid) 2.1 mU/L Sat 10 May 2025 no range printed",
                results.selectFirst("tr[data-result=TSH (thyroid)]").text());
        assertFalse(results.selectFirst("tr[data-result=TSH (thyroid)]").hasAttr("data-position"));
        assertFalse(results.text().contains("60 µg/L"), "after the range");
        // the summary's order: what is taken, then what was measured, then the chart
        String html = page.html();
        assertTrue(html.indexOf("data-section=\"treatments\"") < html.indexOf("data-section=\"results\"")
                && html.indexOf("data-section=\"results\"") < html.indexOf("data-section=\"chart\""));
        // the bounded lists point to the rest
        assertEquals("7", page.selectFirst("[data-more-red-flags]").attr("data-more-red-flags"));
        assertEquals(5, page.select("[data-section=red-flags] [data-red-flag]").size());
        assertEquals(7, page.select("[data-section=more-red-flags] [data-red-flag]").size());
        assertEquals("#continued", page.selectFirst("[data-more-red-flags] a").attr("href"));
    }

    @Test
    void theReportChartShowsTheTreatmentsTheResultsAndTheRedFlags() {
        Document page = Jsoup.parse(patient.get("/report?" + RANGE).then().statusCode(200).extract().asString());
        Element chart = page.selectFirst("#report-chart-title").closest("figure");
        // five treatments taken in the range: four bands in the order of the list beside the chart (current ones,
        // the latest started first), and the fifth, stopped during the range, counted
        assertEquals(List.of("A", "B", "C", "D"), chart.select("rect[data-band]").eachAttr("data-band"));
        assertEquals("A: Vitamin D3 (supplement), 1 June 2025 to now", chart.selectFirst("[data-band-words=A]").text());
        assertTrue(chart.selectFirst("[data-band-words=D]").text().startsWith("D: Metformin (medicine)"));
        assertTrue(chart.text().contains("and 1 more"), chart.text());
        // the results of the range: one square per day of blood tests, in date order, each named in the lab's words
        assertEquals(List.of("2025-05-10", "2025-05-20", "2025-06-05"),
                chart.select("rect[data-result-day]").eachAttr("data-result-day"));
        assertEquals(List.of("10 May 2025: Ferritin 12 µg/L, below the range the lab printed (30–400 µg/L)",
                "10 May 2025: Haemoglobin 118 g/L, within the range the lab printed (115–165 g/L)",
                "10 May 2025: TSH (thyroid) 2.1 mU/L"),
                chart.select("[data-result-words=2025-05-10]").eachText());
        // the red-flag days are triangles, as on the journal's chart
        assertEquals(12, chart.select("polygon[data-red-flag]").size(), "every urgent and see-doctor day");
    }

    private static LocalDate date(int day) {
        return FIRST.plusDays(day);
    }

    /** How a red flag's first line names its day: "Sun 11 May 2025 21:00 · severity" (even days have a time). */
    private static String flagHead(int day) {
        return io.heavylegs.web.Formats.shortDate(date(day)) + (day % 2 == 0 ? " 21:00" : "") + " · severity";
    }

    private static void treatment(String kind, String name, String dose, String started, String stopped) {
        patient.post("/treatments", Map.of("kind", kind, "name", name, "dose", dose, "started", started,
                "stopped", stopped)).then().statusCode(303);
    }

    private static void result(String test, String value, String unit, String low, String high, String date) {
        Map<String, String> form = new HashMap<>(Map.of("test", test, "value", value, "unit", unit, "low", low,
                "high", high, "date", date));
        patient.post("/labs", form).then().statusCode(303);
    }

    private static byte[] pdf(String path, String name) throws IOException {
        Response response = patient.get(path);
        response.then().statusCode(200).contentType("application/pdf");
        byte[] pdf = response.asByteArray();
        if (Boolean.getBoolean("report.dump")) {
            Path dir = Path.of("target", "report-dump");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".pdf"), pdf);
        }
        return pdf;
    }
}
