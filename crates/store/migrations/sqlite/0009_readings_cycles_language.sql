-- The day a cycle's change began to be tried, marked on the run chart.
ALTER TABLE cycles ADD COLUMN tested_on TEXT;

-- Readings can be corrected or removed; what they said before is kept.
CREATE TABLE reading_history (
    id         INTEGER PRIMARY KEY,
    reading_id INTEGER NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    taken_on   TEXT NOT NULL,
    value      INTEGER NOT NULL,
    note       TEXT NOT NULL,
    -- 'corrected' or 'removed': what happened to these values.
    action     TEXT NOT NULL,
    changed_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX reading_history_project ON reading_history (project_id, changed_at);

-- The language a cohort works in: 'cy', 'en' or 'both'.
ALTER TABLE cohorts ADD COLUMN language TEXT NOT NULL DEFAULT 'both';

-- The funder's name in Welsh, beside its name in English (`funder`).
ALTER TABLE programmes ADD COLUMN funder_cy TEXT NOT NULL DEFAULT '';
