package io.heavylegs.marks;

import static io.heavylegs.codes.Factor.DIABETES;
import static io.heavylegs.codes.Factor.HEAVY_EXERCISE;
import static io.heavylegs.codes.Factor.HEAVY_PERIODS;
import static io.heavylegs.codes.Factor.LOW_FLUIDS;
import static io.heavylegs.codes.Factor.LOW_SUNLIGHT;
import static io.heavylegs.codes.Factor.VEGAN_DIET;
import static io.heavylegs.codes.Symptom.BALANCE;
import static io.heavylegs.codes.Symptom.BONE_PAIN;
import static io.heavylegs.codes.Symptom.BREATHLESSNESS;
import static io.heavylegs.codes.Symptom.CALF_PAIN_WALKING;
import static io.heavylegs.codes.Symptom.CHEST_PAIN;
import static io.heavylegs.codes.Symptom.CRAMPS;
import static io.heavylegs.codes.Symptom.FATIGUE;
import static io.heavylegs.codes.Symptom.HEAVINESS;
import static io.heavylegs.codes.Symptom.MUSCLE_PAIN;
import static io.heavylegs.codes.Symptom.NUMBNESS;
import static io.heavylegs.codes.Symptom.PALE_SKIN;
import static io.heavylegs.codes.Symptom.RESTLESS_LEGS;
import static io.heavylegs.codes.Symptom.SWELLING;
import static io.heavylegs.codes.Symptom.TINGLING;
import static io.heavylegs.codes.Symptom.TWITCHING;
import static io.heavylegs.codes.Symptom.WARM_RED_SKIN;
import static io.heavylegs.codes.Symptom.WEAKNESS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;

/**
 * Rules version 2 of the public contract's marks table (README.md, "The public contract", "Marks"), as plain
 * data and functions so they read like that table and run without a container. Changing what any rule marks means raising {@link #VERSION}: stored
 * marks carry the version that made them and older ones are recomputed at start-up (journal/RemarkingJob).
 */
public final class MarkingRules {

    public static final int VERSION = 2;

    /** The persistent rule counts symptom days in windows of this many days, each ending on (and including) a date. */
    public static final int WINDOW_DAYS = 14;
    /** The fewest symptom days in a window that make a run; the journal's banner and the explanations quote it. */
    public static final int PERSISTENT_MIN_DAYS = 7;

    /** A deficiency pattern: one row of the contract's table. */
    public record Pattern(MarkCode code, Set<Symptom> signature, Set<Symptom> supporting, Set<Factor> weighting) {

        public Pattern {
            Objects.requireNonNull(code, "code");
            signature = CodeSets.copyOf(Symptom.class, signature);
            supporting = CodeSets.copyOf(Symptom.class, supporting);
            weighting = CodeSets.copyOf(Factor.class, weighting);
        }
    }

    public static final List<Pattern> DEFICIENCY_PATTERNS = List.of(
            //          code                     signature symptoms                       supporting symptoms                                                          factors that add weight
            new Pattern(MarkCode.IRON,        EnumSet.of(PALE_SKIN, RESTLESS_LEGS),    EnumSet.of(HEAVINESS, WEAKNESS, FATIGUE, CRAMPS, CHEST_PAIN, BREATHLESSNESS), EnumSet.of(HEAVY_PERIODS, VEGAN_DIET)),
            new Pattern(MarkCode.VITAMIN_D,   EnumSet.of(BONE_PAIN, MUSCLE_PAIN),      EnumSet.of(WEAKNESS, FATIGUE, HEAVINESS),                                    EnumSet.of(LOW_SUNLIGHT)),
            new Pattern(MarkCode.VITAMIN_B12, EnumSet.of(NUMBNESS, TINGLING, BALANCE), EnumSet.of(FATIGUE, WEAKNESS, HEAVINESS),                                    EnumSet.of(VEGAN_DIET)),
            new Pattern(MarkCode.MAGNESIUM,   EnumSet.of(CRAMPS, TWITCHING),           EnumSet.of(RESTLESS_LEGS, FATIGUE, HEAVINESS),                               EnumSet.of(LOW_FLUIDS, HEAVY_EXERCISE)));

    /** Swelling or a warm, red leg: in one leg, or with breathlessness, the signs of a possible blood clot. */
    private static final Set<Symptom> LEG_SIGNS = EnumSet.of(SWELLING, WARM_RED_SKIN);
    /** Nerve symptoms that, with diabetes, can mean nerve damage. */
    private static final Set<Symptom> NERVE_SYMPTOMS = EnumSet.of(NUMBNESS, TINGLING);
    private static final Set<Factor> DEHYDRATING_FACTORS = EnumSet.of(LOW_FLUIDS, HEAVY_EXERCISE);
    private static final Set<Symptom> DEHYDRATION_SYMPTOMS = EnumSet.of(CRAMPS, FATIGUE, HEAVINESS);

    private MarkingRules() {
    }

    /**
     * The first day of history the rules need to mark an entry on {@code date}: persistent compares the window
     * ending on {@code date} with the window ending the day before, which starts {@link #WINDOW_DAYS} days earlier.
     */
    public static LocalDate windowStart(LocalDate date) {
        return date.minusDays(WINDOW_DAYS);
    }

    /**
     * The last date whose marks a change on {@code date} can affect: the entries of the {@link #WINDOW_DAYS} days
     * after it, whose day-before windows still hold {@code date}.
     */
    public static LocalDate windowEnd(LocalDate date) {
        return date.plusDays(WINDOW_DAYS);
    }

    /**
     * The marks of {@code entry}, in {@link MarkCode} order. {@code sameUserEntries} is the same user's history;
     * entries before {@link #windowStart} or after the entry's date are ignored, and a copy of the entry itself
     * (same id, possibly stale) is replaced by {@code entry}.
     */
    public static List<Mark> evaluate(EntryFacts entry, Collection<EntryFacts> sameUserEntries) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sameUserEntries, "sameUserEntries");
        List<Mark> marks = new ArrayList<>();
        Optional<Mark> urgent = urgent(entry);
        urgent.ifPresentOrElse(marks::add, () -> seeDoctor(entry).ifPresent(marks::add));
        persistent(entry, sameUserEntries).ifPresent(marks::add);
        for (Pattern pattern : DEFICIENCY_PATTERNS) {
            apply(pattern, entry).ifPresent(marks::add);
        }
        dehydration(entry).ifPresent(marks::add);
        marks.sort(Comparator.comparing(Mark::code));
        return List.copyOf(marks);
    }

    /** At least two of the pattern's symptoms, at least one of them a signature symptom; factors only add weight. */
    static Optional<Mark> apply(Pattern pattern, EntryFacts entry) {
        Set<Symptom> signature = CodeSets.intersection(Symptom.class, entry.symptoms(), pattern.signature());
        Set<Symptom> supporting = CodeSets.intersection(Symptom.class, entry.symptoms(), pattern.supporting());
        if (signature.isEmpty() || signature.size() + supporting.size() < 2) {
            return Optional.empty();
        }
        Set<Factor> weighting = CodeSets.intersection(Factor.class, entry.factors(), pattern.weighting());
        return Optional.of(new Mark(pattern.code(), signature, supporting, weighting, null, 0));
    }

    // --- care marks: urgent, and see-doctor only when not urgent

    /**
     * Chest pain; one swollen or warm, red leg; or breathlessness with either leg sign. The mark carries every
     * branch that holds, so that its reason can name each, and the side when the leg signs are part of it.
     */
    private static Optional<Mark> urgent(EntryFacts entry) {
        Set<Symptom> evidence = EnumSet.noneOf(Symptom.class);
        if (entry.symptoms().contains(CHEST_PAIN)) {
            evidence.add(CHEST_PAIN);
        }
        Set<Symptom> legSigns = CodeSets.intersection(Symptom.class, entry.symptoms(), LEG_SIGNS);
        boolean breathless = entry.symptoms().contains(BREATHLESSNESS);
        boolean possibleClot = !legSigns.isEmpty() && (isOneLeg(entry.side()) || breathless);
        if (possibleClot) {
            evidence.addAll(legSigns);
            if (breathless) {
                evidence.add(BREATHLESSNESS);
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        Side side = possibleClot ? entry.side() : null;
        return Optional.of(new Mark(MarkCode.URGENT, evidence, Set.of(), Set.of(), side, 0));
    }

    /**
     * Swelling of both legs or of a side not given; breathlessness; calf pain on walking; numbness or tingling with
     * diabetes. Evaluated only when the entry is not urgent. When several hold, the mark carries all of them.
     */
    private static Optional<Mark> seeDoctor(EntryFacts entry) {
        Set<Symptom> evidence = EnumSet.noneOf(Symptom.class);
        boolean swellingBothOrUnknown = entry.symptoms().contains(SWELLING) && !isOneLeg(entry.side());
        if (swellingBothOrUnknown) {
            evidence.add(SWELLING);
        }
        if (entry.symptoms().contains(BREATHLESSNESS)) {
            evidence.add(BREATHLESSNESS);
        }
        if (entry.symptoms().contains(CALF_PAIN_WALKING)) {
            evidence.add(CALF_PAIN_WALKING);
        }
        Set<Symptom> nerveSymptoms = entry.factors().contains(DIABETES)
                ? CodeSets.intersection(Symptom.class, entry.symptoms(), NERVE_SYMPTOMS)
                : Set.of();
        if (evidence.isEmpty() && nerveSymptoms.isEmpty()) {
            return Optional.empty();
        }
        Set<Factor> diabetes = nerveSymptoms.isEmpty() ? Set.of() : Set.of(DIABETES);
        Side side = swellingBothOrUnknown ? entry.side() : null;
        return Optional.of(new Mark(MarkCode.SEE_DOCTOR, evidence, nerveSymptoms, diabetes, side, 0));
    }

    private static boolean isOneLeg(Side side) {
        return side != null && side.isOneLeg();
    }

    // --- other marks

    /**
     * The start of a run only: this entry has a symptom, the window ending on its date has at least
     * {@value #PERSISTENT_MIN_DAYS} symptom days and the window ending the day before had fewer, so a run of
     * symptoms is marked once rather than on every day it lasts.
     */
    private static Optional<Mark> persistent(EntryFacts entry, Collection<EntryFacts> sameUserEntries) {
        if (entry.symptoms().isEmpty()) {
            return Optional.empty();
        }
        Set<LocalDate> symptomDays = sameUserEntries.stream()
                .filter(other -> other.id() != entry.id())
                .filter(other -> !other.symptoms().isEmpty())
                .map(EntryFacts::date)
                .filter(day -> !day.isBefore(windowStart(entry.date())) && !day.isAfter(entry.date()))
                .collect(Collectors.toCollection(HashSet::new));
        symptomDays.add(entry.date());
        int daysInWindow = daysInWindowEndingOn(entry.date(), symptomDays);
        int daysInWindowBefore = daysInWindowEndingOn(entry.date().minusDays(1), symptomDays);
        if (daysInWindow < PERSISTENT_MIN_DAYS || daysInWindowBefore >= PERSISTENT_MIN_DAYS) {
            return Optional.empty();
        }
        return Optional.of(new Mark(MarkCode.PERSISTENT, Set.of(), Set.of(), Set.of(), null, daysInWindow));
    }

    /** How many of {@code days} fall in the {@link #WINDOW_DAYS} days ending on (and including) {@code last}. */
    private static int daysInWindowEndingOn(LocalDate last, Set<LocalDate> days) {
        LocalDate first = last.minusDays(WINDOW_DAYS - 1);
        return (int) days.stream().filter(day -> !day.isBefore(first) && !day.isAfter(last)).count();
    }

    private static Optional<Mark> dehydration(EntryFacts entry) {
        Set<Factor> factors = CodeSets.intersection(Factor.class, entry.factors(), DEHYDRATING_FACTORS);
        Set<Symptom> symptoms = CodeSets.intersection(Symptom.class, entry.symptoms(), DEHYDRATION_SYMPTOMS);
        if (factors.isEmpty() || symptoms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Mark(MarkCode.DEHYDRATION, Set.of(), symptoms, factors, null, 0));
    }
}
