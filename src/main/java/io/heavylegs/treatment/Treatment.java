package io.heavylegs.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.heavylegs.web.Versioned;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A supplement or medicine of one user, with the dates they took it. Every finder takes the owner.
 */
@Entity
@Table(name = "treatment")
public class Treatment extends PanacheEntityBase implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public long ownerId;

    /** The kind's code as stored; read it through {@link #kind()}. */
    @Column(name = "kind", nullable = false)
    String kindCode;

    @Column(nullable = false)
    public String name;

    public String dose;

    @Column(nullable = false)
    public LocalDate started;

    public LocalDate stopped;

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

    public TreatmentKind kind() {
        return TreatmentKind.fromCode(kindCode).orElseThrow();
    }

    /** Still being taken on {@code today}: no stop date, or one not yet passed. */
    public boolean isCurrent(LocalDate today) {
        return stopped == null || !stopped.isBefore(today);
    }

    /** Copies validated values in; owner, id and version never come from the values. */
    public void apply(TreatmentValues values) {
        kindCode = values.kind().code;
        name = values.name();
        dose = values.dose();
        started = values.started();
        stopped = values.stopped();
        notes = values.notes();
    }

    public static Optional<Treatment> findByIdAndOwner(long id, long ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }

    /** The owner's treatments, latest start first. */
    public static List<Treatment> findByOwner(long ownerId) {
        return find("ownerId = ?1 order by started desc, id desc", ownerId).list();
    }
}
