package io.heavylegs.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.heavylegs.account.Profile;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.journal.EntryMark;
import io.heavylegs.journal.EntryView;
import io.heavylegs.journal.JournalReads;
import io.heavylegs.labs.LabGroup;
import io.heavylegs.labs.LabResult;
import io.heavylegs.marks.MarkExplanations;
import io.heavylegs.marks.MarkingRules;
import io.heavylegs.treatment.Treatment;
import io.heavylegs.web.DateRange;

/**
 * Loads one owner's range and hands it to {@link Report}, which computes every figure in Java. The queries do not
 * grow with the range: the profile, the range's entries and their marks ({@link JournalReads#between}, two), the
 * {@value MarkingRules#WINDOW_DAYS} days before it (for a run under way when the range starts), the treatments, the
 * blood test results up to the range's end (the latest of each test, grouped as the results page groups them,
 * and those of the range for the chart), and the stored care marks of the red-flag entries, whose reasons name the entry's own symptoms and side. Each mark code's
 * one-line explanation is {@link MarkExplanations#summary}.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    JournalReads journal;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report build(long ownerId, DateRange range, LocalDateTime generatedAt) {
        Profile profile = Profile.forUser(ownerId);
        List<EntryView> entries = journal.between(ownerId, range.from(), range.to());
        List<EntryView> history = journal.between(ownerId, range.from().minusDays(MarkingRules.WINDOW_DAYS),
                range.from().minusDays(1));
        // A result taken after the range is not part of this report (nor of a link shared for it).
        List<LabResult> results = LabResult.findUpTo(ownerId, range.to());
        List<Report.Taken> taken = Treatment.findByOwner(ownerId).stream()
                .map(t -> new Report.Taken(t.kind().label, t.name, t.dose, t.started, t.stopped)).toList();
        return Report.of(range, entries, history, new Report.Patient(profile.name, profile.birthDate),
                careAdvice(entries), code -> Optional.of(MarkExplanations.summary(code)), generatedAt)
                .withTreatments(taken)
                .withResults(LabGroup.of(results).stream().map(group -> measured(group.results().get(0))).toList(),
                        inRangeOldestFirst(results, range));
    }

    /** The results dated in the range, oldest first and on one day in the order they were recorded. */
    private static List<Report.Measured> inRangeOldestFirst(List<LabResult> newestFirst, DateRange range) {
        List<Report.Measured> inRange = new ArrayList<>(newestFirst.stream()
                .filter(r -> !r.date.isBefore(range.from())).map(ReportService::measured).toList());
        Collections.reverse(inRange);
        return inRange;
    }

    private static Report.Measured measured(LabResult result) {
        return new Report.Measured(result.title(), result.valueWithUnit(), result.date,
                result.position().orElse(null), result.rangeText());
    }

    /** The first day the owner logged anything, for the default range. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LocalDate> firstEntryDate(long ownerId) {
        return Optional.ofNullable(entityManager
                .createQuery("select min(e.entryDate) from JournalEntry e where e.ownerId = :owner", LocalDate.class)
                .setParameter("owner", ownerId).getSingleResult());
    }

    /** The reasons of the care marks of the entries that have one, by entry and code, in one query. */
    private static Map<Long, Map<MarkCode, String>> careAdvice(List<EntryView> entries) {
        List<Long> flagged = entries.stream().filter(e -> e.marks().stream().anyMatch(MarkCode::isCare))
                .map(EntryView::id).toList();
        Map<Long, Map<MarkCode, String>> advice = new HashMap<>();
        EntryMark.forEntries(flagged).forEach((entryId, marks) -> marks.stream()
                .filter(m -> m.markCode().isCare())
                .forEach(m -> advice.computeIfAbsent(entryId, k -> new EnumMap<>(MarkCode.class))
                        .put(m.markCode(), m.reason())));
        return advice;
    }
}
