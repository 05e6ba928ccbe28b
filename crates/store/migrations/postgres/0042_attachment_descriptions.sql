-- What a photo shows, in words, for people who cannot see it: its text
-- alternative, in the language its writer wrote it in. Empty when none was
-- given (the file's name stands in).
ALTER TABLE attachments ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN description_lang TEXT NOT NULL DEFAULT 'en';
