//! The impact report of a programme or cohort: the figures the dashboard shows,
//! the command line prints as JSON, and the CSV and XLSX downloads carry.

use crate::i18n::Tr;
use serde::Serialize;
use ymarfer_domain::csvout::CsvOut;
use ymarfer_domain::impact::{CaptureFactor, Category, GhgFactors, LineValue, Status};
use ymarfer_domain::innovation::InnovationAnswers;
use ymarfer_domain::ledger::{Line, Summary};
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

/// The report for a programme, or for one of its cohorts with its share of the
/// cost. Its money comes from the lines' stored values, summed in the database.
pub async fn impact_report(
    db: &Db,
    tr: Tr,
    p: &Programme,
    cohort: Option<&Cohort>,
) -> anyhow::Result<(ImpactReport, Summary)> {
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
    };
    let _ = tr;
    Ok((report, s))
}

/// The first-year values of a programme's verified lines, to compare a claim with.
pub async fn verified_values(db: &Db, p: &Programme) -> anyhow::Result<Vec<Pence>> {
    let lines = db.verified_by(p.id, VerifiedBy::Line).await?;
    Ok(lines.into_iter().map(|(_, v)| v).collect())
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

/// The report as CSV: one row a measure, with its stable code (for programs),
/// its value, and what it is in the reader's language; then verified value by
/// category. Headers are in the reader's language too.
pub fn to_csv(r: &ImpactReport, tr: Tr) -> anyhow::Result<String> {
    let mut w = CsvOut::new();
    w.row([
        tr.t("csv-measure"),
        tr.t("csv-value"),
        tr.t("csv-description"),
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
        w.row([code.to_string(), value, label])?;
    }
    for (c, v) in &r.by_category {
        let label = Category::parse(c)
            .map(|c| tr.t1("xlsx-verified-category", "category", &tr.t(c.message_id())))
            .unwrap_or_default();
        w.row([format!("verified_pence_{c}"), v.to_string(), label])?;
    }
    Ok(w.finish()?)
}

/// The report as an XLSX workbook in the reader's language: a summary sheet
/// with the figures and verified value by category; the ledger with every
/// version of every line, the rate and capture factor that valued it and its
/// first-year value, so that a funder can recompute the totals; the projects;
/// the organisations; and the capability change.
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
    let tenths = |t: Option<i64>| {
        t.map(ymarfer_domain::impact::format_tenths)
            .unwrap_or_else(|| "—".into())
    };
    let mut rows: Vec<(String, String)> = vec![
        (
            tr.t("report-programme"),
            if tr.lang() == ymarfer_domain::Lang::En {
                p.name_en.clone()
            } else {
                p.name_cy.clone()
            },
        ),
        (tr.t("report-cost"), tr.money(Pence(r.cost_pence))),
        (tr.t("report-verified"), tr.money(s.first_year.verified)),
        (tr.t("report-claimed"), tr.money(s.first_year.claimed)),
        (tr.t("report-forecast"), tr.money(s.first_year.forecast)),
        (tr.t("report-roi"), r.roi_display.clone()),
        (tr.t("xlsx-net-return"), tenths(s.net_return_tenths())),
        (tr.t("xlsx-payback"), tenths(s.payback_tenths())),
        (
            tr.t("xlsx-co2e"),
            ymarfer_domain::decimal::format(s.co2e_grams, 3),
        ),
        (tr.t("report-organisations"), r.organisations.to_string()),
        (tr.t("report-participants"), r.participants.to_string()),
        (tr.t("report-projects"), r.projects.to_string()),
    ];
    for (category, value) in &s.by_category {
        rows.push((
            tr.t1(
                "xlsx-verified-category",
                "category",
                &tr.t(category.message_id()),
            ),
            tr.money(*value),
        ));
    }
    for (i, (k, v)) in rows.iter().enumerate() {
        summary.write_string_with_format(i as u32, 0, k, &bold)?;
        summary.write_string(i as u32, 1, v)?;
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
        ],
    )?;
    let programme_rate = Pence(p.default_hourly_rate_pence);
    for (i, e) in db
        .programme_ledger_history(p.id, cohort.map(|c| c.id))
        .await?
        .iter()
        .enumerate()
    {
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
        ledger.write_string(row, 8, tr.day(v.starts_on))?;
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
            ledger.write_string(row, 16, tr.date(at))?;
        }
    }

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
    Ok(book.save_to_buffer()?)
}
