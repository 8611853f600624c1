package io.heavylegs.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;
import io.heavylegs.database.PlainSql;
import io.heavylegs.marks.MarkingRules;
import io.heavylegs.labs.LabResult;
import io.heavylegs.treatment.TreatmentKind;

/**
 * The journal's reads. The list is the most requested private page and only displays, so it is read in plain
 * SQL: through Hibernate it cost about 1.5 ms of CPU per request (query translation for the id list of the
 * marks, entity hydration, the persistence context), four times what the same rows cost here
 * (bench/RESULTS.md). A range for a report or an export is read the same way, one statement whatever its length.
 * Everything that writes, validates or locks stays with the entities ({@link JournalService}).
 * <p>
 * Like every finder of the journal, each query takes the owner first.
 */
@ApplicationScoped
public class JournalReads {

    /** A page of entries and how many entries match the filter in all. */
    public record Page(List<EntryView> entries, long total) {
    }

    public static final int PAGE_SIZE = 20;

    /** How much of the notes the list shows beside each entry. */
    public static final int NOTES_EXCERPT = 120;

    /** The order of the list, matched by the index journal_entry_owner_newest. */
    private static String newestFirst(String alias) {
        return " ORDER BY " + alias + ".entry_date DESC, " + alias + ".entry_time DESC NULLS LAST, " + alias + ".id DESC";
    }

    private final DataSource dataSource;

    @Inject
    public JournalReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Page {@code page} (from 1) of the owner's entries matching the filter, newest first, with the marks of
     * each entry and the number of matching entries: one statement, whatever the page holds.
     */
    public Page page(long ownerId, JournalFilter filter, int page) {
        Map<String, Object> parameters = filterParameters(ownerId, filter);
        parameters.put("limit", PAGE_SIZE);
        parameters.put("offset", (long) (page - 1) * PAGE_SIZE);
        // The total is counted once (an index-only scan); the marks are read for the rows of the page only,
        // outside the LIMIT. Both shapes were checked with EXPLAIN ANALYZE on a million entries.
        String sql = "SELECT p.id, p.entry_date, p.entry_time, p.severity, p.side, p.symptoms, p.factors, p.notes,"
                + " (SELECT count(*) FROM journal_entry e" + where(filter) + ") AS total,"
                + " ARRAY(SELECT m.code FROM entry_mark m WHERE m.entry_id = p.id) AS marks"
                + " FROM (SELECT e.id, e.entry_date, e.entry_time, e.severity, e.side, e.symptoms, e.factors,"
                + " left(e.notes, " + NOTES_EXCERPT + ") AS notes FROM journal_entry e"
                + where(filter) + newestFirst("e") + " LIMIT :limit OFFSET :offset) p" + newestFirst("p");
        Page loaded = PlainSql.query(dataSource, sql, parameters, rows -> {
            List<EntryView> entries = new ArrayList<>(PAGE_SIZE);
            long total = -1;
            while (rows.next()) {
                total = rows.getLong("total");
                entries.add(entryView(rows, MarkCode.inDisplayOrder((String[]) rows.getArray("marks").getArray())));
            }
            return new Page(entries, total);
        });
        // A page past the end has no rows to carry the total.
        return loaded.total() >= 0 ? loaded : new Page(loaded.entries(), count(ownerId, filter));
    }

    /** How many of the owner's entries match the filter. */
    public long count(long ownerId, JournalFilter filter) {
        String sql = "SELECT count(*) FROM journal_entry e" + where(filter);
        return PlainSql.query(dataSource, sql, filterParameters(ownerId, filter), rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** The highest severity of each day that has entries, from {@code from} to {@code to}, oldest first. */
    public Map<LocalDate, Integer> highestSeverityByDay(long ownerId, LocalDate from, LocalDate to) {
        String sql = "SELECT entry_date, max(severity) FROM journal_entry"
                + " WHERE owner_id = :owner AND entry_date BETWEEN :from AND :to GROUP BY entry_date ORDER BY entry_date";
        return PlainSql.query(dataSource, sql, Map.of("owner", ownerId, "from", from, "to", to), rows -> {
            Map<LocalDate, Integer> highest = new LinkedHashMap<>();
            while (rows.next()) {
                highest.put(rows.getObject(1, LocalDate.class), rows.getInt(2));
            }
            return highest;
        });
    }

    /**
     * The chart's days from {@code from} to {@code to}: each day with entries, its highest severity and the marks of
     * its entries, in one statement (an index range scan of the owner's days, the marks by their primary key).
     */
    public Map<LocalDate, SeverityChart.Day> chartDays(long ownerId, LocalDate from, LocalDate to) {
        String sql = "SELECT e.entry_date, max(e.severity) AS highest,"
                + " array_remove(array_agg(DISTINCT m.code), NULL) AS marks"
                + " FROM journal_entry e LEFT JOIN entry_mark m ON m.entry_id = e.id"
                + " WHERE e.owner_id = :owner AND e.entry_date BETWEEN :from AND :to"
                + " GROUP BY e.entry_date ORDER BY e.entry_date";
        return PlainSql.query(dataSource, sql, Map.of("owner", ownerId, "from", from, "to", to), rows -> {
            Map<LocalDate, SeverityChart.Day> days = new LinkedHashMap<>();
            while (rows.next()) {
                days.put(rows.getObject(1, LocalDate.class), new SeverityChart.Day(rows.getInt(2),
                        java.util.Set.copyOf(MarkCode.inDisplayOrder((String[]) rows.getArray(3).getArray()))));
            }
            return days;
        });
    }

    /** The owner's treatments taken on any day from {@code from} to {@code to}, earliest start first. */
    public List<SeverityChart.Span> treatmentSpans(long ownerId, LocalDate from, LocalDate to) {
        String sql = "SELECT name, kind, started, stopped FROM treatment WHERE owner_id = :owner"
                + " AND started <= :to AND (stopped IS NULL OR stopped >= :from) ORDER BY started, id";
        return PlainSql.query(dataSource, sql, Map.of("owner", ownerId, "from", from, "to", to), rows -> {
            List<SeverityChart.Span> spans = new ArrayList<>();
            while (rows.next()) {
                spans.add(new SeverityChart.Span(rows.getString(1),
                        TreatmentKind.fromCode(rows.getString(2)).orElseThrow().label.toLowerCase(Locale.ENGLISH),
                        rows.getObject(3, LocalDate.class), rows.getObject(4, LocalDate.class)));
            }
            return spans;
        });
    }

    /**
     * The owner's blood test results dated from {@code from} to {@code to}, oldest first, in the lab's words: a range
     * scan of the owner's few results.
     */
    public List<SeverityChart.Result> labResults(long ownerId, LocalDate from, LocalDate to) {
        String sql = "SELECT test, name, value, unit, range_low, range_high, result_date FROM lab_result"
                + " WHERE owner_id = :owner AND result_date BETWEEN :from AND :to ORDER BY result_date, id";
        return PlainSql.query(dataSource, sql, Map.of("owner", ownerId, "from", from, "to", to), rows -> {
            List<SeverityChart.Result> results = new ArrayList<>();
            while (rows.next()) {
                LabResult r = LabResult.read(rows.getString(1), rows.getString(2), rows.getBigDecimal(3),
                        rows.getString(4), rows.getBigDecimal(5), rows.getBigDecimal(6),
                        rows.getObject(7, LocalDate.class));
                results.add(new SeverityChart.Result(r.date, r.title(), r.valueWithUnit(),
                        r.position().map(p -> p.words() + " (" + r.rangeText() + ")").orElse(null)));
            }
            return results;
        });
    }

    /**
     * On how many distinct days of the window ending on {@code day} the owner logged at least one symptom: the
     * journal's "Symptoms on N of the last 14 days" while a run lasts. An index-only range scan of at most
     * {@value MarkingRules#WINDOW_DAYS} days, whatever the history holds.
     */
    public int symptomDaysInWindow(long ownerId, LocalDate day) {
        String sql = "SELECT count(DISTINCT entry_date) FROM journal_entry WHERE owner_id = :owner"
                + " AND entry_date BETWEEN :from AND :to AND cardinality(symptoms) > 0";
        return PlainSql.query(dataSource, sql,
                Map.of("owner", ownerId, "from", day.minusDays(MarkingRules.WINDOW_DAYS - 1), "to", day), rows -> {
                    rows.next();
                    return rows.getInt(1);
                });
    }

    /**
     * The owner's entries dated from {@code from} to {@code to}, both included, oldest first (by date, time with
     * untimed entries first, then id), with their marks and their notes in full: one statement, whatever the range
     * holds (an index range scan of the owner's days, the marks by their primary key). Through the entities this
     * was two queries and most of the report's CPU (bench/RESULTS.md, "/report").
     */
    public List<EntryView> between(long ownerId, LocalDate from, LocalDate to) {
        String sql = "SELECT e.id, e.entry_date, e.entry_time, e.severity, e.side, e.symptoms, e.factors, e.notes,"
                + " ARRAY(SELECT m.code FROM entry_mark m WHERE m.entry_id = e.id) AS marks FROM journal_entry e"
                + " WHERE e.owner_id = :owner AND e.entry_date BETWEEN :from AND :to"
                + " ORDER BY e.entry_date, e.entry_time NULLS FIRST, e.id";
        return PlainSql.query(dataSource, sql, Map.of("owner", ownerId, "from", from, "to", to), rows -> {
            List<EntryView> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(entryView(rows, MarkCode.inDisplayOrder((String[]) rows.getArray("marks").getArray())));
            }
            return entries;
        });
    }

    /**
     * The reason in words of each care mark (urgent, see a doctor) of the owner's entries dated from {@code from}
     * to {@code to}, by entry id and code, as {@link EntryMark#reason()} words it: one statement.
     */
    public Map<Long, Map<MarkCode, String>> careReasons(long ownerId, LocalDate from, LocalDate to) {
        String sql = "SELECT m.entry_id, m.code, m.signature, m.supporting, m.factors, m.side, m.persistent_days"
                + " FROM journal_entry e JOIN entry_mark m ON m.entry_id = e.id"
                + " WHERE e.owner_id = :owner AND e.entry_date BETWEEN :from AND :to AND m.code = ANY(:care)";
        String[] care = Arrays.stream(MarkCode.values()).filter(MarkCode::isCare).map(c -> c.code)
                .toArray(String[]::new);
        return PlainSql.query(dataSource, sql, Map.of("owner", ownerId, "from", from, "to", to, "care", care),
                rows -> {
                    Map<Long, Map<MarkCode, String>> reasons = new HashMap<>();
                    while (rows.next()) {
                        EntryMark mark = EntryMark.read(rows.getString(2), (String[]) rows.getArray(3).getArray(),
                                (String[]) rows.getArray(4).getArray(), (String[]) rows.getArray(5).getArray(),
                                rows.getString(6), rows.getInt(7));
                        reasons.computeIfAbsent(rows.getLong(1), k -> new EnumMap<>(MarkCode.class))
                                .put(mark.markCode(), mark.reason());
                    }
                    return reasons;
                });
    }

    /** Where a read of {@link #oldestFirstAfter} left off: the last entry's date and id. */
    public record EntryKey(LocalDate date, long id) {

        /** Before every entry. */
        public static final EntryKey START = new EntryKey(LocalDate.of(1, 1, 1), 0);

        public static EntryKey of(EntryView entry) {
            return new EntryKey(entry.date(), entry.id());
        }
    }

    /**
     * At most {@code limit} of the owner's entries after {@code after}, oldest first (by date, then id), with their
     * notes in full and without marks: the keyset pages of an export that streams a journal of any length without
     * holding it. Each call is one index range scan of journal_entry_owner_newest (read backwards, the ids of a day
     * sorted incrementally), whatever the history before {@code after} holds.
     */
    public List<EntryView> oldestFirstAfter(long ownerId, EntryKey after, int limit) {
        String sql = "SELECT id, entry_date, entry_time, severity, side, symptoms, factors, notes FROM journal_entry"
                + " WHERE owner_id = :owner AND entry_date >= :date AND (entry_date, id) > (:date, :id)"
                + " ORDER BY entry_date, id LIMIT :limit";
        return PlainSql.query(dataSource, sql,
                Map.of("owner", ownerId, "date", after.date(), "id", after.id(), "limit", limit), rows -> {
                    List<EntryView> entries = new ArrayList<>(limit);
                    while (rows.next()) {
                        entries.add(entryView(rows, List.of()));
                    }
                    return entries;
                });
    }

    /** The list's condition: only the filter's parts that are set. */
    private static String where(JournalFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE e.owner_id = :owner");
        if (filter.from() != null) {
            where.append(" AND e.entry_date >= :from");
        }
        if (filter.to() != null) {
            where.append(" AND e.entry_date <= :to");
        }
        if (filter.mark() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM entry_mark m WHERE m.entry_id = e.id AND m.code = :mark)");
        }
        return where.toString();
    }

    private static Map<String, Object> filterParameters(long ownerId, JournalFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("owner", ownerId);
        parameters.put("from", filter.from());
        parameters.put("to", filter.to());
        parameters.put("mark", filter.mark() == null ? null : filter.mark().code);
        return parameters;
    }

    /** An entry from a row holding journal_entry's columns by name, with the marks the caller read beside it. */
    private static EntryView entryView(ResultSet rows, List<MarkCode> marks) throws SQLException {
        return new EntryView(rows.getLong("id"), rows.getObject("entry_date", LocalDate.class),
                rows.getObject("entry_time", LocalTime.class), rows.getInt("severity"),
                Side.fromCode(rows.getString("side")).orElse(null),
                Symptom.setOf((String[]) rows.getArray("symptoms").getArray()),
                Factor.setOf((String[]) rows.getArray("factors").getArray()), rows.getString("notes"), marks);
    }
}
