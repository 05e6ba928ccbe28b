-- The public innovation health check: answers only, nothing personal, at an
-- address only the person who took it knows (the token's hash is stored).
CREATE TABLE health_checks (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash    TEXT NOT NULL UNIQUE,
    language      TEXT NOT NULL,
    -- Where the visitor came from: a partner's tag, or ''.
    source        TEXT NOT NULL DEFAULT '',
    sector        TEXT,
    employee_band TEXT,
    principal_area TEXT,
    new_goods_or_services BOOLEAN,
    new_business_process  BOOLEAN,
    ongoing_or_abandoned  BOOLEAN,
    innovation_spending   BOOLEAN,
    -- Pain points, as codes separated by commas.
    pains         TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ
);
CREATE INDEX health_checks_created ON health_checks (created_at);

-- Firms that asked to hear more after the check.
CREATE TABLE leads (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    health_check_id BIGINT REFERENCES health_checks (id) ON DELETE SET NULL,
    programme_id    BIGINT REFERENCES programmes (id) ON DELETE CASCADE,
    cohort_id       BIGINT REFERENCES cohorts (id) ON DELETE SET NULL,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    phone           TEXT NOT NULL DEFAULT '',
    organisation_name TEXT NOT NULL,
    language        TEXT NOT NULL,
    consent_at      TIMESTAMPTZ NOT NULL,
    -- new, contacted, invited, enrolled, closed
    status          TEXT NOT NULL DEFAULT 'new',
    notes           TEXT NOT NULL DEFAULT '',
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    -- The firm agreed to be invited to take the check again at 6 and 12 months.
    recheck         BOOLEAN NOT NULL DEFAULT FALSE,
    recheck_token_hash TEXT,
    rechecked_6_at  TIMESTAMPTZ,
    rechecked_12_at TIMESTAMPTZ,
    user_id         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX leads_programme ON leads (programme_id, created_at);

-- A check taken again by a lead, at its invitation.
ALTER TABLE health_checks ADD COLUMN lead_id BIGINT REFERENCES leads (id) ON DELETE SET NULL;
