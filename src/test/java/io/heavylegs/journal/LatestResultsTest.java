package io.heavylegs.journal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.labs.LabService;
import io.heavylegs.labs.LabTest;
import io.heavylegs.labs.LabValues;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

/** The entry page's line under a deficiency mark: the user's latest related result, or the article to read. */
@QuarkusTest
class LatestResultsTest {

    @Inject
    JournalFixtures fixtures;

    @Inject
    LabService labs;

    private void result(TestUser user, LabTest test, String value, String unit, String low, String high,
            LocalDate date) {
        labs.create(fixtures.ownerId(user), new LabValues(test, null, new BigDecimal(value), unit,
                low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high), date, null));
    }

    private long ironEntry(TestUser user) {
        return fixtures.add(user, new EntryValues(LocalDate.of(2026, 10, 20), null, 6, null,
                Set.of(Symptom.PALE_SKIN, Symptom.FATIGUE), Set.of(Factor.HEAVY_PERIODS), null)).id;
    }

    @Test
    void namesTheLatestRelatedResultInTheLabsWords() {
        TestUser user = TestUser.registered();
        result(user, LabTest.HAEMOGLOBIN, "118", "g/L", "120", "150", LocalDate.of(2026, 9, 1));
        result(user, LabTest.FERRITIN, "12", "µg/L", "30", "400", LocalDate.of(2026, 10, 2));
        result(user, LabTest.VITAMIN_B12, "150", "ng/L", "180", "900", LocalDate.of(2026, 11, 1));
        long id = ironEntry(user);
        // Another user's newer ferritin never shows.
        TestUser other = TestUser.registered();
        result(other, LabTest.FERRITIN, "500", "µg/L", "30", "400", LocalDate.of(2026, 11, 5));

        user.get("/journal/" + id).then().statusCode(200)
                .body(containsString("data-mark=\"iron\""))
                .body(containsString("data-latest-result=\"ferritin\""))
                .body(containsString("Your ferritin on 2 Oct 2026 was 12 µg/L \u2014 below the range your lab printed "
                        + "(30\u2013400 µg/L)"))
                .body(not(containsString("500 µg/L")))
                .body(not(containsString("Your B12")));
    }

    @Test
    void withoutAResultPointsToTheTestsSectionOfTheBloodTestsArticle() {
        TestUser user = TestUser.registered();
        long iron = ironEntry(user);
        long b12 = fixtures.add(user, new EntryValues(LocalDate.of(2026, 10, 21), null, 5, null,
                Set.of(Symptom.TINGLING, Symptom.NUMBNESS), Set.of(), null)).id;
        result(user, LabTest.MAGNESIUM, "0.8", "mmol/L", null, null, LocalDate.of(2026, 10, 1));

        user.get("/journal/" + iron).then()
                .body(containsString("data-latest-result=\"none\""))
                .body(containsString("You have not recorded a ferritin or haemoglobin result."))
                .body(containsString("href=\"/articles/blood-tests#ferritin-and-iron-studies\""));
        user.get("/journal/" + b12).then()
                .body(containsString("You have not recorded a B12, active B12 or folate result."))
                .body(containsString("href=\"/articles/blood-tests#vitamin-b12-and-active-b12\""));
    }

    @Test
    void withoutARangeTheLineGivesTheValueOnly() {
        TestUser user = TestUser.registered();
        result(user, LabTest.MAGNESIUM, "0.8", "mmol/L", null, null, LocalDate.of(2026, 10, 1));
        long id = fixtures.add(user, new EntryValues(LocalDate.of(2026, 10, 21), null, 5, null,
                Set.of(Symptom.CRAMPS, Symptom.TWITCHING), Set.of(), null)).id;
        user.get("/journal/" + id).then()
                .body(containsString("Your magnesium on 1 Oct 2026 was 0.8 mmol/L. "))
                .body(not(containsString("the range your lab printed")));
    }

    @Test
    void everyTestsSectionExistsInTheBloodTestsArticle() {
        String article = TestUser.anonymous().get("/articles/blood-tests").then().statusCode(200).extract().asString();
        for (LabTest test : List.of(LabTest.values())) {
            if (test.articleAnchor != null) {
                assertTrue(article.contains("id=\"" + test.articleAnchor + "\""), test + " → #" + test.articleAnchor);
            }
        }
    }
}
