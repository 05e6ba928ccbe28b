-- The impact dashboard's comparison group reads only the checks taken again
-- (a few among hundreds of thousands), not every check.
CREATE INDEX health_checks_rechecks ON health_checks (follows_check_id, recheck_months)
    WHERE recheck_months IS NOT NULL;

-- Its net impact reads a programme's verified lines by project and value,
-- in that order, from the index alone.
CREATE INDEX benefit_lines_by_project ON benefit_lines
    (programme_id, status, project_id, first_year_pence, cohort_id);
