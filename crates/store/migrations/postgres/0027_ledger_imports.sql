-- Every ledger file imported into a programme, by the SHA-256 of its bytes, so
-- that importing the same file again is refused, naming when and by whom.
CREATE TABLE ledger_imports (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL,
    lines        BIGINT NOT NULL,
    imported_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    imported_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (programme_id, sha256)
);
CREATE INDEX ledger_imports_imported_by ON ledger_imports (imported_by);
