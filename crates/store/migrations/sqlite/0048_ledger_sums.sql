-- Each programme's lines summed by cohort, status and category, kept as the
-- lines change (see docs/kept-figures.md): the impact dashboard, a manager's
-- home and the claims counts read a few rows instead of every line.
-- `cohort_id` is 0 for a line of no cohort, and -1 for the programme's
-- rows across all its cohorts (each line is counted in its cohort's row and
-- in the programme's). Lines with no programme, status or category are not
-- summed (as they are in no programme's totals).
-- Each line counts at most its bound (£520m, a million tonnes of CO2e;
-- `ymarfer_domain::bounds`), as the method values it, so a row stored past
-- the bounds by other means cannot make a write fail.
CREATE TABLE ledger_sums (
    programme_id BIGINT NOT NULL,
    cohort_id    BIGINT NOT NULL,
    status       TEXT NOT NULL,
    category     TEXT NOT NULL,
    value_pence  BIGINT NOT NULL,
    co2e_grams   BIGINT NOT NULL,
    lines        BIGINT NOT NULL,
    PRIMARY KEY (programme_id, status, cohort_id, category)
);

INSERT INTO ledger_sums (programme_id, cohort_id, status, category, value_pence, co2e_grams, lines)
SELECT programme_id, COALESCE(cohort_id, 0), status, category,
    COALESCE(SUM(MIN(MAX(first_year_pence, -52000000000), 52000000000)), 0), COALESCE(SUM(MIN(MAX(co2e_grams, -1000000000000), 1000000000000)), 0), COUNT(*)
FROM benefit_lines
WHERE programme_id IS NOT NULL AND status IS NOT NULL AND category IS NOT NULL
GROUP BY programme_id, COALESCE(cohort_id, 0), status, category;

INSERT INTO ledger_sums (programme_id, cohort_id, status, category, value_pence, co2e_grams, lines)
SELECT programme_id, -1, status, category,
    COALESCE(SUM(MIN(MAX(first_year_pence, -52000000000), 52000000000)), 0), COALESCE(SUM(MIN(MAX(co2e_grams, -1000000000000), 1000000000000)), 0), COUNT(*)
FROM benefit_lines
WHERE programme_id IS NOT NULL AND status IS NOT NULL AND category IS NOT NULL
GROUP BY programme_id, status, category;

CREATE TRIGGER ledger_sums_in AFTER INSERT ON benefit_lines BEGIN
    INSERT INTO ledger_sums (programme_id, cohort_id, status, category, value_pence, co2e_grams, lines)
    SELECT NEW.programme_id, k.cohort_id, NEW.status, NEW.category,
        MIN(MAX(COALESCE(NEW.first_year_pence, 0), -52000000000), 52000000000),
        MIN(MAX(COALESCE(NEW.co2e_grams, 0), -1000000000000), 1000000000000), 1
    FROM (SELECT COALESCE(NEW.cohort_id, 0) AS cohort_id UNION ALL SELECT -1) k
    WHERE NEW.programme_id IS NOT NULL AND NEW.status IS NOT NULL AND NEW.category IS NOT NULL
    ON CONFLICT (programme_id, status, cohort_id, category) DO UPDATE SET
        value_pence = value_pence + excluded.value_pence,
        co2e_grams = co2e_grams + excluded.co2e_grams, lines = lines + 1;
END;

CREATE TRIGGER ledger_sums_out AFTER DELETE ON benefit_lines BEGIN
    UPDATE ledger_sums SET value_pence = value_pence - MIN(MAX(COALESCE(OLD.first_year_pence, 0), -52000000000), 52000000000),
        co2e_grams = co2e_grams - MIN(MAX(COALESCE(OLD.co2e_grams, 0), -1000000000000), 1000000000000), lines = lines - 1
    WHERE programme_id = OLD.programme_id AND status = OLD.status AND category = OLD.category
        AND cohort_id IN (COALESCE(OLD.cohort_id, 0), -1);
    DELETE FROM ledger_sums WHERE programme_id = OLD.programme_id AND status = OLD.status AND category = OLD.category
        AND cohort_id IN (COALESCE(OLD.cohort_id, 0), -1) AND lines <= 0;
END;

CREATE TRIGGER ledger_sums_changed
AFTER UPDATE OF programme_id, cohort_id, status, category, first_year_pence, co2e_grams ON benefit_lines
BEGIN
    UPDATE ledger_sums SET value_pence = value_pence - MIN(MAX(COALESCE(OLD.first_year_pence, 0), -52000000000), 52000000000),
        co2e_grams = co2e_grams - MIN(MAX(COALESCE(OLD.co2e_grams, 0), -1000000000000), 1000000000000), lines = lines - 1
    WHERE programme_id = OLD.programme_id AND status = OLD.status AND category = OLD.category
        AND cohort_id IN (COALESCE(OLD.cohort_id, 0), -1);
    INSERT INTO ledger_sums (programme_id, cohort_id, status, category, value_pence, co2e_grams, lines)
    SELECT NEW.programme_id, k.cohort_id, NEW.status, NEW.category,
        MIN(MAX(COALESCE(NEW.first_year_pence, 0), -52000000000), 52000000000),
        MIN(MAX(COALESCE(NEW.co2e_grams, 0), -1000000000000), 1000000000000), 1
    FROM (SELECT COALESCE(NEW.cohort_id, 0) AS cohort_id UNION ALL SELECT -1) k
    WHERE NEW.programme_id IS NOT NULL AND NEW.status IS NOT NULL AND NEW.category IS NOT NULL
    ON CONFLICT (programme_id, status, cohort_id, category) DO UPDATE SET
        value_pence = value_pence + excluded.value_pence,
        co2e_grams = co2e_grams + excluded.co2e_grams, lines = lines + 1;
    DELETE FROM ledger_sums WHERE programme_id = OLD.programme_id AND status = OLD.status AND category = OLD.category
        AND cohort_id IN (COALESCE(OLD.cohort_id, 0), -1) AND lines <= 0;
END;
