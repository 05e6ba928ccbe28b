//! Fragments of SQL that more than one module writes with, each kept once.

/// The order of a programme's cohorts, the same on both databases (undated last):
/// cost shares are split in this order.
pub(crate) const COHORT_ORDER: &str = "starts_on IS NULL, starts_on, name_en, id";

/// A project (aliased `p`) that the world may see: public, and approved as
/// such by a facilitator. Any edit withdraws the approval.
pub(crate) const PUBLIC_AND_APPROVED: &str =
    "p.visibility = 'public' AND p.public_approved_by IS NOT NULL";

/// Takes the write lock on one row (`$table`'s row `$id`) as the first step of
/// the open transaction `$tx`, so that acts keyed by what that row holds run
/// one at a time: two sends of the same form at once, the second waits and
/// then finds what the first made. The same statement serves both databases:
/// on PostgreSQL it locks the row until the transaction ends; on SQLite it
/// takes the database's write lock before anything is read.
/// `$column` is any column the statement may set to itself (PostgreSQL
/// refuses to set an identity column, even to its own value).
macro_rules! one_at_a_time {
    ($tx:ident, $table:literal, $column:literal, $id:expr) => {{
        sqlx::query(concat!(
            "UPDATE ",
            $table,
            " SET ",
            $column,
            " = ",
            $column,
            " WHERE id = $1"
        ))
        .bind($id)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use one_at_a_time;
