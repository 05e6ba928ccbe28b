-- How many SMEs each principal area has, as an administrator entered them from
-- an official source, so that a programme's reach can be read against them.
CREATE TABLE sme_counts (
    area       TEXT PRIMARY KEY,
    smes       BIGINT NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    entered_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    entered_at TIMESTAMPTZ NOT NULL
);
