package io.heavylegs.journal;

import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.heavylegs.marks.MarkingRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings stored marks up to {@link MarkingRules#VERSION} after the rules changed: every entry is re-marked in
 * batches, one transaction each, in owner, date, id order. Each batch records how far it got in
 * {@link MarkingState}, so a run stopped by a restart resumes after the last committed batch. Each batch is a
 * handful of set-based statements ({@link RemarkingBatch}); the log gives the rate after each batch, and at the
 * end where the time went. It runs in the background: the app serves requests meanwhile, and new writes mark
 * themselves with the current rules.
 */
@ApplicationScoped
public class RemarkingJob {

    /**
     * Large enough that a batch's round trips and commit cost little per entry; small enough that a journal write
     * of one of the batch's owners waits for its lock a fraction of a second at most (bench/RESULTS.md).
     */
    static final int BATCH_SIZE = 5000;
    private static final Logger LOG = Logger.getLogger(RemarkingJob.class);

    @Inject
    ManagedExecutor executor;

    private final DataSource dataSource;
    private final RemarkingBatch batches;

    RemarkingJob(DataSource dataSource) {
        this.dataSource = dataSource;
        this.batches = new RemarkingBatch(dataSource);
    }

    void onStart(@Observes StartupEvent event) {
        if (QuarkusTransaction.requiringNew().call(() -> MarkingState.current().rulesVersion) < MarkingRules.VERSION) {
            executor.runAsync(this::remarkAll).exceptionally(failure -> {
                LOG.error("Re-marking stopped; it resumes at the next start", failure);
                return null;
            });
        }
    }

    /** Re-marks every entry not yet done for the current rules; returns how many this call re-marked. */
    public long remarkAll() {
        return remarkAll(BATCH_SIZE);
    }

    long remarkAll(int batchSize) {
        long total = QuarkusTransaction.requiringNew().call(() -> JournalEntry.count());
        long started = System.nanoTime();
        RemarkingBatch.Phases phases = new RemarkingBatch.Phases();
        long done = 0;
        Step step;
        while (!(step = QuarkusTransaction.requiringNew().call(() -> remarkBatch(batchSize, phases))).finished()) {
            done += step.remarked();
            LOG.infof("Re-marking for rules version %d: %d/%d entries, %.0f entries/s", MarkingRules.VERSION,
                    done, total, done / secondsSince(started));
        }
        if (done > 0) {
            double seconds = secondsSince(started);
            LOG.infof("Re-marking for rules version %d finished: %d entries in %.1f s, %.0f entries/s (finding the"
                    + " batches and locking %.1f s, reading %.1f s, rules %.1f s, writing %.1f s, committing %.1f s)",
                    MarkingRules.VERSION, done, seconds, done / seconds, phases.planning / 1e9,
                    phases.reading / 1e9, phases.rules / 1e9, phases.writing / 1e9,
                    Math.max(0, seconds - (phases.planning + phases.reading + phases.rules + phases.writing) / 1e9));
        }
        return done;
    }

    private static double secondsSince(long started) {
        return Math.max((System.nanoTime() - started) / 1e9, 0.001);
    }

    /** What one batch did: how many entries it re-marked, or that the run is finished. */
    record Step(int remarked, boolean finished) {
    }

    /** One batch in the caller's transaction; 0 once every entry is done and the new version is recorded. */
    int remarkBatch(int batchSize) {
        return remarkBatch(batchSize, new RemarkingBatch.Phases()).remarked();
    }

    private Step remarkBatch(int batchSize, RemarkingBatch.Phases phases) {
        long started = System.nanoTime();
        MarkingState state = MarkingState.lockForUpdate();
        if (state.rulesVersion >= MarkingRules.VERSION) {
            return new Step(0, true);
        }
        if (state.remarkVersion == null || state.remarkVersion != MarkingRules.VERSION) {
            state.startRun(MarkingRules.VERSION);
        }
        RemarkingBatch.Key cursor = state.hasCursor()
                ? new RemarkingBatch.Key(state.remarkAfterOwner, state.remarkAfterDate, state.remarkAfterEntry)
                : null;
        Optional<RemarkingBatch.Span> next = batches.next(cursor, batchSize);
        if (next.isEmpty()) {
            state.finishRun(MarkingRules.VERSION);
            return new Step(0, true);
        }
        RemarkingBatch.Span span = next.get();
        MarkKeeper.lockOwners(dataSource, span.owners());
        phases.planning += System.nanoTime() - started;
        RemarkingBatch.Written written = batches.remark(cursor, span, phases);
        state.remarkAfterOwner = span.last().ownerId();
        state.remarkAfterDate = span.last().date();
        state.remarkAfterEntry = span.last().entryId();
        state.remarkDone += written.remarked();
        return new Step(written.remarked(), false);
    }
}
