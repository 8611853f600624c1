package io.heavylegs.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.heavylegs.article.ArticleFile.Source;
import io.heavylegs.article.MarkdownRenderer.TocEntry;
import io.heavylegs.codes.Symptom;
import io.heavylegs.web.HeavyLegsConfig;
import io.heavylegs.web.Sha256;

/**
 * The published articles, held in memory. They change only when {@link ArticleSync} runs at start-up, so
 * pages read them from here instead of querying for a dozen rows on every request. Search still goes to
 * PostgreSQL. Also available to templates as {@code inject:articleCatalog} (the home page lists them).
 */
@ApplicationScoped
@Named("articleCatalog")
public class ArticleCatalog {

    public static final String OVERVIEW_SLUG = "heavy-legs";

    /** What a page looks like also depends on these templates: a deploy that changes them must change ETags. */
    private static final List<String> PAGE_TEMPLATES = List.of("templates/layout.html",
            "templates/ArticleResource/article.html", "templates/ArticleResource/index.html");

    private record Snapshot(List<ArticleView> all, Map<String, ArticleView> bySlug, String indexEtag) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    HeavyLegsConfig site;

    @Inject
    PublicPageCache publicPages;

    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), "empty");
    private String templateHash;

    /** All published articles in their front-matter order: the overview ({@value #OVERVIEW_SLUG}) first. */
    public List<ArticleView> all() {
        return snapshot.all();
    }

    public Optional<ArticleView> find(String slug) {
        return Optional.ofNullable(snapshot.bySlug().get(slug));
    }

    /**
     * The one-line explanation of an article (front matter {@code mark-explanation}), for pages that show a
     * mark and link to the article behind it.
     */
    public Optional<String> markExplanation(String slug) {
        return find(slug).map(ArticleView::markExplanation);
    }

    String indexEtag() {
        return snapshot.indexEtag();
    }

    /** Replaces the snapshot; called by the sync inside its transaction, with the rows it just wrote. */
    void load(List<Article> published) {
        Map<String, String> titles = new LinkedHashMap<>();
        published.forEach(a -> titles.put(a.slug, a.title));
        List<ArticleView> views = new ArrayList<>();
        StringBuilder indexKey = new StringBuilder(templateHash());
        for (Article a : published) {
            views.add(toView(a, titles));
            indexKey.append(a.slug).append(a.contentHash);
        }
        Map<String, ArticleView> bySlug = new LinkedHashMap<>();
        views.forEach(v -> bySlug.put(v.slug(), v));
        snapshot = new Snapshot(List.copyOf(views), Map.copyOf(bySlug), Sha256.hex(indexKey.toString()).substring(0, 32));
        publicPages.clear();
    }

    private ArticleView toView(Article a, Map<String, String> titles) {
        String url = site.origin() + "/articles/" + a.slug;
        List<ArticleView.Link> related = Arrays.stream(a.related)
                .filter(titles::containsKey) // an unpublished article is simply not offered
                .map(slug -> new ArticleView.Link("/articles/" + slug, titles.get(slug)))
                .toList();
        List<ArticleView.Link> symptoms = Arrays.stream(a.symptoms)
                .flatMap(code -> Symptom.fromCode(code).stream())
                // Shown inside a sentence ("This article explains: pins and needles, ..."), hence lower case.
                .map(s -> new ArticleView.Link("/journal/new", s.label.toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return new ArticleView(a.slug, a.title, a.summary, a.bodyHtml, readList(a.toc, new TypeReference<List<TocEntry>>() {
        }), a.reviewed, a.reviewDue, readList(a.sources, new TypeReference<List<Source>>() {
        }), related, symptoms, a.markExplanation, url, jsonLd(a, url),
                Sha256.hex(templateHash() + a.contentHash).substring(0, 32));
    }

    /**
     * schema.org MedicalWebPage data for search engines. Built with Jackson so every value is escaped as JSON,
     * then every '<' is written as \u003c: the text sits inside a script element, and "</script>" in a title
     * must not be able to end it.
     */
    private String jsonLd(Article a, String url) {
        ObjectNode page = json.createObjectNode();
        page.put("@context", "https://schema.org");
        page.put("@type", "MedicalWebPage");
        page.put("name", a.title);
        page.put("headline", a.title);
        page.put("description", a.summary);
        page.put("url", url);
        page.put("lastReviewed", a.reviewed.toString());
        page.put("inLanguage", "en-GB"); // the articles are written in British English
        // An author and no reviewedBy: no clinician has reviewed the articles yet (see ArticleView.AUTHOR).
        ObjectNode author = page.putObject("author");
        author.put("@type", "Organization");
        author.put("name", ArticleView.AUTHOR);
        ObjectNode about = page.putObject("about");
        about.put("@type", "MedicalCondition");
        about.put("name", a.about);
        try {
            return json.writeValueAsString(page).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serialises", e);
        }
    }

    private <T> List<T> readList(String value, TypeReference<List<T>> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new IllegalStateException("Stored article JSON is unreadable", e);
        }
    }

    private synchronized String templateHash() {
        if (templateHash == null) {
            StringBuilder all = new StringBuilder();
            for (String name : PAGE_TEMPLATES) {
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                    all.append(in == null ? name : new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    all.append(name);
                }
            }
            templateHash = Sha256.hex(all.toString());
        }
        return templateHash;
    }

}
