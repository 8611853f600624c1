package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.journal.EntryValues;
import io.heavylegs.journal.JournalEntry;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.journal.JournalService;
import io.heavylegs.codes.Symptom;
import io.heavylegs.support.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Found by bench/load.sh: simultaneous creates by one user deadlocked on the user's row and answered 500. */
@QuarkusTest
class ConcurrentWritesTest {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 4;

    @Inject
    JournalService journal;

    @Inject
    JournalFixtures fixtures;

    @Test
    void simultaneousCreatesOfOneUserAllSucceed() throws Exception {
        long ownerId = fixtures.ownerId(TestUser.registered());
        EntryValues values = new EntryValues(LocalDate.now().minusDays(3), null, 5, null,
                Set.of(Symptom.CRAMPS, Symptom.TWITCHING), Set.of(), null);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<JournalEntry>> writes = new ArrayList<>();
                for (int i = 0; i < WRITERS; i++) {
                    Callable<JournalEntry> write = () -> {
                        start.await();
                        return journal.create(ownerId, values);
                    };
                    writes.add(pool.submit(write));
                }
                start.countDown();
                for (Future<JournalEntry> write : writes) {
                    write.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> JournalEntry.count("ownerId", ownerId));
        assertEquals(WRITERS * ROUNDS, stored);
        long magnesiumMarks = QuarkusTransaction.requiringNew().call(() -> EntryMark.count(
                "code = ?1 and entryId in (select e.id from JournalEntry e where e.ownerId = ?2)",
                "magnesium", ownerId));
        assertEquals(WRITERS * ROUNDS, magnesiumMarks);
    }
}
