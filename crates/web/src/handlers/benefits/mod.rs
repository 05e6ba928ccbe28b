//! A project's benefit ledger (`/projects/{id}/benefits`): lines, their versions,
//! and verification.

pub mod answer;
pub mod form;
pub mod lines;
pub mod review;
