//! The impact report of a programme or cohort: the figures the dashboard shows,
//! the command line prints as JSON, and the CSV and XLSX downloads carry.

use crate::i18n::Tr;
use serde::Serialize;
use ymarfer_domain::csvout::CsvOut;
use ymarfer_domain::impact::net::{self, Percent, Setting};
use ymarfer_domain::impact::{CaptureFactor, Category, GhgFactors, LineValue, Status};
use ymarfer_domain::innovation::InnovationAnswers;
use ymarfer_domain::ledger::{Line, Summary, Verified};
use ymarfer_domain::{Pence, innovation};
use ymarfer_store::Db;
use ymarfer_store::ledger::{CurrentLine, VerifiedBy};
use ymarfer_store::programmes::{Cohort, Programme};

#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct FirstYearJson {
    pub verified: i64,
    pub claimed: i64,
    pub forecast: i64,
}

/// The headline report. Money in pence; headline ratios from verified value only.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImpactReport {
    pub programme: String,
    pub cohort: Option<String>,
    pub cost_pence: i64,
    pub first_year_pence: FirstYearJson,
    pub roi_verified: Option<f64>,
    pub roi_display: String,
    pub net_return_pct: Option<f64>,
    pub payback_months: Option<f64>,
    pub organisations: usize,
    pub participants: usize,
    pub projects: usize,
    pub co2e_kg_first_year: f64,
    pub ghg_factor_year: i64,
    /// Verified first-year value by category, in pence.
    pub by_category: std::collections::BTreeMap<String, i64>,
    /// Innovation active at entry: [how many, of how many answered].
    #[schema(value_type = Vec<u64>)]
    pub innovation_active_at_entry: (u64, u64),
    /// Innovation active at the latest record: [how many, of how many].
    #[schema(value_type = Vec<u64>)]
    pub innovation_active_latest: (u64, u64),
    pub micro_firms_included: bool,
    /// Gross to net additional impact, with the assumptions behind it.
    pub net: NetImpactJson,
    /// The change in the innovation-active share beside a comparison pool of
    /// firms that took the health check and did not enrol.
    pub comparison: crate::comparison::ComparisonJson,
}

/// One additionality setting, in hundredths of a percent (1250 is 12.50%).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct AssumptionJson {
    pub percent_hundredths: i64,
    pub low_hundredths: Option<i64>,
    pub high_hundredths: Option<i64>,
    /// Where the figure comes from.
    pub source: String,
}

impl From<&Setting> for AssumptionJson {
    fn from(s: &Setting) -> AssumptionJson {
        AssumptionJson {
            percent_hundredths: s.value.0,
            low_hundredths: s.low.map(|p| p.0),
            high_hundredths: s.high.map(|p| p.0),
            source: s.source.clone(),
        }
    }
}

/// The assumptions that take gross to net.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct AssumptionsJson {
    /// The programme's deadweight, for projects whose firm did not answer.
    pub deadweight: AssumptionJson,
    pub displacement: AssumptionJson,
    pub leakage: AssumptionJson,
    pub substitution: AssumptionJson,
    /// Share of each line's net first-year value counted in year 2.
    pub persistence_year2_hundredths: i64,
    /// Share counted in year 3.
    pub persistence_year3_hundredths: i64,
    pub persistence_source: String,
    /// Projects with verified lines whose firm said at a follow-up whether it
    /// would have made the change without the programme (their own deadweight).
    pub projects_with_firm_deadweight: usize,
}

/// Verified first-year value of lines that began as forecasts, against what
/// they were first forecast at.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct ForecastAccuracyJson {
    /// The cohort's slug; none for the whole programme or cohort reported on.
    pub cohort: Option<String>,
    pub lines: i64,
    pub verified_pence: i64,
    pub forecast_pence: i64,
    /// Σ verified ÷ Σ original forecast, as a percentage to one decimal.
    pub accuracy_pct: Option<f64>,
}

/// Gross and net additional impact of verified lines (design.md, "Net
/// additional impact"). Money in pence.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct NetImpactJson {
    pub gross_first_year_pence: i64,
    pub net_first_year_pence: i64,
    pub net_year2_pence: i64,
    pub net_year3_pence: i64,
    /// Net with every setting at its high value (where given).
    pub net_low_pence: i64,
    /// Net with every setting at its low value (where given).
    pub net_high_pence: i64,
    /// Gross ROI to one decimal.
    pub gross_roi: Option<f64>,
    /// Net ROI to one decimal.
    pub net_roi: Option<f64>,
    pub net_roi_low: Option<f64>,
    pub net_roi_high: Option<f64>,
    /// "2.4 : 1".
    pub net_roi_display: String,
    /// Whether any setting gives a range.
    pub has_range: bool,
    pub assumptions: AssumptionsJson,
    pub forecast_accuracy: ForecastAccuracyJson,
    /// Per cohort (in a programme's report).
    pub forecast_accuracy_by_cohort: Vec<ForecastAccuracyJson>,
}

/// Gross to net for a programme (or one cohort) and what its cost is.
pub async fn net_impact(
    db: &Db,
    p: &Programme,
    cohort: Option<&Cohort>,
    cost: Pence,
) -> anyhow::Result<NetImpactJson> {
    let cohort_id = cohort.map(|c| c.id);
    let a = db.additionality_of(p.id).await?;
    let answers: std::collections::HashMap<i64, Percent> = db
        .counterfactuals_in(p.id, cohort_id)
        .await?
        .into_iter()
        .map(|(project, answer)| (project, answer.deadweight()))
        .collect();
    let values = db.verified_values_by_project(p.id, cohort_id).await?;
    let mut answered: Vec<i64> = values
        .iter()
        .map(|(project, _, _)| *project)
        .filter(|project| answers.contains_key(project))
        .collect();
    answered.dedup();
    let lines = values.iter().flat_map(|(project, value, n)| {
        std::iter::repeat_n(
            (*value, answers.get(project).copied()),
            usize::try_from(*n).unwrap_or(0),
        )
    });
    let n = net::net_impact(lines, &a);
    let roi = |v: Pence| net::roi_tenths(v, cost).map(|t| t as f64 / 10.0);
    let outturn = db.forecast_outturn(p.id).await?;
    let cohorts = db.cohorts_of(p.id).await?;
    let accuracy = |slug: Option<String>,
                    rows: &[&ymarfer_store::additionality::ForecastOutturn]| {
        let verified = Pence(rows.iter().map(|r| r.verified.0).sum());
        let forecast = Pence(rows.iter().map(|r| r.forecast.0).sum());
        ForecastAccuracyJson {
            cohort: slug,
            lines: rows.iter().map(|r| r.lines).sum(),
            verified_pence: verified.0,
            forecast_pence: forecast.0,
            accuracy_pct: net::forecast_accuracy_tenths(verified, forecast)
                .map(|t| t as f64 / 10.0),
        }
    };
    let in_scope: Vec<_> = outturn
        .iter()
        .filter(|o| cohort_id.is_none_or(|c| o.cohort_id == c))
        .collect();
    let by_cohort = cohorts
        .iter()
        .filter(|c| cohort_id.is_none_or(|id| c.id == id))
        .map(|c| {
            let rows: Vec<_> = outturn.iter().filter(|o| o.cohort_id == c.id).collect();
            accuracy(Some(c.slug.clone()), &rows)
        })
        .collect();
    Ok(NetImpactJson {
        gross_first_year_pence: n.gross.0,
        net_first_year_pence: n.net.0,
        net_year2_pence: n.year2.0,
        net_year3_pence: n.year3.0,
        net_low_pence: n.net_low.0,
        net_high_pence: n.net_high.0,
        gross_roi: roi(n.gross),
        net_roi: roi(n.net),
        net_roi_low: roi(n.net_low),
        net_roi_high: roi(n.net_high),
        net_roi_display: n.roi_display(cost),
        has_range: a.has_range(),
        assumptions: AssumptionsJson {
            deadweight: (&a.deadweight).into(),
            displacement: (&a.displacement).into(),
            leakage: (&a.leakage).into(),
            substitution: (&a.substitution).into(),
            persistence_year2_hundredths: a.persistence_year2.0,
            persistence_year3_hundredths: a.persistence_year3.0,
            persistence_source: a.persistence_source.clone(),
            projects_with_firm_deadweight: answered.len(),
        },
        forecast_accuracy: accuracy(None, &in_scope),
        forecast_accuracy_by_cohort: by_cohort,
    })
}

pub fn capture(p: &Programme) -> CaptureFactor {
    ymarfer_store::ledger::capture_factor(p.capture_factor_thousandths)
}

/// The figures for some current lines of a programme.
pub fn summary(p: &Programme, lines: &[CurrentLine], cost: Pence) -> anyhow::Result<Summary> {
    let factors = GhgFactors::shipped()?;
    let lines: Vec<Line> = lines
        .iter()
        .filter_map(|l| l.v.line(l.organisation_rate))
        .collect();
    Ok(Summary::of(
        &lines,
        cost,
        Pence(p.default_hourly_rate_pence),
        capture(p),
        Some(factors),
    ))
}

/// The cost a report sets against: the programme's, or a cohort's share of it.
/// Each cohort's share of the programme's cost, by the impact method's rule.
pub fn cohort_shares(p: &Programme, cohorts: &[Cohort]) -> Vec<Pence> {
    let fixed: Vec<Option<Pence>> = cohorts
        .iter()
        .map(|c| c.cost_share_pence.map(Pence))
        .collect();
    ymarfer_domain::impact::cohort_shares(Pence(p.cost_pence), &fixed)
}

pub async fn cost_of(db: &Db, p: &Programme, cohort: Option<&Cohort>) -> anyhow::Result<Pence> {
    Ok(match cohort {
        Some(c) => {
            let cohorts = db.cohorts_of(p.id).await?;
            let shares = cohort_shares(p, &cohorts);
            cohorts
                .iter()
                .position(|x| x.id == c.id)
                .and_then(|i| shares.get(i).copied())
                .unwrap_or_default()
        }
        None => Pence(p.cost_pence),
    })
}

/// A programme's (or one cohort's) money at a glance: its lines summed by
/// status and category from their stored values, and the cost they are set
/// against. One statement for a programme, whatever the size of the ledger.
pub async fn money_at_a_glance(
    db: &Db,
    p: &Programme,
    cohort: Option<&Cohort>,
) -> anyhow::Result<(Summary, Pence)> {
    let cost = cost_of(db, p, cohort).await?;
    let totals = db.ledger_totals(p.id, cohort.map(|c| c.id)).await?;
    let s = Summary::of_totals(
        totals.iter().map(|t| {
            (
                t.status,
                t.category,
                Pence(t.first_year_pence),
                t.co2e_grams,
            )
        }),
        cost,
    );
    Ok((s, cost))
}

/// The report for a programme, or for one of its cohorts with its share of the
/// cost. Its money comes from the lines' stored values, summed in the database.
pub async fn impact_report(
    db: &Db,
    tr: Tr,
    p: &Programme,
    cohort: Option<&Cohort>,
) -> anyhow::Result<(ImpactReport, Summary)> {
    let (s, cost) = money_at_a_glance(db, p, cohort).await?;
    let cohort_id = cohort.map(|c| c.id);
    // Micro firms are those of the micro size band, whatever they answered.
    let enrolled = db.active_enrolment_counts(p.id, cohort_id).await?;
    let projects = usize::try_from(db.project_count_in(p.id, cohort_id).await?).unwrap_or(0);
    // Each organisation's answers at entry, and its latest.
    let history = db.innovation_answers_in(p.id, cohort_id).await?;
    let mut entry = Vec::new();
    let mut latest = Vec::new();
    for mine in history.chunk_by(|a, b| a.organisation_id == b.organisation_id) {
        if let Some(first) = mine
            .iter()
            .find(|a| a.stage == ymarfer_domain::innovation::Stage::Entry)
        {
            entry.push(first.answers().innovation());
        }
        if let Some(last) = mine.last() {
            latest.push(last.answers().innovation());
        }
    }
    let share = |v: &[InnovationAnswers]| {
        let s = innovation::innovation_active_share(v.iter());
        (s.numerator, s.denominator)
    };
    let tenths_to = |t: Option<i64>| t.map(|t| t as f64 / 10.0);
    let net = net_impact(db, p, cohort, cost).await?;
    let comparison = crate::comparison::comparison(db, &history).await?;
    let report = ImpactReport {
        programme: p.slug.clone(),
        cohort: cohort.map(|c| c.slug.clone()),
        cost_pence: cost.0,
        first_year_pence: FirstYearJson {
            verified: s.first_year.verified.0,
            claimed: s.first_year.claimed.0,
            forecast: s.first_year.forecast.0,
        },
        roi_verified: s.roi_hundredths().map(|h| h as f64 / 100.0),
        roi_display: ymarfer_domain::impact::format_roi(s.verified(), cost),
        net_return_pct: tenths_to(s.net_return_tenths()),
        payback_months: tenths_to(s.payback_tenths()),
        organisations: usize::try_from(enrolled.organisations).unwrap_or(0),
        participants: usize::try_from(enrolled.participants).unwrap_or(0),
        projects,
        co2e_kg_first_year: s.co2e_grams as f64 / 1000.0,
        ghg_factor_year: i64::from(GhgFactors::shipped()?.factor_year),
        by_category: s
            .by_category
            .iter()
            .map(|(c, v)| (c.as_str().to_string(), v.0))
            .collect(),
        innovation_active_at_entry: share(&entry),
        innovation_active_latest: share(&latest),
        micro_firms_included: enrolled.micro,
        net,
        comparison,
    };
    let _ = tr;
    Ok((report, s))
}

/// What a claim is set beside: the median of the programme's verified
/// values, read as an order statistic from an index.
pub async fn verified_median(db: &Db, p: &Programme) -> anyhow::Result<Verified> {
    let (count, middle) = db.verified_middle(p.id).await?;
    Ok(Verified::ranked(count, &middle))
}

/// The verified first-year savings of each organisation taking part in the
/// programme, zero for those with none verified: the sample the scenario
/// planner resamples.
pub async fn verified_per_organisation(db: &Db, p: &Programme) -> anyhow::Result<Vec<Pence>> {
    let verified: std::collections::HashMap<i64, Pence> = db
        .verified_by(p.id, VerifiedBy::Organisation)
        .await?
        .into_iter()
        .collect();
    let taking_part = db
        .organisations_taking_part(p.id, ymarfer_domain::uktime::today())
        .await?;
    Ok(taking_part
        .into_iter()
        .map(|o| verified.get(&o).copied().unwrap_or_default())
        .collect())
}

/// The net first-year savings of each organisation taking part (zero for
/// those with nothing verified), each line taken from gross to net by the
/// programme's additionality settings at their central values and its firm's
/// own answer where given; `None` when the programme has no settings and no
/// answers, so net is gross. Four queries.
pub async fn net_per_organisation(db: &Db, p: &Programme) -> anyhow::Result<Option<Vec<Pence>>> {
    let a = db.additionality_of(p.id).await?;
    let answers: std::collections::HashMap<i64, Percent> = db
        .counterfactuals_in(p.id, None)
        .await?
        .into_iter()
        .map(|(project, answer)| (project, answer.deadweight()))
        .collect();
    if a == net::Additionality::default() && answers.is_empty() {
        return Ok(None);
    }
    let mut by_org: std::collections::HashMap<i64, Pence> = std::collections::HashMap::new();
    for (org, project, value, n) in db.verified_values_by_organisation(p.id).await? {
        let factors =
            net::Factors::for_project(&a, answers.get(&project).copied(), net::End::Central);
        let one = net::net_line(value, factors);
        let total = by_org.entry(org).or_default();
        total.0 = total.0.saturating_add(one.0.saturating_mul(n));
    }
    let taking_part = db
        .organisations_taking_part(p.id, ymarfer_domain::uktime::today())
        .await?;
    Ok(Some(
        taking_part
            .into_iter()
            .map(|o| by_org.get(&o).copied().unwrap_or_default())
            .collect(),
    ))
}

/// What a cohort returned: its verified first-year savings on its share of
/// the programme's cost.
#[derive(Debug, Clone)]
pub struct CohortReturn {
    pub cohort: Cohort,
    pub verified: Pence,
    pub share: Pence,
}

impl CohortReturn {
    /// The return in hundredths; none when the cohort has no share of the cost.
    pub fn roi_hundredths(&self) -> Option<i64> {
        ymarfer_domain::impact::roi_hundredths(self.verified, self.share)
    }
}

/// Each cohort of the programme with verified savings, and what it returned,
/// in the cohorts' order: two queries whatever the programme holds.
pub async fn cohort_returns(db: &Db, p: &Programme) -> anyhow::Result<Vec<CohortReturn>> {
    let cohorts = db.cohorts_of(p.id).await?;
    let shares = cohort_shares(p, &cohorts);
    let verified: std::collections::HashMap<i64, Pence> = db
        .verified_by(p.id, VerifiedBy::Cohort)
        .await?
        .into_iter()
        .collect();
    Ok(cohorts
        .into_iter()
        .zip(shares)
        .filter_map(|(cohort, share)| {
            let verified = *verified.get(&cohort.id)?;
            Some(CohortReturn {
                cohort,
                verified,
                share,
            })
        })
        .collect())
}

/// Cumulative verified savings month by month from the programme's start (or the
/// first saving), for the break-even chart; and the month savings reach the cost.
pub async fn cumulative(
    db: &Db,
    p: &Programme,
    cohort: Option<&Cohort>,
    cost: Pence,
) -> anyhow::Result<(Vec<(chrono::NaiveDate, Pence)>, Option<usize>)> {
    use chrono::Datelike;
    let dated = db.verified_by_start(p.id, cohort.map(|c| c.id)).await?;
    let Some(first) = p.starts_on.or_else(|| dated.iter().map(|d| d.0).min()) else {
        return Ok((Vec::new(), None));
    };
    let from = first.with_day(1).unwrap_or(first);
    // Eighteen months at most, and none after this one: what is verified has
    // happened, so the chart stops at today.
    let today = ymarfer_domain::uktime::today();
    let elapsed = (today.year() - from.year()) * 12 + today.month() as i32 - from.month() as i32;
    let Ok(shown) = u32::try_from(elapsed + 1) else {
        return Ok((Vec::new(), None));
    };
    let shown = shown.min(18);
    let series = ymarfer_domain::ledger::cumulative_by_month(&dated, from, shown);
    // Each figure stands at the end of its month, or today in this one.
    let months = (1..=shown).map(|m| {
        from.checked_add_months(chrono::Months::new(m))
            .and_then(|d| d.pred_opt())
            .unwrap_or(from)
            .min(today)
    });
    let points: Vec<(chrono::NaiveDate, Pence)> = months.zip(series.iter().copied()).collect();
    Ok((
        points,
        ymarfer_domain::ledger::break_even_month(&series, cost),
    ))
}

/// The four settings by code, in the method's order.
pub fn assumptions(a: &AssumptionsJson) -> [(&'static str, &AssumptionJson); 4] {
    [
        ("deadweight", &a.deadweight),
        ("displacement", &a.displacement),
        ("leakage", &a.leakage),
        ("substitution", &a.substitution),
    ]
}

/// The report as CSV: one row a measure, with its stable code (for programs),
/// its value, and what it is in the reader's language; then verified value by
/// category. Headers are in the reader's language too.
/// A row of the report's CSV with the unit its value is in, read from its
/// measure's code: `pence`, `percent`, `ratio` (x : 1), `months`, `kg`,
/// `count` or `text`.
fn measure(w: &mut CsvOut, [code, value, label]: [String; 3]) -> anyhow::Result<()> {
    let unit = if code.ends_with("_pence") || code.contains("_pence_") {
        "pence"
    } else if code.ends_with("_pct") || code.contains("_pct_") {
        "percent"
    } else if code.starts_with("roi") {
        "ratio"
    } else if code.ends_with("_months") {
        "months"
    } else if code.contains("_kg") {
        "kg"
    } else if code.ends_with("_source") || code == "programme" || code == "cohort" {
        "text"
    } else {
        "count"
    };
    w.row([code, value, label, unit.to_string()])?;
    Ok(())
}

pub fn to_csv(r: &ImpactReport, tr: Tr) -> anyhow::Result<String> {
    let mut w = CsvOut::new();
    w.row([
        tr.t("csv-measure"),
        tr.t("csv-value"),
        tr.t("csv-description"),
        tr.t("csv-unit"),
    ])?;
    let tenths =
        |v: Option<f64>, places: usize| v.map(|v| format!("{v:.places$}")).unwrap_or_default();
    let rows: Vec<(&str, String)> = vec![
        ("programme", r.programme.clone()),
        ("cohort", r.cohort.clone().unwrap_or_default()),
        ("cost_pence", r.cost_pence.to_string()),
        (
            "first_year_verified_pence",
            r.first_year_pence.verified.to_string(),
        ),
        (
            "first_year_claimed_pence",
            r.first_year_pence.claimed.to_string(),
        ),
        (
            "first_year_forecast_pence",
            r.first_year_pence.forecast.to_string(),
        ),
        ("roi_verified", tenths(r.roi_verified, 2)),
        ("net_return_pct", tenths(r.net_return_pct, 1)),
        ("payback_months", tenths(r.payback_months, 1)),
        ("organisations", r.organisations.to_string()),
        ("participants", r.participants.to_string()),
        ("projects", r.projects.to_string()),
        ("co2e_kg_first_year", format!("{:.3}", r.co2e_kg_first_year)),
    ];
    for (code, value) in rows {
        let label = tr.t(&format!("csv-{}", code.replace('_', "-")));
        measure(&mut w, [code.to_string(), value, label])?;
    }
    // Gross beside net, then the assumptions and their sources.
    let n = &r.net;
    let one = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_default();
    let net_rows: Vec<(&str, String)> = vec![
        (
            "gross_first_year_pence",
            n.gross_first_year_pence.to_string(),
        ),
        ("net_first_year_pence", n.net_first_year_pence.to_string()),
        ("net_year2_pence", n.net_year2_pence.to_string()),
        ("net_year3_pence", n.net_year3_pence.to_string()),
        ("net_low_pence", n.net_low_pence.to_string()),
        ("net_high_pence", n.net_high_pence.to_string()),
        ("roi_gross", one(n.gross_roi)),
        ("roi_net", one(n.net_roi)),
        ("roi_net_low", one(n.net_roi_low)),
        ("roi_net_high", one(n.net_roi_high)),
    ];
    for (code, value) in net_rows {
        let label = tr.t(&format!("csv-{}", code.replace('_', "-")));
        measure(&mut w, [code.to_string(), value, label])?;
    }
    let pct = |h: Option<i64>| h.map(|h| Percent(h).to_string()).unwrap_or_default();
    for (code, a) in assumptions(&n.assumptions) {
        let name = tr.t(&format!("net-{code}"));
        measure(
            &mut w,
            [
                format!("{code}_pct"),
                pct(Some(a.percent_hundredths)),
                tr.t1("csv-assumption-value", "setting", &name),
            ],
        )?;
        measure(
            &mut w,
            [
                format!("{code}_low_pct"),
                pct(a.low_hundredths),
                tr.t1("csv-assumption-low", "setting", &name),
            ],
        )?;
        measure(
            &mut w,
            [
                format!("{code}_high_pct"),
                pct(a.high_hundredths),
                tr.t1("csv-assumption-high", "setting", &name),
            ],
        )?;
        measure(
            &mut w,
            [
                format!("{code}_source"),
                a.source.clone(),
                tr.t1("csv-assumption-source", "setting", &name),
            ],
        )?;
    }
    let more: Vec<(&str, String)> = vec![
        (
            "persistence_year2_pct",
            pct(Some(n.assumptions.persistence_year2_hundredths)),
        ),
        (
            "persistence_year3_pct",
            pct(Some(n.assumptions.persistence_year3_hundredths)),
        ),
        (
            "persistence_source",
            n.assumptions.persistence_source.clone(),
        ),
        (
            "projects_with_firm_deadweight",
            n.assumptions.projects_with_firm_deadweight.to_string(),
        ),
        ("forecast_lines", n.forecast_accuracy.lines.to_string()),
        (
            "forecast_lines_verified_pence",
            n.forecast_accuracy.verified_pence.to_string(),
        ),
        (
            "forecast_lines_forecast_pence",
            n.forecast_accuracy.forecast_pence.to_string(),
        ),
        (
            "forecast_accuracy_pct",
            one(n.forecast_accuracy.accuracy_pct),
        ),
    ];
    for (code, value) in more {
        let label = tr.t(&format!("csv-{}", code.replace('_', "-")));
        measure(&mut w, [code.to_string(), value, label])?;
    }
    if r.cohort.is_none() {
        for c in &n.forecast_accuracy_by_cohort {
            let slug = c.cohort.clone().unwrap_or_default();
            measure(
                &mut w,
                [
                    format!("forecast_accuracy_pct_{slug}"),
                    one(c.accuracy_pct),
                    tr.t1("csv-forecast-accuracy-cohort", "cohort", &slug),
                ],
            )?;
        }
    }
    for (c, v) in &r.by_category {
        let label = Category::parse(c)
            .map(|c| tr.t1("xlsx-verified-category", "category", &tr.t(c.message_id())))
            .unwrap_or_default();
        measure(
            &mut w,
            [format!("verified_pence_{c}"), v.to_string(), label],
        )?;
    }
    Ok(w.finish()?)
}

/// The report as an XLSX workbook in the reader's language: a summary sheet
/// with the figures and verified value by category; the ledger with every
/// version of every line, the rate and capture factor that valued it and its
/// first-year value, so that a funder can recompute the totals; the projects;
/// the organisations; the capability change; and gross beside net with the
/// assumptions and their sources, and forecast accuracy.
pub async fn to_xlsx(
    db: &Db,
    tr: Tr,
    p: &Programme,
    r: &ImpactReport,
    s: &Summary,
    cohort: Option<&Cohort>,
) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("£#,##0.00");
    let headers = |sheet: &mut rust_xlsxwriter::Worksheet,
                   keys: &[&str]|
     -> Result<(), rust_xlsxwriter::XlsxError> {
        for (c, k) in keys.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, tr.t(k), &bold)?;
            sheet.set_column_width(c as u16, 18)?;
        }
        Ok(())
    };

    let summary = book.add_worksheet().set_name(tr.t("xlsx-sheet-summary"))?;
    // Every figure is a number with a number format, so a spreadsheet can
    // add, compare and chart it; only names are text.
    let ratio = Format::new().set_num_format("0.0\" : 1\"");
    let percent = Format::new().set_num_format("0.0%");
    let one_place = Format::new().set_num_format("0.0");
    let kilograms = Format::new().set_num_format("#,##0.000");
    let whole = Format::new().set_num_format("#,##0");
    enum Figure<'a> {
        Text(String),
        Number(f64, &'a Format),
        Missing,
    }
    let pounds = |p: Pence| Figure::Number(p.0 as f64 / 100.0, &money);
    let tenths = |t: Option<i64>, scale: f64, format| match t {
        Some(t) => Figure::Number(t as f64 / scale, format),
        None => Figure::Missing,
    };
    let count = |n: f64| Figure::Number(n, &whole);
    let mut rows: Vec<(String, Figure)> = vec![
        (
            tr.t("report-programme"),
            Figure::Text(tr.pick(&p.name_en, &p.name_cy).to_string()),
        ),
        (tr.t("report-cost"), pounds(Pence(r.cost_pence))),
        (tr.t("report-verified"), pounds(s.first_year.verified)),
        (tr.t("report-claimed"), pounds(s.first_year.claimed)),
        (tr.t("report-forecast"), pounds(s.first_year.forecast)),
        (
            tr.t("report-roi"),
            tenths(
                ymarfer_domain::impact::roi_hundredths(s.first_year.verified, Pence(r.cost_pence)),
                100.0,
                &ratio,
            ),
        ),
        (
            tr.t("xlsx-net-return"),
            tenths(s.net_return_tenths(), 1000.0, &percent),
        ),
        (
            tr.t("xlsx-payback"),
            tenths(s.payback_tenths(), 10.0, &one_place),
        ),
        (
            tr.t("xlsx-co2e"),
            Figure::Number(s.co2e_grams as f64 / 1000.0, &kilograms),
        ),
        (tr.t("report-organisations"), count(r.organisations as f64)),
        (tr.t("report-participants"), count(r.participants as f64)),
        (tr.t("report-projects"), count(r.projects as f64)),
    ];
    for (category, value) in &s.by_category {
        rows.push((
            tr.t1(
                "xlsx-verified-category",
                "category",
                &tr.t(category.message_id()),
            ),
            pounds(*value),
        ));
    }
    for (i, (k, v)) in rows.iter().enumerate() {
        let row = i as u32;
        summary.write_string_with_format(row, 0, k, &bold)?;
        match v {
            Figure::Text(t) => summary.write_string(row, 1, t)?,
            Figure::Number(n, format) => summary.write_number_with_format(row, 1, *n, format)?,
            Figure::Missing => summary.write_string(row, 1, "—")?,
        };
    }
    summary.set_column_width(0, 48)?;
    summary.set_column_width(1, 30)?;

    let ledger = book.add_worksheet().set_name(tr.t("xlsx-sheet-ledger"))?;
    headers(
        ledger,
        &[
            "xlsx-col-project",
            "xlsx-col-organisation",
            "xlsx-col-line",
            "xlsx-col-version",
            "xlsx-col-description",
            "xlsx-col-category",
            "xlsx-col-savings-type",
            "xlsx-col-frequency",
            "xlsx-col-starts-on",
            "xlsx-col-status",
            "xlsx-col-amount",
            "xlsx-col-hours",
            "xlsx-col-rate",
            "xlsx-col-capture",
            "xlsx-col-first-year",
            "xlsx-col-verified-by",
            "xlsx-col-verified-at",
            "xlsx-col-current",
        ],
    )?;
    let day = Format::new().set_num_format("d mmm yyyy");
    let moment = Format::new().set_num_format("d mmm yyyy hh:mm");
    let programme_rate = Pence(p.default_hourly_rate_pence);
    let history = db
        .programme_ledger_history(p.id, cohort.map(|c| c.id))
        .await?;
    // A line's current version is its latest: only those count.
    let mut latest: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    for e in &history {
        let v = latest.entry(e.v.line_id).or_insert(e.v.version);
        *v = (*v).max(e.v.version);
    }
    let is_current =
        |e: &ymarfer_store::ledger::LedgerEntry| latest.get(&e.v.line_id) == Some(&e.v.version);
    let mut current = Vec::new();
    for (i, e) in history.iter().enumerate() {
        let row = i as u32 + 1;
        let v = &e.v;
        ledger.write_string(row, 0, &e.project_title)?;
        ledger.write_string(row, 1, &e.organisation_name)?;
        ledger.write_number(row, 2, v.line_id as f64)?;
        ledger.write_number(row, 3, v.version as f64)?;
        ledger.write_string(row, 4, &v.description)?;
        ledger.write_string(row, 5, tr.t(v.category.message_id()))?;
        ledger.write_string(row, 6, tr.t(v.savings_type.message_id()))?;
        ledger.write_string(row, 7, tr.t(v.frequency.message_id()))?;
        ledger.write_date_with_format(row, 8, v.starts_on, &day)?;
        ledger.write_string(row, 9, tr.t(v.status.message_id()))?;
        if let Some(a) = v.amount_pence {
            ledger.write_number_with_format(row, 10, a as f64 / 100.0, &money)?;
        }
        if let Some(line) = v.line(e.organisation_rate) {
            if let LineValue::Hours { hours, line_rate } = line.value {
                ledger.write_number(row, 11, hours.0 as f64 / 100.0)?;
                let (rate, capture_used) = match line.recorded {
                    Some(recorded) if line.status == Status::Verified => recorded,
                    _ => (
                        ymarfer_domain::impact::resolve_rate(
                            line_rate,
                            line.organisation_rate,
                            programme_rate,
                        ),
                        capture(p),
                    ),
                };
                ledger.write_number_with_format(row, 12, rate.0 as f64 / 100.0, &money)?;
                ledger.write_number(row, 13, f64::from(capture_used.0) / 1000.0)?;
            }
            let value = line.first_year_value(programme_rate, capture(p));
            ledger.write_number_with_format(row, 14, value.0 as f64 / 100.0, &money)?;
        }
        if let Some(name) = &e.verifier_name {
            ledger.write_string(row, 15, name)?;
        }
        if let Some(at) = v.verified_at {
            let local = ymarfer_domain::uktime::to_local(at);
            ledger.write_datetime_with_format(row, 16, local, &moment)?;
        }
        ledger.write_boolean(row, 17, is_current(e))?;
        if is_current(e) {
            current.push(e);
        }
    }
    ledger.autofilter(0, 0, history.len() as u32, 17)?;

    let projects = book.add_worksheet().set_name(tr.t("xlsx-sheet-projects"))?;
    headers(
        projects,
        &[
            "xlsx-col-cohort",
            "xlsx-col-project",
            "xlsx-col-organisation",
            "xlsx-col-status",
            "xlsx-col-tools",
            "xlsx-col-cycles",
        ],
    )?;
    let cohort_names: std::collections::HashMap<i64, String> = db
        .cohorts_of(p.id)
        .await?
        .into_iter()
        .map(|c| (c.id, tr.pick(&c.name_en, &c.name_cy).to_string()))
        .collect();
    let mut org_ids = Vec::new();
    let listed = db.programme_projects(p.id, cohort.map(|c| c.id)).await?;
    for (row, proj) in (1u32..).zip(listed) {
        let name = cohort_names
            .get(&proj.cohort_id)
            .cloned()
            .unwrap_or_default();
        projects.write_string(row, 0, name)?;
        projects.write_string(row, 1, &proj.title)?;
        projects.write_string(row, 2, &proj.organisation_name)?;
        projects.write_string(row, 3, tr.t(proj.status.message_id()))?;
        projects.write_number(row, 4, proj.tools as f64)?;
        projects.write_number(row, 5, proj.cycles as f64)?;
        org_ids.push(proj.organisation_id);
    }

    let orgs = book
        .add_worksheet()
        .set_name(tr.t("xlsx-sheet-organisations"))?;
    headers(
        orgs,
        &[
            "xlsx-col-organisation",
            "xlsx-col-sector",
            "xlsx-col-employee-band",
            "xlsx-col-area",
            "xlsx-col-active-at-entry",
        ],
    )?;
    let (taking_part, _) = db
        .organisations_page(
            &ymarfer_store::organisations::InProgrammes::Only(vec![p.id]),
            0,
            i64::MAX,
        )
        .await?;
    let in_report = taking_part.iter().filter(|o| org_ids.contains(&o.org.id));
    for (row, o) in (1u32..).zip(in_report) {
        orgs.write_string(row, 0, &o.org.name)?;
        let letter = o.org.sic_section.chars().next().unwrap_or('?');
        orgs.write_string(
            row,
            1,
            format!(
                "{letter} – {}",
                ymarfer_domain::reference::sic_name(letter, tr.lang())
            ),
        )?;
        orgs.write_string(row, 2, tr.t(o.org.employee_band.message_id()))?;
        orgs.write_string(
            row,
            3,
            ymarfer_domain::reference::area(&o.org.principal_area)
                .map(|a| a.name(tr.lang()))
                .unwrap_or(""),
        )?;
        if let Some(entry) = o.entry() {
            let active = entry.innovation().is_innovation_active();
            orgs.write_string(row, 4, tr.t(if active { "yes" } else { "no" }))?;
        }
    }

    let capability = book
        .add_worksheet()
        .set_name(tr.t("xlsx-sheet-capability"))?;
    headers(
        capability,
        &[
            "xlsx-col-question",
            "xlsx-col-people",
            "xlsx-col-before",
            "xlsx-col-after",
        ],
    )?;
    let answers = db.capability_in(p.id, cohort.map(|c| c.id)).await?;
    let answers: Vec<ymarfer_domain::capability::Answer<'_>> = answers
        .iter()
        .map(|(c, a)| ymarfer_domain::capability::Answer {
            cohort: *c,
            person: a.user_id,
            question: &a.question,
            after: a.stage == ymarfer_domain::capability::Moment::After,
            score: a.score,
        })
        .collect();
    for (i, (q, change)) in ymarfer_domain::capability::paired_changes(&answers)
        .iter()
        .enumerate()
    {
        let r = i as u32 + 1;
        capability.write_string(r, 0, q.text(tr.lang()))?;
        capability.write_number(r, 1, change.pairs as f64)?;
        capability.write_number(r, 2, change.before_tenths as f64 / 10.0)?;
        capability.write_number(r, 3, change.after_tenths as f64 / 10.0)?;
    }
    // Gross beside net, the later years and the range; then the assumptions
    // with their sources; then forecast accuracy. Numbers as numbers.
    let n = &r.net;
    let percent = Format::new().set_num_format("0.00");
    let ratio = Format::new().set_num_format("0.0");
    let sheet = book.add_worksheet().set_name(tr.t("xlsx-sheet-net"))?;
    for (c, k) in ["xlsx-col-measure", "net-gross", "net-net"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, c as u16, tr.t(k), &bold)?;
    }
    sheet.set_column_width(0, 40)?;
    sheet.set_column_width(1, 18)?;
    sheet.set_column_width(2, 18)?;
    sheet.set_column_width(3, 18)?;
    sheet.set_column_width(4, 40)?;
    let pounds = |p: i64| p as f64 / 100.0;
    sheet.write_string(1, 0, tr.t("net-first-year"))?;
    sheet.write_number_with_format(1, 1, pounds(n.gross_first_year_pence), &money)?;
    sheet.write_number_with_format(1, 2, pounds(n.net_first_year_pence), &money)?;
    sheet.write_string(2, 0, tr.t("net-year2"))?;
    sheet.write_number_with_format(2, 2, pounds(n.net_year2_pence), &money)?;
    sheet.write_string(3, 0, tr.t("net-year3"))?;
    sheet.write_number_with_format(3, 2, pounds(n.net_year3_pence), &money)?;
    sheet.write_string(4, 0, tr.t("net-roi"))?;
    if let Some(g) = n.gross_roi {
        sheet.write_number_with_format(4, 1, g, &ratio)?;
    }
    if let Some(v) = n.net_roi {
        sheet.write_number_with_format(4, 2, v, &ratio)?;
    }
    sheet.write_string(5, 0, tr.t("net-range-low"))?;
    sheet.write_number_with_format(5, 2, pounds(n.net_low_pence), &money)?;
    if let Some(v) = n.net_roi_low {
        sheet.write_number_with_format(5, 3, v, &ratio)?;
    }
    sheet.write_string(6, 0, tr.t("net-range-high"))?;
    sheet.write_number_with_format(6, 2, pounds(n.net_high_pence), &money)?;
    if let Some(v) = n.net_roi_high {
        sheet.write_number_with_format(6, 3, v, &ratio)?;
    }
    for (c, k) in [
        "net-assumption",
        "net-value-pct",
        "net-low-pct",
        "net-high-pct",
        "net-source",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(8, c as u16, tr.t(k), &bold)?;
    }
    let mut row = 9u32;
    for (code, a) in assumptions(&n.assumptions) {
        sheet.write_string(row, 0, tr.t(&format!("net-{code}")))?;
        sheet.write_number_with_format(row, 1, a.percent_hundredths as f64 / 100.0, &percent)?;
        if let Some(l) = a.low_hundredths {
            sheet.write_number_with_format(row, 2, l as f64 / 100.0, &percent)?;
        }
        if let Some(h) = a.high_hundredths {
            sheet.write_number_with_format(row, 3, h as f64 / 100.0, &percent)?;
        }
        sheet.write_string(row, 4, &a.source)?;
        row += 1;
    }
    for (key, value) in [
        (
            "net-persistence-year2",
            n.assumptions.persistence_year2_hundredths,
        ),
        (
            "net-persistence-year3",
            n.assumptions.persistence_year3_hundredths,
        ),
    ] {
        sheet.write_string(row, 0, tr.t(key))?;
        sheet.write_number_with_format(row, 1, value as f64 / 100.0, &percent)?;
        sheet.write_string(row, 4, &n.assumptions.persistence_source)?;
        row += 1;
    }
    sheet.write_string(row, 0, tr.t("net-firm-deadweight-projects"))?;
    sheet.write_number(row, 1, n.assumptions.projects_with_firm_deadweight as f64)?;
    row += 2;
    for (c, k) in [
        "xlsx-col-cohort",
        "net-forecast-lines",
        "net-forecast-verified",
        "net-forecast-original",
        "net-forecast-accuracy",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(row, c as u16, tr.t(k), &bold)?;
    }
    let mut accuracy_rows = vec![&n.forecast_accuracy];
    if r.cohort.is_none() {
        accuracy_rows.extend(n.forecast_accuracy_by_cohort.iter());
    }
    for a in accuracy_rows {
        row += 1;
        let name = a.cohort.clone().unwrap_or_else(|| tr.t("net-all"));
        sheet.write_string(row, 0, name)?;
        sheet.write_number(row, 1, a.lines as f64)?;
        sheet.write_number_with_format(row, 2, pounds(a.verified_pence), &money)?;
        sheet.write_number_with_format(row, 3, pounds(a.forecast_pence), &money)?;
        if let Some(v) = a.accuracy_pct {
            sheet.write_number_with_format(row, 4, v, &ratio)?;
        }
    }

    // Last, so that the sheets before keep their places: the current
    // version of each line only: its verified column adds up to
    // the report's verified first-year savings.
    let lines = book.add_worksheet().set_name(tr.t("xlsx-sheet-current"))?;
    headers(
        lines,
        &[
            "xlsx-col-project",
            "xlsx-col-organisation",
            "xlsx-col-line",
            "xlsx-col-description",
            "xlsx-col-category",
            "xlsx-col-starts-on",
            "xlsx-col-status",
            "xlsx-col-first-year",
            "xlsx-col-verified-first-year",
        ],
    )?;
    let mut verified_total = 0i64;
    for (row, e) in (1u32..).zip(&current) {
        let v = &e.v;
        lines.write_string(row, 0, &e.project_title)?;
        lines.write_string(row, 1, &e.organisation_name)?;
        lines.write_number(row, 2, v.line_id as f64)?;
        lines.write_string(row, 3, &v.description)?;
        lines.write_string(row, 4, tr.t(v.category.message_id()))?;
        lines.write_date_with_format(row, 5, v.starts_on, &day)?;
        lines.write_string(row, 6, tr.t(v.status.message_id()))?;
        if let Some(line) = v.line(e.organisation_rate) {
            let value = line.first_year_value(programme_rate, capture(p));
            lines.write_number_with_format(row, 7, value.0 as f64 / 100.0, &money)?;
            if v.status == Status::Verified {
                verified_total += value.0;
                lines.write_number_with_format(row, 8, value.0 as f64 / 100.0, &money)?;
            }
        }
    }
    let total_row = current.len() as u32 + 1;
    lines.write_string_with_format(total_row, 0, tr.t("xlsx-total"), &bold)?;
    lines.write_number_with_format(total_row, 8, verified_total as f64 / 100.0, &money)?;

    Ok(book.save_to_buffer()?)
}
