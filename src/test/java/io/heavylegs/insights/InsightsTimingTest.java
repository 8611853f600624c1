package io.heavylegs.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.sun.management.ThreadMXBean;

import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.DateRange;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measured run, not a pass/fail benchmark: a user with three years of daily entries (1,096 days, one to three
 * entries a day, like the bench user's history in bench/seed.sql) among 40 users with the same, then /insights for
 * the default 90 days and for the whole three years: the server's time to build the figures (wall and CPU time of
 * {@link InsightsService#build}), the whole request over loopback HTTP, and the plans of the statements. Run with
 * {@code ./mvnw test -Dtest=InsightsTimingTest -Dinsights.timing=true}; the numbers go to bench/RESULTS.md.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "insights.timing", matches = "true")
class InsightsTimingTest {

    private static final int WARM_UP = 30;
    private static final int MEASURED = 60;
    private static final int OTHER_USERS = 39;

    @Inject
    JournalFixtures fixtures;

    @Inject
    InsightsService insights;

    @Inject
    DataSource dataSource;

    @Test
    void threeYearsOfDailyEntries() throws Exception {
        TestUser user = TestUser.registered();
        long owner = fixtures.ownerId(user);
        List<Long> owners = new ArrayList<>(List.of(owner));
        for (int i = 0; i < OTHER_USERS; i++) {
            owners.add(fixtures.ownerId(TestUser.registered()));
        }
        long entries = 0;
        for (long id : owners) {
            entries += seed(id);
        }
        LocalDate today = LocalDate.now();
        DateRange threeYears = new DateRange(today.minusYears(3), today);
        DateRange ninetyDays = DateRange.lastDays(today, 90);
        System.out.printf("INSIGHTS seeded %d entries for %d users; the measured user: %d%n", entries, owners.size(),
                count(owner));

        for (DateRange range : List.of(ninetyDays, threeYears)) {
            Insights built = insights.build(owner, range);
            assertTrue(built.timeOfDay().getTimedEntries() > 0);
            measureService(owner, range);
            measureHttp(user, range);
        }
        explain(owner, threeYears);
    }

    private void measureService(long owner, DateRange range) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            insights.build(owner, range);
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            insights.build(owner, range);
            wall.add((System.nanoTime() - start) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        }
        System.out.printf("INSIGHTS service, %d days: wall ms %s; app CPU ms %s%n", range.days(), summary(wall),
                summary(cpu));
    }

    /**
     * The whole request over loopback HTTP: wall time as the client sees it, and the server's share of it as CPU time,
     * which a busy machine does not inflate the way it inflates wall time: the app's threads (every thread of this JVM
     * but the test's own, which runs the HTTP client) and PostgreSQL's processes (from /proc). The same for the
     * stylesheet, a static file, gives the ratio that still says something at a high load average.
     */
    private void measureHttp(TestUser user, DateRange range) throws Exception {
        String path = "/insights?" + range.query();
        Probe page = probe(user, path);
        Probe file = probe(user, "/css/app.css");
        System.out.printf("INSIGHTS GET %s (%d bytes): %s%n", path, page.bytes, page);
        System.out.printf("INSIGHTS GET /css/app.css (%d bytes): %s%n", file.bytes, file);
        System.out.printf("INSIGHTS ratio to the static file: wall %.1f×, app CPU %.1f×%n", page.wall / file.wall,
                page.appCpu / file.appCpu);
    }

    /** Medians of wall and per-request means of CPU for {@code path}, with the load average around the run. */
    private record Probe(int bytes, double wall, double p90, double appCpu, double postgresCpu, String load) {
        @Override
        public String toString() {
            return String.format("wall median %.2f ms (p90 %.2f), server CPU per request: app %.2f ms, PostgreSQL %.2f ms;"
                    + " load average %s", wall, p90, appCpu, postgresCpu, load);
        }
    }

    private Probe probe(TestUser user, String path) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            user.get(path).then().statusCode(200);
        }
        String loadBefore = loadAverage();
        List<Long> postgres = postgresPids();
        long appStart = appCpuNanos();
        long postgresStart = postgresTicks(postgres);
        List<Double> wall = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            bytes = user.get(path).then().statusCode(200).extract().asByteArray().length;
            wall.add((System.nanoTime() - start) / 1e6);
        }
        double appCpu = (appCpuNanos() - appStart) / 1e6 / MEASURED;
        double postgresCpu = (postgresTicks(postgres) - postgresStart) * 1000.0 / CLOCK_TICKS / MEASURED;
        Collections.sort(wall);
        return new Probe(bytes, wall.get(MEASURED / 2), wall.get((int) (MEASURED * 0.9)), appCpu, postgresCpu,
                loadBefore + " → " + loadAverage());
    }

    /** Linux's USER_HZ: /proc counts a process's CPU time in hundredths of a second. */
    private static final int CLOCK_TICKS = 100;

    /** The CPU time of every thread of this JVM but the calling one (the test's HTTP client). */
    private static long appCpuNanos() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = id == self ? -1 : threads.getThreadCpuTime(id);
            sum += Math.max(cpu, 0);
        }
        return sum;
    }

    /** The processes of the test's PostgreSQL: its backends (the pool's connections) and its background workers. */
    private List<Long> postgresPids() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT pid FROM pg_stat_activity");
                ResultSet rows = statement.executeQuery()) {
            List<Long> pids = new ArrayList<>();
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
            return pids;
        }
    }

    /** utime + stime of the processes, in clock ticks; a process that has ended counts nothing. */
    private static long postgresTicks(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                // Not on Linux, or the backend closed: its time is not counted.
            }
        }
        return sum;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException notLinux) {
            return "unknown";
        }
    }

    /** One to three entries a day for three years, 60 % timed, symptoms and factors drawn at random. */
    private long seed(long owner) throws Exception {
        String sql = """
                INSERT INTO journal_entry (owner_id, entry_date, entry_time, severity, symptoms, factors)
                SELECT ?, day::date,
                       CASE WHEN random() < 0.6 THEN time '00:00' + make_interval(mins => floor(random() * 1440)::int) END,
                       floor(random() * 11)::int,
                       ARRAY(SELECT s FROM unnest(ARRAY['heaviness','fatigue','cramps','restless-legs','numbness',
                             'tingling','muscle-pain','twitching']) AS s WHERE random() < 0.3 AND k > 0),
                       ARRAY(SELECT f FROM unnest(ARRAY['low-sunlight','low-fluids','heavy-exercise','vegan-diet']) AS f
                             WHERE random() < 0.15 AND k > 0)
                FROM generate_series(current_date - 1095, current_date, interval '1 day') AS day
                CROSS JOIN LATERAL generate_series(1, 1 + floor(random() * 1.6)::int) AS k
                """;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, owner);
            int rows = statement.executeUpdate();
            try (PreparedStatement analyze = connection.prepareStatement("ANALYZE journal_entry")) {
                analyze.execute();
            }
            return rows;
        }
    }

    private long count(long owner) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*), count(DISTINCT entry_date) FROM journal_entry WHERE owner_id = ?")) {
            statement.setLong(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertEquals(1096, rows.getLong(2), "a day-by-day history");
                return rows.getLong(1);
            }
        }
    }

    /** The plan of the heaviest statement (the factors), to see the owner's index range scan. */
    private void explain(long owner, DateRange range) throws Exception {
        String sql = "EXPLAIN (ANALYZE, BUFFERS) SELECT entry_date, severity, symptoms, factors FROM journal_entry e"
                + " WHERE e.owner_id = ? AND e.entry_date BETWEEN ? AND ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, owner);
            statement.setObject(2, range.from());
            statement.setObject(3, range.to());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    System.out.println("INSIGHTS PLAN " + rows.getString(1));
                }
            }
        }
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("median %.2f, p90 %.2f, min %.2f, max %.2f", sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.9)), sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
