package io.heavylegs.web;

import jakarta.persistence.OptimisticLockException;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A stored row that its owner edits through a form opened at a version (a {@code @Version} column): the
 * optimistic lock of the one form flow, shared by every feature that edits rows.
 */
public interface Versioned {

    /** The version as stored; an edit form carries it in its {@code version} field. */
    int version();

    /**
     * Applies {@code change} to the row read in this transaction when the form was opened at its version, and
     * flushes, so that a concurrent save between the read and this write is caught by the version column too.
     *
     * @throws StaleVersionException when the row changed since the form was opened (nothing is stored)
     */
    static void replace(Versioned row, int expectedVersion, Runnable change) {
        if (row.version() != expectedVersion) {
            throw new StaleVersionException(row, expectedVersion);
        }
        change.run();
        try {
            Panache.getEntityManager(row.getClass()).flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(row, expectedVersion);
        }
    }
}
