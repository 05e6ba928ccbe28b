-- An organisation's consent to a one-page case study of its project.
ALTER TABLE projects ADD COLUMN case_study_consent BOOLEAN NOT NULL DEFAULT FALSE;
