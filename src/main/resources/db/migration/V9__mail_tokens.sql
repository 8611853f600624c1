-- Links mailed to a user: a password reset (valid 30 minutes) or an address confirmation. Only the SHA-256 hash
-- of the token is stored, so the table alone opens nothing. A token works once: using it sets used_at in the same
-- statement that checks it is unused and unexpired.
CREATE TABLE mail_token (
    token_hash CHAR(64)    PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    purpose    VARCHAR(20) NOT NULL CHECK (purpose IN ('password-reset', 'confirm-email')),
    -- The address the link was sent to: a confirmation counts only while the account still has it.
    email      VARCHAR(254) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- The per-account throttle counts the links recently sent to one user.
CREATE INDEX mail_token_user_created ON mail_token (user_id, purpose, created_at);

-- Password reset requests, known address or not, for the per-address throttle. Like login_attempt it keeps only
-- a hash of the typed email. Rows older than a day are deleted as new ones arrive.
CREATE TABLE password_reset_request (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_hash   CHAR(64)    NOT NULL,
    address      VARCHAR(64) NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX password_reset_request_address ON password_reset_request (address, requested_at);
CREATE INDEX password_reset_request_email ON password_reset_request (email_hash, requested_at);
CREATE INDEX password_reset_request_requested_at ON password_reset_request (requested_at);

-- When the user proved they read mail at their address (a confirmation link, or a password reset); reminders go
-- only to confirmed addresses.
ALTER TABLE app_user ADD COLUMN email_confirmed_at TIMESTAMPTZ;
