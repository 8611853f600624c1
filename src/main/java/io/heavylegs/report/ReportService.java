package io.heavylegs.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.article.ArticleCatalog;
import io.heavylegs.journal.JournalEntry;
import io.heavylegs.marks.EntryMark;

/**
 * Loads one owner's range in two queries (the entries, then all their marks) and hands them to {@link Report},
 * which computes every figure in Java: the cost never grows by a query per entry. Each mark's one-line
 * explanation is quoted from its article (in memory in {@link ArticleCatalog}), so the two cannot drift apart.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    ArticleCatalog articles;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report build(long ownerId, ReportRange range, LocalDateTime generatedAt) {
        List<JournalEntry> stored = JournalEntry.findBetween(ownerId, range.from(), range.to());
        Map<Long, List<EntryMark>> marks = EntryMark.forEntries(stored.stream().map(e -> e.id).toList());
        List<ReportEntry> entries = stored.stream()
                .map(e -> new ReportEntry(e.entryDate, e.entryTime, e.severity, e.symptoms(), e.factors(), e.notes,
                        marks.getOrDefault(e.id, List.of()).stream().map(EntryMark::markCode).toList()))
                .toList();
        return Report.of(range, entries, code -> articles.markExplanation(code.articleSlug), generatedAt);
    }
}
