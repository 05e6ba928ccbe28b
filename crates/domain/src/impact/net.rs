//! Gross to net additional impact (HM Treasury Green Book / Additionality
//! Guide), as design.md's "Net additional impact" sets it out, and forecast
//! accuracy.
//!
//! Each programme holds deadweight, displacement, leakage and substitution as
//! percentages with two decimals, held here as integer hundredths of a percent
//! ([`Percent`]: `Percent(1250)` is 12.50%), each with its source and optional
//! low and high values, and a persistence profile (the share of the first-year
//! value still counted in years 2 and 3). A project's deadweight is its firm's
//! answer at a follow-up where given ([`Counterfactual`]), else the programme's.
//!
//! For each verified line the net first-year value is
//! `first_year × (1 − DW)(1 − DP)(1 − LK)(1 − SB)`, formed exactly in `i128`
//! as `first_year × Π(10000 − x) ÷ 10000⁴` and rounded once, half away from
//! zero, to whole pence; lines are then summed. Years 2 and 3 are each line's
//! net × its persistence share, rounded per line.

use super::{ImpactParseError, format_roi, scaled_ratio};
use crate::Pence;
use crate::code::coded_enum;
use crate::decimal::{self, DecimalError, Sign};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A percentage in hundredths of a percent, from 0 to 100%: `Percent(1250)`
/// is 12.50%.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Percent(pub i64);

/// 100% in hundredths of a percent.
const WHOLE: i64 = 10_000;

impl Percent {
    pub const ZERO: Percent = Percent(0);
    pub const HALF: Percent = Percent(5_000);
    pub const ALL: Percent = Percent(WHOLE);

    /// Reads "12.5", "12.50", "0", "100" (an optional "%" after it): at most two
    /// decimals, from 0 to 100 inclusive.
    pub fn parse(input: &str) -> Result<Percent, ImpactParseError> {
        let text = input.trim().trim_end_matches('%').trim_end();
        match decimal::parse_within(text, 2, Sign::NonNegative, WHOLE) {
            Ok(v) => Ok(Percent(v)),
            Err(DecimalError::TooLarge) => Err(ImpactParseError::Percent),
            Err(_) => Err(ImpactParseError::Percent),
        }
    }

    /// The percentage held within 0–100%, as a stored value may not be.
    pub fn held(self) -> i64 {
        self.0.clamp(0, WHOLE)
    }

    /// What is left once this share is taken away: 10000 − x, in hundredths.
    fn remaining(self) -> i128 {
        i128::from(WHOLE - self.held())
    }
}

impl fmt::Display for Percent {
    /// Always two decimals: "12.50", "0.00", "100.00".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

coded_enum! {
    /// A firm's answer at a follow-up, per project: "Would you have made this
    /// change without the programme?"
    pub enum Counterfactual {
        NotAtAll = "not_at_all", "counterfactual-not-at-all";
        Later = "later", "counterfactual-later";
        Smaller = "smaller", "counterfactual-smaller";
        Same = "the_same", "counterfactual-the-same";
    }
}

impl Counterfactual {
    /// The deadweight the answer sets for its project: not at all 0%, later
    /// 50%, smaller 50%, the same 100%.
    pub fn deadweight(self) -> Percent {
        match self {
            Counterfactual::NotAtAll => Percent::ZERO,
            Counterfactual::Later | Counterfactual::Smaller => Percent::HALF,
            Counterfactual::Same => Percent::ALL,
        }
    }
}

/// One additionality setting: its value, an optional low and high for a
/// range, and where the figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Setting {
    pub value: Percent,
    pub low: Option<Percent>,
    pub high: Option<Percent>,
    /// Where the figure comes from ("Programme business case, 2025").
    pub source: String,
}

impl Setting {
    /// The value at one end of the range: its low or high where given, else
    /// its value.
    pub fn at(&self, end: End) -> Percent {
        match end {
            End::Central => self.value,
            End::Low => self.low.unwrap_or(self.value),
            End::High => self.high.unwrap_or(self.value),
        }
    }

    /// Whether it gives a low or a high value.
    pub fn has_range(&self) -> bool {
        self.low.is_some() || self.high.is_some()
    }

    /// Whether its low ≤ value ≤ high where they are given.
    pub fn in_order(&self) -> bool {
        self.low.is_none_or(|l| l <= self.value) && self.high.is_none_or(|h| h >= self.value)
    }
}

/// Which value of each setting to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Central,
    Low,
    High,
}

/// A programme's additionality settings. The defaults are all zero: gross
/// and net agree until a programme says otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Additionality {
    pub deadweight: Setting,
    pub displacement: Setting,
    pub leakage: Setting,
    pub substitution: Setting,
    /// The share of a line's net first-year value still counted in year 2.
    pub persistence_year2: Percent,
    /// The share still counted in year 3.
    pub persistence_year3: Percent,
    pub persistence_source: String,
}

impl Additionality {
    /// The four settings by name, in the order the method lists them.
    pub fn settings(&self) -> [(&'static str, &Setting); 4] {
        [
            ("deadweight", &self.deadweight),
            ("displacement", &self.displacement),
            ("leakage", &self.leakage),
            ("substitution", &self.substitution),
        ]
    }

    /// Whether any setting gives a range.
    pub fn has_range(&self) -> bool {
        self.settings().iter().any(|(_, s)| s.has_range())
    }
}

/// The factors that take one line from gross to net.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Factors {
    pub deadweight: Percent,
    pub displacement: Percent,
    pub leakage: Percent,
    pub substitution: Percent,
}

impl Factors {
    /// The factors for a project: its firm's deadweight where answered, else
    /// the programme's at `end` of its range; the others at `end`. A firm's own
    /// answer is a fact about the project and has no range.
    pub fn for_project(a: &Additionality, answered: Option<Percent>, end: End) -> Factors {
        Factors {
            deadweight: answered.unwrap_or_else(|| a.deadweight.at(end)),
            displacement: a.displacement.at(end),
            leakage: a.leakage.at(end),
            substitution: a.substitution.at(end),
        }
    }
}

/// 10000⁴: the four factors' scale together.
const FACTORS_SCALE: i128 = (WHOLE as i128).pow(4);

/// One line's net first-year value:
/// `round_half_away(first_year × (1 − DW)(1 − DP)(1 − LK)(1 − SB))`, formed
/// exactly and rounded once to whole pence. A first-year value is at most
/// £520m (5.2 × 10¹⁰ pence), so the product (at most 5.2 × 10²⁶) fits in
/// `i128` with room to spare.
pub fn net_line(first_year: Pence, f: Factors) -> Pence {
    let product = i128::from(first_year.0)
        * f.deadweight.remaining()
        * f.displacement.remaining()
        * f.leakage.remaining()
        * f.substitution.remaining();
    Pence(super::saturate_i64(decimal::div_round(
        product,
        FACTORS_SCALE,
    )))
}

/// A line's value in a later year: its net first-year value × the share still
/// counted, rounded half away from zero to whole pence.
pub fn persisting(net: Pence, share: Percent) -> Pence {
    Pence(super::saturate_i64(decimal::div_round(
        i128::from(net.0) * i128::from(share.held()),
        i128::from(WHOLE),
    )))
}

/// Gross and net first-year value of verified lines, the later years, and
/// the net range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Net {
    /// Σ verified first-year value (gross).
    pub gross: Pence,
    /// Σ net first-year value, each line rounded once.
    pub net: Pence,
    /// Σ year 2 values (each line's net × the year 2 share, rounded per line).
    pub year2: Pence,
    /// Σ year 3 values.
    pub year3: Pence,
    /// Σ net with every setting at its high value (the most taken away).
    pub net_low: Pence,
    /// Σ net with every setting at its low value (the least taken away).
    pub net_high: Pence,
    /// How many verified lines.
    pub lines: u64,
}

/// Adds up verified lines, each given as (first-year value, the deadweight
/// its firm's answer sets, if it answered), by the method.
pub fn net_impact<I>(lines: I, a: &Additionality) -> Net
where
    I: IntoIterator<Item = (Pence, Option<Percent>)>,
{
    let mut n = Net::default();
    let add = |total: &mut Pence, v: Pence| total.0 = total.0.saturating_add(v.0);
    for (first_year, answered) in lines {
        let net = net_line(first_year, Factors::for_project(a, answered, End::Central));
        add(&mut n.gross, first_year);
        add(&mut n.net, net);
        add(&mut n.year2, persisting(net, a.persistence_year2));
        add(&mut n.year3, persisting(net, a.persistence_year3));
        // The most taken away gives the lowest net; the least, the highest.
        add(
            &mut n.net_low,
            net_line(first_year, Factors::for_project(a, answered, End::High)),
        );
        add(
            &mut n.net_high,
            net_line(first_year, Factors::for_project(a, answered, End::Low)),
        );
        n.lines += 1;
    }
    n
}

impl Net {
    /// Net ROI as shown beside gross: "2.4 : 1", one decimal.
    pub fn roi_display(&self, cost: Pence) -> String {
        format_roi(self.net, cost)
    }

    /// The net ROI range, lowest first, as shown: ("1.9 : 1", "2.8 : 1").
    pub fn roi_range_display(&self, cost: Pence) -> (String, String) {
        (
            format_roi(self.net_low, cost),
            format_roi(self.net_high, cost),
        )
    }
}

/// A ROI in tenths (24 is 2.4 : 1), rounded half away from zero from the
/// exact ratio; `None` when the cost is zero.
pub fn roi_tenths(benefit: Pence, cost: Pence) -> Option<i64> {
    scaled_ratio(i128::from(benefit.0), i128::from(cost.0), 10)
}

/// Forecast accuracy = Σ verified first-year ÷ Σ the same lines' original
/// forecast first-year, in tenths of a percent (800 is 80.0%); `None` when no
/// verified line began as a forecast.
pub fn forecast_accuracy_tenths(verified: Pence, forecast: Pence) -> Option<i64> {
    if forecast.0 <= 0 {
        return None;
    }
    scaled_ratio(i128::from(verified.0), i128::from(forecast.0), 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting(value: i64) -> Setting {
        Setting {
            value: Percent(value),
            ..Setting::default()
        }
    }

    #[test]
    fn percent_reads_two_decimals_from_zero_to_a_hundred() {
        assert_eq!(Percent::parse("12.5"), Ok(Percent(1250)));
        assert_eq!(Percent::parse(" 12.50 % "), Ok(Percent(1250)));
        assert_eq!(Percent::parse("0"), Ok(Percent(0)));
        assert_eq!(Percent::parse("100"), Ok(Percent(10_000)));
        assert_eq!(Percent::parse("100.01"), Err(ImpactParseError::Percent));
        assert_eq!(Percent::parse("-1"), Err(ImpactParseError::Percent));
        assert_eq!(Percent::parse("12.345"), Err(ImpactParseError::Percent));
        assert_eq!(Percent::parse("lots"), Err(ImpactParseError::Percent));
        assert_eq!(Percent(1250).to_string(), "12.50");
        assert_eq!(Percent(5).to_string(), "0.05");
        assert_eq!(Percent(10_000).to_string(), "100.00");
    }

    #[test]
    fn answers_set_deadweight() {
        assert_eq!(Counterfactual::NotAtAll.deadweight(), Percent(0));
        assert_eq!(Counterfactual::Later.deadweight(), Percent(5000));
        assert_eq!(Counterfactual::Smaller.deadweight(), Percent(5000));
        assert_eq!(Counterfactual::Same.deadweight(), Percent(10_000));
        assert_eq!(
            Counterfactual::parse("the_same"),
            Some(Counterfactual::Same)
        );
    }

    #[test]
    fn one_line_by_hand() {
        // £1,000.00 × 0.8 × 0.9 × 0.95 × 1 = £684.00 exactly.
        let f = Factors {
            deadweight: Percent(2000),
            displacement: Percent(1000),
            leakage: Percent(500),
            substitution: Percent(0),
        };
        assert_eq!(net_line(Pence(100_000), f), Pence(68_400));
        // 333p × 0.8 × 0.9 × 0.95 = 227.772p → 228p.
        assert_eq!(net_line(Pence(333), f), Pence(228));
        // 125p × 0.5 = 62.5p → 63p (half away from zero), once.
        let half = Factors {
            deadweight: Percent(5000),
            displacement: Percent(0),
            leakage: Percent(0),
            substitution: Percent(0),
        };
        assert_eq!(net_line(Pence(125), half), Pence(63));
        // 12.34% of everything: 1p × 0.8766⁴ = 0.5905p → 1p.
        let odd = Factors {
            deadweight: Percent(1234),
            displacement: Percent(1234),
            leakage: Percent(1234),
            substitution: Percent(1234),
        };
        assert_eq!(net_line(Pence(1), odd), Pence(1));
        // 100% deadweight leaves nothing.
        let all = Factors {
            deadweight: Percent(10_000),
            ..odd
        };
        assert_eq!(net_line(Pence(52_000_000_000), all), Pence(0));
        // The largest line with no deductions is itself.
        let none = Factors {
            deadweight: Percent(0),
            displacement: Percent(0),
            leakage: Percent(0),
            substitution: Percent(0),
        };
        assert_eq!(net_line(Pence(52_000_000_000), none), Pence(52_000_000_000));
    }

    #[test]
    fn rounded_per_line_then_summed() {
        // Three lines of 125p at 50% deadweight: 63p each (62.5 rounded), so
        // 189p, not round(187.5) = 188p.
        let a = Additionality {
            deadweight: setting(5000),
            ..Additionality::default()
        };
        let n = net_impact([(Pence(125), None); 3], &a);
        assert_eq!((n.gross, n.net, n.lines), (Pence(375), Pence(189), 3));
    }

    #[test]
    fn a_worked_programme() {
        // The worked example in docs/impact.md.
        // Settings: DW 20% (15–30), DP 10% (5–20), LK 5%, SB 0%;
        // persistence 50% in year 2, 25% in year 3.
        let a = Additionality {
            deadweight: Setting {
                value: Percent(2000),
                low: Some(Percent(1500)),
                high: Some(Percent(3000)),
                source: "Business case".into(),
            },
            displacement: Setting {
                value: Percent(1000),
                low: Some(Percent(500)),
                high: Some(Percent(2000)),
                source: "Evaluation 2024".into(),
            },
            leakage: setting(500),
            substitution: setting(0),
            persistence_year2: Percent(5000),
            persistence_year3: Percent(2500),
            persistence_source: "Guide".into(),
        };
        // Project A's firm said "later" (DW 50%); project B did not answer.
        // A: £2,080.00 → 208000 × 0.5 × 0.9 × 0.95 = 88920.00 → £889.20.
        //    year 2: 44460; year 3: 22230.
        //    low (DP 20%): 208000 × .5 × .8 × .95 = 79040; high (DP 5%): 93860.
        // B: £1,234.56 → 123456 × 0.8 × 0.9 × 0.95 = 84443.904 → 84444.
        //    year 2: 42222; year 3: 21111.
        //    low (DW 30%, DP 20%): 123456 × .7 × .8 × .95 = 65678.592 → 65679;
        //    high (DW 15%, DP 5%): 123456 × .85 × .95 × .95 = 94706.184 → 94706.
        let n = net_impact(
            [
                (Pence(208_000), Some(Counterfactual::Later.deadweight())),
                (Pence(123_456), None),
            ],
            &a,
        );
        assert_eq!(n.gross, Pence(331_456));
        assert_eq!(n.net, Pence(88_920 + 84_444));
        assert_eq!(n.year2, Pence(44_460 + 42_222));
        assert_eq!(n.year3, Pence(22_230 + 21_111));
        assert_eq!(n.net_low, Pence(79_040 + 65_679));
        assert_eq!(n.net_high, Pence(93_860 + 94_706));
        // Cost £1,000.00: gross 3.3 : 1; net 173364 / 100000 = 1.7 : 1;
        // range 1.4 : 1 (144719) to 1.9 : 1 (188566).
        let cost = Pence(100_000);
        assert_eq!(format_roi(n.gross, cost), "3.3 : 1");
        assert_eq!(n.roi_display(cost), "1.7 : 1");
        assert_eq!(
            n.roi_range_display(cost),
            ("1.4 : 1".to_string(), "1.9 : 1".to_string())
        );
    }

    #[test]
    fn persistence_rounds_per_line() {
        // 1p lines at 50%: 0.5p → 1p each.
        let a = Additionality {
            persistence_year2: Percent(5000),
            ..Additionality::default()
        };
        let n = net_impact([(Pence(1), None); 4], &a);
        assert_eq!((n.net, n.year2, n.year3), (Pence(4), Pence(4), Pence(0)));
    }

    #[test]
    fn defaults_leave_gross_as_net() {
        let n = net_impact(
            [(Pence(999), None), (Pence(1), None)],
            &Additionality::default(),
        );
        assert_eq!(
            (n.gross, n.net, n.net_low, n.net_high),
            (Pence(1000), Pence(1000), Pence(1000), Pence(1000))
        );
        assert_eq!((n.year2, n.year3), (Pence(0), Pence(0)));
    }

    #[test]
    fn ranges_and_order() {
        let s = Setting {
            value: Percent(2000),
            low: Some(Percent(1500)),
            high: None,
            source: String::new(),
        };
        assert_eq!(s.at(End::Low), Percent(1500));
        assert_eq!(s.at(End::High), Percent(2000));
        assert!(s.in_order());
        let wrong = Setting {
            low: Some(Percent(2500)),
            ..s
        };
        assert!(!wrong.in_order());
    }

    #[test]
    fn forecast_accuracy_by_hand() {
        // Verified £1,600.00 of lines forecast at £2,000.00: 80.0%.
        assert_eq!(
            forecast_accuracy_tenths(Pence(160_000), Pence(200_000)),
            Some(800)
        );
        // 2/3 → 66.7%.
        assert_eq!(forecast_accuracy_tenths(Pence(2), Pence(3)), Some(667));
        assert_eq!(forecast_accuracy_tenths(Pence(5), Pence(0)), None);
    }
}
