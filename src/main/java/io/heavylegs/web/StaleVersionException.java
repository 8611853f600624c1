package io.heavylegs.web;

/**
 * A stored row was changed after its edit form was opened: saving would silently overwrite that change. Thrown by
 * {@link Versioned#replace}, answered by {@link FormFlow#savedEdit} with 409 and the typed values.
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(Versioned row, int expectedVersion) {
        super(row.getClass().getSimpleName() + " is at version " + row.version() + ", the form was opened at "
                + expectedVersion);
    }
}
