//! Fragments of SQL that more than one module writes with, each kept once.

/// The order of a programme's cohorts, the same on both databases (undated last):
/// cost shares are split in this order.
pub(crate) const COHORT_ORDER: &str = "starts_on IS NULL, starts_on, name_en, id";
