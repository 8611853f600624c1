package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Quick to log on a phone: the way back into the app (a bookmark through the login page, a mistyped password), the
 * header and the entry page at 375 px, and the tap count of a typical entry.
 */
@QuarkusTest
class QuickEntryBrowserTest extends BrowserTest {

    /** Every tap (click) of the journey, so the test can count them. */
    private int taps;

    @Test
    void aBookmarkToTheNewEntryFormOpensTheFormAfterLoggingIn() {
        String email = registerAndLogIn();
        find("form[action='/logout'] button").click();
        waitForPath("/");

        open("/journal/new");
        waitForPath("/login");
        logIn(email, PASSWORD);
        waitForPath("/journal/new");
        assertTrue(isPresent("main form[action='/journal'] input[name=severity]"), "the new-entry form is open");
    }

    @Test
    void theLoginFormKeepsTheTypedEmailButNeverThePasswordAfterAFailedAttempt() {
        String email = registerAndLogIn();
        find("form[action='/logout'] button").click();
        waitForPath("/");

        open("/login");
        logIn(email, "not the password");
        waitUntilVisible("#login-error");
        assertEquals("/login", URI_PATH());
        assertEquals(email, find("#j_username").getAttribute("value"), "the e-mail address is still there");
        assertEquals("", find("#j_password").getAttribute("value"), "the password is never sent back");
        assertNoAccessibilityViolations();

        find("#j_password").sendKeys(PASSWORD);
        find("main form button[type=submit]").click();
        waitForPath("/journal");
    }

    @Test
    void onAPhoneTheSignedInHeaderFitsOnOneLine() {
        usePhoneSize();
        registerAndLogIn();
        for (String page : List.of("/journal", "/journal/new", "/account")) {
            open(page);
            assertHeaderOnOneLine();
            assertNoHorizontalScroll();
        }
    }

    @Test
    void anEntryPageShowsItsDateOnce() {
        registerAndLogIn();
        LocalDate date = LocalDate.now().minusDays(1);
        addEntry(date, 5, "heaviness");
        String text = find("main").getText();
        String longDate = find("main h1 time").getText();
        assertEquals(date.toString(), find("main h1 time").getAttribute("datetime"));
        assertEquals(1, occurrences(text, longDate), "the date once: " + text);
        assertEquals(0, occurrences(text, date.toString()), "no ISO date under the title: " + text);
    }

    @Test
    void onAPhoneATypicalEntryTakesAtMostFiveTapsFromTheJournal() {
        usePhoneSize();
        registerAndLogIn();

        taps = 0;
        tap("main a[href='/journal/new']");
        waitForPath("/journal/new");
        assertSeverityScaleOnOneRow();
        tap("input[name=severity][value='6']");
        // A finger hits the symptom's whole line, its label, not only the box.
        tap("label.check:has(input[name=symptoms][value='heaviness'])");
        tap("label.check:has(input[name=symptoms][value='cramps'])");
        tap("main form button[type=submit]");
        waitForPathMatching("/journal/\\d+");

        assertTrue(taps <= 5, "a typical entry took " + taps + " taps");
        String entry = find("main").getText();
        assertTrue(entry.contains("6 of 10"), entry);
        assertTrue(entry.contains("Heavy legs"), entry);
        assertTrue(entry.contains("Muscle cramps"), entry);
        assertTrue(entry.contains("Entry saved."), entry);
    }

    @Test
    void theProfileOffersTheDevicesTimeZoneAndSavesIt() {
        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride",
                Map.of("timezoneId", "Asia/Tokyo"));
        registerAndLogIn();
        open("/account");
        waitUntilVisible("[data-device-time-zone='Asia/Tokyo']");
        assertNoAccessibilityViolations();
        find("[data-device-time-zone='Asia/Tokyo']").click();
        assertEquals("Asia/Tokyo", find("#timeZone").getAttribute("value"));
        assertTrue(!isPresent("[data-device-time-zone]"), "the offer goes once taken");
        WebElement before = find("#timeZone");
        before.findElement(org.openqa.selenium.By.xpath("ancestor::form//button[@type='submit']")).click();
        // The answer is /account again, so the path alone cannot tell the new page from the old one.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        waitForPath("/account");
        assertEquals("Asia/Tokyo", find("#timeZone").getAttribute("value"), "the device's zone is saved");
        assertTrue(!isPresent("[data-device-time-zone]"), "nothing to offer once the zones agree");
    }

    /** A tap: the element must be shown and at least 24 by 24 CSS pixels (WCAG 2.2 target size, minimum). */
    private void tap(String css) {
        WebElement target = find(css);
        script("arguments[0].scrollIntoView({block: 'center'})", target);
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) script(
                "const r = arguments[0].getBoundingClientRect(); return {w: r.width, h: r.height}", target);
        assertTrue(box.get("w").doubleValue() >= 24 && box.get("h").doubleValue() >= 24,
                css + " is too small to tap: " + box);
        target.click();
        taps++;
    }

    private void assertSeverityScaleOnOneRow() {
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> boxes = (List<Map<String, Number>>) script("""
                return [...document.querySelectorAll('.severity-scale__number')].map(e => {
                  const r = e.getBoundingClientRect(); return {top: r.top, left: r.left, right: r.right};
                });""");
        assertEquals(11, boxes.size());
        double top = boxes.get(0).get("top").doubleValue();
        for (Map<String, Number> box : boxes) {
            assertEquals(top, box.get("top").doubleValue(), 1.0, "the severity scale wraps: " + boxes);
            assertTrue(box.get("right").doubleValue() <= PHONE.width, "the scale runs off the screen: " + boxes);
        }
        assertNoHorizontalScroll();
    }

    private void assertHeaderOnOneLine() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) script("""
                return [...document.querySelectorAll('.site-header .brand, .site-nav a, .site-nav button')]
                  .filter(e => e.getClientRects().length > 0)
                  .map(e => { const r = e.getBoundingClientRect();
                              return {text: e.textContent.trim(), top: r.top, bottom: r.bottom, right: r.right}; });""");
        double top = ((Number) items.get(0).get("top")).doubleValue();
        double bottom = ((Number) items.get(0).get("bottom")).doubleValue();
        for (Map<String, Object> item : items) {
            double itemTop = ((Number) item.get("top")).doubleValue();
            double itemBottom = ((Number) item.get("bottom")).doubleValue();
            // One line: every item overlaps the brand's line vertically, and none is wider than the screen.
            assertTrue(itemTop < bottom && itemBottom > top, path() + ": the header wraps at " + item + " in " + items);
            assertTrue(((Number) item.get("right")).doubleValue() <= PHONE.width, path() + ": " + item);
        }
    }

    private String URI_PATH() {
        return java.net.URI.create(browser.getCurrentUrl()).getRawPath();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
