-- Challenge projects, the tools applied to them, test-and-learn cycles, readings
-- of their measures, and tools a programme adds to the toolkit.

CREATE TABLE projects (
    id                 INTEGER PRIMARY KEY,
    cohort_id          INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    organisation_id    INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title              TEXT NOT NULL,
    problem            TEXT NOT NULL DEFAULT '',
    business_function  TEXT NOT NULL,
    aim_measure        TEXT NOT NULL DEFAULT '',
    aim_unit           TEXT NOT NULL DEFAULT '',
    aim_baseline       INTEGER,
    aim_target         INTEGER,
    aim_by             TEXT,
    outcome_measures   TEXT NOT NULL DEFAULT '',
    process_measures   TEXT NOT NULL DEFAULT '',
    balancing_measures TEXT NOT NULL DEFAULT '',
    owners             TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'defining',
    visibility         TEXT NOT NULL DEFAULT 'private',
    public_approved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_by         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX projects_cohort ON projects (cohort_id);

-- Every save is a new version; earlier versions stay readable.
CREATE TABLE tool_applications (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    tool_id      TEXT NOT NULL,
    tool_version INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    data         TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (project_id, tool_id, version)
);

CREATE TABLE cycles (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    change_idea TEXT NOT NULL,
    prediction  TEXT NOT NULL DEFAULT '',
    plan_who    TEXT NOT NULL DEFAULT '',
    plan_what   TEXT NOT NULL DEFAULT '',
    plan_when   TEXT NOT NULL DEFAULT '',
    plan_where  TEXT NOT NULL DEFAULT '',
    happened    TEXT NOT NULL DEFAULT '',
    study       TEXT NOT NULL DEFAULT '',
    decision    TEXT,
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (project_id, number)
);

-- Readings of the aim's measure, in hundredths of its unit.
CREATE TABLE readings (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    taken_on   TEXT NOT NULL,
    value      INTEGER NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX readings_project ON readings (project_id, taken_on);

CREATE TABLE programme_tools (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    tool_id      TEXT NOT NULL,
    version      INTEGER NOT NULL,
    definition   TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (programme_id, tool_id, version)
);
