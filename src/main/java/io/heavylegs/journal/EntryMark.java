package io.heavylegs.journal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;
import io.heavylegs.marks.Mark;
import io.heavylegs.marks.MarkExplanations;
import io.heavylegs.marks.MarkingRules;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stored mark of one journal entry, as the rules of {@link #rulesVersion} gave it. Entries are only ever
 * looked up by their owner first; marks are then read by the ids of those entries.
 */
@Entity
@Table(name = "entry_mark")
@IdClass(EntryMark.Key.class)
public class EntryMark extends PanacheEntityBase {

    /** The composite primary key: an entry has each code at most once. */
    public static class Key implements Serializable {
        public Long entryId;
        public String code;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(entryId, key.entryId) && Objects.equals(code, key.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, code);
        }
    }

    @Id
    @Column(name = "entry_id")
    public Long entryId;

    @Id
    public String code;

    /** The evidence as stored codes; read it through {@link #mark()}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "signature", nullable = false)
    String[] signatureCodes = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "supporting", nullable = false)
    String[] supportingCodes = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "factors", nullable = false)
    String[] factorCodes = new String[0];

    @Column(name = "persistent_days")
    public int persistentDays;

    /** The side as evidence of a care mark (the leg named in its reason); null for other marks. */
    @Column(name = "side")
    String sideCode;

    @Column(name = "rules_version")
    public int rulesVersion;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    static EntryMark of(long entryId, Mark mark) {
        EntryMark stored = new EntryMark();
        stored.entryId = entryId;
        stored.code = mark.code().code;
        stored.signatureCodes = CodeSets.toCodes(mark.signature());
        stored.supportingCodes = CodeSets.toCodes(mark.supporting());
        stored.factorCodes = CodeSets.toCodes(mark.factors());
        stored.persistentDays = mark.persistentDays();
        stored.sideCode = mark.side() == null ? null : mark.side().code;
        stored.rulesVersion = MarkingRules.VERSION;
        return stored;
    }

    /**
     * A stored mark read in plain SQL ({@link JournalReads#careReasons}), for its words only: never persisted, so
     * that the wording stays with {@link #mark()} while the read skips Hibernate.
     */
    static EntryMark read(String code, String[] signature, String[] supporting, String[] factors, String side,
            int persistentDays) {
        EntryMark read = new EntryMark();
        read.code = code;
        read.signatureCodes = signature;
        read.supportingCodes = supporting;
        read.factorCodes = factors;
        read.sideCode = side;
        read.persistentDays = persistentDays;
        return read;
    }

    /** The code as the rules know it; the finders below leave out codes the rules no longer have. */
    public MarkCode markCode() {
        return MarkCode.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown mark code " + code));
    }

    public Mark mark() {
        return new Mark(markCode(), Symptom.setOf(signatureCodes), Symptom.setOf(supportingCodes),
                Factor.setOf(factorCodes), side(), persistentDays);
    }

    private Side side() {
        return Side.fromCode(sideCode).orElse(null);
    }

    /** The reason in words, naming the entry's symptoms and factors that matched. */
    public String reason() {
        return MarkExplanations.reason(mark());
    }

    public boolean isUrgent() {
        return MarkCode.URGENT.code.equals(code);
    }

    /** The marks of an entry in display order ({@link MarkCode} order). */
    public static List<EntryMark> forEntry(long entryId) {
        return shown(list("entryId", entryId));
    }

    /**
     * The marks of several entries in ONE query, in display order per entry: a page of the journal or of a
     * report must not cost a query per entry. Entries without marks map to an empty list.
     */
    public static Map<Long, List<EntryMark>> forEntries(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<EntryMark>> byEntry = EntryMark.<EntryMark> list("entryId in ?1", entryIds).stream()
                .collect(Collectors.groupingBy(m -> m.entryId));
        return entryIds.stream().distinct()
                .collect(Collectors.toMap(id -> id, id -> shown(byEntry.getOrDefault(id, List.of()))));
    }

    /** Every stored mark of these entries, codes of older rules included, in one query. */
    public static List<EntryMark> storedFor(Collection<Long> entryIds) {
        return entryIds.isEmpty() ? List.of() : list("entryId in ?1", entryIds);
    }

    Key key() {
        Key key = new Key();
        key.entryId = entryId;
        key.code = code;
        return key;
    }

    /** Takes the content of {@code wanted} (same entry and code), touching only what differs. */
    void becomeLike(EntryMark wanted) {
        if (!Arrays.equals(signatureCodes, wanted.signatureCodes)) {
            signatureCodes = wanted.signatureCodes;
        }
        if (!Arrays.equals(supportingCodes, wanted.supportingCodes)) {
            supportingCodes = wanted.supportingCodes;
        }
        if (!Arrays.equals(factorCodes, wanted.factorCodes)) {
            factorCodes = wanted.factorCodes;
        }
        persistentDays = wanted.persistentDays;
        sideCode = wanted.sideCode;
        rulesVersion = wanted.rulesVersion;
    }

    private static List<EntryMark> shown(List<EntryMark> marks) {
        // A code from older rules stays stored until re-marking replaces it; it is not shown meanwhile.
        return marks.stream().filter(m -> MarkCode.fromCode(m.code).isPresent())
                .sorted(Comparator.comparing(EntryMark::markCode)).toList();
    }

}
