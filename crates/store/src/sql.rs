//! Fragments of SQL that more than one module writes with, each kept once.

/// The order of a programme's cohorts, the same on both databases (undated last):
/// cost shares are split in this order.
pub(crate) const COHORT_ORDER: &str = "starts_on IS NULL, starts_on, name_en, id";

/// A project (aliased `p`) that the world may see: public, and approved as
/// such by a facilitator. Any edit withdraws the approval.
pub(crate) const PUBLIC_AND_APPROVED: &str =
    "p.visibility = 'public' AND p.public_approved_by IS NOT NULL";
