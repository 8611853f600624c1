-- Login attempts, kept in the database so that every app instance behind the load balancer throttles alike.
-- The email is stored only as a SHA-256 hash of its normalised form: enough to count attempts per account,
-- without keeping a list of every address someone typed. Rows older than a day are deleted as new ones arrive.
CREATE TABLE login_attempt (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_hash   CHAR(64)    NOT NULL,
    address      VARCHAR(64) NOT NULL,
    outcome      VARCHAR(10) NOT NULL CHECK (outcome IN ('success', 'failure', 'refused')),
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The throttle counts recent failures per account and per client address.
CREATE INDEX login_attempt_email_failures ON login_attempt (email_hash, attempted_at) WHERE outcome = 'failure';
CREATE INDEX login_attempt_address_failures ON login_attempt (address, attempted_at) WHERE outcome = 'failure';
CREATE INDEX login_attempt_attempted_at ON login_attempt (attempted_at);
