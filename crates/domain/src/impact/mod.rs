//! The impact method of design.md ("Impact method"): first-year value of benefit
//! lines, totals by status, ROI and its companions, cohort cost shares, and CO2e.
//!
//! Everything here is integer arithmetic. Money is [`Pence`]; hours are hundredths
//! of an hour; the capture factor is thousandths; environmental quantities are
//! thousandths of their unit. Products are formed exactly in `i128` and divided
//! once, rounding half away from zero, so a report and a test worked by hand
//! always agree to the penny.

use crate::Pence;
use crate::bounds::{Bound, MAX_LINE_FIRST_YEAR_PENCE};
use crate::decimal::{self, Sign};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::code::coded_enum;

coded_enum! {
    /// What kind of saving or gain a benefit line records.
    pub enum Category {
        LabourTime = "labour_time", "impact-category-labour-time";
        Materials = "materials", "impact-category-materials";
        Energy = "energy", "impact-category-energy";
        WasteDisposal = "waste_disposal", "impact-category-waste-disposal";
        Consumables = "consumables", "impact-category-consumables";
        Transport = "transport", "impact-category-transport";
        AvoidedCost = "avoided_cost", "impact-category-avoided-cost";
        NewRevenue = "new_revenue", "impact-category-new-revenue";
        Other = "other", "impact-category-other";
    }
}

coded_enum! {
    /// Hard savings show in the accounts; soft savings are capacity freed or cost avoided.
    pub enum SavingsType {
        Hard = "hard", "impact-savings-type-hard";
        Soft = "soft", "impact-savings-type-soft";
    }
}

coded_enum! {
    /// How often a benefit line's amount (or hours) recurs.
    pub enum Frequency {
        OneOff = "one_off", "impact-frequency-one-off";
        Weekly = "weekly", "impact-frequency-weekly";
        Monthly = "monthly", "impact-frequency-monthly";
        Quarterly = "quarterly", "impact-frequency-quarterly";
        Annually = "annually", "impact-frequency-annually";
    }
}

impl Frequency {
    /// How many times the per-period value counts in the first 12 months.
    /// A one-off counts once, exactly like an annual line.
    pub fn periods_per_year(self) -> i64 {
        match self {
            Frequency::OneOff | Frequency::Annually => 1,
            Frequency::Weekly => 52,
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
        }
    }

    /// Whether the value repeats (everything but one-off).
    pub fn is_recurring(self) -> bool {
        self != Frequency::OneOff
    }
}

coded_enum! {
    /// Where a benefit line stands: forecast → claimed → verified. A reviewer
    /// may instead ask the claimant a question (queried: the claimant answers
    /// and it is claimed again), send it back for rework (returned: the
    /// claimant edits and claims it again) or reject it (closed). None of these
    /// three counts in any total.
    pub enum Status {
        Forecast = "forecast", "impact-status-forecast";
        Claimed = "claimed", "impact-status-claimed";
        Verified = "verified", "impact-status-verified";
        Queried = "queried", "impact-status-queried";
        Returned = "returned", "impact-status-returned";
        Rejected = "rejected", "impact-status-rejected";
    }
}

coded_enum! {
    /// The waste hierarchy, most preferred first.
    pub enum WasteLevel {
        Prevention = "prevention", "impact-waste-level-prevention";
        PreparingForReuse = "preparing_for_reuse", "impact-waste-level-preparing-for-reuse";
        Recycling = "recycling", "impact-waste-level-recycling";
        OtherRecovery = "other_recovery", "impact-waste-level-other-recovery";
        Disposal = "disposal", "impact-waste-level-disposal";
    }
}

/// Why a typed number was refused. Each message is a Fluent message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ImpactParseError {
    #[error("error-hours-invalid")]
    Hours,
    #[error("error-capture-factor-invalid")]
    CaptureFactor,
    #[error("error-quantity-invalid")]
    Quantity,
    /// A percentage from 0 to 100 with at most two decimals.
    #[error("error-percent-invalid")]
    Percent,
    /// Above the bound of its kind (see `bounds.rs`).
    #[error("error-number-too-large")]
    TooLarge(Bound),
}

/// A bounded read: too large is said so; anything else is `otherwise`.
fn parse_bounded(
    input: &str,
    bound: Bound,
    otherwise: ImpactParseError,
) -> Result<i64, ImpactParseError> {
    bound.parse(input).map_err(|e| match e {
        decimal::DecimalError::TooLarge => ImpactParseError::TooLarge(bound),
        _ => otherwise,
    })
}

/// Hours in hundredths of an hour: `Hours(150)` is 1.5 h.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Hours(pub i64);

impl Hours {
    /// Whole hours.
    pub fn from_whole(hours: i64) -> Hours {
        Hours(hours.saturating_mul(100))
    }

    /// Parses hours as typed: "1.5", "2", ".25". At most two decimals; negatives
    /// are refused (a line that costs time is entered as its own line); so is
    /// more than [`Bound::Hours`].
    pub fn parse(input: &str) -> Result<Hours, ImpactParseError> {
        parse_bounded(input, Bound::Hours, ImpactParseError::Hours).map(Hours)
    }
}

impl fmt::Display for Hours {
    /// "1.5", "2", "0.25": no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(self.0, 2))
    }
}

/// The programme's capture factor in thousandths: `CaptureFactor(800)` is 0.8.
/// It scales the value of hours freed, since not every freed hour becomes value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CaptureFactor(pub u32);

impl CaptureFactor {
    /// 1.0: every freed hour counts in full (the design's default).
    pub const ONE: CaptureFactor = CaptureFactor(1000);

    /// Parses "0.8", "1", "0.125": at most three decimals, from 0 to 1 inclusive.
    pub fn parse(input: &str) -> Result<CaptureFactor, ImpactParseError> {
        parse_scaled(input, 3)
            .filter(|v| (0..=1000).contains(v))
            .and_then(|v| u32::try_from(v).ok())
            .map(CaptureFactor)
            .ok_or(ImpactParseError::CaptureFactor)
    }
}

impl Default for CaptureFactor {
    fn default() -> Self {
        CaptureFactor::ONE
    }
}

impl fmt::Display for CaptureFactor {
    /// "0.8", "1".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(i64::from(self.0), 3))
    }
}

/// The hourly rate that values a line's hours: the line's own rate, else its
/// organisation's loaded hourly rate, else the programme default.
pub fn resolve_rate(line: Option<Pence>, organisation: Option<Pence>, programme: Pence) -> Pence {
    line.or(organisation).unwrap_or(programme)
}

/// A benefit line's value per period as stored: an amount, or hours with the
/// line's own rate if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineValue {
    /// Pence per period.
    Amount(Pence),
    /// Hours per period; valued at the resolved rate × capture factor.
    Hours {
        hours: Hours,
        line_rate: Option<Pence>,
    },
}

/// A line's value per period with the hourly rate already resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerPeriod {
    /// Pence per period.
    Amount(Pence),
    /// Hours per period at `rate` pence an hour (before the capture factor).
    Hours { hours: Hours, rate: Pence },
}

/// What valuing a line needs beyond the line itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Valuation {
    /// The organisation's loaded hourly rate, if recorded.
    pub organisation_rate: Option<Pence>,
    /// The programme's default hourly rate.
    pub programme_rate: Pence,
    /// The programme's capture factor.
    pub capture: CaptureFactor,
}

impl LineValue {
    /// Resolves the hourly rate (line, else organisation, else programme).
    pub fn per_period(self, organisation_rate: Option<Pence>, programme_rate: Pence) -> PerPeriod {
        match self {
            LineValue::Amount(amount) => PerPeriod::Amount(amount),
            LineValue::Hours { hours, line_rate } => PerPeriod::Hours {
                hours,
                rate: resolve_rate(line_rate, organisation_rate, programme_rate),
            },
        }
    }

    /// The line's first-year value; see [`first_year_value`].
    pub fn first_year_value(self, frequency: Frequency, valuation: &Valuation) -> Pence {
        first_year_value(
            self.per_period(valuation.organisation_rate, valuation.programme_rate),
            frequency,
            valuation.capture,
        )
    }
}

/// First-year value of one line, rounded half away from zero to whole pence.
///
/// One-off: the value once. Recurring: the value per period × periods in 12
/// months (weekly 52, monthly 12, quarterly 4, annually 1). Hours are valued at
/// `rate × capture`, computed exactly as
/// `hours_hundredths × rate_pence × capture_thousandths × periods ÷ 100_000`
/// and rounded only once, at the end. The capture factor applies to hours only.
///
/// Each input is held to its bound first (an amount to [`Bound::Amount`],
/// hours to [`Bound::Hours`], the rate to [`Bound::HourlyRate`], the capture
/// factor to 1.0), so a value stored before the bounds counts as the largest
/// allowed and the result is never beyond [`MAX_LINE_FIRST_YEAR_PENCE`].
pub fn first_year_value(
    per_period: PerPeriod,
    frequency: Frequency,
    capture: CaptureFactor,
) -> Pence {
    let periods = i128::from(frequency.periods_per_year());
    let capture = i128::from(capture.0.min(CaptureFactor::ONE.0));
    let value = match per_period {
        PerPeriod::Amount(amount) => i128::from(Bound::Amount.hold(amount.0)) * periods,
        PerPeriod::Hours { hours, rate } => decimal::div_round(
            i128::from(Bound::Hours.hold(hours.0))
                * i128::from(Bound::HourlyRate.hold(rate.0))
                * capture
                * periods,
            HOURS_SCALE * CAPTURE_SCALE,
        ),
    };
    // Within the bounds already; the clamp only states it.
    let limit = i128::from(MAX_LINE_FIRST_YEAR_PENCE);
    Pence(saturate_i64(value.clamp(-limit, limit)))
}

const HOURS_SCALE: i128 = 100;
const CAPTURE_SCALE: i128 = 1000;

/// First-year value split by each line's current status. A line counts once,
/// under its own status; headline figures use `verified` only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct FirstYear {
    pub verified: Pence,
    pub claimed: Pence,
    pub forecast: Pence,
}

impl FirstYear {
    /// Adds one line's (already rounded) first-year value under its status.
    pub fn add(&mut self, status: Status, value: Pence) {
        let slot = match status {
            Status::Verified => &mut self.verified,
            Status::Claimed => &mut self.claimed,
            Status::Forecast => &mut self.forecast,
            // A queried, returned or rejected claim counts nowhere.
            Status::Queried | Status::Returned | Status::Rejected => return,
        };
        // Within the bounds a total cannot reach the 64-bit limit (see
        // `bounds::LINES_AT_MAXIMUM`); it is held there rather than wrap.
        slot.0 = slot.0.saturating_add(value.0);
    }

    /// The total for one status.
    pub fn get(&self, status: Status) -> Pence {
        match status {
            Status::Verified => self.verified,
            Status::Claimed => self.claimed,
            Status::Forecast => self.forecast,
            Status::Queried | Status::Returned | Status::Rejected => Pence(0),
        }
    }

    /// Sums `(status, first-year value)` pairs.
    pub fn from_lines<I: IntoIterator<Item = (Status, Pence)>>(lines: I) -> FirstYear {
        lines.into_iter().collect()
    }
}

impl FromIterator<(Status, Pence)> for FirstYear {
    fn from_iter<I: IntoIterator<Item = (Status, Pence)>>(lines: I) -> Self {
        let mut totals = FirstYear::default();
        for (status, value) in lines {
            totals.add(status, value);
        }
        totals
    }
}

/// ROI = benefit ÷ cost in hundredths (302 is 3.02), rounded half away from
/// zero. `None` when the cost is zero.
pub fn roi_hundredths(benefit: Pence, cost: Pence) -> Option<i64> {
    scaled_ratio(i128::from(benefit.0), i128::from(cost.0), 100)
}

/// ROI as shown to people: "3.0 : 1", one decimal, rounded half away from zero
/// from the exact ratio (never from a rounded one). "–" when the cost is zero.
pub fn format_roi(benefit: Pence, cost: Pence) -> String {
    match scaled_ratio(i128::from(benefit.0), i128::from(cost.0), 10) {
        Some(tenths) => format!("{} : 1", format_tenths(tenths)),
        None => "–".to_string(),
    }
}

/// Net return = (benefit − cost) ÷ cost, in tenths of a percent (2020 is
/// 202.0%). `None` when the cost is zero.
pub fn net_return_percent_tenths(benefit: Pence, cost: Pence) -> Option<i64> {
    let net = i128::from(benefit.0) - i128::from(cost.0);
    scaled_ratio(net, i128::from(cost.0), 1000)
}

/// Payback = cost ÷ (benefit ÷ 12) = 12 × cost ÷ benefit, in tenths of a
/// month (40 is 4.0 months). `None` when the benefit is zero or negative,
/// since then the cost is never paid back.
pub fn payback_months_tenths(benefit: Pence, cost: Pence) -> Option<i64> {
    if benefit.0 <= 0 {
        return None;
    }
    scaled_ratio(i128::from(cost.0), i128::from(benefit.0), 120)
}

/// Writes a value held in tenths with one decimal: 2020 → "202.0", -5 → "-0.5".
pub fn format_tenths(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

/// Splits a cost into `parts` equal shares that sum exactly to `total`; the
/// remainder pennies go one each to the first shares. No parts gives an empty
/// list. (A negative total splits the same way: shares differ by at most 1p.)
pub fn split_cost(total: Pence, parts: usize) -> Vec<Pence> {
    let Ok(n) = i64::try_from(parts) else {
        return Vec::new();
    };
    if n == 0 {
        return Vec::new();
    }
    let base = total.0.div_euclid(n);
    // rem_euclid is in 0..n, so it always fits back into usize.
    let extra = usize::try_from(total.0.rem_euclid(n)).unwrap_or(0);
    (0..parts)
        .map(|i| Pence(if i < extra { base + 1 } else { base }))
        .collect()
}

/// Each cohort's share of a programme's cost, in order: a cohort with its own
/// figure keeps it; the rest of the cost is split equally among the others.
pub fn cohort_shares(total: Pence, fixed: &[Option<Pence>]) -> Vec<Pence> {
    let taken: i128 = fixed.iter().flatten().map(|p| i128::from(p.0)).sum();
    let open = fixed.iter().filter(|f| f.is_none()).count();
    let left = crate::bounds::total((i128::from(total.0) - taken).max(0));
    let mut equal = split_cost(Pence(left), open).into_iter();
    fixed
        .iter()
        .map(|f| f.unwrap_or_else(|| equal.next().unwrap_or_default()))
        .collect()
}

// ---------------------------------------------------------------------------
// Integer helpers
// ---------------------------------------------------------------------------

/// `numerator × scale ÷ denominator`, rounded half away from zero; `None` when
/// the denominator is zero.
pub(crate) fn scaled_ratio(numerator: i128, denominator: i128, scale: i128) -> Option<i64> {
    if denominator == 0 {
        return None;
    }
    Some(saturate_i64(decimal::div_round(
        numerator * scale,
        denominator,
    )))
}

pub(crate) fn checked_product(factors: &[i128]) -> Option<i128> {
    factors.iter().try_fold(1i128, |acc, f| acc.checked_mul(*f))
}

pub(crate) fn saturate_i64(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

/// A non-negative decimal with at most `decimals` places, scaled; see [`decimal`].
pub(crate) fn parse_scaled(input: &str, decimals: u32) -> Option<i64> {
    decimal::parse(input, decimals, Sign::NonNegative).ok()
}

pub(crate) fn format_scaled(value: i64, decimals: u32) -> String {
    decimal::format(value, decimals)
}

mod co2e;
pub use co2e::*;
pub mod net;

#[cfg(test)]
mod tests;
