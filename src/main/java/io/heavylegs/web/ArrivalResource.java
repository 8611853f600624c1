package io.heavylegs.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The page {@link CrossSiteArrival} answers a navigation from another site with: it opens the page again from this
 * site. Only the landing pages can be its target, so it can never send anyone elsewhere.
 */
@Path(CrossSiteArrival.ARRIVING)
@Produces(MediaType.TEXT_HTML)
public class ArrivalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance arriving(String to);
    }

    @GET
    public TemplateInstance arriving(@QueryParam("to") String to) {
        return Templates.arriving(to != null && CrossSiteArrival.LANDING_PAGES.contains(to) ? to : "/journal");
    }
}
