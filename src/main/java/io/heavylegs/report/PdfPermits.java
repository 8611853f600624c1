package io.heavylegs.report;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.web.HeavyLegsConfig;

/**
 * Bounds how many PDFs render at once ({@code heavylegs.report.max-concurrent-pdfs}), fairly between users. A
 * 365-entry PDF holds about 30 MB of heap while it renders: unbounded, 32 at once exhausted a 96 MB heap and the
 * JVM exited.
 *
 * <p>Each user has a line of their own: a user's PDFs render one at a time, in the order asked, and only the first
 * of each line waits for a shared turn. So the shared turns go round the users who are waiting rather than to
 * whoever asked most: while one user keeps three long reports in flight, another user's PDF waits for at most one
 * of them. Every request waits {@code heavylegs.report.pdf-wait} at most, in both lines together; then it is told
 * to come back.
 */
@ApplicationScoped
public class PdfPermits {

    /** What a refused request is asked to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore permits;
    private final long waitNanos;
    private final Map<Long, UserLine> lines = new ConcurrentHashMap<>();

    /** One user's line, kept only while a request of that user waits or renders. */
    private static final class UserLine {
        final Semaphore turn = new Semaphore(1, true);
        int requests;
    }

    @Inject
    PdfPermits(HeavyLegsConfig config) {
        this(config.report().maxConcurrentPdfs(), config.report().pdfWait());
    }

    PdfPermits(int maxConcurrent, Duration wait) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.waitNanos = wait.toNanos();
    }

    /**
     * Runs {@code work} for {@code owner} once it is that user's turn and a shared turn is free, or answers empty
     * without running it when that did not happen in time. Everything a PDF needs (the database included) belongs
     * inside {@code work}, so that a waiting request holds nothing but its thread.
     */
    public <T> Optional<T> whenFree(long owner, Supplier<T> work) {
        long deadline = System.nanoTime() + waitNanos;
        UserLine line = lines.compute(owner, (id, existing) -> {
            UserLine joined = existing == null ? new UserLine() : existing;
            joined.requests++;
            return joined;
        });
        try {
            if (!acquire(line.turn, deadline - System.nanoTime())) {
                return Optional.empty();
            }
            try {
                return withSharedTurn(deadline, work);
            } finally {
                line.turn.release();
            }
        } finally {
            lines.compute(owner, (id, existing) -> --existing.requests == 0 ? null : existing);
        }
    }

    /** Runs {@code work} with a shared turn only (no user's line): for work that belongs to no one user. */
    public <T> Optional<T> whenFree(Supplier<T> work) {
        return withSharedTurn(System.nanoTime() + waitNanos, work);
    }

    private <T> Optional<T> withSharedTurn(long deadline, Supplier<T> work) {
        if (!acquire(permits, deadline - System.nanoTime())) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            permits.release();
        }
    }

    /** How many of {@code owner}'s PDFs are waiting or rendering now. */
    int requestsOf(long owner) {
        UserLine line = lines.get(owner);
        return line == null ? 0 : line.requests;
    }

    /** How many requests wait for a shared turn now. */
    int waitingForASharedTurn() {
        return permits.getQueueLength();
    }

    /** The number of users with a PDF waiting or rendering now. */
    int usersInLine() {
        return lines.size();
    }

    private static boolean acquire(Semaphore semaphore, long nanos) {
        try {
            return semaphore.tryAcquire(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
