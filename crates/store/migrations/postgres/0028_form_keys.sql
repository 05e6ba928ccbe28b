-- The one-time key each public form carries, once the form it came in has been
-- acted on: the same form sent again (a double tap, a retry) changes nothing.
CREATE TABLE form_keys (
    form_key TEXT PRIMARY KEY,
    used_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX form_keys_used_at ON form_keys (used_at);
