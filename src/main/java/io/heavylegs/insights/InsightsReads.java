package io.heavylegs.insights;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.codes.Factor;
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

    /**
     * For each symptom, the days of the calendar's part of the range it was logged on, with the highest severity of
     * that day's entries carrying it: one statement.
     */
    public SymptomCalendar calendar(long ownerId, DateRange range) {
        String sql = "SELECT s.code AS symptom, e.entry_date AS day, max(e.severity) AS highest"
                + " FROM journal_entry e CROSS JOIN LATERAL unnest(e.symptoms) AS s(code)"
                + " WHERE" + RANGE + " GROUP BY s.code, e.entry_date";
        return PlainSql.query(dataSource, sql, parameters(ownerId, SymptomCalendar.shownDays(range)), rows -> {
            Map<Symptom, Map<LocalDate, Integer>> days = new EnumMap<>(Symptom.class);
            while (rows.next()) {
                LocalDate day = rows.getObject("day", LocalDate.class);
                int highest = rows.getInt("highest");
                Symptom.fromCode(rows.getString("symptom"))
                        .ifPresent(s -> days.computeIfAbsent(s, x -> new HashMap<>()).put(day, highest));
            }
            return SymptomCalendar.of(range, days);
        });
    }

    /**
     * Days with and without each factor, in one statement over the range's entries (read once): every logged day
     * with its highest severity, the days with each factor, with each symptom, and with both.
     */
    public FactorComparison factors(long ownerId, DateRange range) {
        String sql = "WITH entries AS MATERIALIZED (SELECT e.entry_date, e.severity, e.symptoms, e.factors"
                + " FROM journal_entry e WHERE" + RANGE + "),"
                + " days AS (SELECT entry_date AS d, max(severity) AS high FROM entries GROUP BY entry_date),"
                + " day_factor AS (SELECT DISTINCT entry_date AS d, f FROM entries CROSS JOIN LATERAL unnest(factors) AS f),"
                + " day_symptom AS (SELECT DISTINCT entry_date AS d, s FROM entries CROSS JOIN LATERAL unnest(symptoms) AS s)"
                + " SELECT NULL AS factor, NULL AS symptom, count(*) AS days, coalesce(sum(high), 0) AS high FROM days"
                + " UNION ALL SELECT df.f, NULL, count(*), sum(days.high) FROM day_factor df JOIN days ON days.d = df.d"
                + " GROUP BY df.f"
                + " UNION ALL SELECT NULL, ds.s, count(*), 0 FROM day_symptom ds GROUP BY ds.s"
                + " UNION ALL SELECT df.f, ds.s, count(*), 0 FROM day_factor df JOIN day_symptom ds ON ds.d = df.d"
                + " GROUP BY df.f, ds.s";
        return PlainSql.query(dataSource, sql, parameters(ownerId, range), rows -> {
            FactorComparison.DayCounts all = new FactorComparison.DayCounts(0, 0);
            Map<Factor, FactorComparison.DayCounts> byFactor = new EnumMap<>(Factor.class);
            Map<Symptom, Integer> symptomDays = new EnumMap<>(Symptom.class);
            Map<Factor, Map<Symptom, Integer>> both = new EnumMap<>(Factor.class);
            while (rows.next()) {
                Optional<Factor> factor = Optional.ofNullable(rows.getString("factor")).flatMap(Factor::fromCode);
                Optional<Symptom> symptom = Optional.ofNullable(rows.getString("symptom")).flatMap(Symptom::fromCode);
                boolean anyFactor = rows.getString("factor") != null;
                boolean anySymptom = rows.getString("symptom") != null;
                int days = rows.getInt("days");
                long high = rows.getLong("high");
                if (!anyFactor && !anySymptom) {
                    all = new FactorComparison.DayCounts(days, high);
                } else if (!anySymptom) {
                    factor.ifPresent(f -> byFactor.put(f, new FactorComparison.DayCounts(days, high)));
                } else if (!anyFactor) {
                    symptom.ifPresent(s -> symptomDays.put(s, days));
                } else if (factor.isPresent() && symptom.isPresent()) {
                    both.computeIfAbsent(factor.get(), f -> new EnumMap<>(Symptom.class)).put(symptom.get(), days);
                }
            }
            return FactorComparison.of(all, byFactor, symptomDays, both);
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
