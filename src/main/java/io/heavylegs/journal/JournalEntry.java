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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/**
 * One journal entry of one user. Every finder takes the owner: there is no way to load an entry without
 * saying whose it must be.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry extends PanacheEntityBase {

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

    /** Symptom codes in {@link Symptom} order; read them through {@link #symptoms()}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "symptoms", nullable = false)
    public String[] symptomCodes = new String[0];

    /** Factor codes in {@link Factor} order; read them through {@link #factors()}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "factors", nullable = false)
    public String[] factorCodes = new String[0];

    public String notes;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

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
        symptomCodes = values.symptoms().stream().sorted().map(s -> s.code).toArray(String[]::new);
        factorCodes = values.factors().stream().sorted().map(f -> f.code).toArray(String[]::new);
        notes = values.notes();
    }

    public EntryValues values() {
        return new EntryValues(entryDate, entryTime, severity, symptoms(), factors(), notes);
    }

    public static Optional<JournalEntry> findByIdAndOwner(long id, long ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }

    /**
     * The owner's entries dated within {@code days} days (before or after) of any of {@code dates}, in one
     * query: the neighbourhood whose marks a change on those dates can affect.
     */
    public static List<JournalEntry> findWithinDaysOf(long ownerId, Collection<LocalDate> dates, int days) {
        Parameters parameters = Parameters.with("owner", ownerId);
        List<String> ranges = new ArrayList<>();
        int i = 0;
        for (LocalDate date : dates) {
            ranges.add("entryDate between :from" + i + " and :to" + i);
            parameters.and("from" + i, date.minusDays(days)).and("to" + i, date.plusDays(days));
            i++;
        }
        return find("ownerId = :owner and (" + String.join(" or ", ranges) + ")", parameters).list();
    }

    /** The owner's entries dated from {@code from} to {@code to}, both included, oldest first. */
    public static List<JournalEntry> findBetween(long ownerId, LocalDate from, LocalDate to) {
        return find("ownerId = ?1 and entryDate between ?2 and ?3 order by entryDate, entryTime nulls first, id",
                ownerId, from, to).list();
    }
}
