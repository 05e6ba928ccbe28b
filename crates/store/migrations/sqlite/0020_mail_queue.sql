-- Every email is kept here from the moment it is written until it is sent, so
-- that a mail server that is down loses nothing: one attempt is made at once,
-- and the mail job tries again with growing waits. A sent email's words (which
-- may carry a single-use link) are not kept.
CREATE TABLE mail_queue (
    id              INTEGER PRIMARY KEY,
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    unsubscribe     TEXT,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         TEXT
);
CREATE INDEX mail_queue_due ON mail_queue (next_attempt_at) WHERE sent_at IS NULL;
