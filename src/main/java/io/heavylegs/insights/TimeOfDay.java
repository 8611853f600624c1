package io.heavylegs.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.heavylegs.codes.Symptom;

/**
 * When in the day each symptom was logged: the entries that carry a time, counted by part of the day. Pure: the
 * counts come from one SQL aggregate ({@link InsightsReads#timeOfDay}).
 * <p>
 * A sentence about a pattern is said only when it stands on enough entries to mean something: at least
 * {@value #MIN_TIMED_ENTRIES} timed entries with the symptom, and either at least three quarters of them in one part
 * of the day, or at least four fifths in two neighbouring parts (evening and night count as neighbours). If the
 * times were spread evenly, two neighbouring parts would hold half of them; 8 or more of 10 falling there by chance
 * happens about once in eighteen tries, 9 of 11 about once in thirty.
 */
public final class TimeOfDay {

    public static final int MIN_TIMED_ENTRIES = 10;

    /** The four parts of the day, by the hour of the entry's time. */
    public enum Part {
        NIGHT("Night", "00:00\u201306:00", "at night"),
        MORNING("Morning", "06:00\u201312:00", "in the morning"),
        AFTERNOON("Afternoon", "12:00\u201318:00", "in the afternoon"),
        EVENING("Evening", "18:00\u201324:00", "in the evening");

        /** What pages carry in {@code data-part}: "night", "morning", … */
        public final String code;
        public final String label;
        public final String hours;
        /** How a sentence says it: "in the evening". */
        public final String phrase;

        Part(String label, String hours, String phrase) {
            this.code = name().toLowerCase(java.util.Locale.ROOT);
            this.label = label;
            this.hours = hours;
            this.phrase = phrase;
        }

        /** The part an hour (0–23) falls in: 0–5 night, 6–11 morning, 12–17 afternoon, 18–23 evening. */
        public static Part ofHour(int hour) {
            return values()[hour / 6];
        }

        Part next() {
            return values()[(ordinal() + 1) % 4];
        }
    }

    /** How two neighbouring parts read together, first part first. */
    private static final Map<Part, String> PAIRS = Map.of(
            Part.NIGHT, "at night or in the morning",
            Part.MORNING, "in the morning or afternoon",
            Part.AFTERNOON, "in the afternoon or evening",
            Part.EVENING, "in the evening or at night");

    /** One row of the grid: a symptom (or every timed entry) and its count in each part of the day. */
    public record Row(String label, Symptom symptom, List<Cell> cells, int total) {

        /** The sentence about this row's pattern, or empty when there is none to tell honestly. */
        public Optional<String> pattern() {
            if (total < MIN_TIMED_ENTRIES) {
                return Optional.empty();
            }
            Part top = null;
            for (Part part : Part.values()) {
                if (top == null || count(part) > count(top)) {
                    top = part;
                }
            }
            if (4 * count(top) >= 3 * total) {
                return Optional.of(sentence(count(top), top.phrase));
            }
            Part topPair = null;
            for (Part part : Part.values()) {
                if (topPair == null || pair(part) > pair(topPair)) {
                    topPair = part;
                }
            }
            if (5 * pair(topPair) >= 4 * total) {
                return Optional.of(sentence(pair(topPair), PAIRS.get(topPair)));
            }
            return Optional.empty();
        }

        public int count(Part part) {
            return cells.get(part.ordinal()).count();
        }

        private int pair(Part first) {
            return count(first) + count(first.next());
        }

        private String sentence(int count, String when) {
            return label + ": " + count + " of " + total + " timed entries were " + when + ".";
        }
    }

    /**
     * One cell: the count, and a shade from 0 (none) to 4 by its share of the row, so the eye finds the busy part
     * of the day; the number is always written in the cell, so the shade is never the only signal.
     */
    public record Cell(Part part, int count, int total) {
        public int shade() {
            if (count == 0) {
                return 0;
            }
            return Math.min(4, 1 + (4 * count - 1) / total);
        }

        public int percent() {
            return total == 0 ? 0 : Math.round(100f * count / total);
        }
    }

    private final int entries;
    private final Row all;
    private final List<Row> rows;

    private TimeOfDay(int entries, Row all, List<Row> rows) {
        this.entries = entries;
        this.all = all;
        this.rows = rows;
    }

    /**
     * The grid from the counts: {@code entries} is every entry of the range (timed or not), {@code allTimed} the
     * timed entries per part (index = {@link Part#ordinal}), {@code bySymptom} the timed entries with each symptom
     * per part. Symptoms are listed in contract order; those without a timed entry are left out.
     */
    public static TimeOfDay of(int entries, int[] allTimed, Map<Symptom, int[]> bySymptom) {
        List<Row> rows = new ArrayList<>();
        for (Symptom symptom : Symptom.values()) {
            int[] counts = bySymptom.get(symptom);
            if (counts != null && sum(counts) > 0) {
                rows.add(row(symptom.label, symptom, counts));
            }
        }
        return new TimeOfDay(entries, row("All timed entries", null, allTimed), List.copyOf(rows));
    }

    private static Row row(String label, Symptom symptom, int[] counts) {
        if (counts.length != 4) {
            throw new IllegalArgumentException("Four parts of the day, not " + counts.length);
        }
        int total = sum(counts);
        List<Cell> cells = new ArrayList<>(4);
        for (Part part : Part.values()) {
            cells.add(new Cell(part, counts[part.ordinal()], total));
        }
        return new Row(label, symptom, List.copyOf(cells), total);
    }

    private static int sum(int[] counts) {
        int sum = 0;
        for (int count : counts) {
            sum += count;
        }
        return sum;
    }

    public List<Part> getParts() {
        return List.of(Part.values());
    }

    /** Every entry of the range, timed or not. */
    public int getEntries() {
        return entries;
    }

    public int getTimedEntries() {
        return all.total();
    }

    public int getUntimedEntries() {
        return entries - all.total();
    }

    public Row getAll() {
        return all;
    }

    /** One row per symptom with at least one timed entry. */
    public List<Row> getRows() {
        return rows;
    }

    /** The patterns worth a sentence, one per symptom at most, in the grid's order. */
    public List<String> getPatterns() {
        return rows.stream().flatMap(row -> row.pattern().stream()).toList();
    }

    /** True when no symptom has enough timed entries for a sentence: the page says how many there are. */
    public boolean isTooFewToTell() {
        return rows.stream().allMatch(row -> row.total() < MIN_TIMED_ENTRIES);
    }

    public int getMinTimedEntries() {
        return MIN_TIMED_ENTRIES;
    }
}
