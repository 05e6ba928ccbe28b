-- A reviewer may ask the claimant a question about a claim ('queried'); the
-- claimant's answer claims it again. Each is a new version of the line.
-- SQLite changes a CHECK constraint only by rebuilding the table; nothing
-- refers to its rows.
CREATE TABLE benefit_versions_new (
    id                  INTEGER PRIMARY KEY,
    line_id             INTEGER NOT NULL REFERENCES benefit_lines (id) ON DELETE CASCADE,
    version             INTEGER NOT NULL,
    description         TEXT NOT NULL,
    category            TEXT NOT NULL,
    savings_type        TEXT NOT NULL,
    frequency           TEXT NOT NULL,
    starts_on           TEXT NOT NULL,
    status              TEXT NOT NULL
        CHECK (status IN ('forecast', 'claimed', 'verified', 'queried', 'returned', 'rejected')),
    amount_pence        INTEGER,
    hours_hundredths    INTEGER,
    hourly_rate_pence   INTEGER,
    energy_kwh_milli    INTEGER NOT NULL DEFAULT 0,
    waste_kg_milli      INTEGER NOT NULL DEFAULT 0,
    waste_level         TEXT,
    fuel_litres_milli   INTEGER NOT NULL DEFAULT 0,
    factor_year         INTEGER,
    verified_by         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    verified_at         TEXT,
    created_by          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at          TEXT NOT NULL,
    valued_rate_pence   INTEGER,
    capture_thousandths INTEGER,
    verify_note         TEXT,
    change_note         TEXT,
    first_year_pence    BIGINT,
    co2e_grams          BIGINT,
    UNIQUE (line_id, version)
);

INSERT INTO benefit_versions_new (id, line_id, version, description, category, savings_type, frequency,
    starts_on, status, amount_pence, hours_hundredths, hourly_rate_pence, energy_kwh_milli, waste_kg_milli,
    waste_level, fuel_litres_milli, factor_year, verified_by, verified_at, created_by, created_at,
    valued_rate_pence, capture_thousandths, verify_note, change_note, first_year_pence, co2e_grams)
SELECT id, line_id, version, description, category, savings_type, frequency,
    starts_on, status, amount_pence, hours_hundredths, hourly_rate_pence, energy_kwh_milli, waste_kg_milli,
    waste_level, fuel_litres_milli, factor_year, verified_by, verified_at, created_by, created_at,
    valued_rate_pence, capture_thousandths, verify_note, change_note, first_year_pence, co2e_grams
FROM benefit_versions;

DROP TABLE benefit_versions;
ALTER TABLE benefit_versions_new RENAME TO benefit_versions;
CREATE INDEX benefit_versions_verified_by ON benefit_versions (verified_by);
