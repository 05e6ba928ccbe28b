-- The benefit ledger. A line keeps every version: a change makes a new one, and
-- a verified line, once changed, goes back to claimed.

CREATE TABLE benefit_lines (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE benefit_versions (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    line_id           BIGINT NOT NULL REFERENCES benefit_lines (id) ON DELETE CASCADE,
    version           BIGINT NOT NULL,
    description       TEXT NOT NULL,
    category          TEXT NOT NULL,
    savings_type      TEXT NOT NULL,
    frequency         TEXT NOT NULL,
    starts_on         DATE NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('forecast', 'claimed', 'verified')),
    amount_pence      BIGINT,
    hours_hundredths  BIGINT,
    hourly_rate_pence BIGINT,
    energy_kwh_milli  BIGINT NOT NULL DEFAULT 0,
    waste_kg_milli    BIGINT NOT NULL DEFAULT 0,
    waste_level       TEXT,
    fuel_litres_milli BIGINT NOT NULL DEFAULT 0,
    factor_year       BIGINT,
    verified_by       BIGINT REFERENCES users (id) ON DELETE SET NULL,
    verified_at       TIMESTAMPTZ,
    created_by        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (line_id, version)
);
