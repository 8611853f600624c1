package io.heavylegs.report;

import java.time.LocalDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.journal.JournalReads;
import io.heavylegs.marks.MarkExplanations;

/**
 * Loads one owner's range (two queries: {@link JournalReads#between}) and hands it to {@link Report}, which
 * computes every figure in Java: the cost never grows by a query per entry. Each mark code's one-line
 * explanation is {@link MarkExplanations#summary}, told beside the rules: three codes share one article, and
 * each needs its own line saying what it looks for and how soon to act.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    JournalReads journal;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report build(long ownerId, ReportRange range, LocalDateTime generatedAt) {
        return Report.of(range, journal.between(ownerId, range.from(), range.to()),
                code -> Optional.of(MarkExplanations.summary(code)), generatedAt);
    }
}
