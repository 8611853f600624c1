package io.heavylegs.journal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.heavylegs.database.PlainSql;
import io.heavylegs.marks.EntryFacts;
import io.heavylegs.marks.Mark;
import io.heavylegs.marks.MarkingRules;

/**
 * Keeps the stored marks in step with the journal. It runs inside the transaction of each journal write, so an
 * entry and its marks (and the {@code persistent} marks of its neighbours) change together or not at all.
 */
@ApplicationScoped
public class MarkKeeper {

    /**
     * The advisory-lock namespace of "one owner's journal is being re-marked" (PostgreSQL's two-key form, whose
     * key space is apart from the one-key form that the article sync uses).
     */
    static final int OWNER_LOCK_NAMESPACE = 0x4a4e4c; // "JNL"

    /**
     * Recomputes the marks of the owner's entries that a change on any of {@code changedDates} (the date of a
     * created or deleted entry; the old and the new date of an edited one) can affect: every entry dated from d
     * to {@link MarkingRules#windowEnd}(d), the last date whose marks a change on d can affect. Entries before d
     * are never affected: the rules look only at an entry's own date and the days before it. The history those
     * entries need, from {@link MarkingRules#windowStart} of each, is loaded in the same one query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entriesChanged(long ownerId, Set<LocalDate> changedDates) {
        if (changedDates.isEmpty()) {
            return;
        }
        lockOwner(ownerId);
        List<EntryFacts> history = JournalEntry.findWithinWindowsOf(ownerId, changedDates).stream()
                .map(JournalEntry::facts).toList();
        List<EntryFacts> affected = history.stream()
                .filter(entry -> changedDates.stream().anyMatch(changed -> !entry.date().isBefore(changed)
                        && !entry.date().isAfter(MarkingRules.windowEnd(changed))))
                .toList();
        replaceMarks(affected, history);
    }

    /**
     * Brings the stored marks of {@code entries} to what the rules give now. {@code history} holds the same
     * owner's entries covering each one's window. Only the differences are written: a write usually changes the
     * marks of one or two of the entries it recomputes, and deleting and inserting all of them made every create
     * cost a statement per mark of every entry of the window (bench/load.sh, with many entries on one day,
     * spent seconds per create holding the owner's lock).
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
     * Two writes of the same user (two tabs, or a write during re-marking) recompute overlapping windows; a lock
     * per owner, held to the end of the transaction, makes the second wait and then see the first one's
     * entries. An advisory lock rather than a row lock on the user: it touches no other feature's table, and
     * it cannot deadlock with the key-share lock that a new entry's foreign key takes on that row.
     */
    static void lockOwner(long ownerId) {
        JournalEntry.getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:namespace,"
                        + " CAST(:owner % 2147483647 AS integer))) AS locked")
                .setParameter("namespace", OWNER_LOCK_NAMESPACE)
                .setParameter("owner", ownerId)
                .getSingleResult();
    }

    /**
     * {@link #lockOwner} for several owners in one statement (the re-marking job's batches), taken in ascending
     * owner order as every locker takes them, so that two lockers never wait for each other in a circle.
     */
    static void lockOwners(DataSource dataSource, Collection<Long> ownerIds) {
        Long[] sorted = ownerIds.stream().distinct().sorted().toArray(Long[]::new);
        PlainSql.query(dataSource, "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:namespace,"
                + " CAST(o % 2147483647 AS integer)) FROM unnest(CAST(:owners AS bigint[])) AS o) AS locked",
                Map.of("namespace", OWNER_LOCK_NAMESPACE, "owners", sorted), rows -> rows.next());
    }
}
