package io.heavylegs.marks;

import static io.heavylegs.codes.Factor.DIABETES;
import static io.heavylegs.codes.Factor.HEAVY_EXERCISE;
import static io.heavylegs.codes.Factor.HEAVY_PERIODS;
import static io.heavylegs.codes.Factor.LOW_FLUIDS;
import static io.heavylegs.codes.Factor.LOW_SUNLIGHT;
import static io.heavylegs.codes.Factor.VEGAN_DIET;
import static io.heavylegs.codes.Side.BOTH;
import static io.heavylegs.codes.Side.LEFT;
import static io.heavylegs.codes.Side.RIGHT;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;

class MarkingRulesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 20);
    private static final AtomicLong IDS = new AtomicLong(100);

    // --- the table, as the contract writes it (rules version 2)

    @Test
    void theRulesAreVersionTwo() {
        assertEquals(2, MarkingRules.VERSION);
    }

    @Test
    void deficiencyPatternsAreTheContractsTable() {
        Map<MarkCode, List<Set<?>>> contract = Map.of(
                MarkCode.IRON, List.of(symptoms(PALE_SKIN, RESTLESS_LEGS),
                        symptoms(HEAVINESS, WEAKNESS, FATIGUE, CRAMPS, CHEST_PAIN, BREATHLESSNESS),
                        factors(HEAVY_PERIODS, VEGAN_DIET)),
                MarkCode.VITAMIN_D, List.of(symptoms(BONE_PAIN, MUSCLE_PAIN), symptoms(WEAKNESS, FATIGUE, HEAVINESS),
                        factors(LOW_SUNLIGHT)),
                MarkCode.VITAMIN_B12, List.of(symptoms(NUMBNESS, TINGLING, BALANCE), symptoms(FATIGUE, WEAKNESS, HEAVINESS),
                        factors(VEGAN_DIET)),
                MarkCode.MAGNESIUM, List.of(symptoms(CRAMPS, TWITCHING), symptoms(RESTLESS_LEGS, FATIGUE, HEAVINESS),
                        factors(LOW_FLUIDS, HEAVY_EXERCISE)));
        assertEquals(contract, MarkingRules.DEFICIENCY_PATTERNS.stream().collect(Collectors.toMap(
                MarkingRules.Pattern::code, p -> List.of(p.signature(), p.supporting(), p.weighting()))));
    }

    /** Every combination of a pattern's own symptoms: marked exactly when two or more, one of them signature. */
    @Test
    void everyPatternNeedsTwoOfItsSymptomsWithAtLeastOneSignature() {
        for (MarkingRules.Pattern pattern : MarkingRules.DEFICIENCY_PATTERNS) {
            List<Symptom> own = new ArrayList<>(pattern.signature());
            own.addAll(pattern.supporting());
            for (int subset = 0; subset < 1 << own.size(); subset++) {
                Set<Symptom> present = EnumSet.noneOf(Symptom.class);
                for (int i = 0; i < own.size(); i++) {
                    if ((subset & 1 << i) != 0) {
                        present.add(own.get(i));
                    }
                }
                boolean expected = present.size() >= 2 && present.stream().anyMatch(pattern.signature()::contains);
                Optional<Mark> mark = MarkingRules.apply(pattern, entry(DAY, null, present, factors(Factor.values())));
                assertEquals(expected, mark.isPresent(), () -> pattern.code() + " with " + present);
            }
        }
    }

    // --- iron: signature pale-skin, restless-legs; supporting heaviness, weakness, fatigue, cramps, chest-pain,
    //     breathlessness

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
        assertNotMarked(MarkCode.IRON, symptoms(HEAVINESS, WEAKNESS, FATIGUE, CRAMPS, CHEST_PAIN, BREATHLESSNESS));
    }

    @Test
    void signaturePlusSupportingSymptomMarksIron() {
        Mark iron = marked(MarkCode.IRON, symptoms(PALE_SKIN, CHEST_PAIN));
        assertEquals(Set.of(PALE_SKIN), iron.signature());
        assertEquals(Set.of(CHEST_PAIN), iron.supporting());
        assertEquals(Set.of(), iron.factors());
        assertNull(iron.side());
    }

    @Test
    void breathlessnessNowSupportsIron() {
        Mark iron = marked(MarkCode.IRON, symptoms(PALE_SKIN, BREATHLESSNESS));
        assertEquals(Set.of(PALE_SKIN), iron.signature());
        assertEquals(Set.of(BREATHLESSNESS), iron.supporting());
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

    // --- magnesium: signature cramps, twitching; supporting restless-legs, fatigue, heaviness

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
        Mark magnesium = marked(MarkCode.MAGNESIUM, symptoms(CRAMPS, TWITCHING));
        assertEquals(Set.of(CRAMPS, TWITCHING), magnesium.signature());
        assertEquals(Set.of(), magnesium.supporting());
    }

    @Test
    void restlessLegsIsNoLongerAMagnesiumSignature() {
        // v1 marked magnesium here; restless legs now only supports it, so a signature symptom is missing.
        assertNotMarked(MarkCode.MAGNESIUM, symptoms(RESTLESS_LEGS, FATIGUE, HEAVINESS));
        assertEquals(List.of(MarkCode.IRON), codes(evaluateAlone(symptoms(RESTLESS_LEGS, FATIGUE, HEAVINESS), factors())));
    }

    @Test
    void restlessLegsSupportsMagnesiumWithTwitching() {
        Mark magnesium = marked(MarkCode.MAGNESIUM, symptoms(TWITCHING, RESTLESS_LEGS));
        assertEquals(Set.of(TWITCHING), magnesium.signature());
        assertEquals(Set.of(RESTLESS_LEGS), magnesium.supporting());
        assertNotMarked(MarkCode.IRON, symptoms(TWITCHING, RESTLESS_LEGS));
    }

    /** The table gives both: restless legs is iron's signature and supports magnesium; cramps the other way round. */
    @Test
    void restlessLegsWithCrampsMarksBothIronAndMagnesium() {
        List<Mark> marks = evaluateAlone(symptoms(RESTLESS_LEGS, CRAMPS), factors());
        assertEquals(List.of(MarkCode.IRON, MarkCode.MAGNESIUM), codes(marks));
        Mark iron = find(marks, MarkCode.IRON).orElseThrow();
        assertEquals(Set.of(RESTLESS_LEGS), iron.signature());
        assertEquals(Set.of(CRAMPS), iron.supporting());
        Mark magnesium = find(marks, MarkCode.MAGNESIUM).orElseThrow();
        assertEquals(Set.of(CRAMPS), magnesium.signature());
        assertEquals(Set.of(RESTLESS_LEGS), magnesium.supporting());
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

    // --- factors

    @Test
    void factorsAloneNeverMark() {
        assertEquals(List.of(), evaluateAlone(symptoms(), factors(Factor.values())));
        for (Side side : sidesAndNone()) {
            assertEquals(List.of(), MarkingRules.evaluate(entry(DAY, side, symptoms(), factors(Factor.values())), List.of()));
        }
    }

    @Test
    void aSignatureSymptomWithEveryFactorMarksNoPattern() {
        for (Symptom signature : List.of(PALE_SKIN, RESTLESS_LEGS, BONE_PAIN, MUSCLE_PAIN, NUMBNESS, TINGLING, BALANCE,
                CRAMPS, TWITCHING)) {
            List<Mark> marks = evaluateAlone(symptoms(signature), factors(Factor.values()));
            assertTrue(marks.stream().noneMatch(m -> m.code().isDeficiencyPattern()), () -> signature + ": " + marks);
        }
    }

    // --- urgent: chest pain; one swollen or warm, red leg; breathlessness with either

    @Test
    void chestPainMarksUrgent() {
        Mark urgent = marked(MarkCode.URGENT, symptoms(CHEST_PAIN));
        assertEquals(Set.of(CHEST_PAIN), urgent.signature());
        assertNull(urgent.side(), "the side did not matter");
    }

    @Test
    void chestPainIsUrgentWhateverTheSide() {
        for (Side side : sidesAndNone()) {
            Mark urgent = marked(MarkCode.URGENT, side, symptoms(CHEST_PAIN), factors());
            assertEquals(Set.of(CHEST_PAIN), urgent.signature());
            assertNull(urgent.side());
        }
    }

    @Test
    void urgentRanksAboveEveryOtherMark() {
        EntryFacts entry = entry(DAY, BOTH, symptoms(CHEST_PAIN, PALE_SKIN, FATIGUE, CRAMPS), factors(LOW_FLUIDS));
        List<Mark> marks = MarkingRules.evaluate(entry, withSymptomsDaysBack(1, 2, 3, 4, 5, 6));
        assertEquals(List.of(MarkCode.URGENT, MarkCode.PERSISTENT, MarkCode.IRON, MarkCode.MAGNESIUM,
                MarkCode.DEHYDRATION), codes(marks));
    }

    @Test
    void urgentMeansNoSeeDoctor() {
        // Each of these would give see-doctor on its own; chest pain makes the entry urgent instead.
        List<Mark> marks = MarkingRules.evaluate(entry(DAY, BOTH,
                symptoms(CHEST_PAIN, SWELLING, CALF_PAIN_WALKING, NUMBNESS), factors(DIABETES)), List.of());
        assertEquals(List.of(MarkCode.URGENT), codes(marks));
        assertEquals(Set.of(CHEST_PAIN), marks.get(0).signature());
    }

    @Test
    void swellingOfOneLegIsUrgent() {
        for (Side side : List.of(LEFT, RIGHT)) {
            List<Mark> marks = MarkingRules.evaluate(entry(DAY, side, symptoms(SWELLING), factors()), List.of());
            assertEquals(List.of(MarkCode.URGENT), codes(marks), side::toString);
            assertEquals(Set.of(SWELLING), marks.get(0).signature());
            assertEquals(side, marks.get(0).side());
        }
    }

    @Test
    void swellingOfBothLegsIsSeeDoctorNotUrgent() {
        List<Mark> marks = MarkingRules.evaluate(entry(DAY, BOTH, symptoms(SWELLING), factors()), List.of());
        assertEquals(List.of(MarkCode.SEE_DOCTOR), codes(marks));
        assertEquals(Set.of(SWELLING), marks.get(0).signature());
        assertEquals(BOTH, marks.get(0).side());
    }

    @Test
    void swellingWithTheSideNotGivenIsSeeDoctor() {
        Mark seeDoctor = marked(MarkCode.SEE_DOCTOR, symptoms(SWELLING));
        assertEquals(Set.of(SWELLING), seeDoctor.signature());
        assertEquals(Set.of(), seeDoctor.factors());
        assertNull(seeDoctor.side());
        assertNotMarked(MarkCode.URGENT, symptoms(SWELLING));
    }

    @Test
    void warmRedSkinOfOneLegIsUrgent() {
        for (Side side : List.of(LEFT, RIGHT)) {
            Mark urgent = marked(MarkCode.URGENT, side, symptoms(WARM_RED_SKIN), factors());
            assertEquals(Set.of(WARM_RED_SKIN), urgent.signature());
            assertEquals(side, urgent.side());
        }
    }

    @Test
    void warmRedSkinOfBothLegsOrOfASideNotGivenMarksNoCareMark() {
        // The contract's see-doctor list names swelling, not warm, red skin, for both legs or no side.
        for (Side side : Arrays.asList(BOTH, null)) {
            List<Mark> marks = MarkingRules.evaluate(entry(DAY, side, symptoms(WARM_RED_SKIN), factors()), List.of());
            assertEquals(List.of(), marks, String.valueOf(side));
        }
    }

    @Test
    void swellingWithWarmRedSkinOfOneLegCarriesBoth() {
        Mark urgent = marked(MarkCode.URGENT, RIGHT, symptoms(SWELLING, WARM_RED_SKIN), factors());
        assertEquals(Set.of(SWELLING, WARM_RED_SKIN), urgent.signature());
        assertEquals(RIGHT, urgent.side());
    }

    @Test
    void breathlessnessAloneIsSeeDoctor() {
        for (Side side : sidesAndNone()) {
            List<Mark> marks = MarkingRules.evaluate(entry(DAY, side, symptoms(BREATHLESSNESS), factors()), List.of());
            assertEquals(List.of(MarkCode.SEE_DOCTOR), codes(marks), String.valueOf(side));
            assertEquals(Set.of(BREATHLESSNESS), marks.get(0).signature());
            assertNull(marks.get(0).side(), "no leg sign, so the side did not matter");
        }
    }

    @Test
    void breathlessnessWithSwellingIsUrgentWhateverTheSide() {
        for (Side side : sidesAndNone()) {
            List<Mark> marks = MarkingRules.evaluate(entry(DAY, side, symptoms(SWELLING, BREATHLESSNESS), factors()),
                    List.of());
            assertEquals(List.of(MarkCode.URGENT), codes(marks), String.valueOf(side));
            assertEquals(Set.of(SWELLING, BREATHLESSNESS), marks.get(0).signature());
            assertEquals(side, marks.get(0).side());
        }
    }

    @Test
    void breathlessnessWithWarmRedSkinIsUrgentWhateverTheSide() {
        for (Side side : sidesAndNone()) {
            Mark urgent = marked(MarkCode.URGENT, side, symptoms(WARM_RED_SKIN, BREATHLESSNESS), factors());
            assertEquals(Set.of(WARM_RED_SKIN, BREATHLESSNESS), urgent.signature());
        }
    }

    @Test
    void urgentCarriesEveryBranchThatHolds() {
        Mark urgent = marked(MarkCode.URGENT, LEFT, symptoms(CHEST_PAIN, SWELLING, BREATHLESSNESS, FATIGUE), factors());
        assertEquals(Set.of(CHEST_PAIN, SWELLING, BREATHLESSNESS), urgent.signature());
        assertEquals(LEFT, urgent.side());
        assertEquals(Set.of(), urgent.supporting());
    }

    @Test
    void withoutChestPainOrAClotSignNothingIsUrgent() {
        Set<Symptom> noBreathlessness = EnumSet.complementOf(EnumSet.of(CHEST_PAIN, BREATHLESSNESS));
        for (Side side : Arrays.asList(BOTH, null)) {
            assertTrue(find(MarkingRules.evaluate(entry(DAY, side, noBreathlessness, factors(Factor.values())), List.of()),
                    MarkCode.URGENT).isEmpty(), String.valueOf(side));
        }
        Set<Symptom> noLegSigns = EnumSet.complementOf(EnumSet.of(CHEST_PAIN, SWELLING, WARM_RED_SKIN));
        for (Side side : sidesAndNone()) {
            assertTrue(find(MarkingRules.evaluate(entry(DAY, side, noLegSigns, factors(Factor.values())), List.of()),
                    MarkCode.URGENT).isEmpty(), String.valueOf(side));
        }
    }

    @Test
    void aSideAloneNeverMarks() {
        for (Side side : Side.values()) {
            assertEquals(List.of(), MarkingRules.evaluate(entry(DAY, side, symptoms(FATIGUE), factors()), List.of()));
        }
    }

    // --- see-doctor: not urgent, and swelling (both legs or side not given), breathlessness, calf pain on
    //     walking, or diabetes with numbness or tingling

    @Test
    void calfPainWhenWalkingIsSeeDoctor() {
        Mark seeDoctor = marked(MarkCode.SEE_DOCTOR, symptoms(CALF_PAIN_WALKING));
        assertEquals(Set.of(CALF_PAIN_WALKING), seeDoctor.signature());
        assertNull(seeDoctor.side());
        for (Side side : Side.values()) {
            assertEquals(List.of(MarkCode.SEE_DOCTOR),
                    codes(MarkingRules.evaluate(entry(DAY, side, symptoms(CALF_PAIN_WALKING), factors()), List.of())));
        }
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
    void seeDoctorCarriesEveryBranchThatHolds() {
        Mark swollen = marked(MarkCode.SEE_DOCTOR, BOTH, symptoms(SWELLING, CALF_PAIN_WALKING, TINGLING, FATIGUE),
                factors(DIABETES));
        assertEquals(Set.of(SWELLING, CALF_PAIN_WALKING), swollen.signature());
        assertEquals(Set.of(TINGLING), swollen.supporting());
        assertEquals(Set.of(DIABETES), swollen.factors());
        assertEquals(BOTH, swollen.side(), "the side is why this swelling is not urgent");

        Mark breathless = marked(MarkCode.SEE_DOCTOR, RIGHT, symptoms(BREATHLESSNESS, CALF_PAIN_WALKING, NUMBNESS),
                factors(DIABETES));
        assertEquals(Set.of(BREATHLESSNESS, CALF_PAIN_WALKING), breathless.signature());
        assertEquals(Set.of(NUMBNESS), breathless.supporting());
        assertNull(breathless.side(), "no leg sign, so the side did not matter");
    }

    // --- dehydration

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
    void lowFluidsWithHeavinessMarksDehydration() {
        Mark dehydration = marked(MarkCode.DEHYDRATION, symptoms(HEAVINESS), factors(LOW_FLUIDS));
        assertEquals(Set.of(HEAVINESS), dehydration.supporting());
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

    // --- the history a date needs, and the dates a change can reach

    @Test
    void historyReachesFourteenDaysBackAndAChangeFourteenDaysOn() {
        assertEquals(LocalDate.of(2025, 2, 28), MarkingRules.windowStart(LocalDate.of(2025, 3, 14)));
        assertEquals(LocalDate.of(2024, 12, 30), MarkingRules.windowStart(LocalDate.of(2025, 1, 13)));
        assertEquals(LocalDate.of(2025, 3, 28), MarkingRules.windowEnd(LocalDate.of(2025, 3, 14)));
        assertEquals(LocalDate.of(2025, 1, 1), MarkingRules.windowEnd(LocalDate.of(2024, 12, 18)));
    }

    /** The far end of both reaches: the day-before window of the entry starts fourteen days before it. */
    @Test
    void anEntryFourteenDaysBeforeDecidesWhetherARunStarts() {
        LocalDate changed = DAY.minusDays(14);
        List<EntryFacts> history = withSymptomsDaysBack(1, 2, 3, 4, 5, 6);
        assertEquals(7, persistentDays(history), "6 days before and this one: the run starts today");
        history.add(entry(changed, null, symptoms(HEAVINESS), factors()));
        assertNoPersistent(history);
        assertEquals(changed, MarkingRules.windowStart(DAY));
        assertEquals(DAY, MarkingRules.windowEnd(changed));
    }

    @Test
    void historyFromWindowStartGivesTheSameMarksAsTheWholeHistory() {
        Random random = new Random(20250320);
        for (int round = 0; round < 300; round++) {
            List<EntryFacts> history = randomHistory(random, 60);
            for (EntryFacts entry : history) {
                List<EntryFacts> needed = history.stream()
                        .filter(e -> !e.date().isBefore(MarkingRules.windowStart(entry.date())) && !e.date().isAfter(entry.date()))
                        .toList();
                assertEquals(MarkingRules.evaluate(entry, history), MarkingRules.evaluate(entry, needed));
            }
        }
    }

    @Test
    void aChangeOnADateAffectsOnlyEntriesFromThatDateToWindowEnd() {
        Random random = new Random(14);
        int reachedTheEnd = 0;
        for (int round = 0; round < 300; round++) {
            List<EntryFacts> before = randomHistory(random, 40);
            EntryFacts changed = before.get(random.nextInt(before.size()));
            List<EntryFacts> after = new ArrayList<>(before);
            after.remove(changed); // a delete; an edit is a delete and a create, a create the reverse
            for (EntryFacts other : after) {
                boolean differs = !MarkingRules.evaluate(other, before).equals(MarkingRules.evaluate(other, after));
                boolean inReach = !other.date().isBefore(changed.date())
                        && !other.date().isAfter(MarkingRules.windowEnd(changed.date()));
                assertTrue(!differs || inReach, () -> other + " changed by deleting " + changed);
                if (differs && other.date().equals(MarkingRules.windowEnd(changed.date()))) {
                    reachedTheEnd++;
                }
            }
        }
        assertTrue(reachedTheEnd > 0, "some change reached exactly windowEnd: the reach is not one day too long");
    }

    // --- persistent: the first day of a run with 7 or more symptom days in 14

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
    void theFirstDayOfARunIsMarkedButNotTheNextDay() {
        List<EntryFacts> run = withSymptomsDaysBack(0, 1, 2, 3, 4, 5, 6);
        EntryFacts firstDay = run.get(0);
        assertEquals(7, find(MarkingRules.evaluate(firstDay, run), MarkCode.PERSISTENT).orElseThrow().persistentDays());
        EntryFacts nextDay = entry(DAY.plusDays(1), null, symptoms(FATIGUE), factors());
        run.add(nextDay);
        assertTrue(find(MarkingRules.evaluate(nextDay, run), MarkCode.PERSISTENT).isEmpty(), "8 days, 7 the day before");
        for (EntryFacts earlier : run.subList(1, 7)) {
            assertTrue(find(MarkingRules.evaluate(earlier, run), MarkCode.PERSISTENT).isEmpty(), earlier::toString);
        }
    }

    @Test
    void noLaterDayOfALongRunIsMarked() {
        List<EntryFacts> daily = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            daily.add(entry(DAY.plusDays(day), null, symptoms(HEAVINESS), factors()));
        }
        List<LocalDate> marked = daily.stream()
                .filter(e -> find(MarkingRules.evaluate(e, daily), MarkCode.PERSISTENT).isPresent())
                .map(EntryFacts::date).toList();
        assertEquals(List.of(DAY.plusDays(6)), marked);
    }

    @Test
    void aDayThatReplacesOneLeavingTheWindowContinuesTheRun() {
        // 14 to 8 days back: 7 days in the window ending yesterday; today's window loses day 14 and gains today.
        assertNoPersistent(withSymptomsDaysBack(14, 13, 12, 11, 10, 9, 8));
    }

    @Test
    void aRunThatEndsAndStartsAgainIsMarkedAgain() {
        List<EntryFacts> history = new ArrayList<>();
        for (int back = 30; back >= 24; back--) {
            history.add(entry(DAY.minusDays(back), null, symptoms(HEAVINESS), factors()));
        }
        for (int back = 6; back >= 0; back--) {
            history.add(entry(DAY.minusDays(back), null, symptoms(HEAVINESS), factors()));
        }
        List<LocalDate> marked = history.stream()
                .filter(e -> find(MarkingRules.evaluate(e, history), MarkCode.PERSISTENT).isPresent())
                .map(EntryFacts::date).toList();
        assertEquals(List.of(DAY.minusDays(24), DAY), marked);
    }

    @Test
    void aRunThatDipsToSixAndComesBackStartsAgain() {
        // 21 and 19..14 days back: a run from 14 back. 7 back, day 21 has left the window: 6. 6 back, an entry
        // brings it back to 7 while day 20, leaving, had none: a new start.
        List<EntryFacts> history = withSymptomsDaysBack(21, 19, 18, 17, 16, 15, 14, 6);
        List<LocalDate> marked = history.stream()
                .filter(e -> find(MarkingRules.evaluate(e, history), MarkCode.PERSISTENT).isPresent())
                .map(EntryFacts::date).toList();
        assertEquals(List.of(DAY.minusDays(14), DAY.minusDays(6)), marked);
    }

    @Test
    void severalEntriesOnOneDayCountOnce() {
        assertNoPersistent(withSymptomsDaysBack(0, 0, 1, 1, 1, 2, 3, 4, 5, 5));
    }

    @Test
    void everyEntryWithSymptomsOnTheFirstDayOfARunIsMarked() {
        List<EntryFacts> history = withSymptomsDaysBack(0, 0, 1, 2, 3, 4, 5, 6);
        EntryFacts noSymptoms = entry(DAY, null, symptoms(), factors(LOW_FLUIDS));
        history.add(noSymptoms);
        for (EntryFacts today : history.subList(0, 2)) {
            assertEquals(7, find(MarkingRules.evaluate(today, history), MarkCode.PERSISTENT).orElseThrow().persistentDays());
        }
        assertEquals(List.of(), MarkingRules.evaluate(noSymptoms, history));
    }

    @Test
    void entriesAfterTheEntrysDateAreIgnored() {
        assertNoPersistent(withSymptomsDaysBack(1, 2, 3, 4, 5, -1, -2));
    }

    @Test
    void entriesWithoutSymptomsDoNotCountForPersistent() {
        List<EntryFacts> history = withSymptomsDaysBack(1, 2, 3, 4, 5);
        history.add(entry(DAY.minusDays(6), null, symptoms(), factors(LOW_FLUIDS)));
        assertNoPersistent(history);
    }

    @Test
    void entryWithoutSymptomNeverGetsPersistent() {
        EntryFacts noSymptoms = entry(DAY, null, symptoms(), factors(VEGAN_DIET));
        for (int[] back : List.of(new int[] { 1, 2, 3, 4, 5, 6 }, new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 })) {
            assertEquals(List.of(), MarkingRules.evaluate(noSymptoms, withSymptomsDaysBack(back)));
        }
    }

    @Test
    void entryItselfInTheHistoryIsNotCountedTwice() {
        EntryFacts today = entry(DAY, null, symptoms(FATIGUE), factors());
        List<EntryFacts> history = withSymptomsDaysBack(1, 2, 4, 5, 6);
        history.add(today);
        // The stored copy of an entry whose date is being edited still carries its old date.
        history.add(new EntryFacts(today.id(), DAY.minusDays(3), null, symptoms(FATIGUE), factors()));
        assertFalse(codes(MarkingRules.evaluate(today, history)).contains(MarkCode.PERSISTENT));
    }

    /** What the journal's keeper does on an edit, over plain histories: recompute the dates the change reaches. */
    @Test
    void anEditThatMovesTheStartOfARun() {
        List<EntryFacts> before = new ArrayList<>();
        for (int back = 6; back >= 0; back--) {
            before.add(entry(DAY.minusDays(back), null, symptoms(HEAVINESS), factors()));
        }
        EntryFacts earliest = before.get(0);
        EntryFacts start = before.get(6);
        assertEquals(List.of(start.id()), persistentIds(before), "the run starts on its seventh day");

        // The earliest day is edited to the day after the run: the run now has its seventh day there.
        EntryFacts moved = new EntryFacts(earliest.id(), DAY.plusDays(1), null, earliest.symptoms(), earliest.factors());
        List<EntryFacts> after = new ArrayList<>(before.subList(1, 7));
        after.add(moved);
        assertEquals(List.of(moved.id()), persistentIds(after), "the start moved to the edited entry's new date");

        // Every entry whose marks changed lies within reach of the old or the new date.
        for (EntryFacts entry : after) {
            EntryFacts old = before.stream().filter(e -> e.id() == entry.id()).findFirst().orElseThrow();
            if (!MarkingRules.evaluate(old, before).equals(MarkingRules.evaluate(entry, after))) {
                assertTrue(inReach(entry.date(), earliest.date()) || inReach(entry.date(), moved.date()), entry::toString);
            }
        }

    }

    // --- order and codes

    @Test
    void marksComeInDisplayOrder() {
        EntryFacts everything = entry(DAY, null, symptoms(Symptom.values()), factors(Factor.values()));
        List<MarkCode> codes = codes(MarkingRules.evaluate(everything, withSymptomsDaysBack(1, 2, 3, 4, 5, 6)));
        assertEquals(List.of(MarkCode.URGENT, MarkCode.PERSISTENT, MarkCode.IRON,
                MarkCode.VITAMIN_D, MarkCode.VITAMIN_B12, MarkCode.MAGNESIUM, MarkCode.DEHYDRATION), codes);

        Set<Symptom> notUrgent = EnumSet.complementOf(EnumSet.of(CHEST_PAIN, BREATHLESSNESS));
        EntryFacts seeDoctor = entry(DAY, BOTH, notUrgent, factors(Factor.values()));
        assertEquals(List.of(MarkCode.SEE_DOCTOR, MarkCode.PERSISTENT, MarkCode.IRON, MarkCode.VITAMIN_D,
                MarkCode.VITAMIN_B12, MarkCode.MAGNESIUM, MarkCode.DEHYDRATION),
                codes(MarkingRules.evaluate(seeDoctor, withSymptomsDaysBack(1, 2, 3, 4, 5, 6))));
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

    private static List<Side> sidesAndNone() {
        return Arrays.asList(LEFT, RIGHT, BOTH, null);
    }

    private static EntryFacts entry(LocalDate date, Side side, Set<Symptom> symptoms, Set<Factor> factors) {
        return new EntryFacts(IDS.incrementAndGet(), date, side, symptoms, factors);
    }

    /** Other entries of the user, each with a symptom, the given number of days before {@link #DAY}. */
    private static List<EntryFacts> withSymptomsDaysBack(int... daysBack) {
        List<EntryFacts> history = new ArrayList<>();
        for (int back : daysBack) {
            history.add(entry(DAY.minusDays(back), null, symptoms(HEAVINESS), factors()));
        }
        return history;
    }

    /** Up to {@code days} days of entries: most days one, some none, some two, some without a symptom. */
    private static List<EntryFacts> randomHistory(Random random, int days) {
        List<EntryFacts> history = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            int entries = random.nextInt(10) < 3 ? 0 : random.nextInt(10) < 8 ? 1 : 2;
            for (int i = 0; i < entries; i++) {
                history.add(entry(DAY.plusDays(day), null,
                        random.nextInt(10) < 8 ? symptoms(HEAVINESS) : symptoms(), factors()));
            }
        }
        if (history.isEmpty()) {
            history.add(entry(DAY, null, symptoms(HEAVINESS), factors()));
        }
        return history;
    }

    private static boolean inReach(LocalDate entryDate, LocalDate changed) {
        return !entryDate.isBefore(changed) && !entryDate.isAfter(MarkingRules.windowEnd(changed));
    }

    private static List<Long> persistentIds(List<EntryFacts> history) {
        Map<Long, Boolean> marked = new HashMap<>();
        history.forEach(e -> marked.put(e.id(), find(MarkingRules.evaluate(e, history), MarkCode.PERSISTENT).isPresent()));
        return history.stream().map(EntryFacts::id).filter(marked::get).toList();
    }

    private static List<Mark> evaluateAlone(Set<Symptom> symptoms, Set<Factor> factors) {
        return MarkingRules.evaluate(entry(DAY, null, symptoms, factors), List.of());
    }

    private static Mark marked(MarkCode code, Set<Symptom> symptoms) {
        return marked(code, symptoms, factors());
    }

    private static Mark marked(MarkCode code, Set<Symptom> symptoms, Set<Factor> factors) {
        return marked(code, null, symptoms, factors);
    }

    private static Mark marked(MarkCode code, Side side, Set<Symptom> symptoms, Set<Factor> factors) {
        List<Mark> marks = MarkingRules.evaluate(entry(DAY, side, symptoms, factors), List.of());
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
        List<Mark> marks = MarkingRules.evaluate(entry(DAY, null, symptoms(FATIGUE), factors()), history);
        return find(marks, MarkCode.PERSISTENT).map(Mark::persistentDays)
                .orElseThrow(() -> new AssertionError("expected persistent in " + marks));
    }

    private static void assertNoPersistent(List<EntryFacts> history) {
        List<Mark> marks = MarkingRules.evaluate(entry(DAY, null, symptoms(FATIGUE), factors()), history);
        assertTrue(find(marks, MarkCode.PERSISTENT).isEmpty(), () -> "did not expect persistent in " + marks);
    }

    private static Optional<Mark> find(List<Mark> marks, MarkCode code) {
        return marks.stream().filter(m -> m.code() == code).findFirst();
    }

    private static List<MarkCode> codes(List<Mark> marks) {
        return marks.stream().map(Mark::code).toList();
    }
}
