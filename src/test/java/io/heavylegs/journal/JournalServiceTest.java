package io.heavylegs.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.StaleVersionException;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JournalServiceTest {

    private static TestUser owner;
    private static TestUser stranger;

    @Inject
    JournalService journal;

    @Inject
    JournalFixtures fixtures;

    private long ownerId;
    private long strangerId;

    @BeforeEach
    void users() {
        if (owner == null) {
            owner = TestUser.registered();
            stranger = TestUser.registered();
        }
        ownerId = fixtures.ownerId(owner);
        strangerId = fixtures.ownerId(stranger);
    }

    private static EntryValues values(int severity) {
        return new EntryValues(LocalDate.of(2025, 6, 1), LocalTime.of(9, 30), severity, null,
                Set.of(Symptom.TINGLING, Symptom.HEAVINESS), Set.of(Factor.DIABETES, Factor.VEGAN_DIET), "note");
    }

    @Test
    void storesCodesInTheContractsOrder() {
        JournalEntry entry = journal.create(ownerId, values(4));
        JournalEntry stored = fixtures.stored(entry.id);
        assertArrayEquals(new String[] { "heaviness", "tingling" }, fixtures.storedCodes(entry.id, "symptoms"));
        assertArrayEquals(new String[] { "vegan-diet", "diabetes" }, fixtures.storedCodes(entry.id, "factors"));
        assertEquals(values(4), stored.values());
        assertNotNull(stored.createdAt);
    }

    @Test
    void updatesOnlyAtTheCurrentVersion() {
        JournalEntry entry = journal.create(ownerId, values(4));
        assertTrue(journal.update(ownerId, entry.id, 0, values(5)).isPresent());
        assertThrows(StaleVersionException.class, () -> journal.update(ownerId, entry.id, 0, values(9)));
        JournalEntry stored = fixtures.stored(entry.id);
        assertEquals(5, stored.severity);
        assertEquals(1, stored.version);
    }

    @Test
    void neverTouchesAnotherOwnersEntry() {
        JournalEntry entry = journal.create(ownerId, values(4));
        assertTrue(journal.update(strangerId, entry.id, 0, values(9)).isEmpty());
        assertFalse(journal.delete(strangerId, entry.id));
        assertTrue(JournalEntry.findByIdAndOwner(entry.id, strangerId).isEmpty());
        assertEquals(4, fixtures.stored(entry.id).severity);
        assertTrue(journal.delete(ownerId, entry.id));
        assertEquals(null, fixtures.stored(entry.id));
    }
}
