package io.heavylegs.marks;

import static io.heavylegs.codes.Factor.DIABETES;
import static io.heavylegs.codes.Factor.HEAVY_EXERCISE;
import static io.heavylegs.codes.Factor.HEAVY_PERIODS;
import static io.heavylegs.codes.Factor.LOW_FLUIDS;
import static io.heavylegs.codes.Factor.LOW_SUNLIGHT;
import static io.heavylegs.codes.Factor.VEGAN_DIET;
import static io.heavylegs.codes.Symptom.BONE_PAIN;
import static io.heavylegs.codes.Symptom.CHEST_PAIN;
import static io.heavylegs.codes.Symptom.CRAMPS;
import static io.heavylegs.codes.Symptom.FATIGUE;
import static io.heavylegs.codes.Symptom.HEAVINESS;
import static io.heavylegs.codes.Symptom.MUSCLE_PAIN;
import static io.heavylegs.codes.Symptom.NUMBNESS;
import static io.heavylegs.codes.Symptom.PALE_SKIN;
import static io.heavylegs.codes.Symptom.SWELLING;
import static io.heavylegs.codes.Symptom.TINGLING;
import static io.heavylegs.codes.Symptom.WEAKNESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;

class MarkExplanationsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 20);

    @Test
    void vitaminB12ReasonNamesSignatureSupportAndWeight() {
        assertEquals("Numbness and pins and needles are signature signs of low vitamin B12; tiredness supports it; "
                + "a vegan or mostly plant-based diet adds weight.",
                reasonFor(MarkCode.VITAMIN_B12, EnumSet.of(NUMBNESS, TINGLING, FATIGUE), EnumSet.of(VEGAN_DIET)));
    }

    @Test
    void ironReasonJoinsSeveralItemsNaturally() {
        assertEquals("Pale skin is a signature sign of low iron; heavy legs, leg or muscle weakness and tiredness "
                + "support it; a vegan or mostly plant-based diet and heavy menstrual bleeding add weight.",
                reasonFor(MarkCode.IRON, EnumSet.of(PALE_SKIN, HEAVINESS, WEAKNESS, FATIGUE),
                        EnumSet.of(HEAVY_PERIODS, VEGAN_DIET)));
    }

    @Test
    void patternReasonWithoutSupportOrWeightNamesOnlyTheSignature() {
        assertEquals("Muscle aches or pain and bone aches or pain are signature signs of low vitamin D.",
                reasonFor(MarkCode.VITAMIN_D, EnumSet.of(BONE_PAIN, MUSCLE_PAIN), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void weightingFactorAppearsInTheReason() {
        assertEquals("Muscle aches or pain is a signature sign of low vitamin D; tiredness supports it; "
                + "little sunlight adds weight.",
                reasonFor(MarkCode.VITAMIN_D, EnumSet.of(MUSCLE_PAIN, FATIGUE), EnumSet.of(LOW_SUNLIGHT)));
    }

    @Test
    void magnesiumReasonNamesDehydratingFactorsAsWeight() {
        assertEquals("Muscle cramps is a signature sign of low magnesium; heavy legs supports it; "
                + "little to drink and hard exercise or heavy sweating add weight.",
                reasonFor(MarkCode.MAGNESIUM, EnumSet.of(CRAMPS, HEAVINESS), EnumSet.of(LOW_FLUIDS, HEAVY_EXERCISE)));
    }

    @Test
    void urgentReasonSendsToCare() {
        assertEquals("Chest pain needs prompt medical attention. If it is severe or sudden, call emergency services.",
                reasonFor(MarkCode.URGENT, EnumSet.of(CHEST_PAIN), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void seeDoctorReasonForSwelling() {
        assertEquals("A swollen leg should be checked by a doctor.",
                reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(SWELLING), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void seeDoctorReasonForNerveSymptomsWithDiabetes() {
        assertEquals("Numbness or tingling with diabetes should be checked by a doctor, as diabetes can damage nerves.",
                reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(TINGLING), EnumSet.of(DIABETES)));
    }

    @Test
    void seeDoctorReasonForBothBranchesGivesBoth() {
        assertEquals("A swollen leg should be checked by a doctor. Numbness or tingling with diabetes should be "
                + "checked by a doctor, as diabetes can damage nerves.",
                reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(SWELLING, NUMBNESS), EnumSet.of(DIABETES)));
    }

    @Test
    void persistentReasonCountsTheDays() {
        List<EntryFacts> history = new ArrayList<>();
        for (int back = 1; back <= 8; back++) {
            history.add(new EntryFacts(back, DAY.minusDays(back), EnumSet.of(HEAVINESS), EnumSet.noneOf(Factor.class)));
        }
        EntryFacts entry = new EntryFacts(99, DAY, EnumSet.of(FATIGUE), EnumSet.noneOf(Factor.class));
        Mark persistent = only(MarkCode.PERSISTENT, MarkingRules.evaluate(entry, history));
        assertEquals("Symptoms were logged on 9 of the last 14 days; symptoms that persist are worth discussing "
                + "with a doctor.", MarkExplanations.reason(persistent));
    }

    @Test
    void dehydrationReasonWithLowFluids() {
        assertEquals("Little to drink with muscle cramps can point to dehydration and low electrolytes.",
                reasonFor(MarkCode.DEHYDRATION, EnumSet.of(CRAMPS), EnumSet.of(LOW_FLUIDS)));
    }

    @Test
    void dehydrationReasonWithHeavyExercise() {
        assertEquals("Hard exercise or heavy sweating with heavy legs and tiredness can point to dehydration and "
                + "low electrolytes.",
                reasonFor(MarkCode.DEHYDRATION, EnumSet.of(FATIGUE, HEAVINESS), EnumSet.of(HEAVY_EXERCISE)));
    }

    @Test
    void disclaimerSaysItIsNotADiagnosis() {
        assertEquals("This is not a diagnosis — take it to your doctor.", MarkExplanations.disclaimer());
    }

    @Test
    void noReasonClaimsADiagnosis() {
        EntryFacts everything = new EntryFacts(1, DAY, EnumSet.allOf(Symptom.class), EnumSet.allOf(Factor.class));
        List<EntryFacts> history = new ArrayList<>();
        for (int back = 1; back <= 6; back++) {
            history.add(new EntryFacts(back + 1, DAY.minusDays(back), EnumSet.of(HEAVINESS), EnumSet.noneOf(Factor.class)));
        }
        List<Mark> marks = MarkingRules.evaluate(everything, history);
        assertEquals(MarkCode.values().length, marks.size());
        for (Mark mark : marks) {
            String reason = MarkExplanations.reason(mark).toLowerCase(Locale.ROOT);
            assertFalse(reason.isBlank(), mark::toString);
            assertFalse(reason.contains("diagnos") || reason.contains("you have"), reason);
        }
    }

    private static String reasonFor(MarkCode code, Set<Symptom> symptoms, Set<Factor> factors) {
        return MarkExplanations.reason(only(code, MarkingRules.evaluate(new EntryFacts(1, DAY, symptoms, factors), List.of())));
    }

    private static Mark only(MarkCode code, List<Mark> marks) {
        return marks.stream().filter(m -> m.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + code + " in " + marks));
    }
}
