package io.heavylegs.marks;

import static io.heavylegs.codes.Factor.DIABETES;
import static io.heavylegs.codes.Factor.HEAVY_EXERCISE;
import static io.heavylegs.codes.Factor.HEAVY_PERIODS;
import static io.heavylegs.codes.Factor.LOW_FLUIDS;
import static io.heavylegs.codes.Factor.LOW_SUNLIGHT;
import static io.heavylegs.codes.Factor.VEGAN_DIET;
import static io.heavylegs.codes.Symptom.BALANCE;
import static io.heavylegs.codes.Symptom.BONE_PAIN;
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
import io.heavylegs.codes.Symptom;

/**
 * Rules version 1 of the marking rules table in README.md ("Marks"), as plain data and functions so they read like
 * that table and run without a container. Changing what any rule marks means raising {@link #VERSION}: stored marks
 * carry the version that made them and older ones are recomputed at start-up (journal/RemarkingJob).
 */
public final class MarkingRules {

    public static final int VERSION = 1;

    /** The persistent rule looks at this many days, ending on (and including) the entry's own date. */
    public static final int WINDOW_DAYS = 14;
    /** At least this many distinct days with symptoms in a window make a run of persistent symptoms. */
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
            //          code                     signature symptoms                        supporting symptoms                                          factors that add weight
            new Pattern(MarkCode.IRON,        EnumSet.of(PALE_SKIN, RESTLESS_LEGS),      EnumSet.of(HEAVINESS, WEAKNESS, FATIGUE, CRAMPS, CHEST_PAIN), EnumSet.of(HEAVY_PERIODS, VEGAN_DIET)),
            new Pattern(MarkCode.VITAMIN_D,   EnumSet.of(BONE_PAIN, MUSCLE_PAIN),        EnumSet.of(WEAKNESS, FATIGUE, HEAVINESS),                     EnumSet.of(LOW_SUNLIGHT)),
            new Pattern(MarkCode.VITAMIN_B12, EnumSet.of(NUMBNESS, TINGLING, BALANCE),   EnumSet.of(FATIGUE, WEAKNESS, HEAVINESS),                     EnumSet.of(VEGAN_DIET)),
            new Pattern(MarkCode.MAGNESIUM,   EnumSet.of(CRAMPS, TWITCHING, RESTLESS_LEGS), EnumSet.of(FATIGUE, HEAVINESS),                            EnumSet.of(LOW_FLUIDS, HEAVY_EXERCISE)));

    private static final Set<Factor> DEHYDRATING_FACTORS = EnumSet.of(LOW_FLUIDS, HEAVY_EXERCISE);
    private static final Set<Symptom> DEHYDRATION_SYMPTOMS = EnumSet.of(CRAMPS, FATIGUE, HEAVINESS);
    private static final Set<Symptom> NERVE_SYMPTOMS_WITH_DIABETES = EnumSet.of(NUMBNESS, TINGLING);

    private MarkingRules() {
    }

    /** First day of the window that ends on (and includes) {@code date}. */
    public static LocalDate windowStart(LocalDate date) {
        return date.minusDays(WINDOW_DAYS - 1);
    }

    /** The last day whose window still holds {@code date}: a change on {@code date} can affect marks up to it. */
    public static LocalDate windowEnd(LocalDate date) {
        return date.plusDays(WINDOW_DAYS - 1);
    }

    /**
     * The marks of {@code entry}, in {@link MarkCode} order. {@code sameUserEntries} is the same user's history;
     * entries outside the entry's window are ignored, and a copy of the entry itself (same id, possibly stale) is
     * replaced by {@code entry}.
     */
    public static List<Mark> evaluate(EntryFacts entry, Collection<EntryFacts> sameUserEntries) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sameUserEntries, "sameUserEntries");
        List<Mark> marks = new ArrayList<>();
        urgent(entry).ifPresent(marks::add);
        seeDoctor(entry).ifPresent(marks::add);
        persistent(entry, sameUserEntries).ifPresent(marks::add);
        for (Pattern pattern : DEFICIENCY_PATTERNS) {
            apply(pattern, entry).ifPresent(marks::add);
        }
        dehydration(entry).ifPresent(marks::add);
        marks.sort(Comparator.comparing(Mark::code));
        return List.copyOf(marks);
    }

    static Optional<Mark> apply(Pattern pattern, EntryFacts entry) {
        Set<Symptom> signature = CodeSets.intersection(Symptom.class, entry.symptoms(), pattern.signature());
        Set<Symptom> supporting = CodeSets.intersection(Symptom.class, entry.symptoms(), pattern.supporting());
        if (signature.isEmpty() || signature.size() + supporting.size() < 2) {
            return Optional.empty();
        }
        Set<Factor> weighting = CodeSets.intersection(Factor.class, entry.factors(), pattern.weighting());
        return Optional.of(new Mark(pattern.code(), signature, supporting, weighting, 0));
    }

    private static Optional<Mark> urgent(EntryFacts entry) {
        if (!entry.symptoms().contains(CHEST_PAIN)) {
            return Optional.empty();
        }
        return Optional.of(new Mark(MarkCode.URGENT, Set.of(CHEST_PAIN), Set.of(), Set.of(), 0));
    }

    /** Two independent reasons; when both hold, the mark carries the evidence of both. */
    private static Optional<Mark> seeDoctor(EntryFacts entry) {
        Set<Symptom> swelling = CodeSets.intersection(Symptom.class, entry.symptoms(), Set.of(SWELLING));
        Set<Symptom> nerveSymptoms = entry.factors().contains(DIABETES)
                ? CodeSets.intersection(Symptom.class, entry.symptoms(), NERVE_SYMPTOMS_WITH_DIABETES)
                : Set.of();
        if (swelling.isEmpty() && nerveSymptoms.isEmpty()) {
            return Optional.empty();
        }
        Set<Factor> diabetes = nerveSymptoms.isEmpty() ? Set.of() : Set.of(DIABETES);
        return Optional.of(new Mark(MarkCode.SEE_DOCTOR, swelling, nerveSymptoms, diabetes, 0));
    }

    private static Optional<Mark> persistent(EntryFacts entry, Collection<EntryFacts> sameUserEntries) {
        if (entry.symptoms().isEmpty()) {
            return Optional.empty();
        }
        LocalDate start = windowStart(entry.date());
        Set<LocalDate> daysWithSymptoms = sameUserEntries.stream()
                .filter(other -> other.id() != entry.id())
                .filter(other -> !other.symptoms().isEmpty())
                .map(EntryFacts::date)
                .filter(day -> !day.isBefore(start) && !day.isAfter(entry.date()))
                .collect(Collectors.toCollection(HashSet::new));
        daysWithSymptoms.add(entry.date());
        if (daysWithSymptoms.size() < PERSISTENT_MIN_DAYS) {
            return Optional.empty();
        }
        return Optional.of(new Mark(MarkCode.PERSISTENT, Set.of(), Set.of(), Set.of(), daysWithSymptoms.size()));
    }

    private static Optional<Mark> dehydration(EntryFacts entry) {
        Set<Factor> factors = CodeSets.intersection(Factor.class, entry.factors(), DEHYDRATING_FACTORS);
        Set<Symptom> symptoms = CodeSets.intersection(Symptom.class, entry.symptoms(), DEHYDRATION_SYMPTOMS);
        if (factors.isEmpty() || symptoms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Mark(MarkCode.DEHYDRATION, Set.of(), symptoms, factors, 0));
    }
}
