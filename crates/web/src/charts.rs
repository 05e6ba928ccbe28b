//! Geometry for the charts pages draw as SVG. Templates only place what is
//! computed here; every chart also has a data table for screen readers.
//!
//! Charts are drawn on a narrow canvas with large type, so that scaled down to
//! a phone's width their labels stay legible; scales use round steps
//! (1, 2, 2.5 or 5 × 10ⁿ), money is labelled in pounds with separators, and
//! the time axis is labelled by month.

use chrono::{Datelike, NaiveDate};
use ymarfer_app::i18n::{Tr, grouped_hundredths};
use ymarfer_domain::Pence;
use ymarfer_domain::runchart::Signal;
use ymarfer_domain::toolkit::PlacedIdea;

pub const WIDTH: f64 = 480.0;
pub const HEIGHT: f64 = 300.0;
pub const LEFT: f64 = 84.0;
pub const RIGHT: f64 = 14.0;
pub const TOP: f64 = 30.0;
pub const BOTTOM: f64 = 40.0;

/// What a chart's values are: money in pence, or a measure in hundredths.
#[derive(Clone, Copy)]
pub enum Scale {
    Money,
    Hundredths,
}

impl Scale {
    fn label(self, tr: Tr, v: i64) -> String {
        match self {
            Scale::Money => whole_pounds(tr, Pence(v)),
            Scale::Hundredths => grouped_hundredths(v),
        }
    }
}

/// Pounds without pence when they are whole: "£150,000".
pub fn whole_pounds(tr: Tr, p: Pence) -> String {
    let s = tr.money(p);
    match s.strip_suffix(".00") {
        Some(whole) => whole.to_string(),
        None => s,
    }
}

/// A round step near `range / 4`: 1, 2, 2.5 or 5 times a power of ten.
fn nice_step(range: i64) -> i64 {
    let rough = (range.max(1) as f64) / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    (step.round() as i64).max(1)
}

/// The value axis: from a round number at or below the lowest value (and zero)
/// to one at or above the highest, in round steps.
/// Worked in 128 bits, so values at the 64-bit limits (stored extremes) give
/// an axis too, held within those limits.
fn value_axis(values: impl Iterator<Item = i64> + Clone) -> (i64, i64, i64) {
    let lo = i128::from(values.clone().min().unwrap_or(0).min(0));
    let hi = i128::from(values.max().unwrap_or(0)).max(lo + 1);
    let step = nice_step(ymarfer_domain::bounds::total(hi - lo));
    let wide = i128::from(step);
    let lo = lo.div_euclid(wide) * wide;
    let hi = -((-hi).div_euclid(wide)) * wide;
    let held = |v: i128| ymarfer_domain::bounds::total(v);
    (held(lo), held(hi), step)
}

/// A dated series: readings (or a running total) over time, the median and a
/// target or cost line, and the days changes were tested.
pub struct RunChart {
    pub points: Vec<(f64, f64)>,
    pub line: String,
    pub median_y: Option<f64>,
    pub target_y: Option<f64>,
    pub y_ticks: Vec<(f64, String)>,
    pub x_ticks: Vec<(f64, String)>,
    /// Where each change was tested: x and its label (the cycle's number).
    pub marks: Vec<(f64, String)>,
    /// Each point a run chart rule picked out: its class (`shift`, `trend`,
    /// `astronomical`) and the outline drawn round it (a square, a triangle or
    /// a diamond, so that no mark is told by colour alone).
    pub signal_marks: Vec<(&'static str, String)>,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl RunChart {
    /// `readings` are (date, value), oldest first; `marks` are days on which a
    /// change began, with a short label.
    pub fn new(
        tr: Tr,
        scale: Scale,
        readings: &[(NaiveDate, i64)],
        median: Option<i64>,
        target: Option<i64>,
        marks: &[(NaiveDate, String)],
    ) -> Option<RunChart> {
        let first = readings.first()?.0;
        let last = readings.last()?.0;
        let (lo, hi, step) = value_axis(readings.iter().map(|r| r.1).chain(target));
        let plot_h = HEIGHT - TOP - BOTTOM;
        let plot_w = WIDTH - LEFT - RIGHT;
        let y = |v: i64| TOP + plot_h - (v as f64 - lo as f64) / (hi as f64 - lo as f64) * plot_h;
        // Time runs left to right in days; a single day sits in the middle.
        let start = marks
            .iter()
            .map(|m| m.0)
            .filter(|d| *d >= first - chrono::Duration::days(60))
            .fold(first, NaiveDate::min);
        let end = marks.iter().map(|m| m.0).fold(last, NaiveDate::max);
        let span = (end - start).num_days();
        let x = |d: NaiveDate| {
            if span == 0 {
                LEFT + plot_w / 2.0
            } else {
                LEFT + plot_w * (d - start).num_days() as f64 / span as f64
            }
        };
        let points: Vec<(f64, f64)> = readings.iter().map(|r| (x(r.0), y(r.1))).collect();
        let line = points
            .iter()
            .map(|(px, py)| format!("{px:.1},{py:.1}"))
            .collect::<Vec<_>>()
            .join(" ");
        let y_ticks = (0..)
            .map_while(|k: i64| k.checked_mul(step).and_then(|d| lo.checked_add(d)))
            .take_while(|v| *v <= hi)
            .map(|v| (y(v), scale.label(tr, v)))
            .collect();
        Some(RunChart {
            points,
            line,
            median_y: median.map(y),
            target_y: target.map(y),
            y_ticks,
            x_ticks: time_ticks(tr, start, end, x),
            marks: marks
                .iter()
                .filter(|m| m.0 >= start && m.0 <= end)
                .map(|(d, label)| (x(*d), label.clone()))
                .collect(),
            signal_marks: Vec::new(),
            left: LEFT,
            right: WIDTH - RIGHT,
            top: TOP,
            bottom: HEIGHT - BOTTOM,
        })
    }
}

impl RunChart {
    /// Marks the points of each signal the run chart rules found; `signals`
    /// index the readings the chart was drawn from.
    pub fn with_signals(mut self, signals: &[Signal]) -> RunChart {
        for signal in signals {
            let (class, outline): (&'static str, fn(f64, f64) -> String) = match signal {
                Signal::Shift { .. } => ("shift", |x, y| {
                    format!(
                        "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                        x - 8.0,
                        y - 8.0,
                        x + 8.0,
                        y - 8.0,
                        x + 8.0,
                        y + 8.0,
                        x - 8.0,
                        y + 8.0
                    )
                }),
                Signal::Trend { .. } => ("trend", |x, y| {
                    format!(
                        "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                        x,
                        y - 11.0,
                        x + 10.0,
                        y + 7.0,
                        x - 10.0,
                        y + 7.0
                    )
                }),
                Signal::Astronomical { .. } => ("astronomical", |x, y| {
                    format!(
                        "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                        x,
                        y - 12.0,
                        x + 12.0,
                        y,
                        x,
                        y + 12.0,
                        x - 12.0,
                        y
                    )
                }),
                _ => continue,
            };
            for i in signal.points() {
                if let Some((x, y)) = self.points.get(*i) {
                    self.signal_marks.push((class, outline(*x, *y)));
                }
            }
        }
        self
    }

    /// Whether any point is marked with this class of signal.
    pub fn marked(&self, class: &str) -> bool {
        self.signal_marks.iter().any(|m| m.0 == class)
    }
}

/// At most four labels along the time axis: the first days of months when the
/// span covers two or more, otherwise the first and last days.
fn time_ticks(
    tr: Tr,
    start: NaiveDate,
    end: NaiveDate,
    x: impl Fn(NaiveDate) -> f64,
) -> Vec<(f64, String)> {
    let mut months = Vec::new();
    let mut d = start.with_day(1).unwrap_or(start);
    if d < start {
        d = d.checked_add_months(chrono::Months::new(1)).unwrap_or(end);
    }
    while d <= end {
        months.push(d);
        match d.checked_add_months(chrono::Months::new(1)) {
            Some(next) => d = next,
            None => break,
        }
    }
    if months.len() < 2 {
        let mut ticks = vec![(x(start), tr.day_month(start))];
        if end != start {
            ticks.push((x(end), tr.day_month(end)));
        }
        return ticks;
    }
    let every = months.len().div_ceil(4);
    months
        .into_iter()
        .step_by(every)
        .map(|m| (x(m), tr.month_year(m)))
        .collect()
}

/// Bars of a breakdown, largest first, each with its label and amount.
pub struct Bar {
    pub label: String,
    pub amount: String,
    /// Share of the largest bar, 0–100.
    pub width: f64,
}

pub fn bars(tr: Tr, mut rows: Vec<(String, i64)>) -> Vec<Bar> {
    rows.retain(|r| r.1 > 0);
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let max = rows.first().map(|r| r.1).unwrap_or(1).max(1);
    rows.into_iter()
        .map(|(label, v)| Bar {
            label,
            amount: tr.money(Pence(v)),
            width: v as f64 / max as f64 * 100.0,
        })
        .collect()
}

/// The impact/effort matrix: ideas placed on a 1–5 by 1–5 grid, numbered.
pub struct Matrix {
    pub points: Vec<(f64, f64, usize)>,
}

pub const MATRIX: f64 = 320.0;

impl Matrix {
    pub fn new(ideas: &[PlacedIdea]) -> Matrix {
        let cell = (MATRIX - 40.0) / 5.0;
        let mut seen: Vec<(u8, u8, usize)> = Vec::new();
        let points = ideas
            .iter()
            .enumerate()
            .map(|(i, idea)| {
                // Ideas on the same square are nudged apart so each stays legible.
                let same = seen
                    .iter()
                    .filter(|(e, m, _)| *e == idea.effort && *m == idea.impact)
                    .count();
                seen.push((idea.effort, idea.impact, i));
                let x = 40.0 + cell * (f64::from(idea.effort) - 0.5) + (same as f64) * 10.0 - 5.0;
                let y = MATRIX - 40.0 - cell * (f64::from(idea.impact) - 0.5) + (same as f64) * 6.0;
                (x, y, i + 1)
            })
            .collect();
        Matrix { points }
    }
}

/// Breaks text into lines of at most `width` characters at spaces (a word
/// longer than that has a line to itself), and at most `lines` lines, the last
/// ending in "…" when text is left over.
pub fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut current));
            if out.len() == lines {
                if let Some(last) = out.last_mut() {
                    last.push('…');
                }
                return out;
            }
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        if words.peek().is_none() {
            out.push(std::mem::take(&mut current));
        }
    }
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            last.push('…');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ymarfer_domain::Lang;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn run_chart_places_readings_by_date_on_a_round_scale() {
        let chart = RunChart::new(
            Tr(Lang::En),
            Scale::Hundredths,
            &[(d(1, 1), 4000), (d(2, 1), 3000), (d(3, 1), 2000)],
            Some(3000),
            Some(1500),
            &[(d(1, 15), "1".into())],
        )
        .unwrap();
        assert_eq!(chart.points.len(), 3);
        assert_eq!(chart.points[0].0, LEFT);
        assert_eq!(chart.points[2].0, WIDTH - RIGHT);
        // 40 is the top of a 0–40 scale in steps of 10; 20 is its middle.
        assert!((chart.points[0].1 - TOP).abs() < 0.01);
        assert!((chart.points[2].1 - (TOP + (HEIGHT - TOP - BOTTOM) / 2.0)).abs() < 0.01);
        let labels: Vec<&str> = chart.y_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(labels, ["0", "10", "20", "30", "40"]);
        assert!(chart.median_y.unwrap() < chart.target_y.unwrap());
        // By date: 1 February is 31 of 59 days along.
        let along = (chart.points[1].0 - LEFT) / (WIDTH - LEFT - RIGHT);
        assert!((along - 31.0 / 59.0).abs() < 0.001, "{along}");
        assert_eq!(chart.marks.len(), 1);
        assert_eq!(chart.marks[0].1, "1");
        let months: Vec<&str> = chart.x_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(months, ["Jan 2026", "Feb 2026", "Mar 2026"]);
        assert!(RunChart::new(Tr(Lang::En), Scale::Money, &[], None, None, &[]).is_none());
    }

    #[test]
    fn money_axes_read_in_pounds_with_separators() {
        let chart = RunChart::new(
            Tr(Lang::Cy),
            Scale::Money,
            &[(d(1, 1), 226_704), (d(9, 1), 16_430_400)],
            None,
            Some(5_400_000),
            &[],
        )
        .unwrap();
        let labels: Vec<&str> = chart.y_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(
            labels,
            ["£0", "£50,000", "£100,000", "£150,000", "£200,000"]
        );
        let months: Vec<&str> = chart.x_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(months, ["Ion 2026", "Ebr 2026", "Gorff 2026"]);
    }

    #[test]
    fn numbers_and_steps() {
        assert_eq!(nice_step(4000), 1000);
        assert_eq!(nice_step(900), 250);
        assert_eq!(value_axis([7, 93].into_iter()), (0, 100, 25));
        // Stored extremes give an axis, not an overflow.
        let (lo, hi, step) = value_axis([i64::MIN, i64::MAX].into_iter());
        assert!(lo <= 0 && hi > 0 && step > 0);
        let (lo, hi, _) = value_axis([0, i64::MAX].into_iter());
        assert_eq!((lo, hi), (0, i64::MAX));
        assert_eq!(whole_pounds(Tr(Lang::En), Pence(1_500_000)), "£15,000");
        assert_eq!(whole_pounds(Tr(Lang::En), Pence(1_550)), "£15.50");
    }

    #[test]
    fn bars_are_sorted_and_labelled() {
        let b = bars(
            Tr(Lang::En),
            vec![("a".into(), 100), ("b".into(), 400), ("c".into(), 0)],
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].label, "b");
        assert_eq!(b[0].amount, "£4.00");
        assert_eq!(b[1].width, 25.0);
    }

    #[test]
    fn wraps_text_at_spaces() {
        assert_eq!(
            wrap("About 20 loaves thrown away each day", 12, 3),
            ["About 20", "loaves", "thrown away…"]
        );
        assert_eq!(wrap("Short", 12, 3), ["Short"]);
        assert!(wrap("", 12, 3).is_empty());
    }
}
