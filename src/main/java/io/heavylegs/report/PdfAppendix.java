package io.heavylegs.report;

import java.time.LocalDate;
import java.util.List;

import io.heavylegs.journal.EntryView;

/**
 * The entries a PDF lists: all of them, or the latest that fit {@link #BUDGET}, oldest first like the page.
 * <p>
 * Why a bound: a PDF's cost follows the text it lays out, and openhtmltopdf keeps the whole document in the heap
 * until it is written. An entry with a 2,000-character note (the form's limit) fills a page: about 10 ms of CPU
 * and 5 MB allocated each, against 0.4 ms and 0.4 MB for an entry with a one-line note
 * ({@code ReportPdfWorstCaseTimingTest}, {@code ReportPdfTimingTest}). With the bench's 96 MB heap, 150 such entries
 * took 1.9 s of CPU, 300 took 8.6 s, and a year of them (365) ended the JVM with an {@code OutOfMemoryError}
 * (bench/RESULTS.md, "The PDF's worst case"), holding a render turn all along. The budget keeps every PDF below the
 * first figure: each entry costs {@link #ROW_COST} plus its note's length, counted from the newest entry back. Three
 * years of daily entries with ordinary notes (about 210,000) fit whole; of three years of 2,000-character notes the
 * latest 111 are listed. Every entry, with its full notes, stays on the report page and in the CSV; the PDF says
 * what it left out.
 */
public record PdfAppendix(List<EntryView> entries, int omitted) {

    /** The budget in characters of notes, each entry's row counted as {@link #ROW_COST} more. */
    public static final int BUDGET = 240_000;

    /**
     * What a row costs beside its note, in characters of notes: an entry with a one-line note costs about what
     * 160 more characters of note would (0.4 MB allocated against 5 MB for 2,000 characters).
     */
    public static final int ROW_COST = 160;

    /** The latest of {@code oldestFirst} that fit the budget, oldest first; at least the newest one. */
    public static PdfAppendix of(List<EntryView> oldestFirst) {
        long spent = 0;
        int first = oldestFirst.size();
        while (first > 0) {
            EntryView entry = oldestFirst.get(first - 1);
            spent += ROW_COST + (entry.notes() == null ? 0 : entry.notes().length());
            if (spent > BUDGET && first < oldestFirst.size()) {
                break;
            }
            first--;
        }
        return new PdfAppendix(oldestFirst.subList(first, oldestFirst.size()), first);
    }

    public boolean isShortened() {
        return omitted > 0;
    }

    /** The day of the first entry listed; null when there is none. */
    public LocalDate firstListedDate() {
        return entries.isEmpty() ? null : entries.get(0).date();
    }
}
