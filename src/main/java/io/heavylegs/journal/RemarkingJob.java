package io.heavylegs.journal;

import java.time.Duration;
import java.util.List;

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
 * handful of set-based statements ({@link RemarkingBatch}). It runs in the
 * background: the app serves requests meanwhile, and new writes mark themselves with the current rules.
 */
@ApplicationScoped
public class RemarkingJob {

    /** Large enough that the per-batch statements cost little per entry; small enough to keep locks short. */
    static final int BATCH_SIZE = 2000;
    private static final Logger LOG = Logger.getLogger(RemarkingJob.class);

    @Inject
    ManagedExecutor executor;

    private final RemarkingBatch batches;

    RemarkingJob(DataSource dataSource) {
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
        long done = 0;
        int batchDone;
        while ((batchDone = QuarkusTransaction.requiringNew().call(() -> remarkBatch(batchSize))) > 0) {
            done += batchDone;
            double seconds = Math.max(Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0, 0.001);
            LOG.infof("Re-marking for rules version %d: %d/%d entries, %.0f entries/s", MarkingRules.VERSION,
                    done, total, done / seconds);
        }
        if (done > 0) {
            LOG.infof("Re-marking for rules version %d finished: %d entries", MarkingRules.VERSION, done);
        }
        return done;
    }

    /** One batch in the caller's transaction; 0 once every entry is done and the new version is recorded. */
    int remarkBatch(int batchSize) {
        MarkingState state = MarkingState.lockForUpdate();
        if (state.rulesVersion >= MarkingRules.VERSION) {
            return 0;
        }
        if (state.remarkVersion == null || state.remarkVersion != MarkingRules.VERSION) {
            state.startRun(MarkingRules.VERSION);
        }
        List<RemarkingBatch.Row> batch = batches.entriesAfter(state, batchSize);
        if (batch.isEmpty()) {
            state.finishRun(MarkingRules.VERSION);
            return 0;
        }
        // In owner order, as every writer takes them, so that two lockers never wait for each other in a circle.
        batch.stream().map(RemarkingBatch.Row::ownerId).distinct().sorted().forEach(MarkKeeper::lockOwner);
        batches.remark(batch);
        RemarkingBatch.Row lastDone = batch.get(batch.size() - 1);
        state.remarkAfterOwner = lastDone.ownerId();
        state.remarkAfterDate = lastDone.facts().date();
        state.remarkAfterEntry = lastDone.facts().id();
        state.remarkDone += batch.size();
        return batch.size();
    }
}
