package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.account.Profile;
import io.heavylegs.account.ProfileReads;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.journal.JournalReads;
import io.heavylegs.support.CountingDataSource;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.DateRange;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the report costs the database: a fixed number of plain-SQL statements, whatever the range holds. Every
 * statement goes through the data source handed in, so a read that went back to Hibernate (which has its own
 * connection path) or a query per entry changes the count and fails here.
 */
@QuarkusTest
class ReportStatementsTest {

    private static final LocalDate TODAY = LocalDate.now();

    /** The entries with their marks and the days before the range, the care marks' reasons, treatments, results. */
    private static final int REPORT_STATEMENTS = 4;

    @Inject
    JournalFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void aReportIsTheSameFewStatementsHoweverManyEntriesMarksAndResultsItHolds() {
        TestUser user = TestUser.registered();
        long owner = fixtures.ownerId(user);
        fixtures.add(user, TODAY.minusDays(2), 4, Symptom.CRAMPS);
        AtomicInteger statements = new AtomicInteger();
        DataSource counting = CountingDataSource.around(dataSource, statements);
        ReportService reports = new ReportService(new JournalReads(counting), new ProfileReads(counting), counting);
        DateRange range = new DateRange(TODAY.minusDays(29), TODAY);

        Profile profile = new ProfileReads(counting).of(owner);
        assertEquals(1, statements.getAndSet(0), "the profile is one statement");
        reports.firstEntryDate(owner);
        assertEquals(1, statements.getAndSet(0), "the first entry's date is one statement");
        reports.build(owner, range, profile, LocalDateTime.now());
        assertEquals(REPORT_STATEMENTS, statements.getAndSet(0));

        for (int i = 0; i < 25; i++) {
            // Chest pain is a red flag: each of these entries has a care mark.
            fixtures.add(user, TODAY.minusDays(i), 6, Symptom.CHEST_PAIN, Symptom.CRAMPS,
                    Symptom.TWITCHING);
        }
        fixtures.add(user, TODAY.minusDays(35), 5, Symptom.HEAVINESS);
        user.post("/treatments", Map.of("kind", "supplement", "name", "Magnesium", "dose", "300 mg",
                "started", TODAY.minusDays(20).toString())).then().statusCode(303);
        for (int i = 0; i < 3; i++) {
            user.post("/labs", Map.of("test", "ferritin", "name", "", "value", "1" + i, "unit", "µg/L", "low", "30",
                    "high", "400", "date", TODAY.minusDays(3 * i).toString(), "notes", "")).then().statusCode(303);
        }

        Report full = reports.build(owner, range, profile, LocalDateTime.now());
        assertEquals(26, full.getEntryCount());
        assertFalse(full.getRedFlags().isEmpty(), "the red flags' reasons were read");
        assertEquals(1, full.getTreatments().size());
        assertEquals(1, full.getLatestResults().size());
        assertEquals(REPORT_STATEMENTS, statements.get(),
                "the statement count must not grow with the entries, marks, treatments or results of the range");
    }
}
