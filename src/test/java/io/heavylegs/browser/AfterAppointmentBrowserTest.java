package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Supplements, medicines and blood test results as their user records them after an appointment: through the
 * real forms, listed, edited and deleted, every page accessible and none wider than a phone.
 */
@QuarkusTest
class AfterAppointmentBrowserTest extends BrowserTest {

    /** The labels of the lab charts that stick out of their drawing, which cuts them off; empty when none. */
    private static final String LABELS_CUT_OFF = """
            return [...document.querySelectorAll('.lab-chart svg text')].filter(text => {
              const box = text.getBBox();
              const view = text.ownerSVGElement.viewBox.baseVal;
              return box.x < view.x || box.x + box.width > view.x + view.width;
            }).map(text => text.textContent).join(', ');
            """;

    private final LocalDate today = LocalDate.now();

    @Test
    void aTreatmentIsAddedListedEditedAndDeletedThroughTheForms() {
        registerAndLogIn();
        open("/treatments");
        assertTrue(find("main").getText().contains("Nothing recorded yet"));
        assertNoAccessibilityViolations();

        find("main a[href='/treatments/new']").click();
        waitForPath("/treatments/new");
        assertNoAccessibilityViolations();
        find("input[name=kind][value=supplement]").click();
        find("#name").sendKeys("Vitamin B12");
        find("#dose").sendKeys("1000 µg a day");
        setDate("started", today.minusDays(40));
        find("main form button[type=submit]").click();

        waitForPath("/treatments");
        assertEquals("\u201cVitamin B12\u201d saved.", find(".flash").getText());
        WebElement card = section("current-heading").findElement(By.cssSelector("[data-treatment]"));
        assertTrue(card.getText().contains("Vitamin B12") && card.getText().contains("1000 µg a day"), card.getText());
        assertNoAccessibilityViolations();

        card.findElement(By.cssSelector("a[href$='/edit']")).click();
        waitForPathMatching("/treatments/\\d+/edit");
        assertEquals("1000 µg a day", find("#dose").getAttribute("value"), "the edit form shows what is stored");
        assertNoAccessibilityViolations();
        find("#dose").clear();
        find("#dose").sendKeys("500 µg a day");
        setDate("stopped", today.minusDays(3));
        find("main form button[type=submit]").click();

        waitForPath("/treatments");
        assertEquals("Changes saved.", find(".flash").getText());
        String past = section("past-heading").getText();
        assertTrue(past.contains("Vitamin B12") && past.contains("500 µg a day"),
                "a stopped treatment is listed under Taken before, with its new dose: " + past);
        assertTrue(section("current-heading").getText().contains("Nothing you are taking"));

        find("[data-treatment] a[href$='/delete']").click();
        waitForPathMatching("/treatments/\\d+/delete");
        assertNoAccessibilityViolations();
        find("main form button[type=submit]").click();
        waitForPath("/treatments");
        assertEquals("Treatment deleted.", find(".flash").getText());
        assertFalse(isPresent("[data-treatment]"));
        assertTrue(find("main").getText().contains("Nothing recorded yet"));
    }

    @Test
    void labResultsAreAddedListedWithTheirHistoryEditedAndDeletedThroughTheForms() {
        registerAndLogIn();
        open("/labs");
        assertTrue(find("main").getText().contains("No results yet"));
        assertNoAccessibilityViolations();

        addLabResult("ferritin", "12", "µg/L", "30", "400", today.minusDays(50));
        assertEquals("Ferritin result saved.", find(".flash").getText());
        addLabResult("ferritin", "45,5", "µg/L", "30", "400", today.minusDays(5));

        WebElement ferritin = find("[data-lab-test=ferritin]");
        assertEquals(2, ferritin.findElements(By.cssSelector("[data-lab-result]")).size());
        assertTrue(ferritin.findElement(By.cssSelector("[data-position=below]")).getText().contains("12 µg/L"));
        assertTrue(ferritin.findElement(By.cssSelector("[data-position=within]")).getText().contains("45.5 µg/L"),
                "the decimal comma was read as a point");
        assertTrue(ferritin.findElement(By.cssSelector("svg[role=img]")).isDisplayed(),
                "two results of one test draw its history");
        assertNoAccessibilityViolations();

        ferritin.findElement(By.cssSelector("[data-position=below] a[href$='/edit']")).click();
        waitForPathMatching("/labs/\\d+/edit");
        assertEquals("12", find("#value").getAttribute("value"), "the edit form shows what is stored");
        assertNoAccessibilityViolations();
        find("#value").clear();
        find("#value").sendKeys("500");
        find("main form button[type=submit]").click();
        waitForPath("/labs");
        assertEquals("Changes saved.", find(".flash").getText());
        assertTrue(find("[data-lab-test=ferritin] [data-position=above]").getText().contains("500 µg/L"));

        find("[data-lab-test=ferritin] [data-position=above] a[href$='/delete']").click();
        waitForPathMatching("/labs/\\d+/delete");
        assertNoAccessibilityViolations();
        find("main form button[type=submit]").click();
        waitForPath("/labs");
        assertEquals("Result deleted.", find(".flash").getText());
        assertEquals(1, browser.findElements(By.cssSelector("[data-lab-result]")).size());
        assertFalse(isPresent("[data-position=above]"));
    }

    @Test
    void theRefusedFormsKeepWhatWasTypedAndShowTheirErrorsAccessibly() {
        registerAndLogIn();
        open("/treatments/new");
        find("#dose").sendKeys("2 a day");
        find("main form button[type=submit]").click();
        waitUntilVisible("[data-error-for=name]");
        assertEquals("2 a day", find("#dose").getAttribute("value"));
        assertNoAccessibilityViolations();

        open("/labs/new");
        new Select(find("#test")).selectByValue("vitamin-d");
        find("#value").sendKeys("-3");
        find("#low").sendKeys("75");
        find("#high").sendKeys("50");
        find("main form button[type=submit]").click();
        waitUntilVisible("[data-error-for=value]");
        assertTrue(find("[data-error-for=unit]").isDisplayed());
        assertTrue(find("[data-error-for=low]").isDisplayed());
        assertEquals("-3", find("#value").getAttribute("value"));
        assertNoAccessibilityViolations();
        useDarkMode();
        assertNoAccessibilityViolations();
    }

    @Test
    void theTreatmentAndLabPagesAreAccessibleInDarkMode() {
        registerAndLogIn();
        addTreatment("Magnesium citrate", today.minusDays(20));
        addLabResult("vitamin-b12", "180", "pmol/L", "140", "725", today.minusDays(30));
        addLabResult("vitamin-b12", "310", "ng/L", "", "", today.minusDays(2));
        useDarkMode();
        for (String page : new String[] { "/treatments", "/treatments/new", "/labs", "/labs/new" }) {
            open(page);
            assertNoAccessibilityViolations();
        }
    }

    @Test
    void onAPhoneNoTreatmentOrLabPageIsWiderThanTheScreen() {
        registerAndLogIn();
        usePhoneSize();
        addTreatment("Vitamin D3 with a rather long name from the pharmacy shelf", today.minusDays(60));
        addLabResult("other", "123456789.123456", "nmol/L", "100000000", "999999999.999999", today.minusDays(90));
        addLabResult("other", "7.5", "nmol/L", "", "", today.minusDays(10));
        addLabResult("hba1c", "41", "mmol/mol", "20", "41", today.minusDays(8));
        addLabResult("hba1c", "5.9", "%", "", "", today.minusDays(4));
        for (String page : new String[] { "/treatments", "/treatments/new", "/labs", "/labs/new" }) {
            open(page);
            assertNothingWiderThanTheScreen();
        }
        open("/labs");
        assertEquals("", script(LABELS_CUT_OFF), "every label of the history charts is whole");
        find("[data-lab-result] a[href$='/edit']").click();
        waitForPathMatching("/labs/\\d+/edit");
        assertNothingWiderThanTheScreen();
        open("/treatments");
        find("[data-treatment] a[href$='/delete']").click();
        waitForPathMatching("/treatments/\\d+/delete");
        assertNothingWiderThanTheScreen();
        open("/labs/new");
        find("main form button[type=submit]").click();
        waitUntilVisible("[data-error-for=value]");
        assertNothingWiderThanTheScreen();
        open("/labs");
        assertNoAccessibilityViolations();
    }

    private void addTreatment(String name, LocalDate started) {
        open("/treatments/new");
        find("#name").sendKeys(name);
        setDate("started", started);
        find("main form button[type=submit]").click();
        waitForPath("/treatments");
        assertTrue(isPresent(".flash"), "the treatment was saved: " + find("main").getText());
    }

    /** Fills the lab result form as a user copies a report; "other" gets a name of its own. */
    private void addLabResult(String test, String value, String unit, String low, String high, LocalDate date) {
        open("/labs/new");
        new Select(find("#test")).selectByValue(test);
        if (test.equals("other")) {
            find("#name").sendKeys("Vitamin B6 (pyridoxal phosphate)");
        }
        find("#value").sendKeys(value);
        find("#unit").sendKeys(unit);
        find("#low").sendKeys(low);
        find("#high").sendKeys(high);
        setDate("date", date);
        find("main form button[type=submit]").click();
        waitForPath("/labs");
        assertTrue(isPresent(".flash"), "the result was saved: " + find("main").getText());
    }

    /** The section that the heading {@code headingId} opens. */
    private WebElement section(String headingId) {
        return find("#" + headingId).findElement(By.xpath(".."));
    }

    /** A date field is set as its picker would; typing into it depends on the browser's locale. */
    private void setDate(String name, LocalDate date) {
        script("document.querySelector('input[name=' + arguments[0] + ']').value = arguments[1]", name,
                date.toString());
    }
}
