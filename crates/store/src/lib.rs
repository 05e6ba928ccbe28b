//! Persistence for Ymarfer on SQLite (embedded, the default) or PostgreSQL (for scale).
//!
//! One [`Db`] value wraps a pool of either kind. Queries are written once with `$n`
//! placeholders, which both backends accept, and [`with_pool!`] runs them on whichever
//! pool is live; the SQL is split per backend only where it really differs.

pub mod additionality;
pub mod api_tokens;
pub mod attachments;
pub mod audit;
pub mod backup;
pub mod bulk;
pub mod capability;
pub mod copy;
mod db;
pub mod health;
pub mod home;
pub mod idempotency;
pub mod jobs;
pub mod kept;
pub mod ledger;
pub mod live;
pub mod mail_queue;
pub mod organisations;
pub mod people;
pub mod privacy;
pub mod programmes;
pub mod projects;
pub mod returns;
pub mod schedule;
pub mod search;
pub mod secret;
pub mod seek;
pub mod sessions;
pub mod showcase;
pub mod space;
mod sql;
pub mod throttle;
pub mod tokens;
pub mod users;

pub use db::{Backend, Db, StoreError};
#[cfg(feature = "testing")]
pub mod testing;
