package io.heavylegs.account;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.ClientAddress;
import io.heavylegs.web.Flash;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.SignedInUser;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Passkeys on the account page (add, remove) and on the login page (sign in). Every route is an ordinary form
 * POST with the CSRF token, refused from other sites like any other; {@code /js/passkeys.js} runs the browser's
 * WebAuthn ceremony in between: it asks for the options (the {@code options} routes, JSON), lets the device
 * answer, puts the answer into the form's hidden {@code credential} field and sends the form.
 */
@Path("/")
public class PasskeyResource {

    /** Form authentication's memory of the page a signed-out visitor asked for (web/CookieRules keeps it path-only). */
    static final String ASKED_PAGE = "quarkus-redirect-location";

    @Inject
    Passkeys passkeys;

    @Inject
    SignedInUser signedIn;

    @Inject
    Flash flash;

    @Inject
    ClientAddress clientAddress;

    @Inject
    LoginThrottle throttle;

    @Inject
    RoutingContext routing;

    @POST
    @Path("account/passkeys/options")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public String creationOptions() {
        return passkeys.creationOptions(signedIn.email(), routing);
    }

    @POST
    @Path("account/passkeys")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(@BeanParam PasskeyForm form) {
        FormErrors errors = passkeys.add(signedIn.id(), form, routing);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(AccountResource.Templates.account(signedIn.email(),
                            ProfileForm.of(Profile.forUser(signedIn.id())), new FormErrors(), new FormErrors(),
                            new FormErrors(), form.retyped(), errors))
                    .build();
        }
        flash.set("Your passkey is added. Next time you can log in with it instead of your password.");
        return Response.seeOther(URI.create("/account#passkeys")).build();
    }

    /** Another user's passkey, or one that does not exist: 404, and nothing changes. */
    @POST
    @Path("account/passkeys/{id}/remove")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response remove(@PathParam("id") String id) {
        long passkeyId;
        try {
            passkeyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        if (!passkeys.remove(signedIn.id(), passkeyId)) {
            throw new NotFoundException();
        }
        flash.set("The passkey is removed: it no longer logs you in.");
        return Response.seeOther(URI.create("/account#passkeys")).build();
    }

    @POST
    @Path("login/passkey/options")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public String requestOptions() {
        return passkeys.requestOptions(routing);
    }

    /**
     * Signs in with the device's answer and starts the same session as a password login; 400 with the login
     * page when it was not accepted, 429 when the client address is throttled.
     */
    @POST
    @Path("login/passkey")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm String credential, @RestForm String remember,
            @CookieParam(ASKED_PAGE) String askedPage) {
        if (credential == null || credential.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(AccountResource.Templates.login(false, false,
                    null, "Logging in with a passkey needs JavaScript and a browser or device that supports passkeys. "
                            + "Log in with your email and password instead.")).build();
        }
        Passkeys.SignIn outcome = passkeys.signIn(credential, "on".equals(remember), clientAddress.of(routing),
                routing.request().getHeader(HttpHeaders.USER_AGENT), routing);
        return switch (outcome) {
            case SIGNED_IN -> {
                // Like the password login: back to the page asked for while signed out, its memory forgotten
                routing.response().addCookie(Cookie.cookie(ASKED_PAGE, "").setPath("/").setMaxAge(0));
                yield Response.seeOther(URI.create(landing(askedPage))).build();
            }
            case THROTTLED -> Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, throttle.retryAfter().toSeconds())
                    .entity(AccountResource.Templates.login(false, true, null, null)).build();
            case FAILED -> Response.status(Response.Status.BAD_REQUEST).entity(AccountResource.Templates.login(false,
                    false, null, "That passkey did not log you in: it is not one of this site's, it was removed, or the "
                            + "device's answer could not be checked. Try again, or log in with your email and password."))
                    .build();
        };
    }

    /**
     * The path of the asked page on this site, or the journal: never another host (the path alone is used, and one
     * that starts with two slashes or a backslash would leave the site), never the login pages themselves.
     */
    static String landing(String askedPage) {
        if (askedPage == null) {
            return "/journal";
        }
        try {
            String path = URI.create(askedPage).getRawPath();
            boolean onThisSite = path != null && path.startsWith("/") && !path.startsWith("//")
                    && !path.contains("\\") && !path.startsWith("/login") && !path.startsWith("/j_security_check");
            return onThisSite ? path : "/journal";
        } catch (IllegalArgumentException e) {
            return "/journal";
        }
    }
}
