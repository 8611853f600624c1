package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

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

    /** The smallest text of the calendar's grids (their day numbers are generated content) in CSS pixels. */
    private static final String SMALLEST_CALENDAR_TEXT = """
            let smallest = 1000;
            for (const cell of document.querySelectorAll('.cal span, .cal-month__weekdays span')) {
              smallest = Math.min(smallest, parseFloat(getComputedStyle(cell).fontSize));
              const number = getComputedStyle(cell, '::before');
              if (number.content !== 'none') {
                smallest = Math.min(smallest, parseFloat(number.fontSize));
              }
            }
            return smallest;
            """;

    /** Every visible item of the header: its text, and where it is. */
    private static final String HEADER_ITEMS = """
            return [...document.querySelectorAll('.site-header .brand, .site-nav a, .site-nav button')]
              .filter(e => e.getClientRects().length > 0)
              .map(e => { const r = e.getBoundingClientRect();
                          return {text: e.textContent.trim(), top: r.top, bottom: r.bottom, right: r.right}; });""";

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
        open("/insights");
        assertTrue(isPresent(".cal span.s3"), "the calendar is drawn");
        double calendar = ((Number) script(SMALLEST_CALENDAR_TEXT)).doubleValue();
        assertTrue(calendar >= 12, "the calendar's smallest number is " + calendar + " px");
        // A month is seven columns side by side on the phone, inside the screen.
        Number gridRight = (Number) script("return Math.max(...[...document.querySelectorAll('.cal')]"
                + ".map(g => g.getBoundingClientRect().right))");
        assertTrue(gridRight.doubleValue() <= PHONE.width, "a month grid ends at " + gridRight + " px");
        open("/insights?from=2026-02-30");
        assertNoAccessibilityViolations();
    }

    /**
     * The insights are one click from the header where it has room, and beside the journal's chart on a phone, whose
     * header stays on one line without them.
     */
    @Test
    void theInsightsAreFoundInTheHeaderOnWideScreensAndBesideTheChartOnAPhone() {
        registerAndLogIn();
        assertTrue(find(".site-nav a[href='/insights']").isDisplayed(), "in the header at " + DESKTOP.width + " px");
        assertHeaderOnOneLine(DESKTOP.width);
        find(".site-nav a[href='/insights']").click();
        waitForPath("/insights");

        // The narrowest width that shows it: the line still holds every item.
        browser.manage().window().setSize(new Dimension(800, 900));
        int narrowest = ((Number) script("return window.innerWidth")).intValue();
        open("/journal");
        assertTrue(find(".site-nav a[href='/insights']").isDisplayed(), "in the header at " + narrowest + " px");
        assertHeaderOnOneLine(narrowest);
        browser.manage().window().setSize(new Dimension(700, 900));
        open("/journal");
        assertFalse(find(".site-nav a[href='/insights']").isDisplayed(), "a narrow tablet's header has no room for it");
        assertHeaderOnOneLine(((Number) script("return window.innerWidth")).intValue());

        usePhoneSize();
        open("/journal");
        assertFalse(find(".site-nav a[href='/insights']").isDisplayed(), "the phone's header has no room for it");
        assertHeaderOnOneLine(PHONE.width);
        assertNoHorizontalScroll();
        find(".journal-trend__more a[href='/insights']").click();
        waitForPath("/insights");
        assertNoHorizontalScroll();
        assertHeaderOnOneLine(PHONE.width);
    }

    private void assertHeaderOnOneLine(int width) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) script(HEADER_ITEMS);
        double top = ((Number) items.get(0).get("top")).doubleValue();
        double bottom = ((Number) items.get(0).get("bottom")).doubleValue();
        for (Map<String, Object> item : items) {
            double itemTop = ((Number) item.get("top")).doubleValue();
            double itemBottom = ((Number) item.get("bottom")).doubleValue();
            // One line: every item overlaps the brand's line vertically, and none runs off the screen.
            assertTrue(itemTop < bottom && itemBottom > top, path() + ": the header wraps at " + item + " in " + items);
            assertTrue(((Number) item.get("right")).doubleValue() <= width, path() + ": " + item);
        }
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
