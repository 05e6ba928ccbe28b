-- The alumni space: a programme's finished cohorts keep helping one another.
-- An alumni item names its programme here; its cohort is its author's.
ALTER TABLE posts ADD COLUMN alumni_programme_id BIGINT REFERENCES programmes (id) ON DELETE CASCADE;
CREATE INDEX posts_alumni ON posts (alumni_programme_id, id) WHERE alumni_programme_id IS NOT NULL;
