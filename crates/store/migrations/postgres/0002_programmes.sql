-- Programmes and cohorts in full; organisations, enrolments with history, sessions,
-- attendance, action-learning sets, and calendar feeds.

ALTER TABLE programmes ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE programmes ADD COLUMN description_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE programmes ADD COLUMN funder TEXT NOT NULL DEFAULT '';
ALTER TABLE programmes ADD COLUMN starts_on DATE;
ALTER TABLE programmes ADD COLUMN ends_on DATE;
ALTER TABLE programmes ADD COLUMN cost_pence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE programmes ADD COLUMN cost_delivery_pence BIGINT;
ALTER TABLE programmes ADD COLUMN cost_venues_pence BIGINT;
ALTER TABLE programmes ADD COLUMN cost_materials_pence BIGINT;
ALTER TABLE programmes ADD COLUMN cost_in_kind_pence BIGINT;
ALTER TABLE programmes ADD COLUMN default_hourly_rate_pence BIGINT NOT NULL DEFAULT 2500;
ALTER TABLE programmes ADD COLUMN capture_factor_thousandths BIGINT NOT NULL DEFAULT 1000;

ALTER TABLE cohorts ADD COLUMN starts_on DATE;
ALTER TABLE cohorts ADD COLUMN ends_on DATE;
ALTER TABLE cohorts ADD COLUMN capacity BIGINT NOT NULL DEFAULT 16;
ALTER TABLE cohorts ADD COLUMN delivery_mode TEXT NOT NULL DEFAULT 'in_person';
ALTER TABLE cohorts ADD COLUMN region TEXT NOT NULL DEFAULT 'cardiff_capital';
-- NULL: an equal share of the programme's cost.
ALTER TABLE cohorts ADD COLUMN cost_share_pence BIGINT;

CREATE TABLE organisations (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT NOT NULL,
    companies_house   TEXT,
    sic_section       TEXT NOT NULL,
    employee_band     TEXT NOT NULL,
    principal_area    TEXT NOT NULL,
    hourly_rate_pence BIGINT,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX organisations_name ON organisations (lower(name));

ALTER TABLE users ADD COLUMN organisation_id BIGINT REFERENCES organisations (id) ON DELETE SET NULL;

-- The four UKIS questions, asked at entry, at the end and at each follow-up.
CREATE TABLE innovation_answers (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id       BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    stage                 TEXT NOT NULL,
    asked_on              DATE NOT NULL,
    new_goods_or_services BOOLEAN NOT NULL,
    new_business_process  BOOLEAN NOT NULL,
    ongoing_or_abandoned  BOOLEAN NOT NULL,
    innovation_spending   BOOLEAN NOT NULL,
    employee_band         TEXT NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX innovation_answers_org ON innovation_answers (organisation_id, stage);

CREATE TABLE enrolments (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    status          TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (cohort_id, user_id)
);

CREATE TABLE enrolment_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enrolment_id BIGINT NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('enrolled', 'withdrawn', 'readmitted')),
    by_user_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    note         TEXT NOT NULL DEFAULT '',
    at           TIMESTAMPTZ NOT NULL
);

CREATE TABLE cohort_sessions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id  BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    location   TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    agenda     TEXT NOT NULL DEFAULT '',
    resources  TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cohort_sessions_cohort ON cohort_sessions (cohort_id, starts_at);

CREATE TABLE attendance (
    session_id  BIGINT NOT NULL REFERENCES cohort_sessions (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent')),
    recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE learning_sets (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id  BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE learning_set_members (
    set_id    BIGINT NOT NULL REFERENCES learning_sets (id) ON DELETE CASCADE,
    cohort_id BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (set_id, user_id),
    UNIQUE (cohort_id, user_id)
);

-- Secret, revocable iCalendar links: one per cohort or per person.
CREATE TABLE calendar_feeds (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    cohort_id  BIGINT REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id    BIGINT REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
