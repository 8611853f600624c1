package io.heavylegs.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;

/**
 * Days with and without each factor, compared: the average of each day's highest severity, and the share of days
 * with each symptom. A day counts as "with" a factor when any of its entries has it; only logged days count. A
 * factor is compared only when at least {@value #MIN_DAYS} logged days have it and {@value #MIN_DAYS} do not: with
 * fewer, one unusual day would move the figures more than the factor could. Pure: the counts come from one SQL
 * aggregate ({@link InsightsReads#factors}).
 */
public final class FactorComparison {

    public static final int MIN_DAYS = 7;
    /** The bars' length for severity 10, in SVG units drawn at their natural size. */
    static final int BAR = 180;
    public static final String CAVEAT = "A comparison of your own entries, not proof of a cause.";

    /** Logged days and the sum of their highest severities, for days with a factor (or all days). */
    public record DayCounts(int days, long highestSum) {
    }

    /** One symptom on days with and without a factor. */
    public record SymptomShare(Symptom symptom, int withDays, int with, int withoutDays, int without) {

        public int getWithPercent() {
            return percent(withDays, with);
        }

        public int getWithoutPercent() {
            return percent(withoutDays, without);
        }
    }

    /** A factor with enough days both ways to compare, or one without and why. */
    public record Factored(Factor factor, int withDays, int withoutDays, long withSum, long withoutSum,
            List<SymptomShare> symptoms) {

        public boolean isCompared() {
            return withDays >= MIN_DAYS && withoutDays >= MIN_DAYS;
        }

        /** The average daily highest severity on days with the factor, one decimal: "5.3". */
        public String getWithAverage() {
            return average(withSum, withDays);
        }

        public String getWithoutAverage() {
            return average(withoutSum, withoutDays);
        }

        /** The length of the "with" bar of the average (0 to 10 is 0 to {@value #BAR} units). */
        public long getWithBar() {
            return withDays == 0 ? 0 : Math.round((double) BAR * withSum / (10.0 * withDays));
        }

        public long getWithoutBar() {
            return withoutDays == 0 ? 0 : Math.round((double) BAR * withoutSum / (10.0 * withoutDays));
        }

        /** The two averages in words, as the bars draw them. */
        public String getAverageSummary() {
            return factor.label + ", average daily highest severity: " + getWithAverage() + " on the "
                    + days(withDays) + " with it, " + getWithoutAverage() + " on the " + days(withoutDays)
                    + " without.";
        }

        /** Why a factor is not compared, with its day counts. */
        public Optional<String> getWhyNot() {
            if (isCompared()) {
                return Optional.empty();
            }
            return Optional.of(factor.label + ": " + days(withDays) + " with it and " + days(withoutDays)
                    + " without. A comparison needs at least " + MIN_DAYS + " logged days of each.");
        }
    }

    private final int loggedDays;
    private final List<Factored> factors;

    private FactorComparison(int loggedDays, List<Factored> factors) {
        this.loggedDays = loggedDays;
        this.factors = factors;
    }

    /**
     * From the counts: {@code all} is every logged day of the range; {@code byFactor} the days with each factor;
     * {@code symptomDays} the days with each symptom; {@code symptomDaysByFactor} the days with both. Factors in
     * contract order; a factor never ticked in the range is left out. A symptom is listed when it was logged on
     * any day of the range.
     */
    public static FactorComparison of(DayCounts all, Map<Factor, DayCounts> byFactor, Map<Symptom, Integer> symptomDays,
            Map<Factor, Map<Symptom, Integer>> symptomDaysByFactor) {
        List<Factored> factors = new ArrayList<>();
        for (Factor factor : Factor.values()) {
            DayCounts with = byFactor.get(factor);
            if (with == null || with.days() == 0) {
                continue;
            }
            int withoutDays = all.days() - with.days();
            List<SymptomShare> shares = new ArrayList<>();
            Map<Symptom, Integer> both = symptomDaysByFactor.getOrDefault(factor, Map.of());
            for (Symptom symptom : Symptom.values()) {
                int total = symptomDays.getOrDefault(symptom, 0);
                if (total > 0) {
                    int withSymptom = both.getOrDefault(symptom, 0);
                    shares.add(new SymptomShare(symptom, with.days(), withSymptom, withoutDays, total - withSymptom));
                }
            }
            factors.add(new Factored(factor, with.days(), withoutDays, with.highestSum(),
                    all.highestSum() - with.highestSum(), List.copyOf(shares)));
        }
        return new FactorComparison(all.days(), List.copyOf(factors));
    }

    public int getLoggedDays() {
        return loggedDays;
    }

    /** The factors with enough days to compare. */
    public List<Factored> getCompared() {
        return factors.stream().filter(Factored::isCompared).toList();
    }

    /** The factors ticked in the range that have too few days with or without them. */
    public List<Factored> getNotCompared() {
        return factors.stream().filter(f -> !f.isCompared()).toList();
    }

    public boolean isNoFactors() {
        return factors.isEmpty();
    }

    public int getMinDays() {
        return MIN_DAYS;
    }

    public String getCaveat() {
        return CAVEAT;
    }

    static String days(int days) {
        return days + (days == 1 ? " logged day" : " logged days");
    }

    static int percent(int days, int count) {
        return days == 0 ? 0 : (int) Math.round(100.0 * count / days);
    }

    /** One decimal, half up, from whole numbers, so 5.25 is 5.3 exactly as it would be by hand. */
    static String average(long sum, int days) {
        if (days == 0) {
            return "\u2013";
        }
        long tenths = (sum * 20 + days) / (2L * days);
        return tenths / 10 + "." + tenths % 10;
    }
}
