//! Impact dashboards of a programme and a cohort (`/impact`), and the reports
//! to download (`/reports/{file}`).

use crate::context;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::page::{Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use ymarfer_app::report::{ImpactReport, impact_report};
use ymarfer_domain::impact::Category;
use ymarfer_domain::{Action, Pence};
use ymarfer_store::programmes::{Cohort, Programme};

#[derive(Template)]
#[template(path = "ledger/dashboard.html")]
struct Dashboard {
    page: Page,
    heading: String,
    r: ImpactReport,
    base: String,
    /// The spreadsheet's link, for those who may download it.
    xlsx: Option<String>,
    categories: Vec<crate::charts::Bar>,
    active_entry: String,
    active_latest: String,
    capability: Vec<(String, ymarfer_domain::capability::PairedChange)>,
    followups_answered: String,
    followups_sustained: String,
    /// Projects begun after the cohorts ended, and by how many firms.
    begun_after: (i64, usize),
    chart: Option<crate::charts::RunChart>,
    cumulative: Vec<(String, String)>,
    break_even: Option<String>,
    width: f64,
    height: f64,
    cost_text: String,
    /// The net ROI range, lowest first ("1.4 : 1", "1.9 : 1"), where the
    /// programme gives a range.
    net_roi_range: Option<(String, String)>,
    /// Where the programme's additionality settings are changed, for those who may.
    settings_link: Option<String>,
    /// The programme's funder return, for those who may download reports.
    returns_link: Option<String>,
}

impl Dashboard {
    fn tenths(&self, t: &i64) -> String {
        ymarfer_domain::impact::format_tenths(*t)
    }

    /// Hundredths of a percent as shown: "12.50%".
    fn pct(&self, h: &i64) -> String {
        format!("{}%", ymarfer_domain::impact::net::Percent(*h))
    }

    /// A setting's range, "15.00%–30.00%", or a dash.
    fn range_text(&self, a: &ymarfer_app::report::AssumptionJson) -> String {
        match (a.low_hundredths, a.high_hundredths) {
            (None, None) => "—".into(),
            (low, high) => format!(
                "{}–{}",
                self.pct(&low.unwrap_or(a.percent_hundredths)),
                self.pct(&high.unwrap_or(a.percent_hundredths))
            ),
        }
    }

    /// The settings in the method's order, with their names.
    fn assumptions(&self) -> Vec<(String, ymarfer_app::report::AssumptionJson)> {
        ymarfer_app::report::assumptions(&self.r.net.assumptions)
            .iter()
            .map(|(code, a)| (self.page.t(&format!("net-{code}")), (*a).clone()))
            .collect()
    }

    /// Projects whose firm's own answer sets their deadweight.
    fn firm_answered(&self) -> i64 {
        i64::try_from(self.r.net.assumptions.projects_with_firm_deadweight).unwrap_or(0)
    }

    /// An innovation-active share with its count, "25.0% (3)", or a dash.
    fn share(&self, pct: &Option<f64>, n: &Option<u64>) -> String {
        match (pct, n) {
            (Some(p), Some(n)) => format!("{p:.1}% ({n})"),
            _ => "—".into(),
        }
    }

    /// A change in percentage points, signed: "+42.9", "-8.8", or a dash.
    fn points(&self, p: &Option<f64>) -> String {
        p.map_or_else(|| "—".into(), |p| format!("{p:+.1}"))
    }

    /// Forecast accuracy as shown: "80.0%", or a dash.
    fn accuracy(&self, a: &ymarfer_app::report::ForecastAccuracyJson) -> String {
        a.accuracy_pct
            .map_or_else(|| "—".into(), |v| format!("{v:.1}%"))
    }
}

/// Follow-ups (answered of sent; sustained of answered) of a programme or
/// cohort, and the projects firms began after their cohort ended. A firm that
/// began a project on its own after the end sustained innovation, whatever its
/// follow-up said.
async fn followup_rates(
    state: &AppState,
    programme: i64,
    cohort: Option<i64>,
) -> Result<(String, String, (i64, usize)), AppError> {
    let all = state.db.followups_in(programme, cohort).await?;
    let begun = state.db.begun_after_end(programme, cohort).await?;
    let answered: Vec<_> = all.iter().filter(|f| f.completed_at.is_some()).collect();
    let sustained = answered
        .iter()
        .filter(|f| {
            f.still_in_use == Some(true)
                || f.new_projects.unwrap_or(0) > 0
                || begun
                    .iter()
                    .any(|b| b.cohort_id == f.cohort_id && b.organisation_id == f.organisation_id)
        })
        .count();
    let after = (begun.iter().map(|b| b.projects).sum(), begun.len());
    Ok((
        percent((answered.len() as u64, all.len() as u64)),
        percent((sustained as u64, answered.len() as u64)),
        after,
    ))
}

fn percent(share: (u64, u64)) -> String {
    match share {
        (_, 0) => "—".into(),
        (n, d) => format!("{}% ({n}/{d})", (n * 1000 / d + 5) / 10),
    }
}

struct Extra {
    capability: Vec<(String, ymarfer_domain::capability::PairedChange)>,
    followups: (String, String, (i64, usize)),
    cumulative: Vec<(chrono::NaiveDate, Pence)>,
    break_even: Option<usize>,
}

async fn extra(
    state: &AppState,
    lang: ymarfer_domain::Lang,
    p: &ymarfer_store::programmes::Programme,
    cohort: Option<&ymarfer_store::programmes::Cohort>,
    cost: Pence,
) -> Result<Extra, AppError> {
    let (cumulative, break_even) =
        ymarfer_app::report::cumulative(&state.db, p, cohort, cost).await?;
    Ok(Extra {
        capability: crate::views::capability::capability_change(
            state,
            lang,
            p.id,
            cohort.map(|c| c.id),
        )
        .await?,
        followups: followup_rates(state, p.id, cohort.map(|c| c.id)).await?,
        cumulative,
        break_even,
    })
}

fn dashboard(
    page: Page,
    heading: String,
    r: ImpactReport,
    base: String,
    may_download: bool,
    extra: Extra,
    settings_link: Option<String>,
) -> Dashboard {
    let tr = page.tr;
    let categories = crate::charts::bars(
        tr,
        r.by_category
            .iter()
            .map(|(c, v)| {
                let name = Category::parse(c)
                    .map(|c| tr.t(c.message_id()))
                    .unwrap_or_default();
                (name, *v)
            })
            .collect(),
    );
    let r_cost = r.cost_pence;
    let net_roi_range = r.net.has_range.then(|| {
        (
            ymarfer_domain::impact::format_roi(Pence(r.net.net_low_pence), Pence(r_cost)),
            ymarfer_domain::impact::format_roi(Pence(r.net.net_high_pence), Pence(r_cost)),
        )
    });
    let active_entry = percent(r.innovation_active_at_entry);
    let active_latest = percent(r.innovation_active_latest);
    let mut page = page;
    page.title = heading.clone();
    let xlsx = may_download.then(|| base.replace("/impact", "/reports/impact.xlsx"));
    let returns_link = may_download.then(|| {
        let programme = base.split("/cohorts/").next().unwrap_or(&base);
        format!(
            "{}/returns",
            programme.strip_suffix("/impact").unwrap_or(programme)
        )
    });
    Dashboard {
        page,
        heading,
        r,
        base,
        xlsx,
        categories,
        active_entry,
        active_latest,
        chart: crate::charts::RunChart::new(
            tr,
            crate::charts::Scale::Money,
            &extra
                .cumulative
                .iter()
                .map(|(d, p)| (*d, p.0))
                .collect::<Vec<_>>(),
            None,
            Some(r_cost),
            &[],
        ),
        cumulative: extra
            .cumulative
            .iter()
            .map(|(d, p)| (tr.day(*d), tr.money(*p)))
            .collect(),
        break_even: extra
            .break_even
            .and_then(|i| extra.cumulative.get(i))
            .map(|(d, _)| tr.day(*d)),
        capability: extra.capability,
        followups_answered: extra.followups.0,
        followups_sustained: extra.followups.1,
        begun_after: extra.followups.2,
        width: crate::charts::WIDTH,
        height: crate::charts::HEIGHT,
        cost_text: crate::charts::whole_pounds(tr, Pence(r_cost)),
        net_roi_range,
        settings_link,
        returns_link,
    }
}

pub async fn programme_dashboard(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ViewAggregates).await?;
    let (r, _) = impact_report(&state.db, page.tr, &p, None).await?;
    let heading = page.t1("impact-title", "name", page.pick(&p.name_en, &p.name_cy));
    let base = page.href(&format!("programmes/{slug}/impact"));
    let extra = extra(&state, page.lang, &p, None, Pence(r.cost_pence)).await?;
    let may_download = context::may_programme(&viewer, Action::DownloadReports, p.id);
    let settings = context::may_programme(&viewer, Action::ManageProgramme, p.id)
        .then(|| page.href(&format!("programmes/{slug}/additionality")));
    render(&dashboard(
        page,
        heading,
        r,
        base,
        may_download,
        extra,
        settings,
    ))
}

pub async fn cohort_dashboard(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (p, c) = context::cohort(&state, &viewer, &slug, &cslug, Action::ViewAggregates).await?;
    let (r, _) = impact_report(&state.db, page.tr, &p, Some(&c)).await?;
    let heading = page.t1("impact-title", "name", page.pick(&c.name_en, &c.name_cy));
    let programme_name = page.pick(&p.name_en, &p.name_cy).to_string();
    let page = page.about(&programme_name);
    let base = page.href(&format!("programmes/{slug}/cohorts/{cslug}/impact"));
    let extra = extra(&state, page.lang, &p, Some(&c), Pence(r.cost_pence)).await?;
    let may_download = context::may_programme(&viewer, Action::DownloadReports, p.id);
    let settings = context::may_programme(&viewer, Action::ManageProgramme, p.id)
        .then(|| page.href(&format!("programmes/{slug}/additionality")));
    render(&dashboard(
        page,
        heading,
        r,
        base,
        may_download,
        extra,
        settings,
    ))
}

/// `impact.csv` or `impact.xlsx` for a programme.
pub async fn programme_download(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, file)): Path<(String, String)>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ViewAggregates).await?;
    download(&state, page, &viewer, &addr, &p, None, &file).await
}

/// `impact.csv` or `impact.xlsx` for a cohort.
pub async fn cohort_download(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug, file)): Path<(String, String, String)>,
) -> AppResult {
    let (p, c) = context::cohort(&state, &viewer, &slug, &cslug, Action::ViewAggregates).await?;
    download(&state, page, &viewer, &addr, &p, Some(&c), &file).await
}

async fn download(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    addr: &str,
    p: &Programme,
    cohort: Option<&Cohort>,
    file: &str,
) -> AppResult {
    let (r, summary) = impact_report(&state.db, page.tr, p, cohort).await?;
    let name = match cohort {
        Some(c) => format!("{}-{}", p.slug, c.slug),
        None => p.slug.clone(),
    };
    let allowed = match file {
        "impact.csv" => true,
        "impact.xlsx" => context::may_programme(viewer, Action::DownloadReports, p.id),
        _ => false,
    };
    if allowed {
        let act = ymarfer_app::audit::Act::new(
            ymarfer_domain::audit::AuditAction::ReportDownloaded,
            Some(p.id),
            format!("{name}-{file}"),
        );
        ymarfer_app::audit::record(state, viewer.user_id(), addr, act).await?;
    }
    match file {
        "impact.csv" => Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}-impact.csv\""),
                ),
            ],
            ymarfer_app::report::to_csv(&r, page.tr)?,
        )
            .into_response()),
        "impact.xlsx" if context::may_programme(viewer, Action::DownloadReports, p.id) => {
            let bytes =
                ymarfer_app::report::to_xlsx(&state.db, page.tr, p, &r, &summary, cohort).await?;
            Ok((
                [
                    (
                        header::CONTENT_TYPE,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                            .to_string(),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}-impact.xlsx\""),
                    ),
                ],
                bytes,
            )
                .into_response())
        }
        "impact.xlsx" => Err(AppError::Kind(ErrorKind::Forbidden)),
        _ => Err(AppError::NOT_FOUND),
    }
}
