-- Personal access tokens for the JSON API: shown once, kept only as a hash,
-- read-only or read-write, for one programme or all the person may see, with
-- an expiry; revoked by their owner. Each request counts against a
-- per-minute window kept on the row, so the limit holds across servers.
CREATE TABLE api_tokens (
    id            BIGSERIAL PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    secret_hash   TEXT NOT NULL UNIQUE,
    can_write     BOOLEAN NOT NULL DEFAULT FALSE,
    programme_id  BIGINT REFERENCES programmes (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    window_start  TIMESTAMPTZ,
    window_count  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
