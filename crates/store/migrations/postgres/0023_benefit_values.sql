-- Each version's first-year value (pence) and first-year CO2e (grams) by the
-- impact method, written by the store whenever a version is written or
-- verified, and whenever an organisation's or programme's rate that values it
-- changes (a verified version keeps the rate recorded when it was verified).
-- Totals over a programme are then sums in the database. Rows written before
-- this are valued when the server starts.
ALTER TABLE benefit_versions ADD COLUMN first_year_pence BIGINT;
ALTER TABLE benefit_versions ADD COLUMN co2e_grams BIGINT;
