package io.heavylegs.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.heavylegs.codes.MarkCode;
import io.heavylegs.marks.MarkExplanations;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ReportResourceTest {

    private static final String JANUARY = "from=2025-01-01&to=2025-01-31";
    private static final String OTHER_USERS_NOTE = "Only the other user wrote this";

    private static TestUser patient;

    @Inject
    PdfPermits pdfPermits;

    @Inject
    HeavyLegsConfig config;

    /** Seeded once over HTTP (RestAssured knows the test port only from the first test on). */
    @BeforeEach
    void seedOnce() {
        if (patient != null) {
            return;
        }
        patient = TestUser.registered();
        // Pale skin + restless legs + tiredness: iron; chest pain: urgent.
        logEntry(patient, "2025-01-03", "08:15", 8, List.of("pale-skin", "restless-legs", "fatigue"),
                List.of("heavy-periods"), "Müdigkeit, 疲労");
        logEntry(patient, "2025-01-03", "21:00", 4, List.of("heaviness"), List.of(), "=HYPERLINK(\"x\")");
        logEntry(patient, "2025-01-10", "", 7, List.of("chest-pain", "pale-skin", "restless-legs"), List.of(),
                "Short of breath on the stairs");
        logEntry(patient, "2025-01-20", "12:00", 1, List.of(), List.of("low-sunlight"), "");
        logEntry(patient, "2025-02-15", "09:00", 9, List.of("swelling"), List.of(), "February, outside January");

        TestUser other = TestUser.registered();
        logEntry(other, "2025-01-05", "10:00", 10, List.of("numbness", "tingling", "balance"), List.of(),
                OTHER_USERS_NOTE);
    }

    @Test
    void showsTheFiguresOfTheRange() {
        String page = patient.get("/report?" + JANUARY).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();

        assertFigure(page, "days-in-range", "31");
        assertFigure(page, "days-with-entries", "3");
        assertFigure(page, "entries", "4");
        assertFigure(page, "average-severity", "5.0");
        assertFigure(page, "highest-severity", "8");
        assertFigure(page, "severe-days", "2");
        assertTrue(page.contains("Symptom report — prepared by the patient"));
        assertTrue(page.contains("Self-reported by the patient — not a diagnosis"));
        assertTrue(page.contains("marking rules version 2"));
        assertTrue(page.contains("class=\"severity-chart\""), "the journal's chart");
        assertFalse(page.contains("February, outside January"));
    }

    @Test
    void listsMarksUrgentFirstWithTestsToDiscuss() {
        String page = patient.get("/report?" + JANUARY).then().statusCode(200).extract().asString();

        int urgent = page.indexOf("data-mark=\"urgent\" data-red-flag=\"2025-01-10\"");
        int iron = page.indexOf("data-mark=\"iron\" data-finding=\"pattern\"");
        assertTrue(urgent > 0 && iron > urgent, "the urgent entry listed before the iron pattern");
        assertTrue(page.contains("Iron studies, including ferritin"));
        assertTrue(page.contains(MarkExplanations.summary(MarkCode.IRON)), "the iron mark's own line");
        assertTrue(page.contains("Chest pain can be a sign of a heart problem. Call emergency services now"),
                "the urgent entry's own advice");
        assertFalse(page.contains("25-hydroxy vitamin D"), "no vitamin D mark in the range");
        assertTrue(page.contains("Müdigkeit, 疲労"));
        assertTrue(page.contains("Heavy menstrual bleeding"));
    }

    @Test
    void defaultsToTheLastNinetyDays() {
        LocalDate today = LocalDate.now();

        patient.get("/report").then().statusCode(200)
                .body(containsString("data-report-range=\"" + today.minusDays(89) + "/" + today + "\""))
                .body(containsString("value=\"" + today.minusDays(89) + "\""));
    }

    @Test
    void anEmptyRangeIsAClearReport() {
        patient.get("/report?from=2024-03-01&to=2024-03-31").then().statusCode(200)
                .body(containsString("data-report-empty"))
                .body(containsString("No entries in this range"));
        patient.get("/report.pdf?from=2024-03-01&to=2024-03-31").then().statusCode(200)
                .contentType("application/pdf");
        patient.get("/report.csv?from=2024-03-01&to=2024-03-31").then().statusCode(200)
                .body(startsWith("date,time,severity,side,symptoms,factors,notes,marks"));
    }

    @ParameterizedTest
    @CsvSource({
            "from=2026-02-30&to=2026-03-10, from",
            "from=garbage&to=2025-01-31, from",
            "from=2025-01-01&to=31/01/2025, to",
            "from=2025-02-01&to=2025-01-01, to",
            "from=2020-01-01&to=2025-01-01, from",
            "from=1899-12-31&to=1900-01-31, from" })
    void refusesAnInvalidRangeNextToItsField(String query, String field) {
        for (String path : List.of("/report", "/report.pdf", "/report.csv")) {
            patient.get(path + "?" + query).then().statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("data-error-for=\"" + field + "\""));
        }
    }

    @Test
    void pdfHoldsTheReport() throws IOException {
        Response response = patient.get("/report.pdf?" + JANUARY);
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=heavylegs-report-2025-01-01-2025-01-31.pdf");
        byte[] pdf = response.asByteArray();

        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String text = pdfText(pdf);
        assertTrue(text.contains("Symptom report — prepared by the patient"), text);
        assertTrue(text.contains("Self-reported by the patient — not a diagnosis"), text);
        assertTrue(text.contains("page 1 of"), text);
        assertTrue(text.contains("Get medical help now"), text);
        assertTrue(text.contains("Iron pattern"), text);
        assertTrue(text.contains("Müdigkeit, 疲労"), text);
        assertTrue(text.contains("Short of breath on the stairs"), text);
        assertFalse(text.contains(OTHER_USERS_NOTE), text);
    }

    @Test
    void answersBusyWhenEveryPdfTurnIsTakenLongerThanTheWait() {
        Response response = withEveryPdfPermitTaken(config.report().maxConcurrentPdfs(),
                () -> patient.get("/report.pdf?" + JANUARY));

        response.then().statusCode(503)
                .header("Retry-After", String.valueOf(PdfPermits.RETRY_AFTER_SECONDS))
                .contentType(containsString("text/html"))
                .body(containsString("Back in a moment"))
                .body(containsString("preparing other PDF reports"));
        patient.get("/report.pdf?" + JANUARY).then().statusCode(200).contentType("application/pdf");
    }

    @Test
    void aPdfRequestWaitsForItsTurn() throws InterruptedException {
        CountDownLatch taken = new CountDownLatch(1);
        Thread otherPdfs = new Thread(() -> withEveryPdfPermitTaken(config.report().maxConcurrentPdfs(), () -> {
            taken.countDown();
            sleep(config.report().pdfWait().toMillis() / 3);
            return "released"; // a permit's work must give a value: empty means "no permit came free"
        }));
        otherPdfs.start();
        assertTrue(taken.await(10, TimeUnit.SECONDS));

        patient.get("/report.pdf?" + JANUARY).then().statusCode(200).contentType("application/pdf");
        otherPdfs.join();
    }

    @Test
    void csvParsesBackToTheEntries() throws IOException {
        Response response = patient.get("/report.csv?" + JANUARY);
        response.then().statusCode(200).contentType(containsString("text/csv"))
                .contentType(containsString("UTF-8"))
                .header("Content-Disposition", "attachment; filename=heavylegs-entries-2025-01-01-2025-01-31.csv");

        String csv = new String(response.asByteArray(), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(List.of("date", "time", "severity", "side", "symptoms", "factors", "notes", "marks"),
                records.get(0).getParser().getHeaderNames());
        assertEquals(4, records.size());
        // Rules v2: restless legs only supports magnesium, so without cramps or twitching this is iron alone.
        assertEquals(List.of("2025-01-03", "08:15", "8", "", "fatigue;restless-legs;pale-skin", "heavy-periods",
                "Müdigkeit, 疲労", "iron"), records.get(0).toList());
        assertEquals("'=HYPERLINK(\"x\")", records.get(1).get("notes"));
        assertEquals(List.of("2025-01-10", "", "7", "", "restless-legs;pale-skin;chest-pain", "",
                "Short of breath on the stairs", "urgent;iron"), records.get(2).toList());
        assertEquals(List.of("2025-01-20", "12:00", "1", "", "", "low-sunlight", "", ""), records.get(3).toList());
        assertFalse(csv.contains(OTHER_USERS_NOTE));
    }

    @Test
    void neverShowsAnotherUsersEntries() {
        String page = patient.get("/report?" + JANUARY).then().statusCode(200).extract().asString();

        assertFalse(page.contains(OTHER_USERS_NOTE));
        assertFalse(page.contains("data-mark=\"vitamin-b12\""));
    }

    @Test
    void offersThePrintButtonOnlyThroughScript() {
        patient.get("/report?" + JANUARY).then().statusCode(200)
                .body(containsString("id=\"print-report\" hidden"))
                .body(containsString("use your browser's Print command"))
                .body(containsString("<script src=\"/js/print.js\" defer></script>"))
                .body(not(containsString("onclick")));
    }

    @Test
    void asksAnonymousVisitorsToLogIn() {
        for (String path : List.of("/report", "/report.pdf", "/report.csv")) {
            Response response = TestUser.anonymous().get(path);
            assertEquals(302, response.statusCode(), path);
            assertTrue(response.header("Location").contains("/login"), path);
        }
    }

    /** Runs {@code work} while the test holds {@code count} PDF permits, as that many renders in progress would. */
    private <T> T withEveryPdfPermitTaken(int count, Supplier<T> work) {
        return count == 0 ? work.get()
                : pdfPermits.whenFree(() -> withEveryPdfPermitTaken(count - 1, work)).orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Posts the journal form as a browser does, in UTF-8 (RestAssured's form default is ISO-8859-1). */
    private static void logEntry(TestUser user, String date, String time, int severity, List<String> symptoms,
            List<String> factors, String notes) {
        // The token first: fetching it may renew the CSRF cookie, which request() copies when it is built
        String token = user.csrfToken();
        RequestSpecification form = user.request()
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", token)
                .formParam("date", date).formParam("time", time).formParam("severity", severity)
                .formParam("notes", notes);
        symptoms.forEach(code -> form.formParam("symptoms", code));
        factors.forEach(code -> form.formParam("factors", code));
        form.post("/journal").then().log().ifValidationFails().statusCode(303);
    }

    private static void assertFigure(String page, String figure, String value) {
        assertTrue(page.contains("data-figure=\"" + figure + "\">" + value + "<"),
                figure + " should be " + value);
    }

    /** The PDF's text with line breaks as spaces, so that a note wrapped in its table cell still reads whole. */
    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
