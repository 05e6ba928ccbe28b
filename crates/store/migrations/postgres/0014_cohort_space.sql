-- The cohort space: posts and shares with their comments, edits kept, reactions,
-- structured feedback and requests for it, commitments and check-ins, the
-- personal learning log, and in-app notices.

CREATE TABLE posts (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id  BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    parent_id  BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    author_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    kind       TEXT NOT NULL,
    project_id BIGINT REFERENCES projects (id) ON DELETE CASCADE,
    tool_id    TEXT,
    ref_id     BIGINT,
    body       TEXT NOT NULL,
    lang       TEXT NOT NULL DEFAULT 'en',
    created_at TIMESTAMPTZ NOT NULL,
    edited_at  TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    deleted_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX posts_stream ON posts (cohort_id, id) WHERE parent_id IS NULL;
CREATE INDEX posts_comments ON posts (parent_id, id);
CREATE INDEX posts_author ON posts (author_id);

CREATE TABLE post_versions (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id   BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    body      TEXT NOT NULL,
    edited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    edited_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX post_versions_post ON post_versions (post_id, id);

CREATE TABLE reactions (
    post_id    BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, user_id, kind)
);

CREATE TABLE feedback (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id    BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    strong     TEXT NOT NULL DEFAULT '',
    question   TEXT NOT NULL DEFAULT '',
    suggestion TEXT NOT NULL DEFAULT '',
    checklist  TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX feedback_post ON feedback (post_id, id);
CREATE INDEX feedback_author ON feedback (author_id);

CREATE TABLE feedback_requests (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id     BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    asked_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    asked_of    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    UNIQUE (post_id, asked_of)
);
CREATE INDEX feedback_requests_open ON feedback_requests (asked_of, answered_at);

CREATE TABLE commitments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id   BIGINT NOT NULL REFERENCES cohort_sessions (id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    check_status TEXT,
    check_note   TEXT NOT NULL DEFAULT '',
    checked_at   TIMESTAMPTZ,
    checked_in_session BIGINT REFERENCES cohort_sessions (id) ON DELETE SET NULL
);
CREATE INDEX commitments_user ON commitments (user_id, session_id);

CREATE TABLE reflections (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cohort_id      BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    body           TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    shared_post_id BIGINT REFERENCES posts (id) ON DELETE SET NULL
);
CREATE INDEX reflections_user ON reflections (user_id, id);

CREATE TABLE notifications (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    post_id    BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    actor_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ
);
CREATE INDEX notifications_user ON notifications (user_id, id);
