//! Signing in (password or emailed link), signing out, password reset, accepting
//! an invitation, and the first administrator's setup.

mod common;
pub mod journeys;
pub mod signing;
