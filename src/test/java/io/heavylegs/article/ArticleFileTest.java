package io.heavylegs.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The source files and their parser, without Quarkus. */
class ArticleFileTest {

    private static final String VALID = """
            ---
            title: "A title: with a colon"
            slug: sample
            summary: >-
              Two lines
              of summary.
            reviewed: 2026-11-29
            review-due: 2027-11-29
            mark-explanation: One line.
            related: [other]
            symptoms: [cramps, tingling]
            sources:
              - title: NHS
                url: https://www.nhs.uk/
            ---
            ## First

            Text <b>with</b> markup.
            """;

    @Test
    void parsesFrontMatterAndBody() {
        ArticleFile file = ArticleFile.parse("sample.md", VALID);
        assertEquals("A title: with a colon", file.meta().title());
        assertEquals("Two lines of summary.", file.meta().summary());
        assertEquals(List.of("cramps", "tingling"), file.symptoms());
        assertEquals("https://www.nhs.uk/", file.meta().sources().get(0).url());
        assertTrue(file.markdown().startsWith("## First"));
    }

    @Test
    void theHashFollowsTheContent() {
        assertEquals(ArticleFile.parse("sample.md", VALID).contentHash(),
                ArticleFile.parse("sample.md", VALID.replace("\n", "\r\n")).contentHash());
        assertNotEquals(ArticleFile.parse("sample.md", VALID).contentHash(),
                ArticleFile.parse("sample.md", VALID.replace("markup", "marks")).contentHash());
    }

    @Test
    void refusesBrokenFiles() {
        assertThrows(IllegalStateException.class, () -> ArticleFile.parse("other.md", VALID), "slug vs file name");
        assertThrows(IllegalStateException.class, () -> ArticleFile.parse("sample.md", VALID.replace("tingling", "tingle")));
        assertThrows(IllegalStateException.class, () -> ArticleFile.parse("sample.md", VALID.replace("2027-11-29", "2025-01-01")));
        assertThrows(IllegalStateException.class, () -> ArticleFile.parse("sample.md", VALID.replace("2027-11-29", "soon")));
        assertThrows(IllegalStateException.class, () -> ArticleFile.parse("sample.md", VALID.replace("https://", "http://")));
        assertThrows(IllegalStateException.class, () -> ArticleFile.parse("sample.md", VALID.replace("title: \"A", "titel: \"A")));
        assertThrows(IllegalStateException.class, () -> ArticleFile.parse("sample.md", VALID.substring(4)));
    }

    @Test
    void everyPackagedArticleIsValidAndRenders() {
        List<ArticleFile> files = ArticleSync.readSourceFiles();
        assertEquals(ArticleResourceTest.SLUGS.size(), files.size());
        // Rendering is where a mistyped care card level is caught: before start-up, not at it.
        files.forEach(file -> MarkdownRenderer.render(file.markdown()));
    }

    @Test
    void renderingEscapesRawHtmlAndCollectsHeadings() {
        MarkdownRenderer.Rendered rendered = MarkdownRenderer.render("""
                # Title
                ## Same
                ### Sub *part*
                ## Same
                <script>alert(1)</script>
                """);
        assertTrue(rendered.html().contains("&lt;script&gt;"), rendered.html());
        assertEquals(List.of(new MarkdownRenderer.TocEntry(2, "same", "Same"),
                new MarkdownRenderer.TocEntry(3, "sub-part", "Sub part"),
                new MarkdownRenderer.TocEntry(2, "same-1", "Same")), rendered.toc());
        assertTrue(rendered.html().contains("id=\"same-1\""));
    }

    @Test
    void plainTextHasOneSentencePhraseOrLabelledCellALine() {
        String text = MarkdownRenderer.render("""
                ## A heading

                Intro with **bold**. A second sentence, with 25(OH)D in it? A third.
                Still the third paragraph line, e.g. not split.

                - first item;
                - second item

                | Nutrient | Main leg symptoms |
                |---|---|
                | Iron | Heavy legs; restless legs |
                | Magnesium | Cramps |
                """).text();
        assertEquals(String.join("\n", "A heading", "Intro with bold.", "A second sentence, with 25(OH)D in it?",
                "A third.", "Still the third paragraph line, e.g. not split.", "first item;", "second item",
                "Nutrient: Iron", "Main leg symptoms: Heavy legs; restless legs", "Nutrient: Magnesium",
                "Main leg symptoms: Cramps"), text);
    }

    @Test
    void tableCellsCarryTheirColumnNameForThePhoneLayout() {
        String html = MarkdownRenderer.render("""
                | Nutrient | Where it comes from |
                |---|---|
                | Iron | Red meat & "beans" |
                """).html();
        assertTrue(html.contains("<th>Nutrient</th>"), html);
        assertTrue(html.contains("<td data-label=\"Nutrient\">Iron</td>"), html);
        assertTrue(html.contains("<td data-label=\"Where it comes from\">Red meat &amp; &quot;beans&quot;</td>"), html);
        assertTrue(html.startsWith("<div class=\"table-scroll\"><table class=\"article-table\">"), html);
    }

    @Test
    void careCardsGetTheirLevelsTitleIconAndClass() {
        MarkdownRenderer.Rendered rendered = MarkdownRenderer.render("""
                > [!emergency]
                > - chest pain

                > [!same-day]
                > - one swollen leg

                > [!see-doctor] it has lasted for weeks.

                > An ordinary quote stays a quote.
                """);
        String html = rendered.html();
        assertTrue(html.contains("<div class=\"article-care article-care--emergency\"><p class=\"article-care__title\">"
                + "<span class=\"article-care__icon\" aria-hidden=\"true\">!</span> "
                + "<strong>Call emergency services if:</strong></p>\n<ul>\n<li>chest pain</li>"), html);
        assertTrue(html.contains("<strong>Get help the same day if:</strong></p>\n<ul>\n<li>one swollen leg</li>"), html);
        assertTrue(html.contains("<div class=\"article-care article-care--see-doctor\">"), html);
        assertTrue(html.contains("<strong>See a doctor if:</strong></p>\n<p>it has lasted for weeks.</p>"), html);
        assertTrue(html.contains("<blockquote>\n<p>An ordinary quote stays a quote.</p>\n</blockquote>"), html);
        assertFalse(html.contains("[!"), "no marker is left on the page");
        assertTrue(rendered.toc().isEmpty(), "a card's title is not a heading of the contents");
        assertEquals(String.join("\n", "Call emergency services if:", "chest pain", "Get help the same day if:",
                "one swollen leg", "See a doctor if:", "it has lasted for weeks.", "An ordinary quote stays a quote."),
                rendered.text());
    }

    @Test
    void anUnknownCareCardLevelIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MarkdownRenderer.render("> [!urgent]\n> - chest pain\n"));
        assertTrue(refused.getMessage().contains("[!same-day]"), refused.getMessage());
    }

    @Test
    void snippetsKeepOnlyTheirOwnMarks() {
        assertEquals("a &lt;mark&gt; <mark>tingling</mark> &amp; &quot;x&quot;",
                ArticleSearch.highlight("a <mark> [[hl-start]]tingling[[hl-stop]] & \"x\""));
    }

    @Test
    void snippetLinesAreJoinedAsSeparateFragments() {
        assertEquals("One sentence. … a list item … Nutrient: Iron",
                ArticleSearch.highlight("One sentence.\na list item;\nNutrient: Iron\n"));
    }

    @Test
    void anArticleFoundByItsSummaryShowsTheSummarysFirstSentence() {
        assertEquals("Iron helps &amp; heals.", ArticleSearch.firstSentence("Iron helps & heals. Then more. "));
        assertEquals("No stop at all", ArticleSearch.firstSentence("No stop at all"));
    }
}
