-- Comments are found by their parent; top-level items (parent_id IS NULL) by
-- their cohort's stream index. Indexing only comments keeps the planner from
-- reading every top-level item through this index when it lists a stream.
DROP INDEX posts_comments;
CREATE INDEX posts_comments ON posts (parent_id, id) WHERE parent_id IS NOT NULL;
