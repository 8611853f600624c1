package io.heavylegs.account;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.Flash;
import io.heavylegs.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * A forgotten password ({@code /password-reset} in README.md, "The public contract"). Every page is {@code no-store}: the page a link
 * opens carries the token in its address.
 */
@Path("/password-reset")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(boolean mailSetUp);

        static native TemplateInstance sent(boolean mailSetUp, long minutes);

        static native TemplateInstance choose(String token, FormErrors errors);
    }

    @Inject
    PasswordResets resets;

    @Inject
    Mailbox mailbox;

    @Inject
    Flash flash;

    @GET
    public Response requestForm() {
        return page(Response.ok(Templates.request(mailbox.canSend())));
    }

    /** The same answer for every address, known, unknown, throttled or not even an address. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@RestForm String email, @Context HttpServerRequest request) {
        resets.request(email, clientAddress(request));
        return page(Response.seeOther(URI.create("/password-reset/sent")));
    }

    @GET
    @Path("sent")
    public Response sent() {
        return page(Response.ok(Templates.sent(mailbox.canSend(), PasswordResets.VALIDITY.toMinutes())));
    }

    @GET
    @Path("{token}")
    public Response chooseForm(@PathParam("token") String token) {
        if (!resets.valid(token)) {
            throw new NotFoundException();
        }
        return page(Response.ok(Templates.choose(token, new FormErrors())));
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("token") String token, @BeanParam PasswordResetForm form) {
        FormErrors errors = resets.complete(token, form);
        if (!errors.isEmpty()) {
            return page(Response.status(Response.Status.BAD_REQUEST).entity(Templates.choose(token, errors)));
        }
        flash.set("Your new password is set, and every device that was logged in is logged out. Log in with it now.");
        return page(Response.seeOther(URI.create("/login")));
    }

    private static Response page(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").build();
    }

    /** Behind a trusted proxy this is the forwarded client address (quarkus.http.proxy.*), as for logins. */
    private static String clientAddress(HttpServerRequest request) {
        if (request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
            return "unknown";
        }
        return request.remoteAddress().hostAddress();
    }
}
