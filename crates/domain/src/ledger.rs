//! Totals of benefit lines, exactly per the impact method: each line's first-year
//! value rounded to whole pence, then summed; verified, claimed and forecast kept
//! apart; headline figures from verified lines only.

use crate::Pence;
use crate::impact::{
    CaptureFactor, Category, EnvironmentalQuantities, FirstYear, Frequency, GhgFactors, LineValue,
    Status, Valuation, net_return_percent_tenths, payback_months_tenths, roi_hundredths,
};
use crate::innovation::EmployeeBand;

/// One current benefit line with what valuing it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub status: Status,
    pub category: Category,
    pub frequency: Frequency,
    pub value: LineValue,
    pub organisation_rate: Option<Pence>,
    /// The hourly rate and capture factor recorded when the line was verified.
    pub recorded: Option<(Pence, CaptureFactor)>,
    pub environment: EnvironmentalQuantities,
}

impl Line {
    /// The line's first-year value. A verified line is valued at the rate and
    /// capture factor recorded when it was verified, so that a later change to
    /// an organisation's or programme's rate never moves a verified figure; any
    /// other line at today's (its own rate, else the organisation's, else the
    /// programme's, times the programme's capture factor).
    pub fn first_year_value(&self, programme_rate: Pence, capture: CaptureFactor) -> Pence {
        let valuation = match self.recorded {
            Some((rate, capture)) if self.status == Status::Verified => Valuation {
                organisation_rate: Some(rate),
                programme_rate: rate,
                capture,
            },
            _ => Valuation {
                organisation_rate: self.organisation_rate,
                programme_rate,
                capture,
            },
        };
        let value = match (self.value, self.recorded, self.status) {
            // The recorded rate already took the line's own rate into account.
            (LineValue::Hours { hours, .. }, Some(_), Status::Verified) => LineValue::Hours {
                hours,
                line_rate: None,
            },
            (value, _, _) => value,
        };
        value.first_year_value(self.frequency, &valuation)
    }
}

/// Why a claimed figure deserves a second look before it is verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concern {
    /// More in a year than a firm of this size plausibly saves from one change.
    LargeForSize { band: EmployeeBand, ceiling: Pence },
    /// Far above what the programme's other verified lines are worth.
    FarAboveOthers { median: Pence },
}

impl Concern {
    pub fn message_id(self) -> &'static str {
        match self {
            Concern::LargeForSize { .. } => "concern-large-for-size",
            Concern::FarAboveOthers { .. } => "concern-far-above-others",
        }
    }
}

/// The most first-year value one line may claim before it is questioned, by the
/// firm's size: a guide for the verifier, not a limit.
pub fn ceiling_for(band: EmployeeBand) -> Option<Pence> {
    match band {
        EmployeeBand::Micro => Some(Pence(2_000_000)),
        EmployeeBand::Small => Some(Pence(7_500_000)),
        EmployeeBand::Medium => Some(Pence(25_000_000)),
        EmployeeBand::Large => None,
    }
}

/// How many times the median of the programme's verified lines a claim may be
/// before it is questioned, once there are enough lines to compare with.
pub const FAR_ABOVE_MEDIAN: i64 = 3;
/// Verified lines needed before the median means anything.
pub const ENOUGH_TO_COMPARE: usize = 5;

/// What a verifier should look at twice in a claim of `value` in its first year
/// from a firm of size `band`, given the first-year values of the programme's
/// verified lines.
pub fn concerns(value: Pence, band: EmployeeBand, others: Verified) -> Vec<Concern> {
    let mut found = Vec::new();
    if let Some(ceiling) = ceiling_for(band)
        && value.0 > ceiling.0
    {
        found.push(Concern::LargeForSize { band, ceiling });
    }
    if let Some(median) = others.median
        && median.0 > 0
        && value.0 > median.0.saturating_mul(FAR_ABOVE_MEDIAN)
    {
        found.push(Concern::FarAboveOthers { median });
    }
    found
}

/// What a claim is set beside: the median of the programme's verified values,
/// once there are enough to compare with. Worked out once for a whole queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    median: Option<Pence>,
}

impl Verified {
    /// From every verified value.
    pub fn of(values: &[Pence]) -> Verified {
        let mut v = values.to_vec();
        v.sort_unstable();
        let (offset, take) = crate::health::Similar::middle(v.len());
        Verified::ranked(v.len(), &v[offset..(offset + take).min(v.len())])
    }

    /// From how many verified values there are and their middle one or two,
    /// read at [`crate::health::Similar::middle`] from the values ranked.
    pub fn ranked(count: usize, middle: &[Pence]) -> Verified {
        let median = (count >= ENOUGH_TO_COMPARE)
            .then(|| {
                let values: Vec<i64> = middle.iter().map(|p| p.0).collect();
                crate::projects::median(&values).map(Pence)
            })
            .flatten();
        Verified { median }
    }
}

/// What makes a benefit line the same line when it is imported again: its
/// project, description (in any case, spaces trimmed), start date, category and
/// amount or hours. Two lines with one key are one saving written twice.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LineKey {
    pub project: i64,
    pub description: String,
    pub starts_on: chrono::NaiveDate,
    pub category: Category,
    pub amount_pence: Option<i64>,
    pub hours_hundredths: Option<i64>,
}

impl LineKey {
    pub fn new(
        project: i64,
        description: &str,
        starts_on: chrono::NaiveDate,
        category: Category,
        amount_pence: Option<i64>,
        hours_hundredths: Option<i64>,
    ) -> LineKey {
        LineKey {
            project,
            description: description.trim().to_lowercase(),
            starts_on,
            category,
            amount_pence,
            hours_hundredths,
        }
    }
}

/// The status a new version of a line starts at. People forecast or claim; only
/// verification, a recorded act, makes a line verified. So a version asking to be
/// verified starts claimed, and any change to a verified line returns it to
/// claimed. The one exception is a new line imported with a named verifier
/// (`verifier_named`), which keeps the status its file gives.
pub fn status_of_new_version(
    requested: Status,
    previous: Option<Status>,
    verifier_named: bool,
) -> Status {
    match (requested, previous) {
        (Status::Verified, None) if verifier_named => Status::Verified,
        (Status::Verified, _) | (_, Some(Status::Verified)) => Status::Claimed,
        (requested, _) => requested,
    }
}

/// The figures for a set of lines (a project, an organisation, a cohort, a programme).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub first_year: FirstYear,
    /// Verified first-year value by category, every category in order.
    pub by_category: Vec<(Category, Pence)>,
    /// Verified first-year CO2e saved, in grams.
    pub co2e_grams: i64,
    pub cost: Pence,
}

impl Summary {
    pub fn of(
        lines: &[Line],
        cost: Pence,
        programme_rate: Pence,
        capture: CaptureFactor,
        factors: Option<&GhgFactors>,
    ) -> Summary {
        Summary::of_totals(
            lines.iter().map(|line| {
                (
                    line.status,
                    line.category,
                    line.first_year_value(programme_rate, capture),
                    factors.map_or(0, |f| {
                        f.first_year_co2e_grams(&line.environment, line.frequency)
                    }),
                )
            }),
            cost,
        )
    }

    /// The figures from lines already valued (each line's first-year value and
    /// CO2e grams), one by one or summed by status and category: verified value
    /// by category and CO2e count verified lines only.
    pub fn of_totals<I: IntoIterator<Item = (Status, Category, Pence, i64)>>(
        totals: I,
        cost: Pence,
    ) -> Summary {
        let mut s = Summary {
            cost,
            ..Summary::default()
        };
        s.by_category = Category::ALL.iter().map(|c| (*c, Pence(0))).collect();
        for (status, category, value, co2e_grams) in totals {
            s.first_year.add(status, value);
            if status == Status::Verified {
                if let Some((_, total)) = s.by_category.iter_mut().find(|(c, _)| *c == category) {
                    total.0 = total.0.saturating_add(value.0);
                }
                s.co2e_grams = s.co2e_grams.saturating_add(co2e_grams);
            }
        }
        s
    }

    pub fn verified(&self) -> Pence {
        self.first_year.verified
    }

    /// Return on investment from verified value, in hundredths (302 = 3.02 : 1).
    pub fn roi_hundredths(&self) -> Option<i64> {
        roi_hundredths(self.verified(), self.cost)
    }

    pub fn net_return_tenths(&self) -> Option<i64> {
        net_return_percent_tenths(self.verified(), self.cost)
    }

    pub fn payback_tenths(&self) -> Option<i64> {
        payback_months_tenths(self.verified(), self.cost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::impact::{Hours, Quantity};

    fn line(status: Status, category: Category, frequency: Frequency, value: LineValue) -> Line {
        Line {
            status,
            category,
            frequency,
            value,
            organisation_rate: None,
            recorded: None,
            environment: EnvironmentalQuantities::default(),
        }
    }

    #[test]
    fn claims_out_of_proportion_are_questioned() {
        // A micro bakery claiming £62,400 a year.
        let claim = Pence(6_240_000);
        assert_eq!(
            concerns(claim, EmployeeBand::Micro, Verified::of(&[])),
            vec![Concern::LargeForSize {
                band: EmployeeBand::Micro,
                ceiling: Pence(2_000_000)
            }]
        );
        assert!(concerns(claim, EmployeeBand::Large, Verified::of(&[])).is_empty());
        // Others verified £1,000–£3,000: median £2,000, so over £6,000 is questioned.
        let others = [100_000, 150_000, 200_000, 250_000, 300_000].map(Pence);
        assert_eq!(
            concerns(Pence(600_001), EmployeeBand::Medium, Verified::of(&others)),
            vec![Concern::FarAboveOthers {
                median: Pence(200_000)
            }]
        );
        assert!(concerns(Pence(600_000), EmployeeBand::Medium, Verified::of(&others)).is_empty());
        assert!(
            concerns(
                Pence(600_001),
                EmployeeBand::Medium,
                Verified::of(&others[..4])
            )
            .is_empty(),
            "too few to compare"
        );
    }

    #[test]
    fn only_verification_verifies() {
        use Status::{Claimed, Forecast, Verified};
        assert_eq!(status_of_new_version(Verified, None, false), Claimed);
        assert_eq!(status_of_new_version(Verified, None, true), Verified);
        assert_eq!(status_of_new_version(Forecast, None, true), Forecast);
        assert_eq!(
            status_of_new_version(Forecast, Some(Verified), false),
            Claimed
        );
        assert_eq!(
            status_of_new_version(Verified, Some(Claimed), true),
            Claimed
        );
        assert_eq!(
            status_of_new_version(Forecast, Some(Claimed), false),
            Forecast
        );
    }

    /// A verified line keeps the rate and capture factor it was verified with;
    /// other lines follow today's.
    #[test]
    fn verified_lines_keep_their_recorded_valuation() {
        // 2 h a week; verified when the rate was £20 and the capture factor 1.0.
        let mut l = line(
            Status::Verified,
            Category::LabourTime,
            Frequency::Weekly,
            LineValue::Hours {
                hours: Hours(200),
                line_rate: None,
            },
        );
        l.organisation_rate = Some(Pence(3000));
        l.recorded = Some((Pence(2000), CaptureFactor(1000)));
        // Today: the organisation's rate is £30 and the capture factor 0.5.
        assert_eq!(
            l.first_year_value(Pence(2500), CaptureFactor(500)),
            Pence(2 * 2000 * 52),
            "valued as verified"
        );
        l.status = Status::Claimed;
        assert_eq!(
            l.first_year_value(Pence(2500), CaptureFactor(500)),
            Pence(2 * 3000 * 52 / 2),
            "an unverified line follows today's rate"
        );
    }

    #[test]
    fn totals_follow_the_method() {
        // Verified: £10.00 a week → £520.00; 2 h a month at the organisation's £20 × 0.8 → 2 × 20 × 0.8 × 12 = £384.00.
        // Claimed: £1,000 once. Forecast: 1.25 h a quarter at the programme's £25 × 0.8 = £25.00 × 4 = £100.00.
        let mut hours = line(
            Status::Verified,
            Category::LabourTime,
            Frequency::Monthly,
            LineValue::Hours {
                hours: Hours(200),
                line_rate: None,
            },
        );
        hours.organisation_rate = Some(Pence(2000));
        let lines = vec![
            line(
                Status::Verified,
                Category::Materials,
                Frequency::Weekly,
                LineValue::Amount(Pence(1000)),
            ),
            hours,
            line(
                Status::Claimed,
                Category::Energy,
                Frequency::OneOff,
                LineValue::Amount(Pence(100_000)),
            ),
            line(
                Status::Forecast,
                Category::LabourTime,
                Frequency::Quarterly,
                LineValue::Hours {
                    hours: Hours(125),
                    line_rate: None,
                },
            ),
        ];
        let s = Summary::of(&lines, Pence(30_000), Pence(2500), CaptureFactor(800), None);
        assert_eq!(s.first_year.verified, Pence(52_000 + 38_400));
        assert_eq!(s.first_year.claimed, Pence(100_000));
        assert_eq!(s.first_year.forecast, Pence(10_000));
        let of = |c: Category| s.by_category.iter().find(|(k, _)| *k == c).map(|(_, v)| *v);
        assert_eq!(of(Category::LabourTime), Some(Pence(38_400)));
        assert_eq!(
            of(Category::Energy),
            Some(Pence(0)),
            "claimed lines are not in the headline"
        );
        // ROI 904.00 ÷ 300.00 = 3.0133… → 301 hundredths.
        assert_eq!(s.roi_hundredths(), Some(301));
        assert_eq!(s.net_return_tenths(), Some(2013));
        // Payback: 12 × 300 ÷ 904 = 3.98 months → 4.0.
        assert_eq!(s.payback_tenths(), Some(40));
        let _ = Quantity::default();
    }
}

/// Cumulative verified savings at the end of each month from `from`, for the
/// break-even chart: recurring lines accrue a twelfth of their first-year value
/// each month from the month they started; one-off lines count in full then.
/// Lines that start in the same month are spread together, so lines already
/// summed by day give the same chart as the lines one by one.
pub fn cumulative_by_month(
    lines: &[(chrono::NaiveDate, Frequency, Pence)],
    from: chrono::NaiveDate,
    months: u32,
) -> Vec<Pence> {
    use chrono::Datelike;
    let index = |d: chrono::NaiveDate| {
        (d.year() - from.year()) * 12 + d.month() as i32 - from.month() as i32
    };
    // By the month they start (or `from`), and whether they recur.
    // Summed exactly in 128 bits, then held at the 64-bit limit (unreachable
    // within the bounds of `bounds.rs`).
    let mut started: std::collections::BTreeMap<(i32, bool), i128> = Default::default();
    for (start, frequency, first_year) in lines {
        *started
            .entry((index(*start).max(0), frequency.is_recurring()))
            .or_default() += i128::from(first_year.0);
    }
    let mut monthly = vec![0i128; months as usize];
    for ((first, recurring), first_year) in started {
        if !recurring {
            if let Some(m) = monthly.get_mut(first as usize) {
                *m += first_year;
            }
            continue;
        }
        // Spread the year's value over twelve months, the pennies left over in the first.
        let base = first_year / 12;
        let rest = first_year - base * 12;
        for k in 0..12 {
            if let Some(m) = monthly.get_mut((first + k) as usize) {
                *m += base + if k == 0 { rest } else { 0 };
            }
        }
    }
    let mut total = 0i128;
    monthly
        .into_iter()
        .map(|m| {
            total += m;
            Pence(crate::bounds::total(total))
        })
        .collect()
}

/// The first month (0-based) whose cumulative savings reach the cost.
pub fn break_even_month(cumulative: &[Pence], cost: Pence) -> Option<usize> {
    cumulative.iter().position(|c| c.0 >= cost.0 && cost.0 > 0)
}

#[cfg(test)]
mod cumulative_tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn accrues_monthly_and_finds_break_even() {
        let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        // £1,200 a year from March (£100 a month) and £500 once in April; from January.
        let lines = [
            (d(2026, 3), Frequency::Weekly, Pence(120_000)),
            (d(2026, 4), Frequency::OneOff, Pence(50_000)),
        ];
        let c = cumulative_by_month(&lines, d(2026, 1), 6);
        assert_eq!(
            c,
            vec![
                Pence(0),
                Pence(0),
                Pence(10_000),
                Pence(70_000),
                Pence(80_000),
                Pence(90_000)
            ]
        );
        assert_eq!(break_even_month(&c, Pence(75_000)), Some(4));
        assert_eq!(break_even_month(&c, Pence(1_000_000)), None);
        // Pennies that do not divide by twelve land in the first month.
        let c = cumulative_by_month(
            &[(d(2026, 1), Frequency::Monthly, Pence(1_213))],
            d(2026, 1),
            12,
        );
        assert_eq!(c[0], Pence(101 + 1));
        assert_eq!(c[11], Pence(1_213));
    }

    #[test]
    fn lines_summed_by_day_chart_the_same() {
        let on = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        // Two recurring lines in March whose pennies do not divide by twelve
        // (7 + 7 left over: 14, one more twelfth between them), and a one-off.
        let one_by_one = [
            (on(3, 2), Frequency::Monthly, Pence(1_207)),
            (on(3, 2), Frequency::Weekly, Pence(2_407)),
            (on(3, 20), Frequency::Monthly, Pence(5)),
            (on(4, 9), Frequency::OneOff, Pence(999)),
        ];
        let by_day = [
            (on(3, 2), Frequency::Monthly, Pence(1_207 + 2_407)),
            (on(3, 20), Frequency::Monthly, Pence(5)),
            (on(4, 9), Frequency::OneOff, Pence(999)),
        ];
        let c = cumulative_by_month(&one_by_one, on(3, 1), 14);
        assert_eq!(c, cumulative_by_month(&by_day, on(3, 1), 14));
        // 3,619 over twelve months: 301 a month, 7 pennies in the first.
        assert_eq!(c[0], Pence(301 + 7));
        assert_eq!(c[1], Pence(308 + 301 + 999));
        assert_eq!(c[11], Pence(3_619 + 999));
    }
}
