package io.heavylegs.article;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.heavylegs.web.HeavyLegsConfig;

/** The sitemap for search engines: the home page and every published article, as absolute URLs. */
@Path("/sitemap.xml")
public class SitemapResource {

    @Inject
    ArticleCatalog catalog;

    @Inject
    HeavyLegsConfig site;

    @GET
    @Produces("application/xml")
    public Response sitemap() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        url(xml, site.origin() + "/", null);
        url(xml, site.origin() + "/articles", null);
        for (ArticleView article : catalog.all()) {
            url(xml, article.canonicalUrl(), article.reviewed().toString());
        }
        xml.append("</urlset>\n");
        return Response.ok(xml.toString()).header(HttpHeaders.CACHE_CONTROL, ArticleResource.PUBLIC_CACHE).build();
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("  <url><loc>").append(ArticleSearch.escape(loc)).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        }
        xml.append("</url>\n");
    }
}
