package io.heavylegs.article;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.heavylegs.article.ArticleFile.Source;
import io.heavylegs.article.MarkdownRenderer.TocEntry;

/**
 * An article ready for a page: everything parsed and formatted once when the catalog loads, so a request only
 * fills a template.
 */
public record ArticleView(
        String slug,
        String title,
        String summary,
        String bodyHtml,
        List<TocEntry> toc,
        LocalDate reviewed,
        LocalDate reviewDue,
        List<Source> sources,
        List<Link> related,
        List<Link> symptoms,
        String markExplanation,
        String canonicalUrl,
        String jsonLd,
        String etag) {

    /** A labelled link: a related article, or a symptom with the journal page that records it. */
    public record Link(String href, String label) {
    }

    /**
     * Who wrote the articles. Every article has the same provenance so far: written by the editorial team and
     * not yet reviewed by a clinician, and the page says both. A clinician's review, once one has happened,
     * belongs in that article's front matter with their name; until then nothing may suggest one.
     */
    public static final String AUTHOR = "HeavyLegs editorial team";

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public String author() {
        return AUTHOR;
    }

    public String path() {
        return "/articles/" + slug;
    }

    public String reviewedLabel() {
        return READABLE.format(reviewed);
    }

    public String reviewDueLabel() {
        return READABLE.format(reviewDue);
    }
}
