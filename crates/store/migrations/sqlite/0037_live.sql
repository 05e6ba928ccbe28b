-- Live sessions: the room itself (docs/live.md). A live session belongs to one
-- scheduled session; its activities run one at a time; notes, votes and
-- "I'm done" are the room's own, and land in the firms' tools when closed.
CREATE TABLE live_sessions (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL UNIQUE REFERENCES cohort_sessions (id) ON DELETE CASCADE,
    code             TEXT NOT NULL UNIQUE,
    started_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    started_at       TEXT NOT NULL,
    ends_at          TEXT NOT NULL,
    current_activity INTEGER,
    version          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE live_activities (
    id            INTEGER PRIMARY KEY,
    live_id       INTEGER NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    tool_id       TEXT NOT NULL,
    prompt        TEXT NOT NULL DEFAULT '',
    prompt_lang   TEXT NOT NULL DEFAULT 'en',
    stage         TEXT NOT NULL DEFAULT 'ready'
        CHECK (stage IN ('ready', 'writing', 'revealed', 'voting', 'closed')),
    votes_each    INTEGER NOT NULL DEFAULT 3,
    timer_ends_at TEXT,
    post_id       INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (live_id, position)
);

CREATE TABLE live_joins (
    live_id   INTEGER NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (live_id, user_id)
);

CREATE TABLE live_notes (
    id              INTEGER PRIMARY KEY,
    activity_id     INTEGER NOT NULL REFERENCES live_activities (id) ON DELETE CASCADE,
    user_id         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    heading         TEXT NOT NULL,
    body            TEXT NOT NULL,
    lang            TEXT NOT NULL,
    client_key      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (activity_id, client_key)
);
CREATE INDEX live_notes_activity ON live_notes (activity_id, id);

CREATE TABLE live_votes (
    note_id     INTEGER NOT NULL REFERENCES live_notes (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    activity_id INTEGER NOT NULL REFERENCES live_activities (id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, user_id)
);
CREATE INDEX live_votes_activity ON live_votes (activity_id, user_id);

CREATE TABLE live_done (
    activity_id INTEGER NOT NULL REFERENCES live_activities (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, user_id)
);

-- Every reference is indexed, for erasure and cascades.
CREATE INDEX live_sessions_started_by ON live_sessions (started_by);
CREATE INDEX live_activities_live ON live_activities (live_id);
CREATE INDEX live_activities_post ON live_activities (post_id);
CREATE INDEX live_joins_user ON live_joins (user_id);
CREATE INDEX live_notes_user ON live_notes (user_id);
CREATE INDEX live_notes_organisation ON live_notes (organisation_id);
CREATE INDEX live_votes_user ON live_votes (user_id);
CREATE INDEX live_done_user ON live_done (user_id);
