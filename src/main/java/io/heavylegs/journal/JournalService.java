package io.heavylegs.journal;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

/** Writes to the journal. Every method takes the owner, and touches nothing the owner does not own. */
@ApplicationScoped
public class JournalService {

    @Transactional
    public JournalEntry create(long ownerId, EntryValues values) {
        JournalEntry entry = new JournalEntry();
        entry.ownerId = ownerId;
        entry.apply(values);
        entry.persist();
        return entry;
    }

    /**
     * Replaces the entry's content when the form was opened at its current version; empty when the owner has
     * no such entry.
     *
     * @throws StaleEntryException when the entry changed since (nothing is stored)
     */
    @Transactional
    public Optional<JournalEntry> update(long ownerId, long id, int expectedVersion, EntryValues values) {
        Optional<JournalEntry> found = JournalEntry.findByIdAndOwner(id, ownerId);
        if (found.isEmpty()) {
            return found;
        }
        JournalEntry entry = found.get();
        if (entry.version != expectedVersion) {
            throw new StaleEntryException(id);
        }
        entry.apply(values);
        try {
            // A concurrent edit between our read and this write is caught here by the version column.
            JournalEntry.flush();
        } catch (OptimisticLockException e) {
            throw new StaleEntryException(id);
        }
        return found;
    }

    /** Deletes the owner's entry; false when the owner has no such entry. */
    @Transactional
    public boolean delete(long ownerId, long id) {
        Optional<JournalEntry> found = JournalEntry.findByIdAndOwner(id, ownerId);
        found.ifPresent(entry -> entry.delete());
        return found.isPresent();
    }
}
