package io.heavylegs.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.account.User;
import io.heavylegs.support.MovableClock;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.Sha256;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Share links (contract: /shares, /shared/{token}): made, opened without an account, revoked, expired, guessed. */
@QuarkusTest
class ShareTest {

    private static final Pattern LINK = Pattern.compile("value=\"[^\"]*/shared/([A-Za-z0-9_-]{43})\"");
    private static final String JANUARY_NOTE = "Stairs were hard in January";
    private static final String FEBRUARY_NOTE = "A February day outside the link";

    @AfterEach
    void putTheClockBack() {
        MovableClock.reset();
    }

    private static TestUser patientWithJanuary() {
        TestUser patient = TestUser.registered();
        ReportSummaryTest.logEntry(patient, "2025-01-10", "08:00", 7, "left", List.of("swelling"), List.of(),
                JANUARY_NOTE);
        ReportSummaryTest.logEntry(patient, "2025-02-03", "", 3, "", List.of("heaviness"), List.of(), FEBRUARY_NOTE);
        return patient;
    }

    /** Makes a link for January and returns its token, read from the page the 303 leads to. */
    private static String share(TestUser patient, String days) {
        patient.post("/shares", Map.of("from", "2025-01-01", "to", "2025-01-31", "days", days)).then()
                .statusCode(303).header("Location", endsWith("/shares"));
        String page = patient.get("/shares").then().statusCode(200).extract().asString();
        Matcher link = LINK.matcher(page);
        assertTrue(link.find(), "the new link is shown: " + page);
        return link.group(1);
    }

    @Test
    void aLinkOpensItsReportWithoutAnAccountAsHtmlAndPdf() throws IOException {
        TestUser patient = patientWithJanuary();
        String token = share(patient, "7");
        assertFalse(LINK.matcher(patient.get("/shares").asString()).find(), "shown once only");

        TestUser clinician = TestUser.anonymous();
        Response page = clinician.get("/shared/" + token);
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("Shared by the patient · this link stops working on"))
                .body(containsString(JANUARY_NOTE))
                .body(containsString("data-section=\"red-flags\""))
                .body(containsString("href=\"/shared/" + token + ".pdf\""));
        String html = page.asString();
        assertFalse(html.contains(FEBRUARY_NOTE), "only the link's own range");
        assertFalse(html.contains("action=\"/report\""), "read-only: no range form");
        assertFalse(html.contains("/report.csv"), "nothing of the owner's own pages");

        Response pdf = clinician.get("/shared/" + token + ".pdf");
        pdf.then().statusCode(200).contentType("application/pdf")
                .header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex")
                .header("Referrer-Policy", "no-referrer");
        String text = ReportSummaryTest.pageText(pdf.asByteArray(), 1, 1);
        assertTrue(text.contains("Shared by the patient · this link stops working on"), text);
        assertTrue(text.contains("Red flags"), text);

        String owner = patient.get("/shares").then().statusCode(200).extract().asString();
        assertTrue(owner.contains("data-open-count=\"2\""), "opened twice: " + owner);
        assertFalse(owner.contains("Not opened yet"), owner);
        assertTrue(owner.contains("data-status=\"works\""), owner);
    }

    @Test
    void theRangeIsFixedWhenTheLinkIsMade() {
        TestUser patient = patientWithJanuary();
        String token = share(patient, "3");
        ReportSummaryTest.logEntry(patient, "2024-12-31", "", 5, "", List.of("cramps"), List.of(), "New Year's Eve");
        ReportSummaryTest.logEntry(patient, "2025-01-20", "", 4, "", List.of("fatigue"), List.of(), "Added later, in range");
        String page = TestUser.anonymous().get("/shared/" + token).then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-report-range=\"2025-01-01/2025-01-31\""), page);
        assertFalse(page.contains("New Year's Eve") || page.contains("New Year&#39;s Eve"));
        assertFalse(page.contains(FEBRUARY_NOTE));
        assertTrue(page.contains("Added later, in range"));
    }

    @Test
    void aLinkShowsTheLatestResultUpToItsRangeInTheLabsWordsAndNotALaterOne() throws IOException {
        TestUser patient = patientWithJanuary();
        patient.post("/labs", Map.of("test", "ferritin", "value", "14", "unit", "µg/L", "low", "30", "high", "400",
                "date", "2025-01-15")).then().statusCode(303);
        String token = share(patient, "7");
        patient.post("/labs", Map.of("test", "ferritin", "value", "55", "unit", "µg/L", "low", "30", "high", "400",
                "date", "2025-02-10")).then().statusCode(303);

        String page = TestUser.anonymous().get("/shared/" + token).then().statusCode(200).extract().asString();
        org.jsoup.nodes.Element ferritin = org.jsoup.Jsoup.parse(page)
                .selectFirst("[data-section=results] tr[data-result=Ferritin]");
        assertNotNull(ferritin, page);
        assertEquals("Ferritin 14 µg/L Wed 15 Jan 2025 below 30–400 µg/L", ferritin.text());
        assertFalse(page.contains("55 µg/L"), "a result after the link's range");
        assertTrue(page.contains("data-result-day=\"2025-01-15\""), "on the chart too");

        String text = ReportSummaryTest.pageText(TestUser.anonymous().get("/shared/" + token + ".pdf").asByteArray(),
                1, 1);
        assertTrue(text.contains("Ferritin 14 µg/L Wed 15 Jan 2025 below 30–400 µg/L"), text);
    }

    @Test
    void aRevokedLinkIsGoneAtOnceAndOnlyItsOwnerCanRevokeIt() {
        TestUser patient = patientWithJanuary();
        String token = share(patient, "7");
        long id = shareIdOf(token);

        TestUser other = TestUser.registered();
        other.post("/shares/" + id + "/revoke", Map.of()).then().statusCode(404);
        other.post("/shares/not-a-number/revoke", Map.of()).then().statusCode(404);
        TestUser.anonymous().get("/shared/" + token).then().statusCode(200);

        patient.post("/shares/" + id + "/revoke", Map.of()).then().statusCode(303)
                .header("Location", endsWith("/shares"));
        TestUser.anonymous().get("/shared/" + token).then().statusCode(404);
        TestUser.anonymous().get("/shared/" + token + ".pdf").then().statusCode(404);
        assertTrue(patient.get("/shares").asString().contains("data-status=\"revoked\""));
    }

    @Test
    void anExpiredLinkIsTheSame404AsAnUnknownOne() {
        TestUser patient = patientWithJanuary();
        String expiring = share(patient, "1");
        String revoked = share(patient, "30");
        patient.post("/shares/" + shareIdOf(revoked) + "/revoke", Map.of()).then().statusCode(303);

        TestUser.anonymous().get("/shared/" + expiring).then().statusCode(200);
        MovableClock.moveForward(Duration.ofHours(23));
        TestUser.anonymous().get("/shared/" + expiring).then().statusCode(200);
        MovableClock.moveForward(Duration.ofHours(1).plusMinutes(1));

        String expired = notFound("/shared/" + expiring);
        String unknown = notFound("/shared/" + "A".repeat(43));
        String malformed = notFound("/shared/not-a-token");
        String gone = notFound("/shared/" + revoked);
        assertEquals(unknown, expired);
        assertEquals(unknown, malformed);
        assertEquals(unknown, gone);
        assertEquals(unknown, notFound("/shared/" + expiring + ".pdf"));
        assertTrue(patient.get("/shares").asString().contains("data-status=\"expired\""));
    }

    @Test
    void theTokenIsNotStoredInClear() {
        TestUser patient = patientWithJanuary();
        String token = share(patient, "7");
        String row = storedRowOf(token);
        assertFalse(row.contains(token), row);
        assertTrue(row.contains(Sha256.hex(token)), row);
        assertTrue(token.length() >= 22, "at least 128 bits in URL-safe Base64");
    }

    @Test
    void refusesABadFormNextToItsFieldsAndKeepsWhatWasTyped() {
        TestUser patient = patientWithJanuary();
        for (String days : List.of("0", "31", "seven", "")) {
            patient.post("/shares", Map.of("from", "2025-01-01", "to", "2025-01-31", "days", days)).then()
                    .statusCode(400).body(containsString("data-error-for=\"days\""))
                    .body(containsString("value=\"2025-01-01\""));
        }
        patient.post("/shares", Map.of("from", "2025-02-01", "to", "2025-01-01", "days", "5")).then()
                .statusCode(400).body(containsString("data-error-for=\"to\""))
                .body(containsString("value=\"5\""));
        patient.post("/shares", Map.of("from", "2025-02-30", "to", "2025-03-01", "days", "5")).then()
                .statusCode(400).body(containsString("data-error-for=\"from\""));
        assertEquals(0, sharesOf(patient));
    }

    @Test
    void guessingIsThrottledPerAddress() {
        TestUser patient = patientWithJanuary();
        String token = share(patient, "7");
        TestUser guesser = TestUser.anonymous().fromAddress("100.99.1." + (int) (Math.random() * 250 + 1));
        for (int i = 0; i < ShareService.MAX_MISSES; i++) {
            guesser.get("/shared/" + UUID.randomUUID().toString().replace("-", "") + "abcdefghijk").then()
                    .statusCode(404);
        }
        guesser.get("/shared/" + "B".repeat(43)).then().statusCode(429).header("Retry-After", "900");
        guesser.get("/shared/" + token).then().statusCode(429);
        TestUser.anonymous().get("/shared/" + token).then().statusCode(200);
        MovableClock.moveForward(ShareService.MISS_WINDOW.plusSeconds(1));
        guesser.get("/shared/" + token).then().statusCode(200);
    }

    @Test
    void deletingTheAccountDeletesItsLinks() {
        TestUser patient = patientWithJanuary();
        String token = share(patient, "7");
        long userId = idOf(patient);
        patient.post("/account/delete", Map.of("password", TestUser.PASSWORD)).then().statusCode(303);
        assertEquals(0, sharesOf(userId));
        TestUser.anonymous().get("/shared/" + token).then().statusCode(404);
    }

    @Test
    void theSharesPageIsForSignedInUsers() {
        TestUser.anonymous().get("/shares").then().statusCode(302).header("Location", containsString("/login"));
        TestUser patient = TestUser.registered();
        patient.get("/shares").then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("action=\"/shares\""))
                .body(containsString("You have not shared a report yet."));
    }

    /** The 404 page's body, with the per-page CSRF token of the layout's forms taken out. */
    private static String notFound(String path) {
        Response response = TestUser.anonymous().get(path);
        response.then().statusCode(404).header("Cache-Control", "no-store");
        return response.asString().replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", "");
    }

    @Transactional
    long shareIdOf(String token) {
        return ReportShare.findByTokenHash(Sha256.hex(token)).orElseThrow().id;
    }

    @Transactional
    String storedRowOf(String token) {
        Object row = ReportShare.getEntityManager()
                .createNativeQuery("SELECT row_to_json(s)::text FROM report_share s WHERE token_hash = :hash")
                .setParameter("hash", Sha256.hex(token)).getSingleResult();
        assertNotNull(row);
        return row.toString();
    }

    @Transactional
    long idOf(TestUser user) {
        return User.findByEmail(user.email).orElseThrow().id;
    }

    @Transactional
    long sharesOf(TestUser user) {
        return sharesOf(idOf(user));
    }

    @Transactional
    long sharesOf(long userId) {
        return ReportShare.count("ownerId", userId);
    }
}
