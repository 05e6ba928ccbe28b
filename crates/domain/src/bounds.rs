//! The largest number Ymarfer accepts of each kind, chosen so that every figure
//! computed from them fits in 64 bits with a wide margin: a line's first-year
//! value, a programme's totals over many millions of lines, ROI and its
//! companions. A value above its bound is refused where it is typed (form, API,
//! import) by the one decimal parser, as a field error that names the bound;
//! a stored value from before the bounds is valued as if it were at its bound.
//! See docs/impact.md ("Bounds").

use crate::decimal::{self, DecimalError, Sign};
use crate::{Lang, Pence};

/// What kind of number a field holds, and so its bound and its places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// A benefit line's amount per period, or an actual saving reported at a
    /// follow-up: at most £10,000,000.00.
    Amount,
    /// An hourly rate (a line's, an organisation's, a programme's default): at
    /// most £1,000.00 an hour.
    HourlyRate,
    /// A cost (a programme's, its breakdown, a cohort's share, a scenario's): at
    /// most £1,000,000,000.00. Also the bound of any other typed money.
    Cost,
    /// Hours per period on a benefit line: at most 10,000.
    Hours,
    /// kWh, kg or litres per period on a benefit line: at most 1,000,000.
    Quantity,
}

/// £10,000,000.00 in pence.
pub const MAX_AMOUNT_PENCE: i64 = 1_000_000_000;
/// £1,000.00 in pence.
pub const MAX_HOURLY_RATE_PENCE: i64 = 100_000;
/// £1,000,000,000.00 in pence.
pub const MAX_COST_PENCE: i64 = crate::money::WIDEST_PENCE;
/// 10,000 hours, in hundredths.
pub const MAX_HOURS_HUNDREDTHS: i64 = 1_000_000;
/// 1,000,000 units, in thousandths.
pub const MAX_QUANTITY_MILLI: i64 = 1_000_000_000;

/// The most a weekly line can count in its first year: 52 periods.
const MAX_PERIODS: i64 = 52;

/// The largest first-year value one line can have: £520,000,000.00, whether
/// from an amount (£10m × 52) or from hours (10,000 h × £1,000 × 1.0 × 52).
pub const MAX_LINE_FIRST_YEAR_PENCE: i64 = MAX_AMOUNT_PENCE * MAX_PERIODS;

/// The largest first-year CO2e of one line, in grams (a million tonnes): well
/// above what the largest quantities give with the shipped factors.
pub const MAX_LINE_CO2E_GRAMS: i64 = 1_000_000_000_000;

/// How many lines at the largest first-year value a total holds exactly in
/// 64 bits: 177 million, hundreds of times a national programme's ledger.
pub const LINES_AT_MAXIMUM: i64 = i64::MAX / MAX_LINE_FIRST_YEAR_PENCE;

// The hours route can never be worth more than the amount route.
const _: () = assert!(
    (MAX_HOURS_HUNDREDTHS as i128) * (MAX_HOURLY_RATE_PENCE as i128) * (MAX_PERIODS as i128) / 100
        <= MAX_LINE_FIRST_YEAR_PENCE as i128
);
const _: () = assert!(LINES_AT_MAXIMUM >= 100_000_000);
const _: () = assert!(i64::MAX / MAX_LINE_CO2E_GRAMS >= 1_000_000);

impl Bound {
    /// The largest value allowed, scaled as stored (pence, hundredths, thousandths).
    pub fn max(self) -> i64 {
        match self {
            Bound::Amount => MAX_AMOUNT_PENCE,
            Bound::HourlyRate => MAX_HOURLY_RATE_PENCE,
            Bound::Cost => MAX_COST_PENCE,
            Bound::Hours => MAX_HOURS_HUNDREDTHS,
            Bound::Quantity => MAX_QUANTITY_MILLI,
        }
    }

    /// Decimal places the value is typed with.
    pub fn places(self) -> u32 {
        match self {
            Bound::Amount | Bound::HourlyRate | Bound::Cost | Bound::Hours => 2,
            Bound::Quantity => 3,
        }
    }

    /// The bound as people read it: "£10,000,000.00", "10,000".
    pub fn describe(self, lang: Lang) -> String {
        match self {
            Bound::Amount | Bound::HourlyRate | Bound::Cost => Pence(self.max()).format(lang),
            Bound::Hours | Bound::Quantity => {
                group_thousands(self.max() / 10i64.pow(self.places()))
            }
        }
    }

    /// Reads a value of this kind, zero or more, refusing one above the bound
    /// as [`DecimalError::TooLarge`].
    /// Money may carry a pound sign ("£12").
    pub fn parse(self, input: &str) -> Result<i64, DecimalError> {
        let text = match self {
            Bound::Amount | Bound::HourlyRate | Bound::Cost => {
                crate::money::without_pound_sign(input)
            }
            Bound::Hours | Bound::Quantity => input.to_string(),
        };
        decimal::parse_within(&text, self.places(), Sign::NonNegative, self.max())
    }

    /// A stored value held to its bound (zero or more), so that values stored
    /// before the bounds can be valued without overflow.
    pub fn hold(self, value: i64) -> i64 {
        value.clamp(-self.max(), self.max())
    }
}

/// A total summed exactly in 128 bits, as pence: held at the 64-bit limit in
/// the (documented, unreachable within the bounds) case it is beyond it.
pub fn total(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bound_is_read_up_to_and_refused_beyond() {
        assert_eq!(Bound::Amount.parse("10,000,000"), Ok(MAX_AMOUNT_PENCE));
        assert_eq!(
            Bound::Amount.parse("10000000.01"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(
            Bound::Amount.parse("92233720368547758.07"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(
            Bound::Amount.parse("50000000000000000"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(
            Bound::Amount.parse("99999999999999999999999"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(Bound::HourlyRate.parse("1000"), Ok(100_000));
        assert_eq!(
            Bound::HourlyRate.parse("1000.01"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(Bound::Hours.parse("10000"), Ok(1_000_000));
        assert_eq!(Bound::Hours.parse("10000.01"), Err(DecimalError::TooLarge));
        assert_eq!(Bound::Quantity.parse("1000000"), Ok(1_000_000_000));
        assert_eq!(
            Bound::Quantity.parse("1000000.001"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(Bound::Cost.parse("1,000,000,000.00"), Ok(MAX_COST_PENCE));
        assert_eq!(
            Bound::Cost.parse("1000000000.01"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(Bound::Amount.parse("-1"), Err(DecimalError::Negative));
        assert_eq!(Bound::Amount.parse("1.234"), Err(DecimalError::TooPrecise));
    }

    #[test]
    fn bounds_are_described() {
        assert_eq!(Bound::Amount.describe(Lang::En), "£10,000,000.00");
        assert_eq!(Bound::HourlyRate.describe(Lang::Cy), "£1,000.00");
        assert_eq!(Bound::Hours.describe(Lang::En), "10,000");
        assert_eq!(Bound::Quantity.describe(Lang::En), "1,000,000");
    }

    #[test]
    fn totals_are_held_at_the_limit() {
        assert_eq!(total(5), 5);
        assert_eq!(total(i128::from(i64::MAX) * 3), i64::MAX);
        assert_eq!(total(-i128::from(i64::MAX) * 3), i64::MIN);
    }
}
