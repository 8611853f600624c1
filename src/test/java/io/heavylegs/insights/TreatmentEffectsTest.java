package io.heavylegs.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.heavylegs.treatment.TreatmentKind;
import io.heavylegs.treatment.TreatmentService;
import io.heavylegs.treatment.TreatmentValues;
import io.quarkus.test.junit.QuarkusTest;

/** The before/after figures on a seeded journal whose numbers are worked out by hand below. */
@QuarkusTest
class TreatmentEffectsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Inject
    TreatmentEffects effects;

    @Inject
    TreatmentService treatments;

    @Inject
    JournalFixtures journal;

    private long start(TestUser user, String name, LocalDate started, LocalDate stopped) {
        return treatments.create(journal.ownerId(user),
                new TreatmentValues(TreatmentKind.SUPPLEMENT, name, "1000 µg a day", started, stopped, null)).id;
    }

    @Test
    void comparesTheFourWeeksBeforeWithTheFourWeeksFromDayEight() {
        TestUser user = TestUser.registered();
        LocalDate start = LocalDate.of(2026, 9, 3);
        start(user, "Vitamin B12", start, null);
        // Before: 2026-08-06 .. 2026-09-02. Ten days with entries, 2026-08-10 .. 2026-08-19, severity 6 with
        // tingling; numbness on the first five; on 2026-08-10 a second entry of severity 8 (that day's highest).
        for (int d = 0; d < 10; d++) {
            LocalDate day = LocalDate.of(2026, 8, 10).plusDays(d);
            if (d < 5) {
                journal.add(user, day, 6, Symptom.TINGLING, Symptom.NUMBNESS);
            } else {
                journal.add(user, day, 6, Symptom.TINGLING);
            }
        }
        journal.add(user, LocalDate.of(2026, 8, 10), 8, Symptom.TINGLING);
        // The first week (2026-09-03 .. 2026-09-09) is left out, and so is the day before the before side.
        journal.add(user, LocalDate.of(2026, 9, 5), 10, Symptom.TINGLING, Symptom.BALANCE);
        journal.add(user, LocalDate.of(2026, 8, 5), 10, Symptom.BALANCE);
        // After: 2026-09-10 .. 2026-10-07. Eight days with entries from 2026-09-10, severity 3; tingling on two.
        for (int d = 0; d < 8; d++) {
            LocalDate day = LocalDate.of(2026, 9, 10).plusDays(d);
            if (d < 2) {
                journal.add(user, day, 3, Symptom.TINGLING);
            } else {
                journal.add(user, day, 3);
            }
        }
        journal.add(user, LocalDate.of(2026, 10, 8), 10, Symptom.BALANCE);
        // Someone else's bad days in the same weeks count for nothing here.
        TestUser other = TestUser.registered();
        journal.add(other, LocalDate.of(2026, 9, 12), 10, Symptom.TINGLING);
        journal.add(other, LocalDate.of(2026, 8, 12), 0);

        TreatmentEffects.Result result = effects.forOwner(journal.ownerId(user), TODAY);
        assertEquals(1, result.effects().size());
        assertTrue(result.notYet().isEmpty());
        TreatmentEffects.Effect effect = result.effects().get(0);
        assertTrue(effect.isComparable());
        assertNull(effect.refusal());
        assertEquals(MarkCode.VITAMIN_B12, effect.pattern());
        assertEquals(LocalDate.of(2026, 8, 6), effect.before().from());
        assertEquals(LocalDate.of(2026, 9, 2), effect.before().to());
        assertEquals(LocalDate.of(2026, 9, 10), effect.after().from());
        assertEquals(LocalDate.of(2026, 10, 7), effect.after().to());
        assertEquals(28, effect.before().calendarDays());
        assertEquals(28, effect.after().calendarDays());
        assertEquals(10, effect.before().loggedDays());
        assertEquals(8, effect.after().loggedDays());
        // (8 + 9 × 6) / 10 = 6.2; 8 × 3 / 8 = 3.0
        assertEquals(6.2, effect.before().averageHighest(), 1e-9);
        assertEquals("6.2", effect.before().averageText());
        assertEquals(3.0, effect.after().averageHighest(), 1e-9);

        TreatmentEffects.SymptomShare tingling = share(effect, Symptom.TINGLING);
        assertEquals(10, tingling.daysBefore());
        assertEquals(100, tingling.percentBefore());
        assertEquals(2, tingling.daysAfter());
        assertEquals(25, tingling.percentAfter());
        TreatmentEffects.SymptomShare numbness = share(effect, Symptom.NUMBNESS);
        assertEquals(5, numbness.daysBefore());
        assertEquals(50, numbness.percentBefore());
        assertEquals(0, numbness.daysAfter());
        TreatmentEffects.SymptomShare balance = share(effect, Symptom.BALANCE);
        assertEquals(0, balance.daysBefore(), "2026-08-05 is outside the before side");
        assertEquals(0, balance.daysAfter(), "the first week and 2026-10-08 are outside the after side");
        // The B12 pattern's symptoms: numbness, tingling, balance, fatigue, weakness, heaviness.
        assertEquals(6, effect.symptoms().size());
        assertFalse(effect.symptoms().stream().anyMatch(s -> s.symptom() == Symptom.CRAMPS));
        assertEquals(Symptom.TINGLING, effect.symptoms().get(0).symptom(), "the most frequent first");
        assertEquals("This compares your own entries; it does not show that the treatment caused the change.",
                effect.caveat());
    }

    @Test
    void refusesAClaimWhenASideHasFewerThanSevenLoggedDays() {
        TestUser user = TestUser.registered();
        LocalDate start = LocalDate.of(2026, 9, 3);
        start(user, "Magnesium citrate", start, null);
        for (int d = 0; d < 7; d++) {
            journal.add(user, LocalDate.of(2026, 8, 10).plusDays(d), 6, Symptom.CRAMPS);
        }
        for (int d = 0; d < 6; d++) {
            journal.add(user, LocalDate.of(2026, 9, 10).plusDays(d), 2);
        }
        TreatmentEffects.Effect effect = effects.forOwner(journal.ownerId(user), TODAY).effects().get(0);
        assertEquals(7, effect.before().loggedDays());
        assertEquals(6, effect.after().loggedDays());
        assertFalse(effect.isComparable());
        assertEquals("Not enough entries to compare: 7 days with entries in the 28 days before, 6 days in the 28 "
                + "days after the first week. Each side needs at least 7, so no figures are given.", effect.refusal());

        // A seventh day after the first week makes it comparable.
        journal.add(user, LocalDate.of(2026, 10, 7), 2);
        assertTrue(effects.forOwner(journal.ownerId(user), TODAY).effects().get(0).isComparable());
    }

    @Test
    void aTreatmentNeedsFourteenDaysAfterItsFirstWeek() {
        TestUser user = TestUser.registered();
        // Started 2026-11-04: the after side starts 2026-11-11; 2026-11-24 is its 14th day.
        start(user, "Ferrous sulfate", LocalDate.of(2026, 11, 4), null);
        long owner = journal.ownerId(user);
        TreatmentEffects.Result early = effects.forOwner(owner, LocalDate.of(2026, 11, 23));
        assertTrue(early.effects().isEmpty());
        assertEquals("Too recent to compare: a comparison is possible from 2026-11-24.",
                early.notYet().get(0).reason());
        TreatmentEffects.Result ready = effects.forOwner(owner, LocalDate.of(2026, 11, 24));
        assertEquals(1, ready.effects().size());
        assertEquals(14, ready.effects().get(0).after().calendarDays(), "the after side ends today");
        assertEquals(MarkCode.IRON, ready.effects().get(0).pattern());
    }

    @Test
    void theAfterSideEndsWhenTheUserStopped() {
        TestUser user = TestUser.registered();
        start(user, "Vitamin D3", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 25));
        start(user, "Something short", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 20));
        TreatmentEffects.Result result = effects.forOwner(journal.ownerId(user), TODAY);
        assertEquals(1, result.effects().size());
        TreatmentEffects.Effect vitaminD = result.effects().get(0);
        assertEquals(LocalDate.of(2026, 8, 25), vitaminD.after().to());
        assertEquals(18, vitaminD.after().calendarDays(), "2026-08-08 to 2026-08-25");
        assertEquals(MarkCode.VITAMIN_D, vitaminD.pattern());
        assertEquals(List.of("Something short"), result.notYet().stream().map(TreatmentEffects.NotYet::name).toList());
        assertTrue(result.notYet().get(0).reason().startsWith("It was taken for too short a time"));
    }

    @Test
    void withoutAPatternInTheNameTheLoggedSymptomsAreCompared() {
        TestUser user = TestUser.registered();
        start(user, "Compression stockings", LocalDate.of(2026, 9, 3), null);
        journal.add(user, LocalDate.of(2026, 8, 20), 5, Symptom.SWELLING);
        journal.add(user, LocalDate.of(2026, 9, 20), 5, Symptom.HEAVINESS);
        TreatmentEffects.Effect effect = effects.forOwner(journal.ownerId(user), TODAY).effects().get(0);
        assertNull(effect.pattern());
        assertEquals(java.util.Set.of(Symptom.HEAVINESS, Symptom.SWELLING),
                effect.symptoms().stream().map(TreatmentEffects.SymptomShare::symptom).collect(
                        java.util.stream.Collectors.toSet()));
    }

    private static TreatmentEffects.SymptomShare share(TreatmentEffects.Effect effect, Symptom symptom) {
        return effect.symptoms().stream().filter(s -> s.symptom() == symptom).findFirst().orElseThrow();
    }
}
