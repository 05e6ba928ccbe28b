-- Full-text search over what people wrote in cohort spaces and their projects'
-- titles and problems. The 'simple' configuration suits Welsh and English alike
-- (no stemming in either); the queries use these exact expressions.
CREATE INDEX posts_search ON posts USING GIN (to_tsvector('simple', body)) WHERE deleted_at IS NULL;
CREATE INDEX projects_search ON projects USING GIN (to_tsvector('simple', title || ' ' || problem));
