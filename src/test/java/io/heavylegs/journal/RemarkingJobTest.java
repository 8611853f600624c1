package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.marks.MarkingRules;
import io.heavylegs.journal.JournalEntry;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.codes.Symptom;
import io.heavylegs.support.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RemarkingJobTest {

    @Inject
    RemarkingJob job;

    @Inject
    JournalFixtures fixtures;

    private static void forgetAllMarks() {
        QuarkusTransaction.requiringNew().run(() -> {
            EntryMark.deleteAll();
            MarkingState state = MarkingState.current();
            state.rulesVersion = 0;
            state.startRun(0);
            state.remarkVersion = null;
        });
    }

    private static List<String> storedCodes(long entryId) {
        return QuarkusTransaction.requiringNew().call(() -> EntryMark.forEntry(entryId).stream().map(m -> m.code).toList());
    }

    @Test
    void anOlderRulesVersionIsBroughtUpToDate() {
        TestUser user = TestUser.registered();
        long id = fixtures.add(user, LocalDate.now(), 5, Symptom.BONE_PAIN, Symptom.WEAKNESS).id;
        assertEquals(List.of("vitamin-d"), storedCodes(id));
        forgetAllMarks();
        assertEquals(List.of(), storedCodes(id));

        long total = QuarkusTransaction.requiringNew().call(() -> JournalEntry.count());
        assertEquals(total, job.remarkAll());
        assertEquals(List.of("vitamin-d"), storedCodes(id));
        MarkingState state = QuarkusTransaction.requiringNew().call(MarkingState::current);
        assertEquals(MarkingRules.VERSION, state.rulesVersion);
        assertEquals(null, state.remarkAfterOwner);
        assertEquals(0, job.remarkAll(), "nothing left to do once the version is current");
    }

    @Test
    void anInterruptedRunResumesAfterItsLastBatch() {
        TestUser user = TestUser.registered();
        long first = fixtures.add(user, LocalDate.now().minusDays(1), 5, Symptom.NUMBNESS, Symptom.BALANCE).id;
        long second = fixtures.add(user, LocalDate.now(), 5, Symptom.CRAMPS, Symptom.HEAVINESS).id;
        fixtures.add(user, LocalDate.now(), 3, Symptom.FATIGUE); // a third, so that a batch of two is not all of them
        forgetAllMarks();

        long total = QuarkusTransaction.requiringNew().call(() -> JournalEntry.count());
        assertTrue(total > 2);
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> job.remarkBatch(2)), "the run stops here");
        MarkingState stopped = QuarkusTransaction.requiringNew().call(MarkingState::current);
        assertEquals(2, stopped.remarkDone);
        assertEquals(0, stopped.rulesVersion);

        assertEquals(total - 2, job.remarkAll(3), "the rest, without doing the first batch again");
        assertEquals(List.of("vitamin-b12"), storedCodes(first));
        assertEquals(List.of("magnesium"), storedCodes(second));
        assertEquals(MarkingRules.VERSION, QuarkusTransaction.requiringNew().call(MarkingState::current).rulesVersion);
    }

    /** Every stored mark as text, in one comparable list: code, evidence, days, side and version. */
    private static List<String> allMarks(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.getEntityManager().createNativeQuery(
                "SELECT m.entry_id || ' ' || m.code || ' ' || array_to_string(m.signature, ',') || ' '"
                        + " || array_to_string(m.supporting, ',') || ' ' || array_to_string(m.factors, ',') || ' '"
                        + " || m.persistent_days || ' ' || coalesce(m.side, '-') || ' ' || m.rules_version"
                        + " FROM entry_mark m JOIN journal_entry e ON e.id = m.entry_id"
                        + " JOIN app_user u ON u.id = e.owner_id WHERE u.email = :email ORDER BY 1", String.class)
                .setParameter("email", user.email).getResultList());
    }

    /**
     * The set-based batches give exactly what each write stored: a 40-day journal with runs, one-leg swelling and
     * factors, whose marks are then damaged in every way a batch must repair (a mark missing, one with wrong
     * evidence, one the rules do not give, an older version), across batches that split a window.
     */
    @Test
    void theBatchesStoreWhatEachWriteStored() {
        TestUser user = TestUser.registered();
        LocalDate start = LocalDate.now().minusDays(60);
        long firstId = 0;
        for (int day = 0; day < 40; day++) {
            java.util.Set<Symptom> symptoms = day % 3 == 0 ? java.util.Set.of(Symptom.NUMBNESS, Symptom.TINGLING)
                    : day % 5 == 0 ? java.util.Set.of(Symptom.SWELLING) : java.util.Set.of(Symptom.CRAMPS, Symptom.FATIGUE);
            io.heavylegs.codes.Side side = day % 5 == 0 ? io.heavylegs.codes.Side.LEFT : null;
            java.util.Set<io.heavylegs.codes.Factor> factors = day % 4 == 0
                    ? java.util.Set.of(io.heavylegs.codes.Factor.LOW_FLUIDS) : java.util.Set.of();
            long id = fixtures.add(user, new EntryValues(start.plusDays(day < 20 ? day : day + 10), null, 4, side,
                    symptoms, factors, null)).id;
            firstId = firstId == 0 ? id : firstId;
        }
        List<String> byWrites = allMarks(user);
        assertTrue(byWrites.size() > 40, "a journal with many marks: " + byWrites.size());

        long entry = firstId;
        QuarkusTransaction.requiringNew().run(() -> {
            var em = JournalEntry.getEntityManager();
            em.createNativeQuery("DELETE FROM entry_mark WHERE entry_id = :id").setParameter("id", entry).executeUpdate();
            em.createNativeQuery("UPDATE entry_mark SET persistent_days = 99, side = 'right' WHERE entry_id = :id")
                    .setParameter("id", entry + 1).executeUpdate();
            em.createNativeQuery("INSERT INTO entry_mark (entry_id, code, rules_version) VALUES (:id, 'iron', 1)")
                    .setParameter("id", entry + 2).executeUpdate();
            em.createNativeQuery("UPDATE entry_mark SET rules_version = 1").executeUpdate();
            MarkingState state = MarkingState.current();
            state.rulesVersion = 1;
            state.startRun(1);
            state.remarkVersion = null;
        });
        org.junit.jupiter.api.Assertions.assertNotEquals(byWrites, allMarks(user));

        job.remarkAll(7);
        assertEquals(byWrites, allMarks(user));
    }

    /**
     * A generated history of several owners (a fixed seed, so a failure repeats): days with two or three entries,
     * gaps, runs of symptom days, one-leg signs and factors, all written through the journal's own path. The
     * marks, damaged and aged to an older version, are then re-marked with batch sizes that cut owners, windows
     * and days at every place (1, 7, 50 and the job's own); each run must give back exactly what the writes stored.
     */
    @Test
    void aGeneratedMultiOwnerHistoryGetsWhatEachWriteGave() {
        java.util.Random random = new java.util.Random(21);
        List<Symptom> pool = List.of(Symptom.NUMBNESS, Symptom.TINGLING, Symptom.SWELLING, Symptom.CRAMPS,
                Symptom.FATIGUE, Symptom.BONE_PAIN, Symptom.PALE_SKIN, Symptom.RESTLESS_LEGS, Symptom.CHEST_PAIN,
                Symptom.BREATHLESSNESS, Symptom.WARM_RED_SKIN, Symptom.HEAVINESS);
        List<io.heavylegs.codes.Factor> factorPool = List.of(io.heavylegs.codes.Factor.LOW_FLUIDS,
                io.heavylegs.codes.Factor.DIABETES, io.heavylegs.codes.Factor.VEGAN_DIET);
        List<TestUser> users = List.of(TestUser.registered(), TestUser.registered(), TestUser.registered());
        LocalDate start = LocalDate.now().minusDays(120);
        for (TestUser user : users) {
            for (int day = 0; day < 70; day++) {
                if (random.nextInt(5) == 0) {
                    continue; // a gap
                }
                int entriesThatDay = random.nextInt(6) == 0 ? 2 + random.nextInt(2) : 1;
                for (int n = 0; n < entriesThatDay; n++) {
                    java.util.Set<Symptom> symptoms = new java.util.HashSet<>();
                    int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
                    for (int i = 0; i < count; i++) {
                        symptoms.add(pool.get(random.nextInt(pool.size())));
                    }
                    java.util.Set<io.heavylegs.codes.Factor> factors = new java.util.HashSet<>();
                    if (random.nextInt(3) == 0) {
                        factors.add(factorPool.get(random.nextInt(factorPool.size())));
                    }
                    io.heavylegs.codes.Side side = switch (random.nextInt(4)) {
                        case 0 -> io.heavylegs.codes.Side.LEFT;
                        case 1 -> io.heavylegs.codes.Side.BOTH;
                        default -> null;
                    };
                    fixtures.add(user, new EntryValues(start.plusDays(day), null, random.nextInt(11), side, symptoms,
                            factors, null));
                }
            }
        }
        List<List<String>> byWrites = users.stream().map(RemarkingJobTest::allMarks).toList();
        assertTrue(byWrites.stream().allMatch(marks -> marks.size() > 30), "journals with many marks");
        assertTrue(byWrites.stream().allMatch(marks -> marks.stream().anyMatch(m -> m.contains(" persistent "))),
                "every journal has a run of symptom days");

        for (int batchSize : new int[] { 1, 7, 50, RemarkingJob.BATCH_SIZE }) {
            damageAllMarks(users);
            org.junit.jupiter.api.Assertions.assertNotEquals(byWrites,
                    users.stream().map(RemarkingJobTest::allMarks).toList());
            job.remarkAll(batchSize);
            assertEquals(byWrites, users.stream().map(RemarkingJobTest::allMarks).toList(),
                    "re-marked in batches of " + batchSize);
        }
    }

    /** Every way a batch must repair, in each journal, and the whole store at an older rules version. */
    private static void damageAllMarks(List<TestUser> users) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = JournalEntry.getEntityManager();
            for (TestUser user : users) {
                List<?> ids = em.createNativeQuery("SELECT e.id FROM journal_entry e JOIN app_user u"
                        + " ON u.id = e.owner_id WHERE u.email = :email ORDER BY e.entry_date, e.id")
                        .setParameter("email", user.email).getResultList();
                for (int i = 0; i < ids.size(); i += 5) {
                    long id = ((Number) ids.get(i)).longValue();
                    switch (i / 5 % 4) {
                        case 0 -> em.createNativeQuery("DELETE FROM entry_mark WHERE entry_id = :id")
                                .setParameter("id", id).executeUpdate();
                        case 1 -> em.createNativeQuery("UPDATE entry_mark SET persistent_days = 99, side = 'right',"
                                + " signature = '{fatigue}' WHERE entry_id = :id").setParameter("id", id).executeUpdate();
                        case 2 -> em.createNativeQuery("INSERT INTO entry_mark (entry_id, code, rules_version)"
                                + " VALUES (:id, 'old-code', 1) ON CONFLICT DO NOTHING").setParameter("id", id)
                                .executeUpdate();
                        default -> em.createNativeQuery("INSERT INTO entry_mark (entry_id, code, rules_version)"
                                + " VALUES (:id, 'iron', 2) ON CONFLICT DO NOTHING").setParameter("id", id)
                                .executeUpdate();
                    }
                }
            }
            em.createNativeQuery("UPDATE entry_mark SET rules_version = 1 WHERE entry_id % 3 = 0").executeUpdate();
            MarkingState state = MarkingState.current();
            state.rulesVersion = 1;
            state.startRun(1);
            state.remarkVersion = null;
        });
    }
}
