//! What the run chart rules found, in words, for under a project's chart.

use ymarfer_app::i18n::Tr;
use ymarfer_app::readings::Judged;
use ymarfer_domain::runchart::{Basis, MIN_POINTS, Meaning, Side, Signal, meaning};

/// One sentence (or two) per finding: too few readings to judge, no signal,
/// or each signal with what it means for the change tested; then which
/// readings the median is of.
pub fn words(tr: Tr, judged: &Judged) -> Vec<String> {
    let a = &judged.analysis;
    let days = &judged.days;
    if days.is_empty() {
        return Vec::new();
    }
    let day_of = |i: usize| days.get(i).map(|d| tr.day(*d)).unwrap_or_default();
    let mut out = Vec::new();
    match &a.signals {
        None => out.push(tr.args(
            "runchart-too-few",
            &[
                ("count", days.len().to_string()),
                ("need", MIN_POINTS.to_string()),
            ],
        )),
        Some(signals) if signals.is_empty() => out.push(tr.t("runchart-no-signal")),
        Some(signals) => {
            for s in signals {
                let first = s.points().first().copied().unwrap_or(0);
                let text = match s {
                    Signal::Shift { side, points } => tr.args(
                        match side {
                            Side::Above => "runchart-shift-above",
                            Side::Below => "runchart-shift-below",
                        },
                        &[("count", points.len().to_string()), ("date", day_of(first))],
                    ),
                    Signal::Trend { up, points } => tr.args(
                        if *up {
                            "runchart-trend-up"
                        } else {
                            "runchart-trend-down"
                        },
                        &[("count", points.len().to_string()), ("date", day_of(first))],
                    ),
                    Signal::TooFewRuns {
                        runs,
                        useful,
                        lower,
                    } => tr.args(
                        "runchart-few-runs",
                        &[
                            ("runs", runs.to_string()),
                            ("useful", useful.to_string()),
                            ("lower", lower.to_string()),
                        ],
                    ),
                    Signal::TooManyRuns {
                        runs,
                        useful,
                        upper,
                    } => tr.args(
                        "runchart-many-runs",
                        &[
                            ("runs", runs.to_string()),
                            ("useful", useful.to_string()),
                            ("upper", upper.to_string()),
                        ],
                    ),
                    Signal::Astronomical { point, .. } => {
                        tr.args("runchart-astronomical", &[("date", day_of(*point))])
                    }
                };
                let then = match s {
                    Signal::Shift { .. } | Signal::Trend { .. } => {
                        Some(match meaning(s, days, judged.first_change, judged.better) {
                            Meaning::Better => "runchart-meaning-better",
                            Meaning::Worse => "runchart-meaning-worse",
                            Meaning::Moved => "runchart-meaning-moved",
                            Meaning::NotTheChange => "runchart-meaning-other",
                        })
                    }
                    _ => None,
                };
                out.push(match then {
                    Some(key) => format!("{text} {}", tr.t(key)),
                    None => text,
                });
            }
        }
    }
    if a.signals.is_some() {
        out.push(match (a.basis, judged.first_change) {
            (Basis::Baseline(n), Some(change)) => tr.args(
                "runchart-basis-baseline",
                &[("count", n.to_string()), ("date", tr.day(change))],
            ),
            _ => tr.t("runchart-basis-all"),
        });
    }
    out
}
