package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.heavylegs.journal.EntryValues;
import io.heavylegs.journal.Factor;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.journal.Symptom;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.FormErrors;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measured run, not a pass/fail benchmark: a year of daily entries, the PDF fetched over loopback HTTP after
 * warm-up, timings printed. Run with {@code ./mvnw test -Dtest=ReportPdfTimingTest -Dreport.timing=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "report.timing", matches = "true")
class ReportPdfTimingTest {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 15;

    @Inject
    JournalFixtures fixtures;

    @Inject
    ReportService reports;

    @Inject
    PdfRenderer pdfRenderer;

    @Test
    void rendersAYearOfEntries() throws Exception {
        TestUser user = TestUser.registered();
        LocalDate first = LocalDate.of(2025, 1, 1);
        Symptom[] symptoms = Symptom.values();
        for (int day = 0; day < 365; day++) {
            Set<Symptom> logged = EnumSet.of(symptoms[day % symptoms.length], symptoms[(day * 7 + 3) % symptoms.length]);
            fixtures.add(user, new EntryValues(first.plusDays(day), LocalTime.of(8 + day % 12, 15), day % 11, logged,
                    day % 5 == 0 ? Set.of(Factor.LOW_SUNLIGHT) : Set.of(),
                    day % 30 == 0 ? "Müdigkeit, 疲労 — long walk, legs heavy in the evening" : "Legs heavy after work"));
        }
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
        Files.write(Path.of("target", "report-365.pdf"), pdf);
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("REPORT PDF 365 entries: %d bytes; ms per request over HTTP: %s; min %d, median %d, max %d%n",
                pdf.length, millis, sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        measurePhases(fixtures.ownerId(user), new ReportRange(first, first.plusDays(364)));
    }

    /** CPU time of this thread per phase, which a busy machine disturbs far less than the wall clock. */
    private void measurePhases(long ownerId, ReportRange range) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder phases = new StringBuilder();
        for (int i = 0; i < MEASURED; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            Report report = reports.build(ownerId, range, LocalDateTime.now());
            long t1 = threads.getCurrentThreadCpuTime();
            String xhtml = ReportResource.Templates.report(report, new ReportRangeForm(), new FormErrors(), true).render();
            long t2 = threads.getCurrentThreadCpuTime();
            pdfRenderer.render(xhtml);
            long t3 = threads.getCurrentThreadCpuTime();
            phases.append(String.format(" [load %d, template %d, pdf %d]", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000));
        }
        System.out.println("REPORT PDF 365 entries, CPU ms per phase:" + phases);
    }
}
