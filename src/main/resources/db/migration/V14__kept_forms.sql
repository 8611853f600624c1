-- Forms posted after their session had ended, kept for 30 minutes so that the next login can show them again
-- (account/KeptForms). The form is sealed with AES-GCM under a key derived from the session key; the row names the
-- browser only by the SHA-256 hash of its random cookie, and the account whose session had ended.
CREATE TABLE kept_form (
    id           BIGSERIAL   PRIMARY KEY,
    browser_hash TEXT        NOT NULL,
    user_id      BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    post_path    TEXT        NOT NULL,
    sealed       BYTEA       NOT NULL,
    kept_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX kept_form_browser ON kept_form (browser_hash, user_id);
CREATE INDEX kept_form_kept_at ON kept_form (kept_at);
