package io.heavylegs.report;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.web.HeavyLegsConfig;

/**
 * Bounds how many PDFs render at once ({@code heavylegs.report.max-concurrent-pdfs}). A 365-entry PDF holds about
 * 30 MB of heap while it renders: unbounded, 32 at once exhausted a 96 MB heap and the JVM exited. Requests wait
 * their turn in arrival order for {@code heavylegs.report.pdf-wait} at most; then they are told to come back.
 */
@ApplicationScoped
public class PdfPermits {

    /** What a refused request is asked to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore permits;
    private final long waitNanos;

    @Inject
    PdfPermits(HeavyLegsConfig config) {
        this.permits = new Semaphore(config.report().maxConcurrentPdfs(), true);
        this.waitNanos = config.report().pdfWait().toNanos();
    }

    /**
     * Runs {@code work} holding a permit, or answers empty without running it when no permit came free in time.
     * Everything a PDF needs (the database included) belongs inside {@code work}, so that a waiting request holds
     * nothing but its thread.
     */
    public <T> Optional<T> whenFree(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            permits.release();
        }
    }
}
