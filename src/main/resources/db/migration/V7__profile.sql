-- The profile of an account (contract: POST /account/profile). One row per user, written the first time the
-- profile form is saved; without a row every field has its default (Profile.forUser). Deleted with the user.
CREATE TABLE user_profile (
    user_id          BIGINT       PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    -- Shown on the report ("Prepared by the patient"); both optional.
    name             VARCHAR(100) NULL,
    birth_date       DATE         NULL,
    -- Factor codes ticked in advance on every new entry.
    standing_factors TEXT[]       NOT NULL DEFAULT '{}',
    -- An IANA time zone name: what "today" and "the morning" mean for this user.
    time_zone        VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    -- A daily reminder e-mail at this local time on days without an entry; NULL: no reminder.
    reminder_time    TIME         NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT user_profile_name_length CHECK (name IS NULL OR char_length(name) <= 100)
);

-- The reminder job looks only at users who asked for one.
CREATE INDEX user_profile_reminder ON user_profile (reminder_time) WHERE reminder_time IS NOT NULL;
