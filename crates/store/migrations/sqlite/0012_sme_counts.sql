-- How many SMEs each principal area has, as an administrator entered them from
-- an official source, so that a programme's reach can be read against them.
CREATE TABLE sme_counts (
    area       TEXT PRIMARY KEY,
    smes       INTEGER NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    entered_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    entered_at TEXT NOT NULL
);
