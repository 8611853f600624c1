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
}
