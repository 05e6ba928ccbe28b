//! The cohort space: its stream (`/programmes/{p}/cohorts/{c}/space`), one item
//! with its comments, reactions and feedback (`/posts/{id}`), shares from a
//! project, and the person's notices. See `docs/space.md`.

pub mod alumni;
pub mod item;
pub mod notices;
pub mod share;
mod shared;
pub mod stream;
