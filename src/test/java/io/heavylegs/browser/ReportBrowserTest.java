package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

/** The whole way to the doctor: an entry, its mark and article, the report for the range, its PDF, log out. */
@QuarkusTest
class ReportBrowserTest extends BrowserTest {

    @Test
    void fromAnEntryWithNumbnessAndTinglingToTheDoctorReportAndItsPdf() throws Exception {
        registerAndLogIn();
        addEntry(LocalDate.now().minusDays(1), 4, "numbness", "tingling");

        WebElement mark = find("[data-mark='vitamin-b12']");
        assertTrue(mark.getText().toLowerCase().contains("numbness"), "the mark gives its reason");
        mark.findElement(By.cssSelector("a[href='/articles/vitamin-b12-deficiency']")).click();
        waitForPath("/articles/vitamin-b12-deficiency");

        open("/report?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now());
        assertTrue(find("main").getText().toLowerCase().contains("numbness"), "the report lists the entry");
        assertTrue(isPresent("main [data-mark='vitamin-b12']"), "the report shows the entry's mark");
        assertNoAccessibilityViolations();

        HttpResponse<byte[]> pdf = downloadWithTheBrowsersCookies(find("a[href^='/report.pdf']").getAttribute("href"));
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

        find("form[action='/logout'] button").click();
        waitForPath("/");
        open("/report");
        waitForPath("/login");
    }

    @Test
    void theReportIsAccessibleInDarkModeAndFitsAPhone() {
        registerAndLogIn();
        addEntry(LocalDate.now(), 6, "cramps", "twitching", "chest-pain");
        open("/report");
        useDarkMode();
        assertNoAccessibilityViolations();
        usePhoneSize();
        open("/report");
        assertNoHorizontalScroll();
    }

    /**
     * The summary and the appendix on a 375 px phone: nothing wider than the screen, each table row a card, a date
     * never broken over lines, and axe clean in light mode at that width too.
     */
    @Test
    void onAPhoneTheReportReadsTopToBottomInCards() throws Exception {
        registerAndLogIn();
        addEntry(LocalDate.now().minusDays(2), 8, "swelling", "warm-red-skin", "calf-pain-walking");
        open("/journal/new");
        find("input[name=severity][value='5']").click();
        find("input[name=symptoms][value='numbness']").click();
        find("input[name=symptoms][value='tingling']").click();
        find("input[name=side][value='left']").click();
        find("#notes").sendKeys("Pins and needles from the left knee down to the toes after the long drive to my "
                + "sister's, lasted most of the evening; better after a warm bath and an early night.");
        find("main form button[type=submit]").click();
        waitForPathMatching("/journal/\\d+");
        addTreatment("Vitamin B12", "1000 µg a day", LocalDate.now().minusDays(10));
        addResult("vitamin-b12", "150", "ng/L", "180", "900", LocalDate.now().minusDays(1));
        addResult("ferritin", "48", "µg/L", "30", "400", LocalDate.now().minusDays(20));

        open("/report");
        screenshot("report-desktop");
        usePhoneSize();
        open("/report");
        screenshot("report-phone");
        assertNoHorizontalScroll();
        assertNoAccessibilityViolations();
        assertEquals("below", script("return document.querySelector(\"[data-section='results'] tr[data-result='Vitamin B12']\")"
                + ".getAttribute('data-position')"), "the latest B12 in the lab's words");
        assertEquals("block", script("return getComputedStyle(document.querySelector('.report-results tr')).display"),
                "result rows are stacked cards too");
        assertTrue(isPresent("figure.severity-chart rect[data-result-day]"), "the result on the chart");
        assertTrue(isPresent("[data-section='red-flags'] [data-mark='see-doctor']"), "the red flag is shown");
        assertEquals("block", script("return getComputedStyle(document.querySelector('.report-entries tr')).display"),
                "entry rows are stacked cards");
        assertEquals("none", script("return getComputedStyle(document.querySelector('.report-entries thead'))"
                + ".position === 'absolute' ? 'none' : 'shown'"), "the column heads give way to each cell's label");
        Number brokenDates = (Number) script("return [...document.querySelectorAll('.report-date')]"
                + ".filter(d => d.getClientRects().length > 1).length");
        assertEquals(0, brokenDates.intValue(), "no date is broken over two lines");
        // the summary reads before the entries, top to bottom
        Number flags = (Number) script("return document.querySelector(\"[data-section='red-flags']\").getBoundingClientRect().top");
        Number entries = (Number) script("return document.querySelector(\"[data-section='entries']\").getBoundingClientRect().top");
        assertTrue(flags.doubleValue() < entries.doubleValue());
        Number height = (Number) script("return document.documentElement.scrollHeight");
        assertTrue(height.intValue() < 6000, "two entries should not make a long page: " + height + " px");
    }

    private void addTreatment(String name, String dose, LocalDate started) {
        open("/treatments/new");
        find("input[name=kind][value=supplement]").click();
        find("#name").sendKeys(name);
        find("#dose").sendKeys(dose);
        script("document.querySelector('input[name=started]').value = arguments[0]", started.toString());
        find("main form button[type=submit]").click();
        waitForPath("/treatments");
    }

    private void addResult(String test, String value, String unit, String low, String high, LocalDate date) {
        open("/labs/new");
        script("document.getElementById('test').value = arguments[0]", test);
        find("#value").sendKeys(value);
        find("#unit").sendKeys(unit);
        find("#low").sendKeys(low);
        find("#high").sendKeys(high);
        script("document.querySelector('input[name=date]').value = arguments[0]", date.toString());
        find("main form button[type=submit]").click();
        waitForPath("/labs");
    }

    /** The whole page as a PNG in target/report-dump, to look at the report as a doctor would. */
    private void screenshot(String name) throws java.io.IOException {
        if (!Boolean.getBoolean("report.dump")) {
            return;
        }
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        org.openqa.selenium.Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(size.width, (int) Math.min(height + 140, 8000)));
        java.nio.file.Path dir = java.nio.file.Path.of("target", "report-dump");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        browser.manage().window().setSize(size);
    }

    /** The PDF as the browser would download it: same session cookies, plain HTTP. */
    private HttpResponse<byte[]> downloadWithTheBrowsersCookies(String url) throws Exception {
        String cookies = browser.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
