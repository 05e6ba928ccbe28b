//! Geometry for the charts pages draw as SVG. Templates only place what is
//! computed here; every chart also has a data table for screen readers.

use chrono::NaiveDate;
use ymarfer_domain::toolkit::PlacedIdea;

pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 320.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// A run chart: readings in date order, the median line and the target.
pub struct RunChart {
    pub points: Vec<(f64, f64)>,
    pub line: String,
    pub median_y: Option<f64>,
    pub target_y: Option<f64>,
    pub y_ticks: Vec<(f64, String)>,
    pub x_first: String,
    pub x_last: String,
}

fn hundredths(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    if a.is_multiple_of(100) {
        format!("{sign}{}", a / 100)
    } else {
        format!("{sign}{}.{:02}", a / 100, a % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

pub fn format_hundredths(v: i64) -> String {
    hundredths(v)
}

impl RunChart {
    /// `readings` are (date, value in hundredths), oldest first.
    pub fn new(
        readings: &[(NaiveDate, i64)],
        median: Option<i64>,
        target: Option<i64>,
        day: impl Fn(NaiveDate) -> String,
    ) -> Option<RunChart> {
        if readings.is_empty() {
            return None;
        }
        let mut lo = readings
            .iter()
            .map(|r| r.1)
            .chain(target)
            .min()
            .unwrap_or(0)
            .min(0);
        let mut hi = readings
            .iter()
            .map(|r| r.1)
            .chain(target)
            .max()
            .unwrap_or(0);
        if hi == lo {
            hi += 100;
            lo -= 0;
        }
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let y = |v: i64| TOP + plot_h - (v - lo) as f64 / (hi - lo) as f64 * plot_h;
        let n = readings.len();
        let x = |i: usize| {
            if n == 1 {
                LEFT + plot_w / 2.0
            } else {
                LEFT + plot_w * i as f64 / (n - 1) as f64
            }
        };
        let points: Vec<(f64, f64)> = readings
            .iter()
            .enumerate()
            .map(|(i, r)| (x(i), y(r.1)))
            .collect();
        let line = points
            .iter()
            .map(|(px, py)| format!("{px:.1},{py:.1}"))
            .collect::<Vec<_>>()
            .join(" ");
        let y_ticks = (0..=4)
            .map(|k| {
                let v = lo + (hi - lo) * k / 4;
                (y(v), hundredths(v))
            })
            .collect();
        Some(RunChart {
            points,
            line,
            median_y: median.map(y),
            target_y: target.map(y),
            y_ticks,
            x_first: day(readings[0].0),
            x_last: day(readings[n - 1].0),
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_chart_scales_readings_and_lines() {
        let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        let chart = RunChart::new(
            &[(d(1), 4000), (d(2), 3000), (d(3), 2000)],
            Some(3000),
            Some(1500),
            |x| x.to_string(),
        )
        .unwrap();
        assert_eq!(chart.points.len(), 3);
        assert_eq!(chart.points[0].0, LEFT);
        assert_eq!(chart.points[2].0, WIDTH - RIGHT);
        // 40.00 is the top of the scale (0 to 40), 20.00 the middle.
        assert!((chart.points[0].1 - TOP).abs() < 0.01);
        assert!((chart.points[2].1 - (TOP + (HEIGHT - TOP - BOTTOM) / 2.0)).abs() < 0.01);
        assert!(
            chart.median_y.unwrap() < chart.target_y.unwrap(),
            "target below the median on screen means lower value"
        );
        assert_eq!(chart.y_ticks.last().unwrap().1, "40");
        assert!(RunChart::new(&[], None, None, |x| x.to_string()).is_none());
        assert_eq!(format_hundredths(1250), "12.5");
        assert_eq!(format_hundredths(-5), "-0.05");
    }
}
