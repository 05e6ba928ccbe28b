-- The language each record people type was written in ('en' or 'cy'), so that
-- a page in the other language marks it with `lang` for screen readers,
-- translators and hyphenation. Records written before this was kept take their
-- writer's interface language, the best evidence there is.
ALTER TABLE projects ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE tool_applications ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE cycles ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE readings ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE reading_history ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE feedback ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE commitments ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE reflections ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';

UPDATE projects SET lang = COALESCE((SELECT u.language FROM users u WHERE u.id = projects.created_by), 'en');
UPDATE tool_applications SET lang = COALESCE((SELECT u.language FROM users u WHERE u.id = tool_applications.created_by), 'en');
UPDATE cycles SET lang = COALESCE((SELECT u.language FROM users u WHERE u.id = cycles.created_by), 'en');
UPDATE readings SET lang = COALESCE((SELECT u.language FROM users u WHERE u.id = readings.created_by), 'en');
UPDATE reading_history SET lang = COALESCE((SELECT r.lang FROM readings r WHERE r.id = reading_history.reading_id), 'en');
UPDATE feedback SET lang = COALESCE((SELECT u.language FROM users u WHERE u.id = feedback.author_id), 'en');
UPDATE commitments SET lang = COALESCE((SELECT u.language FROM users u WHERE u.id = commitments.user_id), 'en');
UPDATE reflections SET lang = COALESCE((SELECT u.language FROM users u WHERE u.id = reflections.user_id), 'en');
