-- A reviewer may ask the claimant a question about a claim ('queried'); the
-- claimant's answer claims it again. Each is a new version of the line.
ALTER TABLE benefit_versions DROP CONSTRAINT IF EXISTS benefit_versions_status_check;
ALTER TABLE benefit_versions ADD CONSTRAINT benefit_versions_status_check
    CHECK (status IN ('forecast', 'claimed', 'verified', 'queried', 'returned', 'rejected'));
