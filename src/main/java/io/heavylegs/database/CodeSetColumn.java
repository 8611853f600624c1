package io.heavylegs.database;

import java.util.Set;

import jakarta.persistence.AttributeConverter;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Coded;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;

/**
 * A set of contract codes stored as a PostgreSQL {@code text[]} column of codes, in the contract's order: the one
 * place where code sets become columns and back. A stored code this version no longer knows is left out on
 * reading. Use the concrete converters below with {@code @Convert}.
 */
public abstract class CodeSetColumn<E extends Enum<E> & Coded> implements AttributeConverter<Set<E>, String[]> {

    private final Class<E> type;

    protected CodeSetColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String[] convertToDatabaseColumn(Set<E> values) {
        return values == null ? new String[0] : CodeSets.toCodes(values);
    }

    @Override
    public Set<E> convertToEntityAttribute(String[] codes) {
        return CodeSets.fromCodes(type, codes);
    }

    public static final class Symptoms extends CodeSetColumn<Symptom> {
        public Symptoms() {
            super(Symptom.class);
        }
    }

    public static final class Factors extends CodeSetColumn<Factor> {
        public Factors() {
            super(Factor.class);
        }
    }
}
