package io.heavylegs.article;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Full-text search over the published articles, in PostgreSQL, best match first. */
@ApplicationScoped
public class ArticleSearch {

    public static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_HITS = 20;

    /*
     * ts_headline marks matches with these; they cannot occur in our articles and survive HTML escaping
     * unchanged, so after escaping the whole snippet they are the only thing turned back into markup.
     */
    private static final String START = "[[hl-start]]";
    private static final String STOP = "[[hl-stop]]";

    // websearch_to_tsquery accepts any text (quotes, "or", "-", stray markup) without raising an error,
    // unlike to_tsquery: that is why it is used for what people type. The query is always a bound parameter.
    private static final String SQL = """
            SELECT a.slug, a.title, a.summary, a.reviewed,
                   ts_headline('english', a.body_text, query,
                       'StartSel="%s", StopSel="%s", MaxWords=30, MinWords=12, MaxFragments=2,
                        FragmentDelimiter=" … "') AS snippet
            FROM article a, websearch_to_tsquery('english', :q) AS query
            WHERE a.published AND a.search @@ query
            ORDER BY ts_rank_cd(a.search, query) DESC, a.position, a.slug
            LIMIT %d
            """.formatted(START, STOP, MAX_HITS);

    public record Hit(String slug, String title, String summary, LocalDate reviewed, String snippetHtml) {
    }

    @Inject
    EntityManager em;

    /** The caller checks the length; a blank query has no hits. */
    public List<Hit> search(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL).setParameter("q", q).getResultList();
        return rows.stream().map(row -> new Hit((String) row[0], (String) row[1], (String) row[2],
                toLocalDate(row[3]), highlight((String) row[4]))).toList();
    }

    /**
     * Escapes the whole snippet, then turns only our own markers into {@code <mark>}. The stored text ends every
     * paragraph, list item and table cell with a line break; inside one line of snippet, a break after a
     * sentence becomes a space and any other (list items, cells) a middle dot, so fragments do not run together.
     */
    static String highlight(String snippet) {
        String escaped = escape(snippet.strip()).replace(START, "<mark>").replace(STOP, "</mark>");
        return BREAK_AFTER_SENTENCE.matcher(escaped).replaceAll(" ").replace("\n", " · ");
    }

    private static final Pattern BREAK_AFTER_SENTENCE = Pattern
            .compile("(?<=[.?!:])\\s*\n\\s*");

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
    }
}
