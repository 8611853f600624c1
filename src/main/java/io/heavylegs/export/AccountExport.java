package io.heavylegs.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.heavylegs.account.Passkey;
import io.heavylegs.account.User;
import io.heavylegs.codes.Coded;
import io.heavylegs.journal.EntryMark;
import io.heavylegs.labs.LabResult;
import io.heavylegs.treatment.Treatment;
import io.heavylegs.journal.EntryView;
import io.heavylegs.journal.JournalReads;
import io.heavylegs.web.DateInput;
import io.heavylegs.web.Formats;

/**
 * Everything HeavyLegs holds about one user, as the JSON of {@code GET /account/export}: the shape of a file the
 * user keeps, so its field names are the contract's and it changes only by adding fields.
 */
@ApplicationScoped
public class AccountExport {

    public record Export(Account account, Profile profile, List<Entry> entries, List<Mark> marks,
            List<TreatmentRecord> treatments, List<LabRecord> labResults, List<PasskeyRecord> passkeys) {
    }

    /** A passkey by the name the user gave it and its dates; its key stays out (it opens nothing anyway). */
    public record PasskeyRecord(String name, Instant created, Instant lastUsed) {
    }

    /** A supplement or medicine with the contract's field names; {@code stopped} null while still taken. */
    public record TreatmentRecord(long id, String kind, String name, String dose, LocalDate started,
            LocalDate stopped, String notes) {

        static TreatmentRecord of(Treatment t) {
            return new TreatmentRecord(t.id, t.kind().code, t.name, t.dose, t.started, t.stopped, t.notes);
        }
    }

    /** A blood test result as the lab printed it, with the contract's field names; decimals as typed. */
    public record LabRecord(long id, String test, String name, java.math.BigDecimal value, String unit,
            java.math.BigDecimal low, java.math.BigDecimal high, LocalDate date, String notes) {

        static LabRecord of(LabResult r) {
            return new LabRecord(r.id, r.test().code, r.name, r.value, r.unit, r.low, r.high, r.date, r.notes);
        }
    }

    /** The profile with the contract's field names; the defaults when the user never saved it. */
    public record Profile(String name, LocalDate birthDate, List<String> standingFactors, String timeZone,
            String reminderTime) {

        static Profile of(io.heavylegs.account.Profile profile) {
            return new Profile(profile.name, profile.birthDate, codes(profile.standingFactors()),
                    profile.timeZone().getId(),
                    profile.reminderTime == null ? null : Formats.clock(profile.reminderTime));
        }
    }

    public record Account(String email, Instant created) {
    }

    /** An entry with the contract's field names and codes, as the user typed it. */
    public record Entry(long id, LocalDate date, LocalTime time, int severity, String side, List<String> symptoms,
            List<String> factors, String notes) {

        static Entry of(EntryView entry) {
            return new Entry(entry.id(), entry.date(), entry.time(), entry.severity(),
                    entry.side() == null ? null : entry.side().code, codes(entry.symptoms()), codes(entry.factors()),
                    entry.notes());
        }
    }

    /** A stored mark of one of the entries above, with the evidence that gave it. */
    public record Mark(long entry, String code, List<String> signature, List<String> supporting,
            List<String> factors, int persistentDays, int rulesVersion) {

        static Mark of(EntryMark mark) {
            io.heavylegs.marks.Mark evidence = mark.mark();
            return new Mark(mark.entryId, mark.code, codes(evidence.signature()), codes(evidence.supporting()),
                    codes(evidence.factors()), mark.persistentDays, mark.rulesVersion);
        }
    }

    @Inject
    JournalReads journal;

    @Transactional
    public Export of(long userId) {
        User user = User.findById(userId);
        List<EntryView> entries = journal.between(userId, DateInput.EARLIEST, LocalDate.of(9999, 12, 31));
        List<Mark> marks = EntryMark.storedFor(entries.stream().map(EntryView::id).toList()).stream()
                .sorted(Comparator.comparing((EntryMark m) -> m.entryId).thenComparing(m -> m.code))
                .map(Mark::of).toList();
        return new Export(new Account(user.email, user.createdAt),
                Profile.of(io.heavylegs.account.Profile.forUser(userId)), entries.stream().map(Entry::of).toList(), marks,
                Treatment.findByOwner(userId).stream().map(TreatmentRecord::of).toList(),
                LabResult.findByOwner(userId).stream().map(LabRecord::of).toList(),
                Passkey.findByOwner(userId).stream().map(p -> new PasskeyRecord(p.name, p.createdAt, p.lastUsedAt))
                        .toList());
    }

    /** What the user typed or the rules stored, as the contract's codes. */
    private static List<String> codes(Collection<? extends Coded> values) {
        return values.stream().map(Coded::code).toList();
    }
}
