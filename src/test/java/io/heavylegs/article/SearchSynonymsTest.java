package io.heavylegs.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dictionary on its own; ArticleSearchTest checks that the expanded searches find the right articles. */
class SearchSynonymsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "swollen ankles          | oedema",
            "Swollen ankle           | oedema",
            "my ankles are swollen   | ",
            "pins and needles        | tingling",
            "PINS & NEEDLES in feet  | paraesthesia",
            "cramp at night          | night cramps",
            "cramps in the night     | night cramps",
            "night cramps            | leg cramps",
            "atorvastatin            | statins",
            "varicose veins          | venous insufficiency",
            "blood clot in my leg    | deep vein thrombosis",
            "amlodipine ankles       | calcium-channel blockers",
            "anemia                  | anaemia",
            "hemoglobin low          | haemoglobin",
            "edema                   | oedema" })
    void phrasesPeopleTypeAddTheArticlesWords(String typed, String expected) {
        String expansion = SearchSynonyms.expand(typed);
        if (expected == null) {
            assertEquals("", expansion, "words in another order are another phrase");
        } else {
            assertTrue(expansion.contains(expected), typed + " → " + expansion);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "iron", "tingling", "the", "and and", "-", "\"unbalanced", "日本語" })
    void ordinaryQueriesAreLeftAlone(String typed) {
        assertEquals("", SearchSynonyms.expand(typed));
    }

    @Test
    void severalPhrasesAddEachOfTheirWordsOnce() {
        assertEquals("swelling or swollen or oedema or \"calcium-channel blockers\"",
                SearchSynonyms.expand("swollen ankles, swollen feet and amlodipine"));
    }

    @Test
    void theUsersTextNeverReachesTheExpansion() {
        String expansion = SearchSynonyms.expand("anemia \" or 'x' -- ; <script>");
        assertEquals("anaemia", expansion);
    }
}
