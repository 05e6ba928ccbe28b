-- The audit trail: sensitive acts, who did them, when and from where. Append
-- only: the database itself refuses to change or remove a row. No foreign keys,
-- so that removing a person or a programme never rewrites the record.
CREATE TABLE audit_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    actor_id     BIGINT,
    -- The actor's name and email as they were at the time.
    actor        TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL,
    programme_id BIGINT,
    subject      TEXT NOT NULL DEFAULT '',
    detail       TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_programme ON audit_events (programme_id, at);
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
