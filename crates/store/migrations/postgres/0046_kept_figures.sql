-- Figures the public front door shows, kept current by the writes that
-- change them (in the same transaction), so a page reads them instead of
-- working them out. `ymarfer check` recomputes each and compares. Changes
-- are added and taken away (never recomputed from what one transaction
-- sees), so writers at the same moment cannot lose each other's.
-- Each line counts at most its bound (£520m, a million tonnes of CO2e;
-- `ymarfer_domain::bounds`), as the method values it, so a row stored past
-- the bounds by other means cannot make a write fail.

-- Each organisation's verified first-year savings across every programme,
-- with its size band and sector: the similar-firms median is read from the
-- index, an order statistic, whatever the number of firms. `lines` counts
-- the verified lines summed; a firm with none has no row.
CREATE TABLE peer_savings (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    employee_band   TEXT NOT NULL,
    sic_section     TEXT NOT NULL,
    value_pence     BIGINT NOT NULL,
    lines           BIGINT NOT NULL
);
CREATE INDEX peer_savings_ranked ON peer_savings (employee_band, sic_section, value_pence);

INSERT INTO peer_savings (organisation_id, employee_band, sic_section, value_pence, lines)
SELECT o.id, o.employee_band, o.sic_section, COALESCE(SUM(LEAST(GREATEST(l.first_year_pence, -52000000000), 52000000000)), 0), COUNT(*)
FROM organisations o JOIN benefit_lines l ON l.organisation_id = o.id AND l.status = 'verified'
GROUP BY o.id, o.employee_band, o.sic_section;

CREATE FUNCTION peer_savings_add(org BIGINT, value BIGINT, n BIGINT) RETURNS void AS $$
BEGIN
    IF org IS NULL THEN
        RETURN;
    END IF;
    -- Each line counts at most its bound (as the method values it), so a
    -- row stored past the bounds by other means cannot make a write fail.
    value := LEAST(GREATEST(value, -52000000000), 52000000000);
    INSERT INTO peer_savings (organisation_id, employee_band, sic_section, value_pence, lines)
    SELECT o.id, o.employee_band, o.sic_section, value, n FROM organisations o WHERE o.id = org
    ON CONFLICT (organisation_id) DO UPDATE SET
        value_pence = peer_savings.value_pence + EXCLUDED.value_pence,
        lines = peer_savings.lines + EXCLUDED.lines;
    DELETE FROM peer_savings WHERE organisation_id = org AND lines <= 0;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION peer_savings_lines() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.status = 'verified' THEN
            PERFORM peer_savings_add(OLD.organisation_id, -COALESCE(OLD.first_year_pence, 0), -1);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.status = 'verified' THEN
            PERFORM peer_savings_add(NEW.organisation_id, COALESCE(NEW.first_year_pence, 0), 1);
        END IF;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER peer_savings_lines
AFTER INSERT OR DELETE OR UPDATE OF status, first_year_pence, organisation_id ON benefit_lines
FOR EACH ROW EXECUTE FUNCTION peer_savings_lines();

-- A firm that changes its size band or sector moves group.
CREATE FUNCTION peer_savings_firm_moved() RETURNS trigger AS $$
BEGIN
    UPDATE peer_savings SET employee_band = NEW.employee_band, sic_section = NEW.sic_section
    WHERE organisation_id = NEW.id;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER peer_savings_firm_moved AFTER UPDATE OF employee_band, sic_section ON organisations
FOR EACH ROW EXECUTE FUNCTION peer_savings_firm_moved();

-- Each cohort's active enrolments: the places taken, counted as people are
-- enrolled, withdrawn, moved or removed.
ALTER TABLE cohorts ADD COLUMN active_enrolments BIGINT NOT NULL DEFAULT 0;
UPDATE cohorts SET active_enrolments =
    (SELECT COUNT(*) FROM enrolments e WHERE e.cohort_id = cohorts.id AND e.status = 'active');

CREATE FUNCTION cohort_places() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.status = 'active' THEN
            UPDATE cohorts SET active_enrolments = active_enrolments - 1 WHERE id = OLD.cohort_id;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.status = 'active' THEN
            UPDATE cohorts SET active_enrolments = active_enrolments + 1 WHERE id = NEW.cohort_id;
        END IF;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER cohort_places AFTER INSERT OR DELETE OR UPDATE OF status, cohort_id ON enrolments
FOR EACH ROW EXECUTE FUNCTION cohort_places();
