package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.sun.management.ThreadMXBean;

import io.heavylegs.journal.EntryValues;
import io.heavylegs.codes.Factor;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.codes.Symptom;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.DateRange;
import io.heavylegs.web.FormErrors;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measured run, not a pass/fail benchmark: a year of daily entries, the PDF fetched over loopback HTTP after
 * warm-up, timings printed; then the CPU time and the heap allocated per phase, which a busy machine disturbs far
 * less than the wall clock. Two years: notes in Latin script only (like the bench user's), and the same with a
 * note in Japanese every 30 days (the fallback font is then parsed for every PDF). Run with
 * {@code ./mvnw test -Dtest=ReportPdfTimingTest -Dreport.timing=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "report.timing", matches = "true")
class ReportPdfTimingTest {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 15;
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

    @Inject
    JournalFixtures fixtures;

    @Inject
    ReportService reports;

    @Inject
    PdfRenderer pdfRenderer;

    @Test
    void rendersAYearOfEntries() throws Exception {
        measure("Latin notes", yearOfEntries("Müdigkeit — long walk, legs heavy in the evening"));
        measure("Latin and CJK notes", yearOfEntries("Müdigkeit, 疲労 — long walk, legs heavy in the evening"));
    }

    private TestUser yearOfEntries(String monthlyNote) {
        TestUser user = TestUser.registered();
        Symptom[] symptoms = Symptom.values();
        for (int day = 0; day < 365; day++) {
            Set<Symptom> logged = EnumSet.of(symptoms[day % symptoms.length], symptoms[(day * 7 + 3) % symptoms.length]);
            fixtures.add(user, new EntryValues(FIRST.plusDays(day), LocalTime.of(8 + day % 12, 15), day % 11, null, logged,
                    day % 5 == 0 ? Set.of(Factor.LOW_SUNLIGHT) : Set.of(),
                    day % 30 == 0 ? monthlyNote : "Legs heavy after work"));
        }
        return user;
    }

    private void measure(String label, TestUser user) throws Exception {
        String path = "/report.pdf?from=2025-01-01&to=2025-12-31";
        for (int i = 0; i < WARM_UP; i++) {
            user.get(path).then().statusCode(200);
        }
        List<Long> millis = new ArrayList<>();
        byte[] pdf = null;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            pdf = user.get(path).asByteArray();
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        Files.write(Path.of("target", "report-365-" + label.replaceAll("\\W+", "-").toLowerCase() + ".pdf"), pdf);
        System.out.printf("REPORT PDF 365 entries, %s: %d bytes; ms per request over HTTP: %s; %s%n", label,
                pdf.length, millis, summary(millis));
        measurePhases(label, fixtures.ownerId(user), new DateRange(FIRST, FIRST.plusDays(364)));
    }

    /** CPU time and heap allocated by this thread per phase. */
    private void measurePhases(String label, long ownerId, DateRange range) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        StringBuilder phases = new StringBuilder();
        List<Long> pdfMillis = new ArrayList<>();
        List<Long> pdfMegabytes = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            Report report = reports.build(ownerId, range, LocalDateTime.now());
            long t1 = threads.getCurrentThreadCpuTime();
            String xhtml = ReportResource.Templates.report(report, new ReportRangeForm(), new FormErrors(), true, null).render();
            long t2 = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(thread);
            pdfRenderer.render(xhtml);
            long t3 = threads.getCurrentThreadCpuTime();
            pdfMegabytes.add((threads.getThreadAllocatedBytes(thread) - allocated) / (1024 * 1024));
            pdfMillis.add((t3 - t2) / 1_000_000);
            phases.append(String.format(" [load %d, template %d, pdf %d]", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
        }
        System.out.printf("REPORT PDF 365 entries, %s, CPU ms per phase:%s%n", label, phases);
        System.out.printf("REPORT PDF 365 entries, %s, openhtmltopdf CPU ms %s; MB allocated per PDF %s%n", label,
                summary(pdfMillis), summary(pdfMegabytes));
    }

    private static String summary(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("min %d, median %d, max %d", sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }
}
