package io.heavylegs.labs;

/** The result was changed after the form was opened: saving would silently overwrite that change. */
public class StaleLabResultException extends RuntimeException {

    public StaleLabResultException(long id) {
        super("Lab result " + id + " was changed after the form was opened");
    }
}
