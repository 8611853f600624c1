package io.heavylegs.account;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.heavylegs.web.FormRefill;
import io.heavylegs.web.SignedInUser;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * After the login that follows an ended session, the form page {@link KeptForms} sent the browser back to is shown
 * with what was typed: before the page renders, the kept form of this browser and this account is taken and offered
 * to the page ({@link FormRefill}). Any other request passes untouched (one cookie lookup).
 */
public class KeptFormOffer {

    @Inject
    KeptForms kept;

    @Inject
    SignedInUser signedIn;

    @Inject
    FormRefill refill;

    @Inject
    RoutingContext routing;

    @ServerRequestFilter
    public void offerKeptForm(ContainerRequestContext request) {
        Cookie browser = routing.request().getCookie(FormRefill.KEPT_COOKIE);
        if (browser == null || !request.getMethod().equals("GET") || !signedIn.present()) {
            return;
        }
        Optional<String> postPath = KeptForms.postPathOf(request.getUriInfo().getPath());
        postPath.flatMap(path -> kept.take(browser.getValue(), signedIn.id(), path)).ifPresent(fields -> refill
                .offer(new FormRefill.Typed(FormRefill.Reason.SIGNED_OUT, postPath.get(), fields)));
    }
}
