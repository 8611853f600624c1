package io.heavylegs.treatment;

/** The treatment was changed after the form was opened: saving would silently overwrite that change. */
public class StaleTreatmentException extends RuntimeException {

    public StaleTreatmentException(long id) {
        super("Treatment " + id + " was changed after the form was opened");
    }
}
