package io.heavylegs.reminder;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.heavylegs.account.AccountService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The unsubscribe link of a reminder mail ({@link UnsubscribeLinks}), for anyone holding it, signed in or not.
 * Opening it only asks (a mail scanner that follows every link must not stop anything); the form's POST, with its
 * CSRF token like every form, stops the reminders. A link that is not one of ours answers the 404 page.
 */
@Path("/reminders")
@Produces(MediaType.TEXT_HTML)
public class ReminderResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(String token);

        static native TemplateInstance unsubscribed();
    }

    @Inject
    UnsubscribeLinks links;

    @Inject
    AccountService accounts;

    @GET
    @Path("unsubscribe/{token}")
    public Response confirm(@PathParam("token") String token) {
        links.userOf(token).orElseThrow(NotFoundException::new);
        return page(Response.ok(Templates.unsubscribe(token)));
    }

    @POST
    @Path("unsubscribe/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@PathParam("token") String token) {
        long userId = links.userOf(token).orElseThrow(NotFoundException::new);
        accounts.stopReminders(userId);
        return page(Response.seeOther(URI.create("/reminders/unsubscribed")));
    }

    @GET
    @Path("unsubscribed")
    public Response unsubscribed() {
        return page(Response.ok(Templates.unsubscribed()));
    }

    /** The page's address holds the token: no cache keeps it. */
    private static Response page(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").build();
    }
}
