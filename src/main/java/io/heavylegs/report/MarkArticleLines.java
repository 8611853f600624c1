package io.heavylegs.report;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.heavylegs.marks.MarkCode;

/**
 * The one-line explanation of each mark, as its article states it (front matter {@code mark-explanation}, stored
 * by the article sync in {@code article.mark_explanation}). The report quotes the article rather than keeping
 * its own wording, so the two cannot drift apart.
 */
@ApplicationScoped
public class MarkArticleLines {

    @Inject
    EntityManager entityManager;

    /** One query for all codes: a report asks for every mark it shows at once. */
    public Map<MarkCode, String> lines() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select slug, mark_explanation from article where published").getResultList();
        Map<String, String> bySlug = new HashMap<>();
        rows.forEach(row -> bySlug.put((String) row[0], (String) row[1]));
        Map<MarkCode, String> lines = new EnumMap<>(MarkCode.class);
        for (MarkCode code : MarkCode.values()) {
            String line = bySlug.get(code.articleSlug);
            if (line != null) {
                lines.put(code, line);
            }
        }
        return lines;
    }
}
