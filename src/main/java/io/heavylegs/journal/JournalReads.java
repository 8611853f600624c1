package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.database.PlainSql;
import io.heavylegs.marks.MarkCode;

/**
 * The journal list's reads, in plain SQL. The list is the most requested private page, and it only displays:
 * through Hibernate it cost about 1.5 ms of CPU per request (query translation for the id list of the marks,
 * entity hydration, the persistence context), four times what the same rows cost here (bench/RESULTS.md).
 * Everything that writes, validates or locks stays with the entities ({@link JournalService}).
 * <p>
 * Like every finder of the journal, each query takes the owner first.
 */
@ApplicationScoped
public class JournalReads {

    /** One entry as the list shows it, with its marks in display order. */
    public record Summary(long id, LocalDate entryDate, LocalTime entryTime, int severity, Set<Symptom> symptoms,
            List<MarkCode> marks) {
    }

    /** A page of summaries and how many entries match the filter in all. */
    public record Page(List<Summary> entries, long total) {
    }

    public static final int PAGE_SIZE = 20;

    /** The order of the list, matched by the index journal_entry_owner_newest. */
    private static String newestFirst(String alias) {
        return " ORDER BY " + alias + ".entry_date DESC, " + alias + ".entry_time DESC NULLS LAST, " + alias + ".id DESC";
    }

    private final DataSource dataSource;

    @Inject
    JournalReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Page {@code page} (from 1) of the owner's entries matching the filter, newest first, with the marks of
     * each entry and the number of matching entries: one statement, whatever the page holds.
     */
    public Page page(long ownerId, JournalFilter filter, int page) {
        List<Object> parameters = new ArrayList<>();
        // The total is counted once (an index-only scan); the marks are read for the rows of the page only,
        // outside the LIMIT. Both shapes were checked with EXPLAIN ANALYZE on a million entries.
        String sql = "SELECT p.id, p.entry_date, p.entry_time, p.severity, p.symptoms,"
                + " (SELECT count(*) FROM journal_entry e" + where(ownerId, filter, parameters) + ") AS total,"
                + " ARRAY(SELECT m.code FROM entry_mark m WHERE m.entry_id = p.id) AS marks"
                + " FROM (SELECT e.id, e.entry_date, e.entry_time, e.severity, e.symptoms FROM journal_entry e"
                + where(ownerId, filter, parameters) + newestFirst("e") + " LIMIT ? OFFSET ?) p" + newestFirst("p");
        parameters.add(PAGE_SIZE);
        parameters.add((long) (page - 1) * PAGE_SIZE);
        Page loaded = PlainSql.query(dataSource, sql, parameters, rows -> {
            List<Summary> entries = new ArrayList<>(PAGE_SIZE);
            long total = -1;
            while (rows.next()) {
                total = rows.getLong("total");
                entries.add(new Summary(rows.getLong("id"), rows.getObject("entry_date", LocalDate.class),
                        rows.getObject("entry_time", LocalTime.class), rows.getInt("severity"),
                        Symptom.setOf((String[]) rows.getArray("symptoms").getArray()),
                        MarkCode.inDisplayOrder((String[]) rows.getArray("marks").getArray())));
            }
            return new Page(entries, total);
        });
        // A page past the end has no rows to carry the total.
        return loaded.total() >= 0 ? loaded : new Page(loaded.entries(), count(ownerId, filter));
    }

    /** How many of the owner's entries match the filter. */
    public long count(long ownerId, JournalFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT count(*) FROM journal_entry e" + where(ownerId, filter, parameters);
        return PlainSql.query(dataSource, sql, parameters, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** The highest severity of each day that has entries, from {@code from} to {@code to}, oldest first. */
    public Map<LocalDate, Integer> highestSeverityByDay(long ownerId, LocalDate from, LocalDate to) {
        String sql = "SELECT entry_date, max(severity) FROM journal_entry"
                + " WHERE owner_id = ? AND entry_date BETWEEN ? AND ? GROUP BY entry_date ORDER BY entry_date";
        return PlainSql.query(dataSource, sql, List.of(ownerId, from, to), rows -> {
            Map<LocalDate, Integer> highest = new LinkedHashMap<>();
            while (rows.next()) {
                highest.put(rows.getObject(1, LocalDate.class), rows.getInt(2));
            }
            return highest;
        });
    }

    /** The list's condition; the parameters are added in the order of their placeholders. */
    private static String where(long ownerId, JournalFilter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE e.owner_id = ?");
        parameters.add(ownerId);
        if (filter.from() != null) {
            where.append(" AND e.entry_date >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND e.entry_date <= ?");
            parameters.add(filter.to());
        }
        if (filter.mark() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM entry_mark m WHERE m.entry_id = e.id AND m.code = ?)");
            parameters.add(filter.mark().code);
        }
        return where.toString();
    }
}
