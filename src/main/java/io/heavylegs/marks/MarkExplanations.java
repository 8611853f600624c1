package io.heavylegs.marks;

import static io.heavylegs.codes.Symptom.BREATHLESSNESS;
import static io.heavylegs.codes.Symptom.CALF_PAIN_WALKING;
import static io.heavylegs.codes.Symptom.CHEST_PAIN;
import static io.heavylegs.codes.Symptom.SWELLING;
import static io.heavylegs.codes.Symptom.WARM_RED_SKIN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;

/**
 * Tells a mark's reason in plain words, as a careful clinician would: what the user logged "can be a sign of"
 * something, never proves it, and each care mark says what to do and how soon. A reason names only what the
 * mark's evidence holds, so it never mentions a symptom the entry does not have.
 */
public final class MarkExplanations {

    private static final String CALL_EMERGENCY_SERVICES = "Call emergency services now (999, 112 or 911).";

    private MarkExplanations() {
    }

    public static String disclaimer() {
        return "This is not a diagnosis — take it to your doctor.";
    }

    /** One line per mark code, for the report's summary of marks: what the code looks for and how soon to act. */
    public static String summary(MarkCode code) {
        Objects.requireNonNull(code, "code");
        return switch (code) {
            case URGENT -> "Chest pain, or shortness of breath with a swollen or red leg, can be a sign of an emergency:"
                    + " call emergency services. One swollen or red leg can be a sign of a blood clot: get medical"
                    + " help the same day.";
            case SEE_DOCTOR -> "Swelling of both legs, shortness of breath, calf pain on walking, or numbness or"
                    + " tingling with diabetes can be a sign of a problem worth checking: book a routine appointment.";
            case PERSISTENT -> "Symptoms on " + MarkingRules.PERSISTENT_MIN_DAYS + " or more of " + MarkingRules.WINDOW_DAYS
                    + " days can be a sign of something lasting: worth raising at the next appointment.";
            case IRON -> "Pale skin or an urge to move the legs, with tiredness, weakness or shortness of breath, can be"
                    + " a sign of low iron; a blood test (ferritin) can check it.";
            case VITAMIN_D -> "Bone or muscle pain with weakness or tiredness can be a sign of low vitamin D, more so"
                    + " with little sunlight; a blood test can check it.";
            case VITAMIN_B12 -> "Numbness, tingling or balance problems with tiredness or weakness can be a sign of low"
                    + " vitamin B12, more so on a plant-based diet; a blood test can check it.";
            case MAGNESIUM -> "Muscle cramps or twitching with restless legs, tiredness or heavy legs can be a sign of"
                    + " low magnesium, more so after heavy sweating or drinking little; a blood test can check it.";
            case DEHYDRATION -> "Cramps, tiredness or heavy legs after drinking little or sweating a lot can be a sign"
                    + " of dehydration; drink regularly, and see a doctor if it keeps happening.";
        };
    }

    public static String reason(Mark mark) {
        Objects.requireNonNull(mark, "mark");
        return switch (mark.code()) {
            case URGENT -> urgent(mark);
            case SEE_DOCTOR -> seeDoctor(mark);
            case PERSISTENT -> "Symptoms were logged on " + mark.persistentDays() + " of the last "
                    + MarkingRules.WINDOW_DAYS + " days — the start of a stretch worth mentioning to a doctor.";
            case IRON -> pattern(mark, "iron");
            case VITAMIN_D -> pattern(mark, "vitamin D");
            case VITAMIN_B12 -> pattern(mark, "vitamin B12");
            case MAGNESIUM -> pattern(mark, "magnesium");
            case DEHYDRATION -> sentence(symptoms(mark.supporting()).text + " after " + factors(mark.factors()).text
                    + " can be a sign of dehydration and low electrolytes; drink regularly, and mention it to a doctor"
                    + " if it keeps happening");
        };
    }

    /** Emergency services for chest pain or breathlessness with a leg sign; the same day for one leg alone. */
    private static String urgent(Mark mark) {
        Set<Symptom> evidence = mark.signature();
        List<String> sentences = new ArrayList<>();
        if (evidence.contains(CHEST_PAIN)) {
            sentences.add("Chest pain can be a sign of a heart problem.");
        }
        if (evidence.contains(BREATHLESSNESS)) {
            sentences.add(sentence("Shortness of breath together with " + legSigns(evidence, mark.side())
                    + " can be a sign of a blood clot that has reached the lungs"));
        } else if (evidence.contains(SWELLING) || evidence.contains(WARM_RED_SKIN)) {
            sentences.add(sentence(legSigns(evidence, mark.side()) + " can be a sign of a blood clot in the leg"));
        }
        if (evidence.contains(CHEST_PAIN) || evidence.contains(BREATHLESSNESS)) {
            sentences.add(CALL_EMERGENCY_SERVICES);
        } else {
            sentences.add("Get medical help today: contact your doctor or an urgent care service.");
        }
        return String.join(" ", sentences);
    }

    /** A routine appointment, with a sooner step for the cases that can turn urgent. */
    private static String seeDoctor(Mark mark) {
        Set<Symptom> evidence = mark.signature();
        List<String> sentences = new ArrayList<>();
        if (evidence.contains(SWELLING)) {
            sentences.add(sentence(legSigns(Set.of(SWELLING), mark.side())
                    + " can be a sign of a problem with the veins, heart or kidneys, or of a medicine's side effect"));
        }
        if (evidence.contains(BREATHLESSNESS)) {
            sentences.add("Shortness of breath can be a sign of anaemia or of a heart or lung problem.");
        }
        if (evidence.contains(CALF_PAIN_WALKING)) {
            sentences.add("Calf pain when walking that eases with rest can be a sign of narrowed arteries in the legs.");
        }
        if (mark.factors().contains(Factor.DIABETES) && !mark.supporting().isEmpty()) {
            sentences.add(sentence(symptoms(mark.supporting()).text
                    + " with diabetes can be a sign of nerve damage (diabetic neuropathy)"));
        }
        sentences.add("Book a routine appointment with your doctor.");
        if (evidence.contains(SWELLING) && mark.side() == null) {
            sentences.add("If only one leg is swollen, get medical help today instead.");
        }
        if (evidence.contains(BREATHLESSNESS)) {
            sentences.add("If shortness of breath comes on suddenly or at rest, call emergency services (999, 112 or 911).");
        }
        return String.join(" ", sentences);
    }

    private static String pattern(Mark mark, String nutrient) {
        Phrase signature = symptoms(mark.signature());
        List<String> clauses = new ArrayList<>();
        clauses.add(signature.text + (mark.signature().size() > 1 ? " together" : "") + " can be a sign of low " + nutrient);
        if (!mark.supporting().isEmpty()) {
            clauses.add(symptoms(mark.supporting()).agreeing("fits", "fit") + " the same pattern");
        }
        if (!mark.factors().isEmpty()) {
            clauses.add(factors(mark.factors()).agreeing("makes", "make") + " it more likely");
        }
        return sentence(String.join("; ", clauses));
    }

    /** Which leg signs, and where: the side is named when the entry gave it. */
    private static String legSigns(Set<Symptom> evidence, Side side) {
        String place = side == null ? "your leg or legs" : switch (side) {
            case LEFT -> "your left leg";
            case RIGHT -> "your right leg";
            case BOTH -> "both legs";
        };
        boolean swelling = evidence.contains(SWELLING);
        boolean skin = evidence.contains(WARM_RED_SKIN);
        if (swelling && skin) {
            return "swelling and warm, red or darkened skin on " + place;
        }
        return skin ? "warm, red or darkened skin on " + place : "swelling of " + place;
    }

    /** Words in a sentence, and whether a verb after them takes its plural form. */
    private record Phrase(String text, boolean plural) {

        String agreeing(String singularVerb, String pluralVerb) {
            return text + " " + (plural ? pluralVerb : singularVerb);
        }
    }

    /** Labels are checkbox captions; inside a sentence a symptom needs to read as a noun phrase. */
    private static Phrase inSentence(Symptom symptom) {
        return switch (symptom) {
            case HEAVINESS -> new Phrase("heavy legs", true);
            case WEAKNESS -> new Phrase("weakness", false);
            case FATIGUE -> new Phrase("tiredness", false);
            case CRAMPS -> new Phrase("muscle cramps", true);
            case RESTLESS_LEGS -> new Phrase("an urge to move the legs", false);
            case NUMBNESS -> new Phrase("numbness", false);
            case TINGLING -> new Phrase("tingling", false);
            case BALANCE -> new Phrase("balance problems", true);
            case MUSCLE_PAIN -> new Phrase("muscle pain", false);
            case BONE_PAIN -> new Phrase("bone pain", false);
            case TWITCHING -> new Phrase("twitching", false);
            case PALE_SKIN -> new Phrase("pale skin", false);
            case CHEST_PAIN -> new Phrase("chest pain", false);
            case SWELLING -> new Phrase("swelling", false);
            case WARM_RED_SKIN -> new Phrase("warm, red or darkened skin", false);
            case BREATHLESSNESS -> new Phrase("shortness of breath", false);
            case CALF_PAIN_WALKING -> new Phrase("calf pain when walking that eases with rest", false);
        };
    }

    private static Phrase inSentence(Factor factor) {
        return switch (factor) {
            case VEGAN_DIET -> new Phrase("a plant-based diet", false);
            case LOW_SUNLIGHT -> new Phrase("little sunlight lately", false);
            case LOW_FLUIDS -> new Phrase("drinking little", false);
            case HEAVY_EXERCISE -> new Phrase("hard exercise or heavy sweating", false);
            case HEAVY_PERIODS -> new Phrase("heavy menstrual bleeding", false);
            case DIABETES -> new Phrase("diabetes", false);
        };
    }

    private static Phrase symptoms(Collection<Symptom> symptoms) {
        return naturalList(symptoms.stream().map(MarkExplanations::inSentence).toList());
    }

    private static Phrase factors(Collection<Factor> factors) {
        return naturalList(factors.stream().map(MarkExplanations::inSentence).toList());
    }

    /** "a", "a and b", "a, b and c"; two or more things take a plural verb. */
    private static Phrase naturalList(List<Phrase> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? new Phrase("", false) : items.get(0);
        }
        List<String> texts = items.stream().map(Phrase::text).toList();
        return new Phrase(String.join(", ", texts.subList(0, texts.size() - 1)) + " and " + texts.get(texts.size() - 1),
                true);
    }

    private static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
