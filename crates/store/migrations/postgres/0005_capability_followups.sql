-- Capability self-assessments before and after, and follow-ups after a cohort ends.

CREATE TABLE capability_answers (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id  BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    stage      TEXT NOT NULL CHECK (stage IN ('pre', 'post')),
    question   TEXT NOT NULL,
    score      BIGINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (cohort_id, user_id, stage, question)
);

CREATE TABLE followups (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    months          BIGINT NOT NULL CHECK (months IN (3, 6, 12)),
    token_hash      TEXT NOT NULL UNIQUE,
    sent_at         TIMESTAMPTZ NOT NULL,
    reminded_at     TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    still_in_use    BOOLEAN,
    new_projects    BIGINT,
    UNIQUE (cohort_id, organisation_id, months)
);
