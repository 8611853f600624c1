package io.heavylegs.journal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The one row that says which rules version all stored marks were computed with, and how far a re-marking run
 * has come. A run locks it for each batch, so two app instances never re-mark the same batch.
 */
@Entity
@Table(name = "marking_state")
public class MarkingState extends PanacheEntityBase {

    @Id
    public boolean singleton = true;

    @Column(name = "rules_version")
    public int rulesVersion;

    /** The version the run in progress computes; a run for an older target starts over. */
    @Column(name = "remark_version")
    public Integer remarkVersion;

    @Column(name = "remark_after_owner")
    public Long remarkAfterOwner;

    @Column(name = "remark_after_date")
    public LocalDate remarkAfterDate;

    @Column(name = "remark_after_entry")
    public Long remarkAfterEntry;

    @Column(name = "remark_done")
    public long remarkDone;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static MarkingState current() {
        return findById(true);
    }

    /** The row, locked until the end of the transaction. */
    static MarkingState lockForUpdate() {
        return findById(true, LockModeType.PESSIMISTIC_WRITE);
    }

    boolean hasCursor() {
        return remarkAfterOwner != null;
    }

    void startRun(int version) {
        remarkVersion = version;
        remarkAfterOwner = null;
        remarkAfterDate = null;
        remarkAfterEntry = null;
        remarkDone = 0;
    }

    void finishRun(int version) {
        rulesVersion = version;
        startRun(version);
        remarkVersion = null;
    }
}
