-- Notices by email: each person chooses at once, a daily or weekly digest, or
-- never; a one-click unsubscribe link carries their own secret token. A notice
-- is emailed once: the run that claims it (email_batch) sends it.
ALTER TABLE users ADD COLUMN notify_mode TEXT NOT NULL DEFAULT 'daily';
ALTER TABLE users ADD COLUMN unsubscribe_token TEXT;
CREATE UNIQUE INDEX users_unsubscribe_token ON users (unsubscribe_token);
ALTER TABLE notifications ADD COLUMN emailed_at TEXT;
ALTER TABLE notifications ADD COLUMN email_batch TEXT;
CREATE INDEX notifications_unemailed ON notifications (user_id) WHERE emailed_at IS NULL;

-- Scheduled jobs run inside `serve`: a run is claimed by inserting its row, so
-- however many servers share the database, each slot runs once.
CREATE TABLE job_runs (
    name        TEXT NOT NULL,
    slot        TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    outcome     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (name, slot)
);
