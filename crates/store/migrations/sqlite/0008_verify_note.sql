-- What the verifier wrote when verifying a line: why they are satisfied.
ALTER TABLE benefit_versions ADD COLUMN verify_note TEXT;
-- Why a person made this version, when they say: for example why a verified
-- line was returned to claimed.
ALTER TABLE benefit_versions ADD COLUMN change_note TEXT;
