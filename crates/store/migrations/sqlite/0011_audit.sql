-- The audit trail: sensitive acts, who did them, when and from where. Append
-- only: the database itself refuses to change or remove a row. No foreign keys,
-- so that removing a person or a programme never rewrites the record.
CREATE TABLE audit_events (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_id     INTEGER,
    -- The actor's name and email as they were at the time.
    actor        TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL,
    programme_id INTEGER,
    subject      TEXT NOT NULL DEFAULT '',
    detail       TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_programme ON audit_events (programme_id, at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
