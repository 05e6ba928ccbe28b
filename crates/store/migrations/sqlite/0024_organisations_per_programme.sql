-- A firm's record belongs to the programme that made it. The same firm in two
-- programmes is two records, each with its own hourly rate, innovation answers
-- and figures, linked only by the Companies House number the firm gives.
-- A record with no programme (none took it in yet) is seen by administrators only.
ALTER TABLE organisations ADD COLUMN programme_id INTEGER REFERENCES programmes (id) ON DELETE SET NULL;

-- Each shared record stays with the first programme it takes part in ...
UPDATE organisations SET programme_id =
    (SELECT MIN(po.programme_id) FROM programme_organisations po WHERE po.organisation_id = organisations.id);

-- A name is unique within a programme only.
DROP INDEX organisations_name;

-- ... and every other programme gets a copy of it, with every row that
-- programme recorded about the firm moved to the copy.
CREATE TABLE organisation_split (
    old_id       INTEGER NOT NULL,
    programme_id INTEGER NOT NULL,
    new_id       INTEGER NOT NULL
);
INSERT INTO organisation_split (old_id, programme_id, new_id)
SELECT po.organisation_id, po.programme_id,
       (SELECT COALESCE(MAX(id), 0) FROM organisations)
         + ROW_NUMBER() OVER (ORDER BY po.organisation_id, po.programme_id)
FROM programme_organisations po JOIN organisations o ON o.id = po.organisation_id
WHERE po.programme_id <> o.programme_id;

INSERT INTO organisations (id, name, companies_house, sic_section, employee_band, principal_area,
                           hourly_rate_pence, created_at, programme_id)
SELECT s.new_id, o.name, o.companies_house, o.sic_section, o.employee_band, o.principal_area,
       o.hourly_rate_pence, o.created_at, s.programme_id
FROM organisation_split s JOIN organisations o ON o.id = s.old_id;

-- Innovation answers carry no programme: both programmes saw them, so both keep them.
INSERT INTO innovation_answers (organisation_id, stage, asked_on, new_goods_or_services,
    new_business_process, ongoing_or_abandoned, innovation_spending, employee_band, created_at)
SELECT s.new_id, a.stage, a.asked_on, a.new_goods_or_services, a.new_business_process,
       a.ongoing_or_abandoned, a.innovation_spending, a.employee_band, a.created_at
FROM innovation_answers a JOIN organisation_split s ON s.old_id = a.organisation_id
ORDER BY a.id;

UPDATE enrolments SET organisation_id = (
    SELECT s.new_id FROM organisation_split s JOIN cohorts c ON c.programme_id = s.programme_id
    WHERE s.old_id = enrolments.organisation_id AND c.id = enrolments.cohort_id)
WHERE EXISTS (
    SELECT 1 FROM organisation_split s JOIN cohorts c ON c.programme_id = s.programme_id
    WHERE s.old_id = enrolments.organisation_id AND c.id = enrolments.cohort_id);

UPDATE projects SET organisation_id = (
    SELECT s.new_id FROM organisation_split s JOIN cohorts c ON c.programme_id = s.programme_id
    WHERE s.old_id = projects.organisation_id AND c.id = projects.cohort_id)
WHERE EXISTS (
    SELECT 1 FROM organisation_split s JOIN cohorts c ON c.programme_id = s.programme_id
    WHERE s.old_id = projects.organisation_id AND c.id = projects.cohort_id);

UPDATE followups SET organisation_id = (
    SELECT s.new_id FROM organisation_split s JOIN cohorts c ON c.programme_id = s.programme_id
    WHERE s.old_id = followups.organisation_id AND c.id = followups.cohort_id)
WHERE EXISTS (
    SELECT 1 FROM organisation_split s JOIN cohorts c ON c.programme_id = s.programme_id
    WHERE s.old_id = followups.organisation_id AND c.id = followups.cohort_id);

UPDATE benefit_lines SET organisation_id = (
    SELECT s.new_id FROM organisation_split s
    WHERE s.old_id = benefit_lines.organisation_id AND s.programme_id = benefit_lines.programme_id)
WHERE EXISTS (
    SELECT 1 FROM organisation_split s
    WHERE s.old_id = benefit_lines.organisation_id AND s.programme_id = benefit_lines.programme_id);

UPDATE leads SET organisation_id = (
    SELECT s.new_id FROM organisation_split s
    WHERE s.old_id = leads.organisation_id AND s.programme_id = leads.programme_id)
WHERE EXISTS (
    SELECT 1 FROM organisation_split s
    WHERE s.old_id = leads.organisation_id AND s.programme_id = leads.programme_id);

DROP TABLE organisation_split;
DROP TABLE programme_organisations;

CREATE UNIQUE INDEX organisations_name ON organisations (COALESCE(programme_id, 0), lower(name));
CREATE INDEX organisations_programme ON organisations (programme_id, id);
CREATE INDEX organisations_companies_house ON organisations (companies_house) WHERE companies_house IS NOT NULL;
