package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.EntryValues;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * One account cannot starve everyone's PDFs: while one user keeps three long reports in flight, another
 * user's one-entry PDF is served, every time; the flooding user's own PDFs are each served or told to come back.
 */
@QuarkusTest
class FairPdfTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final String YEAR = "from=2025-01-01&to=2025-12-31";

    @Inject
    JournalFixtures fixtures;

    @Inject
    PdfPermits permits;

    @Test
    void anotherUsersSmallPdfIsServedWhileOneUserFloods() throws Exception {
        TestUser flooder = TestUser.registered();
        Symptom[] symptoms = Symptom.values();
        for (int day = 0; day < 120; day++) {
            fixtures.add(flooder, new EntryValues(FIRST.plusDays(day), LocalTime.of(8 + day % 12, 15), day % 11, null,
                    EnumSet.of(symptoms[day % symptoms.length], symptoms[(day * 7 + 3) % symptoms.length]),
                    day % 5 == 0 ? Set.of(Factor.LOW_SUNLIGHT) : Set.of(), "Legs heavy after work, day " + day));
        }
        TestUser other = TestUser.registered();
        fixtures.add(other, FIRST.plusDays(10), 4, Symptom.CRAMPS);

        AtomicBoolean flooding = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> flooderStatuses = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> floods = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            floods.add(pool.submit(() -> {
                while (flooding.get()) {
                    flooderStatuses.add(flooder.request().get("/report.pdf?" + YEAR).statusCode());
                }
            }));
        }
        try {
            Thread.sleep(1_000);
            List<Integer> otherStatuses = new ArrayList<>();
            long slowest = 0;
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                Response small = other.request().get("/report.pdf?" + YEAR);
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                otherStatuses.add(small.statusCode());
                assertEquals("application/pdf", small.contentType(), "status " + small.statusCode());
            }
            System.out.printf("FairPdfTest: the other user's 4 PDFs %s (slowest %d ms) while the flooder's got %s%n",
                    otherStatuses, slowest, flooderStatuses);
            assertEquals(List.of(200, 200, 200, 200), otherStatuses);
        } finally {
            flooding.set(false);
            for (Future<?> flood : floods) {
                flood.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertTrue(flooderStatuses.stream().allMatch(status -> status == 200 || status == 503), flooderStatuses.toString());
        assertTrue(flooderStatuses.contains(200), "the flooder's own PDFs are served too: " + flooderStatuses);
        assertEquals(0, permits.usersInLine(), "no line is kept once its requests are done");
    }
}
