package io.heavylegs.insights;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.codes.Symptom;
import io.heavylegs.database.PlainSql;
import io.heavylegs.web.DateRange;

/**
 * The insights' reads: every figure is an SQL aggregate over the owner's entries of the range, so the page costs a
 * few index range scans of {@code journal_entry_owner_newest} (owner, date) whatever the history holds, and never
 * loads the entries themselves. Each query takes the owner first.
 */
@ApplicationScoped
public class InsightsReads {

    /** The part of the day of an entry's time: 0 night, 1 morning, 2 afternoon, 3 evening (hours 0–5, 6–11, …). */
    private static final String PART = "(extract(hour FROM e.entry_time)::int / 6)";
    private static final String RANGE = " e.owner_id = :owner AND e.entry_date BETWEEN :from AND :to";

    private final DataSource dataSource;

    @Inject
    InsightsReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The time-of-day grid in one statement: per symptom and part of the day, the timed entries with it; the rows
     * with a null symptom are every timed entry per part, and the row with a null part counts all entries.
     */
    public TimeOfDay timeOfDay(long ownerId, DateRange range) {
        String sql = "SELECT s.code AS symptom, " + PART + " AS part, count(*) AS entries"
                + " FROM journal_entry e CROSS JOIN LATERAL unnest(e.symptoms) AS s(code)"
                + " WHERE" + RANGE + " AND e.entry_time IS NOT NULL GROUP BY s.code, part"
                + " UNION ALL SELECT NULL, " + PART + ", count(*) FROM journal_entry e"
                + " WHERE" + RANGE + " AND e.entry_time IS NOT NULL GROUP BY 2"
                + " UNION ALL SELECT NULL, NULL, count(*) FROM journal_entry e WHERE" + RANGE;
        return PlainSql.query(dataSource, sql, parameters(ownerId, range), rows -> {
            int entries = 0;
            int[] allTimed = new int[4];
            Map<Symptom, int[]> bySymptom = new EnumMap<>(Symptom.class);
            while (rows.next()) {
                String code = rows.getString("symptom");
                int part = rows.getInt("part");
                boolean noPart = rows.wasNull();
                int count = rows.getInt("entries");
                if (noPart) {
                    entries = count;
                } else if (code == null) {
                    allTimed[part] = count;
                } else {
                    // A code an older version stored and this one no longer knows is left out, as everywhere.
                    Symptom.fromCode(code).ifPresent(s -> bySymptom.computeIfAbsent(s, x -> new int[4])[part] = count);
                }
            }
            return TimeOfDay.of(entries, allTimed, bySymptom);
        });
    }

    private static Map<String, Object> parameters(long ownerId, DateRange range) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("owner", ownerId);
        parameters.put("from", range.from());
        parameters.put("to", range.to());
        return parameters;
    }
}
