package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Symptom;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.support.CountingDataSource;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

/** The journal list's plain-SQL reads on the real database: what a page holds, and what it costs. */
@QuarkusTest
class JournalReadsTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    JournalFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Inject
    JournalReads reads;

    @Test
    void aPageIsNewestFirstWithItsMarksInDisplayOrderAndTheTotal() {
        TestUser user = TestUser.registered();
        long owner = fixtures.ownerId(user);
        fixtures.add(user, new EntryValues(TODAY.minusDays(3), LocalTime.of(8, 0), 2, null, Set.of(Symptom.FATIGUE),
                Set.of(), null));
        // Chest pain is a red flag: "urgent" comes before any pattern mark.
        JournalEntry latest = fixtures.add(user, new EntryValues(TODAY, LocalTime.of(21, 30), 7, null,
                Set.of(Symptom.CRAMPS, Symptom.TWITCHING, Symptom.CHEST_PAIN), Set.of(), "evening"));
        fixtures.add(user, new EntryValues(TODAY, null, 4, null, Set.of(), Set.of(), null));
        fixtures.add(user, new EntryValues(TODAY, LocalTime.of(7, 15), 5, null, Set.of(), Set.of(), null));

        JournalReads.Page page = reads.page(owner, JournalFilter.NONE, 1);

        assertEquals(4, page.total());
        assertEquals(Arrays.asList(LocalTime.of(21, 30), LocalTime.of(7, 15), null, LocalTime.of(8, 0)),
                page.entries().stream().map(EntryView::time).toList(),
                "newest first; on one day the untimed entry comes after the timed ones");
        EntryView first = page.entries().get(0);
        assertEquals(latest.id, first.id());
        assertEquals(Set.of(Symptom.CRAMPS, Symptom.TWITCHING, Symptom.CHEST_PAIN), first.symptoms());
        assertEquals(MarkCode.URGENT, first.marks().get(0));
        assertTrue(first.marks().contains(MarkCode.MAGNESIUM), first.marks().toString());
        assertEquals(List.of(), page.entries().get(3).marks());
    }

    @Test
    void filtersAndPagesCountOnlyTheOwnersMatchingEntries() {
        TestUser user = TestUser.registered();
        TestUser someoneElse = TestUser.registered();
        long owner = fixtures.ownerId(user);
        for (int i = 0; i < 25; i++) {
            fixtures.add(user, TODAY.minusDays(i), 3, Symptom.HEAVINESS);
        }
        fixtures.add(user, TODAY.minusDays(2), 6, Symptom.PALE_SKIN, Symptom.FATIGUE);
        fixtures.add(someoneElse, TODAY, 9, Symptom.PALE_SKIN, Symptom.FATIGUE);

        JournalReads.Page second = reads.page(owner, JournalFilter.NONE, 2);
        assertEquals(26, second.total());
        assertEquals(6, second.entries().size());
        assertEquals(TODAY.minusDays(24), second.entries().get(5).date());

        JournalReads.Page iron = reads.page(owner, new JournalFilter(null, null, MarkCode.IRON), 1);
        assertEquals(1, iron.total());
        assertEquals(6, iron.entries().get(0).severity(), "the other user's iron entry is not counted or shown");

        JournalReads.Page week = reads.page(owner, new JournalFilter(TODAY.minusDays(6), TODAY.minusDays(1), null), 1);
        assertEquals(7, week.total(), "six days, one with two entries");

        JournalReads.Page pastTheEnd = reads.page(owner, JournalFilter.NONE, 9);
        assertEquals(List.of(), pastTheEnd.entries());
        assertEquals(26, pastTheEnd.total(), "a page past the end still knows the total, for its link back");
    }

    @Test
    void aPageWithItsMarksAndTotalIsOneStatementHoweverManyEntriesItHolds() {
        TestUser user = TestUser.registered();
        long owner = fixtures.ownerId(user);
        fixtures.add(user, TODAY, 4, Symptom.CRAMPS, Symptom.TWITCHING);
        fixtures.add(user, TODAY, 4, Symptom.PALE_SKIN, Symptom.FATIGUE);
        AtomicInteger statements = new AtomicInteger();
        JournalReads counted = new JournalReads(CountingDataSource.around(dataSource, statements));

        counted.page(owner, JournalFilter.NONE, 1);
        assertEquals(1, statements.getAndSet(0));

        for (int i = 0; i < 18; i++) {
            fixtures.add(user, TODAY.minusDays(i), 5, Symptom.CRAMPS, Symptom.TWITCHING, Symptom.CHEST_PAIN);
        }
        JournalReads.Page full = counted.page(owner, JournalFilter.NONE, 1);
        assertEquals(20, full.entries().size());
        assertTrue(full.entries().stream().allMatch(e -> !e.marks().isEmpty()));
        assertEquals(1, statements.get(), "the statement count must not grow with the entries on the page");
    }

    @Test
    void theChartReadsEachDaysHighestSeverity() {
        TestUser user = TestUser.registered();
        long owner = fixtures.ownerId(user);
        fixtures.add(user, TODAY, 2);
        fixtures.add(user, TODAY, 8);
        fixtures.add(user, TODAY.minusDays(5), 3);
        fixtures.add(user, TODAY.minusDays(40), 10);

        assertEquals(Map.of(TODAY.minusDays(5), 3, TODAY, 8),
                reads.highestSeverityByDay(owner, TODAY.minusDays(29), TODAY));
    }
}
