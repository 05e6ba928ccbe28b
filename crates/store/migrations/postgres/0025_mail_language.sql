-- The language a queued email is written in, for its Content-Language and
-- the lang of its HTML part when it is tried again.
ALTER TABLE mail_queue ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
