-- Search also over the parts of a project: its cycles, the latest version of
-- each tool application (its text values) and the latest description of each
-- benefit line. The queries use these exact expressions.
CREATE INDEX cycles_search ON cycles USING GIN (
    to_tsvector('simple', change_idea || ' ' || prediction || ' ' || happened || ' ' || study));
CREATE INDEX benefit_versions_search ON benefit_versions USING GIN (to_tsvector('simple', description));
