-- Search also over the parts of a project: its cycles (change idea, prediction,
-- what happened, study), the latest version of each tool application (its text
-- values) and the latest description of each benefit line. Row ids: a cycle's
-- id × 3, a tool application's id × 3 + 1, a benefit line's id × 3 + 2.
CREATE VIRTUAL TABLE search_parts USING fts5 (
    cohort_id UNINDEXED,
    project_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO search_parts (rowid, cohort_id, project_id, body)
    SELECT c.id * 3, p.cohort_id, p.id,
        c.change_idea || ' ' || c.prediction || ' ' || c.happened || ' ' || c.study
    FROM cycles c JOIN projects p ON p.id = c.project_id;
INSERT INTO search_parts (rowid, cohort_id, project_id, body)
    SELECT t.id * 3 + 1, p.cohort_id, p.id,
        COALESCE((SELECT group_concat(j.value, ' ') FROM json_tree(t.data) j WHERE j.type = 'text'), '')
    FROM tool_applications t JOIN projects p ON p.id = t.project_id
    WHERE json_valid(t.data)
      AND t.version = (SELECT max(version) FROM tool_applications l WHERE l.project_id = t.project_id AND l.tool_id = t.tool_id);
INSERT INTO search_parts (rowid, cohort_id, project_id, body)
    SELECT l.id * 3 + 2, p.cohort_id, p.id, v.description
    FROM benefit_lines l JOIN projects p ON p.id = l.project_id
    JOIN benefit_versions v ON v.line_id = l.id
    WHERE v.version = (SELECT max(version) FROM benefit_versions w WHERE w.line_id = l.id);

CREATE TRIGGER search_cycles_insert AFTER INSERT ON cycles BEGIN
    INSERT INTO search_parts (rowid, cohort_id, project_id, body)
        SELECT new.id * 3, p.cohort_id, p.id,
            new.change_idea || ' ' || new.prediction || ' ' || new.happened || ' ' || new.study
        FROM projects p WHERE p.id = new.project_id;
END;
CREATE TRIGGER search_cycles_update AFTER UPDATE OF change_idea, prediction, happened, study ON cycles BEGIN
    DELETE FROM search_parts WHERE rowid = old.id * 3;
    INSERT INTO search_parts (rowid, cohort_id, project_id, body)
        SELECT new.id * 3, p.cohort_id, p.id,
            new.change_idea || ' ' || new.prediction || ' ' || new.happened || ' ' || new.study
        FROM projects p WHERE p.id = new.project_id;
END;
CREATE TRIGGER search_cycles_delete AFTER DELETE ON cycles BEGIN
    DELETE FROM search_parts WHERE rowid = old.id * 3;
END;

-- A new version of a tool application replaces the earlier ones in the index.
CREATE TRIGGER search_tools_insert AFTER INSERT ON tool_applications BEGIN
    DELETE FROM search_parts WHERE rowid IN (
        SELECT id * 3 + 1 FROM tool_applications
        WHERE project_id = new.project_id AND tool_id = new.tool_id AND id <> new.id);
    INSERT INTO search_parts (rowid, cohort_id, project_id, body)
        SELECT new.id * 3 + 1, p.cohort_id, p.id,
            COALESCE((SELECT group_concat(j.value, ' ') FROM json_tree(new.data) j WHERE j.type = 'text'), '')
        FROM projects p WHERE p.id = new.project_id AND json_valid(new.data);
END;
CREATE TRIGGER search_tools_delete AFTER DELETE ON tool_applications BEGIN
    DELETE FROM search_parts WHERE rowid = old.id * 3 + 1;
END;

-- A benefit line's latest version is what is found.
CREATE TRIGGER search_benefits_insert AFTER INSERT ON benefit_versions BEGIN
    DELETE FROM search_parts WHERE rowid = new.line_id * 3 + 2;
    INSERT INTO search_parts (rowid, cohort_id, project_id, body)
        SELECT new.line_id * 3 + 2, p.cohort_id, p.id, new.description
        FROM benefit_lines l JOIN projects p ON p.id = l.project_id WHERE l.id = new.line_id;
END;
CREATE TRIGGER search_benefit_lines_delete AFTER DELETE ON benefit_lines BEGIN
    DELETE FROM search_parts WHERE rowid = old.id * 3 + 2;
END;
