package io.heavylegs.web;

import java.time.LocalDate;

import org.jboss.resteasy.reactive.RestForm;

/**
 * A form that creates a row or edits a stored {@link Versioned} one. {@link #validate} checks it against today (no
 * date after it) and, when nothing is wrong, {@link #values} holds what it parsed into {@code V}; the version it
 * was opened at travels in a hidden field, so that a save over a change made since is refused
 * ({@link FormFlow#savedEdit}).
 *
 * @param <V> the validated values the feature's service stores
 */
public abstract class VersionedForm<V> implements Form {

    @RestForm
    public String version;

    /** The latest date the form allows: today where the user is, as given to {@link #validate}. */
    protected LocalDate today;
    private V values;

    /**
     * Checks every field against the contract ({@link Forms#validate}: the annotations, then
     * {@link #checkTogether}, which hands its parsed values to {@link #accept} when nothing is wrong).
     */
    public FormErrors validate(LocalDate today) {
        this.today = today;
        this.values = null;
        return Forms.validate(this);
    }

    /** For {@link #checkTogether}: what the form says, once every field passed. */
    protected void accept(V parsed) {
        values = parsed;
    }

    /** The validated values; only after {@link #validate} found nothing wrong. */
    public V values() {
        if (values == null) {
            throw new IllegalStateException("The form has not been validated, or it has errors");
        }
        return values;
    }

    /** The version the form was opened at, or -1 when missing or not a number (so it is never current). */
    public int expectedVersion() {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
