-- A health check taken again at an invitation names the check it follows and
-- the months since (6 or 12), so the comparison pool keeps its pairs of
-- answers (nothing personal) even after the lead that consented is forgotten.
ALTER TABLE health_checks ADD COLUMN follows_check_id INTEGER REFERENCES health_checks (id) ON DELETE CASCADE;
ALTER TABLE health_checks ADD COLUMN recheck_months INTEGER CHECK (recheck_months IN (6, 12));
CREATE INDEX health_checks_follows ON health_checks (follows_check_id);
