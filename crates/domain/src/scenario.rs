//! The scenario planner: what running a programme at a given scale would
//! deliver, projected from the programme's own verified first-year savings
//! per organisation.
//!
//! - Firms **reached** each year: cohorts a year × firms a cohort. Those that
//!   **complete** are the reached less the drop-out share; only they save.
//! - Savings per completing firm: the mean of the verified first-year savings
//!   of every organisation taking part in the programme, those with nothing
//!   verified counting as zero (so the projection is not only of the firms
//!   that did well). Its uncertainty is a bootstrap: 10,000 resamples (with
//!   replacement, seeded, so the same inputs give the same answer) of the
//!   organisations' savings, each giving a mean; the 10th, 50th and 90th
//!   percentiles (nearest rank) of those means make the band.
//! - A year's first-year savings = completing firms × the band; ROI = that ÷
//!   the year's cost (cohorts × cost per cohort). Each year's firms are counted
//!   for their first year only: savings that last longer are not projected.
//! - Non-innovating firms reached = reached × the share of recruits not yet
//!   innovation active; the years to reach a target share of Wales's
//!   non-innovating SMEs = ⌈target firms ÷ non-innovating firms a year⌉.
//! - Below ten organisations taking part it declines to project: too few to
//!   say what a firm saves.

use crate::Pence;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The fewest organisations taking part a projection rests on.
pub const MIN_ORGANISATIONS: usize = 10;
/// How many bootstrap resamples a projection draws.
pub const DRAWS: usize = 10_000;
/// The resampling's seed: the same inputs always give the same band.
const SEED: u64 = 0x5941_524d_4152_4652;

/// Welsh SMEs, when no counts by area have been entered (design: about 267,000).
pub const WALES_SMES: u64 = 267_000;
/// The share of Welsh SMEs not innovation active, in percent (design: 72%).
pub const NOT_INNOVATION_ACTIVE_PCT: u64 = 72;

/// What the planner is asked, already checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assumptions {
    pub cohorts_per_year: u64,
    /// Firms recruited into each cohort.
    pub cohort_size: u64,
    pub cost_per_cohort: Pence,
    pub years: u64,
    /// Of the firms recruited, the share (percent) not yet innovation active.
    pub not_innovating_pct: u64,
    /// The share (percent) of firms that do not complete.
    pub dropout_pct: u64,
    /// The share (percent) of Wales's non-innovating SMEs to reach.
    pub target_pct: u64,
}

/// The allowed range of each assumption, for forms to check against.
pub mod limits {
    pub const COHORTS_PER_YEAR: (u64, u64) = (1, 500);
    pub const COHORT_SIZE: (u64, u64) = (1, 100);
    pub const YEARS: (u64, u64) = (1, 20);
    pub const PERCENT: (u64, u64) = (0, 100);
    pub const TARGET: (u64, u64) = (1, 100);
}

/// A quantity's 10th, 50th and 90th percentiles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band<T> {
    pub p10: T,
    pub median: T,
    pub p90: T,
}

impl<T: Copy> Band<T> {
    fn map<U>(self, f: impl Fn(T) -> U) -> Band<U> {
        Band {
            p10: f(self.p10),
            median: f(self.median),
            p90: f(self.p90),
        }
    }
}

/// One year of the projection, counted from the start.
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    pub year: u64,
    /// Firms reached so far, and those of them not yet innovation active.
    pub reached: u64,
    pub non_innovating: u64,
    /// First-year savings of every firm that completed so far.
    pub savings: Band<Pence>,
    pub cost: Pence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// How many organisations' savings the projection rests on (every one
    /// taking part), and how many of them have verified savings.
    pub organisations: usize,
    pub with_savings: usize,
    pub reached_per_year: u64,
    pub completing_per_year: u64,
    pub non_innovating_per_year: u64,
    /// What one completing firm saves in its first year.
    pub per_firm: Band<Pence>,
    /// One year's firms' first-year savings; their return on that year's cost
    /// is the impact method's ROI of the two (`impact::format_roi`).
    pub savings_per_year: Band<Pence>,
    pub cost_per_year: Pence,
    pub years: Vec<Year>,
    /// Wales's non-innovating SMEs in the target share.
    pub target_firms: u64,
    /// Years to reach them; none when no non-innovating firm is reached.
    pub years_to_target: Option<u64>,
}

/// Why the planner will not project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decline {
    TooFewOrganisations { have: usize },
}

/// `a × pct / 100`, rounded half up.
fn share(a: u64, pct: u64) -> u64 {
    (a * pct + 50) / 100
}

/// The bootstrap band of the mean of `sample`, in pence.
fn bootstrap_mean(sample: &[i64]) -> Band<f64> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let n = sample.len();
    let mut means: Vec<f64> = (0..DRAWS)
        .map(|_| {
            // In 128 bits: stored extremes cannot overflow the sum.
            let total: i128 = (0..n)
                .map(|_| i128::from(sample[rng.random_range(0..n)]))
                .sum();
            total as f64 / n as f64
        })
        .collect();
    means.sort_by(f64::total_cmp);
    let at = |q: f64| means[((DRAWS - 1) as f64 * q).round() as usize];
    Band {
        p10: at(0.10),
        median: at(0.50),
        p90: at(0.90),
    }
}

/// Projects the assumptions from the verified first-year savings of each
/// organisation taking part (`savings`, zero for those with none verified),
/// against `wales_non_innovating` SMEs.
pub fn project(
    a: &Assumptions,
    savings: &[Pence],
    wales_non_innovating: u64,
) -> Result<Projection, Decline> {
    if savings.len() < MIN_ORGANISATIONS {
        return Err(Decline::TooFewOrganisations {
            have: savings.len(),
        });
    }
    let sample: Vec<i64> = savings.iter().map(|p| p.0).collect();
    let mean = bootstrap_mean(&sample);
    let reached = a.cohorts_per_year * a.cohort_size;
    let completing = share(reached, 100 - a.dropout_pct.min(100));
    let non_innovating = share(reached, a.not_innovating_pct.min(100));
    // At most £1bn a cohort (`bounds::MAX_COST_PENCE`) × 500 cohorts: no overflow.
    let cost = a
        .cost_per_cohort
        .0
        .saturating_mul(i64::try_from(a.cohorts_per_year).unwrap_or(i64::MAX));
    let per_firm = mean.map(|m| Pence(m.round() as i64));
    let year_savings = mean.map(|m| m * completing as f64);
    let target_firms = (wales_non_innovating * a.target_pct.min(100)).div_ceil(100);
    let years_to_target = (non_innovating > 0).then(|| target_firms.div_ceil(non_innovating));
    let years = (1..=a.years)
        .map(|y| Year {
            year: y,
            reached: reached * y,
            non_innovating: non_innovating * y,
            savings: year_savings.map(|s| Pence((s * y as f64).round() as i64)),
            cost: Pence(cost.saturating_mul(i64::try_from(y).unwrap_or(i64::MAX))),
        })
        .collect();
    Ok(Projection {
        organisations: savings.len(),
        with_savings: savings.iter().filter(|p| p.0 > 0).count(),
        reached_per_year: reached,
        completing_per_year: completing,
        non_innovating_per_year: non_innovating,
        per_firm,
        savings_per_year: year_savings.map(|s| Pence(s.round() as i64)),
        cost_per_year: Pence(cost),
        years,
        target_firms,
        years_to_target,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assumptions() -> Assumptions {
        Assumptions {
            cohorts_per_year: 4,
            cohort_size: 12,
            cost_per_cohort: Pence(2_500_000),
            years: 3,
            not_innovating_pct: 75,
            dropout_pct: 25,
            target_pct: 1,
        }
    }

    #[test]
    fn declines_below_ten_organisations() {
        let nine = vec![Pence(100_000); 9];
        assert_eq!(
            project(&assumptions(), &nine, 192_240),
            Err(Decline::TooFewOrganisations { have: 9 })
        );
    }

    /// Worked by hand: 4 cohorts of 12 reach 48 firms a year; 25% drop out,
    /// so 36 complete; 75% of 48 = 36 were not innovation active. Every one of
    /// ten organisations saved £1,000, so every resample's mean is £1,000 and
    /// the band has no width: 36 × £1,000 = £36,000 a year, against a cost of
    /// 4 × £25,000 = £100,000, a return of 0.36. 1% of Wales's 192,240
    /// non-innovating SMEs is 1,923 (rounded up), which at 36 a year takes
    /// ⌈1,923 ÷ 36⌉ = 54 years.
    #[test]
    fn matches_a_hand_worked_case() {
        let p = project(&assumptions(), &[Pence(100_000); 10], 192_240).unwrap();
        assert_eq!(p.reached_per_year, 48);
        assert_eq!(p.completing_per_year, 36);
        assert_eq!(p.non_innovating_per_year, 36);
        assert_eq!(
            p.per_firm,
            Band {
                p10: Pence(100_000),
                median: Pence(100_000),
                p90: Pence(100_000)
            }
        );
        assert_eq!(p.savings_per_year.median, Pence(3_600_000));
        assert_eq!(p.cost_per_year, Pence(10_000_000));
        assert_eq!(
            crate::impact::roi_hundredths(p.savings_per_year.median, p.cost_per_year),
            Some(36)
        );
        assert_eq!(p.target_firms, 1_923);
        assert_eq!(p.years_to_target, Some(54));
        assert_eq!(p.years.len(), 3);
        assert_eq!(p.years[2].reached, 144);
        assert_eq!(p.years[2].savings.median, Pence(10_800_000));
        assert_eq!(p.years[2].cost, Pence(30_000_000));
    }

    /// Two values, £0 and £2,000, five each: the mean of ten draws is £200 ×
    /// (the number of £2,000 draws), a binomial(10, ½) count. Its 10th
    /// percentile is 3 (P(X ≤ 2) = 5.5%, P(X ≤ 3) = 17.2%), its median 5 and
    /// its 90th 7: £600, £1,000 and £1,400.
    #[test]
    fn the_band_is_the_bootstrap_of_the_mean() {
        let mut sample = vec![Pence(0); 5];
        sample.extend(vec![Pence(200_000); 5]);
        let p = project(&assumptions(), &sample, 192_240).unwrap();
        // Those with nothing verified are drawn as zeros, and counted.
        assert_eq!((p.organisations, p.with_savings), (10, 5));
        assert_eq!(
            p.per_firm,
            Band {
                p10: Pence(60_000),
                median: Pence(100_000),
                p90: Pence(140_000)
            }
        );
        let s = p.savings_per_year;
        assert!(s.p10 < s.median && s.median < s.p90);
        // Seeded: the same inputs give the same answer.
        assert_eq!(project(&assumptions(), &sample, 192_240).unwrap(), p);
    }

    #[test]
    fn nobody_not_innovating_means_the_target_is_never_reached() {
        let a = Assumptions {
            not_innovating_pct: 0,
            ..assumptions()
        };
        let p = project(&a, &[Pence(100_000); 10], 192_240).unwrap();
        assert_eq!(p.years_to_target, None);
    }
}
