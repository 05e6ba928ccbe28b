-- Challenge projects, the tools applied to them, test-and-learn cycles, readings
-- of their measures, and tools a programme adds to the toolkit.

CREATE TABLE projects (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id          BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    organisation_id    BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title              TEXT NOT NULL,
    problem            TEXT NOT NULL DEFAULT '',
    business_function  TEXT NOT NULL,
    aim_measure        TEXT NOT NULL DEFAULT '',
    aim_unit           TEXT NOT NULL DEFAULT '',
    aim_baseline       BIGINT,
    aim_target         BIGINT,
    aim_by             DATE,
    outcome_measures   TEXT NOT NULL DEFAULT '',
    process_measures   TEXT NOT NULL DEFAULT '',
    balancing_measures TEXT NOT NULL DEFAULT '',
    owners             TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'defining',
    visibility         TEXT NOT NULL DEFAULT 'private',
    public_approved_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_by         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX projects_cohort ON projects (cohort_id);

-- Every save is a new version; earlier versions stay readable.
CREATE TABLE tool_applications (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    tool_id      TEXT NOT NULL,
    tool_version BIGINT NOT NULL,
    version      BIGINT NOT NULL,
    data         TEXT NOT NULL,
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, tool_id, version)
);

CREATE TABLE cycles (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number      BIGINT NOT NULL,
    change_idea TEXT NOT NULL,
    prediction  TEXT NOT NULL DEFAULT '',
    plan_who    TEXT NOT NULL DEFAULT '',
    plan_what   TEXT NOT NULL DEFAULT '',
    plan_when   TEXT NOT NULL DEFAULT '',
    plan_where  TEXT NOT NULL DEFAULT '',
    happened    TEXT NOT NULL DEFAULT '',
    study       TEXT NOT NULL DEFAULT '',
    decision    TEXT,
    created_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, number)
);

-- Readings of the aim's measure, in hundredths of its unit.
CREATE TABLE readings (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    taken_on   DATE NOT NULL,
    value      BIGINT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX readings_project ON readings (project_id, taken_on);

CREATE TABLE programme_tools (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    tool_id      TEXT NOT NULL,
    version      BIGINT NOT NULL,
    definition   TEXT NOT NULL,
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (programme_id, tool_id, version)
);
