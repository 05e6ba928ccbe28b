-- A session's revision (its iCalendar SEQUENCE) and when it last changed, so
-- calendars that hold it know to update it.
ALTER TABLE cohort_sessions ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cohort_sessions ADD COLUMN updated_at TEXT;
UPDATE cohort_sessions SET updated_at = created_at;
