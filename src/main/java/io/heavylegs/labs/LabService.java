package io.heavylegs.labs;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.heavylegs.web.StaleVersionException;
import io.heavylegs.web.Versioned;

/** Writes to the user's lab results. Every method takes the owner and touches nothing else. */
@ApplicationScoped
public class LabService {

    @Transactional
    public LabResult create(long ownerId, LabValues values) {
        LabResult result = new LabResult();
        result.ownerId = ownerId;
        result.apply(values);
        result.persist();
        return result;
    }

    /**
     * Replaces the result when the form was opened at its current version; empty when the owner has none
     * with this id.
     *
     * @throws StaleVersionException when it changed since (nothing is stored)
     */
    @Transactional
    public Optional<LabResult> update(long ownerId, long id, int expectedVersion, LabValues values) {
        Optional<LabResult> found = LabResult.findByIdAndOwner(id, ownerId);
        found.ifPresent(result -> Versioned.replace(result, expectedVersion, () -> result.apply(values)));
        return found;
    }

    /** Deletes the owner's result; false when the owner has none with this id. */
    @Transactional
    public boolean delete(long ownerId, long id) {
        return LabResult.delete("id = ?1 and ownerId = ?2", id, ownerId) > 0;
    }
}
