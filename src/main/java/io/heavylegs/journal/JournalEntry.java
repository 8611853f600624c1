package io.heavylegs.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;
import io.heavylegs.marks.EntryFacts;
import io.heavylegs.marks.MarkingRules;
import io.heavylegs.web.Versioned;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/**
 * One journal entry of one user. Every finder takes the owner: there is no way to load an entry without
 * saying whose it must be.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry extends PanacheEntityBase implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public long ownerId;

    @Column(name = "entry_date", nullable = false)
    public LocalDate entryDate;

    @Column(name = "entry_time")
    public LocalTime entryTime;

    public int severity;

    /** The side's code as stored; read it through {@link #side()}. */
    @Column(name = "side")
    String sideCode;

    /** The symptom codes as stored; read and write them through {@link #symptoms()} and {@link #apply}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "symptoms", nullable = false)
    String[] symptomCodes = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "factors", nullable = false)
    String[] factorCodes = new String[0];

    public String notes;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    @Override
    public int version() {
        return version;
    }

    /** Which leg, or null when the user did not say. */
    public Side side() {
        return Side.fromCode(sideCode).orElse(null);
    }

    public Set<Symptom> symptoms() {
        return Symptom.setOf(symptomCodes);
    }

    public Set<Factor> factors() {
        return Factor.setOf(factorCodes);
    }

    /** Copies validated values in; owner, id and version are never taken from the values. */
    public void apply(EntryValues values) {
        entryDate = values.date();
        entryTime = values.time();
        severity = values.severity();
        sideCode = values.side() == null ? null : values.side().code;
        symptomCodes = CodeSets.toCodes(values.symptoms());
        factorCodes = CodeSets.toCodes(values.factors());
        notes = values.notes();
    }

    public EntryValues values() {
        return new EntryValues(entryDate, entryTime, severity, side(), symptoms(), factors(), notes);
    }

    public static Optional<JournalEntry> findByIdAndOwner(long id, long ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }

    /**
     * The owner's entries whose marks a change on any of {@code dates} can affect, with the history the rules
     * need to mark them, in one query: for each date d, every entry dated from {@link MarkingRules#windowStart}(d),
     * the first day of history the rules need to mark an entry on d, to {@link MarkingRules#windowEnd}(d), the
     * last date whose marks a change on d can affect. (An affected entry on e, d &le; e &le; windowEnd(d), needs
     * history from windowStart(e), which is never before windowStart(d).)
     */
    static List<JournalEntry> findWithinWindowsOf(long ownerId, Collection<LocalDate> dates) {
        Parameters parameters = Parameters.with("owner", ownerId);
        List<String> ranges = new ArrayList<>();
        int i = 0;
        for (LocalDate date : dates) {
            ranges.add("entryDate between :from" + i + " and :to" + i);
            parameters.and("from" + i, MarkingRules.windowStart(date)).and("to" + i, MarkingRules.windowEnd(date));
            i++;
        }
        return find("ownerId = :owner and (" + String.join(" or ", ranges) + ")", parameters).list();
    }

    /** The entry as pages and reports read it, with the codes of its stored marks. */
    EntryView view(List<MarkCode> marks) {
        return new EntryView(id, entryDate, entryTime, severity, side(), symptoms(), factors(), notes, marks);
    }

    /** What the marking rules know of this entry. */
    EntryFacts facts() {
        return new EntryFacts(id, entryDate, side(), symptoms(), factors());
    }

    /** The owner's entries dated from {@code from} to {@code to}, both included, oldest first. */
    public static List<JournalEntry> findBetween(long ownerId, LocalDate from, LocalDate to) {
        return find("ownerId = ?1 and entryDate between ?2 and ?3 order by entryDate, entryTime nulls first, id",
                ownerId, from, to).list();
    }
}
