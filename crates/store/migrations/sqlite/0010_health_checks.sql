-- The public innovation health check: answers only, nothing personal, at an
-- address only the person who took it knows (the token's hash is stored).
CREATE TABLE health_checks (
    id            INTEGER PRIMARY KEY,
    token_hash    TEXT NOT NULL UNIQUE,
    language      TEXT NOT NULL,
    -- Where the visitor came from: a partner's tag, or ''.
    source        TEXT NOT NULL DEFAULT '',
    sector        TEXT,
    employee_band TEXT,
    principal_area TEXT,
    new_goods_or_services INTEGER,
    new_business_process  INTEGER,
    ongoing_or_abandoned  INTEGER,
    innovation_spending   INTEGER,
    -- Pain points, as codes separated by commas.
    pains         TEXT,
    created_at    TEXT NOT NULL,
    completed_at  TEXT
);
CREATE INDEX health_checks_created ON health_checks (created_at);

-- Firms that asked to hear more after the check.
CREATE TABLE leads (
    id              INTEGER PRIMARY KEY,
    health_check_id INTEGER REFERENCES health_checks (id) ON DELETE SET NULL,
    programme_id    INTEGER REFERENCES programmes (id) ON DELETE CASCADE,
    cohort_id       INTEGER REFERENCES cohorts (id) ON DELETE SET NULL,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    phone           TEXT NOT NULL DEFAULT '',
    organisation_name TEXT NOT NULL,
    language        TEXT NOT NULL,
    consent_at      TEXT NOT NULL,
    -- new, contacted, invited, enrolled, closed
    status          TEXT NOT NULL DEFAULT 'new',
    notes           TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    -- The firm agreed to be invited to take the check again at 6 and 12 months.
    recheck         INTEGER NOT NULL DEFAULT 0,
    recheck_token_hash TEXT,
    rechecked_6_at  TEXT,
    rechecked_12_at TEXT,
    user_id         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX leads_programme ON leads (programme_id, created_at);

-- A check taken again by a lead, at its invitation.
ALTER TABLE health_checks ADD COLUMN lead_id INTEGER REFERENCES leads (id) ON DELETE SET NULL;
