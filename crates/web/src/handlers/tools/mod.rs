//! The toolkit: its guidance pages, the form a participant fills in about their
//! own process, saved versions with computed outputs, and a programme's own tools.

pub mod apply;
pub mod programme;
pub mod toolkit;
mod view;
