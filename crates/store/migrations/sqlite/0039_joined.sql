-- When a person first had an account they could use: a password set, or a
-- first sign-in. An invited person who never came has none. A lead's progress
-- (invited, then enrolled) and the funnel's "enrolled" step read it; erasing
-- the person keeps it, so counts stay as they were.
ALTER TABLE users ADD COLUMN joined_at TEXT;

UPDATE users SET joined_at = COALESCE(
    (SELECT MIN(s.created_at) FROM sessions s WHERE s.user_id = users.id),
    created_at)
WHERE password_hash IS NOT NULL
   OR EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = users.id);
