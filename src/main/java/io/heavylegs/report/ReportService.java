package io.heavylegs.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.journal.JournalEntry;
import io.heavylegs.marks.EntryMark;
import io.heavylegs.marks.MarkCode;

/**
 * Loads one owner's range in three queries (the entries, all their marks, the articles' mark lines) and hands them to {@link Report},
 * which computes every figure in Java: the cost does not grow with one query per entry.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    MarkArticleLines articleLines;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report build(long ownerId, ReportRange range, LocalDateTime generatedAt) {
        List<JournalEntry> stored = JournalEntry.findBetween(ownerId, range.from(), range.to());
        Map<Long, List<EntryMark>> marks = EntryMark.forEntries(stored.stream().map(e -> e.id).toList());
        List<ReportEntry> entries = stored.stream()
                .map(e -> new ReportEntry(e.entryDate, e.entryTime, e.severity, e.symptoms(), e.factors(), e.notes,
                        marks.getOrDefault(e.id, List.of()).stream().map(EntryMark::markCode).toList()))
                .toList();
        Map<MarkCode, String> lines = articleLines.lines();
        return Report.of(range, entries, code -> Optional.ofNullable(lines.get(code)), generatedAt);
    }
}
