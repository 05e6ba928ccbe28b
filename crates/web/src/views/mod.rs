//! What several pages share: the views they build and the rows and helpers their
//! templates use. No handler here: handlers use these, never each other.

pub mod capability;
pub mod claims;
pub mod cohort_page;
pub mod invite;
pub mod ledger;
pub mod next;
pub mod notice;
pub mod profile;
pub mod project_page;
pub mod reading;
pub mod rhythm;
pub mod run_signals;
pub mod session_page;
pub mod space;
pub mod tool_reading;
pub mod toolkit;
pub mod upload;
