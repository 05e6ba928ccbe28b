-- Full-text search over what people wrote in cohort spaces and their projects'
-- titles and problems, in Welsh and English (accents folded: "gweithdy" finds
-- "gweithdŷ"). Row ids: a post's id × 2, a project's id × 2 + 1, so triggers
-- find their rows directly. Removed posts are not indexed.
CREATE VIRTUAL TABLE search_index USING fts5 (
    cohort_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO search_index (rowid, cohort_id, title, body)
    SELECT id * 2, cohort_id, '', body FROM posts WHERE deleted_at IS NULL;
INSERT INTO search_index (rowid, cohort_id, title, body)
    SELECT id * 2 + 1, cohort_id, title, problem FROM projects;

CREATE TRIGGER search_posts_insert AFTER INSERT ON posts WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index (rowid, cohort_id, title, body) VALUES (new.id * 2, new.cohort_id, '', new.body);
END;
CREATE TRIGGER search_posts_update AFTER UPDATE OF body, deleted_at ON posts BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    INSERT INTO search_index (rowid, cohort_id, title, body)
        SELECT new.id * 2, new.cohort_id, '', new.body WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER search_posts_delete AFTER DELETE ON posts BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
END;

CREATE TRIGGER search_projects_insert AFTER INSERT ON projects BEGIN
    INSERT INTO search_index (rowid, cohort_id, title, body) VALUES (new.id * 2 + 1, new.cohort_id, new.title, new.problem);
END;
CREATE TRIGGER search_projects_update AFTER UPDATE OF title, problem ON projects BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    INSERT INTO search_index (rowid, cohort_id, title, body) VALUES (new.id * 2 + 1, new.cohort_id, new.title, new.problem);
END;
CREATE TRIGGER search_projects_delete AFTER DELETE ON projects BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
END;
