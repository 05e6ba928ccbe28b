-- Every ledger file imported into a programme, by the SHA-256 of its bytes, so
-- that importing the same file again is refused, naming when and by whom.
CREATE TABLE ledger_imports (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL,
    lines        INTEGER NOT NULL,
    imported_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    imported_at  TEXT NOT NULL,
    UNIQUE (programme_id, sha256)
);
CREATE INDEX ledger_imports_imported_by ON ledger_imports (imported_by);
