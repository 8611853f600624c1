package io.heavylegs.treatment;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

/** Writes to the user's treatments. Every method takes the owner and touches nothing else. */
@ApplicationScoped
public class TreatmentService {

    @Transactional
    public Treatment create(long ownerId, TreatmentValues values) {
        Treatment treatment = new Treatment();
        treatment.ownerId = ownerId;
        treatment.apply(values);
        treatment.persist();
        return treatment;
    }

    /**
     * Replaces the treatment when the form was opened at its current version; empty when the owner has none
     * with this id.
     *
     * @throws StaleTreatmentException when it changed since (nothing is stored)
     */
    @Transactional
    public Optional<Treatment> update(long ownerId, long id, int expectedVersion, TreatmentValues values) {
        Optional<Treatment> found = Treatment.findByIdAndOwner(id, ownerId);
        if (found.isEmpty()) {
            return found;
        }
        Treatment treatment = found.get();
        if (treatment.version != expectedVersion) {
            throw new StaleTreatmentException(id);
        }
        treatment.apply(values);
        try {
            // A concurrent save between our read and this write is caught here by the version column.
            Treatment.flush();
        } catch (OptimisticLockException e) {
            throw new StaleTreatmentException(id);
        }
        return found;
    }

    /** Deletes the owner's treatment; false when the owner has none with this id. */
    @Transactional
    public boolean delete(long ownerId, long id) {
        return Treatment.delete("id = ?1 and ownerId = ?2", id, ownerId) > 0;
    }
}
