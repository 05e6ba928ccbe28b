//! Fresh databases for tests: a new SQLite file, or a new PostgreSQL database made
//! on the server that `YMARFER_TEST_POSTGRES_URL` names.

use crate::{Backend, Db};
use sqlx::Connection;

/// The PostgreSQL server tests use. A PostgreSQL test never passes without
/// PostgreSQL: without the variable it fails and says how to run it. To run
/// SQLite only, leave the PostgreSQL tests out by name
/// (`YMARFER_TEST_POSTGRES=off ./scripts/test` does), so the runner reports them
/// as skipped.
pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("YMARFER_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => panic!(
            "YMARFER_TEST_POSTGRES_URL is not set. Run ./scripts/test, or set it to a PostgreSQL \
             server URL (e.g. postgres://postgres@127.0.0.1:5432/postgres), or leave the \
             PostgreSQL tests out with YMARFER_TEST_POSTGRES=off ./scripts/test."
        ),
    }
}

fn random_name(prefix: &str) -> String {
    let (secret, _) = crate::secret::new_secret();
    format!("{prefix}{}", &secret[..16])
}

/// A migrated, empty database on the backend, and its URL. `None` only when
/// PostgreSQL was explicitly switched off.
pub async fn fresh_db(backend: Backend) -> Option<(Db, String)> {
    let (db, url) = unmigrated_db(backend).await?;
    db.migrate()
        .await
        .unwrap_or_else(|e| panic!("migrate: {e}"));
    Some((db, url))
}

/// An empty database with the migrations up to `version` only, for testing a
/// later migration against rows written before it. `Db::migrate` applies the rest.
pub async fn db_at_version(backend: Backend, version: i64) -> Option<(Db, String)> {
    let (db, url) = unmigrated_db(backend).await?;
    let up_to = |all: &sqlx::migrate::Migrator| sqlx::migrate::Migrator {
        migrations: all
            .iter()
            .filter(|m| m.version <= version)
            .cloned()
            .collect::<Vec<_>>()
            .into(),
        ..sqlx::migrate::Migrator::DEFAULT
    };
    match &db {
        Db::Sqlite(pool) => up_to(&crate::db::SQLITE_MIGRATIONS).run(pool).await,
        Db::Postgres(pool) => up_to(&crate::db::POSTGRES_MIGRATIONS).run(pool).await,
    }
    .unwrap_or_else(|e| panic!("migrate to {version}: {e}"));
    Some((db, url))
}

async fn unmigrated_db(backend: Backend) -> Option<(Db, String)> {
    let url = match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("ymarfer-tests");
            std::fs::create_dir_all(&dir).ok()?;
            format!(
                "sqlite://{}",
                dir.join(random_name("db-") + ".sqlite").display()
            )
        }
        Backend::Postgres => {
            let admin = postgres_admin_url()?;
            let name = random_name("ymarfer_test_");
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL server: {e}"));
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
            let mut parsed = url::Url::parse(&admin).unwrap_or_else(|e| panic!("bad URL: {e}"));
            parsed.set_path(&name);
            parsed.to_string()
        }
    };
    let db = Db::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("connect {url}: {e}"));
    Some((db, url))
}

/// Runs a test body once per backend; the body gets a fresh database each time.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident => $body:path;)*) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    let (db, url) = $crate::testing::fresh_db($crate::Backend::Sqlite).await.expect("sqlite");
                    $body(db, url).await;
                }
                #[tokio::test]
                async fn postgres() {
                    if let Some((db, url)) = $crate::testing::fresh_db($crate::Backend::Postgres).await {
                        $body(db, url).await;
                    }
                }
            }
        )*
    };
}

impl Db {
    /// Runs raw SQL, for tests that check what the database itself refuses.
    pub async fn execute_unchecked(&self, sql: &str) -> crate::db::Result<u64> {
        Ok(crate::with_pool!(self, |pool| sqlx::query(sql)
            .execute(pool)
            .await?
            .rows_affected()))
    }
}

impl Db {
    /// Every (table, column) holding text that contains `needle`, in any case:
    /// to show that erased data is gone from the whole database.
    pub async fn columns_containing(
        &self,
        needle: &str,
    ) -> crate::db::Result<Vec<(String, String)>> {
        let columns: Vec<(String, String)> = match self {
            Db::Sqlite(pool) => {
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                )
                .fetch_all(pool)
                .await?;
                let mut out = Vec::new();
                for t in tables {
                    let names: Vec<String> =
                        sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{t}')"))
                            .fetch_all(pool)
                            .await?;
                    out.extend(names.into_iter().map(|c| (t.clone(), c)));
                }
                out
            }
            Db::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')",
                )
                .fetch_all(pool)
                .await?
            }
        };
        let mut found = Vec::new();
        for (t, c) in columns {
            let sql = format!(
                "SELECT COUNT(*) FROM \"{t}\" WHERE lower(CAST(\"{c}\" AS TEXT)) LIKE '%' || lower($1) || '%'"
            );
            let n: i64 = crate::with_pool!(self, |pool| sqlx::query_scalar(&sql)
                .bind(needle)
                .fetch_one(pool)
                .await?);
            if n > 0 {
                found.push((t, c));
            }
        }
        Ok(found)
    }
}
