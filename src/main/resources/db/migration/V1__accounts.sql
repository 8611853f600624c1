-- Accounts. The email is stored trimmed and lower-cased, so the unique index also rejects a second
-- registration that differs only in case.
CREATE TABLE app_user (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email              VARCHAR(254) NOT NULL,
    password_hash      VARCHAR(100) NOT NULL,
    role               VARCHAR(20)  NOT NULL DEFAULT 'user',
    -- Raised on logout, password change and account deletion: every cookie issued before is then refused.
    session_generation INTEGER      NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT app_user_email_lower CHECK (email = lower(email))
);

CREATE UNIQUE INDEX app_user_email_key ON app_user (email);
