-- Passkeys (WebAuthn credentials): a user signs in with one instead of the password. Only the public key is
-- kept; the private key never leaves the user's device. Deleting the account deletes its passkeys.
CREATE TABLE passkey (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id              BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    -- The authenticator's credential id, Base64URL as the browser sends it in rawId
    credential_id        VARCHAR(1400) NOT NULL UNIQUE,
    aaguid               UUID,
    -- The COSE-encoded public key and its algorithm (COSE identifier: -7 ES256, -257 RS256)
    public_key           BYTEA        NOT NULL,
    public_key_algorithm BIGINT       NOT NULL,
    -- The authenticator's signature counter: a value that does not grow betrays a cloned authenticator
    sign_count           BIGINT       NOT NULL DEFAULT 0,
    -- The user's own name for it ("Phone", "Laptop"), shown on the account page
    name                 VARCHAR(60)  NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at         TIMESTAMPTZ
);

CREATE INDEX passkey_user ON passkey (user_id);
