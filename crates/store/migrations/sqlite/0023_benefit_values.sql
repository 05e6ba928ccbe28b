-- Each version's first-year value (pence) and first-year CO2e (grams) by the
-- impact method, written by the store whenever a version is written or
-- verified, and whenever an organisation's or programme's rate that values it
-- changes (a verified version keeps the rate recorded when it was verified).
-- Rows written before this are valued when the server starts.
ALTER TABLE benefit_versions ADD COLUMN first_year_pence BIGINT;
ALTER TABLE benefit_versions ADD COLUMN co2e_grams BIGINT;

-- Each line carries where it belongs (its project's programme, cohort and
-- organisation, which never change) and its current version's figures, kept
-- by the store in the same transactions. Totals over a programme are then one
-- range of one index.
ALTER TABLE benefit_lines ADD COLUMN programme_id INTEGER;
ALTER TABLE benefit_lines ADD COLUMN cohort_id INTEGER;
ALTER TABLE benefit_lines ADD COLUMN organisation_id INTEGER;
ALTER TABLE benefit_lines ADD COLUMN status TEXT;
ALTER TABLE benefit_lines ADD COLUMN category TEXT;
ALTER TABLE benefit_lines ADD COLUMN frequency TEXT;
ALTER TABLE benefit_lines ADD COLUMN starts_on TEXT;
ALTER TABLE benefit_lines ADD COLUMN first_year_pence BIGINT;
ALTER TABLE benefit_lines ADD COLUMN co2e_grams BIGINT;
UPDATE benefit_lines SET
    programme_id = (SELECT c.programme_id FROM projects p JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = benefit_lines.project_id),
    cohort_id = (SELECT p.cohort_id FROM projects p WHERE p.id = benefit_lines.project_id),
    organisation_id = (SELECT p.organisation_id FROM projects p WHERE p.id = benefit_lines.project_id);
CREATE INDEX benefit_lines_figures ON benefit_lines
    (programme_id, status, category, cohort_id, organisation_id, first_year_pence, co2e_grams,
     starts_on, frequency);

-- Savings of firms like the one taking the health check: its size band and
-- sector, then their verified lines.
CREATE INDEX organisations_band_sector ON organisations (employee_band, sic_section);
CREATE INDEX benefit_lines_organisation ON benefit_lines (organisation_id, status, first_year_pence);
