package io.heavylegs.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.account.Profile;
import io.heavylegs.account.ProfileReads;
import io.heavylegs.database.PlainSql;
import io.heavylegs.journal.EntryView;
import io.heavylegs.journal.JournalReads;
import io.heavylegs.labs.LabGroup;
import io.heavylegs.labs.LabResult;
import io.heavylegs.marks.MarkExplanations;
import io.heavylegs.marks.MarkingRules;
import io.heavylegs.treatment.TreatmentKind;
import io.heavylegs.web.DateRange;

/**
 * Loads one owner's range and hands it to {@link Report}, which computes every figure in Java. Every read is one
 * plain-SQL statement, and their number does not grow with the range: the range's entries with their marks and
 * the {@value MarkingRules#WINDOW_DAYS} days before it (for a run under way when the range starts) in one
 * ({@link JournalReads#between}), the stored reasons of the care marks, whose words name the entry's own symptoms
 * and side ({@link JournalReads#careReasons}), the treatments, and the blood test results up to the range's end
 * (the latest of each test, grouped as the results page groups them, and those of the range for the chart).
 * Through the entities the same page spent most of its CPU in Hibernate (bench/RESULTS.md, "/report"). The
 * caller hands in the profile it has read for the request. Each mark code's one-line explanation is
 * {@link MarkExplanations#summary}.
 */
@ApplicationScoped
public class ReportService {

    private final JournalReads journal;

    private final ProfileReads profiles;

    private final DataSource dataSource;

    @Inject
    ReportService(JournalReads journal, ProfileReads profiles, DataSource dataSource) {
        this.journal = journal;
        this.profiles = profiles;
        this.dataSource = dataSource;
    }

    /** The report of a caller that has not read the owner's profile (a test, a batch). */
    public Report build(long ownerId, DateRange range, LocalDateTime generatedAt) {
        return build(ownerId, range, profiles.of(ownerId), generatedAt);
    }

    public Report build(long ownerId, DateRange range, Profile profile, LocalDateTime generatedAt) {
        LocalDate historyFrom = range.from().minusDays(MarkingRules.WINDOW_DAYS);
        List<EntryView> entries = new ArrayList<>();
        List<EntryView> history = new ArrayList<>();
        journal.between(ownerId, historyFrom, range.to())
                .forEach(e -> (e.date().isBefore(range.from()) ? history : entries).add(e));
        // A result taken after the range is not part of this report (nor of a link shared for it).
        List<LabResult> results = resultsUpTo(ownerId, range.to());
        return Report.of(range, entries, history, new Report.Patient(profile.name, profile.birthDate),
                journal.careReasons(ownerId, range.from(), range.to()),
                code -> Optional.of(MarkExplanations.summary(code)), generatedAt)
                .withTreatments(treatments(ownerId))
                .withResults(LabGroup.of(results).stream().map(group -> measured(group.results().get(0))).toList(),
                        inRangeOldestFirst(results, range));
    }

    /** The owner's treatments, latest start first. */
    private List<Report.Taken> treatments(long ownerId) {
        String sql = "SELECT kind, name, dose, started, stopped FROM treatment WHERE owner_id = :owner"
                + " ORDER BY started DESC, id DESC";
        return PlainSql.query(dataSource, sql, Map.of("owner", ownerId), rows -> {
            List<Report.Taken> taken = new ArrayList<>();
            while (rows.next()) {
                taken.add(new Report.Taken(TreatmentKind.fromCode(rows.getString(1)).orElseThrow().label,
                        rows.getString(2), rows.getString(3), rows.getObject(4, LocalDate.class),
                        rows.getObject(5, LocalDate.class)));
            }
            return taken;
        });
    }

    /** The owner's results dated up to {@code day}, newest first (one index range of the owner). */
    private List<LabResult> resultsUpTo(long ownerId, LocalDate day) {
        String sql = "SELECT id, test, name, value, unit, range_low, range_high, result_date FROM lab_result"
                + " WHERE owner_id = :owner AND result_date <= :day ORDER BY result_date DESC, id DESC";
        return PlainSql.query(dataSource, sql, Map.of("owner", ownerId, "day", day), rows -> {
            List<LabResult> results = new ArrayList<>();
            while (rows.next()) {
                LabResult result = LabResult.read(rows.getString(2), rows.getString(3), rows.getBigDecimal(4),
                        rows.getString(5), rows.getBigDecimal(6), rows.getBigDecimal(7),
                        rows.getObject(8, LocalDate.class));
                result.id = rows.getLong(1);
                results.add(result);
            }
            return results;
        });
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

    /** The first day the owner logged anything, for the default range: an index-only read of the owner's first day. */
    public Optional<LocalDate> firstEntryDate(long ownerId) {
        return PlainSql.query(dataSource, "SELECT min(entry_date) FROM journal_entry WHERE owner_id = :owner",
                Map.of("owner", ownerId), rows -> {
                    rows.next();
                    return Optional.ofNullable(rows.getObject(1, LocalDate.class));
                });
    }
}
