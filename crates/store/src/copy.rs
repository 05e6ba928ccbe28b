//! Moving a whole instance from its embedded SQLite database to PostgreSQL,
//! when it outgrows one machine (`ymarfer copy --to postgres://…`), and
//! checking that the copy holds exactly what the original does.
//!
//! The target is migrated to the same schema and must hold no rows. Every
//! table both databases have is copied, parents before children, in one
//! PostgreSQL transaction with `COPY … FROM STDIN`, so a failure leaves the
//! target as it was; the id sequences then carry on from the copied ids.
//! SQLite's search index has no twin (PostgreSQL indexes the same text itself)
//! and is left behind.

use crate::db::{Result, StoreError};
use crate::{Backend, Db};
use chrono::{DateTime, NaiveDateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::{PgPool, Row, SqlitePool};
use std::collections::{BTreeMap, BTreeSet};

/// One table as copied, or as compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCopy {
    pub table: String,
    pub rows: i64,
}

/// One table in both databases: rows and a digest of its values, normalised
/// so that the same value reads the same in each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSide {
    pub table: String,
    pub rows: i64,
    pub sha256: String,
}

/// Why a copy was refused before it began.
#[derive(Debug, thiserror::Error)]
pub enum CopyRefused {
    #[error("copy from an SQLite database to a PostgreSQL one")]
    Backends,
    #[error("the target database already holds rows (in {0}): copy only into an empty database")]
    NotEmpty(String),
}

/// PostgreSQL's triggers that keep figures as rows are written (see
/// `docs/kept-figures.md`), by table.
const KEPT_TRIGGERS: [(&str, &str); 4] = [
    ("benefit_lines", "peer_savings_lines"),
    ("benefit_lines", "ledger_sums_lines"),
    ("organisations", "peer_savings_firm_moved"),
    ("enrolments", "cohort_places"),
];

/// Tables that are bookkeeping, not data.
fn skipped(table: &str) -> bool {
    table.starts_with("_sqlx") || table.starts_with("sqlite_")
}

/// PostgreSQL's text COPY format: `\N` for NULL, backslash escapes.
fn escape(value: Option<&str>, out: &mut String) {
    let Some(v) = value else {
        out.push_str("\\N");
        return;
    };
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

struct Plan {
    /// Tables in an order where each comes after those it refers to, each
    /// with the columns both databases have and PostgreSQL's type of each.
    tables: Vec<(String, Vec<(String, String)>)>,
    /// Columns that refer to a table copied later (where two tables refer
    /// to each other): copied empty, then filled in once both are there.
    deferred: Vec<(String, String, String)>,
}

async fn sqlite_tables(pool: &SqlitePool) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .fetch_all(pool)
            .await?,
    )
}

async fn plan(from: &SqlitePool, to: &PgPool) -> Result<Plan> {
    let pg_columns: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(to)
    .await?;
    let mut pg: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (t, c, ty) in pg_columns {
        pg.entry(t).or_default().push((c, ty));
    }
    let mut columns = BTreeMap::new();
    let mut parents: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for table in sqlite_tables(from).await? {
        let Some(pg_cols) = pg.get(&table) else {
            continue;
        };
        if skipped(&table) {
            continue;
        }
        let names: BTreeSet<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(from)
                .await?
                .into_iter()
                .collect();
        let both: Vec<(String, String)> = pg_cols
            .iter()
            .filter(|(c, _)| names.contains(c))
            .cloned()
            .collect();
        let refers: Vec<(String, String)> = sqlx::query_as(&format!(
            "SELECT \"table\", \"from\" FROM pragma_foreign_key_list('{table}')"
        ))
        .fetch_all(from)
        .await?
        .into_iter()
        .filter(|(p, _): &(String, String)| p != &table)
        .collect();
        parents.insert(table.clone(), refers.into_iter().collect());
        columns.insert(table, both);
    }
    // Parents first; a table is placed once all it refers to are. Where
    // tables refer to each other, the first of them is placed with its
    // references to the others deferred.
    let mut placed: Vec<String> = Vec::new();
    let mut deferred = Vec::new();
    while placed.len() < columns.len() {
        let waiting_on = |t: &String| -> Vec<(String, String)> {
            parents[t]
                .iter()
                .filter(|(p, _)| !placed.contains(p) && columns.contains_key(p))
                .cloned()
                .collect()
        };
        let ready: Vec<String> = columns
            .keys()
            .filter(|t| !placed.contains(t))
            .filter(|t| waiting_on(t).is_empty())
            .cloned()
            .collect();
        if !ready.is_empty() {
            placed.extend(ready);
            continue;
        }
        let Some(first) = columns.keys().find(|t| !placed.contains(t)).cloned() else {
            break;
        };
        for (_, column) in waiting_on(&first) {
            let ty = columns[&first]
                .iter()
                .find(|(c, _)| *c == column)
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| "bigint".into());
            deferred.push((first.clone(), column, ty));
        }
        placed.push(first);
    }
    Ok(Plan {
        tables: placed
            .into_iter()
            .map(|t| {
                let c = columns.remove(&t).unwrap_or_default();
                (t, c)
            })
            .collect(),
        deferred,
    })
}

impl Db {
    /// Copies every table of this SQLite database into `to`, an empty
    /// PostgreSQL database (migrated here first). `progress` hears of each
    /// table as it is done.
    pub async fn copy_to(
        &self,
        to: &Db,
        mut progress: impl FnMut(&TableCopy),
    ) -> std::result::Result<Vec<TableCopy>, CopyError> {
        let (Db::Sqlite(from), Db::Postgres(pg)) = (self, to) else {
            return Err(CopyRefused::Backends.into());
        };
        to.migrate().await?;
        let plan = plan(from, pg).await?;
        for (table, _) in &plan.tables {
            let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
                .fetch_one(pg)
                .await
                .map_err(StoreError::from)?;
            if n > 0 {
                return Err(CopyRefused::NotEmpty(table.clone()).into());
            }
        }
        let mut tx = pg.begin().await.map_err(StoreError::from)?;
        // The kept figures come across as they are: the triggers that keep
        // them would count each copied row a second time.
        for (table, trigger) in KEPT_TRIGGERS {
            sqlx::query(&format!("ALTER TABLE {table} DISABLE TRIGGER {trigger}"))
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?;
        }
        let mut done = Vec::new();
        for (table, columns) in &plan.tables {
            let names: Vec<String> = columns.iter().map(|(c, _)| format!("\"{c}\"")).collect();
            let read: Vec<String> = columns
                .iter()
                .map(|(c, _)| format!("CAST(\"{c}\" AS TEXT)"))
                .collect();
            let rows = sqlx::query(&format!(
                "SELECT {} FROM \"{table}\" ORDER BY rowid",
                read.join(", ")
            ))
            .fetch_all(from)
            .await
            .map_err(StoreError::from)?;
            let mut copy = tx
                .copy_in_raw(&format!(
                    "COPY \"{table}\" ({}) FROM STDIN",
                    names.join(", ")
                ))
                .await
                .map_err(StoreError::from)?;
            let mut buf = String::new();
            let later: Vec<bool> = columns
                .iter()
                .map(|(c, _)| plan.deferred.iter().any(|(t, d, _)| t == table && d == c))
                .collect();
            for row in &rows {
                for (i, empty) in later.iter().enumerate() {
                    if i > 0 {
                        buf.push('\t');
                    }
                    let v: Option<String> = row.try_get(i).map_err(StoreError::from)?;
                    escape(v.as_deref().filter(|_| !empty), &mut buf);
                }
                buf.push('\n');
                if buf.len() > 1 << 20 {
                    copy.send(buf.as_bytes()).await.map_err(StoreError::from)?;
                    buf.clear();
                }
            }
            if !buf.is_empty() {
                copy.send(buf.as_bytes()).await.map_err(StoreError::from)?;
            }
            copy.finish().await.map_err(StoreError::from)?;
            // The id sequence carries on after the copied ids.
            if columns.iter().any(|(c, _)| c == "id") {
                sqlx::query(&crate::bulk::carry_on_sql(table))
                    .execute(&mut *tx)
                    .await
                    .map_err(StoreError::from)?;
            }
            let t = TableCopy {
                table: table.clone(),
                rows: rows.len() as i64,
            };
            progress(&t);
            done.push(t);
        }
        // The deferred references, now that what they refer to is there.
        for (table, column, ty) in &plan.deferred {
            let pairs: Vec<(i64, String)> = sqlx::query_as(&format!(
                "SELECT id, CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL"
            ))
            .fetch_all(from)
            .await
            .map_err(StoreError::from)?;
            sqlx::query("CREATE TEMP TABLE ymarfer_copy_later (id BIGINT, v TEXT) ON COMMIT DROP")
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?;
            let mut copy = tx
                .copy_in_raw("COPY ymarfer_copy_later (id, v) FROM STDIN")
                .await
                .map_err(StoreError::from)?;
            let mut buf = String::new();
            for (id, v) in &pairs {
                buf.push_str(&id.to_string());
                buf.push('\t');
                escape(Some(v), &mut buf);
                buf.push('\n');
            }
            copy.send(buf.as_bytes()).await.map_err(StoreError::from)?;
            copy.finish().await.map_err(StoreError::from)?;
            sqlx::query(&format!(
                "UPDATE \"{table}\" t SET \"{column}\" = CAST(l.v AS {ty}) FROM ymarfer_copy_later l WHERE t.id = l.id"
            ))
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?;
            sqlx::query("DROP TABLE ymarfer_copy_later")
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?;
        }
        for (table, trigger) in KEPT_TRIGGERS {
            sqlx::query(&format!("ALTER TABLE {table} ENABLE TRIGGER {trigger}"))
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(done)
    }

    /// Each copied table's rows and digest, in this SQLite database and in
    /// `to`, for checking a copy value by value.
    pub async fn compare_copy(&self, to: &Db) -> Result<Vec<(TableSide, TableSide)>> {
        let (Db::Sqlite(from), Db::Postgres(pg)) = (self, to) else {
            return Err(StoreError::Invalid(
                "compare an SQLite database with a PostgreSQL one".into(),
            ));
        };
        debug_assert_eq!(self.backend(), Backend::Sqlite);
        let plan = plan(from, pg).await?;
        let mut out = Vec::new();
        for (table, columns) in &plan.tables {
            let types: Vec<&str> = columns.iter().map(|(_, t)| t.as_str()).collect();
            let sqlite_read: Vec<String> = columns
                .iter()
                .map(|(c, _)| format!("CAST(\"{c}\" AS TEXT)"))
                .collect();
            let pg_read: Vec<String> = columns
                .iter()
                .map(|(c, _)| format!("\"{c}\"::text"))
                .collect();
            let a = sqlx::query(&format!(
                "SELECT {} FROM \"{table}\"",
                sqlite_read.join(", ")
            ))
            .fetch_all(from)
            .await?;
            let b = sqlx::query(&format!("SELECT {} FROM \"{table}\"", pg_read.join(", ")))
                .fetch_all(pg)
                .await?;
            let digest = |rows: Vec<Vec<Option<String>>>| {
                let mut lines: Vec<String> = rows
                    .into_iter()
                    .map(|r| {
                        r.iter()
                            .zip(&types)
                            .map(|(v, ty)| normalise(v.as_deref(), ty))
                            .collect::<Vec<_>>()
                            .join("\u{1f}")
                    })
                    .collect();
                lines.sort();
                let mut h = Sha256::new();
                for l in &lines {
                    h.update(l.as_bytes());
                    h.update(b"\n");
                }
                (lines.len() as i64, hex::encode(h.finalize()))
            };
            let values = |rows: &[sqlx::sqlite::SqliteRow]| -> Result<Vec<Vec<Option<String>>>> {
                rows.iter()
                    .map(|r| {
                        (0..columns.len())
                            .map(|i| Ok(r.try_get::<Option<String>, _>(i)?))
                            .collect()
                    })
                    .collect()
            };
            let pg_values = |rows: &[sqlx::postgres::PgRow]| -> Result<Vec<Vec<Option<String>>>> {
                rows.iter()
                    .map(|r| {
                        (0..columns.len())
                            .map(|i| Ok(r.try_get::<Option<String>, _>(i)?))
                            .collect()
                    })
                    .collect()
            };
            let (ra, da) = digest(values(&a)?);
            let (rb, db) = digest(pg_values(&b)?);
            out.push((
                TableSide {
                    table: table.clone(),
                    rows: ra,
                    sha256: da,
                },
                TableSide {
                    table: table.clone(),
                    rows: rb,
                    sha256: db,
                },
            ));
        }
        Ok(out)
    }
}

/// A value as the same text whichever database it was read from.
fn normalise(v: Option<&str>, pg_type: &str) -> String {
    let Some(v) = v else {
        return "\u{0}".into();
    };
    match pg_type {
        "boolean" => match v {
            "t" | "true" | "1" => "1".into(),
            _ => "0".into(),
        },
        // PostgreSQL keeps microseconds, rounding what it is given half to
        // even (…364500 ns is …364 µs), as `to_microseconds` does.
        "timestamp with time zone" => instant(v)
            .map(|t| {
                to_microseconds(t)
                    .format("%Y-%m-%dT%H:%M:%S%.6f")
                    .to_string()
            })
            .unwrap_or_else(|| v.to_string()),
        "double precision" | "real" | "numeric" => v
            .parse::<f64>()
            .map(|f| format!("{f:.6}"))
            .unwrap_or_else(|_| v.to_string()),
        _ => v.to_string(),
    }
}

/// A moment rounded to whole microseconds as PostgreSQL rounds what it is
/// given: it reads the fraction of a second as a double and rounds a million
/// times it to the nearest, a tie to the even one (`rint`).
fn to_microseconds(t: DateTime<Utc>) -> DateTime<Utc> {
    let nanos = t.timestamp_subsec_nanos();
    let fraction: f64 = format!("0.{nanos:09}").parse().unwrap_or_default();
    let micros = (fraction * 1_000_000.0).round_ties_even() as i64;
    t - chrono::Duration::nanoseconds(i64::from(nanos)) + chrono::Duration::microseconds(micros)
}

/// A moment written by either database: `2026-12-01 20:31:48.5+00`,
/// `2026-12-01T20:31:48.5+00:00`, `…Z`, or with no zone (UTC).
fn instant(v: &str) -> Option<DateTime<Utc>> {
    let v = v.trim().replacen(' ', "T", 1);
    let v = match v.strip_suffix('Z') {
        Some(rest) => format!("{rest}+00:00"),
        None => v,
    };
    DateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M:%S%.f%#z")
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|n| n.and_utc())
        })
}

/// A copy that could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(transparent)]
    Refused(#[from] CopyRefused),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_the_same_from_either_database() {
        let ts = "timestamp with time zone";
        assert_eq!(
            normalise(Some("2026-12-01 20:31:48.5+00"), ts),
            normalise(Some("2026-12-01T20:31:48.500+00:00"), ts)
        );
        assert_eq!(
            normalise(Some("2026-12-01T20:35:40.300430561+00:00"), ts),
            normalise(Some("2026-12-01 20:35:40.300431+00"), ts)
        );
        // A tie: PostgreSQL keeps the even microsecond.
        assert_eq!(
            normalise(Some("2026-12-01T23:41:27.019364500+00:00"), ts),
            normalise(Some("2026-12-01 23:41:27.019364+00"), ts)
        );
        assert_eq!(
            normalise(Some("2026-12-01 21:31:48+01"), ts),
            normalise(Some("2026-12-01 20:31:48Z"), ts)
        );
        assert_eq!(
            normalise(Some("t"), "boolean"),
            normalise(Some("1"), "boolean")
        );
        assert_ne!(normalise(None, "text"), normalise(Some(""), "text"));
        assert_eq!(
            normalise(Some("1.5"), "double precision"),
            normalise(Some("1.50"), "double precision")
        );
    }

    #[test]
    fn copy_text_is_escaped() {
        let mut out = String::new();
        escape(Some("a\tb\\c\nd"), &mut out);
        out.push('|');
        escape(None, &mut out);
        assert_eq!(out, "a\\tb\\\\c\\nd|\\N");
    }
}
