-- What the verifier wrote when verifying a line: why they are satisfied.
ALTER TABLE benefit_versions ADD COLUMN verify_note TEXT;
