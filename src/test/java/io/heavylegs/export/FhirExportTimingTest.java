package io.heavylegs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measured run, not a pass/fail benchmark: a user with ten years of five entries a day (18,265 entries, each with
 * notes) among 20 users with a year each, then the FHIR export beside the JSON export over loopback HTTP, and the
 * plan of one keyset page of the journal from the middle of the history. Run with
 * {@code ./mvnw test -Dtest=FhirExportTimingTest -Dfhir.timing=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fhir.timing", matches = "true")
class FhirExportTimingTest {

    private static final int MEASURED = 5;

    @Inject
    JournalFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void tenYearsOfFiveEntriesADay() throws Exception {
        TestUser user = TestUser.registered();
        long owner = fixtures.ownerId(user);
        long seeded = seed(owner, 3652, 5);
        for (int i = 0; i < 20; i++) {
            seed(fixtures.ownerId(TestUser.registered()), 365, 1);
        }
        analyze();
        assertEquals(3653L * 5, seeded);

        for (String path : List.of("/account/export.fhir", "/account/export")) {
            user.get(path).then().statusCode(200); // warm-up
            List<Double> wall = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                bytes = user.get(path).then().statusCode(200).extract().asByteArray().length;
                wall.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(wall);
            System.out.printf("FHIR-TIMING GET %s, %d entries: %d bytes, ms median %.0f, min %.0f, max %.0f%n", path,
                    seeded, bytes, wall.get(wall.size() / 2), wall.get(0), wall.get(wall.size() - 1));
        }
        explainMiddlePage(owner);
    }

    /** {@code perDay} entries on each of {@code days} + 1 days up to today, one without a time, each with notes. */
    private long seed(long owner, int days, int perDay) throws Exception {
        String sql = "INSERT INTO journal_entry (owner_id, entry_date, entry_time, severity, symptoms, notes)"
                + " SELECT ?, current_date - d, CASE WHEN k > 1 THEN time '06:00' + k * interval '3 hours' END,"
                + " (d + k) % 11, ARRAY['heaviness', 'tingling'], repeat('A note of a bad day. ', 5)"
                + " FROM generate_series(0, ?) AS d CROSS JOIN generate_series(1, ?) AS k";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, owner);
            statement.setInt(2, days);
            statement.setInt(3, perDay);
            return statement.executeUpdate();
        }
    }

    private void analyze() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("ANALYZE journal_entry")) {
            statement.execute();
        }
    }

    /** The statement of JournalReads.oldestFirstAfter, from five years back. */
    private void explainMiddlePage(long owner) throws Exception {
        String sql = "EXPLAIN (ANALYZE, BUFFERS) SELECT id, entry_date, entry_time, severity, side, symptoms, factors,"
                + " notes FROM journal_entry WHERE owner_id = ? AND entry_date >= current_date - 1826"
                + " AND (entry_date, id) > (current_date - 1826, 0) ORDER BY entry_date, id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, owner);
            statement.setInt(2, FhirExport.JOURNAL_PAGE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    System.out.println("FHIR-TIMING PLAN " + rows.getString(1));
                }
            }
        }
    }
}
