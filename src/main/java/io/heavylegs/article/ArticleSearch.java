package io.heavylegs.article;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

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

    /*
     * websearch_to_tsquery accepts any text (quotes, "or", "-", stray markup) without raising an error, unlike
     * to_tsquery: that is why it is used for what people type. The query is always a bound parameter; with
     * synonyms, the dictionary's alternatives are OR-ed to it (SearchSynonyms), also as a parameter.
     *
     * The snippet: body_text holds one sentence, list item or labelled table cell a line (MarkdownRenderer), so
     * the two lines sharing the most words with the query, in their order in the article, always start at a
     * sentence or phrase boundary and never run two cells together. Among lines sharing as many words, a line
     * with something to say beats a short heading. HighlightAll keeps each line whole.
     */
    private static final String SQL = """
            SELECT a.slug, a.title, a.summary, a.reviewed,
                   (SELECT string_agg(ts_headline('english', best.line, query,
                               'HighlightAll=true, StartSel="%1$s", StopSel="%2$s"'), E'\\n' ORDER BY best.n)
                    FROM (SELECT lines.line, lines.n
                          FROM unnest(string_to_array(a.body_text, E'\\n')) WITH ORDINALITY AS lines(line, n),
                               LATERAL (SELECT count(*) AS shared
                                        FROM unnest(tsvector_to_array(to_tsvector('english', lines.line))) AS word
                                        WHERE word = ANY(words)) AS score
                          WHERE score.shared > 0
                          ORDER BY score.shared DESC, length(lines.line) < %5$d, lines.n
                          LIMIT 2) AS best) AS snippet
            FROM article a,
                 (SELECT %3$s AS query, tsvector_to_array(to_tsvector('english', :words)) AS words) AS typed
            WHERE a.published AND a.search @@ query
            ORDER BY ts_rank_cd(a.search, query) DESC, a.position, a.slug
            LIMIT %4$d
            """;

    /** Characters below which a line is a heading or a bare phrase rather than a sentence. */
    private static final int SHORT_LINE = 40;

    private static final String PLAIN_QUERY = SQL.formatted(START, STOP, "websearch_to_tsquery('english', :q)",
            MAX_HITS, SHORT_LINE);
    private static final String EXPANDED_QUERY = SQL.formatted(START, STOP,
            "(websearch_to_tsquery('english', :q) || websearch_to_tsquery('english', :also))", MAX_HITS, SHORT_LINE);

    public record Hit(String slug, String title, String summary, LocalDate reviewed, String snippetHtml) {
    }

    @Inject
    EntityManager em;

    /** The caller checks the length; a blank query has no hits. */
    public List<Hit> search(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String also = SearchSynonyms.expand(q);
        Query query = em.createNativeQuery(also.isEmpty() ? PLAIN_QUERY : EXPANDED_QUERY)
                .setParameter("q", q)
                .setParameter("words", also.isEmpty() ? q : q + " " + also);
        if (!also.isEmpty()) {
            query.setParameter("also", also);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Hit((String) row[0], (String) row[1], (String) row[2],
                toLocalDate(row[3]), row[4] == null ? firstSentence((String) row[2]) : highlight((String) row[4])))
                .toList();
    }

    /**
     * Escapes the snippet, then turns only our own markers into {@code <mark>}. Its lines are whole sentences or
     * phrases from different places of the article, hence the ellipsis between them; a list item's closing
     * comma or semicolon would dangle before it.
     */
    static String highlight(String snippet) {
        return snippet.strip().lines()
                .map(line -> TRAILING_LIST_PUNCTUATION.matcher(line.strip()).replaceFirst(""))
                .map(line -> escape(line).replace(START, "<mark>").replace(STOP, "</mark>"))
                .collect(Collectors.joining(" … "));
    }

    private static final Pattern TRAILING_LIST_PUNCTUATION = Pattern.compile("[;,]$");

    /** For an article found by its title or summary alone: the summary's opening sentence, escaped. */
    static String firstSentence(String summary) {
        Matcher end = SENTENCE_END.matcher(summary);
        return escape(end.find() ? summary.substring(0, end.end()).strip() : summary.strip());
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.?!](?=\\s|$)");

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
