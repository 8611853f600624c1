package io.heavylegs.account;

import java.net.URI;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.heavylegs.web.Flash;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.FormRefill;
import io.heavylegs.web.RefillablePages;
import io.heavylegs.web.SignedInUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;

@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountResource implements RefillablePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(RegisterForm form, FormErrors errors);

        static native TemplateInstance login(boolean failed, boolean throttled, String email, String passkeyProblem);

        static native TemplateInstance account(String email, ProfileForm profile, FormErrors profileErrors,
                FormErrors passwordErrors, FormErrors deleteErrors, PasskeyForm passkey, FormErrors passkeyErrors);

        static native TemplateInstance logout();
    }

    @Inject
    AccountService accounts;

    @Inject
    SignedInUser signedIn;

    @Inject
    SecurityIdentity identity;

    @Inject
    Flash flash;

    @Inject
    FormRefill refill;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    AddressConfirmations confirmations;

    @GET
    @Path("register")
    public TemplateInstance registerForm() {
        return Templates.register(refill.restore("/register", RegisterForm::new).orElseGet(RegisterForm::new),
                new FormErrors());
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@BeanParam RegisterForm form) {
        FormErrors errors = accounts.register(form);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.register(form.withoutPasswords(), errors)).build();
        }
        confirmations.sendFirst(form.email);
        flash.set("Your account is ready. Log in to start your journal.");
        return Response.seeOther(URI.create("/login")).build();
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("error") String error,
            @CookieParam(LoginEmailMemory.COOKIE) String keptEmail) {
        // The address of the failed attempt is shown once, on the page the failure leads to, then forgotten.
        String email = error == null ? null : LoginEmailMemory.fromCookie(keptEmail).orElse(null);
        Response.ResponseBuilder page = Response.ok(Templates.login(error != null, false, email, null));
        if (keptEmail != null) {
            page.cookie(LoginEmailMemory.forget());
        }
        return page.build();
    }

    /** Where a throttled login POST is rerouted ({@link LoginThrottleResponder}). */
    @GET
    @Path("login/too-many-attempts")
    public Response tooManyAttempts(@Context RoutingContext routing) {
        // Rerouted from the login POST itself, so the typed address is still in this request's form.
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, throttle.retryAfter().toSeconds())
                .entity(Templates.login(false, true, LoginEmailMemory.typed(routing).orElse(null), null)).build();
    }

    /** A bookmarked or typed logout address, or the header's link on a page without a form token. */
    @GET
    @Path("logout")
    @Authenticated
    public TemplateInstance confirmLogout() {
        return Templates.logout();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        accounts.endAllSessions(signedIn.id());
        FormAuthenticationMechanism.logout(identity);
        flash.set("You are logged out.");
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Path("account")
    @Authenticated
    public TemplateInstance account() {
        ProfileForm profile = refill.restore("/account/profile", ProfileForm::new).orElseGet(this::storedProfile);
        return Templates.account(signedIn.email(), profile, new FormErrors(), new FormErrors(), new FormErrors(),
                new PasskeyForm(), new FormErrors());
    }

    /**
     * The registration form and the account page (profile, password, deletion), shown again with what was typed,
     * passwords never (web/FormRefill).
     */
    @Override
    public Optional<TemplateInstance> pageFor(String postPath) {
        return switch (postPath) {
            case "/register" -> Optional.of(registerForm());
            case "/account/profile", "/account/password", "/account/delete" ->
                signedIn.present() ? Optional.of(account()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    @POST
    @Path("account/profile")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveProfile(@BeanParam ProfileForm form) {
        FormErrors errors = accounts.saveProfile(signedIn.id(), form, Profile.todayFor(signedIn.id()));
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.account(signedIn.email(), form, errors, new FormErrors(), new FormErrors(),
                            new PasskeyForm(), new FormErrors()))
                    .build();
        }
        flash.set("Your profile is saved.");
        return Response.seeOther(URI.create("/account")).build();
    }

    /** A read outside a transaction: Hibernate's request-scoped session serves it. */
    private ProfileForm storedProfile() {
        return ProfileForm.of(Profile.forUser(signedIn.id()));
    }

    /** Ends one of the user's sessions (another user's, or an ended one: 404); ending this one logs out here. */
    @POST
    @Path("account/sessions/{id}/end")
    @Authenticated
    public Response endSession(@PathParam("id") String id) {
        long sessionId;
        try {
            sessionId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        if (!sessions.end(signedIn.id(), sessionId)) {
            throw new NotFoundException();
        }
        AuditLog.sessionsEnded(signedIn.id(), "ended-one");
        if (sessionId == currentSession()) {
            FormAuthenticationMechanism.logout(identity);
            flash.set("You are logged out on this device.");
            return Response.seeOther(URI.create("/login")).build();
        }
        flash.set("That session is ended: the device it was on is logged out.");
        return Response.seeOther(URI.create("/account#sessions")).build();
    }

    @POST
    @Path("account/sessions/end-others")
    @Authenticated
    public Response endOtherSessions() {
        sessions.endOthers(signedIn.id(), currentSession());
        AuditLog.sessionsEnded(signedIn.id(), "ended-others");
        flash.set("Every other session is ended: you are still logged in on this device only.");
        return Response.seeOther(URI.create("/account#sessions")).build();
    }

    /** The link of a confirmation mail; it works once, whether or not this browser is logged in. */
    @GET
    @Path("account/confirm/{token}")
    public Response confirmAddress(@PathParam("token") String token) {
        if (!confirmations.confirm(token)) {
            throw new NotFoundException();
        }
        flash.set("Thank you: your email address is confirmed.");
        return Response.seeOther(URI.create(signedIn.present() ? "/account" : "/login"))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("account/confirm-email")
    @Authenticated
    public Response resendConfirmation() {
        if (confirmations.send(signedIn.id())) {
            flash.set("We have sent you a new link. Open it to confirm your address.");
        } else {
            flash.set("No new link was sent: your address is confirmed already, or we sent three in the last hour, or "
                    + "e-mail is not set up on this server.");
        }
        return Response.seeOther(URI.create("/account#address")).build();
    }

    private long currentSession() {
        Long id = identity.getAttribute(SessionIdentities.SESSION_ATTRIBUTE);
        return id == null ? -1 : id;
    }

    @POST
    @Path("account/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@BeanParam ChangePasswordForm form) {
        FormErrors errors = accounts.changePassword(signedIn.id(), form);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.account(signedIn.email(), storedProfile(), new FormErrors(), errors,
                            new FormErrors(), new PasskeyForm(), new FormErrors())).build();
        }
        // Every session ended with the change, this one too: a fresh login proves the new password works.
        FormAuthenticationMechanism.logout(identity);
        flash.set("Your password is changed, and you are logged out everywhere. Log in with the new password.");
        return Response.seeOther(URI.create("/login")).build();
    }

    @POST
    @Path("account/delete")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@BeanParam DeleteAccountForm form) {
        FormErrors errors = accounts.deleteAccount(signedIn.id(), form);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.account(signedIn.email(), storedProfile(), new FormErrors(),
                            new FormErrors(), errors, new PasskeyForm(), new FormErrors())).build();
        }
        FormAuthenticationMechanism.logout(identity);
        flash.set("Your account and everything in it are deleted.");
        return Response.seeOther(URI.create("/")).build();
    }
}
