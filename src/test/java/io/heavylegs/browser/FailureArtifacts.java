package io.heavylegs.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * When a browser test fails, keeps what the browser showed: a screenshot and the page source, named after the
 * test, under target/browser-failures/. Runs before @AfterEach, while the browser is still open.
 */
public class FailureArtifacts implements AfterTestExecutionCallback {

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()
                || !(context.getTestInstance().orElse(null) instanceof BrowserTest test)
                || test.browser == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        save(test.browser, name);
    }

    static void save(WebDriver browser, String name) {
        Path folder = Path.of(System.getProperty("browser-tests.failures-dir", "target/browser-failures"));
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"),
                    "<!-- " + browser.getCurrentUrl() + " -->\n" + browser.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("Browser test failed: screenshot and page source in " + folder.toAbsolutePath()
                    + "/" + name + ".{png,html}");
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the browser's state for " + name + ": " + e);
        }
    }
}
