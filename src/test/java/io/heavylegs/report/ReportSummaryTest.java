package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The report's one-page summary (issue 18) on a realistic journal: 40 days, one entry a day with ordinary notes,
 * every kind of mark among them. Run with {@code -Dreport.dump=true} to keep the PDFs in target/report-dump.
 */
@QuarkusTest
class ReportSummaryTest {

    static final LocalDate FIRST = LocalDate.of(2025, 3, 1);
    static final String RANGE = "from=2025-03-01&to=2025-04-09";
    /** The red flags of the seeded journal: date, what shows it in the words of the report. */
    static final LocalDate CALF_PAIN = FIRST.plusDays(9);
    static final LocalDate LEFT_LEG = FIRST.plusDays(19);
    static final LocalDate CHEST_PAIN = FIRST.plusDays(34);

    private static TestUser patient;

    @BeforeEach
    void seedOnce() {
        if (patient != null) {
            return;
        }
        patient = TestUser.registered();
        patient.post("/account/profile", Map.of("name", "Maria Jonsdóttir", "birthDate", "1979-05-17",
                "timeZone", "Europe/London")).then().statusCode(303);
        seedFortyDays(patient);
        patient.post("/treatments", Map.of("kind", "supplement", "name", "Vitamin B12", "dose", "1000 µg a day",
                "started", "2025-02-01")).then().statusCode(303);
        patient.post("/treatments", Map.of("kind", "medicine", "name", "Magnesium citrate", "dose", "",
                "started", "2024-12-01", "stopped", "2025-03-20")).then().statusCode(303);
        patient.post("/treatments", Map.of("kind", "medicine", "name", "Ibuprofen", "started", "2024-01-01",
                "stopped", "2024-06-01")).then().statusCode(303);
    }

    /** 40 days of entries, one a day, with notes of everyday length, and each kind of mark on some of them. */
    static void seedFortyDays(TestUser user) {
        String[] notes = {
            "Long day at work, legs felt heavy by the evening.",
            "Walked to the shops and back; needed to sit down twice on the way home.",
            "Slept badly. Cramps in the left calf at night, woke up at 3.",
            "",
            "Better morning. By the afternoon the heaviness came back, especially on the stairs at the station.",
            "Rest day.",
            "Tingling in both feet after sitting for a long time, went away after a short walk.",
        };
        for (int day = 0; day < 40; day++) {
            LocalDate date = FIRST.plusDays(day);
            List<String> symptoms = new ArrayList<>(List.of("heaviness"));
            List<String> factors = new ArrayList<>();
            String side = "";
            int severity = 3 + day % 5;
            switch (day) {
                case 2 -> symptoms.addAll(List.of("cramps", "twitching")); // magnesium
                case 4 -> {
                    symptoms.addAll(List.of("pale-skin", "fatigue")); // iron
                    factors.add("heavy-periods");
                }
                case 6 -> symptoms.addAll(List.of("numbness", "tingling")); // vitamin B12
                case 9 -> symptoms.add("calf-pain-walking"); // see-doctor
                case 13 -> {
                    symptoms.addAll(List.of("bone-pain", "weakness")); // vitamin D
                    factors.add("low-sunlight");
                }
                case 16 -> {
                    symptoms.add("cramps"); // dehydration (and magnesium)
                    factors.add("low-fluids");
                }
                case 19 -> {
                    symptoms.add("swelling"); // urgent: one leg
                    side = "left";
                    severity = 8;
                }
                case 34 -> {
                    symptoms.add("chest-pain"); // urgent: emergency
                    severity = 9;
                }
                default -> {
                }
            }
            if (day >= 21 && day <= 29) {
                symptoms.clear(); // a gap: the first run of persistent symptoms ends, a second one starts later
            }
            logEntry(user, date.toString(), day % 3 == 0 ? "" : "20:15", severity, side, symptoms, factors,
                    notes[day % notes.length]);
        }
    }

    @Test
    void theSummaryReadsInTheIssuesOrder() {
        String page = patient.get("/report?" + RANGE).then().statusCode(200).extract().asString();
        List<String> order = List.of("who", "red-flags", "findings", "treatments", "chart", "symptoms", "discuss",
                "entries");
        int previous = -1;
        for (String section : order) {
            int at = page.indexOf("data-section=\"" + section + "\"");
            assertTrue(at > previous, section + " should come after the section before it (at " + at + ")");
            previous = at;
        }
        assertTrue(page.contains("Maria Jonsdóttir"), "the patient's name from the profile");
        assertTrue(page.contains("born <span class=\"report-date\">Thu 17 May 1979</span>"), "the date of birth");
        assertTrue(page.contains("data-report-range=\"2025-03-01/2025-04-09\""));
    }

    @Test
    void redFlagsListEveryCareEntryWithWhatWasRecordedAndTheAdvice() {
        String page = patient.get("/report?" + RANGE).then().statusCode(200).extract().asString();
        String flags = between(page, "data-section=\"red-flags\"", "data-section=\"findings\"");

        assertEquals(3, count(flags, "data-red-flag="), flags);
        // urgent first (the most recent first), then see-doctor
        int leftLeg = flags.indexOf("data-red-flag=\"" + LEFT_LEG + "\"");
        int chest = flags.indexOf("data-red-flag=\"" + CHEST_PAIN + "\"");
        int calf = flags.indexOf("data-red-flag=\"" + CALF_PAIN + "\"");
        assertTrue(chest > 0 && leftLeg > chest && calf > leftLeg, flags);
        assertTrue(flags.contains("<strong>Left leg</strong>"), "the side is named");
        assertTrue(flags.contains("Swelling of your left leg can be a sign of a blood clot"), "the entry's own reason");
        assertTrue(flags.contains("Call emergency services now"), "chest pain: emergency services");
        assertTrue(flags.contains("Book a routine appointment"), "calf pain: see a doctor");
        assertTrue(flags.contains("data-mark=\"urgent\"") && flags.contains("data-mark=\"see-doctor\""));
        assertTrue(flags.contains("href=\"/articles/when-to-see-a-doctor\""));
    }

    @Test
    void keyFindingsNameEachPatternTheRunsAndTheSevereDays() {
        String page = patient.get("/report?" + RANGE).then().statusCode(200).extract().asString();
        String findings = between(page, "data-section=\"findings\"", "data-section=\"chart\"");

        for (String pattern : List.of("iron", "vitamin-d", "vitamin-b12", "magnesium", "dehydration")) {
            assertTrue(findings.contains("data-mark=\"" + pattern + "\" data-finding=\"pattern\""), pattern);
        }
        assertFalse(findings.contains("data-mark=\"urgent\""), "care marks are red flags, not findings");
        // symptoms every day from 1 March: the run starts on the 7th day and lasts until the gap empties the window
        assertTrue(findings.contains("data-finding=\"run\"><strong><span aria-hidden=\"true\">↻</span> Persistent "
                + "symptoms</strong>: "), findings);
        assertEquals(2, count(findings, "data-finding=\"run\""), findings);
        assertTrue(findings.contains("<span class=\"report-date\">Fri 7 Mar 2025</span>"), findings);
        assertTrue(findings.contains("(still going at the end of the range)"), findings);
        assertTrue(findings.contains("data-finding=\"severe\""), findings);
        assertTrue(findings.contains("Thu 20 Mar 2025 (8)") && findings.contains("Fri 4 Apr 2025 (9)"), findings);
        assertTrue(findings.contains("Heavy menstrual bleeding (1 day)"), findings);
    }

    @Test
    void listsWhatThePatientTookDuringTheRangeCurrentFirst() {
        String page = patient.get("/report?" + RANGE).then().statusCode(200).extract().asString();
        String taken = between(page, "data-section=\"treatments\"", "data-section=\"chart\"");
        int b12 = taken.indexOf("<strong>Vitamin B12</strong> · 1000 µg a day");
        int magnesium = taken.indexOf("<strong>Magnesium citrate</strong>");
        assertTrue(b12 > 0 && magnesium > b12, "the current supplement before the stopped medicine: " + taken);
        assertTrue(taken.contains("since <span class=\"report-date\">Sat 1 Feb 2025</span>"), taken);
        assertTrue(taken.contains("to <span class=\"report-date\">Thu 20 Mar 2025</span>, stopped"), taken);
        assertFalse(taken.contains("Ibuprofen"), "stopped before the range: " + taken);
    }

    @Test
    void theRedFlagsAreOnPageOneOfThePdfAndTheAppendixStartsAfterIt() throws IOException {
        byte[] pdf = pdf("/report.pdf?" + RANGE, "forty-entries");
        String first = pageText(pdf, 1, 1);
        assertTrue(first.contains("Red flags"), first);
        assertTrue(first.contains("Thu 20 Mar 2025") && first.contains("Fri 4 Apr 2025")
                && first.contains("Mon 10 Mar 2025"), "every red flag's date on page 1: " + first);
        assertTrue(first.contains("Left leg"), first);
        assertTrue(first.contains("Call emergency services now"), first);
        assertTrue(first.contains("Maria Jonsdóttir"), first);
        assertTrue(first.contains("Vitamin B12 · 1000 µg a day"), first);
        assertTrue(first.contains("Tests and questions to discuss"), "the whole summary on page 1: " + first);
        assertFalse(first.contains("Appendix"), "page 1 is the summary alone: " + first);
        assertTrue(first.contains("page 1 of"), first);
        assertTrue(first.contains("Self-reported by the patient — not a diagnosis"), first);
        assertTrue(pageText(pdf, 2, 2).contains("Appendix: all entries (40)"));
    }

    @Test
    void fortyEntriesFitOnThreePages() throws IOException {
        byte[] pdf = pdf("/report.pdf?" + RANGE, "forty-entries");
        int pages = pages(pdf);
        assertTrue(pages <= 3, "40 entries took " + pages + " pages");
        String all = pageText(pdf, 1, pages);
        assertTrue(all.contains("page " + pages + " of " + pages), all);
        assertTrue(all.contains("Tingling in both feet after sitting for a long time, went away after a short walk."),
                "notes in full");
    }

    @Test
    void entriesNoneLeavesTheAppendixOut() throws IOException {
        String page = patient.get("/report?" + RANGE + "&entries=none").then().statusCode(200).extract().asString();
        assertFalse(page.contains("data-section=\"entries\""));
        assertFalse(page.contains("Appendix"));
        assertTrue(page.contains("data-section=\"red-flags\""));
        assertTrue(page.contains("<option value=\"none\" selected>"), "the choice is kept in the form");
        assertTrue(page.contains("href=\"/report.pdf?" + RANGE.replace("&", "&amp;") + "&amp;entries=none\""),
                "the PDF link keeps the choice");

        byte[] pdf = pdf("/report.pdf?" + RANGE + "&entries=none", "summary-only");
        assertEquals(1, pages(pdf));
        assertFalse(pageText(pdf, 1, 1).contains("Appendix"));
    }

    @Test
    void refusesAnUnknownEntriesChoiceNextToItsField() {
        patient.get("/report?" + RANGE + "&entries=some").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("data-error-for=\"entries\""));
    }

    @Test
    void theDefaultRangeStartsAtTheFirstEntryWhenThatIsLater() {
        TestUser newcomer = TestUser.registered();
        LocalDate today = LocalDate.now();
        newcomer.get("/report").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "data-report-range=\"" + today.minusDays(89) + "/" + today + "\""));
        LocalDate first = today.minusDays(12);
        logEntry(newcomer, first.toString(), "", 4, "", List.of("heaviness"), List.of(), "");
        logEntry(newcomer, today.minusDays(3).toString(), "", 5, "", List.of("heaviness"), List.of(), "");
        newcomer.get("/report").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("data-report-range=\"" + first + "/" + today + "\""))
                .body(org.hamcrest.Matchers.containsString("value=\"" + first + "\""));
        // an entry older than 90 days: the last 90 days again
        logEntry(newcomer, today.minusDays(200).toString(), "", 2, "", List.of(), List.of(), "");
        newcomer.get("/report").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "data-report-range=\"" + today.minusDays(89) + "/" + today + "\""));
    }

    @Test
    void aReportWithoutProfileNamesNobody() {
        TestUser unnamed = TestUser.registered();
        logEntry(unnamed, "2025-03-02", "", 4, "", List.of("heaviness"), List.of(), "");
        String page = unnamed.get("/report?" + RANGE).then().statusCode(200).extract().asString();
        assertFalse(page.contains("data-patient"));
        assertFalse(page.contains("data-section=\"red-flags\""), "no red flag, no section");
        assertFalse(page.contains("data-section=\"discuss\""), "no mark, nothing to discuss");
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

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** The text of pages {@code from} to {@code to}, in reading order, line breaks as spaces. */
    static String pageText(byte[] pdf, int from, int to) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        int to = page.indexOf(end, from);
        assertTrue(from >= 0 && to > from, start + " then " + end);
        return page.substring(from, to);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Posts the journal form as a browser does, in UTF-8. */
    static void logEntry(TestUser user, String date, String time, int severity, String side, List<String> symptoms,
            List<String> factors, String notes) {
        String token = user.csrfToken();
        RequestSpecification form = user.request()
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", token)
                .formParam("date", date).formParam("time", time).formParam("severity", severity)
                .formParam("side", side).formParam("notes", notes);
        symptoms.forEach(code -> form.formParam("symptoms", code));
        factors.forEach(code -> form.formParam("factors", code));
        form.post("/journal").then().log().ifValidationFails().statusCode(303);
    }
}
