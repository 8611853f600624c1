package io.heavylegs.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, brought in by the build (the pinned npm tarball unpacked into target/, see pom.xml), run inside the
 * page for the WCAG 2.1 A and AA rules. WebDriver injects the script itself, so the page's strict CSP does not
 * block it, and nothing is ever added to the application.
 */
final class Axe {

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(results => done({violations: results.violations.map(v => ({
                     id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                     nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
                   }))}))
               .catch(error => done({error: String(error)}));
            """;

    private Axe() {
    }

    static Path script() {
        return Path.of(System.getProperty("browser-tests.axe-script", "target/axe-core/package/axe.min.js"));
    }

    static void assumeAvailable() {
        Chromium.requireOrSkip(Files.isReadable(script()), "axe-core at " + script()
                + " (downloaded by the build in generate-test-resources)");
    }

    /** Fails with one readable line per violation and element when the current page breaks a WCAG 2.1 A/AA rule. */
    static void assertNoViolations(WebDriver driver) {
        assumeAvailable();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(source());
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(RUN);
        if (result.containsKey("error")) {
            Assertions.fail("axe-core could not run on " + driver.getCurrentUrl() + ": " + result.get("error"));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        if (!violations.isEmpty()) {
            Assertions.fail(violations.size() + " accessibility violation(s) on " + driver.getCurrentUrl() + ":\n"
                    + violations.stream().map(Axe::describe).collect(Collectors.joining("\n")));
        }
    }

    @SuppressWarnings("unchecked")
    private static String describe(Map<String, Object> violation) {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) violation.get("nodes");
        return "- " + violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
                + " <" + violation.get("helpUrl") + ">\n"
                + nodes.stream()
                        .map(node -> "    at " + node.get("target") + "\n      "
                                + String.valueOf(node.get("summary")).replace("\n", "\n      "))
                        .collect(Collectors.joining("\n"));
    }

    private static String cached;

    private static synchronized String source() {
        if (cached == null) {
            try {
                cached = Files.readString(script());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + script(), e);
            }
        }
        return cached;
    }
}
