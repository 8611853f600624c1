package io.heavylegs.web;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/**
 * The answers of the one form flow (ARCHITECTURE.md, "How a request flows"): a refused form comes back with 400
 * and the typed values; a saved one sets a flash message and answers 303; an edit over a change made since is
 * answered with 409 and nothing typed lost; another user's id is the same 404 as an id that does not exist.
 */
@RequestScoped
public class FormFlow {

    @Inject
    Flash flash;

    /** 400 with the form page that shows the typed values and a message per field. */
    public static Response refused(TemplateInstance formPage) {
        return Response.status(Response.Status.BAD_REQUEST).entity(formPage).build();
    }

    /** 303 to {@code next}, which shows {@code message} once. */
    public Response saved(String message, String next) {
        flash.set(message);
        return Response.seeOther(URI.create(next)).build();
    }

    /**
     * Runs {@code save}, the service's update of the signed-in user's row (it throws {@link NotFoundException}
     * when the user has none with the id), and answers as {@link #saved} with "Changes saved.". When the row was
     * changed since the form was opened, it answers 409 with {@code conflictPage} of the row as stored now, the
     * form taking that row's version: the next save is meant to replace what is stored now.
     *
     * @param stored the signed-in user's row as stored now, or 404
     */
    public <R extends Versioned> Response savedEdit(VersionedForm<?> form, Runnable save, Supplier<R> stored,
            Function<R, TemplateInstance> conflictPage, String next) {
        try {
            save.run();
        } catch (StaleVersionException e) {
            R current = stored.get();
            form.version = Integer.toString(current.version());
            return Response.status(Response.Status.CONFLICT).entity(conflictPage.apply(current)).build();
        }
        return saved("Changes saved.", next);
    }

    /** As {@link #saved} when the service deleted the signed-in user's row; 404 when the user had none. */
    public Response deleted(boolean found, String message, String next) {
        if (!found) {
            throw new NotFoundException();
        }
        return saved(message, next);
    }
}
