package io.heavylegs.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver, both given by path so that Selenium Manager never runs
 * and nothing is ever downloaded. Each browser gets a fresh profile, so no cookie or cache leaks between tests.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("browser-tests.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("browser-tests.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /**
     * Skips the calling test when Chromium is not installed, so that a machine with only a JDK still builds;
     * under CI=true a missing browser is a failure instead, because there the browser tests must run.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        requireOrSkip(installed, "Browser tests need " + BROWSER + " and " + DRIVER
                + " (Debian packages chromium and chromium-driver)");
    }

    /** Skips the test, or fails it under CI=true, when {@code present} is false. */
    static void requireOrSkip(boolean present, String what) {
        if (runningInCi()) {
            Assertions.assertTrue(present, what + ": missing, and CI=true requires it");
        } else {
            if (!present && !skipAnnounced) {
                skipAnnounced = true;
                System.err.println("SKIPPING browser tests: " + what + " is missing (set CI=true to fail instead)");
            }
            Assumptions.assumeTrue(present, what + ": missing, so this browser test is skipped");
        }
    }

    private static boolean skipAnnounced;

    static boolean runningInCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** A running browser and its throwaway profile folder, both gone after {@link #close()}. */
    record Session(ChromeDriver driver, Path profile) implements AutoCloseable {
        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                deleteRecursively(profile);
            }
        }
    }

    static Session start(int width, int height) {
        // Belt and braces: should anything in Selenium look the driver up, it finds this path and stops there.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic",
                "--window-size=" + width + "," + height);
        Path profile = freshProfile();
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Session(driver, profile);
    }

    private static void deleteRecursively(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless; the test result is what matters.
        }
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("heavylegs-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a Chromium profile folder", e);
        }
    }
}
