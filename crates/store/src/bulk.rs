//! Bulk loading for generated data (`ymarfer synth`): many rows a statement,
//! many statements a transaction, on either database.

use crate::db::Result;
use crate::{Backend, Db};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::QueryBuilder;

/// One value of a generated row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Int(i64),
    Text(String),
    Bool(bool),
    Date(NaiveDate),
    Time(DateTime<Utc>),
    /// A NULL, of a column of the given kind (PostgreSQL types each parameter).
    Null(Kind),
}

/// What kind of value a NULL stands in for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Bool,
    Text,
    Date,
    Time,
}

impl From<i64> for Cell {
    fn from(v: i64) -> Cell {
        Cell::Int(v)
    }
}

impl From<&str> for Cell {
    fn from(v: &str) -> Cell {
        Cell::Text(v.to_string())
    }
}

impl From<String> for Cell {
    fn from(v: String) -> Cell {
        Cell::Text(v)
    }
}

impl From<bool> for Cell {
    fn from(v: bool) -> Cell {
        Cell::Bool(v)
    }
}

impl From<NaiveDate> for Cell {
    fn from(v: NaiveDate) -> Cell {
        Cell::Date(v)
    }
}

impl From<DateTime<Utc>> for Cell {
    fn from(v: DateTime<Utc>) -> Cell {
        Cell::Time(v)
    }
}

macro_rules! nullable {
    ($($t:ty => $kind:ident),*) => {$(
        impl From<Option<$t>> for Cell {
            fn from(v: Option<$t>) -> Cell {
                v.map(Into::into).unwrap_or(Cell::Null(Kind::$kind))
            }
        }
    )*};
}

nullable!(i64 => Int, bool => Bool, String => Text, NaiveDate => Date, DateTime<Utc> => Time);

/// Binds a row's cells into a statement being built, whichever database.
macro_rules! insert_all {
    ($db:ty, $pool:expr, $table:expr, $columns:expr, $rows:expr, $overriding:expr) => {{
        // Both databases take tens of thousands of parameters a statement.
        let per = (30_000 / $columns.len().max(1)).max(1);
        let mut tx = $pool.begin().await?;
        for chunk in $rows.chunks(per) {
            let mut q: QueryBuilder<$db> = QueryBuilder::new(format!(
                "INSERT INTO {} ({}) {}",
                $table,
                $columns.join(", "),
                $overriding
            ));
            q.push_values(chunk, |mut b, row| {
                for cell in row {
                    match cell {
                        Cell::Int(v) => b.push_bind(*v),
                        Cell::Text(v) => b.push_bind(v.clone()),
                        Cell::Bool(v) => b.push_bind(*v),
                        Cell::Date(v) => b.push_bind(*v),
                        Cell::Time(v) => b.push_bind(*v),
                        Cell::Null(Kind::Int) => b.push_bind(None::<i64>),
                        Cell::Null(Kind::Bool) => b.push_bind(None::<bool>),
                        Cell::Null(Kind::Text) => b.push_bind(None::<String>),
                        Cell::Null(Kind::Date) => b.push_bind(None::<NaiveDate>),
                        Cell::Null(Kind::Time) => b.push_bind(None::<DateTime<Utc>>),
                    };
                }
            });
            q.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }};
}

/// Sets a table's id sequence (PostgreSQL) to carry on after its largest id.
pub(crate) fn carry_on_sql(table: &str) -> String {
    format!(
        "SELECT setval(s, COALESCE((SELECT MAX(id) FROM \"{table}\"), 1), \
         (SELECT MAX(id) FROM \"{table}\") IS NOT NULL) \
         FROM pg_get_serial_sequence('\"{table}\"', 'id') AS s WHERE s IS NOT NULL"
    )
}

impl Db {
    /// Inserts `rows` (each in the order of `columns`) into `table`, in one
    /// transaction.
    pub async fn insert_rows(
        &self,
        table: &str,
        columns: &[&str],
        rows: &[Vec<Cell>],
    ) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        match self {
            Db::Sqlite(pool) => insert_all!(sqlx::Sqlite, pool, table, columns, rows, ""),
            // Ids are given: identity columns take them.
            Db::Postgres(pool) => insert_all!(
                sqlx::Postgres,
                pool,
                table,
                columns,
                rows,
                "OVERRIDING SYSTEM VALUE "
            ),
        }
        Ok(())
    }

    /// After rows were inserted with their ids given, PostgreSQL's id
    /// sequences carry on after the largest (SQLite needs nothing).
    pub async fn carry_on_ids(&self, tables: &[&str]) -> Result<()> {
        let Db::Postgres(pool) = self else {
            return Ok(());
        };
        debug_assert_eq!(self.backend(), Backend::Postgres);
        for table in tables {
            sqlx::query(&carry_on_sql(table)).execute(pool).await?;
        }
        Ok(())
    }

    /// Refreshes the query planner's statistics after a bulk load.
    pub async fn analyse(&self) -> Result<()> {
        crate::with_pool!(self, |pool| {
            sqlx::query("ANALYZE").execute(pool).await?;
        });
        Ok(())
    }

    /// The largest id in a table, 0 when it is empty.
    pub async fn max_id(&self, table: &str) -> Result<i64> {
        let sql = format!("SELECT COALESCE(MAX(id), 0) FROM {table}");
        Ok(crate::with_pool!(self, |pool| {
            sqlx::query_scalar::<_, i64>(&sql).fetch_one(pool).await?
        }))
    }
}
