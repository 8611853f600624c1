package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

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

    @Inject
    DataSource dataSource;

    /**
     * Found reading the re-marking job: a delete removed the entry (locking its row) before it took the owner's
     * lock, while the job, holding that lock, wrote a mark for the same entry (whose foreign key waits for that
     * row). PostgreSQL saw the circle and aborted one side: a 500 for the user, or a job stopped until the next
     * start. Here the job's side holds the owner's lock, the delete starts and waits, then the job writes a mark.
     */
    @Test
    void aDeleteWhileItsOwnerIsBeingReMarkedWaitsForTheJobInsteadOfDeadlocking() throws Exception {
        TestUser user = TestUser.registered();
        long ownerId = fixtures.ownerId(user);
        long entryId = fixtures.add(user, LocalDate.now(), 5, Symptom.CRAMPS, Symptom.HEAVINESS).id;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection job = dataSource.getConnection()) {
            job.setAutoCommit(false);
            try (PreparedStatement lock = job.prepareStatement(
                    "SELECT pg_advisory_xact_lock(?, CAST(? % 2147483647 AS integer))")) {
                lock.setInt(1, MarkKeeper.OWNER_LOCK_NAMESPACE);
                lock.setLong(2, ownerId);
                lock.execute();
            }
            Future<Boolean> delete = pool.submit(() -> journal.delete(ownerId, entryId));
            waitUntilSomeoneWaitsForAnAdvisoryLock();
            try (PreparedStatement mark = job.prepareStatement("INSERT INTO entry_mark (entry_id, code, rules_version)"
                    + " VALUES (?, 'dehydration', 2) ON CONFLICT DO NOTHING")) {
                mark.setLong(1, entryId);
                mark.executeUpdate(); // before the fix: the deadlock, found by PostgreSQL after a second
            }
            job.commit();
            assertTrue(delete.get(30, TimeUnit.SECONDS), "the delete went through once the job was done");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(QuarkusTransaction.requiringNew().call(() -> JournalEntry.findByIdOptional(entryId).isEmpty()),
                "the entry is gone, and its marks with it");
    }

    private void waitUntilSomeoneWaitsForAnAdvisoryLock() throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Connection look = dataSource.getConnection();
                    PreparedStatement waiting = look.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'");
                    ResultSet rows = waiting.executeQuery()) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the delete never waited for the owner's lock");
    }

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
