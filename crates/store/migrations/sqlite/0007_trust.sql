-- Organisations take part in programmes. One record per firm; staff see and change
-- it only through a programme in which it takes part.
CREATE TABLE programme_organisations (
    programme_id    INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (programme_id, organisation_id)
);
CREATE INDEX programme_organisations_org ON programme_organisations (organisation_id);

INSERT INTO programme_organisations (programme_id, organisation_id)
SELECT c.programme_id, e.organisation_id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
WHERE e.organisation_id IS NOT NULL
UNION
SELECT c.programme_id, p.organisation_id FROM projects p JOIN cohorts c ON c.id = p.cohort_id
UNION
SELECT c.programme_id, f.organisation_id FROM followups f JOIN cohorts c ON c.id = f.cohort_id;

-- The organisation a person represents belongs to their enrolment; this column
-- is no longer read or written.
UPDATE users SET organisation_id = NULL;

-- The hourly rate and capture factor each version was valued with. A verified
-- line keeps them: a later change to a rate applies to unverified lines only.
ALTER TABLE benefit_versions ADD COLUMN valued_rate_pence INTEGER;
ALTER TABLE benefit_versions ADD COLUMN capture_thousandths INTEGER;
UPDATE benefit_versions SET
  valued_rate_pence = COALESCE(hourly_rate_pence,
    (SELECT o.hourly_rate_pence FROM benefit_lines l JOIN projects p ON p.id = l.project_id
       JOIN organisations o ON o.id = p.organisation_id WHERE l.id = benefit_versions.line_id),
    (SELECT g.default_hourly_rate_pence FROM benefit_lines l JOIN projects p ON p.id = l.project_id
       JOIN cohorts c ON c.id = p.cohort_id JOIN programmes g ON g.id = c.programme_id
       WHERE l.id = benefit_versions.line_id)),
  capture_thousandths =
    (SELECT g.capture_factor_thousandths FROM benefit_lines l JOIN projects p ON p.id = l.project_id
       JOIN cohorts c ON c.id = p.cohort_id JOIN programmes g ON g.id = c.programme_id
       WHERE l.id = benefit_versions.line_id)
WHERE status = 'verified';

-- Emailed sign-in links and password resets count against the same limits as
-- failed sign-ins, kept apart by kind.
ALTER TABLE login_attempts ADD COLUMN kind TEXT NOT NULL DEFAULT 'password';
CREATE INDEX login_attempts_at ON login_attempts (at);
