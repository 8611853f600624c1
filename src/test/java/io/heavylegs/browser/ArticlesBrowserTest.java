package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import io.quarkus.test.junit.QuarkusTest;

/** Reading: the article index, search from the home page, one article, on a desktop and on a phone. */
@QuarkusTest
class ArticlesBrowserTest extends BrowserTest {

    @Test
    void fromTheHomePageSearchTheArticlesAndOpenAResult() {
        open("/");
        find("a[href='/articles']").click();
        waitForPath("/articles");
        find("#q").sendKeys("tingling", Keys.ENTER);
        waitUntilVisible(".search-results");
        assertTrue(path().contains("q=tingling"), "the search is a GET the user can bookmark: " + path());
        assertTrue(isPresent(".search-hit a"),
                "tingling is explained somewhere");
        assertNoAccessibilityViolations();

        String title = find(".search-hit a").getText();
        find(".search-hit a").click();
        waitForPathStartingWith("/articles/");
        assertEquals(title, find("h1").getText(), "the result opens the article it named");
    }

    @Test
    void articleIndexIsAccessible() {
        open("/articles");
        assertTrue(isPresent("a[href='/articles/vitamin-b12-deficiency']"));
        assertNoAccessibilityViolations();
    }

    @Test
    void anArticleShowsItsReviewSourcesAndAWayIntoTheJournalAndIsAccessible() {
        open("/articles/vitamin-b12-deficiency");
        assertTrue(find("h1").getText().toLowerCase().contains("b12"));
        assertTrue(find("main").getText().contains("reviewed"), "when it was last reviewed");
        assertTrue(isPresent("main a[href='/journal/new']"), "a way into the journal");
        assertNoAccessibilityViolations();
    }

    @Test
    void theOverviewWithItsComparisonTableIsAccessible() {
        open("/articles/heavy-legs");
        assertTrue(isPresent("main table"), "the overview compares the causes in a table");
        assertNoAccessibilityViolations();
    }

    @Test
    void theCareCardsAreAccessibleAndSayTheirLevelInWords() {
        open("/articles/when-to-see-a-doctor");
        assertEquals("Call emergency services if:", find(".article-care--emergency .article-care__title").getText()
                .replaceFirst("^!\\s*", ""), "the level is in the words, the icon only repeats it");
        assertNoAccessibilityViolations();
    }

    @Test
    void articlesAreAccessibleInDarkMode() {
        useDarkMode();
        open("/articles?q=iron");
        assertNoAccessibilityViolations();
        open("/articles/heavy-legs");
        assertNoAccessibilityViolations();
        open("/articles/when-to-see-a-doctor");
        assertNoAccessibilityViolations();
    }

    @Test
    void onAPhoneTheIndexAndTheArticlesDoNotScrollSidewaysAndAreAccessible() {
        usePhoneSize();
        for (String path : new String[] {"/articles", "/articles/heavy-legs", "/articles/other-causes",
                "/articles/vitamin-b12-deficiency", "/articles/iron-deficiency", "/articles/blood-tests",
                "/articles/restless-legs-syndrome", "/articles/when-to-see-a-doctor"}) {
            open(path);
            assertNoHorizontalScroll();
            assertNoAccessibilityViolations();
        }
    }

    @Test
    void onAPhoneTheComparisonTableStacksItsRowsAndCutsNoColumnOff() {
        usePhoneSize();
        open("/articles/heavy-legs");
        Object problems = script("""
                const box = document.querySelector('.article-body .table-scroll');
                const problems = [];
                if (box.scrollWidth > box.clientWidth) {
                  problems.push('the table is ' + box.scrollWidth + 'px wide in a ' + box.clientWidth + 'px box');
                }
                for (const cell of box.querySelectorAll('tbody td')) {
                  const rect = cell.getBoundingClientRect();
                  if (rect.left < 0 || rect.right > window.innerWidth) {
                    problems.push(cell.textContent + ' reaches beyond the screen');
                  }
                  const label = getComputedStyle(cell, '::before').content;
                  if (cell.cellIndex > 0 && label !== '"' + cell.dataset.label + '"') {
                    problems.push(cell.textContent + ' shows ' + label + ' instead of its column name');
                  }
                }
                return problems.join('; ');
                """);
        assertEquals("", problems);
        long cellsSideBySide = ((Number) script("""
                const cells = [...document.querySelectorAll('.article-body tbody td')];
                return cells.filter(cell => cell.cellIndex > 0 && cell.getBoundingClientRect().top
                    < cell.previousElementSibling.getBoundingClientRect().bottom).length;
                """)).longValue();
        assertEquals(0, cellsSideBySide, "the cells of a row stand one below the other");
    }
}
