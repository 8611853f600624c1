package io.heavylegs.journal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.web.StaleVersionException;
import io.heavylegs.web.Versioned;

/**
 * Writes to the journal. Every method takes the owner, and touches nothing the owner does not own. Each write
 * brings the marks it affects up to date in the same transaction.
 */
@ApplicationScoped
public class JournalService {

    @Inject
    MarkKeeper marks;

    @Transactional
    public JournalEntry create(long ownerId, EntryValues values) {
        JournalEntry entry = new JournalEntry();
        entry.ownerId = ownerId;
        entry.apply(values);
        entry.persist();
        marks.entriesChanged(ownerId, Set.of(entry.entryDate));
        return entry;
    }

    /**
     * Replaces the entry's content when the form was opened at its current version; empty when the owner has
     * no such entry.
     *
     * @throws StaleVersionException when the entry changed since (nothing is stored)
     */
    @Transactional
    public Optional<JournalEntry> update(long ownerId, long id, int expectedVersion, EntryValues values) {
        Optional<JournalEntry> found = JournalEntry.findByIdAndOwner(id, ownerId);
        if (found.isEmpty()) {
            return found;
        }
        JournalEntry entry = found.get();
        LocalDate previousDate = entry.entryDate;
        Versioned.replace(entry, expectedVersion, () -> entry.apply(values));
        marks.entriesChanged(ownerId, new HashSet<>(List.of(previousDate, entry.entryDate)));
        return found;
    }

    /** Deletes the owner's entry; false when the owner has no such entry. */
    @Transactional
    public boolean delete(long ownerId, long id) {
        Optional<JournalEntry> found = JournalEntry.findByIdAndOwner(id, ownerId);
        if (found.isEmpty()) {
            return false;
        }
        // The owner's lock before the row's: the re-marking job takes them in that order (it holds the owner's
        // lock while writing marks that reference the row), and the other order deadlocked with it
        MarkKeeper.lockOwner(ownerId);
        JournalEntry entry = found.get();
        entry.delete();
        JournalEntry.flush();
        marks.entriesChanged(ownerId, Set.of(entry.entryDate));
        return true;
    }
}
