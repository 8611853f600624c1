package io.heavylegs.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.heavylegs.journal.JournalEntry;

/** Everything HeavyLegs holds about one user, as the JSON of {@code GET /account/export}. */
@ApplicationScoped
public class AccountExports {

    public record Export(Account account, List<Entry> entries) {
    }

    public record Account(String email, Instant created) {
    }

    /** An entry with the contract's field names and codes, as the user typed it. */
    public record Entry(long id, LocalDate date, LocalTime time, int severity, List<String> symptoms,
            List<String> factors, String notes, Instant created, Instant updated) {
    }

    @Transactional
    public Export of(long userId) {
        User user = User.findById(userId);
        List<Entry> entries = JournalEntry.findBetween(userId, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31))
                .stream().map(AccountExports::entry).toList();
        return new Export(new Account(user.email, user.createdAt), entries);
    }

    private static Entry entry(JournalEntry entry) {
        return new Entry(entry.id, entry.entryDate, entry.entryTime, entry.severity, List.of(entry.symptomCodes),
                List.of(entry.factorCodes), entry.notes, entry.createdAt, entry.updatedAt);
    }
}
