package io.heavylegs.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.EntryValues;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /insights on journals whose answers are counted by hand in the comments here, never by the code under test.
 */
@QuarkusTest
class InsightsResourceTest {

    private static final LocalDate TODAY = LocalDate.now();

    /** Restless legs at 11 known times, cramps 9 times in the evening, and entries without a time. */
    private static TestUser patient;
    /** The same day-times, with one more evening cramp: the tenth. */
    private static TestUser tenCramps;
    /** Few timed entries. */
    private static TestUser sparse;

    /** One day with cramps at severities 2 and 7 and heavy legs alone at 9. */
    private static TestUser sameDay;

    /** 28 logged days with known factors (see {@link #factorsCompareDaysWithAndWithout}). */
    private static TestUser withFactors;

    @Inject
    JournalFixtures fixtures;

    @BeforeEach
    void seedOnce() {
        if (patient != null) {
            return;
        }
        patient = TestUser.registered();
        seedTimes(patient);
        tenCramps = TestUser.registered();
        seedTimes(tenCramps);
        add(tenCramps, 30, "20:45", 5, Symptom.CRAMPS);

        sparse = TestUser.registered();
        add(sparse, 3, "21:00", 6, Symptom.RESTLESS_LEGS);
        add(sparse, 4, "22:00", 6, Symptom.RESTLESS_LEGS);
        add(sparse, 5, null, 4, Symptom.RESTLESS_LEGS);

        sameDay = TestUser.registered();
        add(sameDay, 2, "08:00", 2, Symptom.CRAMPS);
        add(sameDay, 2, "20:00", 7, Symptom.CRAMPS, Symptom.FATIGUE);
        add(sameDay, 2, "21:00", 9, Symptom.HEAVINESS);

        withFactors = TestUser.registered();
        int[] sunlessHighs = { 6, 7, 5, 8, 6, 4, 7, 5 };
        for (int day = 1; day <= 28; day++) {
            Set<Factor> factors = EnumSet.noneOf(Factor.class);
            if (day <= 8) {
                factors.add(Factor.LOW_SUNLIGHT);
            }
            if (day >= 9 && day <= 15) {
                factors.add(Factor.LOW_FLUIDS);
            }
            if (day >= 19 && day <= 24) {
                factors.add(Factor.HEAVY_EXERCISE);
            }
            int severity = day <= 8 ? sunlessHighs[day - 1] : day <= 18 ? 2 : 4;
            Set<Symptom> symptoms = day <= 5 || (day >= 9 && day <= 12) ? Set.of(Symptom.CRAMPS) : Set.of();
            fixtures.add(withFactors, new EntryValues(TODAY.minusDays(day), null, severity, null, symptoms, factors, null));
        }
        // A lighter second entry on days 1 and 2, without factor or symptom: the day's highest stays 6 and 7.
        add(withFactors, 1, null, 2);
        add(withFactors, 2, null, 3);
        // Another user's entries with hard exercise on the same days: never counted here.
        TestUser exercising = TestUser.registered();
        for (int day = 1; day <= 10; day++) {
            fixtures.add(exercising, new EntryValues(TODAY.minusDays(day), null, 10, null, Set.of(Symptom.CRAMPS),
                    Set.of(Factor.HEAVY_EXERCISE), null));
        }

        // Another user's many morning entries, inside the same days: never counted for anyone else.
        TestUser other = TestUser.registered();
        for (int day = 1; day <= 20; day++) {
            add(other, day, "08:00", 9, Symptom.RESTLESS_LEGS, Symptom.NUMBNESS);
        }
    }

    /**
     * Restless legs, 11 timed entries: evening 18:00, 19:30, 20:00, 21:00, 22:15, 23:59 (6); night 00:30, 02:00,
     * 05:59 (3); afternoon 12:00, 17:59 (2); morning none. Evening and night together: 9 of 11. Cramps: 9 timed
     * entries, all at 21:30, and with the third and fourth restless-legs entries. Two entries without a time, and
     * one timed entry without symptoms (10:00, morning). Entries: 11 + 7 (cramps alone) + 2 + 1 = 21, timed 19.
     */
    private void seedTimes(TestUser user) {
        String[] restless = { "18:00", "19:30", "20:00", "21:00", "22:15", "23:59", "00:30", "02:00", "05:59",
                "12:00", "17:59" };
        for (int i = 0; i < restless.length; i++) {
            // The entries at 20:00 and 21:00 carry cramps too: cramps at 21:30 on 7 more.
            if (i == 2 || i == 3) {
                add(user, i + 1, restless[i], 6, Symptom.RESTLESS_LEGS, Symptom.CRAMPS);
            } else {
                add(user, i + 1, restless[i], 6, Symptom.RESTLESS_LEGS);
            }
        }
        for (int i = 0; i < 7; i++) {
            add(user, 20 + i, "21:30", 5, Symptom.CRAMPS);
        }
        add(user, 40, null, 3, Symptom.RESTLESS_LEGS);
        add(user, 41, null, 3, Symptom.CRAMPS);
        add(user, 42, "10:00", 1);
    }

    @Test
    void countsEachSymptomByPartOfTheDayAndTellsTheClearPattern() {
        Document page = page(patient, "/insights");
        assertEquals("21", page.selectFirst("[data-figure=entries]").text());
        Element restless = row(page, "restless-legs");
        assertEquals(List.of("3", "0", "2", "6", "11"), cells(restless));
        // 20:00 and 21:00 (restless legs), 7 × 21:30: evening 9.
        assertEquals(List.of("0", "0", "0", "9", "9"), cells(row(page, "cramps")));
        // All timed entries: night 3, morning 1 (10:00), afternoon 2, evening 6 + 7 = 13; 19 in all.
        assertEquals(List.of("3", "1", "2", "13", "19"), cells(row(page, "all")));

        List<String> patterns = page.select("[data-pattern]").eachText();
        assertEquals(List.of("Urge to move the legs: 9 of 11 timed entries were in the evening or at night."),
                patterns, "cramps have 9 timed entries, one short of a sentence");
        assertTrue(page.text().contains("19 of the 21 entries in these days have a time"), page.text());
    }

    @Test
    void theTenthTimedEntryOfASymptomBringsItsSentence() {
        Document page = page(tenCramps, "/insights");
        assertEquals(List.of("0", "0", "0", "10", "10"), cells(row(page, "cramps")));
        // In the contract's order of symptoms: cramps come before restless legs.
        assertEquals(List.of("Muscle cramps: 10 of 10 timed entries were in the evening.",
                "Urge to move the legs: 9 of 11 timed entries were in the evening or at night."),
                page.select("[data-pattern]").eachText());
    }

    @Test
    void withFewTimedEntriesThereIsNoSentenceButTheCountAndAnInvitation() {
        Document page = page(sparse, "/insights");
        assertTrue(page.select("[data-pattern]").isEmpty());
        String note = page.selectFirst("[data-time-of-day-note]").text();
        assertTrue(note.contains("2 of the 3 entries in these days have a time."), note);
        assertTrue(note.contains("once a symptom has 10 entries with a time"), note);
        assertTrue(note.contains("Adding the time to an entry"), note);
        assertEquals(List.of("0", "0", "0", "2", "2"), cells(row(page, "restless-legs")));
    }

    @Test
    void aRangeCountsOnlyItsOwnDays() {
        // Days 1 to 5 ago: restless legs at 18:00, 19:30, 20:00 (+ cramps), 21:00 (+ cramps), 22:15.
        Document page = page(patient, "/insights?from=" + TODAY.minusDays(5) + "&to=" + TODAY.minusDays(1));
        assertEquals("5", page.selectFirst("[data-figure=entries]").text());
        assertEquals(List.of("0", "0", "0", "5", "5"), cells(row(page, "restless-legs")));
        assertEquals(List.of("0", "0", "0", "2", "2"), cells(row(page, "cramps")));
        assertEquals(TODAY.minusDays(5).toString(), page.selectFirst("input[name=from]").val());
    }

    @Test
    void anotherUsersEntriesAreNeverCounted() {
        Document page = page(sparse, "/insights");
        assertTrue(page.select("tr[data-symptom=numbness]").isEmpty());
        assertEquals("3", page.selectFirst("[data-figure=entries]").text());
        Document fresh = page(TestUser.registered(), "/insights");
        assertTrue(fresh.text().contains("There are no entries in these days"), fresh.text());
        assertTrue(fresh.select("table").isEmpty());
    }

    @Test
    void theDefaultRangeIsTheLastNinetyDaysTodayIncluded() {
        Document page = page(sparse, "/insights");
        assertEquals(TODAY.minusDays(89).toString(), page.selectFirst("input[name=from]").val());
        assertEquals(TODAY.toString(), page.selectFirst("input[name=to]").val());
    }

    @Test
    void theCalendarShowsEachSymptomsDaysWithTheirHighestSeverity() {
        Document page = page(patient, "/insights");
        // Restless legs on days 1 to 11 ago (severity 6) and 40 ago (3); cramps on 3, 4 (6), 20 to 26 (5), 41 (3).
        Element restless = page.selectFirst("[data-calendar=restless-legs]");
        assertEquals("12", restless.selectFirst("[data-figure=calendar-days]").text());
        assertEquals("3", cell(restless, TODAY.minusDays(40)).text());
        assertEquals("s2", cell(restless, TODAY.minusDays(40)).className(), "severity 3: the second shade");
        assertEquals("6", cell(restless, TODAY.minusDays(11)).text());
        assertEquals("", cell(restless, TODAY.minusDays(12)).text());
        assertEquals("", cell(restless, TODAY.minusDays(12)).className(), "a day without the symptom has no shade");
        assertEquals(12, logged(restless).size());
        Element cramps = page.selectFirst("[data-calendar=cramps]");
        assertEquals("10", cramps.selectFirst("[data-figure=calendar-days]").text());
        assertEquals(10, logged(cramps).size());
        assertTrue(page.select("[data-calendar=numbness]").isEmpty(), "the other user's numbness is not here");
        // The days after today and before the range are outside it: no number, no shade.
        LocalDate firstShown = TODAY.minusDays(89);
        if (firstShown.getDayOfMonth() > 1) {
            assertEquals("o", cell(restless, firstShown.minusDays(1)).className());
        }
        // The first day sits in its weekday's column (1 Monday … 7 Sunday).
        Element thisMonth = restless.selectFirst("[data-month=" + YearMonth.from(TODAY) + "] .cal");
        assertTrue(thisMonth.hasClass("cal--from-" + TODAY.withDayOfMonth(1).getDayOfWeek().getValue()), thisMonth.className());
        assertEquals(TODAY.lengthOfMonth(), thisMonth.children().size());

        Element day = cell(page(sameDay, "/insights").selectFirst("[data-calendar=cramps]"), TODAY.minusDays(2));
        assertEquals("7", day.text(), "the highest of the day's entries with cramps, not the 9 without");
    }

    @Test
    void eachMonthsWordsCarryTheSameNumbersAsItsGrid() {
        Document page = page(patient, "/insights");
        Pattern pair = Pattern.compile("(\\d{1,2}) ([A-Z][a-z]+): (\\d{1,2})");
        int months = 0;
        for (Element grid : page.select(".cal[role=img]")) {
            Element words = page.getElementById(grid.attr("aria-labelledby"));
            assertTrue(words != null && words.hasAttr("data-calendar-words"), "the grid is named by its month's words");
            Element month = grid.closest("[data-month]");
            YearMonth shown = YearMonth.parse(month.attr("data-month"));
            List<String> said = new ArrayList<>();
            Matcher matcher = pair.matcher(words.text());
            while (matcher.find()) {
                said.add(matcher.group(1) + " " + matcher.group(2) + "=" + matcher.group(3));
            }
            List<String> drawn = new ArrayList<>();
            for (int d = 1; d <= shown.lengthOfMonth(); d++) {
                String number = grid.child(d - 1).text();
                if (!number.isEmpty()) {
                    drawn.add(d + " " + shown.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "=" + number);
                }
            }
            assertEquals(drawn, said, month.selectFirst("figcaption").text() + ": " + words.text());
            months++;
        }
        assertTrue(months >= 4, "at least two months for each of two symptoms: " + months);
    }

    /** The page stays small: the calendar's cells are a few bytes each (it was 330 KB for these 90 days). */
    @Test
    void theCalendarOfNinetyDailyDaysOfEverySymptomStaysSmall() {
        TestUser daily = TestUser.registered();
        Set<Symptom> all = EnumSet.of(Symptom.HEAVINESS, Symptom.FATIGUE, Symptom.CRAMPS, Symptom.RESTLESS_LEGS,
                Symptom.NUMBNESS, Symptom.TINGLING, Symptom.MUSCLE_PAIN, Symptom.TWITCHING);
        for (int day = 0; day < 90; day++) {
            fixtures.add(daily, new EntryValues(TODAY.minusDays(day), LocalTime.of(20, 0), day % 11, null, all,
                    Set.of(), null));
        }
        String html = daily.get("/insights").then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        assertEquals(8, page.select("[data-calendar]").size());
        assertEquals(8 * 90, page.select(".cal span[class^=s]").size(), "every day of every symptom is drawn");
        int bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes < 80_000, "the page is " + bytes + " bytes");
    }

    /**
     * Three entries on three days, none with a time, a symptom or a factor: each figure says, calmly and with the
     * count, why it has nothing to show, and draws nothing.
     */
    @Test
    void aJournalWithoutTimesSymptomsOrFactorsGetsACalmNoteForEachFigure() {
        TestUser plain = TestUser.registered();
        for (int day = 1; day <= 3; day++) {
            add(plain, day, null, 4);
        }
        Document page = page(plain, "/insights");
        assertEquals("3", page.selectFirst("[data-figure=entries]").text());
        String timeNote = page.selectFirst("[data-time-of-day-note]").text();
        assertTrue(timeNote.startsWith("None of the 3 entries in these days has a time."), timeNote);
        assertTrue(timeNote.contains("Adding the time to an entry"), timeNote);
        assertTrue(page.selectFirst("#calendar").text().contains("No symptoms were ticked in these days"));
        assertTrue(page.selectFirst("#factors").text().contains("No factor (such as little sunlight or hard exercise) was"
                + " ticked in these days."), page.selectFirst("#factors").text());
        assertTrue(page.select("table, svg, .cal, [data-pattern], [data-calendar], [data-factor]").isEmpty(),
                "nothing is drawn from nothing");
    }

    /** Every drawn figure says what it stands on: the entries, the timed ones, the days of each symptom and factor. */
    @Test
    void everyFigureSaysHowMuchItStandsOn() {
        Document page = page(patient, "/insights");
        assertTrue(page.selectFirst(".insights-range").text().contains("(90 days): 21 entries."),
                page.selectFirst(".insights-range").text());
        assertTrue(page.selectFirst("#time-of-day").text().contains("19 of the 21 entries in these days have a time"));
        assertEquals("Timed entries", page.select(".time-grid thead th").last().text());
        for (Element calendar : page.select("[data-calendar]")) {
            assertTrue(calendar.selectFirst("h3").text().matches(".* on \\d+ of 90 days"), calendar.selectFirst("h3").text());
        }
        Element factors = page(withFactors, "/insights").selectFirst("#factors");
        assertTrue(factors.text().contains("among the 28 days with entries"), factors.text());
    }

    /** A year: the calendar shows its last six months, says so, and counts the days it shows. */
    @Test
    void aLongRangeSaysTheCalendarShowsItsLastSixMonths() {
        LocalDate from = TODAY.minusYears(1);
        Document page = page(patient, "/insights?from=" + from + "&to=" + TODAY);
        LocalDate firstShown = YearMonth.from(TODAY).minusMonths(5).atDay(1);
        String cut = page.selectFirst("[data-calendar-cut]").text();
        assertTrue(cut.contains("the calendar shows the last 6, from "), cut);
        assertTrue(cut.contains(" " + firstShown.getDayOfMonth() + " "
                + firstShown.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + firstShown.getYear()), cut);
        long shownDays = java.time.temporal.ChronoUnit.DAYS.between(firstShown, TODAY) + 1;
        assertTrue(page.selectFirst("[data-calendar=restless-legs] h3").text().endsWith("on 12 of " + shownDays + " days"));
        assertEquals(6, page.select("[data-calendar=restless-legs] [data-month]").size());
        assertTrue(page(patient, "/insights").select("[data-calendar-cut]").isEmpty(), "90 days are shown whole");
    }

    private static Element cell(Element calendar, LocalDate date) {
        Element grid = calendar.selectFirst("[data-month=" + YearMonth.from(date) + "] .cal");
        assertTrue(grid != null, "a grid for " + YearMonth.from(date));
        return grid.child(date.getDayOfMonth() - 1);
    }

    private static List<Element> logged(Element calendar) {
        return calendar.select(".cal span").stream().filter(e -> !e.text().isEmpty()).toList();
    }

    /**
     * Days 1–8 ago: little sunlight, highest severities 6, 7, 5, 8, 6, 4, 7, 5 (sum 48, average 6.0), cramps on days
     * 1–5. Days 9–28: none of it; severity 2 on days 9–18, 4 on days 19–28 (sum 60, average 3.0); cramps on days 9–12.
     * Low fluids on days 9–15: 7 days at 2 (average 2.0), without it 21 days summing 108 − 14 = 94 (4.476: 4.5); cramps
     * with it 4 of 7 (57 %), without 5 of 21 (23.8 %: 24 %). Hard exercise on 6 days: one short, not compared.
     */
    @Test
    void factorsCompareDaysWithAndWithout() {
        Document page = page(withFactors, "/insights");
        Element sunlight = page.selectFirst("[data-factor=low-sunlight]");
        assertEquals(List.of("8", "20"), sunlight.select("tr[data-row=days] td").eachText());
        assertEquals(List.of("6.0", "3.0"), sunlight.select("tr[data-row=average] td").eachText());
        assertEquals(List.of("63 % (5 of 8)", "20 % (4 of 20)"), sunlight.select("tr[data-symptom=cramps] td").eachText());
        assertEquals("Little sunlight lately, average daily highest severity: 6.0 on the 8 logged days with it, 3.0 on "
                + "the 20 logged days without.", sunlight.selectFirst("svg").attr("aria-label"));

        Element fluids = page.selectFirst("[data-factor=low-fluids]");
        assertEquals(List.of("7", "21"), fluids.select("tr[data-row=days] td").eachText(), "7 days are enough");
        assertEquals(List.of("2.0", "4.5"), fluids.select("tr[data-row=average] td").eachText());
        assertEquals(List.of("57 % (4 of 7)", "24 % (5 of 21)"), fluids.select("tr[data-symptom=cramps] td").eachText());

        assertTrue(page.select("[data-factor=heavy-exercise]").isEmpty(), "6 days are not enough");
        assertEquals("Hard exercise or heavy sweating: 6 logged days with it and 22 logged days without. A comparison "
                + "needs at least 7 logged days of each.", page.selectFirst("[data-factor-why-not=heavy-exercise]").text());
        assertEquals("A comparison of your own entries, not proof of a cause.", page.selectFirst("[data-caveat]").text());
        assertTrue(page.select("[data-factor=vegan-diet], [data-factor-why-not=vegan-diet]").isEmpty(),
                "a factor never ticked is not listed");
    }

    @Test
    void aFactorOnAllButSixDaysIsNotComparedEither() {
        // Days 1–8 ago in a range of days 1–14: 8 with little sunlight, 6 without.
        Document page = page(withFactors, "/insights?from=" + TODAY.minusDays(14) + "&to=" + TODAY.minusDays(1));
        assertTrue(page.select("[data-factor=low-sunlight]").isEmpty());
        assertEquals("Little sunlight lately: 8 logged days with it and 6 logged days without. A comparison needs at "
                + "least 7 logged days of each.", page.selectFirst("[data-factor-why-not=low-sunlight]").text());
    }

    @Test
    void aRefusedRangeIsA400WithTheMessageNextToItsFieldAndTheTypedText() {
        assertRefused("/insights?from=2026-02-30", "from", "There is no such day as 2026-02-30");
        assertRefused("/insights?from=2026-03-10&to=2026-03-01", "to", "The end date is before the start date");
        assertRefused("/insights?from=2020-01-01&to=2024-01-02", "from", "The insights can cover at most 3 years");
        assertRefused("/insights?to=soon", "to", "Enter the date as YYYY-MM-DD");
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        String location = TestUser.anonymous().get("/insights").then().statusCode(302).extract().header("Location");
        assertTrue(location.endsWith("/login"), location);
    }

    private void assertRefused(String path, String field, String message) {
        String html = patient.get(path).then().statusCode(400).extract().asString();
        Document page = Jsoup.parse(html);
        Element error = page.selectFirst("[data-error-for=" + field + "]");
        assertTrue(error != null && error.text().contains(message), path + ": " + (error == null ? html : error.text()));
        String typed = path.replaceAll(".*[?&]" + field + "=([^&]*).*", "$1");
        assertEquals(typed, page.selectFirst("input[name=" + field + "]").val());
        assertFalse(page.select("#time-of-day").size() > 0);
    }

    private static Document page(TestUser user, String path) {
        return Jsoup.parse(user.get(path).then().statusCode(200).extract().asString());
    }

    private static Element row(Document page, String symptom) {
        Element row = page.selectFirst("tr[data-symptom=" + symptom + "]");
        assertTrue(row != null, "a row for " + symptom);
        return row;
    }

    private static List<String> cells(Element row) {
        return row.select("td").eachText();
    }

    private void add(TestUser user, int daysAgo, String time, int severity, Symptom... symptoms) {
        fixtures.add(user, new EntryValues(TODAY.minusDays(daysAgo), time == null ? null : LocalTime.parse(time),
                severity, null, Set.of(symptoms), Set.<Factor>of(), null));
    }
}
