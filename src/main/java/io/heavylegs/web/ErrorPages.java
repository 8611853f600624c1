package io.heavylegs.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Errors as pages inside the layout, never with a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance error(int status, String title, String message);

        /** Stands alone, without the layout: it is also rendered where no request scope exists. */
        public static native TemplateInstance unavailable(int retryAfterSeconds);
    }

    public static TemplateInstance notFoundPage() {
        return Templates.error(404, "Page not found",
                "There is no page at this address. It may have moved, or the link may be mistyped.");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(Response.Status.NOT_FOUND, notFoundPage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return page(Response.Status.fromStatusCode(status), Templates.error(status, titleFor(status),
                messageFor(status)));
    }

    /** The 503 answer to a request that failed only because the database is out of reach. */
    public static Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.unavailable(DatabaseUnavailable.RETRY_AFTER_SECONDS)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return unavailable();
        }
        if (UnreadableInput.isCause(e)) {
            // The client's fault, not ours: no stack trace, and never the value itself (it may be health data).
            LOG.debugf("Unreadable input: %s", e.getClass().getName());
            return page(Response.Status.BAD_REQUEST, Templates.error(400, "This form could not be read",
                    "What was sent was damaged on the way, or holds characters HeavyLegs cannot store. Go back, "
                            + "check what you typed, and send it again."));
        }
        LOG.error("Unexpected error", e);
        return page(Response.Status.INTERNAL_SERVER_ERROR, Templates.error(500, "Something went wrong",
                "We could not complete this request. Nothing you typed was lost on our side: go back and try "
                        + "again in a moment."));
    }

    /**
     * A state-changing request whose form token is missing, damaged or expired, and whose form has no page to be
     * shown again on (see {@link CsrfGuard}). Such a form was most likely left open too long.
     */
    public static Response refusedForm() {
        return page(Response.Status.BAD_REQUEST, expiredFormPage());
    }

    static TemplateInstance expiredFormPage() {
        return Templates.error(400, "This form had expired", "This form had expired, so nothing was saved. Go "
                + "back, reload the page, check what you typed and save again.");
    }

    /** The plain error page of {@code status}, for refusals decided before any resource ran. */
    static Response page(int status) {
        return page(Response.Status.fromStatusCode(status) == null ? Response.Status.BAD_REQUEST
                : Response.Status.fromStatusCode(status), Templates.error(status, titleFor(status), messageFor(status)));
    }

    private static Response page(Response.StatusType status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "This request could not be understood";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 405 -> "Not allowed here";
            case 413 -> "Too much data";
            case 414 -> "This address is too long";
            case 431 -> "Too much sent with this request";
            case 415 -> "Unsupported form";
            default -> status >= 500 ? "Something went wrong" : "This request could not be completed";
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 400 -> "The form was incomplete or had expired. Go back, reload the page and try again.";
            case 403 -> "You do not have access to this page. If your session ended, log in again.";
            case 404 -> "There is no page at this address.";
            case 413 -> "The request was larger than HeavyLegs accepts.";
            case 414 -> "The address holds more than HeavyLegs reads. Go back, or start again from the home page.";
            case 431 -> "The browser sent more cookies or headers than HeavyLegs reads. Clearing this site's "
                    + "cookies usually helps.";
            case 415 -> "Send the form from the page itself.";
            default -> status >= 500 ? "We could not complete this request. Try again in a moment."
                    : "Go back and try again.";
        };
    }
}
