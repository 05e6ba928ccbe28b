//! Totals of benefit lines, exactly per the impact method: each line's first-year
//! value rounded to whole pence, then summed; verified, claimed and forecast kept
//! apart; headline figures from verified lines only.

use crate::Pence;
use crate::impact::{
    Category, EnvironmentalQuantities, FirstYear, Frequency, GhgFactors, LineValue, Status,
    Valuation, net_return_percent_tenths, payback_months_tenths, roi_hundredths,
};

/// One current benefit line with what valuing it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub status: Status,
    pub category: Category,
    pub frequency: Frequency,
    pub value: LineValue,
    pub organisation_rate: Option<Pence>,
    pub environment: EnvironmentalQuantities,
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
        capture: crate::impact::CaptureFactor,
        factors: Option<&GhgFactors>,
    ) -> Summary {
        let mut s = Summary {
            cost,
            ..Summary::default()
        };
        s.by_category = Category::ALL.iter().map(|c| (*c, Pence(0))).collect();
        for line in lines {
            let valuation = Valuation {
                organisation_rate: line.organisation_rate,
                programme_rate,
                capture,
            };
            let value = line.value.first_year_value(line.frequency, &valuation);
            s.first_year.add(line.status, value);
            if line.status == Status::Verified {
                if let Some((_, total)) =
                    s.by_category.iter_mut().find(|(c, _)| *c == line.category)
                {
                    total.0 += value.0;
                }
                if let Some(f) = factors {
                    s.co2e_grams += f.first_year_co2e_grams(&line.environment, line.frequency);
                }
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
    use crate::impact::{CaptureFactor, Hours, Quantity};

    fn line(status: Status, category: Category, frequency: Frequency, value: LineValue) -> Line {
        Line {
            status,
            category,
            frequency,
            value,
            organisation_rate: None,
            environment: EnvironmentalQuantities::default(),
        }
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
