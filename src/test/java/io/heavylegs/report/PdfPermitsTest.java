package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The order in which PDF turns are given: round the users waiting, one at a time per user, in arrival order. */
class PdfPermitsTest {

    private final List<String> order = new CopyOnWriteArrayList<>();

    private Thread ask(PdfPermits permits, long owner, String name, CountDownLatch release) {
        Thread thread = new Thread(() -> permits.whenFree(owner, () -> {
            order.add(name);
            await(release);
            return name;
        }));
        thread.start();
        return thread;
    }

    @Test
    void anotherUserGoesBeforeTheFloodersSecondAndThirdPdf() throws Exception {
        PdfPermits permits = new PdfPermits(1, Duration.ofSeconds(20));
        CountDownLatch release = new CountDownLatch(1);
        Thread a1 = ask(permits, 1, "A1", release);
        waitUntil(() -> order.contains("A1"));
        Thread a2 = ask(permits, 1, "A2", new CountDownLatch(0));
        waitUntil(() -> permits.requestsOf(1) == 2);
        Thread a3 = ask(permits, 1, "A3", new CountDownLatch(0));
        waitUntil(() -> permits.requestsOf(1) == 3); // A2 and A3 are in A's line before B asks
        Thread b1 = ask(permits, 2, "B1", new CountDownLatch(0));
        waitUntil(() -> permits.waitingForASharedTurn() == 1);
        release.countDown();
        for (Thread t : List.of(a1, a2, a3, b1)) {
            t.join(10_000);
        }
        assertEquals("B1", order.get(1), "the other user is next, not the flooder's second PDF: " + order);
        assertEquals(List.of("A1", "A2", "A3"), order.stream().filter(n -> n.startsWith("A")).toList(),
                "one user's PDFs in the order asked");
        assertEquals(0, permits.usersInLine());
    }

    @Test
    void aRequestThatWaitedItsFullTimeIsRefusedAndLeavesNoLine() throws Exception {
        PdfPermits permits = new PdfPermits(1, Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        Thread a1 = ask(permits, 1, "A1", release);
        waitUntil(() -> order.contains("A1"));
        long start = System.nanoTime();
        Optional<String> second = permits.whenFree(1, () -> "A2");
        Optional<String> other = permits.whenFree(2, () -> "B1");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        release.countDown();
        a1.join(10_000);
        assertTrue(second.isEmpty() && other.isEmpty(), "both refused while the only turn is taken");
        assertTrue(waited >= 550, "each waited its full time: " + waited + " ms");
        assertEquals(Optional.of("A3"), permits.whenFree(1, () -> "A3"), "served once the turn is free");
        assertEquals(0, permits.usersInLine());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }
}
