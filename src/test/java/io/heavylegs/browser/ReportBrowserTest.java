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

    /** The PDF as the browser would download it: same session cookies, plain HTTP. */
    private HttpResponse<byte[]> downloadWithTheBrowsersCookies(String url) throws Exception {
        String cookies = browser.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
