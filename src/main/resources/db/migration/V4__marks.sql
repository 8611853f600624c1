-- Marks as computed when an entry was written, with the evidence behind each, so that pages only read them.
CREATE TABLE entry_mark (
    entry_id        BIGINT      NOT NULL REFERENCES journal_entry (id) ON DELETE CASCADE,
    code            TEXT        NOT NULL,
    signature       TEXT[]      NOT NULL DEFAULT '{}',
    supporting      TEXT[]      NOT NULL DEFAULT '{}',
    factors         TEXT[]      NOT NULL DEFAULT '{}',
    persistent_days INTEGER     NOT NULL DEFAULT 0,
    rules_version   INTEGER     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_id, code)
);

-- The journal's mark filter: "entries with this code", joined back to the owner's entries.
CREATE INDEX entry_mark_code ON entry_mark (code, entry_id);

-- One row: the rules version every stored mark was computed with, and the progress of a re-marking run
-- (the last entry done, in owner, date, id order), so that an interrupted run resumes where it stopped.
CREATE TABLE marking_state (
    singleton          BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    rules_version      INTEGER     NOT NULL,
    remark_version     INTEGER     NULL,
    remark_after_owner BIGINT      NULL,
    remark_after_date  DATE        NULL,
    remark_after_entry BIGINT      NULL,
    remark_done        BIGINT      NOT NULL DEFAULT 0,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Version 0: entries written before marks existed have none, so the first start marks them all.
INSERT INTO marking_state (rules_version) VALUES (0);
