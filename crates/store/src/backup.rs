//! Backups of the SQLite database: an online, consistent copy taken while
//! Ymarfer serves (`VACUUM INTO`), and a digest of every table to check that a
//! copy holds the same data. PostgreSQL is backed up with `pg_dump` (README).

use crate::db::Result;
use crate::{Backend, Db};
use sha2::{Digest, Sha256};
use sqlx::Row;
use std::path::Path;

/// One table's rows, counted and hashed in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDigest {
    pub table: String,
    pub rows: i64,
    pub sha256: String,
}

impl Db {
    /// Writes a consistent copy of the SQLite database to `file`, which must not
    /// exist yet; readers and writers carry on meanwhile. `None` on PostgreSQL,
    /// whose own tool (`pg_dump`) does this.
    pub async fn backup_to(&self, file: &Path) -> Result<Option<()>> {
        let Db::Sqlite(pool) = self else {
            return Ok(None);
        };
        sqlx::query("VACUUM INTO $1")
            .bind(file.to_string_lossy().into_owned())
            .execute(pool)
            .await?;
        Ok(Some(()))
    }

    /// Every table of an SQLite database with its row count and a hash of its
    /// rows in order, to compare a database with its copy.
    pub async fn sqlite_digests(&self) -> Result<Vec<TableDigest>> {
        let Db::Sqlite(pool) = self else {
            return Ok(Vec::new());
        };
        debug_assert_eq!(self.backend(), Backend::Sqlite);
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .fetch_all(pool)
        .await?;
        let mut out = Vec::new();
        for table in tables {
            let columns: Vec<String> = sqlx::query(&format!("PRAGMA table_info(\"{table}\")"))
                .fetch_all(pool)
                .await?
                .iter()
                .map(|r| r.get::<String, _>("name"))
                .collect();
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            let rows: Vec<String> =
                // Ordered by the rows themselves: some tables (the search
                // index's) have no rowid.
                sqlx::query_scalar(&format!("SELECT {row} AS r FROM \"{table}\" ORDER BY r"))
                    .fetch_all(pool)
                    .await?;
            let mut hash = Sha256::new();
            for r in &rows {
                hash.update(r.as_bytes());
                hash.update(b"\n");
            }
            out.push(TableDigest {
                table,
                rows: rows.len() as i64,
                sha256: hex::encode(hash.finalize()),
            });
        }
        Ok(out)
    }
}
