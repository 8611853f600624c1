package io.heavylegs.report;

import java.time.LocalDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.article.ArticleCatalog;
import io.heavylegs.journal.JournalReads;

/**
 * Loads one owner's range (two queries: {@link JournalReads#between}) and hands it to {@link Report}, which
 * computes every figure in Java: the cost never grows by a query per entry. Each mark's one-line explanation
 * is quoted from its article (in memory in {@link ArticleCatalog}), so the two cannot drift apart.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    ArticleCatalog articles;

    @Inject
    JournalReads journal;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report build(long ownerId, ReportRange range, LocalDateTime generatedAt) {
        return Report.of(range, journal.between(ownerId, range.from(), range.to()),
                code -> articles.markExplanation(code.articleSlug), generatedAt);
    }
}
