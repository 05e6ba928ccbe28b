//! The scenario planner (`/programmes/{p}/scenarios`), for a programme's
//! managers and observers: what running it at another scale would deliver,
//! projected from its own verified savings (`ymarfer_domain::scenario`).
//! A GET form: it changes nothing, so any answer may be bookmarked or shared.

use crate::error::AppResult;
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::{context, parse};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::i18n::Tr;
use ymarfer_domain::scenario::{
    Assumptions, Decline, MIN_ORGANISATIONS, NOT_INNOVATION_ACTIVE_PCT, Projection, WALES_SMES,
    limits, project,
};
use ymarfer_domain::{Action, Pence};
use ymarfer_store::programmes::Programme;

/// The assumptions as typed, kept to show again.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ScenarioForm {
    cohorts: String,
    size: String,
    cost: String,
    years: String,
    not_innovating: String,
    dropout: String,
    target: String,
}

impl ScenarioForm {
    /// The programme's own shape as a starting point.
    fn starting_from(p: &Programme, cohorts: usize) -> ScenarioForm {
        let cohorts = cohorts.max(1) as i64;
        ScenarioForm {
            cohorts: cohorts.to_string(),
            size: "12".into(),
            // A cost stored beyond its bound starts the form at the bound.
            cost: parse::pounds_input(Some(
                ymarfer_domain::bounds::Bound::Cost
                    .hold(p.cost_pence)
                    .max(0)
                    / cohorts,
            )),
            years: "5".into(),
            not_innovating: NOT_INNOVATION_ACTIVE_PCT.to_string(),
            dropout: "10".into(),
            target: "5".into(),
        }
    }

    fn is_empty(&self) -> bool {
        [
            &self.cohorts,
            &self.size,
            &self.cost,
            &self.years,
            &self.not_innovating,
            &self.dropout,
            &self.target,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }

    fn check(&self, tr: Tr) -> Result<Assumptions, FieldErrors> {
        let mut e = FieldErrors::default();
        let mut whole = |field: &'static str, v: &str, (lo, hi): (u64, u64)| -> u64 {
            match v.trim().parse::<u64>() {
                Ok(n) if (lo..=hi).contains(&n) => n,
                _ => {
                    e.add(
                        field,
                        tr.args(
                            "scenario-error-range",
                            &[("min", lo.to_string()), ("max", hi.to_string())],
                        ),
                    );
                    0
                }
            }
        };
        let cohorts_per_year = whole("cohorts", &self.cohorts, limits::COHORTS_PER_YEAR);
        let cohort_size = whole("size", &self.size, limits::COHORT_SIZE);
        let years = whole("years", &self.years, limits::YEARS);
        let not_innovating_pct = whole("not_innovating", &self.not_innovating, limits::PERCENT);
        let dropout_pct = whole("dropout", &self.dropout, limits::PERCENT);
        let target_pct = whole("target", &self.target, limits::TARGET);
        let cost = parse::money(tr, &mut e, "cost", &self.cost, true);
        match cost {
            Some(cost_per_cohort) if e.is_empty() => Ok(Assumptions {
                cohorts_per_year,
                cohort_size,
                cost_per_cohort,
                years,
                not_innovating_pct,
                dropout_pct,
                target_pct,
            }),
            _ => Err(e),
        }
    }
}

/// One bar of the chart: a year's cumulative savings, its band as shares of
/// the largest 90th percentile.
pub struct YearBar {
    pub label: String,
    /// The middle figure, written.
    pub amount: String,
    pub low: f64,
    pub width: f64,
    pub median: f64,
}

#[derive(Template)]
#[template(path = "programmes/scenarios.html")]
struct ScenarioPage {
    page: Page,
    programme: Programme,
    form: ScenarioForm,
    errors: FieldErrors,
    projection: Option<Projection>,
    bars: Vec<YearBar>,
    /// Why there is no projection, when the planner declines.
    declined: Option<String>,
    wales_non_innovating: u64,
    /// What the band is, said exactly.
    band: String,
    /// Each cohort's actual return: name, verified, share of the cost, ROI.
    actuals: Vec<[String; 4]>,
    /// How the projection's middle return stands beside the cohorts' actuals.
    beside: String,
    /// The same projection, net of what would have happened anyway, where the
    /// programme has additionality settings.
    net: Option<String>,
}

impl ScenarioPage {
    fn money(&self, p: &Pence) -> String {
        self.page.tr.money(*p)
    }

    fn large(&self, key: &str, n: &u64) -> String {
        self.page
            .tr
            .large_count(key, i64::try_from(*n).unwrap_or(i64::MAX))
    }

    /// The return on a year's cost of a year's savings, as every ROI is shown.
    fn roi(&self, savings: &Pence, cost: &Pence) -> String {
        ymarfer_domain::impact::format_roi(*savings, *cost)
    }
}

pub async fn planner(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(form): Query<ScenarioForm>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::PlanScenarios).await?;
    let cohorts = state.db.cohorts_of(p.id).await?;
    let form = if form.is_empty() {
        ScenarioForm::starting_from(&p, cohorts.len())
    } else {
        form
    };
    let smes: i64 = state.db.sme_counts().await?.iter().map(|c| c.1).sum();
    let smes = if smes > 0 { smes as u64 } else { WALES_SMES };
    let wales_non_innovating = (smes * NOT_INNOVATION_ACTIVE_PCT).div_ceil(100);
    let savings = ymarfer_app::report::verified_per_organisation(&state.db, &p).await?;
    let net_savings = ymarfer_app::report::net_per_organisation(&state.db, &p).await?;
    let tr = page.tr;
    let checked = form.check(tr);
    let (errors, projection, declined) = match &checked {
        Err(errors) => (errors.clone(), None, None),
        Ok(a) => match project(a, &savings, wales_non_innovating) {
            Ok(projection) => (FieldErrors::default(), Some(projection), None),
            Err(Decline::TooFewOrganisations { have }) => (
                FieldErrors::default(),
                None,
                Some(tr.args(
                    "scenario-declined",
                    &[
                        ("have", have.to_string()),
                        ("need", MIN_ORGANISATIONS.to_string()),
                    ],
                )),
            ),
        },
    };
    let bars = projection
        .as_ref()
        .map(|pr| {
            let top = pr
                .years
                .iter()
                .map(|y| y.savings.p90.0)
                .max()
                .unwrap_or(1)
                .max(1) as f64;
            pr.years
                .iter()
                .map(|y| YearBar {
                    label: tr.count("scenario-year", y.year as i64),
                    amount: tr.money(y.savings.median),
                    low: y.savings.p10.0 as f64 / top * 100.0,
                    width: (y.savings.p90.0 - y.savings.p10.0) as f64 / top * 100.0,
                    median: y.savings.median.0 as f64 / top * 100.0,
                })
                .collect()
        })
        .unwrap_or_default();
    let returns = ymarfer_app::report::cohort_returns(&state.db, &p).await?;
    let actuals = returns
        .iter()
        .map(|r| {
            [
                tr.pick(&r.cohort.name_en, &r.cohort.name_cy).to_string(),
                tr.money(r.verified),
                tr.money(r.share),
                ymarfer_domain::impact::format_roi(r.verified, r.share),
            ]
        })
        .collect();
    let (band, beside) = match &projection {
        Some(pr) => (
            tr.args(
                "scenario-band",
                &[
                    ("count", pr.organisations.to_string()),
                    ("with", pr.with_savings.to_string()),
                    ("completing", pr.completing_per_year.to_string()),
                    ("low", tr.money(pr.savings_per_year.p10)),
                    ("high", tr.money(pr.savings_per_year.p90)),
                ],
            ),
            beside_actuals(tr, pr, &returns),
        ),
        None => (String::new(), String::new()),
    };
    // The same assumptions, net: resampling every firm's net savings.
    let net = match (&checked, &net_savings, &projection) {
        (Ok(a), Some(net_savings), Some(_)) => {
            project(a, net_savings, wales_non_innovating).ok().map(|n| {
                tr.args(
                    "scenario-net-band",
                    &[
                        ("count", n.organisations.to_string()),
                        ("low", tr.money(n.savings_per_year.p10)),
                        ("median", tr.money(n.savings_per_year.median)),
                        ("high", tr.money(n.savings_per_year.p90)),
                        (
                            "roi",
                            ymarfer_domain::impact::format_roi(
                                n.savings_per_year.median,
                                n.cost_per_year,
                            ),
                        ),
                    ],
                )
            })
        }
        _ => None,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let body = ScenarioPage {
        page: page
            .titled("scenario-title")
            .about(tr.pick(&p.name_en, &p.name_cy)),
        programme: p,
        form,
        errors,
        projection,
        bars,
        declined,
        wales_non_innovating,
        band,
        actuals,
        beside,
        net,
    };
    if status == StatusCode::OK {
        render(&body)
    } else {
        render_status(status, &body)
    }
}

/// Whether the projection's middle return lies within the cohorts' actual
/// returns, said with both.
fn beside_actuals(
    tr: Tr,
    pr: &Projection,
    returns: &[ymarfer_app::report::CohortReturn],
) -> String {
    let actual: Vec<(i64, &ymarfer_app::report::CohortReturn)> = returns
        .iter()
        .filter_map(|r| r.roi_hundredths().map(|h| (h, r)))
        .collect();
    let (Some(low), Some(high)) = (
        actual.iter().min_by_key(|(h, _)| *h),
        actual.iter().max_by_key(|(h, _)| *h),
    ) else {
        return tr.t("scenario-actuals-none");
    };
    let middle =
        ymarfer_domain::impact::roi_hundredths(pr.savings_per_year.median, pr.cost_per_year);
    let key = match middle {
        Some(m) if (low.0..=high.0).contains(&m) => "scenario-actuals-within",
        _ => "scenario-actuals-outside",
    };
    let roi = |r: &ymarfer_app::report::CohortReturn| {
        ymarfer_domain::impact::format_roi(r.verified, r.share)
    };
    tr.args(
        key,
        &[
            (
                "roi",
                ymarfer_domain::impact::format_roi(pr.savings_per_year.median, pr.cost_per_year),
            ),
            ("low", roi(low.1)),
            ("high", roi(high.1)),
        ],
    )
}
