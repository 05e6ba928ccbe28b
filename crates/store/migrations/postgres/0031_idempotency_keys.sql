-- The Idempotency-Key of each write through the JSON API, for 24 hours: a
-- retry with the same key (same token, same request) replays the first answer
-- and changes nothing. The row is made before the act, with no answer yet
-- (pending), so two identical requests at once cannot both act; the answer is
-- filled in after.
CREATE TABLE idempotency_keys (
    token_id         BIGINT NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    idempotency_key  TEXT NOT NULL,
    request_hash     TEXT NOT NULL,
    response_status  BIGINT,
    response_body    TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (token_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
