package io.heavylegs.article;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.heavylegs.web.FilterOrder;
import io.heavylegs.web.Flash;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The article pages as an anonymous reader gets them, kept rendered. An anonymous article page is the same for
 * everyone until the articles or the templates change (a restart), so it is rendered once by
 * {@link ArticleResource} and then answered from memory, before the request reaches the REST layer: no
 * rendering, no CSRF cookie (such a page has no form), and no session work. Anything personal bypasses this
 * cache: a session cookie, a flash message waiting to be shown, or a query (a search).
 * <p>
 * Measured on the bench (bench/RESULTS.md): rendering an article through Qute and the REST layer took about
 * 2 ms of CPU per request, far from the target of 60 % of a static file's throughput.
 */
@ApplicationScoped
public class PublicPageCache {

    private static final String CONTENT_TYPE = "text/html;charset=UTF-8";

    private record Page(String etag, byte[] body) {
    }

    private final Map<String, Page> byPath = new ConcurrentHashMap<>();

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    void register(@Observes Filters filters) {
        filters.register(this::answerFromMemory, FilterOrder.PUBLIC_PAGES);
    }

    /**
     * Keeps the page an anonymous reader was just given at {@code path}; {@code etag} is the one the page was
     * served with, so a revalidation gets the same answer from here as from the resource.
     */
    void keep(String path, String etag, String html) {
        byPath.put(path, new Page(etag, html.getBytes(StandardCharsets.UTF_8)));
    }

    /** Drops every kept page: the articles were just synchronised. */
    void clear() {
        byPath.clear();
    }

    private void answerFromMemory(RoutingContext context) {
        HttpServerRequest request = context.request();
        Page page = request.method() == HttpMethod.GET && request.query() == null ? byPath.get(request.path()) : null;
        if (page == null || context.request().getCookie(sessionCookie) != null
                || context.request().getCookie(Flash.COOKIE) != null) {
            context.next();
            return;
        }
        String etag = '"' + page.etag() + '"';
        context.response()
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CACHE_CONTROL, ArticleResource.PUBLIC_CACHE)
                .putHeader(HttpHeaders.VARY, "Cookie");
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            context.response().setStatusCode(304).end();
            return;
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(Buffer.buffer(page.body()));
    }

    /** If-None-Match may list several tags, weak ones included (RFC 9110, 13.1.2: weak comparison). */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
