-- When a person's personal data was erased, at their request: their account
-- stays as a placeholder, so the programme's figures keep their shape.
ALTER TABLE users ADD COLUMN erased_at TIMESTAMPTZ;

-- An administrator suspended the account: it cannot sign in until reactivated.
ALTER TABLE users ADD COLUMN suspended_at TIMESTAMPTZ;
