//! The toolkit as data: tool definitions (TOML, bilingual, versioned), the
//! validation of what a participant fills in, and the tools' computed outputs.
//!
//! Everything here is pure: a tool is parsed from `&str`, form data arrives as
//! the `(name, value)` pairs a browser posts, and results are plain values.
//! The schema is described in `docs/toolkit.md`.
//!
//! Numbers are fixed-point: a [`Number`] holds hundredths, so a participant may
//! type at most two decimal places; pounds become pence exactly. Percentages
//! computed here are [`Percent`]s in tenths of a percent, rounded half away
//! from zero. No floating point is used for any value a person sees.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// Most rows a repeating table accepts.
pub const MAX_ROWS: usize = 100;
/// Most characters in a `text` value.
pub const TEXT_MAX_CHARS: usize = 300;
/// Most characters in a `long_text` value.
pub const LONG_TEXT_MAX_CHARS: usize = 10_000;
/// Most digits before the decimal point of a number (so every value is below
/// one trillion and sums of [`MAX_ROWS`] values cannot overflow).
pub(crate) const NUMBER_MAX_WHOLE_DIGITS: usize = 12;
/// Ratings may run from 0 up to this.
pub(crate) const RATING_CEILING: i64 = 10;

// ---------------------------------------------------------------------------
// Bilingual text
// ---------------------------------------------------------------------------

/// A piece of text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    pub cy: String,
}

impl Text {
    pub fn new(en: impl Into<String>, cy: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            cy: cy.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Cy => &self.cy,
        }
    }
}

mod computed;
mod definition;
mod number;
mod sequence;
mod shipped;
mod values;

pub use computed::*;
pub use definition::*;
pub use number::*;
pub use sequence::*;
pub use shipped::*;
pub use values::*;

#[cfg(test)]
mod tests;
