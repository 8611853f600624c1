package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.heavylegs.marks.MarkingRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measured run, not a pass/fail benchmark: {@code remark.users} users (default 100) with three years of
 * entries each (about 1,100 per user, the bench data's shape), all marks forgotten, then the start-up job's
 * rate. 1,000 users is the bench's 1.1 M entries. Run with
 * {@code ./mvnw test -Dtest=RemarkingTimingTest -Dremark.timing=true [-Dremark.users=1000]}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "remark.timing", matches = "true")
class RemarkingTimingTest {

    @Inject
    RemarkingJob job;

    @Test
    void remarkTheBenchShapedHistory() {
        int users = Integer.getInteger("remark.users", 100);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = JournalEntry.getEntityManager();
            em.createNativeQuery("INSERT INTO app_user (email, password_hash) SELECT 'remark-' || n || '-'"
                    + " || md5(random()::text) || '@example.org', 'x' FROM generate_series(1, :users) AS n")
                    .setParameter("users", users).executeUpdate();
            // A fifth of the days without an entry, symptoms from a profile per owner, now and then a red flag.
            em.createNativeQuery("INSERT INTO journal_entry (owner_id, entry_date, severity, symptoms, factors, side)"
                    + " SELECT u.id, d::date, 4,"
                    + " (CASE u.id % 5 WHEN 0 THEN ARRAY['heaviness','fatigue','pale-skin']"
                    + "  WHEN 1 THEN ARRAY['bone-pain','weakness','fatigue'] WHEN 2 THEN ARRAY['numbness','tingling','fatigue']"
                    + "  WHEN 3 THEN ARRAY['cramps','twitching','restless-legs'] ELSE ARRAY['swelling','heaviness','cramps']"
                    + "  END)[1:1 + (extract(doy FROM d)::int % 3)],"
                    + " CASE WHEN extract(dow FROM d) = 0 THEN ARRAY['low-fluids'] ELSE '{}' END,"
                    + " CASE WHEN extract(doy FROM d)::int % 7 = 0 THEN 'left' END"
                    + " FROM app_user u, generate_series(current_date - 1095, current_date, interval '1 day') AS d"
                    + " WHERE u.email LIKE 'remark-%' AND random() > 0.2")
                    .executeUpdate();
            em.createNativeQuery("ANALYZE journal_entry").executeUpdate();
            em.createNativeQuery("UPDATE marking_state SET rules_version = 0, remark_version = NULL").executeUpdate();
        });
        long total = QuarkusTransaction.requiringNew().call(() -> JournalEntry.count());
        long started = System.nanoTime();
        long done = job.remarkAll();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Re-marked %d entries in %.1f s: %.0f entries/s (load average %s)%n", done, seconds,
                done / seconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertEquals(total, done);
        assertEquals(MarkingRules.VERSION, QuarkusTransaction.requiringNew().call(MarkingState::current).rulesVersion);
    }
}
