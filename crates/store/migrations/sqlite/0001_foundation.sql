-- Accounts, sessions, single-use tokens, sign-in throttling, and the scopes roles attach to.
-- Times are UTC (RFC 3339 text); money is integer pence.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL DEFAULT '',
    password_hash TEXT,
    language      TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy')),
    is_admin      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE tokens (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('sign_in', 'reset', 'invite', 'setup')),
    user_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE TABLE login_attempts (
    id         INTEGER PRIMARY KEY,
    account    TEXT NOT NULL,
    address    TEXT NOT NULL,
    succeeded  BOOLEAN NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts (account, at);
CREATE INDEX login_attempts_address ON login_attempts (address, at);

CREATE TABLE programmes (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    name_en    TEXT NOT NULL,
    name_cy    TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE cohorts (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    slug         TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    name_cy      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (programme_id, slug)
);

-- A role held in a programme (cohort_id NULL) or in one cohort of it.
CREATE TABLE memberships (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    cohort_id    INTEGER REFERENCES cohorts (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('programme_manager', 'facilitator', 'participant', 'observer')),
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX memberships_unique ON memberships (user_id, programme_id, COALESCE(cohort_id, 0), role);
