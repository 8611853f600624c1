-- Signed-in sessions as rows, so that the user can see and end each one and every app instance agrees at once
-- (PostgreSQL is the only state). The encrypted session cookie names its row; a request whose row is ended, or
-- idle for longer than its kind allows (30 minutes, or 7 days when "keep me signed in" was ticked), is refused.
CREATE TABLE user_session (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    remembered   BOOLEAN      NOT NULL,
    -- The browser's User-Agent at sign-in, cut to 300 characters: shown as "Firefox on Android" and the like.
    user_agent   VARCHAR(300) NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ended_at     TIMESTAMPTZ
);

CREATE INDEX user_session_open ON user_session (user_id) WHERE ended_at IS NULL;
-- Rows ended or idle for long are deleted as new sessions start.
CREATE INDEX user_session_last_used ON user_session (last_used_at);
