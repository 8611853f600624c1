package io.heavylegs.journal;

/** The entry was changed after the form was opened: saving would silently overwrite that change. */
public class StaleEntryException extends RuntimeException {

    public StaleEntryException(long entryId) {
        super("Journal entry " + entryId + " was changed after the form was opened");
    }
}
