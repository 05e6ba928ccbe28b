-- Personal access tokens for the JSON API: shown once, kept only as a hash,
-- read-only or read-write, for one programme or all the person may see, with
-- an expiry; revoked by their owner. Each request counts against a
-- per-minute window kept on the row, so the limit holds across servers.
CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    secret_hash   TEXT NOT NULL UNIQUE,
    can_write     BOOLEAN NOT NULL DEFAULT FALSE,
    programme_id  INTEGER REFERENCES programmes (id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT,
    window_start  TEXT,
    window_count  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
