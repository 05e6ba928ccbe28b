//! The comparison group beside a programme's participants (docs/impact.md,
//! "Comparison group"): who is in each side, and the figures the impact
//! dashboard, the JSON API and the command line show. The arithmetic is
//! `ymarfer_domain::comparison`'s.

use serde::Serialize;
use ymarfer_domain::comparison::{HORIZONS, Horizon, MIN_FIRMS, Side};
use ymarfer_domain::innovation::{InnovationAnswers, Stage};
use ymarfer_store::Db;
use ymarfer_store::health::RecheckPair;
use ymarfer_store::organisations::AnswersRecord;

/// A firm's answers before and at the months compared.
pub type Pair = (InnovationAnswers, InnovationAnswers);

/// The comparison pool at `months` — the one rule, kept here:
///
/// - a firm is in the pool through a completed health check whose lead agreed
///   to take it again (only such leads are invited), and a completed check
///   taken again from that invitation at `months` (6 or 12) months;
/// - a firm that never enrolled counts with every such check; a firm that
///   enrolled later counts only with checks taken again before its
///   enrolment (the store leaves the others out, `Db::recheck_pairs`);
/// - a firm counts once: the first check completed from its invitation.
///
/// `pairs` come ordered by first check, months and completion, as
/// `Db::recheck_pairs` gives them.
pub fn pool(pairs: &[RecheckPair], months: u32) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::new();
    let mut last: Option<i64> = None;
    for p in pairs.iter().filter(|p| p.months == i64::from(months)) {
        if last == Some(p.first_check) {
            continue;
        }
        last = Some(p.first_check);
        out.push(p.answers());
    }
    out
}

/// Participants at `months`: each enrolled organisation with its answers at
/// entry (the first) and at the follow-up `months` after its cohort ended
/// (the latest given at that stage). `history` is by organisation, oldest
/// first, as `Db::innovation_answers_in` gives it.
pub fn participants(history: &[AnswersRecord], months: u32) -> Vec<Pair> {
    let Some(stage) = Stage::ALL
        .into_iter()
        .find(|s| s.is_follow_up() && s.months_after_end() == Some(months))
    else {
        return Vec::new();
    };
    history
        .chunk_by(|a, b| a.organisation_id == b.organisation_id)
        .filter_map(|mine| {
            let entry = mine.iter().find(|a| a.stage == Stage::Entry)?;
            let then = mine.iter().rev().find(|a| a.stage == stage)?;
            Some((entry.answers().innovation(), then.answers().innovation()))
        })
        .collect()
}

/// One side as reported: its firms always; its figures only when the
/// comparison is shown.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct SideJson {
    /// Firms with both observations.
    pub firms: u64,
    /// Of those, innovation active before; none when withheld.
    pub active_before: Option<u64>,
    /// Of those, innovation active at the months compared; none when withheld.
    pub active_after: Option<u64>,
    /// Innovation-active share before, as a percentage to one decimal.
    pub share_before_pct: Option<f64>,
    /// Innovation-active share after, as a percentage to one decimal.
    pub share_after_pct: Option<f64>,
    /// The change in share, in percentage points to one decimal.
    pub change_points: Option<f64>,
}

/// Participants and the comparison pool at one horizon.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct HorizonJson {
    /// Months after the first observation: 6 or 12.
    pub months: u32,
    /// True when either side has fewer than `min_firms` firms with both
    /// observations: then only the counts of firms are given.
    pub withheld: bool,
    pub participants: SideJson,
    pub comparison: SideJson,
    /// Participants' change less the comparison pool's, in percentage points
    /// to one decimal.
    pub difference_in_differences_points: Option<f64>,
}

/// The comparison group: each horizon, and the threshold below which it is
/// withheld.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct ComparisonJson {
    pub min_firms: u64,
    pub horizons: Vec<HorizonJson>,
}

fn tenths(t: Option<i64>) -> Option<f64> {
    t.map(|t| t as f64 / 10.0)
}

fn side(s: &Side, shown: bool) -> SideJson {
    SideJson {
        firms: s.firms,
        active_before: shown.then_some(s.active_before),
        active_after: shown.then_some(s.active_after),
        share_before_pct: tenths(s.before_tenths().filter(|_| shown)),
        share_after_pct: tenths(s.after_tenths().filter(|_| shown)),
        change_points: tenths(s.change_tenths().filter(|_| shown)),
    }
}

impl From<&Horizon> for HorizonJson {
    fn from(h: &Horizon) -> HorizonJson {
        let shown = !h.withheld();
        HorizonJson {
            months: h.months,
            withheld: h.withheld(),
            participants: side(&h.participants, shown),
            comparison: side(&h.comparison, shown),
            difference_in_differences_points: tenths(h.did_tenths),
        }
    }
}

/// The horizons for participants whose innovation answers are `history`
/// (one programme's, or one cohort's) against the comparison pool.
pub fn horizons(history: &[AnswersRecord], pairs: &[RecheckPair]) -> Vec<Horizon> {
    HORIZONS
        .iter()
        .map(|&months| {
            Horizon::of(
                months,
                Side::of(&participants(history, months)),
                Side::of(&pool(pairs, months)),
            )
        })
        .collect()
}

/// The comparison for participants whose answers are `history`: one query
/// for the pool.
pub async fn comparison(db: &Db, history: &[AnswersRecord]) -> anyhow::Result<ComparisonJson> {
    let pairs = db.recheck_pairs().await?;
    Ok(ComparisonJson {
        min_firms: MIN_FIRMS,
        horizons: horizons(history, &pairs)
            .iter()
            .map(HorizonJson::from)
            .collect(),
    })
}
