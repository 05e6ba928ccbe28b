//! The impact report of a programme or cohort: the figures the dashboard shows,
//! the command line prints as JSON, and the CSV and XLSX downloads carry.

use crate::i18n::Tr;
use serde::Serialize;
use ymarfer_domain::csvout::CsvOut;
use ymarfer_domain::impact::{
    CaptureFactor, Category, EnvironmentalQuantities, Frequency, GhgFactors, Hours, LineValue,
    Quantity, Status, WasteLevel,
};
use ymarfer_domain::innovation::InnovationAnswers;
use ymarfer_domain::ledger::{Line, Summary};
use ymarfer_domain::{Pence, innovation};
use ymarfer_store::Db;
use ymarfer_store::ledger::{BenefitVersion, CurrentLine};
use ymarfer_store::programmes::{Cohort, Programme};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FirstYearJson {
    pub verified: i64,
    pub claimed: i64,
    pub forecast: i64,
}

/// The headline report. Money in pence; headline ratios from verified value only.
#[derive(Debug, Clone, Serialize)]
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
    pub innovation_active_at_entry: (u64, u64),
    pub innovation_active_latest: (u64, u64),
    pub micro_firms_included: bool,
}

/// Turns a stored version into a line the impact method can value.
pub fn line_of(v: &BenefitVersion, organisation_rate: Option<i64>) -> Option<Line> {
    let value = match (v.amount_pence, v.hours_hundredths) {
        (Some(p), _) => LineValue::Amount(Pence(p)),
        (None, Some(h)) => LineValue::Hours {
            hours: Hours(h),
            line_rate: v.hourly_rate_pence.map(Pence),
        },
        (None, None) => return None,
    };
    Some(Line {
        status: Status::parse(&v.status)?,
        category: Category::parse(&v.category)?,
        frequency: Frequency::parse(&v.frequency)?,
        value,
        organisation_rate: organisation_rate.map(Pence),
        recorded: v
            .valued_rate_pence
            .zip(v.capture_thousandths)
            .map(|(rate, capture)| {
                (
                    Pence(rate),
                    CaptureFactor(u32::try_from(capture).unwrap_or(1000)),
                )
            }),
        environment: EnvironmentalQuantities {
            energy_kwh: Quantity(v.energy_kwh_milli),
            waste_kg: Quantity(v.waste_kg_milli),
            waste_level: v.waste_level.as_deref().and_then(WasteLevel::parse),
            fuel_litres: Quantity(v.fuel_litres_milli),
        },
    })
}

pub fn capture(p: &Programme) -> CaptureFactor {
    CaptureFactor(u32::try_from(p.capture_factor_thousandths).unwrap_or(1000))
}

/// The figures for some current lines of a programme.
pub fn summary(p: &Programme, lines: &[CurrentLine], cost: Pence) -> Summary {
    let factors = GhgFactors::shipped().ok();
    let lines: Vec<Line> = lines
        .iter()
        .filter_map(|l| line_of(&l.v, l.organisation_rate))
        .collect();
    Summary::of(
        &lines,
        cost,
        Pence(p.default_hourly_rate_pence),
        capture(p),
        factors.as_ref(),
    )
}

fn answers(r: &ymarfer_store::organisations::AnswersRecord) -> InnovationAnswers {
    InnovationAnswers {
        new_goods_or_services: r.new_goods_or_services,
        new_business_process: r.new_business_process,
        ongoing_or_abandoned: r.ongoing_or_abandoned,
        innovation_spending: r.innovation_spending,
    }
}

/// The report for a programme, or for one of its cohorts with its share of the cost.
pub async fn impact_report(
    db: &Db,
    tr: Tr,
    p: &Programme,
    cohort: Option<&Cohort>,
) -> anyhow::Result<(ImpactReport, Summary)> {
    let cohorts = db.cohorts_of(p.id).await?;
    let cost = match cohort {
        Some(c) => {
            let shares = crate::handlers::programmes::cohort_shares(p, &cohorts);
            cohorts
                .iter()
                .position(|x| x.id == c.id)
                .and_then(|i| shares.get(i).copied())
                .unwrap_or_default()
        }
        None => Pence(p.cost_pence),
    };
    let lines = db.current_lines(p.id, cohort.map(|c| c.id)).await?;
    let s = summary(p, &lines, cost);
    let mut organisations = Vec::new();
    let mut participants = 0;
    let mut projects = 0;
    for c in cohorts
        .iter()
        .filter(|c| cohort.is_none_or(|x| x.id == c.id))
    {
        for e in db
            .enrolled(c.id)
            .await?
            .iter()
            .filter(|e| e.status == "active")
        {
            participants += 1;
            if let Some(o) = e.organisation_id {
                organisations.push(o);
            }
        }
        projects += db.cohort_projects(c.id).await?.len();
    }
    organisations.sort_unstable();
    organisations.dedup();
    let mut entry = Vec::new();
    let mut latest = Vec::new();
    let mut micro = false;
    for o in &organisations {
        let history = db.innovation_answers(*o).await?;
        if let Some(first) = history.iter().find(|a| a.stage == "entry") {
            entry.push(answers(first));
            micro |= first.employee_band == "micro";
        }
        if let Some(last) = history.last() {
            latest.push(answers(last));
        }
    }
    let share = |v: &[InnovationAnswers]| {
        let s = innovation::innovation_active_share(v.iter());
        (s.numerator, s.denominator)
    };
    let tenths_to = |t: Option<i64>| t.map(|t| t as f64 / 10.0);
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
        organisations: organisations.len(),
        participants,
        projects,
        co2e_kg_first_year: s.co2e_grams as f64 / 1000.0,
        ghg_factor_year: GhgFactors::shipped()
            .map(|f| i64::from(f.factor_year))
            .unwrap_or(0),
        by_category: s
            .by_category
            .iter()
            .map(|(c, v)| (c.as_str().to_string(), v.0))
            .collect(),
        innovation_active_at_entry: share(&entry),
        innovation_active_latest: share(&latest),
        micro_firms_included: micro,
    };
    let _ = tr;
    Ok((report, s))
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
    let lines = db.current_lines(p.id, cohort.map(|c| c.id)).await?;
    let dated: Vec<(chrono::NaiveDate, Frequency, Pence)> = lines
        .iter()
        .filter_map(|l| {
            let line = line_of(&l.v, l.organisation_rate)?;
            (line.status == Status::Verified).then(|| {
                (
                    l.v.starts_on,
                    line.frequency,
                    line.first_year_value(Pence(p.default_hourly_rate_pence), capture(p)),
                )
            })
        })
        .collect();
    let Some(first) = p.starts_on.or_else(|| dated.iter().map(|d| d.0).min()) else {
        return Ok((Vec::new(), None));
    };
    let from = first.with_day(1).unwrap_or(first);
    let series = ymarfer_domain::ledger::cumulative_by_month(&dated, from, 18);
    // Each figure stands at the end of its month.
    let months = (1..=18u32).map(|m| {
        from.checked_add_months(chrono::Months::new(m))
            .and_then(|d| d.pred_opt())
            .unwrap_or(from)
    });
    let points: Vec<(chrono::NaiveDate, Pence)> = months.zip(series.iter().copied()).collect();
    Ok((
        points,
        ymarfer_domain::ledger::break_even_month(&series, cost),
    ))
}

/// The report as CSV: one row of headline figures, then verified value by category.
pub fn to_csv(r: &ImpactReport) -> anyhow::Result<String> {
    let mut w = CsvOut::new();
    w.row(["measure", "value"])?;
    let rows: Vec<(String, String)> = vec![
        ("programme".into(), r.programme.clone()),
        ("cohort".into(), r.cohort.clone().unwrap_or_default()),
        ("cost_pence".into(), r.cost_pence.to_string()),
        (
            "first_year_verified_pence".into(),
            r.first_year_pence.verified.to_string(),
        ),
        (
            "first_year_claimed_pence".into(),
            r.first_year_pence.claimed.to_string(),
        ),
        (
            "first_year_forecast_pence".into(),
            r.first_year_pence.forecast.to_string(),
        ),
        (
            "roi_verified".into(),
            r.roi_verified
                .map(|v| format!("{v:.2}"))
                .unwrap_or_default(),
        ),
        (
            "net_return_pct".into(),
            r.net_return_pct
                .map(|v| format!("{v:.1}"))
                .unwrap_or_default(),
        ),
        (
            "payback_months".into(),
            r.payback_months
                .map(|v| format!("{v:.1}"))
                .unwrap_or_default(),
        ),
        ("organisations".into(), r.organisations.to_string()),
        ("participants".into(), r.participants.to_string()),
        ("projects".into(), r.projects.to_string()),
        (
            "co2e_kg_first_year".into(),
            format!("{:.3}", r.co2e_kg_first_year),
        ),
    ];
    for (k, v) in rows {
        w.row([k, v])?;
    }
    for (c, v) in &r.by_category {
        w.row([format!("verified_pence_{c}"), v.to_string()])?;
    }
    Ok(w.finish()?)
}

/// The report as an XLSX workbook: a summary sheet, the ledger with its history,
/// the projects and the organisations.
pub async fn to_xlsx(
    db: &Db,
    tr: Tr,
    p: &Programme,
    r: &ImpactReport,
    cohort: Option<&Cohort>,
) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("£#,##0.00");
    let summary = book.add_worksheet().set_name("Summary")?;
    let rows: Vec<(String, String)> = vec![
        (
            tr.t("report-programme"),
            if tr.lang() == ymarfer_domain::Lang::En {
                p.name_en.clone()
            } else {
                p.name_cy.clone()
            },
        ),
        (tr.t("report-cost"), tr.money(Pence(r.cost_pence))),
        (
            tr.t("report-verified"),
            tr.money(Pence(r.first_year_pence.verified)),
        ),
        (
            tr.t("report-claimed"),
            tr.money(Pence(r.first_year_pence.claimed)),
        ),
        (
            tr.t("report-forecast"),
            tr.money(Pence(r.first_year_pence.forecast)),
        ),
        (tr.t("report-roi"), r.roi_display.clone()),
        (tr.t("report-organisations"), r.organisations.to_string()),
        (tr.t("report-participants"), r.participants.to_string()),
        (tr.t("report-projects"), r.projects.to_string()),
    ];
    for (i, (k, v)) in rows.iter().enumerate() {
        summary.write_string_with_format(i as u32, 0, k, &bold)?;
        summary.write_string(i as u32, 1, v)?;
    }
    summary.set_column_width(0, 40)?;
    summary.set_column_width(1, 30)?;
    let ledger = book.add_worksheet().set_name("Ledger")?;
    let headers = [
        "project",
        "organisation",
        "line",
        "version",
        "description",
        "category",
        "savings_type",
        "frequency",
        "starts_on",
        "status",
        "amount_gbp",
        "hours",
        "verified_at",
    ];
    for (c, h) in headers.iter().enumerate() {
        ledger.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut row = 1u32;
    let cohorts = db.cohorts_of(p.id).await?;
    for c in cohorts
        .iter()
        .filter(|c| cohort.is_none_or(|x| x.id == c.id))
    {
        for proj in db.cohort_projects(c.id).await? {
            for v in db.benefit_history(proj.id).await? {
                ledger.write_string(row, 0, &proj.title)?;
                ledger.write_string(row, 1, &proj.organisation_name)?;
                ledger.write_number(row, 2, v.line_id as f64)?;
                ledger.write_number(row, 3, v.version as f64)?;
                ledger.write_string(row, 4, &v.description)?;
                ledger.write_string(row, 5, &v.category)?;
                ledger.write_string(row, 6, &v.savings_type)?;
                ledger.write_string(row, 7, &v.frequency)?;
                ledger.write_string(row, 8, v.starts_on.to_string())?;
                ledger.write_string(row, 9, &v.status)?;
                if let Some(a) = v.amount_pence {
                    ledger.write_number_with_format(row, 10, a as f64 / 100.0, &money)?;
                }
                if let Some(h) = v.hours_hundredths {
                    ledger.write_number(row, 11, h as f64 / 100.0)?;
                }
                if let Some(at) = v.verified_at {
                    ledger.write_string(row, 12, at.to_rfc3339())?;
                }
                row += 1;
            }
        }
    }
    let projects = book.add_worksheet().set_name("Projects")?;
    for (c, h) in [
        "cohort",
        "project",
        "organisation",
        "status",
        "tools",
        "cycles",
    ]
    .iter()
    .enumerate()
    {
        projects.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut row = 1u32;
    let mut org_ids = Vec::new();
    for c in cohorts
        .iter()
        .filter(|c| cohort.is_none_or(|x| x.id == c.id))
    {
        for proj in db.cohort_projects(c.id).await? {
            projects.write_string(row, 0, &c.slug)?;
            projects.write_string(row, 1, &proj.title)?;
            projects.write_string(row, 2, &proj.organisation_name)?;
            projects.write_string(row, 3, &proj.status)?;
            projects.write_number(row, 4, proj.tools as f64)?;
            projects.write_number(row, 5, proj.cycles as f64)?;
            org_ids.push(proj.organisation_id);
            row += 1;
        }
    }
    let orgs = book.add_worksheet().set_name("Organisations")?;
    for (c, h) in [
        "organisation",
        "sector",
        "employee_band",
        "area",
        "innovation_active_at_entry",
    ]
    .iter()
    .enumerate()
    {
        orgs.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    org_ids.sort_unstable();
    org_ids.dedup();
    for (i, id) in org_ids.iter().enumerate() {
        if let Some(o) = db.organisation_by_id(*id).await? {
            let r = i as u32 + 1;
            orgs.write_string(r, 0, &o.name)?;
            orgs.write_string(r, 1, &o.sic_section)?;
            orgs.write_string(r, 2, &o.employee_band)?;
            orgs.write_string(r, 3, &o.principal_area)?;
            let entry = db
                .innovation_answers(o.id)
                .await?
                .into_iter()
                .find(|a| a.stage == "entry");
            orgs.write_string(
                r,
                4,
                entry
                    .map(|a| answers(&a).is_innovation_active().to_string())
                    .unwrap_or_default(),
            )?;
        }
    }
    let capability = book.add_worksheet().set_name("Capability")?;
    for (c, h) in ["question", "people", "before", "after"].iter().enumerate() {
        capability.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut answers = Vec::new();
    for c in cohorts
        .iter()
        .filter(|c| cohort.is_none_or(|x| x.id == c.id))
    {
        answers.extend(db.capability_of(c.id).await?.into_iter().map(|a| (c.id, a)));
    }
    for (i, q) in ymarfer_domain::capability::QUESTIONS.iter().enumerate() {
        let pairs: Vec<(i64, i64)> = answers
            .iter()
            .filter(|(_, a)| a.question == q.id && a.stage == "pre")
            .filter_map(|(c, pre)| {
                answers
                    .iter()
                    .find(|(c2, a)| {
                        c2 == c
                            && a.user_id == pre.user_id
                            && a.question == q.id
                            && a.stage == "post"
                    })
                    .map(|(_, post)| (pre.score, post.score))
            })
            .collect();
        let change = ymarfer_domain::capability::PairedChange::of(&pairs);
        let r = i as u32 + 1;
        capability.write_string(r, 0, q.text(tr.lang()))?;
        capability.write_number(r, 1, change.pairs as f64)?;
        capability.write_number(r, 2, change.before_tenths as f64 / 10.0)?;
        capability.write_number(r, 3, change.after_tenths as f64 / 10.0)?;
    }
    Ok(book.save_to_buffer()?)
}
