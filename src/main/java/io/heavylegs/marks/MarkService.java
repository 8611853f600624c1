package io.heavylegs.marks;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.heavylegs.journal.JournalEntry;

/**
 * Keeps stored marks in step with the journal. It runs inside the transaction of each journal write, so an
 * entry and its marks (and the {@code persistent} marks of its neighbours) change together or not at all.
 */
@ApplicationScoped
public class MarkService {

    /** How far ahead of a changed date an entry's 14-day window can reach back to it. */
    private static final int WINDOW_REACH_DAYS = 13;

    /**
     * Recomputes the marks of the owner's entries whose 14-day window contains any of {@code changedDates}
     * (the date of a created or deleted entry; the old and the new date of an edited one), that is every entry
     * dated in [d, d+13]. The entries those windows need are loaded in one query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entriesChanged(long ownerId, Set<LocalDate> changedDates) {
        if (changedDates.isEmpty()) {
            return;
        }
        lockOwner(ownerId);
        List<EntryFacts> history = JournalEntry.findWithinDaysOf(ownerId, changedDates, WINDOW_REACH_DAYS).stream()
                .map(MarkService::facts).toList();
        List<EntryFacts> affected = history.stream()
                .filter(entry -> changedDates.stream().anyMatch(changed -> !entry.date().isBefore(changed)
                        && !entry.date().isAfter(changed.plusDays(WINDOW_REACH_DAYS))))
                .toList();
        replaceMarks(affected, history);
    }

    /**
     * Brings the stored marks of {@code entries} to what the rules give now. {@code history} holds the same
     * owner's entries covering each one's 14-day window. Only the differences are written: a write usually
     * changes the marks of one or two of the entries it recomputes, and deleting and inserting all of them made
     * every create cost a statement per mark of every entry of the day and the 13 before (bench/load.sh, with
     * many entries on one day, spent seconds per create holding the owner's lock).
     */
    void replaceMarks(Collection<EntryFacts> entries, Collection<EntryFacts> history) {
        Map<EntryMark.Key, EntryMark> stored = new HashMap<>();
        for (EntryMark mark : EntryMark.storedFor(entries.stream().map(EntryFacts::id).toList())) {
            stored.put(mark.key(), mark);
        }
        for (EntryFacts entry : entries) {
            for (Mark mark : MarkingRules.evaluate(entry, history)) {
                EntryMark wanted = EntryMark.of(entry.id(), mark);
                EntryMark current = stored.remove(wanted.key());
                if (current == null) {
                    wanted.persist();
                } else {
                    current.becomeLike(wanted);
                }
            }
        }
        // What is left was stored before and is no longer given by the rules.
        stored.values().forEach(EntryMark::delete);
    }

    /**
     * Two writes of the same user (two tabs, or a write during re-marking) recompute overlapping windows; taking
     * the user's row lock first makes the second wait and then see the first one's entries. NO KEY UPDATE, not
     * UPDATE: a create has already inserted its entry, whose foreign key holds a KEY SHARE lock on the same row,
     * and two creates each holding that and asking for UPDATE deadlock (found by bench/load.sh).
     */
    static void lockOwner(long ownerId) {
        JournalEntry.getEntityManager()
                .createNativeQuery("SELECT id FROM app_user WHERE id = ?1 FOR NO KEY UPDATE")
                .setParameter(1, ownerId)
                .getResultList();
    }

    static EntryFacts facts(JournalEntry entry) {
        return new EntryFacts(entry.id, entry.entryDate, entry.symptoms(), entry.factors());
    }
}
