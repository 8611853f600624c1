package io.heavylegs.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.heavylegs.web.Sha256;

/**
 * The articles' wording, without Quarkus: the facts come from the domain source, the sentences must not, and
 * every page is written in one spelling, British English.
 */
class ArticleOwnWordsTest {

    /** Six words in a row is where a shared phrase stops being chance ("iron, vitamin D, vitamin B12 and"). */
    private static final int RUN = 6;

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

    @Test
    void noArticleRepeatsSixWordsInARowFromTheSource() throws IOException {
        Set<String> source = sourceFingerprints();
        assertTrue(source.size() > 500, "the fingerprint file was read");
        List<String> copied = new ArrayList<>();
        for (ArticleFile file : ArticleSync.readSourceFiles()) {
            List<String> words = words(wordingOf(file));
            for (int i = 0; i + RUN <= words.size(); i++) {
                String run = String.join(" ", words.subList(i, i + RUN));
                if (source.contains(fingerprint(run))) {
                    copied.add(file.meta().slug() + ": \"" + run + "\"");
                }
            }
        }
        assertEquals(List.of(), copied, "say these in the article's own words");
    }

    @Test
    void theFingerprintsWouldCatchACopiedSentence() throws IOException {
        // The source's own first words, as a copy-paste would bring them in.
        assertTrue(sourceFingerprints().contains(fingerprint("experiencing a sensation of heaviness tiredness")));
    }

    /** American spellings with the British form the articles use; a few common ones, not a dictionary. */
    private static final Pattern AMERICAN = Pattern.compile("(?i)\\b(anemi\\w*|hemoglobin|edema|lymphedema|"
            + "diarrhea|paresthesia|esophag\\w*|estrogen|celiac|fiber|color\\w*|behavior\\w*|center|pediatric\\w*|"
            + "anesthe\\w*|gray|aging|liter|whole wheat|\\w+(?<!s)iz(e|es|ed|ing|ation|ations))\\b");

    @Test
    void articlesAndTheirPagesAreWrittenInBritishEnglish() throws IOException {
        List<String> found = new ArrayList<>();
        for (ArticleFile file : ArticleSync.readSourceFiles()) {
            String text = wordingOf(file) + "\n"
                    + file.meta().sources().stream().map(ArticleFile.Source::title).collect(Collectors.joining("\n"));
            americanSpellings(text).forEach(word -> found.add(file.meta().slug() + ": " + word));
        }
        for (String template : List.of("article.html", "index.html")) {
            String text = Files.readString(Path.of("src/main/resources/templates/ArticleResource", template));
            americanSpellings(text).forEach(word -> found.add(template + ": " + word));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theSpellingCheckKnowsWhatItLooksFor() {
        assertEquals(List.of("anemia", "recognize", "fiber"),
                americanSpellings("Anemia is hard to recognize without fiber; size and seize are fine."));
    }

    private static List<String> americanSpellings(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = AMERICAN.matcher(text);
        while (matcher.find()) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            if (!Set.of("size", "sizes", "seize", "prize").contains(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** Everything a reader sees of an article except the source titles, which name other bodies' pages. */
    private static String wordingOf(ArticleFile file) {
        return String.join("\n", file.meta().title(), file.meta().summary(), file.meta().markExplanation(),
                MarkdownRenderer.render(file.markdown()).text());
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** As described at the top of source-fingerprints.txt. */
    private static String fingerprint(String run) {
        return Sha256.hex(run).substring(0, 16);
    }

    private static Set<String> sourceFingerprints() throws IOException {
        try (InputStream in = ArticleOwnWordsTest.class.getResourceAsStream("source-fingerprints.txt")) {
            assertFalse(in == null, "source-fingerprints.txt is on the test classpath");
            try (Stream<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()) {
                return lines.filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toSet());
            }
        }
    }
}
