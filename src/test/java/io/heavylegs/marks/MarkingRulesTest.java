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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;

class MarkingRulesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 20);
    private static final AtomicLong IDS = new AtomicLong(100);

    // --- iron: signature pale-skin, restless-legs; supporting heaviness, weakness, fatigue, cramps, chest-pain

    @Test
    void oneSignatureSymptomAloneDoesNotMarkIron() {
        assertNotMarked(MarkCode.IRON, symptoms(PALE_SKIN));
    }

    @Test
    void twoSupportingSymptomsWithoutSignatureDoNotMarkIron() {
        assertNotMarked(MarkCode.IRON, symptoms(HEAVINESS, WEAKNESS));
    }

    @Test
    void allSupportingSymptomsWithoutSignatureDoNotMarkIron() {
        assertNotMarked(MarkCode.IRON, symptoms(HEAVINESS, WEAKNESS, FATIGUE, CRAMPS, CHEST_PAIN));
    }

    @Test
    void signaturePlusSupportingSymptomMarksIron() {
        Mark iron = marked(MarkCode.IRON, symptoms(PALE_SKIN, CHEST_PAIN));
        assertEquals(Set.of(PALE_SKIN), iron.signature());
        assertEquals(Set.of(CHEST_PAIN), iron.supporting());
        assertEquals(Set.of(), iron.factors());
    }

    @Test
    void twoSignatureSymptomsMarkIron() {
        Mark iron = marked(MarkCode.IRON, symptoms(PALE_SKIN, RESTLESS_LEGS));
        assertEquals(Set.of(PALE_SKIN, RESTLESS_LEGS), iron.signature());
        assertEquals(Set.of(), iron.supporting());
    }

    @Test
    void weightingFactorsDoNotCountAsTheSecondSymptomOfIron() {
        assertNotMarked(MarkCode.IRON, symptoms(RESTLESS_LEGS), factors(HEAVY_PERIODS, VEGAN_DIET));
    }

    @Test
    void ironNamesOnlyItsOwnWeightingFactors() {
        Mark iron = marked(MarkCode.IRON, symptoms(PALE_SKIN, FATIGUE), factors(HEAVY_PERIODS, VEGAN_DIET, LOW_SUNLIGHT));
        assertEquals(Set.of(HEAVY_PERIODS, VEGAN_DIET), iron.factors());
    }

    // --- vitamin-d: signature bone-pain, muscle-pain; supporting weakness, fatigue, heaviness

    @Test
    void oneSignatureSymptomAloneDoesNotMarkVitaminD() {
        assertNotMarked(MarkCode.VITAMIN_D, symptoms(BONE_PAIN));
    }

    @Test
    void twoSupportingSymptomsWithoutSignatureDoNotMarkVitaminD() {
        assertNotMarked(MarkCode.VITAMIN_D, symptoms(WEAKNESS, FATIGUE, HEAVINESS));
    }

    @Test
    void signaturePlusSupportingSymptomMarksVitaminD() {
        Mark vitaminD = marked(MarkCode.VITAMIN_D, symptoms(MUSCLE_PAIN, HEAVINESS));
        assertEquals(Set.of(MUSCLE_PAIN), vitaminD.signature());
        assertEquals(Set.of(HEAVINESS), vitaminD.supporting());
    }

    @Test
    void twoSignatureSymptomsMarkVitaminD() {
        Mark vitaminD = marked(MarkCode.VITAMIN_D, symptoms(BONE_PAIN, MUSCLE_PAIN));
        assertEquals(Set.of(BONE_PAIN, MUSCLE_PAIN), vitaminD.signature());
    }

    @Test
    void weightingFactorDoesNotCountAsTheSecondSymptomOfVitaminD() {
        assertNotMarked(MarkCode.VITAMIN_D, symptoms(BONE_PAIN), factors(LOW_SUNLIGHT));
    }

    @Test
    void vitaminDNamesLowSunlightAsWeight() {
        Mark vitaminD = marked(MarkCode.VITAMIN_D, symptoms(BONE_PAIN, WEAKNESS), factors(LOW_SUNLIGHT, VEGAN_DIET));
        assertEquals(Set.of(LOW_SUNLIGHT), vitaminD.factors());
    }

    // --- vitamin-b12: signature numbness, tingling, balance; supporting fatigue, weakness, heaviness

    @Test
    void oneSignatureSymptomAloneDoesNotMarkVitaminB12() {
        assertNotMarked(MarkCode.VITAMIN_B12, symptoms(BALANCE));
    }

    @Test
    void twoSupportingSymptomsWithoutSignatureDoNotMarkVitaminB12() {
        assertNotMarked(MarkCode.VITAMIN_B12, symptoms(FATIGUE, WEAKNESS));
    }

    @Test
    void signaturePlusSupportingSymptomMarksVitaminB12() {
        Mark b12 = marked(MarkCode.VITAMIN_B12, symptoms(TINGLING, WEAKNESS));
        assertEquals(Set.of(TINGLING), b12.signature());
        assertEquals(Set.of(WEAKNESS), b12.supporting());
    }

    @Test
    void twoSignatureSymptomsMarkVitaminB12() {
        Mark b12 = marked(MarkCode.VITAMIN_B12, symptoms(NUMBNESS, BALANCE));
        assertEquals(Set.of(NUMBNESS, BALANCE), b12.signature());
    }

    @Test
    void weightingFactorDoesNotCountAsTheSecondSymptomOfVitaminB12() {
        assertNotMarked(MarkCode.VITAMIN_B12, symptoms(NUMBNESS), factors(VEGAN_DIET));
    }

    @Test
    void vitaminB12NamesVeganDietAsWeight() {
        Mark b12 = marked(MarkCode.VITAMIN_B12, symptoms(NUMBNESS, TINGLING, FATIGUE), factors(VEGAN_DIET, HEAVY_PERIODS));
        assertEquals(Set.of(VEGAN_DIET), b12.factors());
    }

    // --- magnesium: signature cramps, twitching, restless-legs; supporting fatigue, heaviness

    @Test
    void oneSignatureSymptomAloneDoesNotMarkMagnesium() {
        assertNotMarked(MarkCode.MAGNESIUM, symptoms(TWITCHING));
    }

    @Test
    void twoSupportingSymptomsWithoutSignatureDoNotMarkMagnesium() {
        assertNotMarked(MarkCode.MAGNESIUM, symptoms(FATIGUE, HEAVINESS));
    }

    @Test
    void signaturePlusSupportingSymptomMarksMagnesium() {
        Mark magnesium = marked(MarkCode.MAGNESIUM, symptoms(CRAMPS, FATIGUE));
        assertEquals(Set.of(CRAMPS), magnesium.signature());
        assertEquals(Set.of(FATIGUE), magnesium.supporting());
    }

    @Test
    void twoSignatureSymptomsMarkMagnesium() {
        Mark magnesium = marked(MarkCode.MAGNESIUM, symptoms(TWITCHING, RESTLESS_LEGS));
        assertEquals(Set.of(TWITCHING, RESTLESS_LEGS), magnesium.signature());
    }

    @Test
    void weightingFactorsDoNotCountAsTheSecondSymptomOfMagnesium() {
        assertNotMarked(MarkCode.MAGNESIUM, symptoms(TWITCHING), factors(LOW_FLUIDS, HEAVY_EXERCISE));
    }

    @Test
    void magnesiumNamesBothOfItsWeightingFactors() {
        Mark magnesium = marked(MarkCode.MAGNESIUM, symptoms(CRAMPS, TWITCHING), factors(HEAVY_EXERCISE, LOW_FLUIDS, DIABETES));
        assertEquals(Set.of(LOW_FLUIDS, HEAVY_EXERCISE), magnesium.factors());
    }

    // --- factors, urgent, see-doctor, dehydration

    @Test
    void factorsAloneNeverMark() {
        assertEquals(List.of(), evaluateAlone(symptoms(), factors(Factor.values())));
    }

    @Test
    void chestPainMarksUrgent() {
        Mark urgent = marked(MarkCode.URGENT, symptoms(CHEST_PAIN));
        assertEquals(Set.of(CHEST_PAIN), urgent.signature());
    }

    @Test
    void noChestPainNoUrgent() {
        assertNotMarked(MarkCode.URGENT, symptoms(EnumSet.complementOf(EnumSet.of(CHEST_PAIN)).toArray(Symptom[]::new)));
    }

    @Test
    void swellingMarksSeeDoctor() {
        Mark seeDoctor = marked(MarkCode.SEE_DOCTOR, symptoms(SWELLING));
        assertEquals(Set.of(SWELLING), seeDoctor.signature());
        assertEquals(Set.of(), seeDoctor.factors());
    }

    @Test
    void diabetesWithNumbnessMarksSeeDoctor() {
        Mark seeDoctor = marked(MarkCode.SEE_DOCTOR, symptoms(NUMBNESS), factors(DIABETES));
        assertEquals(Set.of(), seeDoctor.signature());
        assertEquals(Set.of(NUMBNESS), seeDoctor.supporting());
        assertEquals(Set.of(DIABETES), seeDoctor.factors());
    }

    @Test
    void diabetesWithTinglingMarksSeeDoctor() {
        Mark seeDoctor = marked(MarkCode.SEE_DOCTOR, symptoms(TINGLING, FATIGUE), factors(DIABETES));
        assertEquals(Set.of(TINGLING), seeDoctor.supporting());
        assertEquals(Set.of(DIABETES), seeDoctor.factors());
    }

    @Test
    void diabetesWithoutNumbnessOrTinglingDoesNotMarkSeeDoctor() {
        assertNotMarked(MarkCode.SEE_DOCTOR, symptoms(FATIGUE, BALANCE, HEAVINESS), factors(DIABETES));
    }

    @Test
    void numbnessAndTinglingWithoutDiabetesDoNotMarkSeeDoctor() {
        assertNotMarked(MarkCode.SEE_DOCTOR, symptoms(NUMBNESS, TINGLING), factors(VEGAN_DIET));
    }

    @Test
    void swellingAndDiabetesBranchesTogetherMakeOneSeeDoctorMark() {
        List<Mark> marks = evaluateAlone(symptoms(SWELLING, NUMBNESS), factors(DIABETES));
        assertEquals(1, marks.stream().filter(m -> m.code() == MarkCode.SEE_DOCTOR).count());
        Mark seeDoctor = find(marks, MarkCode.SEE_DOCTOR).orElseThrow();
        assertEquals(Set.of(SWELLING), seeDoctor.signature());
        assertEquals(Set.of(NUMBNESS), seeDoctor.supporting());
        assertEquals(Set.of(DIABETES), seeDoctor.factors());
    }

    @Test
    void lowFluidsWithCrampsMarksDehydration() {
        Mark dehydration = marked(MarkCode.DEHYDRATION, symptoms(CRAMPS), factors(LOW_FLUIDS));
        assertEquals(Set.of(LOW_FLUIDS), dehydration.factors());
        assertEquals(Set.of(CRAMPS), dehydration.supporting());
    }

    @Test
    void heavyExerciseWithFatigueMarksDehydration() {
        Mark dehydration = marked(MarkCode.DEHYDRATION, symptoms(FATIGUE), factors(HEAVY_EXERCISE));
        assertEquals(Set.of(HEAVY_EXERCISE), dehydration.factors());
        assertEquals(Set.of(FATIGUE), dehydration.supporting());
    }

    @Test
    void dehydrationNamesEveryMatchingFactorAndSymptom() {
        Mark dehydration = marked(MarkCode.DEHYDRATION, symptoms(HEAVINESS, CRAMPS, FATIGUE, NUMBNESS),
                factors(HEAVY_EXERCISE, LOW_FLUIDS, VEGAN_DIET));
        assertEquals(Set.of(LOW_FLUIDS, HEAVY_EXERCISE), dehydration.factors());
        assertEquals(Set.of(HEAVINESS, CRAMPS, FATIGUE), dehydration.supporting());
    }

    @Test
    void dehydratingFactorsWithoutCrampsFatigueOrHeavinessDoNotMarkDehydration() {
        assertNotMarked(MarkCode.DEHYDRATION, symptoms(TWITCHING, WEAKNESS, MUSCLE_PAIN), factors(LOW_FLUIDS, HEAVY_EXERCISE));
    }

    @Test
    void crampsFatigueAndHeavinessWithoutDehydratingFactorDoNotMarkDehydration() {
        assertNotMarked(MarkCode.DEHYDRATION, symptoms(CRAMPS, FATIGUE, HEAVINESS), factors(LOW_SUNLIGHT, DIABETES));
    }

    // --- persistent: 7 or more distinct days with symptoms in the 14 days ending on the entry's date

    @Test
    void windowStartsThirteenDaysBeforeTheEntry() {
        assertEquals(LocalDate.of(2025, 3, 1), MarkingRules.windowStart(LocalDate.of(2025, 3, 14)));
        assertEquals(LocalDate.of(2024, 12, 31), MarkingRules.windowStart(LocalDate.of(2025, 1, 13)));
    }

    @Test
    void sixDistinctDaysDoNotMarkPersistent() {
        assertNoPersistent(withSymptomsDaysBack(1, 2, 3, 4, 5));
    }

    @Test
    void sevenDistinctDaysMarkPersistent() {
        assertEquals(7, persistentDays(withSymptomsDaysBack(1, 2, 3, 4, 5, 6)));
    }

    @Test
    void fourteenthDayBackCountsForPersistent() {
        assertEquals(7, persistentDays(withSymptomsDaysBack(2, 4, 6, 8, 10, 13)));
    }

    @Test
    void fifteenthDayBackDoesNotCountForPersistent() {
        assertNoPersistent(withSymptomsDaysBack(2, 4, 6, 8, 10, 14));
    }

    @Test
    void everyDayOfTheWindowIsCounted() {
        assertEquals(14, persistentDays(withSymptomsDaysBack(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)));
    }

    @Test
    void severalEntriesOnOneDayCountOnce() {
        assertNoPersistent(withSymptomsDaysBack(0, 0, 1, 1, 1, 2, 3, 4, 5, 5));
    }

    @Test
    void entriesAfterTheEntrysDateAreIgnored() {
        assertNoPersistent(withSymptomsDaysBack(1, 2, 3, 4, 5, -1, -2));
    }

    @Test
    void entriesWithoutSymptomsDoNotCountForPersistent() {
        List<EntryFacts> history = withSymptomsDaysBack(1, 2, 3, 4, 5);
        history.add(entry(DAY.minusDays(6), symptoms(), factors(LOW_FLUIDS)));
        assertNoPersistent(history);
    }

    @Test
    void entryWithoutSymptomNeverGetsPersistent() {
        EntryFacts noSymptoms = entry(DAY, symptoms(), factors(VEGAN_DIET));
        List<Mark> marks = MarkingRules.evaluate(noSymptoms, withSymptomsDaysBack(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13));
        assertEquals(List.of(), marks);
    }

    @Test
    void entryItselfInTheHistoryIsNotCountedTwice() {
        EntryFacts today = entry(DAY, symptoms(FATIGUE), factors());
        List<EntryFacts> history = withSymptomsDaysBack(1, 2, 4, 5, 6);
        history.add(today);
        // The stored copy of an entry whose date is being edited still carries its old date.
        history.add(new EntryFacts(today.id(), DAY.minusDays(3), symptoms(FATIGUE), factors()));
        assertFalse(codes(MarkingRules.evaluate(today, history)).contains(MarkCode.PERSISTENT));
    }

    // --- order and codes

    @Test
    void marksComeInDisplayOrder() {
        EntryFacts everything = entry(DAY, symptoms(Symptom.values()), factors(Factor.values()));
        List<MarkCode> codes = codes(MarkingRules.evaluate(everything, withSymptomsDaysBack(1, 2, 3, 4, 5, 6)));
        assertEquals(List.of(MarkCode.URGENT, MarkCode.SEE_DOCTOR, MarkCode.PERSISTENT, MarkCode.IRON,
                MarkCode.VITAMIN_D, MarkCode.VITAMIN_B12, MarkCode.MAGNESIUM, MarkCode.DEHYDRATION), codes);
    }

    @Test
    void markCodesMatchTheContract() {
        assertEquals(List.of("urgent", "see-doctor", "persistent", "iron", "vitamin-d", "vitamin-b12", "magnesium",
                "dehydration"), Arrays.stream(MarkCode.values()).map(c -> c.code).toList());
        assertEquals("/articles/iron-deficiency", MarkCode.IRON.articlePath());
        assertEquals("/articles/vitamin-d-deficiency", MarkCode.VITAMIN_D.articlePath());
        assertEquals("/articles/vitamin-b12-deficiency", MarkCode.VITAMIN_B12.articlePath());
        assertEquals("/articles/magnesium-deficiency", MarkCode.MAGNESIUM.articlePath());
        assertEquals("/articles/dehydration-and-electrolytes", MarkCode.DEHYDRATION.articlePath());
        for (MarkCode care : List.of(MarkCode.URGENT, MarkCode.SEE_DOCTOR, MarkCode.PERSISTENT)) {
            assertEquals("/articles/when-to-see-a-doctor", care.articlePath());
        }
    }

    @Test
    void markCodeIsFoundByItsContractCode() {
        assertEquals(Optional.of(MarkCode.VITAMIN_B12), MarkCode.fromCode("vitamin-b12"));
        assertEquals(Optional.of(MarkCode.SEE_DOCTOR), MarkCode.fromCode("see-doctor"));
        assertEquals(Optional.empty(), MarkCode.fromCode("VITAMIN_B12"));
        assertEquals(Optional.empty(), MarkCode.fromCode(null));
    }

    // --- helpers

    private static Set<Symptom> symptoms(Symptom... symptoms) {
        return symptoms.length == 0 ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(Arrays.asList(symptoms));
    }

    private static Set<Factor> factors(Factor... factors) {
        return factors.length == 0 ? EnumSet.noneOf(Factor.class) : EnumSet.copyOf(Arrays.asList(factors));
    }

    private static EntryFacts entry(LocalDate date, Set<Symptom> symptoms, Set<Factor> factors) {
        return new EntryFacts(IDS.incrementAndGet(), date, symptoms, factors);
    }

    /** Other entries of the user, each with a symptom, the given number of days before {@link #DAY}. */
    private static List<EntryFacts> withSymptomsDaysBack(int... daysBack) {
        List<EntryFacts> history = new ArrayList<>();
        for (int back : daysBack) {
            history.add(entry(DAY.minusDays(back), symptoms(HEAVINESS), factors()));
        }
        return history;
    }

    private static List<Mark> evaluateAlone(Set<Symptom> symptoms, Set<Factor> factors) {
        return MarkingRules.evaluate(entry(DAY, symptoms, factors), List.of());
    }

    private static Mark marked(MarkCode code, Set<Symptom> symptoms) {
        return marked(code, symptoms, factors());
    }

    private static Mark marked(MarkCode code, Set<Symptom> symptoms, Set<Factor> factors) {
        List<Mark> marks = evaluateAlone(symptoms, factors);
        return find(marks, code).orElseThrow(() -> new AssertionError("expected " + code + " in " + marks));
    }

    private static void assertNotMarked(MarkCode code, Set<Symptom> symptoms) {
        assertNotMarked(code, symptoms, factors());
    }

    private static void assertNotMarked(MarkCode code, Set<Symptom> symptoms, Set<Factor> factors) {
        List<Mark> marks = evaluateAlone(symptoms, factors);
        assertTrue(find(marks, code).isEmpty(), () -> "did not expect " + code + " in " + marks);
    }

    private static int persistentDays(List<EntryFacts> history) {
        List<Mark> marks = MarkingRules.evaluate(entry(DAY, symptoms(FATIGUE), factors()), history);
        return find(marks, MarkCode.PERSISTENT).map(Mark::persistentDays)
                .orElseThrow(() -> new AssertionError("expected persistent in " + marks));
    }

    private static void assertNoPersistent(List<EntryFacts> history) {
        List<Mark> marks = MarkingRules.evaluate(entry(DAY, symptoms(FATIGUE), factors()), history);
        assertTrue(find(marks, MarkCode.PERSISTENT).isEmpty(), () -> "did not expect persistent in " + marks);
    }

    private static Optional<Mark> find(List<Mark> marks, MarkCode code) {
        return marks.stream().filter(m -> m.code() == code).findFirst();
    }

    private static List<MarkCode> codes(List<Mark> marks) {
        return marks.stream().map(Mark::code).toList();
    }
}
