//! Numbers and percentages: fixed-point values a participant types, and the percentages tools compute.

use super::*;
use crate::Pence;
use crate::decimal::{self, DecimalError, Sign};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

// ---------------------------------------------------------------------------
// Numbers and percentages
// ---------------------------------------------------------------------------

/// A decimal number with at most two decimal places, held as hundredths
/// (so £12.34 is `Number(1234)`, which is also 1234 pence). Serialised as a
/// decimal string such as `"12.5"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Number(pub(crate) i64);

/// Why a typed number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all ("abc", "1e5", "1.2.3", "").
    Invalid,
    /// More than two decimal places.
    TooPrecise,
    /// More than twelve digits before the decimal point.
    TooLarge,
}

impl Number {
    pub const ZERO: Number = Number(0);

    pub const fn from_hundredths(hundredths: i64) -> Number {
        Number(hundredths)
    }

    /// A whole number (saturating at the limits of `i64` hundredths).
    pub const fn from_int(whole: i64) -> Number {
        Number(whole.saturating_mul(100))
    }

    pub const fn hundredths(self) -> i64 {
        self.0
    }

    pub const fn is_integer(self) -> bool {
        self.0 % 100 == 0
    }

    /// As pence, reading the number as pounds.
    pub const fn as_pence(self) -> Pence {
        Pence(self.0)
    }

    /// Parses a number as a person types it: `"12"`, `"-3.5"`, `".25"`,
    /// `"1,250.50"` (commas only as thousands separators), `"£40"`, `"95%"`.
    pub fn parse(input: &str) -> Result<Number, NumberError> {
        let mut s = input.trim();
        let negative = match s.strip_prefix('-') {
            Some(rest) => {
                s = rest.trim_start();
                "-"
            }
            None => "",
        };
        s = s.strip_prefix('£').unwrap_or(s);
        s = s.strip_suffix('%').unwrap_or(s).trim_end();
        let hundredths =
            decimal::parse(&format!("{negative}{s}"), 2, Sign::Any).map_err(|e| match e {
                DecimalError::TooPrecise => NumberError::TooPrecise,
                DecimalError::TooLarge => NumberError::TooLarge,
                DecimalError::Invalid | DecimalError::Negative => NumberError::Invalid,
            })?;
        if hundredths.unsigned_abs() >= 10u64.pow(NUMBER_MAX_WHOLE_DIGITS as u32) * 100 {
            return Err(NumberError::TooLarge);
        }
        Ok(Number(hundredths))
    }
}

impl fmt::Display for Number {
    /// Plain decimal, no grouping, no trailing zeros: `12`, `12.5`, `12.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.0.unsigned_abs();
        if self.0 < 0 {
            f.write_str("-")?;
        }
        let (whole, frac) = (abs / 100, abs % 100);
        if frac == 0 {
            write!(f, "{whole}")
        } else if frac % 10 == 0 {
            write!(f, "{whole}.{}", frac / 10)
        } else {
            write!(f, "{whole}.{frac:02}")
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Number, D::Error> {
        let s = String::deserialize(deserializer)?;
        Number::parse(&s).map_err(|_| serde::de::Error::custom(format!("not a number: {s:?}")))
    }
}

/// A percentage with one decimal place, held in tenths of a percent
/// (`Percent { tenths: 581 }` is 58.1%). Displayed as `58.1%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Percent {
    pub tenths: i64,
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.tenths.unsigned_abs();
        let sign = if self.tenths < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{}%", abs / 10, abs % 10)
    }
}
