package io.heavylegs.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.heavylegs.journal.JournalEntry;
import io.heavylegs.marks.EntryMark;

/** Everything HeavyLegs holds about one user, as the JSON of {@code GET /account/export}. */
@ApplicationScoped
public class AccountExports {

    public record Export(Account account, List<Entry> entries, List<Mark> marks) {
    }

    public record Account(String email, Instant created) {
    }

    /** An entry with the contract's field names and codes, as the user typed it. */
    public record Entry(long id, LocalDate date, LocalTime time, int severity, List<String> symptoms,
            List<String> factors, String notes, Instant created, Instant updated) {
    }

    /** A stored mark of one of the entries above, with the evidence that gave it. */
    public record Mark(long entry, String code, List<String> signature, List<String> supporting,
            List<String> factors, int persistentDays, int rulesVersion) {
    }

    @Transactional
    public Export of(long userId) {
        User user = User.findById(userId);
        List<JournalEntry> owned = JournalEntry.findBetween(userId, LocalDate.of(1900, 1, 1),
                LocalDate.of(9999, 12, 31));
        List<Mark> marks = owned.isEmpty() ? List.of()
                : EntryMark.<EntryMark> list("entryId in ?1 order by entryId, code",
                        owned.stream().map(entry -> entry.id).toList()).stream().map(AccountExports::mark).toList();
        return new Export(new Account(user.email, user.createdAt), owned.stream().map(AccountExports::entry).toList(),
                marks);
    }

    private static Mark mark(EntryMark mark) {
        return new Mark(mark.entryId, mark.code, List.of(mark.signature), List.of(mark.supporting),
                List.of(mark.factors), mark.persistentDays, mark.rulesVersion);
    }

    private static Entry entry(JournalEntry entry) {
        return new Entry(entry.id, entry.entryDate, entry.entryTime, entry.severity, List.of(entry.symptomCodes),
                List.of(entry.factorCodes), entry.notes, entry.createdAt, entry.updatedAt);
    }
}
