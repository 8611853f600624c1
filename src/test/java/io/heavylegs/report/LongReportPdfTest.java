package io.heavylegs.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.EntryValues;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The PDF's worst case (issue 21): entries whose notes are the longest the form takes. A year of them once took
 * the JVM down with an OutOfMemoryError while holding a render turn; the PDF now lists the latest entries within
 * {@link PdfAppendix#BUDGET} and says so, while the page and the CSV keep every entry.
 */
@QuarkusTest
class LongReportPdfTest {

    private static final int ENTRIES = 130;
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final String RANGE = "from=2025-01-01&to=2025-12-31";

    @Inject
    JournalFixtures fixtures;

    /** 2,000 characters that say which day they belong to. */
    private static String note(int day) {
        String prefix = "Day " + day + ": ";
        return prefix + ReportPdfWorstCaseTimingTest.longNote(day).substring(0, 2000 - prefix.length());
    }

    @Test
    void aPdfOfLongNotesListsTheLatestThatFitAndSaysWhereTheRestAre() throws IOException {
        TestUser user = TestUser.registered();
        for (int day = 0; day < ENTRIES; day++) {
            fixtures.add(user, new EntryValues(FIRST.plusDays(day), LocalTime.of(20, 0), day % 11, null,
                    Set.of(Symptom.HEAVINESS), Set.of(), note(day)));
        }
        int listed = PdfAppendix.BUDGET / (PdfAppendix.ROW_COST + 2000);
        LocalDate firstListed = FIRST.plusDays(ENTRIES - listed);

        byte[] pdf = user.get("/report.pdf?" + RANGE).then().statusCode(200).extract().asByteArray();
        String text;
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("Appendix: the latest " + listed + " of " + ENTRIES + " entries"), text);
        assertTrue(text.contains("This PDF lists the entries from"), text);
        assertTrue(text.contains((ENTRIES - listed) + " earlier entries are on the report page and in the CSV download"),
                text);
        assertTrue(text.contains("Day " + (ENTRIES - 1) + ":"), "the newest entry is listed");
        assertTrue(text.contains("Day " + (ENTRIES - listed) + ":"), "the oldest entry that fits is listed");
        assertFalse(text.contains("Day " + (ENTRIES - listed - 1) + ":"), "the one before it is not");
        assertTrue(pages <= listed + 3, pages + " pages: about one per long entry, and the summary");
        String newest = note(ENTRIES - 1).replaceAll("\\s+", " ").strip();
        assertTrue(text.contains(newest.substring(newest.length() - 40)), "a long note is printed to its end");

        user.get("/report?" + RANGE).then().statusCode(200)
                .body(containsString("Day 0:"))
                .body(containsString("the PDF lists the latest " + listed + " of the " + ENTRIES + " entries"));
        user.get("/report?" + RANGE + "&entries=none").then().statusCode(200)
                .body(not(containsString("the PDF lists the latest")));
        String csv = new String(user.get("/report.csv?" + RANGE).then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("Day 0:"), "the CSV keeps every entry");
        assertEquals(ENTRIES, csv.lines().filter(line -> line.startsWith("2025-")).count());
    }
}
