//! The public innovation health check (`/health-check`): one question a screen,
//! no account, nothing personal stored; then a result that is relevant to the
//! firm, and a way to ask to hear more (docs/health-check.md).

mod check;
pub mod questions;
pub mod result;
pub mod start;
