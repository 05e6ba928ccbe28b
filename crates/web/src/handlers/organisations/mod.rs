//! Organisations: the firms taking part, with their innovation status at entry.

mod common;
pub mod listing;
pub mod record;
