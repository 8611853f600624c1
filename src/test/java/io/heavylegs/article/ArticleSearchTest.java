package io.heavylegs.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** What people type reaches the right article, and what the results show of it reads as whole phrases. */
@QuarkusTest
class ArticleSearchTest {

    @Inject
    ArticleSearch search;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "swollen ankles   | other-causes",
            "pins and needles | vitamin-b12-deficiency",
            "varicose veins   | other-causes",
            "statins          | other-causes",
            "cramp at night   | magnesium-deficiency",
            "anemia           | iron-deficiency",
            "restless legs    | restless-legs-syndrome",
            "ferritin         | blood-tests" })
    void whatPeopleTypeFindsTheRightArticleFirstOrSecond(String typed, String slug) {
        List<String> slugs = search.search(typed).stream().map(ArticleSearch.Hit::slug).toList();
        assertTrue(slugs.subList(0, Math.min(2, slugs.size())).contains(slug), typed + " → " + slugs);
    }

    @Test
    void everySnippetFragmentIsAWholeLineOfTheArticle() {
        Map<String, Set<String>> linesBySlug = ArticleSync.readSourceFiles().stream().collect(Collectors.toMap(
                f -> f.meta().slug(),
                f -> MarkdownRenderer.render(f.markdown()).text().lines().map(ArticleSearchTest::withoutListPunctuation)
                        .collect(Collectors.toSet())));
        for (String typed : List.of("spinach", "swollen ankles", "cramp at night", "ferritin", "tingling", "iron")) {
            List<ArticleSearch.Hit> hits = search.search(typed);
            assertFalse(hits.isEmpty(), typed);
            for (ArticleSearch.Hit hit : hits) {
                String text = Jsoup.parse(hit.snippetHtml()).text();
                for (String fragment : text.split(" … ")) {
                    assertTrue(linesBySlug.get(hit.slug()).contains(fragment),
                            typed + " in " + hit.slug() + ": \"" + fragment + "\" starts or ends mid-phrase");
                }
            }
        }
    }

    @Test
    void aTableSnippetNamesItsColumnAndKeepsToOneCell() {
        ArticleSearch.Hit overview = search.search("spinach").stream().filter(h -> h.slug().equals("heavy-legs"))
                .findFirst().orElseThrow();
        String text = Jsoup.parse(overview.snippetHtml()).text();
        assertTrue(List.of(text.split(" … ")).stream()
                .anyMatch(f -> f.startsWith("Where it comes from: ") && f.contains("spinach")), text);
    }

    @Test
    void synonymsAreHighlightedLikeTheWordsTyped() {
        ArticleSearch.Hit b12 = search.search("pins and needles").stream()
                .filter(h -> h.slug().equals("vitamin-b12-deficiency")).findFirst().orElseThrow();
        List<String> marked = Jsoup.parse(b12.snippetHtml()).select("mark").eachText();
        assertTrue(marked.stream().anyMatch(m -> m.equalsIgnoreCase("tingling")), marked.toString());
    }

    private static String withoutListPunctuation(String line) {
        return line.replaceFirst("[;,]$", "");
    }
}
