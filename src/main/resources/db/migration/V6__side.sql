-- Which leg an entry's symptoms are in (contract field "side"): one swollen or warm leg is a red flag that both
-- legs are not. NULL means the user did not say.
ALTER TABLE journal_entry ADD COLUMN side VARCHAR(5) NULL
    CONSTRAINT journal_entry_side_code CHECK (side IN ('left', 'right', 'both'));

-- The side as evidence of a care mark, so its reason ("your left leg") is told without re-running the rules.
ALTER TABLE entry_mark ADD COLUMN side VARCHAR(5) NULL
    CONSTRAINT entry_mark_side_code CHECK (side IN ('left', 'right', 'both'));

-- "Symptoms on N of the last 14 days" above the journal: days with at least one symptom, per owner and date.
CREATE INDEX journal_entry_owner_symptom_days ON journal_entry (owner_id, entry_date)
    WHERE cardinality(symptoms) > 0;
