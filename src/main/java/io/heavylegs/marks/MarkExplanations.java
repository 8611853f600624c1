package io.heavylegs.marks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Symptom;

/** Tells a mark's reason in plain words, naming what the user logged; it points to a doctor, never diagnoses. */
public final class MarkExplanations {

    private MarkExplanations() {
    }

    public static String disclaimer() {
        return "This is not a diagnosis — take it to your doctor.";
    }

    public static String reason(Mark mark) {
        Objects.requireNonNull(mark, "mark");
        return switch (mark.code()) {
            case URGENT -> "Chest pain needs prompt medical attention. If it is severe or sudden, call emergency services.";
            case SEE_DOCTOR -> seeDoctor(mark);
            case PERSISTENT -> "Symptoms were logged on " + mark.persistentDays()
                    + " of the last " + MarkingRules.WINDOW_DAYS + " days; symptoms that persist are worth discussing with a doctor.";
            case IRON -> pattern(mark, "iron");
            case VITAMIN_D -> pattern(mark, "vitamin D");
            case VITAMIN_B12 -> pattern(mark, "vitamin B12");
            case MAGNESIUM -> pattern(mark, "magnesium");
            case DEHYDRATION -> capitalized(factorList(mark.factors()) + " with " + symptomList(mark.supporting())
                    + " can point to dehydration and low electrolytes.");
        };
    }

    private static String seeDoctor(Mark mark) {
        List<String> sentences = new ArrayList<>();
        if (mark.signature().contains(Symptom.SWELLING)) {
            sentences.add("A swollen leg should be checked by a doctor.");
        }
        if (mark.factors().contains(Factor.DIABETES)) {
            sentences.add("Numbness or tingling with diabetes should be checked by a doctor, as diabetes can damage nerves.");
        }
        return String.join(" ", sentences);
    }

    private static String pattern(Mark mark, String nutrient) {
        List<String> clauses = new ArrayList<>();
        clauses.add(symptomList(mark.signature())
                + (mark.signature().size() == 1 ? " is a signature sign" : " are signature signs")
                + " of low " + nutrient);
        if (!mark.supporting().isEmpty()) {
            clauses.add(symptomList(mark.supporting()) + (mark.supporting().size() == 1 ? " supports it" : " support it"));
        }
        if (!mark.factors().isEmpty()) {
            clauses.add(factorList(mark.factors()) + (mark.factors().size() == 1 ? " adds weight" : " add weight"));
        }
        return capitalized(String.join("; ", clauses)) + ".";
    }

    private static String symptomList(Collection<Symptom> symptoms) {
        return naturalList(symptoms.stream().map(s -> lowerFirst(s.label)).toList());
    }

    private static String factorList(Collection<Factor> factors) {
        return naturalList(factors.stream().map(MarkExplanations::inSentence).toList());
    }

    /** Factor labels are checkbox captions; inside a sentence they need to read as a noun phrase. */
    private static String inSentence(Factor factor) {
        return switch (factor) {
            case VEGAN_DIET -> "a vegan or mostly plant-based diet";
            case LOW_SUNLIGHT -> "little sunlight";
            case LOW_FLUIDS -> "little to drink";
            case HEAVY_EXERCISE -> "hard exercise or heavy sweating";
            case HEAVY_PERIODS -> "heavy menstrual bleeding";
            case DIABETES -> "diabetes";
        };
    }

    private static String naturalList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
