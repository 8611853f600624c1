package io.heavylegs.insights;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.heavylegs.treatment.TreatmentKind;
import io.heavylegs.treatment.TreatmentService;
import io.heavylegs.treatment.TreatmentValues;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /insights shows each treatment's before and after from {@link TreatmentEffects} (whose numbers
 * TreatmentEffectsTest works out by hand); the figures here are counted by hand from the seed too.
 */
@QuarkusTest
class InsightsTreatmentsTest {

    @Inject
    TreatmentService treatments;

    @Inject
    JournalFixtures journal;

    @Test
    void aTreatmentWithEnoughDaysOnEachSideIsComparedWithItsCaveat() {
        TestUser user = TestUser.registered();
        LocalDate start = LocalDate.now().minusDays(60);
        treatments.create(journal.ownerId(user),
                new TreatmentValues(TreatmentKind.SUPPLEMENT, "Vitamin B12", "1000 µg a day", start, null, null));
        // Before (the 28 days before the start): tingling at 6 on the 10 days from 20 days before.
        for (int d = 0; d < 10; d++) {
            journal.add(user, start.minusDays(20).plusDays(d), 6, Symptom.TINGLING);
        }
        // After (from day 8): severity 2 on 8 days, tingling on the first two of them.
        for (int d = 0; d < 8; d++) {
            if (d < 2) {
                journal.add(user, start.plusDays(7 + d), 2, Symptom.TINGLING);
            } else {
                journal.add(user, start.plusDays(7 + d), 2);
            }
        }
        user.get("/insights").then().statusCode(200)
                .body(containsString("Treatments: before and after"))
                .body(containsString("Vitamin B12"))
                .body(containsString("10 of 28"))
                .body(containsString("8 of 28"))
                .body(containsString("6.0"))
                .body(containsString("2.0"))
                .body(containsString("100 % <span class=\"muted\">(10 of 10)</span>"))
                .body(containsString("25 % <span class=\"muted\">(2 of 8)</span>"))
                .body(containsString(TreatmentEffects.CAVEAT));
    }

    @Test
    void tooFewLoggedDaysGiveNoFiguresButSaySo() {
        TestUser user = TestUser.registered();
        LocalDate start = LocalDate.now().minusDays(60);
        treatments.create(journal.ownerId(user),
                new TreatmentValues(TreatmentKind.MEDICINE, "Iron tablets", "", start, null, null));
        for (int d = 0; d < 6; d++) {
            journal.add(user, start.minusDays(10).plusDays(d), 5, Symptom.FATIGUE);
            journal.add(user, start.plusDays(10 + d), 3, Symptom.FATIGUE);
        }
        user.get("/insights").then().statusCode(200)
                .body(containsString("Iron tablets"))
                .body(containsString("Not enough entries to compare: 6 days with entries"))
                .body(not(containsString("data-row=\"average\"")));
    }

    @Test
    void withoutTreatmentsThePagePointsToThem() {
        TestUser.registered().get("/insights").then().statusCode(200)
                .body(containsString("No supplement or medicine is recorded yet"))
                .body(containsString("href=\"/treatments\""));
    }
}
