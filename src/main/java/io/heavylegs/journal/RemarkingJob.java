package io.heavylegs.journal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.heavylegs.marks.EntryFacts;
import io.heavylegs.marks.MarkingRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings stored marks up to {@link MarkingRules#VERSION} after the rules changed: every entry is re-marked in
 * batches, one transaction each, in owner, date, id order. Each batch records how far it got in
 * {@link MarkingState}, so a run stopped by a restart resumes after the last committed batch. It runs in the
 * background: the app serves requests meanwhile, and new writes mark themselves with the current rules.
 */
@ApplicationScoped
public class RemarkingJob {

    static final int BATCH_SIZE = 1000;
    private static final Logger LOG = Logger.getLogger(RemarkingJob.class);

    @Inject
    ManagedExecutor executor;

    @Inject
    MarkKeeper marks;

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
        List<JournalEntry> batch = entriesAfter(state, batchSize);
        if (batch.isEmpty()) {
            state.finishRun(MarkingRules.VERSION);
            return 0;
        }
        Map<Long, List<JournalEntry>> byOwner = batch.stream()
                .collect(Collectors.groupingBy(e -> e.ownerId, TreeMap::new, Collectors.toList()));
        byOwner.keySet().forEach(MarkKeeper::lockOwner);
        byOwner.forEach((ownerId, entries) -> {
            LocalDate first = entries.stream().map(e -> e.entryDate).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = entries.stream().map(e -> e.entryDate).max(Comparator.naturalOrder()).orElseThrow();
            List<EntryFacts> history = JournalEntry.findBetween(ownerId, MarkingRules.windowStart(first), last)
                    .stream().map(JournalEntry::facts).toList();
            marks.replaceMarks(entries.stream().map(JournalEntry::facts).toList(), history);
        });
        JournalEntry lastDone = batch.get(batch.size() - 1);
        state.remarkAfterOwner = lastDone.ownerId;
        state.remarkAfterDate = lastDone.entryDate;
        state.remarkAfterEntry = lastDone.id;
        state.remarkDone += batch.size();
        return batch.size();
    }

    /** Every user's entries after the run's cursor: only this system job reads across owners. */
    private static List<JournalEntry> entriesAfter(MarkingState state, int limit) {
        String order = " order by ownerId, entryDate, id";
        if (!state.hasCursor()) {
            return JournalEntry.<JournalEntry> find("from JournalEntry" + order).page(0, limit).list();
        }
        // "ownerId >= ?1" is implied by the rest, but only this form lets the owner index start at the cursor;
        // without it every batch scans all owners before it, and a million-entry run takes hours (bench/).
        return JournalEntry.<JournalEntry> find("from JournalEntry where ownerId >= ?1 and (ownerId > ?1"
                + " or (ownerId = ?1 and (entryDate > ?2 or (entryDate = ?2 and id > ?3))))" + order,
                state.remarkAfterOwner, state.remarkAfterDate, state.remarkAfterEntry).page(0, limit).list();
    }
}
