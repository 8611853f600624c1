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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;

class MarkExplanationsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 20);
    private static final String EMERGENCY = "Call emergency services now (999, 112 or 911).";
    private static final String ROUTINE = "Book a routine appointment with your doctor.";

    /** How a reason could name each symptom: if it does, the entry must have that symptom. */
    private static final Map<Symptom, List<String>> MENTIONS = Map.ofEntries(
            Map.entry(HEAVINESS, List.of("heavy legs", "heaviness")),
            Map.entry(WEAKNESS, List.of("weakness")),
            Map.entry(FATIGUE, List.of("tiredness", "fatigue")),
            Map.entry(CRAMPS, List.of("cramp")),
            Map.entry(RESTLESS_LEGS, List.of("urge to move", "restless")),
            Map.entry(NUMBNESS, List.of("numbness")),
            Map.entry(TINGLING, List.of("tingling", "pins and needles")),
            Map.entry(BALANCE, List.of("balance")),
            Map.entry(MUSCLE_PAIN, List.of("muscle pain", "muscle aches")),
            Map.entry(BONE_PAIN, List.of("bone pain", "bone aches")),
            Map.entry(TWITCHING, List.of("twitching")),
            Map.entry(PALE_SKIN, List.of("pale")),
            Map.entry(CHEST_PAIN, List.of("chest pain")),
            Map.entry(SWELLING, List.of("swelling", "swollen")),
            Map.entry(WARM_RED_SKIN, List.of("warm", "red or darkened")),
            Map.entry(BREATHLESSNESS, List.of("breath")),
            Map.entry(CALF_PAIN_WALKING, List.of("calf")));

    // --- patterns: "can be a sign of", what fits the same pattern, what makes it more likely

    @Test
    void vitaminB12ReasonNamesWhatCanBeASignWhatFitsAndWhatAddsWeight() {
        assertEquals("Numbness and tingling together can be a sign of low vitamin B12; tiredness fits the same "
                + "pattern; a plant-based diet makes it more likely.",
                reasonFor(MarkCode.VITAMIN_B12, EnumSet.of(NUMBNESS, TINGLING, FATIGUE), EnumSet.of(VEGAN_DIET)));
    }

    @Test
    void ironReasonJoinsSeveralItemsNaturally() {
        assertEquals("Pale skin can be a sign of low iron; heavy legs, weakness and tiredness fit the same pattern; "
                + "a plant-based diet and heavy menstrual bleeding make it more likely.",
                reasonFor(MarkCode.IRON, EnumSet.of(PALE_SKIN, HEAVINESS, WEAKNESS, FATIGUE),
                        EnumSet.of(HEAVY_PERIODS, VEGAN_DIET)));
    }

    @Test
    void patternReasonWithoutSupportOrWeightNamesOnlyWhatCanBeASign() {
        assertEquals("Muscle pain and bone pain together can be a sign of low vitamin D.",
                reasonFor(MarkCode.VITAMIN_D, EnumSet.of(BONE_PAIN, MUSCLE_PAIN), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void weightingFactorAppearsInTheReason() {
        assertEquals("Muscle pain can be a sign of low vitamin D; tiredness fits the same pattern; "
                + "little sunlight lately makes it more likely.",
                reasonFor(MarkCode.VITAMIN_D, EnumSet.of(MUSCLE_PAIN, FATIGUE), EnumSet.of(LOW_SUNLIGHT)));
    }

    @Test
    void magnesiumReasonNamesDehydratingFactorsAsWeight() {
        assertEquals("Muscle cramps can be a sign of low magnesium; heavy legs fit the same pattern; "
                + "drinking little and hard exercise or heavy sweating make it more likely.",
                reasonFor(MarkCode.MAGNESIUM, EnumSet.of(CRAMPS, HEAVINESS), EnumSet.of(LOW_FLUIDS, HEAVY_EXERCISE)));
    }

    @Test
    void restlessLegsWithCrampsGivesEachPatternItsOwnReason() {
        assertEquals("An urge to move the legs can be a sign of low iron; muscle cramps fit the same pattern.",
                reasonFor(MarkCode.IRON, EnumSet.of(RESTLESS_LEGS, CRAMPS), EnumSet.noneOf(Factor.class)));
        assertEquals("Muscle cramps can be a sign of low magnesium; an urge to move the legs fits the same pattern.",
                reasonFor(MarkCode.MAGNESIUM, EnumSet.of(RESTLESS_LEGS, CRAMPS), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void verbsAgreeWithWhatTheyFollow() {
        assertTrue(reasonFor(MarkCode.IRON, EnumSet.of(PALE_SKIN, FATIGUE), EnumSet.of(VEGAN_DIET))
                .contains("tiredness fits the same pattern; a plant-based diet makes it more likely"));
        assertTrue(reasonFor(MarkCode.IRON, EnumSet.of(PALE_SKIN, HEAVINESS), EnumSet.noneOf(Factor.class))
                .contains("heavy legs fit the same pattern"));
        assertTrue(reasonFor(MarkCode.VITAMIN_B12, EnumSet.of(BALANCE, FATIGUE, WEAKNESS), EnumSet.noneOf(Factor.class))
                .contains("weakness and tiredness fit the same pattern"));
        assertTrue(reasonFor(MarkCode.IRON, EnumSet.of(PALE_SKIN, FATIGUE), EnumSet.of(VEGAN_DIET, HEAVY_PERIODS))
                .contains("a plant-based diet and heavy menstrual bleeding make it more likely"));
    }

    // --- urgent: what to do now, and how soon

    @Test
    void chestPainSaysCallEmergencyServices() {
        assertEquals("Chest pain can be a sign of a heart problem. " + EMERGENCY,
                reasonFor(MarkCode.URGENT, EnumSet.of(CHEST_PAIN), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void oneSwollenLegNamesTheSideAndSaysToday() {
        assertEquals("Swelling of your left leg can be a sign of a blood clot in the leg. Get medical help today: "
                + "contact your doctor or an urgent care service.",
                reasonFor(MarkCode.URGENT, LEFT, EnumSet.of(SWELLING), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void oneWarmRedLegNamesTheSide() {
        assertEquals("Warm, red or darkened skin on your right leg can be a sign of a blood clot in the leg. Get "
                + "medical help today: contact your doctor or an urgent care service.",
                reasonFor(MarkCode.URGENT, RIGHT, EnumSet.of(WARM_RED_SKIN), EnumSet.noneOf(Factor.class)));
        assertEquals("Swelling and warm, red or darkened skin on your right leg can be a sign of a blood clot in the "
                + "leg. Get medical help today: contact your doctor or an urgent care service.",
                reasonFor(MarkCode.URGENT, RIGHT, EnumSet.of(SWELLING, WARM_RED_SKIN), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void breathlessnessWithALegSignSaysCallEmergencyServices() {
        assertEquals("Shortness of breath together with swelling of your leg or legs can be a sign of a blood clot "
                + "that has reached the lungs. " + EMERGENCY,
                reasonFor(MarkCode.URGENT, EnumSet.of(BREATHLESSNESS, SWELLING), EnumSet.noneOf(Factor.class)));
        assertEquals("Shortness of breath together with warm, red or darkened skin on both legs can be a sign of a "
                + "blood clot that has reached the lungs. " + EMERGENCY,
                reasonFor(MarkCode.URGENT, BOTH, EnumSet.of(BREATHLESSNESS, WARM_RED_SKIN), EnumSet.noneOf(Factor.class)));
        assertEquals("Shortness of breath together with swelling of your left leg can be a sign of a blood clot "
                + "that has reached the lungs. " + EMERGENCY,
                reasonFor(MarkCode.URGENT, LEFT, EnumSet.of(BREATHLESSNESS, SWELLING), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void urgentWithSeveralBranchesNamesEachAndAsksForEmergencyServicesOnce() {
        String reason = reasonFor(MarkCode.URGENT, LEFT, EnumSet.of(CHEST_PAIN, SWELLING), EnumSet.noneOf(Factor.class));
        assertEquals("Chest pain can be a sign of a heart problem. Swelling of your left leg can be a sign of a blood "
                + "clot in the leg. " + EMERGENCY, reason);
        String all = reasonFor(MarkCode.URGENT, RIGHT, EnumSet.of(CHEST_PAIN, SWELLING, BREATHLESSNESS),
                EnumSet.noneOf(Factor.class));
        assertEquals("Chest pain can be a sign of a heart problem. Shortness of breath together with swelling of your "
                + "right leg can be a sign of a blood clot that has reached the lungs. " + EMERGENCY, all);
    }

    // --- see-doctor: a routine appointment, sooner if it turns

    @Test
    void seeDoctorReasonForSwellingOfBothLegs() {
        assertEquals("Swelling of both legs can be a sign of a problem with the veins, heart or kidneys, or of a "
                + "medicine's side effect. " + ROUTINE,
                reasonFor(MarkCode.SEE_DOCTOR, BOTH, EnumSet.of(SWELLING), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void seeDoctorReasonForSwellingWithoutASideSaysWhatToDoIfItIsOneLeg() {
        assertEquals("Swelling of your leg or legs can be a sign of a problem with the veins, heart or kidneys, or of "
                + "a medicine's side effect. " + ROUTINE + " If only one leg is swollen, get medical help today instead.",
                reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(SWELLING), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void seeDoctorReasonForBreathlessnessAlone() {
        assertEquals("Shortness of breath can be a sign of anaemia or of a heart or lung problem. " + ROUTINE
                + " If shortness of breath comes on suddenly or at rest, call emergency services (999, 112 or 911).",
                reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(BREATHLESSNESS), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void seeDoctorReasonForCalfPainWhenWalking() {
        assertEquals("Calf pain when walking that eases with rest can be a sign of narrowed arteries in the legs. "
                + ROUTINE, reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(CALF_PAIN_WALKING), EnumSet.noneOf(Factor.class)));
    }

    @Test
    void seeDoctorReasonForNerveSymptomsWithDiabetes() {
        assertEquals("Tingling with diabetes can be a sign of nerve damage (diabetic neuropathy). " + ROUTINE,
                reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(TINGLING), EnumSet.of(DIABETES)));
        assertEquals("Numbness and tingling with diabetes can be a sign of nerve damage (diabetic neuropathy). "
                + ROUTINE, reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(NUMBNESS, TINGLING), EnumSet.of(DIABETES)));
    }

    @Test
    void seeDoctorReasonForBothBranchesGivesBoth() {
        assertEquals("Swelling of your leg or legs can be a sign of a problem with the veins, heart or kidneys, or of "
                + "a medicine's side effect. Numbness with diabetes can be a sign of nerve damage (diabetic "
                + "neuropathy). " + ROUTINE + " If only one leg is swollen, get medical help today instead.",
                reasonFor(MarkCode.SEE_DOCTOR, EnumSet.of(SWELLING, NUMBNESS), EnumSet.of(DIABETES)));
    }

    // --- persistent and dehydration

    @Test
    void persistentReasonCountsTheDaysAndCallsItTheStartOfAStretch() {
        List<EntryFacts> history = new ArrayList<>();
        for (int back = 1; back <= 6; back++) {
            history.add(new EntryFacts(back, DAY.minusDays(back), null, EnumSet.of(HEAVINESS), EnumSet.noneOf(Factor.class)));
        }
        EntryFacts entry = new EntryFacts(99, DAY, null, EnumSet.of(FATIGUE), EnumSet.noneOf(Factor.class));
        Mark persistent = only(MarkCode.PERSISTENT, MarkingRules.evaluate(entry, history));
        assertEquals("Symptoms were logged on 7 of the last " + MarkingRules.WINDOW_DAYS + " days — the start of a "
                + "stretch worth mentioning to a doctor.", MarkExplanations.reason(persistent));
    }

    @Test
    void dehydrationReasonWithLowFluids() {
        assertEquals("Muscle cramps after drinking little can be a sign of dehydration and low electrolytes; drink "
                + "regularly, and mention it to a doctor if it keeps happening.",
                reasonFor(MarkCode.DEHYDRATION, EnumSet.of(CRAMPS), EnumSet.of(LOW_FLUIDS)));
    }

    @Test
    void dehydrationReasonWithHeavyExercise() {
        assertEquals("Heavy legs and tiredness after hard exercise or heavy sweating can be a sign of dehydration and "
                + "low electrolytes; drink regularly, and mention it to a doctor if it keeps happening.",
                reasonFor(MarkCode.DEHYDRATION, EnumSet.of(FATIGUE, HEAVINESS), EnumSet.of(HEAVY_EXERCISE)));
    }

    // --- what every reason and summary must and must not say

    @Test
    void disclaimerSaysItIsNotADiagnosis() {
        assertEquals("This is not a diagnosis — take it to your doctor.", MarkExplanations.disclaimer());
    }

    /**
     * Every one- and two-symptom entry, on every side, with no factor and with all: each reason is a sentence that
     * never claims, never says "signature", and names no symptom or leg the entry does not have.
     */
    @Test
    void noReasonClaimsMoreThanTheEntrySays() {
        Set<MarkCode> seen = EnumSet.noneOf(MarkCode.class);
        List<Set<Symptom>> symptomSets = new ArrayList<>();
        for (Symptom first : Symptom.values()) {
            for (Symptom second : Symptom.values()) {
                symptomSets.add(EnumSet.of(first, second));
            }
        }
        List<EntryFacts> history = new ArrayList<>();
        for (int back = 1; back <= 6; back++) {
            history.add(new EntryFacts(1000 + back, DAY.minusDays(back), null, EnumSet.of(HEAVINESS),
                    EnumSet.noneOf(Factor.class)));
        }
        for (Set<Symptom> symptoms : symptomSets) {
            for (Side side : Arrays.asList(LEFT, RIGHT, BOTH, null)) {
                for (Set<Factor> factors : List.of(EnumSet.noneOf(Factor.class), EnumSet.allOf(Factor.class))) {
                    EntryFacts entry = new EntryFacts(1, DAY, side, symptoms, factors);
                    for (Mark mark : MarkingRules.evaluate(entry, history)) {
                        seen.add(mark.code());
                        assertReadsCarefully(MarkExplanations.reason(mark), entry);
                    }
                }
            }
        }
        assertEquals(EnumSet.allOf(MarkCode.class), seen, "every code was told");
    }

    @Test
    void everyCodeHasItsOwnSummary() {
        Set<String> summaries = new HashSet<>();
        for (MarkCode code : MarkCode.values()) {
            String summary = MarkExplanations.summary(code);
            assertTrue(summaries.add(summary), () -> code + " shares its line: " + summary);
            String lower = summary.toLowerCase(Locale.ROOT);
            assertTrue(lower.contains("can be a sign of"), summary);
            assertTrue(summary.endsWith("."), summary);
            for (String claim : List.of("signature", "prove", "diagnos", "you have")) {
                assertFalse(lower.contains(claim), summary);
            }
        }
        assertEquals(8, summaries.size());
    }

    @Test
    void careSummariesSayHowSoon() {
        String urgent = MarkExplanations.summary(MarkCode.URGENT);
        assertTrue(urgent.contains("call emergency services") && urgent.contains("the same day"), urgent);
        assertTrue(MarkExplanations.summary(MarkCode.SEE_DOCTOR).contains("routine appointment"));
        assertTrue(MarkExplanations.summary(MarkCode.PERSISTENT).contains(MarkingRules.WINDOW_DAYS + " days"));
    }

    private static void assertReadsCarefully(String reason, EntryFacts entry) {
        String lower = reason.toLowerCase(Locale.ROOT);
        assertTrue(!reason.isBlank() && Character.isUpperCase(reason.charAt(0)) && reason.endsWith("."), reason);
        assertTrue(lower.contains("can be a sign of") || lower.startsWith("symptoms were logged"), reason);
        for (String claim : List.of("signature", "prove", "diagnos", "you have", "supports it")) {
            assertFalse(lower.contains(claim), () -> "'" + claim + "' in: " + reason);
        }
        MENTIONS.forEach((symptom, words) -> {
            if (!entry.symptoms().contains(symptom)) {
                for (String word : words) {
                    assertFalse(lower.contains(word), () -> symptom + " is not in " + entry + ": " + reason);
                }
            }
        });
        Map.of("left leg", LEFT, "right leg", RIGHT, "both legs", BOTH).forEach((words, side) -> {
            if (lower.contains(words)) {
                assertEquals(side, entry.side(), reason);
            }
        });
        for (String singularNoun : List.of("heavy legs fits", "cramps fits", "problems fits", "and tiredness fits",
                "and weakness fits", "and an urge to move the legs fits", "and diabetes makes",
                "and heavy menstrual bleeding makes")) {
            assertFalse(lower.contains(singularNoun), () -> "verb disagrees: " + reason);
        }
    }

    private static String reasonFor(MarkCode code, Set<Symptom> symptoms, Set<Factor> factors) {
        return reasonFor(code, null, symptoms, factors);
    }

    private static String reasonFor(MarkCode code, Side side, Set<Symptom> symptoms, Set<Factor> factors) {
        return MarkExplanations.reason(only(code,
                MarkingRules.evaluate(new EntryFacts(1, DAY, side, symptoms, factors), List.of())));
    }

    private static Mark only(MarkCode code, List<Mark> marks) {
        return marks.stream().filter(m -> m.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + code + " in " + marks));
    }
}
