package io.heavylegs.report;

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

import io.heavylegs.web.DateRange;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A link to one report of one user, for a clinician without an account. Holds the SHA-256 hash of the link's
 * token, never the token. Every owner-side finder takes the owner.
 */
@Entity
@Table(name = "report_share")
public class ReportShare extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public long ownerId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    String tokenHash;

    @Column(name = "range_from", nullable = false, updatable = false)
    public LocalDate rangeFrom;

    @Column(name = "range_to", nullable = false, updatable = false)
    public LocalDate rangeTo;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_opened_at")
    public Instant lastOpenedAt;

    @Column(name = "open_count", nullable = false)
    public int openCount;

    public DateRange range() {
        return new DateRange(rangeFrom, rangeTo);
    }

    /** Whether the link opens the report at {@code now}: not revoked and not yet expired. */
    public boolean worksAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    static Optional<ReportShare> findByIdAndOwner(long id, long ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }

    static Optional<ReportShare> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** The owner's links, newest first. */
    static List<ReportShare> findByOwner(long ownerId) {
        return find("ownerId = ?1 order by createdAt desc, id desc", ownerId).list();
    }
}
