package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * One account cannot starve everyone's PDFs: while one user keeps three long PDFs in flight at all times (each
 * holding its turn for half the wait), another user's one-entry PDF, asked over HTTP, is served every time. With
 * one queue for everyone it would stand behind the flooder's waiting PDFs and outlast the wait (503).
 */
@QuarkusTest
class FairPdfTest {

    @Inject
    JournalFixtures fixtures;

    @Inject
    PdfPermits permits;

    @Inject
    HeavyLegsConfig config;

    @Test
    void anotherUsersSmallPdfIsServedWhileOneUserFloods() throws Exception {
        long flooder = fixtures.ownerId(TestUser.registered());
        TestUser other = TestUser.registered();
        fixtures.add(other, java.time.LocalDate.of(2026, 1, 10), 4, Symptom.CRAMPS);
        long longPdfMillis = config.report().pdfWait().toMillis() / 2;

        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger flooderServed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> floods = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            floods.add(pool.submit(() -> {
                while (flooding.get()) {
                    permits.whenFree(flooder, () -> {
                        sleep(longPdfMillis);
                        return flooderServed.incrementAndGet();
                    });
                }
            }));
        }
        try {
            Thread.sleep(longPdfMillis);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Response small = other.request().get("/report.pdf?from=2026-01-01&to=2026-01-31");
                statuses.add(small.statusCode());
            }
            System.out.printf("FairPdfTest: the other user's PDFs %s while the flooder's were served %d times%n",
                    statuses, flooderServed.get());
            assertEquals(List.of(200, 200, 200), statuses);
        } finally {
            flooding.set(false);
            for (Future<?> flood : floods) {
                flood.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertTrue(flooderServed.get() > 0, "the flooder's own PDFs are served too");
        assertEquals(0, permits.usersInLine(), "no line is kept once its requests are done");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
