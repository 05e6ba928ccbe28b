-- More live activities (docs/live.md): quick polls, rounds of the room and
-- the impact/effort placement of a revealed brainstorm's ideas. An activity
-- has a kind; a poll its options (one a line); a placement the brainstorm
-- whose notes it places. Each person's answer to a poll or line in a round
-- is one row, replaced when they change it; each person's placement of an
-- idea likewise.
ALTER TABLE live_activities ADD COLUMN kind TEXT NOT NULL DEFAULT 'brainstorm';
ALTER TABLE live_activities ADD COLUMN choices TEXT NOT NULL DEFAULT '';
ALTER TABLE live_activities ADD COLUMN source_id INTEGER REFERENCES live_activities (id) ON DELETE CASCADE;
CREATE INDEX live_activities_source ON live_activities (source_id);

CREATE TABLE live_answers (
    activity_id INTEGER NOT NULL REFERENCES live_activities (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    choice      TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL DEFAULT 'en',
    answered_at TEXT NOT NULL,
    PRIMARY KEY (activity_id, user_id)
);
CREATE INDEX live_answers_user ON live_answers (user_id);

CREATE TABLE live_places (
    activity_id INTEGER NOT NULL REFERENCES live_activities (id) ON DELETE CASCADE,
    note_id     INTEGER NOT NULL REFERENCES live_notes (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    quadrant    TEXT NOT NULL
        CHECK (quadrant IN ('quick_win', 'major_project', 'fill_in', 'thankless')),
    PRIMARY KEY (activity_id, note_id, user_id)
);
CREATE INDEX live_places_note ON live_places (note_id);
CREATE INDEX live_places_user ON live_places (user_id);

-- Running orders saved as templates for a programme, to apply to another
-- session's live room: each activity as it was prepared, a placement naming
-- the position of the brainstorm whose ideas it places.
CREATE TABLE live_templates (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (programme_id, name)
);
CREATE INDEX live_templates_created_by ON live_templates (created_by);

CREATE TABLE live_template_items (
    template_id     INTEGER NOT NULL REFERENCES live_templates (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    tool_id         TEXT NOT NULL DEFAULT '',
    prompt          TEXT NOT NULL DEFAULT '',
    prompt_lang     TEXT NOT NULL DEFAULT 'en',
    choices         TEXT NOT NULL DEFAULT '',
    votes_each      INTEGER NOT NULL DEFAULT 3,
    source_position INTEGER,
    PRIMARY KEY (template_id, position)
);
