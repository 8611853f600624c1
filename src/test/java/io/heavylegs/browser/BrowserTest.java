package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Base of the tests that drive a real Chromium against the running test application: a fresh browser (and
 * profile) per test, at desktop size, skipped without Chromium (failed under CI=true), and a screenshot plus page
 * source under target/browser-failures/ when a test fails.
 */
@ExtendWith(FailureArtifacts.class)
public abstract class BrowserTest {

    protected static final String PASSWORD = "a calm walk by the river";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(375, 812);

    @TestHTTPResource
    URL root;

    WebDriver browser;
    private Chromium.Session session;

    @BeforeEach
    void openBrowser() {
        Chromium.assumeInstalled();
        session = Chromium.start(DESKTOP.width, DESKTOP.height);
        browser = session.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (session != null) {
            session.close();
        }
    }

    /** Goes to a path of the application, e.g. {@code open("/articles?q=iron")}. */
    protected void open(String path) {
        browser.get(URI.create(root.toString()).resolve(path).toString());
    }

    protected String path() {
        URI current = URI.create(browser.getCurrentUrl());
        return current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected boolean isPresent(String css) {
        return !browser.findElements(By.cssSelector(css)).isEmpty();
    }

    protected void waitForPath(String expectedPath) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> URI.create(driver.getCurrentUrl()).getRawPath().equals(expectedPath));
    }

    protected void waitForPathStartingWith(String prefix) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> URI.create(driver.getCurrentUrl()).getRawPath().startsWith(prefix));
    }

    protected void waitForPathMatching(String regex) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> URI.create(driver.getCurrentUrl()).getRawPath().matches(regex));
    }

    protected void waitUntilVisible(String css) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Registers a new account through the form, then logs in through the login page; ends on the journal. */
    protected String registerAndLogIn() {
        String email = "browser-" + UUID.randomUUID() + "@example.org";
        open("/register");
        find("#email").sendKeys(email);
        find("#password").sendKeys(PASSWORD);
        find("#confirmPassword").sendKeys(PASSWORD);
        find("main form button[type=submit]").click();
        waitForPath("/login");
        logIn(email, PASSWORD);
        waitForPath("/journal");
        return email;
    }

    protected void logIn(String email, String password) {
        find("#j_username").sendKeys(email);
        find("#j_password").sendKeys(password);
        find("main form button[type=submit]").click();
    }

    /** Writes an entry through the form with the mouse, the way most users will; ends on the entry's page. */
    protected void addEntry(LocalDate date, int severity, String... symptoms) {
        open("/journal/new");
        script("document.querySelector('input[name=date]').value = arguments[0]", date.toString());
        // The radio itself lies, transparent, over its number: it is what a finger or a mouse hits.
        find("input[name=severity][value='" + severity + "']").click();
        for (String symptom : symptoms) {
            find("input[name=symptoms][value='" + symptom + "']").click();
        }
        find("main form button[type=submit]").click();
        waitForPathMatching("/journal/\\d+");
    }

    protected void assertNoAccessibilityViolations() {
        Axe.assertNoViolations(browser);
    }

    /** Renders the pages as for a user whose system is set to dark mode (prefers-color-scheme: dark). */
    protected void useDarkMode() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertEquals(Boolean.TRUE, script("return matchMedia('(prefers-color-scheme: dark)').matches"));
    }

    protected void usePhoneSize() {
        browser.manage().window().setSize(PHONE);
        assertEquals(PHONE.width, ((Number) script("return window.innerWidth")).intValue(),
                "the viewport should be as wide as the phone");
    }

    /** What a phone user notices at once: a page wider than the screen, which must then be scrolled sideways. */
    protected void assertNoHorizontalScroll() {
        long scrollWidth = ((Number) script("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) script("return window.innerWidth")).longValue();
        assertTrue(scrollWidth <= viewport, path() + " scrolls sideways: " + scrollWidth + "px of content in a "
                + viewport + "px wide window; widest elements: " + script(WIDEST_ELEMENTS));
    }

    /**
     * As {@link #assertNoHorizontalScroll}, against the layout viewport without its scrollbar
     * ({@code documentElement.clientWidth}): content under a vertical scrollbar is cut off too.
     */
    protected void assertNothingWiderThanTheScreen() {
        long scrollWidth = ((Number) script("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) script("return document.documentElement.clientWidth")).longValue();
        assertTrue(scrollWidth <= clientWidth, path() + " is wider than the screen: " + scrollWidth + "px of content, "
                + clientWidth + "px to show it in; widest elements: " + script(WIDEST_ELEMENTS));
    }

    protected Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(js, arguments);
    }

    private static final String WIDEST_ELEMENTS = """
            return [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
              .slice(0, 5)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
              .join(', ');
            """;
}
