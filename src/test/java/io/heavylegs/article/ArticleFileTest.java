package io.heavylegs.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void everyPackagedArticleIsValid() {
        List<ArticleFile> files = ArticleSync.readSourceFiles();
        assertEquals(8, files.size());
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
    void plainTextReadsLikeProse() {
        String text = MarkdownRenderer.render("""
                Intro with **bold**.

                - first item
                - second item

                | A | B |
                |---|---|
                | one | two |
                """).text();
        assertEquals("Intro with bold.\nfirst item\nsecond item\nA\nB\none\ntwo", text);
    }

    @Test
    void snippetsKeepOnlyTheirOwnMarks() {
        assertEquals("a &lt;mark&gt; <mark>tingling</mark> &amp; &quot;x&quot;",
                ArticleSearch.highlight("a <mark> [[hl-start]]tingling[[hl-stop]] & \"x\""));
        assertEquals("One. Two · three", ArticleSearch.highlight("One.\nTwo\nthree\n"));
    }
}
