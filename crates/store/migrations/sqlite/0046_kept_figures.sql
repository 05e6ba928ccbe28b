-- Figures the public front door shows, kept current by the writes that
-- change them (in the same transaction), so a page reads them instead of
-- working them out. `ymarfer check` recomputes each and compares.
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
SELECT o.id, o.employee_band, o.sic_section, COALESCE(SUM(MIN(MAX(l.first_year_pence, -52000000000), 52000000000)), 0), COUNT(*)
FROM organisations o JOIN benefit_lines l ON l.organisation_id = o.id AND l.status = 'verified'
GROUP BY o.id, o.employee_band, o.sic_section;

-- A verified line counted in, and counted out, by what it adds.
CREATE TRIGGER peer_savings_line_in AFTER INSERT ON benefit_lines
WHEN NEW.status = 'verified' AND NEW.organisation_id IS NOT NULL BEGIN
    INSERT INTO peer_savings (organisation_id, employee_band, sic_section, value_pence, lines)
    SELECT o.id, o.employee_band, o.sic_section, MIN(MAX(COALESCE(NEW.first_year_pence, 0), -52000000000), 52000000000), 1
    FROM organisations o WHERE o.id = NEW.organisation_id
    ON CONFLICT (organisation_id) DO UPDATE SET
        value_pence = value_pence + excluded.value_pence, lines = lines + 1;
END;

CREATE TRIGGER peer_savings_line_out AFTER DELETE ON benefit_lines
WHEN OLD.status = 'verified' AND OLD.organisation_id IS NOT NULL BEGIN
    UPDATE peer_savings SET value_pence = value_pence - MIN(MAX(COALESCE(OLD.first_year_pence, 0), -52000000000), 52000000000),
        lines = lines - 1
    WHERE organisation_id = OLD.organisation_id;
    DELETE FROM peer_savings WHERE organisation_id = OLD.organisation_id AND lines <= 0;
END;

CREATE TRIGGER peer_savings_line_changed
AFTER UPDATE OF status, first_year_pence, organisation_id ON benefit_lines
WHEN OLD.status = 'verified' OR NEW.status = 'verified' BEGIN
    UPDATE peer_savings SET value_pence = value_pence - MIN(MAX(COALESCE(OLD.first_year_pence, 0), -52000000000), 52000000000),
        lines = lines - 1
    WHERE OLD.status = 'verified' AND organisation_id = OLD.organisation_id;
    INSERT INTO peer_savings (organisation_id, employee_band, sic_section, value_pence, lines)
    SELECT o.id, o.employee_band, o.sic_section, MIN(MAX(COALESCE(NEW.first_year_pence, 0), -52000000000), 52000000000), 1
    FROM organisations o WHERE NEW.status = 'verified' AND o.id = NEW.organisation_id
    ON CONFLICT (organisation_id) DO UPDATE SET
        value_pence = value_pence + excluded.value_pence, lines = lines + 1;
    DELETE FROM peer_savings WHERE organisation_id = OLD.organisation_id AND lines <= 0;
END;

-- A firm that changes its size band or sector moves group.
CREATE TRIGGER peer_savings_firm_moved AFTER UPDATE OF employee_band, sic_section ON organisations
BEGIN
    UPDATE peer_savings SET employee_band = NEW.employee_band, sic_section = NEW.sic_section
    WHERE organisation_id = NEW.id;
END;

-- Each cohort's active enrolments: the places taken, counted as people are
-- enrolled, withdrawn, moved or removed.
ALTER TABLE cohorts ADD COLUMN active_enrolments BIGINT NOT NULL DEFAULT 0;
UPDATE cohorts SET active_enrolments =
    (SELECT COUNT(*) FROM enrolments e WHERE e.cohort_id = cohorts.id AND e.status = 'active');

CREATE TRIGGER cohort_places_in AFTER INSERT ON enrolments WHEN NEW.status = 'active' BEGIN
    UPDATE cohorts SET active_enrolments = active_enrolments + 1 WHERE id = NEW.cohort_id;
END;

CREATE TRIGGER cohort_places_out AFTER DELETE ON enrolments WHEN OLD.status = 'active' BEGIN
    UPDATE cohorts SET active_enrolments = active_enrolments - 1 WHERE id = OLD.cohort_id;
END;

CREATE TRIGGER cohort_places_changed AFTER UPDATE OF status, cohort_id ON enrolments
WHEN OLD.status = 'active' OR NEW.status = 'active' BEGIN
    UPDATE cohorts SET active_enrolments = active_enrolments - 1
    WHERE OLD.status = 'active' AND id = OLD.cohort_id;
    UPDATE cohorts SET active_enrolments = active_enrolments + 1
    WHERE NEW.status = 'active' AND id = NEW.cohort_id;
END;
