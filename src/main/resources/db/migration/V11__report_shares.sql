-- Links that let a clinician read one report without an account (contract: /shares, /shared/{token}). The token
-- itself is never stored: only its SHA-256 hash, so a copy of the database holds no working link. The range is
-- fixed when the link is made; the link dies with the account.
CREATE TABLE report_share (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id       BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash     CHAR(64)    NOT NULL,
    range_from     DATE        NOT NULL,
    range_to       DATE        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ NULL,
    last_opened_at TIMESTAMPTZ NULL,
    open_count     INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT report_share_range_order CHECK (range_from <= range_to)
);

CREATE UNIQUE INDEX report_share_token_hash ON report_share (token_hash);
CREATE INDEX report_share_owner_newest ON report_share (owner_id, created_at DESC);

-- Lookups of /shared/{token} that found no working link, per client address: guessing is throttled with them.
CREATE TABLE report_share_miss (
    address   VARCHAR(64) NOT NULL,
    missed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX report_share_miss_address ON report_share_miss (address, missed_at);
