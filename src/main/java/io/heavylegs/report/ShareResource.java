package io.heavylegs.report;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.heavylegs.account.Profile;
import io.heavylegs.account.SecretTokens;
import io.heavylegs.web.Flash;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.FormRefill;
import io.heavylegs.web.RefillablePages;
import io.heavylegs.web.SignedInUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/**
 * The owner's side of share links ({@code /shares}): make one for a range and a number of days, see when each was
 * last opened and how often, revoke one at once. A new link's token travels to the page after the redirect in a
 * short-lived cookie of this path only, and is shown there once: it is stored nowhere else.
 */
@Path("/shares")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ShareResource implements RefillablePages {

    static final String NEW_LINK_COOKIE = "heavylegs-new-share";

    /** A link as its owner's list shows it, with the times in the owner's time zone. */
    public record Row(ReportShare share, String status, String created, String expires, String lastOpened) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance shares(ShareForm form, FormErrors errors, List<Row> links, String newLink,
                String newLinkExpires, ZoneId zone);
    }

    @Inject
    ShareService shares;

    @Inject
    ReportService reports;

    @Inject
    SignedInUser signedIn;

    @Inject
    Flash flash;

    @Inject
    FormRefill refill;

    @Context
    UriInfo uri;

    @GET
    public Response list(@CookieParam(NEW_LINK_COOKIE) String newToken, @Context HttpServerRequest request) {
        Response.ResponseBuilder page = Response.ok(page(newLinkForm(), new FormErrors(),
                SecretTokens.wellFormed(newToken) ? newToken : null));
        if (newToken != null) {
            page.cookie(newLinkCookie("", 0, request.isSSL()));
        }
        return page.build();
    }

    /** The new-link form: as typed when it comes back after an expired token (web/FormRefill), else blank. */
    private ShareForm newLinkForm() {
        return refill.restore("/shares", ShareForm::new).orElseGet(() -> {
            ReportRangeForm defaults = new ReportRangeForm();
            defaults.validate(Profile.todayFor(signedIn.id()), reports.firstEntryDate(signedIn.id()));
            return ShareForm.blank(defaults.range());
        });
    }

    /** The list with the new-link form shown again; a revoke keeps nothing worth showing (the plain refusal). */
    @Override
    public Optional<TemplateInstance> pageFor(String postPath) {
        return postPath.equals("/shares") && signedIn.present()
                ? Optional.of(page(newLinkForm(), new FormErrors(), null))
                : Optional.empty();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam ShareForm form, @Context HttpServerRequest request) {
        FormErrors errors = form.validate(Profile.todayFor(signedIn.id()), reports.firstEntryDate(signedIn.id()));
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(form, errors, null)).build();
        }
        ShareService.Created created = shares.create(signedIn.id(), form.range(), form.validDays());
        flash.set("Your link is ready. Copy it now: it is shown only this once.");
        return Response.seeOther(URI.create("/shares"))
                .cookie(newLinkCookie(created.token(), 300, request.isSSL())).build();
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") String id) {
        long shareId;
        try {
            shareId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        shares.revoke(signedIn.id(), shareId);
        flash.set("The link is revoked: it no longer opens the report.");
        return Response.seeOther(URI.create("/shares")).build();
    }

    private TemplateInstance page(ShareForm form, FormErrors errors, String newToken) {
        ZoneId zone = Profile.forUser(signedIn.id()).timeZone();
        List<ReportShare> links = shares.ofOwner(signedIn.id());
        java.time.Instant now = shares.now();
        List<Row> rows = links.stream().map(s -> new Row(s,
                s.isRevoked() ? "Revoked" : s.worksAt(now) ? "Works" : "Expired",
                SharedTimes.format(s.createdAt, zone), SharedTimes.format(s.expiresAt, zone),
                s.lastOpenedAt == null ? "Not opened yet" : SharedTimes.format(s.lastOpenedAt, zone))).toList();
        String newLink = null;
        String newLinkExpires = null;
        if (newToken != null) {
            newLink = uri.getBaseUriBuilder().path("shared").path(newToken).build().toString();
            newLinkExpires = ReportShare.findByTokenHash(SecretTokens.hash(newToken))
                    .filter(s -> s.ownerId == signedIn.id()).map(s -> SharedTimes.format(s.expiresAt, zone))
                    .orElse(null);
            if (newLinkExpires == null) {
                newLink = null; // not this user's link, or revoked and gone: nothing to show
            }
        }
        return Templates.shares(form, errors, rows, newLink, newLinkExpires, zone);
    }

    /** Only for this path, gone within minutes, never readable by script. */
    private static NewCookie newLinkCookie(String token, int maxAge, boolean secure) {
        return new NewCookie.Builder(NEW_LINK_COOKIE).value(token).path("/shares").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
