-- A reviewer may send a claim back to the claimant for rework ('returned') or
-- reject it ('rejected'), each as a new version of the line.
ALTER TABLE benefit_versions DROP CONSTRAINT IF EXISTS benefit_versions_status_check;
ALTER TABLE benefit_versions ADD CONSTRAINT benefit_versions_status_check
    CHECK (status IN ('forecast', 'claimed', 'verified', 'returned', 'rejected'));
