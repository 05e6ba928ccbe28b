-- Notices about a project's ledger (a claim verified), not about a post: the
-- project whose ledger the notice leads to.
ALTER TABLE notifications ADD COLUMN project_id INTEGER REFERENCES projects (id) ON DELETE CASCADE;
CREATE INDEX notifications_project ON notifications (project_id);
