//! Computed outputs: what each tool works out from a participant's values.

use super::*;
use crate::Pence;
use crate::decimal::div_round;
use serde::Serialize;

// ---------------------------------------------------------------------------
// Computed outputs
// ---------------------------------------------------------------------------

/// A tool's computed output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "computed", rename_all = "snake_case")]
pub enum Computed {
    ValueStream(ValueStream),
    Wastes(WasteRanking),
    ImpactEffort(ImpactEffort),
    Fishbone(Fishbone),
}

// --- value stream ----------------------------------------------------------

/// How many of the largest waits a value stream map highlights.
pub const HIGHLIGHTED_WAITS: usize = 3;

/// One step of a value stream. Times are in the tool's time unit (minutes in
/// the shipped map); `pca` is percent complete and accurate, 0–100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VsmStep {
    pub name: String,
    pub process_time: Number,
    /// Waiting plus process time.
    pub lead_time: Number,
    pub pca: Number,
}

impl VsmStep {
    /// Lead time − process time, never below zero.
    pub fn wait(&self) -> Number {
        Number::from_hundredths((self.lead_time.0 - self.process_time.0).max(0))
    }
}

/// A wait between steps: which step (0-based), its name and how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepWait {
    pub index: usize,
    pub name: String,
    pub wait: Number,
}

/// The figures of a value stream map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueStream {
    pub steps: Vec<VsmStep>,
    /// ΣPT, in the tool's time unit.
    pub total_process_time: Number,
    /// ΣLT, in the tool's time unit.
    pub total_lead_time: Number,
    /// ΣLT − ΣPT of the steps (each wait floored at zero).
    pub total_wait: Number,
    /// ΣPT ÷ ΣLT as a percent, one decimal; `None` when ΣLT is 0.
    pub activity_ratio: Option<Percent>,
    /// Π %C&A as a percent, one decimal; `None` when there are no steps.
    pub rolled_pca: Option<Percent>,
    /// Every step that waits, biggest wait first (ties in step order).
    pub waits: Vec<StepWait>,
}

impl ValueStream {
    /// Computes the figures. Activity ratio is exact then rounded half away
    /// from zero; rolled %C&A is the product in 18-decimal fixed point
    /// (exact for up to nine whole-number percentages, otherwise within
    /// 10⁻¹⁶), then rounded the same way.
    pub fn from_steps(steps: Vec<VsmStep>) -> ValueStream {
        let total_process_time = Number(steps.iter().map(|s| s.process_time.0).sum());
        let total_lead_time = Number(steps.iter().map(|s| s.lead_time.0).sum());
        let total_wait = Number(steps.iter().map(|s| s.wait().0).sum());
        let activity_ratio = (total_lead_time.0 > 0).then(|| Percent {
            tenths: clamp_i64(div_round(
                i128::from(total_process_time.0) * 1000,
                i128::from(total_lead_time.0),
            )),
        });
        let rolled_pca = (!steps.is_empty()).then(|| {
            const SCALE: u128 = 1_000_000_000_000_000_000;
            let mut product = SCALE;
            for s in &steps {
                // pca in hundredths of a percent: 95% is 9500, i.e. 9500/10000.
                let p = u128::try_from(s.pca.0.clamp(0, 10_000)).unwrap_or(0);
                product = product * p / 10_000;
            }
            let tenths = (product * 1000 * 2 + SCALE) / (2 * SCALE);
            Percent {
                tenths: i64::try_from(tenths).unwrap_or(i64::MAX),
            }
        });
        let mut waits: Vec<StepWait> = steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.wait() > Number::ZERO)
            .map(|(index, s)| StepWait {
                index,
                name: s.name.clone(),
                wait: s.wait(),
            })
            .collect();
        // Stable sort: equal waits stay in step order.
        waits.sort_by_key(|w| std::cmp::Reverse(w.wait));
        ValueStream {
            steps,
            total_process_time,
            total_lead_time,
            total_wait,
            activity_ratio,
            rolled_pca,
            waits,
        }
    }

    /// The waits to highlight: the [`HIGHLIGHTED_WAITS`] biggest.
    pub fn largest_waits(&self) -> &[StepWait] {
        &self.waits[..self.waits.len().min(HIGHLIGHTED_WAITS)]
    }
}

pub(crate) fn clamp_i64(n: i128) -> i64 {
    i64::try_from(n).unwrap_or(if n < 0 { i64::MIN } else { i64::MAX })
}

/// The value stream of a filled-in map (rows field `steps`). A missing time
/// counts as 0 and a missing %C&A as 100 (the shipped tool requires them all).
pub fn value_stream(values: &ToolValues) -> ValueStream {
    let steps = values
        .rows("steps")
        .iter()
        .map(|r| VsmStep {
            name: r.text("step").unwrap_or_default().to_string(),
            process_time: r.number("process_time").unwrap_or_default(),
            lead_time: r.number("lead_time").unwrap_or_default(),
            pca: r.number("pca").unwrap_or(Number::from_int(100)),
        })
        .collect();
    ValueStream::from_steps(steps)
}

// --- eight wastes ------------------------------------------------------------

/// The eight wastes, TIMWOODS order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Waste {
    Transport,
    Inventory,
    Motion,
    Waiting,
    Overproduction,
    Overprocessing,
    Defects,
    Skills,
}

impl Waste {
    pub const ALL: [Waste; 8] = [
        Waste::Transport,
        Waste::Inventory,
        Waste::Motion,
        Waste::Waiting,
        Waste::Overproduction,
        Waste::Overprocessing,
        Waste::Defects,
        Waste::Skills,
    ];

    /// The option id in the tool.
    pub fn id(self) -> &'static str {
        match self {
            Waste::Transport => "transport",
            Waste::Inventory => "inventory",
            Waste::Motion => "motion",
            Waste::Waiting => "waiting",
            Waste::Overproduction => "overproduction",
            Waste::Overprocessing => "overprocessing",
            Waste::Defects => "defects",
            Waste::Skills => "skills",
        }
    }

    pub fn from_id(id: &str) -> Option<Waste> {
        Waste::ALL.into_iter().find(|w| w.id() == id)
    }
}

/// One place a waste was seen, with its estimated cost per month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WasteSighting {
    pub waste: Waste,
    pub where_seen: String,
    pub monthly_cost: Pence,
}

/// One waste's total across its sightings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WasteTotal {
    pub waste: Waste,
    /// Σ estimated cost per month, in pence.
    pub monthly_cost: Pence,
    /// Biggest cost first; ties in the order entered.
    pub sightings: Vec<WasteSighting>,
}

/// The wastes seen, ranked by estimated monthly cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WasteRanking {
    /// Only wastes seen at least once; biggest cost first, ties in TIMWOODS
    /// order.
    pub ranked: Vec<WasteTotal>,
    /// Σ of every sighting, per month, in pence.
    pub total_monthly: Pence,
}

impl WasteRanking {
    pub fn from_sightings(sightings: Vec<WasteSighting>) -> WasteRanking {
        let mut ranked: Vec<WasteTotal> = Waste::ALL
            .into_iter()
            .filter_map(|waste| {
                let mut mine: Vec<WasteSighting> = sightings
                    .iter()
                    .filter(|s| s.waste == waste)
                    .cloned()
                    .collect();
                if mine.is_empty() {
                    return None;
                }
                mine.sort_by_key(|s| std::cmp::Reverse(s.monthly_cost));
                Some(WasteTotal {
                    waste,
                    monthly_cost: Pence(mine.iter().map(|s| s.monthly_cost.0).sum()),
                    sightings: mine,
                })
            })
            .collect();
        // Stable sort over TIMWOODS order keeps ties in that order.
        ranked.sort_by_key(|t| std::cmp::Reverse(t.monthly_cost));
        let total_monthly = Pence(ranked.iter().map(|t| t.monthly_cost.0).sum());
        WasteRanking {
            ranked,
            total_monthly,
        }
    }
}

/// The ranking of a filled-in walk (rows field `wastes`; `cost_per_month` in
/// pounds, a missing cost counting as £0).
pub fn rank_wastes(values: &ToolValues) -> WasteRanking {
    let sightings = values
        .rows("wastes")
        .iter()
        .filter_map(|r| {
            Some(WasteSighting {
                waste: Waste::from_id(r.choice("waste")?)?,
                where_seen: r.text("where_seen").unwrap_or_default().to_string(),
                monthly_cost: r.number("cost_per_month").unwrap_or_default().as_pence(),
            })
        })
        .collect();
    WasteRanking::from_sightings(sightings)
}

// --- impact / effort ---------------------------------------------------------

/// A quadrant of the impact/effort matrix, on 1–5 scales.
///
/// The rule: impact is **high at 3 or more** (the midpoint counts as worth
/// having); effort is **low at 2 or less** (the midpoint counts as real
/// effort, since small firms tend to underestimate it).
///
/// | | effort 1–2 | effort 3–5 |
/// |---|---|---|
/// | impact 3–5 | quick win | major project |
/// | impact 1–2 | fill-in | thankless task |
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    QuickWin,
    MajorProject,
    FillIn,
    ThanklessTask,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuickWin,
        Quadrant::MajorProject,
        Quadrant::FillIn,
        Quadrant::ThanklessTask,
    ];

    pub fn of(impact: u8, effort: u8) -> Quadrant {
        match (impact >= 3, effort <= 2) {
            (true, true) => Quadrant::QuickWin,
            (true, false) => Quadrant::MajorProject,
            (false, true) => Quadrant::FillIn,
            (false, false) => Quadrant::ThanklessTask,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "quick_win",
            Quadrant::MajorProject => "major_project",
            Quadrant::FillIn => "fill_in",
            Quadrant::ThanklessTask => "thankless_task",
        }
    }

    /// Fluent key of the quadrant's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "tool-quadrant-quick-win",
            Quadrant::MajorProject => "tool-quadrant-major-project",
            Quadrant::FillIn => "tool-quadrant-fill-in",
            Quadrant::ThanklessTask => "tool-quadrant-thankless-task",
        }
    }
}

/// An idea with its ratings and quadrant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlacedIdea {
    /// Row number (0-based) as entered.
    pub index: usize,
    pub idea: String,
    pub impact: u8,
    pub effort: u8,
    pub quadrant: Quadrant,
}

/// The ideas placed on the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImpactEffort {
    /// In the order entered.
    pub ideas: Vec<PlacedIdea>,
    /// The quick wins' names, best first: highest impact, then lowest
    /// effort, then the order entered.
    pub quick_wins: Vec<String>,
}

impl ImpactEffort {
    /// `(idea, impact, effort)` in the order entered.
    pub fn from_ratings(ratings: Vec<(String, u8, u8)>) -> ImpactEffort {
        let ideas: Vec<PlacedIdea> = ratings
            .into_iter()
            .enumerate()
            .map(|(index, (idea, impact, effort))| PlacedIdea {
                index,
                idea,
                impact,
                effort,
                quadrant: Quadrant::of(impact, effort),
            })
            .collect();
        let mut wins: Vec<&PlacedIdea> = ideas
            .iter()
            .filter(|i| i.quadrant == Quadrant::QuickWin)
            .collect();
        wins.sort_by(|a, b| b.impact.cmp(&a.impact).then(a.effort.cmp(&b.effort)));
        let quick_wins = wins.into_iter().map(|i| i.idea.clone()).collect();
        ImpactEffort { ideas, quick_wins }
    }

    /// The ideas in one quadrant, in the order entered.
    pub fn in_quadrant(&self, quadrant: Quadrant) -> impl Iterator<Item = &PlacedIdea> {
        self.ideas.iter().filter(move |i| i.quadrant == quadrant)
    }
}

/// The matrix of a filled-in tool (rows field `ideas`). Rows missing a rating
/// are left out.
pub fn impact_effort(values: &ToolValues) -> ImpactEffort {
    let ratings = values
        .rows("ideas")
        .iter()
        .filter_map(|r| {
            Some((
                r.text("idea").unwrap_or_default().to_string(),
                r.rating("impact")?,
                r.rating("effort")?,
            ))
        })
        .collect();
    ImpactEffort::from_ratings(ratings)
}

// --- fishbone ----------------------------------------------------------------

/// The six bones (6M) of a fishbone diagram, in drawing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bone {
    /// Manpower.
    People,
    Method,
    Machine,
    Material,
    Measurement,
    /// Mother nature.
    Environment,
}

impl Bone {
    pub const ALL: [Bone; 6] = [
        Bone::People,
        Bone::Method,
        Bone::Machine,
        Bone::Material,
        Bone::Measurement,
        Bone::Environment,
    ];

    /// The option id in the tool.
    pub fn id(self) -> &'static str {
        match self {
            Bone::People => "people",
            Bone::Method => "method",
            Bone::Machine => "machine",
            Bone::Material => "material",
            Bone::Measurement => "measurement",
            Bone::Environment => "environment",
        }
    }

    pub fn from_id(id: &str) -> Option<Bone> {
        Bone::ALL.into_iter().find(|b| b.id() == id)
    }
}

/// The causes on one bone, in the order entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoneCauses {
    pub bone: Bone,
    pub causes: Vec<String>,
}

/// A fishbone: the effect and all six bones in [`Bone::ALL`] order (empty
/// bones included, so the diagram always has six).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fishbone {
    pub effect: Option<String>,
    pub bones: Vec<BoneCauses>,
}

impl Fishbone {
    pub fn from_causes(effect: Option<String>, causes: Vec<(Bone, String)>) -> Fishbone {
        let bones = Bone::ALL
            .into_iter()
            .map(|bone| BoneCauses {
                bone,
                causes: causes
                    .iter()
                    .filter(|(b, _)| *b == bone)
                    .map(|(_, c)| c.clone())
                    .collect(),
            })
            .collect();
        Fishbone { effect, bones }
    }
}

/// The fishbone of a filled-in tool (text field `effect`, rows field
/// `causes`).
pub fn fishbone(values: &ToolValues) -> Fishbone {
    let causes = values
        .rows("causes")
        .iter()
        .filter_map(|r| {
            Some((
                Bone::from_id(r.choice("category")?)?,
                r.text("cause")?.to_string(),
            ))
        })
        .collect();
    Fishbone::from_causes(values.text("effect").map(str::to_string), causes)
}
