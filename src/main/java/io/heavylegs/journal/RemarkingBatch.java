package io.heavylegs.journal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;
import io.heavylegs.database.PlainSql;
import io.heavylegs.marks.EntryFacts;
import io.heavylegs.marks.Mark;
import io.heavylegs.marks.MarkingRules;

/**
 * One batch of the re-marking job in a handful of set-based statements: the batch's entries, the history their
 * windows need, and their stored marks are each read in ONE query, and only the marks that differ are written,
 * as JDBC batches. Through entities the same work cost a query per owner, an entity per row and a statement per
 * mark: 1.1 M entries took about 255 s (issue 21); see bench/RESULTS.md for what this takes.
 * <p>
 * It runs inside the job's transaction, which holds the {@link MarkingState} row and the owners' advisory locks.
 */
final class RemarkingBatch {

    /** An entry as the rules see it, with its owner (this job alone reads across owners). */
    record Row(long ownerId, EntryFacts facts) {
    }

    /** A stored or wanted mark as the columns hold it. */
    record MarkRow(long entryId, String code, String[] signature, String[] supporting, String[] factors,
            int persistentDays, String side, int rulesVersion) {

        static MarkRow of(long entryId, Mark mark) {
            return new MarkRow(entryId, mark.code().code, CodeSets.toCodes(mark.signature()),
                    CodeSets.toCodes(mark.supporting()), CodeSets.toCodes(mark.factors()), mark.persistentDays(),
                    mark.side() == null ? null : mark.side().code, MarkingRules.VERSION);
        }

        boolean sameEvidence(MarkRow other) {
            return Arrays.equals(signature, other.signature) && Arrays.equals(supporting, other.supporting)
                    && Arrays.equals(factors, other.factors) && persistentDays == other.persistentDays
                    && Objects.equals(side, other.side);
        }

        Map<String, Object> parameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("entry", entryId);
            parameters.put("code", code);
            parameters.put("signature", signature);
            parameters.put("supporting", supporting);
            parameters.put("factors", factors);
            parameters.put("days", persistentDays);
            parameters.put("side", side);
            parameters.put("version", rulesVersion);
            return parameters;
        }
    }

    /** What a batch wrote, for the job's log and its tests. */
    record Written(int inserted, int updated, int deleted) {
    }

    private static final String ENTRY_COLUMNS = "e.owner_id, e.id, e.entry_date, e.side, e.symptoms, e.factors";

    private static final String FIRST_ENTRIES = "SELECT " + ENTRY_COLUMNS + " FROM journal_entry e"
            + " ORDER BY e.owner_id, e.entry_date, e.id LIMIT :limit";

    // "owner_id >= :owner" is implied by the rest, but only this form lets the owner index start at the cursor;
    // without it every batch scans all owners before it, and a million-entry run takes hours (bench/).
    private static final String ENTRIES_AFTER = "SELECT " + ENTRY_COLUMNS + " FROM journal_entry e"
            + " WHERE e.owner_id >= :owner AND (e.owner_id > :owner OR (e.owner_id = :owner"
            + " AND (e.entry_date > :date OR (e.entry_date = :date AND e.id > :id))))"
            + " ORDER BY e.owner_id, e.entry_date, e.id LIMIT :limit";

    /** Each owner's entries from the first window start of the batch to its last date, in one query. */
    private static final String HISTORY = "SELECT " + ENTRY_COLUMNS + " FROM journal_entry e"
            + " JOIN unnest(CAST(:owners AS bigint[]), CAST(:froms AS date[]), CAST(:tos AS date[]))"
            + " AS w(owner_id, from_date, to_date)"
            + " ON e.owner_id = w.owner_id AND e.entry_date BETWEEN w.from_date AND w.to_date";

    private static final String STORED_MARKS = "SELECT entry_id, code, signature, supporting, factors,"
            + " persistent_days, side, rules_version FROM entry_mark WHERE entry_id = ANY(CAST(:ids AS bigint[]))";

    private static final String INSERT = "INSERT INTO entry_mark (entry_id, code, signature, supporting, factors,"
            + " persistent_days, side, rules_version) VALUES (:entry, :code, :signature, :supporting, :factors,"
            + " :days, :side, :version)";

    private static final String UPDATE = "UPDATE entry_mark SET signature = :signature, supporting = :supporting,"
            + " factors = :factors, persistent_days = :days, side = :side, rules_version = :version"
            + " WHERE entry_id = :entry AND code = :code";

    /** A mark whose evidence did not change only needs the new version: one statement for the whole batch. */
    private static final String TOUCH_VERSION = "UPDATE entry_mark SET rules_version = :version"
            + " WHERE entry_id = ANY(CAST(:ids AS bigint[])) AND rules_version <> :version";

    private static final String DELETE = "DELETE FROM entry_mark WHERE entry_id = :entry AND code = :code";

    private final DataSource dataSource;

    RemarkingBatch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} entries after the run's cursor (from the start without one), in owner, date, id order. */
    List<Row> entriesAfter(MarkingState state, int limit) {
        if (!state.hasCursor()) {
            return PlainSql.query(dataSource, FIRST_ENTRIES, Map.of("limit", limit), RemarkingBatch::rows);
        }
        return PlainSql.query(dataSource, ENTRIES_AFTER, Map.of("owner", state.remarkAfterOwner, "date",
                state.remarkAfterDate, "id", state.remarkAfterEntry, "limit", limit), RemarkingBatch::rows);
    }

    /** Re-marks {@code batch}; the caller holds the locks of its owners. */
    Written remark(List<Row> batch) {
        Map<Long, List<EntryFacts>> historyByOwner = history(batch);
        List<Long> ids = batch.stream().map(row -> row.facts().id()).toList();
        Map<String, MarkRow> stored = new LinkedHashMap<>();
        for (MarkRow mark : PlainSql.query(dataSource, STORED_MARKS, Map.of("ids", ids.toArray(Long[]::new)),
                RemarkingBatch::markRows)) {
            stored.put(key(mark.entryId(), mark.code()), mark);
        }
        List<Map<String, ?>> inserts = new ArrayList<>();
        List<Map<String, ?>> updates = new ArrayList<>();
        for (Row row : batch) {
            for (Mark mark : MarkingRules.evaluate(row.facts(), window(historyByOwner.get(row.ownerId()),
                    row.facts().date()))) {
                MarkRow wanted = MarkRow.of(row.facts().id(), mark);
                MarkRow current = stored.remove(key(wanted.entryId(), wanted.code()));
                if (current == null) {
                    inserts.add(wanted.parameters());
                } else if (!current.sameEvidence(wanted)) {
                    updates.add(wanted.parameters());
                }
            }
        }
        // What is left was stored before and is no longer given by the rules.
        List<Map<String, ?>> deletes = stored.values().stream()
                .<Map<String, ?>> map(mark -> Map.of("entry", mark.entryId(), "code", mark.code())).toList();
        PlainSql.batch(dataSource, DELETE, deletes);
        PlainSql.batch(dataSource, UPDATE, updates);
        PlainSql.batch(dataSource, INSERT, inserts);
        PlainSql.batch(dataSource, TOUCH_VERSION,
                List.of(Map.of("ids", ids.toArray(Long[]::new), "version", MarkingRules.VERSION)));
        return new Written(inserts.size(), updates.size(), deletes.size());
    }

    /** The history every entry of the batch needs: per owner, from the first window start to the last date. */
    private Map<Long, List<EntryFacts>> history(List<Row> batch) {
        Map<Long, LocalDate[]> spans = new TreeMap<>();
        for (Row row : batch) {
            LocalDate date = row.facts().date();
            spans.merge(row.ownerId(), new LocalDate[] { MarkingRules.windowStart(date), date },
                    (a, b) -> new LocalDate[] { a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
        }
        Map<String, Object> parameters = Map.of(
                "owners", spans.keySet().toArray(Long[]::new),
                "froms", spans.values().stream().map(span -> span[0].toString()).toArray(String[]::new),
                "tos", spans.values().stream().map(span -> span[1].toString()).toArray(String[]::new));
        Map<Long, List<EntryFacts>> byOwner = new HashMap<>();
        for (Row row : PlainSql.query(dataSource, HISTORY, parameters, RemarkingBatch::rows)) {
            byOwner.computeIfAbsent(row.ownerId(), owner -> new ArrayList<>()).add(row.facts());
        }
        byOwner.values().forEach(entries -> entries.sort(Comparator.comparing(EntryFacts::date)));
        return byOwner;
    }

    /**
     * The entries from {@link MarkingRules#windowStart} of {@code date} to {@code date}, out of one owner's
     * history sorted by date: the rules ignore the rest, and handing them a long history for every entry made a
     * batch quadratic in its length.
     */
    static List<EntryFacts> window(List<EntryFacts> sortedHistory, LocalDate date) {
        if (sortedHistory == null) {
            return List.of();
        }
        int from = firstOnOrAfter(sortedHistory, MarkingRules.windowStart(date));
        int to = firstOnOrAfter(sortedHistory, date.plusDays(1));
        return Collections.unmodifiableList(sortedHistory.subList(from, to));
    }

    private static int firstOnOrAfter(List<EntryFacts> sorted, LocalDate date) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).date().isBefore(date)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static String key(long entryId, String code) {
        return entryId + " " + code;
    }

    private static List<Row> rows(ResultSet rows) throws SQLException {
        List<Row> result = new ArrayList<>();
        while (rows.next()) {
            EntryFacts facts = new EntryFacts(rows.getLong("id"), rows.getObject("entry_date", LocalDate.class),
                    Side.fromCode(rows.getString("side")).orElse(null), Symptom.setOf(texts(rows, "symptoms")),
                    Factor.setOf(texts(rows, "factors")));
            result.add(new Row(rows.getLong("owner_id"), facts));
        }
        return result;
    }

    private static List<MarkRow> markRows(ResultSet rows) throws SQLException {
        List<MarkRow> result = new ArrayList<>();
        while (rows.next()) {
            result.add(new MarkRow(rows.getLong("entry_id"), rows.getString("code"), texts(rows, "signature"),
                    texts(rows, "supporting"), texts(rows, "factors"), rows.getInt("persistent_days"),
                    rows.getString("side"), rows.getInt("rules_version")));
        }
        return result;
    }

    private static String[] texts(ResultSet rows, String column) throws SQLException {
        Array array = rows.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
