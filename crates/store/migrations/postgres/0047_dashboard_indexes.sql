-- The impact dashboard's comparison group reads only the checks taken again
-- (a few among hundreds of thousands), not every check.
CREATE INDEX health_checks_rechecks ON health_checks (follows_check_id, recheck_months)
    WHERE recheck_months IS NOT NULL;
