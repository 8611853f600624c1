package io.heavylegs.article;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.heavylegs.web.HeavyLegsConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The sitemap for search engines: the home page and every published article, as absolute URLs. */
@Path("/sitemap.xml")
public class SitemapResource {

    @CheckedTemplate
    static class Templates {
        /** An .xml template: Qute escapes every value for XML. */
        static native TemplateInstance sitemap(String origin, List<ArticleView> articles);
    }

    @Inject
    ArticleCatalog catalog;

    @Inject
    HeavyLegsConfig site;

    @GET
    @Produces("application/xml")
    public Response sitemap() {
        return Response.ok(Templates.sitemap(site.origin(), catalog.all()))
                .header(HttpHeaders.CACHE_CONTROL, ArticleResource.PUBLIC_CACHE).build();
    }
}
