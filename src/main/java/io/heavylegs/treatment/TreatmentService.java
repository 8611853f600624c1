package io.heavylegs.treatment;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.heavylegs.web.StaleVersionException;
import io.heavylegs.web.Versioned;

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
     * @throws StaleVersionException when it changed since (nothing is stored)
     */
    @Transactional
    public Optional<Treatment> update(long ownerId, long id, int expectedVersion, TreatmentValues values) {
        Optional<Treatment> found = Treatment.findByIdAndOwner(id, ownerId);
        found.ifPresent(treatment -> Versioned.replace(treatment, expectedVersion, () -> treatment.apply(values)));
        return found;
    }

    /** Deletes the owner's treatment; false when the owner has none with this id. */
    @Transactional
    public boolean delete(long ownerId, long id) {
        return Treatment.delete("id = ?1 and ownerId = ?2", id, ownerId) > 0;
    }
}
