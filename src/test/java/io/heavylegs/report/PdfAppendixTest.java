package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.heavylegs.journal.EntryView;

class PdfAppendixTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    @Test
    void threeYearsOfDailyEntriesWithOrdinaryNotesAreListedWhole() {
        List<EntryView> entries = ReportPdfWorstCaseTimingTest.entries(FIRST, 1096).stream()
                .map(e -> withNotes(e, "Legs heavy after work, cramps at night")).toList();

        PdfAppendix appendix = PdfAppendix.of(entries);

        assertFalse(appendix.isShortened());
        assertEquals(1096, appendix.entries().size());
        assertEquals(FIRST, appendix.firstListedDate());
    }

    @Test
    void threeYearsOfTheLongestNotesListTheLatestThatFitTheBudget() {
        List<EntryView> entries = ReportPdfWorstCaseTimingTest.entries(FIRST, 1096);

        PdfAppendix appendix = PdfAppendix.of(entries);

        int fit = PdfAppendix.BUDGET / (PdfAppendix.ROW_COST + 2000);
        assertEquals(111, fit, "the numbers the class's comment and bench/RESULTS.md give");
        assertEquals(fit, appendix.entries().size());
        assertEquals(1096 - fit, appendix.omitted());
        assertTrue(appendix.isShortened());
        assertEquals(entries.subList(1096 - fit, 1096), appendix.entries(), "the latest, oldest first");
        assertEquals(FIRST.plusDays(1096 - fit), appendix.firstListedDate());
    }

    @Test
    void theNewestEntryIsAlwaysListedAndAnEmptyRangeListsNothing() {
        assertEquals(1, PdfAppendix.of(ReportPdfWorstCaseTimingTest.entries(FIRST, 1)).entries().size());
        PdfAppendix none = PdfAppendix.of(List.of());
        assertFalse(none.isShortened());
        assertEquals(null, none.firstListedDate());
    }

    private static EntryView withNotes(EntryView e, String notes) {
        return new EntryView(e.id(), e.date(), e.time(), e.severity(), e.side(), e.symptoms(), e.factors(), notes,
                e.marks());
    }
}
