package io.heavylegs.labs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
 * One blood test result of one user, as the lab printed it: value, unit and the lab's reference range. Every
 * finder takes the owner.
 */
@Entity
@Table(name = "lab_result")
public class LabResult extends PanacheEntityBase implements Versioned {

    /** "2 Oct 2026": the date as the result's sentence says it. */
    private static final DateTimeFormatter IN_SENTENCE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public long ownerId;

    /** The test's code as stored; read it through {@link #test()}. */
    @Column(name = "test", nullable = false)
    String testCode;

    /** The user's name of the test, for {@link LabTest#OTHER} only. */
    public String name;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(nullable = false)
    public String unit;

    @Column(name = "range_low")
    public BigDecimal low;

    @Column(name = "range_high")
    public BigDecimal high;

    @Column(name = "result_date", nullable = false)
    public LocalDate date;

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

    public LabTest test() {
        return LabTest.fromCode(testCode).orElseThrow();
    }

    /**
     * A stored result read in plain SQL (the journal's chart, on every list request), for its words only: never
     * persisted, so that the wording stays in this class while the read skips Hibernate.
     */
    public static LabResult read(String testCode, String name, BigDecimal value, String unit, BigDecimal low,
            BigDecimal high, LocalDate date) {
        LabResult result = new LabResult();
        result.testCode = testCode;
        result.name = name;
        result.value = value;
        result.unit = unit;
        result.low = low;
        result.high = high;
        result.date = date;
        return result;
    }

    /** The test as a heading shows it: the user's own name for another test. */
    public String title() {
        return test() == LabTest.OTHER ? name : test().label;
    }

    /** The test as a sentence names it: "ferritin", "B12", or the user's own name. */
    public String inSentence() {
        return test() == LabTest.OTHER ? name : test().inSentence;
    }

    public boolean hasRange() {
        return low != null || high != null;
    }

    /**
     * Below, within or above the range the lab printed (a limit itself is within); empty without a range. With
     * only one limit printed, only that limit is judged.
     */
    public Optional<RangePosition> position() {
        if (low != null && value.compareTo(low) < 0) {
            return Optional.of(RangePosition.BELOW);
        }
        if (high != null && value.compareTo(high) > 0) {
            return Optional.of(RangePosition.ABOVE);
        }
        return hasRange() ? Optional.of(RangePosition.WITHIN) : Optional.empty();
    }

    /** "12 µg/L": the value as the lab printed it (NUMERIC keeps "12.0" apart from "12"). */
    public String valueWithUnit() {
        return value.toPlainString() + " " + unit;
    }

    /** The printed range as words: "30–400 µg/L", "at least 30 µg/L", "up to 5 mU/L"; null without one. */
    public String rangeText() {
        if (low != null && high != null) {
            return low.toPlainString() + "\u2013" + high.toPlainString() + " " + unit;
        }
        if (low != null) {
            return "at least " + low.toPlainString() + " " + unit;
        }
        return high == null ? null : "up to " + high.toPlainString() + " " + unit;
    }

    /**
     * The result in one sentence: "Your ferritin on 2 Oct 2026 was 12 µg/L — below the range your lab printed
     * (30–400 µg/L)"; without a range it ends at the value.
     */
    public String sentence() {
        String said = "Your " + inSentence() + " on " + date.format(IN_SENTENCE) + " was " + valueWithUnit();
        return position().map(p -> said + " \u2014 " + p.words() + " (" + rangeText() + ")").orElse(said);
    }

    /** Copies validated values in; owner, id and version never come from the values. */
    public void apply(LabValues values) {
        testCode = values.test().code;
        name = values.test() == LabTest.OTHER ? values.name() : null;
        value = values.value();
        unit = values.unit();
        low = values.low();
        high = values.high();
        date = values.date();
        notes = values.notes();
    }

    public static Optional<LabResult> findByIdAndOwner(long id, long ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }

    /** The owner's results, newest first. */
    public static List<LabResult> findByOwner(long ownerId) {
        return find("ownerId = ?1 order by date desc, id desc", ownerId).list();
    }

    /** The owner's results dated up to {@code day}, newest first (one index range of the owner). */
    public static List<LabResult> findUpTo(long ownerId, LocalDate day) {
        return find("ownerId = ?1 and date <= ?2 order by date desc, id desc", ownerId, day).list();
    }

    /** The owner's newest result of any of {@code tests} (the latest date; the last saved on a tie). */
    public static Optional<LabResult> latestOf(long ownerId, Collection<LabTest> tests) {
        if (tests.isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = tests.stream().map(t -> t.code).toList();
        return find("ownerId = ?1 and testCode in ?2 order by date desc, id desc", ownerId, codes)
                .firstResultOptional();
    }
}
