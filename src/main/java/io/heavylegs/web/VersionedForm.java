package io.heavylegs.web;

import org.jboss.resteasy.reactive.RestForm;

/**
 * A form that creates a row or edits a stored {@link Versioned} one: the version it was opened at travels in a
 * hidden field, so that a save over a change made since is refused ({@link FormFlow#savedEdit}).
 */
public abstract class VersionedForm implements Form {

    @RestForm
    public String version;

    /** The version the form was opened at, or -1 when missing or not a number (so it is never current). */
    public int expectedVersion() {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
