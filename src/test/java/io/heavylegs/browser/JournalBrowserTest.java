package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.quarkus.test.junit.QuarkusTest;

/** The journal as its user lives it: entries written with the mouse or the keyboard alone, read on any screen. */
@QuarkusTest
class JournalBrowserTest extends BrowserTest {

    @Test
    void anEntryWithNumbnessAndTinglingShowsTheB12MarkItsReasonAndItsArticle() {
        registerAndLogIn();
        addEntry(LocalDate.now().minusDays(1), 4, "numbness", "tingling");

        WebElement mark = find("[data-mark='vitamin-b12']");
        assertTrue(mark.isDisplayed(), "the vitamin B12 mark is shown");
        String reason = mark.getText().toLowerCase();
        assertTrue(reason.contains("numbness"), "the reason names numbness: " + reason);
        assertTrue(reason.contains("tingling") || reason.contains("pins and needles"),
                "the reason names tingling: " + reason);
        assertTrue(find("main").getText().toLowerCase().contains("doctor"), "a mark is never a diagnosis");
        assertNoAccessibilityViolations();

        mark.findElement(By.cssSelector("a[href='/articles/vitamin-b12-deficiency']")).click();
        waitForPath("/articles/vitamin-b12-deficiency");
        assertTrue(find("h1").getText().contains("B12"), "the mark's link opens the article that explains it");

        find("form[action='/logout'] button").click();
        waitForPath("/");
        open("/journal");
        waitForPath("/login");
    }

    @Test
    void chestPainPutsTheUrgentCareCardAboveEverythingAndIsAccessible() {
        registerAndLogIn();
        addEntry(LocalDate.now(), 8, "chest-pain", "numbness", "tingling");
        WebElement urgent = find("[data-mark='urgent']");
        assertTrue(urgent.isDisplayed());
        assertTrue(urgent.getLocation().getY() < find("[data-mark='vitamin-b12']").getLocation().getY(),
                "the urgent notice comes before every other mark");
        assertNoAccessibilityViolations();
        useDarkMode();
        assertNoAccessibilityViolations();
    }

    @Test
    void theNewEntryFormCanBeCompletedByKeyboardAlone() {
        registerAndLogIn();
        open("/journal/new");

        tabTo("input[name=severity]");
        // In a radio group the arrow keys move the choice: from 0, three steps right is 3.
        press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        tabTo("input[name=symptoms][value=heaviness]");
        press(Keys.SPACE);
        tabTo("input[name=symptoms][value=cramps]");
        press(Keys.SPACE);
        tabTo("main form button[type=submit]");
        press(Keys.ENTER);

        waitForPathMatching("/journal/\\d+");
        String entry = find("main").getText();
        assertTrue(entry.contains("3 of 10"), "the severity chosen with the arrow keys was saved: " + entry);
        assertTrue(entry.toLowerCase().contains("cramps"), "the symptoms ticked with Space were saved: " + entry);
        assertTrue(entry.toLowerCase().contains("heavy legs"), "the symptoms ticked with Space were saved: " + entry);
    }

    @Test
    void theNewEntryFormShowsItsErrorsNextToTheFieldsAccessibly() {
        registerAndLogIn();
        open("/journal/new");
        script("document.querySelector('input[name=date]').value = ''");
        find("main form button[type=submit]").click();
        waitUntilVisible("[data-error-for=severity]");
        assertTrue(find("[data-error-for=date]").isDisplayed());
        assertNoAccessibilityViolations();
        useDarkMode();
        assertNoAccessibilityViolations();
    }

    @Test
    void theJournalWithEntriesAndAnEntryAreAccessible() {
        registerAndLogIn();
        addEntry(LocalDate.now().minusDays(2), 4, "heaviness", "cramps");
        addEntry(LocalDate.now(), 7, "numbness", "tingling");
        assertNoAccessibilityViolations();

        open("/journal");
        assertEquals(2, browser.findElements(By.cssSelector("main a[href^='/journal/']"))
                .stream().filter(link -> link.getAttribute("href").matches(".*/journal/\\d+")).count());
        assertNoAccessibilityViolations();
        useDarkMode();
        assertNoAccessibilityViolations();
    }

    @Test
    void onAPhoneTheJournalPagesDoNotScrollSideways() {
        registerAndLogIn();
        usePhoneSize();
        addEntry(LocalDate.now(), 6, "heaviness", "restless-legs", "muscle-pain");
        assertNoHorizontalScroll();
        open("/journal");
        assertNoHorizontalScroll();
        open("/journal/new");
        assertNoHorizontalScroll();
    }

    private void tabTo(String css) {
        for (int presses = 0; presses < 80; presses++) {
            if (Boolean.TRUE.equals(script("return document.activeElement.matches(arguments[0])", css))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reaches " + css + " on " + path());
    }

    private void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }
}
