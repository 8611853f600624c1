package io.heavylegs.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
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

    @Inject
    SessionFactory sessionFactory;

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

    /** The usual restart: nothing changed, so nothing is parsed, rendered or written, and no Hibernate query runs. */
    @Test
    void theStartUpSyncOfUnchangedFilesLoadsTheStoredRowsAsTheFullSyncDoes() {
        List<ArticleView> afterFullSync = catalog.all();
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();

        assertEquals(new ArticleSync.Result(0, 0, ALL, 0), sync.syncAtStart(ArticleSync.readSourceTexts()));

        assertEquals(0, statistics.getQueryExecutionCount(), "no Hibernate query");
        assertEquals(0, statistics.getEntityInsertCount() + statistics.getEntityUpdateCount(), "no row written");
        assertEquals(afterFullSync, catalog.all(), "the same catalog as the full sync loads");
    }

    @Test
    void anEditedOrRemovedFileAtStartUpTakesTheFullSync() {
        Map<String, String> texts = new LinkedHashMap<>(ArticleSync.readSourceTexts());
        texts.compute("magnesium-deficiency.md", (name, text) -> text + "\nA word nobody else uses: quagga.\n");

        assertEquals(new ArticleSync.Result(0, 1, ALL - 1, 0), sync.syncAtStart(texts));
        assertTrue(catalog.find("magnesium-deficiency").orElseThrow().bodyHtml().contains("quagga"));

        // A removed file is noticed too: every article is linked from another, so the full sync's link check refuses.
        texts.remove("heavy-legs-faq.md");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sync.syncAtStart(texts));
        assertTrue(refused.getMessage().contains("'heavy-legs-faq'"), refused.getMessage());
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
