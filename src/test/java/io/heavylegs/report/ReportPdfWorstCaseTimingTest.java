package io.heavylegs.report;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.sun.management.ThreadMXBean;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.EntryView;
import io.heavylegs.marks.MarkExplanations;
import io.heavylegs.web.DateRange;
import io.heavylegs.web.FormErrors;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measured run, not a pass/fail test: how the PDF's CPU time, heap and pages grow with entries whose notes are
 * the longest the form takes (2,000 characters), rendered from reports built in memory (no database), so that
 * the bound in {@link PdfAppendix} can be chosen with numbers. Run with
 * {@code ./mvnw test -Dtest=ReportPdfWorstCaseTimingTest -Dreport.timing=true}; {@code -Dreport.sizes=25,50,100}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "report.timing", matches = "true")
class ReportPdfWorstCaseTimingTest {

    @Inject
    PdfRenderer pdfRenderer;

    @Test
    void longNotes() throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        render(20, threads, thread); // warm-up
        for (String size : System.getProperty("report.sizes", "25,50,100,200").split(",")) {
            int entries = Integer.parseInt(size.strip());
            render(entries, threads, thread);
        }
    }

    private void render(int count, ThreadMXBean threads, long thread) throws Exception {
        LocalDate first = LocalDate.of(2024, 1, 1);
        DateRange range = new DateRange(first, first.plusDays(3 * 365));
        Report report = Report.of(range, entries(first, count), c -> Optional.of(MarkExplanations.summary(c)),
                LocalDateTime.now());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = threads.getCurrentThreadCpuTime();
        long a0 = threads.getThreadAllocatedBytes(thread);
        String xhtml = ReportResource.Templates.report(report, new ReportRangeForm(), new FormErrors(), true, null)
                .render();
        long t1 = threads.getCurrentThreadCpuTime();
        byte[] pdf = pdfRenderer.render(xhtml);
        long t2 = threads.getCurrentThreadCpuTime();
        long allocated = threads.getThreadAllocatedBytes(thread) - a0;
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        System.out.printf("REPORT PDF WORST CASE %d entries with 2,000-character notes: template %d ms CPU, pdf %d ms"
                + " CPU (%.1f ms per entry), %d MB allocated, %d pages, %d KB, load average %.1f%n", count,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t1) / 1e6 / count, allocated >> 20, pages,
                pdf.length >> 10, load);
    }

    static List<EntryView> entries(LocalDate first, int count) {
        Symptom[] symptoms = Symptom.values();
        List<EntryView> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Set<Symptom> logged = EnumSet.of(symptoms[i % symptoms.length], symptoms[(i * 7 + 3) % symptoms.length]);
            entries.add(new EntryView(i + 1, first.plusDays(i), LocalTime.of(8 + i % 12, 15), i % 11, null, logged,
                    i % 5 == 0 ? Set.of(Factor.LOW_SUNLIGHT) : Set.of(), longNote(i), List.of()));
        }
        return entries;
    }

    /** 2,000 characters of ordinary words with a line break now and then, as a long diary entry reads. */
    static String longNote(int seed) {
        String[] words = { "legs", "heavy", "after", "the", "stairs,", "cramps", "at", "night", "in", "both",
            "calves;", "walked", "slowly", "home", "and", "rested.", "Tingling", "feet", "while", "reading." };
        StringBuilder note = new StringBuilder(2000);
        int i = seed;
        while (note.length() < 2000) {
            note.append(words[i++ % words.length]).append(i % 37 == 0 ? "\n" : " ");
        }
        return note.substring(0, 2000);
    }
}
