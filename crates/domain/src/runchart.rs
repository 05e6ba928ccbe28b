//! The run chart rules: whether a project's readings show a signal of
//! non-random change, as taught in healthcare quality improvement (Perla,
//! Provost & Murray, "The run chart: a simple analytical tool for learning
//! from variation in healthcare processes", BMJ Quality & Safety 2011;
//! 20:46–51; the IHI and Life QI use the same rules).
//!
//! - The centre line is the median of the baseline: the readings taken before
//!   the first change was tested, when there are at least [`MIN_POINTS`] of
//!   them; otherwise (no change yet, or too short a baseline) of all readings.
//! - A shift: [`SHIFT`] or more points in a row all above or all below the
//!   median. Points on the median neither break a shift nor count in it.
//! - A trend: [`TREND`] or more points in a row each higher (or each lower)
//!   than the one before. A repeated equal value neither breaks a trend nor
//!   counts in it.
//! - Too few or too many runs: a run is a series of points on one side of the
//!   median; the number of runs among the useful observations (points not on
//!   the median) is compared with [`RUNS_LIMITS`].
//! - An astronomical point: a point obviously different from the rest, taken
//!   here as one further from the median than [`ASTRONOMICAL_PER_MILLE`]/1000
//!   times the median moving range of the baseline (see [`analyse`]).
//!
//! With fewer than [`MIN_POINTS`] readings the rules are not applied: there
//! are too few points to judge. Values are in hundredths of the measure's
//! unit, oldest first. Nothing here does I/O.

use chrono::NaiveDate;

/// Readings needed before the rules are applied, and the shortest baseline
/// whose median is used.
pub const MIN_POINTS: usize = 10;
/// Points in a row on one side of the median that make a shift.
pub const SHIFT: usize = 6;
/// Points in a row going up (or down) that make a trend.
pub const TREND: usize = 5;
/// How far from the median a point must be to be astronomical, in
/// thousandths of the median moving range: 3.145, Wheeler's constant for
/// natural process limits from the median moving range (three sigma, sigma
/// estimated as the median moving range / 0.954).
pub const ASTRONOMICAL_PER_MILLE: i128 = 3145;

/// The fewest and most runs expected by chance, by the number of useful
/// observations (points not on the median): (useful, lower, upper). Fewer
/// runs than `lower` are too few; more than `upper` are too many.
///
/// Source: the exact distribution of the number of runs of Swed & Eisenhart
/// ("Tables for testing randomness of grouping in a sequence of
/// alternatives", Annals of Mathematical Statistics 1943; 14:66–87), on which
/// the run chart table of Perla, Provost & Murray (2011, table 1) is based:
/// with the useful observations split as evenly as they can be above and
/// below the median, `lower` is the largest number with a chance of at most
/// 2.5% of seeing fewer runs, and `upper` the smallest with a chance of at
/// most 2.5% of seeing more (5% in all). The unit test `runs_table_is_the_exact_distribution`
/// recomputes every row.
pub const RUNS_LIMITS: [(usize, usize, usize); 51] = [
    (10, 3, 9),
    (11, 4, 9),
    (12, 4, 10),
    (13, 4, 11),
    (14, 4, 12),
    (15, 5, 12),
    (16, 5, 13),
    (17, 6, 13),
    (18, 6, 14),
    (19, 6, 15),
    (20, 7, 15),
    (21, 7, 16),
    (22, 8, 16),
    (23, 8, 17),
    (24, 8, 18),
    (25, 9, 18),
    (26, 9, 19),
    (27, 10, 19),
    (28, 10, 20),
    (29, 10, 21),
    (30, 11, 21),
    (31, 11, 22),
    (32, 12, 22),
    (33, 12, 23),
    (34, 12, 24),
    (35, 13, 24),
    (36, 13, 25),
    (37, 14, 25),
    (38, 14, 26),
    (39, 14, 26),
    (40, 15, 27),
    (41, 15, 28),
    (42, 16, 28),
    (43, 16, 29),
    (44, 17, 29),
    (45, 17, 30),
    (46, 17, 31),
    (47, 18, 31),
    (48, 18, 32),
    (49, 19, 32),
    (50, 19, 33),
    (51, 20, 33),
    (52, 20, 34),
    (53, 20, 35),
    (54, 21, 35),
    (55, 21, 36),
    (56, 22, 36),
    (57, 22, 37),
    (58, 23, 37),
    (59, 23, 38),
    (60, 24, 38),
];

/// The limits for this many useful observations, when the table has them.
pub fn runs_limits(useful: usize) -> Option<(usize, usize)> {
    RUNS_LIMITS
        .iter()
        .find(|r| r.0 == useful)
        .map(|r| (r.1, r.2))
}

/// Which way the measure should move, when the project says: its target
/// below its baseline means lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

impl Better {
    /// From the aim's baseline and target; neither, or both equal, says nothing.
    pub fn of(baseline: Option<i64>, target: Option<i64>) -> Option<Better> {
        match (baseline, target) {
            (Some(b), Some(t)) if t > b => Some(Better::Higher),
            (Some(b), Some(t)) if t < b => Some(Better::Lower),
            _ => None,
        }
    }
}

/// A side of the median.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Above,
    Below,
}

/// A pattern the rules found. Points are indexes into the readings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// The points of the shift, all on `side` (points on the median left out).
    Shift { side: Side, points: Vec<usize> },
    /// The points of the trend, each higher (`up`) or lower than the one
    /// before (repeated equal values left out).
    Trend { up: bool, points: Vec<usize> },
    /// Fewer runs than chance would give: the readings cross the median too
    /// seldom.
    TooFewRuns {
        runs: usize,
        useful: usize,
        lower: usize,
    },
    /// More runs than chance would give: the readings cross the median too
    /// often.
    TooManyRuns {
        runs: usize,
        useful: usize,
        upper: usize,
    },
    /// A point obviously different from the rest.
    Astronomical { point: usize, side: Side },
}

impl Signal {
    /// The points the signal marks on the chart (none for the runs rules,
    /// which are about the whole series).
    pub fn points(&self) -> &[usize] {
        match self {
            Signal::Shift { points, .. } | Signal::Trend { points, .. } => points,
            Signal::Astronomical { point, .. } => std::slice::from_ref(point),
            _ => &[],
        }
    }

    /// Whether the signal moved the measure up (true) or down (false), when
    /// it has a direction.
    pub fn up(&self) -> Option<bool> {
        match self {
            Signal::Shift { side, .. } | Signal::Astronomical { side, .. } => {
                Some(*side == Side::Above)
            }
            Signal::Trend { up, .. } => Some(*up),
            _ => None,
        }
    }
}

/// Which readings the median is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The first this many readings, taken before the first change.
    Baseline(usize),
    /// All the readings.
    All,
}

/// What the rules say about a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The centre line; none without readings.
    pub median: Option<i64>,
    pub basis: Basis,
    /// None when there are too few points to judge ([`MIN_POINTS`]).
    pub signals: Option<Vec<Signal>>,
}

impl Analysis {
    /// True when there are enough points and no rule found anything.
    pub fn no_signal(&self) -> bool {
        self.signals.as_ref().is_some_and(|s| s.is_empty())
    }
}

/// What a signal means for the change tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// It began on or after the first change, in the better direction.
    Better,
    /// It began on or after the first change, in the worse direction.
    Worse,
    /// It began on or after the first change; which way is better is not known.
    Moved,
    /// No change has been tested, or it began before the first one.
    NotTheChange,
}

/// What a shift or trend means for the change: compared with the day the
/// first change was tested and which way is better. Other signals have no
/// direction to judge and mean [`Meaning::NotTheChange`].
pub fn meaning(
    signal: &Signal,
    days: &[NaiveDate],
    first_change: Option<NaiveDate>,
    better: Option<Better>,
) -> Meaning {
    let (Signal::Shift { .. } | Signal::Trend { .. }) = signal else {
        return Meaning::NotTheChange;
    };
    let began = signal.points().first().and_then(|i| days.get(*i));
    match (first_change, began, signal.up()) {
        (Some(change), Some(began), Some(up)) if *began >= change => match better {
            Some(Better::Higher) if up => Meaning::Better,
            Some(Better::Lower) if !up => Meaning::Better,
            Some(_) => Meaning::Worse,
            None => Meaning::Moved,
        },
        _ => Meaning::NotTheChange,
    }
}

/// Applies the rules to readings (day and value, oldest first), with the day
/// the first change was tested, if one has been.
///
/// The astronomical rule: the moving ranges are the differences between
/// neighbouring readings of the basis; a point is astronomical when it lies
/// further from the median than 3.145 times their median (natural process
/// limits, Wheeler, "Understanding Variation", 2000). When that median is
/// zero (most readings repeat the one before) the rule is not applied: there
/// is no spread to judge by.
pub fn analyse(readings: &[(NaiveDate, i64)], first_change: Option<NaiveDate>) -> Analysis {
    let before = first_change
        .map(|c| readings.iter().take_while(|r| r.0 < c).count())
        .unwrap_or(0);
    let basis = if first_change.is_some() && before >= MIN_POINTS {
        Basis::Baseline(before)
    } else {
        Basis::All
    };
    let base: Vec<i64> = match basis {
        Basis::Baseline(n) => readings[..n].iter().map(|r| r.1).collect(),
        Basis::All => readings.iter().map(|r| r.1).collect(),
    };
    let median = crate::projects::median(&base);
    let (Some(m), true) = (median, readings.len() >= MIN_POINTS) else {
        return Analysis {
            median,
            basis,
            signals: None,
        };
    };
    let values: Vec<i64> = readings.iter().map(|r| r.1).collect();
    let mut signals = Vec::new();
    signals.extend(shifts(&values, m));
    signals.extend(trends(&values));
    signals.extend(runs(&values, m));
    signals.extend(astronomical(&values, &base, m));
    Analysis {
        median,
        basis,
        signals: Some(signals),
    }
}

fn side(v: i64, median: i64) -> Option<Side> {
    match v.cmp(&median) {
        std::cmp::Ordering::Greater => Some(Side::Above),
        std::cmp::Ordering::Less => Some(Side::Below),
        std::cmp::Ordering::Equal => None,
    }
}

/// The useful observations as (index, side), points on the median left out.
fn useful(values: &[i64], median: i64) -> Vec<(usize, Side)> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| side(*v, median).map(|s| (i, s)))
        .collect()
}

/// Each maximal run of [`SHIFT`] or more useful points on one side.
pub fn shifts(values: &[i64], median: i64) -> Vec<Signal> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut run_side = None;
    let mut close = |run: &mut Vec<usize>, side: Option<Side>| {
        if let Some(side) = side
            && run.len() >= SHIFT
        {
            out.push(Signal::Shift {
                side,
                points: std::mem::take(run),
            });
        }
        run.clear();
    };
    for (i, s) in useful(values, median) {
        if run_side != Some(s) {
            close(&mut run, run_side);
            run_side = Some(s);
        }
        run.push(i);
    }
    close(&mut run, run_side);
    out
}

/// Each maximal series of [`TREND`] or more points each higher (or each
/// lower) than the last, repeated equal values left out. Two trends may share
/// the point where one turns into the other.
pub fn trends(values: &[i64]) -> Vec<Signal> {
    // The points that count: each one not equal to the one before it.
    let mut kept: Vec<usize> = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if kept.last().is_none_or(|k| values[*k] != *v) {
            kept.push(i);
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    while start + 1 < kept.len() {
        let up = values[kept[start + 1]] > values[kept[start]];
        let mut end = start + 1;
        while end + 1 < kept.len() && (values[kept[end + 1]] > values[kept[end]]) == up {
            end += 1;
        }
        if end - start + 1 >= TREND {
            out.push(Signal::Trend {
                up,
                points: kept[start..=end].to_vec(),
            });
        }
        start = end;
    }
    out
}

/// The number of runs among the useful observations, and whether it is too
/// few or too many for their number.
pub fn runs(values: &[i64], median: i64) -> Option<Signal> {
    let sides: Vec<Side> = useful(values, median).into_iter().map(|u| u.1).collect();
    let n = sides.len();
    let count = if n == 0 {
        0
    } else {
        1 + sides.windows(2).filter(|w| w[0] != w[1]).count()
    };
    let (lower, upper) = runs_limits(n)?;
    if count < lower {
        Some(Signal::TooFewRuns {
            runs: count,
            useful: n,
            lower,
        })
    } else if count > upper {
        Some(Signal::TooManyRuns {
            runs: count,
            useful: n,
            upper,
        })
    } else {
        None
    }
}

/// Points further from the median than [`ASTRONOMICAL_PER_MILLE`] thousandths
/// of the median moving range of `base`.
pub fn astronomical(values: &[i64], base: &[i64], median: i64) -> Vec<Signal> {
    let ranges: Vec<i64> = base
        .windows(2)
        .map(|w| crate::bounds::total((i128::from(w[1]) - i128::from(w[0])).abs()))
        .collect();
    let Some(mr) = crate::projects::median(&ranges).filter(|mr| *mr > 0) else {
        return Vec::new();
    };
    let limit = i128::from(mr) * ASTRONOMICAL_PER_MILLE;
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| (i128::from(**v) - i128::from(median)).abs() * 1000 > limit)
        .filter_map(|(i, v)| side(*v, median).map(|side| Signal::Astronomical { point: i, side }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(n)
    }

    /// Readings a day apart from 1 January, in whole units.
    fn series(values: &[i64]) -> Vec<(NaiveDate, i64)> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (day(i as i64), v * 100))
            .collect()
    }

    fn kinds(a: &Analysis) -> Vec<&'static str> {
        a.signals
            .as_ref()
            .unwrap()
            .iter()
            .map(|s| match s {
                Signal::Shift { .. } => "shift",
                Signal::Trend { .. } => "trend",
                Signal::TooFewRuns { .. } => "few runs",
                Signal::TooManyRuns { .. } => "many runs",
                Signal::Astronomical { .. } => "astronomical",
            })
            .collect()
    }

    #[test]
    fn fewer_than_ten_points_are_too_few_to_judge() {
        let a = analyse(&series(&[5, 5, 5, 1, 1, 1, 1, 1, 1]), None);
        assert_eq!(a.signals, None);
        assert_eq!(a.median, Some(100));
        assert!(!a.no_signal());
        let a = analyse(&[], None);
        assert_eq!((a.median, a.signals), (None, None));
        // Ten are enough.
        assert!(
            analyse(&series(&[5, 6, 5, 6, 5, 6, 5, 6, 5, 6]), None)
                .signals
                .is_some()
        );
    }

    #[test]
    fn random_looking_readings_give_no_signal() {
        let a = analyse(&series(&[5, 7, 4, 6, 8, 5, 3, 6, 7, 4, 6, 5]), None);
        assert!(a.no_signal(), "{:?}", a.signals);
    }

    #[test]
    fn six_in_a_row_below_the_median_are_a_shift_and_five_are_not() {
        let v = [10, 12, 11, 13, 10, 12, 11, 13, 6, 5, 7, 6, 5, 7];
        let s = shifts(&v.map(|x| x * 100), 1050);
        assert_eq!(
            s,
            vec![Signal::Shift {
                side: Side::Below,
                points: vec![8, 9, 10, 11, 12, 13]
            }]
        );
        let five = [10, 12, 11, 13, 10, 12, 11, 13, 6, 5, 7, 6, 5, 12];
        assert!(shifts(&five.map(|x| x * 100), 1050).is_empty());
        // Above the median too.
        let up = [1, 2, 1, 2, 9, 9, 8, 9, 9, 8];
        assert!(matches!(
            &shifts(&up, 5)[..],
            [Signal::Shift {
                side: Side::Above,
                ..
            }]
        ));
    }

    #[test]
    fn points_on_the_median_neither_break_nor_add_to_a_shift() {
        // Five below, one on the median, one more below: six useful points.
        let v = [4, 3, 2, 3, 4, 5, 2, 8];
        let s = shifts(&v, 5);
        assert_eq!(
            s,
            vec![Signal::Shift {
                side: Side::Below,
                points: vec![0, 1, 2, 3, 4, 6]
            }]
        );
        // Five below with points on the median among them are still five.
        assert!(shifts(&[4, 5, 3, 5, 2, 5, 3, 4, 8], 5).is_empty());
    }

    #[test]
    fn five_rising_or_falling_points_are_a_trend_and_four_are_not() {
        assert_eq!(
            trends(&[1, 2, 3, 4, 5]),
            vec![Signal::Trend {
                up: true,
                points: vec![0, 1, 2, 3, 4]
            }]
        );
        assert!(trends(&[1, 2, 3, 4, 3, 2, 1]).is_empty());
        assert_eq!(
            trends(&[9, 7, 6, 5, 2, 4]),
            vec![Signal::Trend {
                up: false,
                points: vec![0, 1, 2, 3, 4]
            }]
        );
        // Up then down, sharing the top point.
        assert_eq!(trends(&[1, 2, 3, 4, 5, 4, 3, 2, 1]).len(), 2);
    }

    #[test]
    fn repeated_values_neither_break_nor_add_to_a_trend() {
        // 1 2 2 3 4: four distinct values rising, not five.
        assert!(trends(&[1, 2, 2, 3, 4]).is_empty());
        // 1 2 2 3 4 5: five, the repeat left out.
        assert_eq!(
            trends(&[1, 2, 2, 3, 4, 5]),
            vec![Signal::Trend {
                up: true,
                points: vec![0, 1, 3, 4, 5]
            }]
        );
        assert!(trends(&[3, 3, 3, 3, 3, 3]).is_empty());
        assert!(trends(&[]).is_empty());
    }

    #[test]
    fn runs_are_counted_among_useful_observations() {
        // Ten useful points alternating: ten runs, more than nine.
        let alternating = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9];
        assert_eq!(
            runs(&alternating, 5),
            Some(Signal::TooManyRuns {
                runs: 10,
                useful: 10,
                upper: 9
            })
        );
        // Two runs of ten: fewer than seven.
        let two = [1; 10]
            .iter()
            .chain([9; 10].iter())
            .copied()
            .collect::<Vec<_>>();
        assert_eq!(
            runs(&two, 5),
            Some(Signal::TooFewRuns {
                runs: 2,
                useful: 20,
                lower: 7
            })
        );
        // Points on the median are not useful: nine useful points is below the table.
        let on = [1, 9, 1, 9, 1, 9, 1, 9, 1, 5, 5];
        assert_eq!(runs(&on, 5), None);
        // Within the limits.
        assert_eq!(runs(&[1, 1, 9, 9, 1, 9, 9, 1, 1, 9], 5), None);
    }

    #[test]
    fn a_point_far_from_the_rest_is_astronomical() {
        let v = [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 40];
        let a = analyse(&series(&v), None);
        assert!(
            a.signals.as_ref().unwrap().contains(&Signal::Astronomical {
                point: 10,
                side: Side::Above
            }),
            "{:?}",
            a.signals
        );
        // Within 3.145 median moving ranges of the median: not astronomical.
        assert!(astronomical(&[10, 11, 13], &[10, 11, 10, 11], 10).is_empty());
        assert_eq!(astronomical(&[10, 14], &[10, 11, 10, 11], 10).len(), 1);
        // No spread to judge by: the rule is not applied.
        assert!(astronomical(&[5, 5, 5, 9], &[5, 5, 5, 5], 5).is_empty());
    }

    #[test]
    fn the_median_is_of_the_baseline_when_it_is_long_enough() {
        let mut v = vec![10, 12, 11, 13, 10, 12, 11, 13, 12, 11];
        v.extend([6, 5, 7, 6, 5, 7]);
        let readings = series(&v);
        let change = Some(day(10));
        let a = analyse(&readings, change);
        assert_eq!(a.basis, Basis::Baseline(10));
        assert_eq!(a.median, Some(1150));
        assert!(kinds(&a).contains(&"shift"), "{:?}", a.signals);
        // A change after only five readings: the median of all of them.
        let a = analyse(&readings, Some(day(5)));
        assert_eq!(a.basis, Basis::All);
        assert_eq!(
            a.median,
            crate::projects::median(&v.iter().map(|x| x * 100).collect::<Vec<_>>())
        );
        // No change: all of them.
        assert_eq!(analyse(&readings, None).basis, Basis::All);
    }

    #[test]
    fn what_a_signal_means_depends_on_when_it_began_and_which_way_is_better() {
        let days: Vec<NaiveDate> = (0..12).map(day).collect();
        let shift = Signal::Shift {
            side: Side::Below,
            points: vec![6, 7, 8, 9, 10, 11],
        };
        let lower = Better::of(Some(1000), Some(500));
        assert_eq!(lower, Some(Better::Lower));
        assert_eq!(Better::of(Some(500), Some(1000)), Some(Better::Higher));
        assert_eq!(Better::of(Some(500), Some(500)), None);
        assert_eq!(Better::of(None, Some(500)), None);
        assert_eq!(meaning(&shift, &days, Some(day(6)), lower), Meaning::Better);
        assert_eq!(
            meaning(&shift, &days, Some(day(6)), Some(Better::Higher)),
            Meaning::Worse
        );
        assert_eq!(meaning(&shift, &days, Some(day(3)), None), Meaning::Moved);
        // Began before the change, or no change tested.
        assert_eq!(
            meaning(&shift, &days, Some(day(7)), lower),
            Meaning::NotTheChange
        );
        assert_eq!(meaning(&shift, &days, None, lower), Meaning::NotTheChange);
        let runs = Signal::TooFewRuns {
            runs: 2,
            useful: 12,
            lower: 4,
        };
        assert_eq!(
            meaning(&runs, &days, Some(day(0)), lower),
            Meaning::NotTheChange
        );
    }

    #[test]
    fn stored_extremes_do_not_overflow() {
        let v = [i64::MIN, i64::MAX, 0, i64::MIN, i64::MAX, 0, 1, 2, 3, 4, 5];
        let readings: Vec<(NaiveDate, i64)> = v
            .iter()
            .enumerate()
            .map(|(i, x)| (day(i as i64), *x))
            .collect();
        assert!(analyse(&readings, None).signals.is_some());
    }

    /// The number of arrangements of `a` points above and `b` below the
    /// median giving exactly `r` runs (Swed & Eisenhart).
    fn arrangements(a: u32, b: u32, r: u32) -> u128 {
        fn c(n: u32, k: u32) -> u128 {
            if k > n {
                return 0;
            }
            (0..k).fold(1u128, |acc, i| acc * u128::from(n - i) / u128::from(i + 1))
        }
        if r < 2 {
            return 0;
        }
        if r.is_multiple_of(2) {
            let k = r / 2;
            2 * c(a - 1, k - 1) * c(b - 1, k - 1)
        } else {
            let k = (r - 1) / 2;
            c(a - 1, k) * c(b - 1, k - 1) + c(a - 1, k - 1) * c(b - 1, k)
        }
    }

    #[test]
    fn runs_table_is_the_exact_distribution() {
        for (n, lower, upper) in RUNS_LIMITS {
            let n = n as u32;
            let (a, b) = (n / 2, n - n / 2);
            let counts: Vec<u128> = (0..=n + 1).map(|r| arrangements(a, b, r)).collect();
            let total: u128 = counts.iter().sum();
            // P(R < r) ≤ 1/40, and P(R > r) ≤ 1/40, exactly.
            let below = |r: u32| counts[..r as usize].iter().sum::<u128>() * 40 <= total;
            let above = |r: u32| counts[r as usize + 1..].iter().sum::<u128>() * 40 <= total;
            let want_lower = (0..=n).filter(|r| below(*r)).max().unwrap();
            let want_upper = (0..=n).filter(|r| above(*r)).min().unwrap();
            assert_eq!(
                (lower as u32, upper as u32),
                (want_lower, want_upper),
                "{n} useful observations"
            );
        }
        assert_eq!(runs_limits(9), None);
        assert_eq!(runs_limits(20), Some((7, 15)));
    }
}
