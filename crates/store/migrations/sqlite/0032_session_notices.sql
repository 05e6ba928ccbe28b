-- Notices about a session (its time or place changed), not about a post: the
-- session the notice leads to.
ALTER TABLE notifications ADD COLUMN session_id INTEGER REFERENCES cohort_sessions (id) ON DELETE CASCADE;
CREATE INDEX notifications_session ON notifications (session_id);
