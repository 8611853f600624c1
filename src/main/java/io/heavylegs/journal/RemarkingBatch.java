package io.heavylegs.journal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * One batch of the re-marking job. {@link #next} finds where the batch ends and whose journals it touches (the
 * keys of the next entries, from the index alone); once the job holds those owners' locks, {@link #remark} reads
 * the batch's entries together with the history their windows need and their stored marks in ONE ordered read,
 * runs the rules in Java and writes only the marks that differ, in one statement each for deletions and for
 * insertions and changes ({@code unnest} of arrays). Everything the rules see is read under the owners' locks, so
 * a journal write during the run waits for the batch and then sees its marks, or the batch sees the write's entries.
 * <p>
 * Before (issue 21) a batch read its entries and their history in two queries, probed the stored marks twice (once
 * to compare, once to stamp the version) and wrote a statement per changed mark; see bench/RESULTS.md.
 * It runs inside the job's transaction, which holds the {@link MarkingState} row.
 */
final class RemarkingBatch {

    /** A position in the job's order: owner, then date, then id. */
    record Key(long ownerId, LocalDate date, long entryId) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byOwner = Long.compare(ownerId, other.ownerId);
            if (byOwner != 0) {
                return byOwner;
            }
            int byDate = date.compareTo(other.date);
            return byDate != 0 ? byDate : Long.compare(entryId, other.entryId);
        }
    }

    /** The next batch: the entries after the cursor up to and including {@code last}, of {@code owners}. */
    record Span(List<Long> owners, Key last, int entries) {
    }

    /** What a batch did, for the job's log and its tests. */
    record Written(int remarked, int upserted, int deleted) {
    }

    private static final String AFTER_CURSOR = " WHERE e.owner_id >= :owner AND (e.owner_id > :owner"
            + " OR (e.owner_id = :owner AND (e.entry_date > :date OR (e.entry_date = :date AND e.id > :id))))";

    /**
     * The last key of the next {@code :limit} entries and their owners. "owner_id >= :owner" is implied by the
     * rest, but only this form lets the owner index start at the cursor. The three columns are all in the index.
     */
    private static String span(String where) {
        return "WITH next AS MATERIALIZED (SELECT e.owner_id, e.entry_date, e.id FROM journal_entry e" + where
                + " ORDER BY e.owner_id, e.entry_date, e.id LIMIT :limit)"
                + " SELECT l.owner_id, l.entry_date, l.id, (SELECT count(*) FROM next) AS entries,"
                + " (SELECT array_agg(o.owner_id) FROM (SELECT owner_id FROM next GROUP BY owner_id) AS o) AS owners"
                + " FROM (SELECT * FROM next ORDER BY owner_id DESC, entry_date DESC, id DESC LIMIT 1) AS l";
    }

    private static final String FIRST_SPAN = span("");
    private static final String SPAN_AFTER = span(AFTER_CURSOR);

    /**
     * A stored mark as one text, in the same form as {@link #text(Mark)}: comparing texts is comparing every
     * column (codes never hold the separators).
     */
    private static final String MARK_TEXT = "m.code || '|' || array_to_string(m.signature, ',') || '|'"
            + " || array_to_string(m.supporting, ',') || '|' || array_to_string(m.factors, ',') || '|'"
            + " || m.persistent_days || '|' || coalesce(m.side, '') || '|' || m.rules_version";

    /**
     * The batch's owners' entries from the window start of the entry after the cursor to the whole last day of
     * the batch (its entries after {@code last} are history for that day), each with its stored marks. The
     * marks come from a per-entry probe of the primary key, never a scan of all marks.
     */
    private static String window(boolean afterCursor) {
        return "SELECT e.owner_id, e.id, e.entry_date, e.side, array_to_string(e.symptoms, ',') AS symptoms,"
                + " array_to_string(e.factors, ',') AS factors,"
                + " (SELECT string_agg(" + MARK_TEXT + ", ';') FROM entry_mark m WHERE m.entry_id = e.id) AS marks"
                + " FROM journal_entry e WHERE e.owner_id BETWEEN :first AND :lastOwner"
                + " AND (e.owner_id < :lastOwner OR e.entry_date <= :lastDate)"
                + (afterCursor ? " AND (e.owner_id > :owner OR e.entry_date >= :from)" : "");
    }

    private static final String FIRST_WINDOW = window(false);
    private static final String WINDOW_AFTER = window(true);

    private static final String DELETE = "DELETE FROM entry_mark m"
            + " USING unnest(CAST(:entries AS bigint[]), CAST(:codes AS text[])) AS d(entry_id, code)"
            + " WHERE m.entry_id = d.entry_id AND m.code = d.code";

    /** Marks that are new or differ, in one statement; the evidence travels as comma-separated codes. */
    private static final String UPSERT = "INSERT INTO entry_mark (entry_id, code, signature, supporting, factors,"
            + " persistent_days, side, rules_version)"
            + " SELECT w.entry_id, w.code, string_to_array(w.signature, ','), string_to_array(w.supporting, ','),"
            + " string_to_array(w.factors, ','), w.days, w.side, :version"
            + " FROM unnest(CAST(:entries AS bigint[]), CAST(:codes AS text[]), CAST(:signatures AS text[]),"
            + " CAST(:supporting AS text[]), CAST(:factors AS text[]), CAST(:days AS integer[]),"
            + " CAST(:sides AS text[])) AS w(entry_id, code, signature, supporting, factors, days, side)"
            + " ON CONFLICT (entry_id, code) DO UPDATE SET signature = excluded.signature,"
            + " supporting = excluded.supporting, factors = excluded.factors,"
            + " persistent_days = excluded.persistent_days, side = excluded.side, rules_version = excluded.rules_version";

    private final DataSource dataSource;

    RemarkingBatch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where the next batch of up to {@code limit} entries after {@code cursor} (null: the start) ends. */
    Optional<Span> next(Key cursor, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("limit", limit);
        if (cursor != null) {
            parameters.put("owner", cursor.ownerId());
            parameters.put("date", cursor.date());
            parameters.put("id", cursor.entryId());
        }
        return PlainSql.query(dataSource, cursor == null ? FIRST_SPAN : SPAN_AFTER, parameters, rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            List<Long> owners = new ArrayList<>(Arrays.asList((Long[]) rows.getArray("owners").getArray()));
            Collections.sort(owners);
            Key last = new Key(rows.getLong("owner_id"), rows.getObject("entry_date", LocalDate.class),
                    rows.getLong("id"));
            return Optional.of(new Span(List.copyOf(owners), last, rows.getInt("entries")));
        });
    }

    /** An entry as read for the batch: its facts, its stored marks as texts, and whether the batch re-marks it. */
    private record Read(long ownerId, EntryFacts facts, String storedMarks, boolean todo) {
    }

    /** Times of the phases of one {@link #remark}, in nanoseconds, for the job's log. */
    static final class Phases {
        long planning;
        long reading;
        long rules;
        long writing;
    }

    /**
     * Re-marks the entries after {@code cursor} up to {@code span.last()}; the caller holds the locks of the
     * span's owners. Entries of other owners are only history here (one written meanwhile marked itself).
     */
    Written remark(Key cursor, Span span, Phases phases) {
        long started = System.nanoTime();
        List<Read> read = read(cursor, span);
        long readDone = System.nanoTime();
        Changes changes = new Changes();
        int remarked = 0;
        List<EntryFacts> facts = new ArrayList<>(read.size());
        for (Read entry : read) {
            facts.add(entry.facts());
        }
        for (int start = 0; start < read.size();) {
            int end = start + 1;
            while (end < read.size() && read.get(end).ownerId() == read.get(start).ownerId()) {
                end++;
            }
            List<EntryFacts> history = facts.subList(start, end);
            for (int i = start; i < end; i++) {
                Read entry = read.get(i);
                if (entry.todo()) {
                    changes.compare(entry, MarkingRules.evaluate(entry.facts(),
                            window(history, entry.facts().date())));
                    remarked++;
                }
            }
            start = end;
        }
        long rulesDone = System.nanoTime();
        if (!changes.deleteEntries.isEmpty()) {
            PlainSql.update(dataSource, DELETE, Map.of("entries", changes.deleteEntries.toArray(Long[]::new),
                    "codes", changes.deleteCodes.toArray(String[]::new)));
        }
        if (!changes.entries.isEmpty()) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("entries", changes.entries.toArray(Long[]::new));
            parameters.put("codes", changes.codes.toArray(String[]::new));
            parameters.put("signatures", changes.signatures.toArray(String[]::new));
            parameters.put("supporting", changes.supporting.toArray(String[]::new));
            parameters.put("factors", changes.factors.toArray(String[]::new));
            parameters.put("days", changes.days.toArray(Integer[]::new));
            parameters.put("sides", changes.sides.toArray(String[]::new));
            parameters.put("version", MarkingRules.VERSION);
            PlainSql.update(dataSource, UPSERT, parameters);
        }
        long written = System.nanoTime();
        phases.reading += readDone - started;
        phases.rules += rulesDone - readDone;
        phases.writing += written - rulesDone;
        return new Written(remarked, changes.entries.size(), changes.deleteEntries.size());
    }

    /** The marks to write and to delete, as the columns of the two statements. */
    private static final class Changes {
        final List<Long> entries = new ArrayList<>();
        final List<String> codes = new ArrayList<>();
        final List<String> signatures = new ArrayList<>();
        final List<String> supporting = new ArrayList<>();
        final List<String> factors = new ArrayList<>();
        final List<Integer> days = new ArrayList<>();
        final List<String> sides = new ArrayList<>();
        final List<Long> deleteEntries = new ArrayList<>();
        final List<String> deleteCodes = new ArrayList<>();

        /** Adds what differs between the stored marks of {@code entry} and {@code wanted}. */
        void compare(Read entry, List<Mark> wanted) {
            if (wanted.isEmpty() && entry.storedMarks() == null) {
                return; // the common case: no mark, none stored
            }
            String[] stored = entry.storedMarks() == null ? new String[0] : entry.storedMarks().split(";");
            boolean[] kept = new boolean[stored.length];
            for (Mark mark : wanted) {
                String text = text(mark);
                String code = mark.code().code;
                boolean same = false;
                for (int i = 0; i < stored.length; i++) {
                    if (!kept[i] && codeOf(stored[i]).equals(code)) {
                        kept[i] = true;
                        same = stored[i].equals(text);
                        break;
                    }
                }
                if (!same) {
                    entries.add(entry.facts().id());
                    codes.add(code);
                    signatures.add(String.join(",", CodeSets.toCodes(mark.signature())));
                    supporting.add(String.join(",", CodeSets.toCodes(mark.supporting())));
                    factors.add(String.join(",", CodeSets.toCodes(mark.factors())));
                    days.add(mark.persistentDays());
                    sides.add(mark.side() == null ? null : mark.side().code);
                }
            }
            // What is left was stored before and is no longer given by the rules.
            for (int i = 0; i < stored.length; i++) {
                if (!kept[i]) {
                    deleteEntries.add(entry.facts().id());
                    deleteCodes.add(codeOf(stored[i]));
                }
            }
        }

        private static String codeOf(String storedText) {
            return storedText.substring(0, storedText.indexOf('|'));
        }
    }

    /** A mark as {@link #MARK_TEXT} gives a stored one, with the current rules version. */
    static String text(Mark mark) {
        return mark.code().code + '|' + String.join(",", CodeSets.toCodes(mark.signature())) + '|'
                + String.join(",", CodeSets.toCodes(mark.supporting())) + '|'
                + String.join(",", CodeSets.toCodes(mark.factors())) + '|' + mark.persistentDays() + '|'
                + (mark.side() == null ? "" : mark.side().code) + '|' + MarkingRules.VERSION;
    }

    /** The span's entries and their history, sorted by owner, date and id. */
    private List<Read> read(Key cursor, Span span) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("first", span.owners().get(0));
        parameters.put("lastOwner", span.last().ownerId());
        parameters.put("lastDate", span.last().date());
        if (cursor != null) {
            parameters.put("owner", cursor.ownerId());
            parameters.put("from", MarkingRules.windowStart(cursor.date()));
        }
        Set<Long> locked = new HashSet<>(span.owners());
        List<Read> read = PlainSql.query(dataSource, cursor == null ? FIRST_WINDOW : WINDOW_AFTER, parameters,
                rows -> {
                    List<Read> result = new ArrayList<>();
                    while (rows.next()) {
                        long ownerId = rows.getLong("owner_id");
                        EntryFacts facts = new EntryFacts(rows.getLong("id"),
                                rows.getObject("entry_date", LocalDate.class),
                                Side.fromCode(rows.getString("side")).orElse(null),
                                Symptom.setOf(codes(rows.getString("symptoms"))),
                                Factor.setOf(codes(rows.getString("factors"))));
                        Key key = new Key(ownerId, facts.date(), facts.id());
                        boolean todo = locked.contains(ownerId) && (cursor == null || key.compareTo(cursor) > 0)
                                && key.compareTo(span.last()) <= 0;
                        result.add(new Read(ownerId, facts, rows.getString("marks"), todo));
                    }
                    return result;
                });
        read.sort(Comparator.comparingLong(Read::ownerId).thenComparing(entry -> entry.facts().date())
                .thenComparingLong(entry -> entry.facts().id()));
        return read;
    }

    private static final String[] NO_CODES = new String[0];

    private static String[] codes(String joined) {
        return joined == null || joined.isEmpty() ? NO_CODES : joined.split(",");
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
}
