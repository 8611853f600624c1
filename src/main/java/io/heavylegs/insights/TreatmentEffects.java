package io.heavylegs.insights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Symptom;
import io.heavylegs.database.PlainSql;
import io.heavylegs.marks.MarkingRules;
import io.heavylegs.treatment.Treatment;

/**
 * "Did it help?": for each of the owner's treatments, the journal in the {@value #SIDE_DAYS} days before the start
 * against the {@value #SIDE_DAYS} days from day {@value #AFTER_FROM_DAY} after it (the first week left out, since
 * nothing is expected of it). Each side is one SQL aggregate over {@code journal_entry}: the days with entries, the
 * average of each day's highest severity, and the days with each symptom. The one computation behind /insights and
 * the report; it reports the user's own numbers and never claims a cause ({@link #CAVEAT}).
 */
@ApplicationScoped
public class TreatmentEffects {

    public static final int SIDE_DAYS = 28;
    /** Day 1 is the start day; days 1 to 7 are left out. */
    public static final int AFTER_FROM_DAY = 8;
    /** A treatment is compared once each side has this many calendar days to look at. */
    public static final int MIN_SIDE_DAYS = 14;
    /** Below this many days with entries on either side, no figure is given. */
    public static final int MIN_LOGGED_DAYS = 7;
    public static final String CAVEAT =
            "This compares your own entries; it does not show that the treatment caused the change.";

    /** Words in a treatment's name that tie it to a deficiency pattern, whose symptoms are then compared. */
    private static final Map<MarkCode, List<String>> PATTERN_WORDS = Map.of(
            MarkCode.VITAMIN_B12, List.of("b12", "cobalamin"),
            MarkCode.IRON, List.of("iron", "ferrous", "ferric"),
            MarkCode.VITAMIN_D, List.of("vitamin d", "vit d", "calciferol", "d3"),
            MarkCode.MAGNESIUM, List.of("magnesium"));

    /** One side of the comparison: its dates, how many of them have entries, and what those days held. */
    public record Side(LocalDate from, LocalDate to, int loggedDays, double averageHighest,
            Map<Symptom, Integer> daysWith) {

        public int calendarDays() {
            return (int) ChronoUnit.DAYS.between(from, to) + 1;
        }

        public int daysWith(Symptom symptom) {
            return daysWith.getOrDefault(symptom, 0);
        }

        /** The share of logged days with {@code symptom}, 0 to 1. */
        public double share(Symptom symptom) {
            return loggedDays == 0 ? 0 : daysWith(symptom) / (double) loggedDays;
        }

        /** "4.3": the average daily highest severity, one decimal. */
        public String averageText() {
            return String.format(Locale.ROOT, "%.1f", averageHighest);
        }
    }

    /** One symptom on both sides: "Pins and needles: 10 of 10 days before (100%), 2 of 8 days after (25%)". */
    public record SymptomShare(Symptom symptom, int daysBefore, int loggedBefore, int daysAfter, int loggedAfter) {

        public int percentBefore() {
            return percent(daysBefore, loggedBefore);
        }

        public int percentAfter() {
            return percent(daysAfter, loggedAfter);
        }

        private static int percent(int days, int of) {
            return of == 0 ? 0 : (int) Math.round(100.0 * days / of);
        }
    }

    /**
     * One treatment's comparison. When {@link #isComparable()} is false the figures are not to be shown, only
     * {@link #refusal()}.
     */
    public record Effect(long treatmentId, String name, String dose, LocalDate started, MarkCode pattern, Side before,
            Side after, List<SymptomShare> symptoms) {

        public boolean isComparable() {
            return before.loggedDays() >= MIN_LOGGED_DAYS && after.loggedDays() >= MIN_LOGGED_DAYS;
        }

        /** Why there is no comparison, with the day counts; null when there is one. */
        public String refusal() {
            return isComparable() ? null
                    : "Not enough entries to compare: " + days(before.loggedDays()) + " with entries in the "
                            + before.calendarDays() + " days before, " + days(after.loggedDays()) + " in the "
                            + after.calendarDays() + " days after the first week. Each side needs at least "
                            + MIN_LOGGED_DAYS + ", so no figures are given.";
        }

        /** The sentence every comparison carries. */
        public String caveat() {
            return CAVEAT;
        }

        private static String days(int n) {
            return n == 1 ? "1 day" : n + " days";
        }
    }

    /** A treatment that cannot be compared yet (or at all), and why. */
    public record NotYet(long treatmentId, String name, LocalDate started, String reason) {
    }

    /** Every treatment of the owner: those with a comparison (or a refusal), then those not yet comparable. */
    public record Result(List<Effect> effects, List<NotYet> notYet) {

        public boolean isEmpty() {
            return effects.isEmpty() && notYet.isEmpty();
        }

        public String caveat() {
            return CAVEAT;
        }
    }

    private final DataSource dataSource;

    @Inject
    TreatmentEffects(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The owner's treatments, newest start first, each compared as of {@code today}. */
    @Transactional
    public Result forOwner(long ownerId, LocalDate today) {
        List<Effect> effects = new ArrayList<>();
        List<NotYet> notYet = new ArrayList<>();
        for (Treatment treatment : Treatment.findByOwner(ownerId)) {
            LocalDate afterFrom = treatment.started.plusDays(AFTER_FROM_DAY - 1);
            // The after side ends at its 28th day, or earlier today or on the day the user stopped taking it.
            LocalDate afterTo = min(treatment.started.plusDays(AFTER_FROM_DAY - 1 + SIDE_DAYS - 1),
                    treatment.stopped == null ? today : min(treatment.stopped, today));
            long afterDays = ChronoUnit.DAYS.between(afterFrom, afterTo) + 1;
            if (afterDays < MIN_SIDE_DAYS) {
                notYet.add(new NotYet(treatment.id, treatment.name, treatment.started, treatment.stopped != null
                        && treatment.stopped.isBefore(afterFrom.plusDays(MIN_SIDE_DAYS - 1))
                                ? "It was taken for too short a time to compare (fewer than " + MIN_SIDE_DAYS
                                        + " days after its first week)."
                                : "Too recent to compare: a comparison is possible from "
                                        + afterFrom.plusDays(MIN_SIDE_DAYS - 1) + "."));
                continue;
            }
            LocalDate beforeFrom = treatment.started.minusDays(SIDE_DAYS);
            LocalDate beforeTo = treatment.started.minusDays(1);
            effects.add(compare(ownerId, treatment, beforeFrom, beforeTo, afterFrom, afterTo));
        }
        return new Result(effects, notYet);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Which pattern a treatment's name points to, if any ("Vitamin B12 1000 µg" → vitamin-b12). */
    static Optional<MarkCode> patternOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return PATTERN_WORDS.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(lower::contains))
                .map(Map.Entry::getKey).sorted().findFirst();
    }

    private Effect compare(long ownerId, Treatment treatment, LocalDate beforeFrom, LocalDate beforeTo,
            LocalDate afterFrom, LocalDate afterTo) {
        // One statement for both sides: each day's highest severity and its symptoms, then per side the days, the
        // average of the daily highest, and (rows with a symptom) the days with each symptom.
        String sql = "WITH days AS (SELECT e.entry_date AS day, e.entry_date < :start AS before,"
                + " max(e.severity) AS highest FROM journal_entry e WHERE e.owner_id = :owner"
                + " AND (e.entry_date BETWEEN :beforeFrom AND :beforeTo OR e.entry_date BETWEEN :afterFrom AND :afterTo)"
                + " GROUP BY e.entry_date),"
                + " symptom_days AS (SELECT DISTINCT e.entry_date AS day, e.entry_date < :start AS before, s.code"
                + " FROM journal_entry e CROSS JOIN LATERAL unnest(e.symptoms) AS s(code) WHERE e.owner_id = :owner"
                + " AND (e.entry_date BETWEEN :beforeFrom AND :beforeTo OR e.entry_date BETWEEN :afterFrom AND :afterTo))"
                + " SELECT before, NULL AS symptom, count(*) AS days, avg(highest) AS average FROM days GROUP BY before"
                + " UNION ALL SELECT before, code, count(*), NULL FROM symptom_days GROUP BY before, code";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("owner", ownerId);
        parameters.put("start", treatment.started);
        parameters.put("beforeFrom", beforeFrom);
        parameters.put("beforeTo", beforeTo);
        parameters.put("afterFrom", afterFrom);
        parameters.put("afterTo", afterTo);
        int[] logged = new int[2];
        double[] average = new double[2];
        List<Map<Symptom, Integer>> daysWith = List.of(new EnumMap<>(Symptom.class), new EnumMap<>(Symptom.class));
        PlainSql.query(dataSource, sql, parameters, rows -> {
            while (rows.next()) {
                int side = rows.getBoolean("before") ? 0 : 1;
                String code = rows.getString("symptom");
                if (code == null) {
                    logged[side] = rows.getInt("days");
                    average[side] = rows.getDouble("average");
                } else {
                    int days = rows.getInt("days");
                    // A code an older version stored and this one no longer knows is left out, as everywhere.
                    Symptom.fromCode(code).ifPresent(s -> daysWith.get(side).put(s, days));
                }
            }
            return null;
        });
        Side before = new Side(beforeFrom, beforeTo, logged[0], average[0], daysWith.get(0));
        Side after = new Side(afterFrom, afterTo, logged[1], average[1], daysWith.get(1));
        Optional<MarkCode> pattern = patternOf(treatment.name);
        Set<Symptom> compared = EnumSet.noneOf(Symptom.class);
        pattern.ifPresentOrElse(code -> MarkingRules.DEFICIENCY_PATTERNS.stream()
                .filter(p -> p.code() == code).findFirst().ifPresent(p -> {
                    compared.addAll(p.signature());
                    compared.addAll(p.supporting());
                }), () -> {
                    // No pattern in the name: compare whatever symptoms the user logged on either side.
                    compared.addAll(before.daysWith().keySet());
                    compared.addAll(after.daysWith().keySet());
                });
        List<SymptomShare> shares = compared.stream()
                .map(s -> new SymptomShare(s, before.daysWith(s), before.loggedDays(), after.daysWith(s),
                        after.loggedDays()))
                .sorted(Comparator.comparingInt((SymptomShare s) -> -(s.daysBefore() + s.daysAfter()))
                        .thenComparing(SymptomShare::symptom))
                .toList();
        return new Effect(treatment.id, treatment.name, treatment.dose, treatment.started, pattern.orElse(null),
                before, after, shares);
    }
}
