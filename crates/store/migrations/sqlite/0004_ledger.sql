-- The benefit ledger. A line keeps every version: a change makes a new one, and
-- a verified line, once changed, goes back to claimed.

CREATE TABLE benefit_lines (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);

CREATE TABLE benefit_versions (
    id                INTEGER PRIMARY KEY,
    line_id           INTEGER NOT NULL REFERENCES benefit_lines (id) ON DELETE CASCADE,
    version           INTEGER NOT NULL,
    description       TEXT NOT NULL,
    category          TEXT NOT NULL,
    savings_type      TEXT NOT NULL,
    frequency         TEXT NOT NULL,
    starts_on         TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('forecast', 'claimed', 'verified')),
    amount_pence      INTEGER,
    hours_hundredths  INTEGER,
    hourly_rate_pence INTEGER,
    energy_kwh_milli  INTEGER NOT NULL DEFAULT 0,
    waste_kg_milli    INTEGER NOT NULL DEFAULT 0,
    waste_level       TEXT,
    fuel_litres_milli INTEGER NOT NULL DEFAULT 0,
    factor_year       INTEGER,
    verified_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    verified_at       TEXT,
    created_by        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    UNIQUE (line_id, version)
);
