-- Capability self-assessments before and after, and follow-ups after a cohort ends.

CREATE TABLE capability_answers (
    id         INTEGER PRIMARY KEY,
    cohort_id  INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    stage      TEXT NOT NULL CHECK (stage IN ('pre', 'post')),
    question   TEXT NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    created_at TEXT NOT NULL,
    UNIQUE (cohort_id, user_id, stage, question)
);

CREATE TABLE followups (
    id              INTEGER PRIMARY KEY,
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    months          INTEGER NOT NULL CHECK (months IN (3, 6, 12)),
    token_hash      TEXT NOT NULL UNIQUE,
    sent_at         TEXT NOT NULL,
    reminded_at     TEXT,
    completed_at    TEXT,
    still_in_use    BOOLEAN,
    new_projects    INTEGER,
    UNIQUE (cohort_id, organisation_id, months)
);
