package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.EntryValues;
import io.heavylegs.journal.JournalFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** The insights and the journal's chart in a real browser: accessible, light and dark, legible on a phone. */
@QuarkusTest
class InsightsBrowserTest extends BrowserTest {

    /** The smallest text of the page's drawings in CSS pixels, after the SVG's scaling. */
    private static final String SMALLEST_SVG_TEXT = """
            let smallest = 1000;
            for (const text of document.querySelectorAll('main svg text')) {
              const svg = text.ownerSVGElement;
              const box = svg.viewBox.baseVal;
              const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
              smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
            }
            return smallest;
            """;

    @Inject
    JournalFixtures fixtures;

    @Test
    void theInsightsAndTheChartAreAccessibleInLightAndDark() {
        String email = registerAndLogIn();
        seed(email);
        open("/insights");
        assertTrue(isPresent("[data-pattern]"), "the seeded evenings make a sentence");
        assertTrue(isPresent("[data-factor=low-sunlight]"));
        assertTrue(isPresent("[data-calendar=restless-legs]"));
        assertNoAccessibilityViolations();
        useDarkMode();
        assertNoAccessibilityViolations();
        open("/journal");
        assertTrue(isPresent("[data-red-flag]"));
        assertNoAccessibilityViolations();
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndEveryLabelIsAtLeast12Pixels() {
        String email = registerAndLogIn();
        seed(email);
        usePhoneSize();
        for (String path : new String[] { "/insights", "/journal", "/insights?from=2026-02-30" }) {
            open(path);
            assertNoHorizontalScroll();
            double smallest = ((Number) script(SMALLEST_SVG_TEXT)).doubleValue();
            assertTrue(smallest >= 12, path + ": the smallest label is " + smallest + " px");
        }
        open("/insights?from=2026-02-30");
        assertNoAccessibilityViolations();
    }

    /**
     * Six weeks: restless legs every evening at 21:00, cramps every other night at 02:00, little sunlight on the first
     * ten days, chest pain once (a red flag on the chart).
     */
    private void seed(String email) {
        LocalDate today = LocalDate.now();
        for (int day = 1; day <= 42; day++) {
            Set<Factor> factors = day <= 10 ? Set.of(Factor.LOW_SUNLIGHT) : Set.of();
            fixtures.add(email, new EntryValues(today.minusDays(day), LocalTime.of(21, 0), day % 4 + 3, null,
                    EnumSet.of(Symptom.RESTLESS_LEGS, Symptom.HEAVINESS), factors, null));
            if (day % 2 == 0) {
                fixtures.add(email, new EntryValues(today.minusDays(day), LocalTime.of(2, 0), 6, null,
                        EnumSet.of(Symptom.CRAMPS), Set.of(), null));
            }
        }
        fixtures.add(email, new EntryValues(today.minusDays(2), null, 8, null, EnumSet.of(Symptom.CHEST_PAIN),
                Set.of(), null));
    }
}
