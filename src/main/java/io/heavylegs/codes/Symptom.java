package io.heavylegs.codes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The symptom codes of the public contract, defined once for forms, pages, CSV and the marking rules. */
public enum Symptom implements Coded {

    HEAVINESS("heaviness", "Heavy legs", Group.MUSCLES),
    WEAKNESS("weakness", "Leg or muscle weakness", Group.MUSCLES),
    FATIGUE("fatigue", "Tiredness", Group.WHOLE_BODY),
    CRAMPS("cramps", "Muscle cramps", Group.MUSCLES),
    RESTLESS_LEGS("restless-legs", "Urge to move the legs", Group.NERVES),
    NUMBNESS("numbness", "Numbness", Group.NERVES),
    TINGLING("tingling", "Pins and needles", Group.NERVES),
    BALANCE("balance", "Balance problems or difficulty walking", Group.NERVES),
    MUSCLE_PAIN("muscle-pain", "Muscle aches or pain", Group.MUSCLES),
    BONE_PAIN("bone-pain", "Bone aches or pain", Group.MUSCLES),
    TWITCHING("twitching", "Spasms or twitching", Group.MUSCLES),
    PALE_SKIN("pale-skin", "Pale skin", Group.CIRCULATION),
    CHEST_PAIN("chest-pain", "Chest pain", Group.WHOLE_BODY),
    SWELLING("swelling", "Swollen leg or legs", Group.CIRCULATION),
    WARM_RED_SKIN("warm-red-skin", "Warm, red or darkened skin on the leg", Group.CIRCULATION),
    BREATHLESSNESS("breathlessness", "Short of breath", Group.WHOLE_BODY),
    CALF_PAIN_WALKING("calf-pain-walking", "Calf pain when walking that eases with rest", Group.CIRCULATION);

    /** How the entry form groups the checkboxes, in the order it shows them. */
    public enum Group {
        MUSCLES("Muscles and bones"), NERVES("Nerves"), CIRCULATION("Circulation and skin"), WHOLE_BODY("Whole body");

        public final String label;

        Group(String label) {
            this.label = label;
        }

        public List<Symptom> symptoms() {
            return Arrays.stream(Symptom.values()).filter(s -> s.group == this).toList();
        }
    }

    public final String code;
    public final String label;
    public final Group group;

    Symptom(String code, String label, Group group) {
        this.code = code;
        this.label = label;
        this.group = group;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<Symptom> fromCode(String code) {
        return CodeSets.lookup(Symptom.class, code);
    }

    /** The symptoms among stored codes, in contract order; a code this version does not know is left out. */
    public static Set<Symptom> setOf(String... codes) {
        return CodeSets.fromCodes(Symptom.class, codes);
    }
}
