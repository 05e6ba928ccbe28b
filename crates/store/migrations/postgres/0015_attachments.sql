-- Photos and PDFs attached to an item of a cohort space or to a project. The
-- bytes live in the object store under unguessable keys; a row says what they
-- are, whose they are and who may see them (as the item or project allows).
CREATE TABLE attachments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id      BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    project_id   BIGINT REFERENCES projects (id) ON DELETE CASCADE,
    uploaded_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    object_key   TEXT NOT NULL UNIQUE,
    thumb_key    TEXT,
    width        BIGINT,
    height       BIGINT,
    created_at   TIMESTAMPTZ NOT NULL,
    CHECK ((post_id IS NULL) <> (project_id IS NULL))
);
CREATE INDEX attachments_post ON attachments (post_id);
CREATE INDEX attachments_project ON attachments (project_id);
