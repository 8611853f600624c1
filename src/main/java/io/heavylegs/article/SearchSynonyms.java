package io.heavylegs.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What people type, mapped to the words the articles use: "swollen ankles" to oedema, "pins and needles" to
 * tingling, an American spelling to the British one the articles are written in. PostgreSQL's English stemmer
 * already joins "cramps" and "cramp"; it cannot know that atorvastatin is a statin, nor that "edema" is
 * "oedema". This is the one place for that knowledge: a new phrase is one line here and one case in the tests.
 */
final class SearchSynonyms {

    /** Words that do not change what a phrase means: "cramp at night" and "cramps in the night" are one phrase. */
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "at", "in", "on", "of", "and", "my",
            "during", "when", "while");

    /** One group: the alternatives, in websearch syntax and in the articles' words, and what people type. */
    private record Group(String alternatives, List<List<String>> phrases) {
    }

    private static final List<Group> DICTIONARY = List.of(
            group("swelling or swollen or oedema",
                    "swollen ankles", "swollen feet", "swollen foot", "swollen legs", "puffy ankles",
                    "ankle swelling", "fluid retention", "water retention"),
            group("tingling or paraesthesia", "pins and needles"),
            group("\"night cramps\" or \"leg cramps\"",
                    "cramp at night", "night cramps", "nocturnal cramps", "leg cramps"),
            group("statins",
                    "atorvastatin", "simvastatin", "rosuvastatin", "pravastatin", "cholesterol tablets",
                    "cholesterol medicine"),
            group("\"varicose veins\" or \"venous insufficiency\"",
                    "varicose veins", "spider veins", "bulging veins"),
            group("\"deep vein thrombosis\" or \"blood clot\"", "blood clot", "clot", "dvt", "thrombosis"),
            group("\"calcium-channel blockers\"",
                    "amlodipine", "nifedipine", "blood pressure tablets", "blood pressure medicine"),
            group("\"peripheral arterial disease\"", "claudication", "calf pain walking", "poor circulation"),
            group("\"restless legs syndrome\"", "restless legs", "rls", "willis ekbom"),
            group("thyroid", "underactive thyroid", "hypothyroidism"),
            group("\"vitamin B12\"", "cobalamin"),
            group("\"active B12\"", "holotranscobalamin"),
            group("\"vitamin D\"", "vit d", "vitamin d3"),
            group("HbA1c", "a1c", "glycated haemoglobin"),
            // American spellings: the articles are written in British English throughout.
            group("anaemia", "anemia", "anemic"),
            group("haemoglobin", "hemoglobin"),
            group("oedema", "edema"),
            group("lymphoedema", "lymphedema"),
            group("paraesthesia", "paresthesia"),
            group("diarrhoea", "diarrhea"),
            group("coeliac", "celiac"),
            group("fibre", "fiber"),
            group("oestrogen", "estrogen"));

    private SearchSynonyms() {
    }

    /**
     * The alternatives of every phrase found in the query, joined with "or" in websearch syntax. They are the
     * dictionary's own words, never the user's; empty when no phrase matches.
     */
    static String expand(String query) {
        List<String> words = normalise(query);
        Set<String> found = new LinkedHashSet<>();
        for (Group group : DICTIONARY) {
            if (group.phrases().stream().anyMatch(phrase -> containsRun(words, phrase))) {
                found.add(group.alternatives());
            }
        }
        return String.join(" or ", found);
    }

    private static Group group(String alternatives, String... phrases) {
        List<List<String>> normalised = Stream.of(phrases).map(SearchSynonyms::normalise).toList();
        if (normalised.contains(List.of())) {
            // A phrase of fillers only would match every query.
            throw new IllegalStateException("A synonym phrase for '" + alternatives + "' has no words of its own");
        }
        return new Group(alternatives, normalised);
    }

    /**
     * Lower-case words without fillers, each without a plain plural "s" ("ankles", "pins"), so the dictionary
     * lists a phrase once; "numbness" keeps its "ss".
     */
    private static List<String> normalise(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || FILLERS.contains(word)) {
                continue;
            }
            boolean plural = word.length() > 3 && word.endsWith("s") && !word.endsWith("ss");
            words.add(plural ? word.substring(0, word.length() - 1) : word);
        }
        return words;
    }

    /** Whether {@code phrase} appears in {@code words} as consecutive words. */
    private static boolean containsRun(List<String> words, List<String> phrase) {
        for (int start = 0; start + phrase.size() <= words.size(); start++) {
            if (words.subList(start, start + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
