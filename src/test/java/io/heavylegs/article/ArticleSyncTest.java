package io.heavylegs.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ArticleSyncTest {

    private static final int ALL = ArticleResourceTest.SLUGS.size();

    @Inject
    ArticleSync sync;

    @Inject
    ArticleCatalog catalog;

    @AfterEach
    void restoreTheRealFiles() {
        sync.sync();
    }

    @Test
    void rerunningTheSyncChangesNothing() {
        ArticleSync.Result result = sync.sync();
        assertEquals(new ArticleSync.Result(0, 0, ALL, 0), result);
        assertEquals(ALL, count("select count(a) from Article a"));
        assertEquals(ALL, count("select count(a) from Article a where a.published = true"));
    }

    @Test
    void anEditedFileUpdatesItsRowAndARemovedOneIsUnpublished() {
        List<ArticleFile> files = new ArrayList<>(ArticleSync.readSourceFiles());
        ArticleFile magnesium = files.stream().filter(f -> f.meta().slug().equals("magnesium-deficiency"))
                .findFirst().orElseThrow();
        String edited = ("---\ntitle: Magnesium, edited\nslug: magnesium-deficiency\nsummary: Edited.\n"
                + "reviewed: 2026-11-29\nreview-due: 2027-11-29\nmark-explanation: Edited.\n"
                + "sources:\n  - title: NIH\n    url: https://ods.od.nih.gov/factsheets/Magnesium-Consumer/\n"
                + "---\n## Zebra stripes\n\nA word nobody else uses: quagga.\n");
        files.set(files.indexOf(magnesium), ArticleFile.parse("magnesium-deficiency.md", edited));
        files.removeIf(f -> f.meta().slug().equals("heavy-legs-faq"));

        assertEquals(new ArticleSync.Result(0, 1, ALL - 2, 1), sync.sync(files));

        assertEquals("Magnesium, edited", catalog.find("magnesium-deficiency").orElseThrow().title());
        assertTrue(catalog.find("heavy-legs-faq").isEmpty(), "unpublished articles leave the catalog");
        assertEquals(ALL, count("select count(a) from Article a"));
        assertEquals(ALL - 1, count("select count(a) from Article a where a.published = true"));

        // Restoring the files brings both back, without a new row.
        assertEquals(new ArticleSync.Result(0, 2, ALL - 2, 0), sync.sync());
        assertEquals(ALL, count("select count(a) from Article a where a.published = true"));
        assertFalse(catalog.find("magnesium-deficiency").orElseThrow().title().contains("edited"));
    }

    @Test
    void theCatalogKeepsTheOverviewFirst() {
        assertEquals("heavy-legs", catalog.all().get(0).slug());
        assertEquals(ALL, catalog.all().size());
    }

    @Test
    void everyArticleExplainsItsMark() {
        for (String slug : ArticleResourceTest.SLUGS) {
            assertTrue(catalog.markExplanation(slug).orElseThrow().length() > 40, slug);
        }
    }

    private static long count(String jpql) {
        return QuarkusTransaction.requiringNew().call(
                () -> Article.getEntityManager().createQuery(jpql, Long.class).getSingleResult());
    }
}
