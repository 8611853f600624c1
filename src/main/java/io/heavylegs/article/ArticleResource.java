package io.heavylegs.article;

import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.heavylegs.web.SignedInUser;
import io.heavylegs.web.Flash;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.TextInput;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The article index with its search, and one page per article. */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticleResource {

    /** Long enough to spare repeat visits, short enough that a corrected article shows up soon. */
    static final String PUBLIC_CACHE = "public, max-age=300";

    /*
     * A signed-in reader's page carries their navigation and a logout form with its CSRF token: it must not
     * sit in a shared cache, nor be answered with a 304 meant for the anonymous version.
     */
    static final String PRIVATE_CACHE = "private, no-store";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ArticleView> articles, String q, boolean searching,
                List<ArticleSearch.Hit> hits, FormErrors errors);

        static native TemplateInstance article(ArticleView article);
    }

    @Inject
    ArticleCatalog catalog;

    @Inject
    ArticleSearch search;

    @Inject
    SignedInUser signedInUser;

    @Inject
    Flash flash;

    @Inject
    PublicPageCache publicPages;

    @GET
    public Response index(@QueryParam("q") String q, @Context Request request) {
        // Characters no text may hold (NUL, other controls, U+FFFF) mean nothing to a search: they are dropped.
        String query = q == null ? ""
                : TextInput.withoutForbiddenCharacters(q).replaceAll("[\\t\\r\\n]+", " ").strip();
        if (query.isEmpty()) {
            return cached(request, "/articles", catalog.indexEtag(),
                    () -> Templates.index(catalog.all(), "", false, List.of(), new FormErrors()));
        }
        if (query.length() > ArticleSearch.MAX_QUERY_LENGTH) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.index(catalog.all(), query, true, List.of(), new FormErrors().add("q",
                            "Use at most " + ArticleSearch.MAX_QUERY_LENGTH + " characters: a few words work best.")))
                    .build();
        }
        return Response.ok(Templates.index(catalog.all(), query, true, search.search(query), new FormErrors()))
                .build();
    }

    @GET
    @Path("{slug}")
    public Response article(@PathParam("slug") String slug, @Context Request request) {
        ArticleView article = catalog.find(slug).orElseThrow(NotFoundException::new);
        return cached(request, "/articles/" + article.slug(), article.etag(), () -> Templates.article(article));
    }

    /**
     * A page that is the same for every anonymous reader: revalidated by its ETag, and kept rendered in
     * {@link PublicPageCache}. A page that shows a flash message is private.
     */
    private Response cached(Request request, String path, String etag, Supplier<TemplateInstance> page) {
        // A flash message ("You are logged out") is for this reader only, like a signed-in reader's page.
        if (signedInUser.present() || flash.getMessage() != null) {
            return Response.ok(page.get()).header(HttpHeaders.CACHE_CONTROL, PRIVATE_CACHE).build();
        }
        EntityTag tag = new EntityTag(etag);
        Response.ResponseBuilder response = request.evaluatePreconditions(tag);
        if (response == null) {
            String html = page.get().render();
            publicPages.keep(path, etag, html);
            response = Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
        return response.tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, PUBLIC_CACHE)
                // The same URL looks different once the session cookie says who is reading.
                .header(HttpHeaders.VARY, "Cookie")
                .build();
    }
}
