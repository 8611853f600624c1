-- The daily reminder e-mails (reminder/ReminderJob). One row per user and local day (the day in the user's own time
-- zone) on which a reminder went out: inserting it is the claim that lets exactly one job run send that day's mail,
-- whichever app instance gets there first (INSERT ... ON CONFLICT DO NOTHING on the primary key). The job deletes
-- rows older than a few days; they hold no health data, only that a reminder was sent.
CREATE TABLE reminder_sent (
    user_id    BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    local_date DATE        NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, local_date)
);

CREATE INDEX reminder_sent_local_date ON reminder_sent (local_date);

-- The job asks, zone by zone, for the users whose reminder time has passed there.
DROP INDEX user_profile_reminder;
CREATE INDEX user_profile_reminder ON user_profile (time_zone, reminder_time) WHERE reminder_time IS NOT NULL;
