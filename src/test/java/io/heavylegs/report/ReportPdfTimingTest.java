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

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.heavylegs.journal.EntryValues;
import io.heavylegs.journal.Factor;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.journal.Symptom;
import io.heavylegs.support.TestUser;
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
    }
}
