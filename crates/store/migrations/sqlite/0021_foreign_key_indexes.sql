-- Indexes on the references pages follow, so that no page scans a whole table
-- to find a programme's lines, a firm's projects or a person's enrolments
-- (measured with `ymarfer synth` at the scale of Wales).
CREATE INDEX IF NOT EXISTS benefit_lines_project ON benefit_lines (project_id);
CREATE INDEX IF NOT EXISTS projects_organisation ON projects (organisation_id);
CREATE INDEX IF NOT EXISTS enrolments_user ON enrolments (user_id);
CREATE INDEX IF NOT EXISTS enrolments_organisation ON enrolments (organisation_id);
CREATE INDEX IF NOT EXISTS memberships_cohort ON memberships (cohort_id);
CREATE INDEX IF NOT EXISTS memberships_programme ON memberships (programme_id);
CREATE INDEX IF NOT EXISTS posts_project ON posts (project_id);
CREATE INDEX IF NOT EXISTS leads_health_check ON leads (health_check_id);
CREATE INDEX IF NOT EXISTS leads_organisation ON leads (organisation_id);
CREATE INDEX IF NOT EXISTS leads_user ON leads (user_id);
CREATE INDEX IF NOT EXISTS health_checks_lead ON health_checks (lead_id);
CREATE INDEX IF NOT EXISTS notifications_post ON notifications (post_id);
CREATE INDEX IF NOT EXISTS followups_organisation ON followups (organisation_id);
CREATE INDEX IF NOT EXISTS followups_user ON followups (user_id);
CREATE INDEX IF NOT EXISTS learning_sets_cohort ON learning_sets (cohort_id);
CREATE INDEX IF NOT EXISTS reflections_cohort ON reflections (cohort_id);
CREATE INDEX IF NOT EXISTS commitments_session ON commitments (session_id);
CREATE INDEX IF NOT EXISTS attendance_user ON attendance (user_id);
CREATE INDEX IF NOT EXISTS capability_answers_user ON capability_answers (user_id);
CREATE INDEX IF NOT EXISTS benefit_versions_verified_by ON benefit_versions (verified_by);
