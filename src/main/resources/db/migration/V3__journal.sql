-- Journal entries. Symptoms and factors are arrays of the contract's codes, so that a query can ask for a
-- code directly (e.g. 'numbness' = ANY(symptoms)) without a join table per entry.
CREATE TABLE journal_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id    BIGINT        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    entry_date  DATE          NOT NULL,
    entry_time  TIME          NULL,
    severity    SMALLINT      NOT NULL,
    symptoms    TEXT[]        NOT NULL DEFAULT '{}',
    factors     TEXT[]        NOT NULL DEFAULT '{}',
    notes       VARCHAR(2000) NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    -- Optimistic locking: an edit made from a page opened before another edit is refused, not lost.
    version     INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT journal_entry_severity_range CHECK (severity BETWEEN 0 AND 10),
    CONSTRAINT journal_entry_notes_length CHECK (notes IS NULL OR char_length(notes) <= 2000)
);

-- Matches the list query exactly (owner, newest first), so a page costs the same at any history length.
CREATE INDEX journal_entry_owner_newest ON journal_entry
    (owner_id, entry_date DESC, entry_time DESC NULLS LAST, id DESC);
