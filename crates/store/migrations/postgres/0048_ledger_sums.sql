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
    COALESCE(SUM(LEAST(GREATEST(first_year_pence, -52000000000), 52000000000)), 0), COALESCE(SUM(LEAST(GREATEST(co2e_grams, -1000000000000), 1000000000000)), 0), COUNT(*)
FROM benefit_lines
WHERE programme_id IS NOT NULL AND status IS NOT NULL AND category IS NOT NULL
GROUP BY programme_id, COALESCE(cohort_id, 0), status, category;

INSERT INTO ledger_sums (programme_id, cohort_id, status, category, value_pence, co2e_grams, lines)
SELECT programme_id, -1, status, category,
    COALESCE(SUM(LEAST(GREATEST(first_year_pence, -52000000000), 52000000000)), 0), COALESCE(SUM(LEAST(GREATEST(co2e_grams, -1000000000000), 1000000000000)), 0), COUNT(*)
FROM benefit_lines
WHERE programme_id IS NOT NULL AND status IS NOT NULL AND category IS NOT NULL
GROUP BY programme_id, status, category;

-- Adds a line's value, CO2e and count (or, negative, takes them away) in its
-- cohort's row and its programme's.
CREATE FUNCTION ledger_sums_add(p BIGINT, c BIGINT, s TEXT, k TEXT, value BIGINT, co2e BIGINT, n BIGINT)
RETURNS void AS $$
BEGIN
    IF p IS NULL OR s IS NULL OR k IS NULL THEN
        RETURN;
    END IF;
    value := LEAST(GREATEST(value, -52000000000), 52000000000);
    co2e := LEAST(GREATEST(co2e, -1000000000000), 1000000000000);
    INSERT INTO ledger_sums (programme_id, cohort_id, status, category, value_pence, co2e_grams, lines)
    SELECT p, key, s, k, value, co2e, n FROM unnest(ARRAY[COALESCE(c, 0), -1]) AS key
    ON CONFLICT (programme_id, status, cohort_id, category) DO UPDATE SET
        value_pence = ledger_sums.value_pence + EXCLUDED.value_pence,
        co2e_grams = ledger_sums.co2e_grams + EXCLUDED.co2e_grams,
        lines = ledger_sums.lines + EXCLUDED.lines;
    DELETE FROM ledger_sums WHERE programme_id = p AND status = s AND category = k
        AND cohort_id IN (COALESCE(c, 0), -1) AND lines <= 0;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION ledger_sums_lines() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM ledger_sums_add(OLD.programme_id, OLD.cohort_id, OLD.status, OLD.category,
            -COALESCE(OLD.first_year_pence, 0), -COALESCE(OLD.co2e_grams, 0), -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM ledger_sums_add(NEW.programme_id, NEW.cohort_id, NEW.status, NEW.category,
            COALESCE(NEW.first_year_pence, 0), COALESCE(NEW.co2e_grams, 0), 1);
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_sums_lines
AFTER INSERT OR DELETE OR UPDATE OF programme_id, cohort_id, status, category, first_year_pence, co2e_grams
ON benefit_lines FOR EACH ROW EXECUTE FUNCTION ledger_sums_lines();
