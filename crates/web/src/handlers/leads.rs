//! Leads from the health check (`/programmes/{p}/leads`) and the engagement
//! funnel (`/programmes/{p}/funnel`), for a programme's managers.

use super::{FormData, see_other};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::paging::{self, Pager};
use crate::state::AppState;
use crate::{context, parse};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::i18n::Tr;
use ymarfer_app::leads;
use ymarfer_domain::health::{LeadStatus, Status};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::{Action, Lang};
use ymarfer_store::health::{FunnelRow, Lead};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::seek::Order;

pub struct LeadRow {
    pub href: String,
    pub organisation: String,
    pub name: String,
    pub status: String,
    pub when: String,
    pub cohort: String,
}

#[derive(Template)]
#[template(path = "leads/list.html")]
struct ListPage {
    page: Page,
    programme: Programme,
    rows: Vec<LeadRow>,
    /// How many leads wait for a programme, when this one may take them.
    waiting: Option<i64>,
    pager: Pager,
}

/// Where a page of a list of leads starts (or ends): a lead's id.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SeekQuery {
    after: Option<String>,
    before: Option<String>,
    done: Option<String>,
}

/// How many leads a page of a programme's leads shows.
const LEADS_PAGE: i64 = paging::PAGE_SIZE;

/// A programme's leads, newest first, a page at a time.
pub async fn list(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<SeekQuery>,
) -> AppResult {
    let seek = paging::seek(q.after.as_deref(), q.before.as_deref())?;
    let p = context::programme(&state, &viewer, &slug, Action::ManageLeads).await?;
    let tr = page.tr;
    let cohorts = state.db.cohorts_of(p.id).await?;
    let leads = state
        .db
        .leads_page(Some(p.id), seek, Order::Down, LEADS_PAGE)
        .await?;
    let total = state.db.leads_count(Some(p.id)).await?;
    let pager = Pager::of(
        &page.href(&format!("programmes/{slug}/leads")),
        ("after", "before"),
        &leads,
        total,
    );
    let rows = leads
        .items
        .into_iter()
        .map(|l| LeadRow {
            href: page.href(&format!("programmes/{slug}/leads/{}", l.id)),
            // A lead whose person was erased stays, without a name.
            organisation: if l.organisation_name.is_empty() {
                tr.t("former-participant")
            } else {
                l.organisation_name
            },
            name: l.name,
            status: tr.t(l.status.message_id()),
            when: tr.date(l.created_at),
            cohort: l
                .cohort_id
                .and_then(|c| cohorts.iter().find(|k| k.id == c))
                .map(|c| tr.pick(&c.name_en, &c.name_cy).to_string())
                .unwrap_or_default(),
        })
        .collect();
    // Leads that chose no programme, when this programme may take them.
    let acting = Acting::person(viewer.actor(), Door::Page, "");
    let waiting = match leads::waiting(&state, &acting, None).await {
        Ok(w) if w.programmes.iter().any(|o| o.id == p.id) && w.total > 0 => Some(w.total),
        Ok(_) | Err(ymarfer_app::Error::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    let mut page = page;
    page.title = page.t1("leads-title", "name", page.pick(&p.name_en, &p.name_cy));
    render(&ListPage {
        page,
        programme: p,
        rows,
        waiting,
        pager,
    })
}

#[derive(Template)]
#[template(path = "leads/show.html")]
struct ShowPage {
    page: Page,
    programme: Programme,
    lead: Lead,
    check: Vec<(String, String)>,
    /// Each check the firm has taken, first to last: when, and its status then.
    history: Vec<String>,
    cohorts: Vec<Cohort>,
    /// The cohort chosen or invited to, in the page's language.
    cohort: String,
    /// The language the firm chose: `en` or `cy`.
    language: &'static str,
    statuses: Vec<(&'static str, String)>,
    form: LeadForm,
    errors: FieldErrors,
    notice: Option<String>,
}

/// Where a lead stands and the team's notes (also the API's body for a
/// change): a status of `new`, `contacted`, `invited`, `enrolled` or `closed`.
#[derive(Deserialize, Default, Clone, utoipa::ToSchema)]
#[serde(default)]
pub struct LeadForm {
    status: String,
    notes: String,
    /// The cohort to invite the firm to (inviting only).
    cohort: String,
}

impl LeadForm {
    /// Checks a change of status and notes.
    pub fn check(&self, tr: Tr) -> Result<(LeadStatus, String), FieldErrors> {
        let mut errors = FieldErrors::default();
        let status = LeadStatus::parse(&self.status);
        if status.is_none() {
            errors.add("status", tr.t("error-choose-one"));
        }
        let notes = parse::text(tr, &mut errors, "notes", &self.notes, 4000, false);
        match status {
            Some(status) if errors.is_empty() => Ok((status, notes)),
            _ => Err(errors),
        }
    }
}

pub(crate) async fn lead_in(state: &AppState, p: &Programme, id: i64) -> Result<Lead, AppError> {
    state
        .db
        .lead_by_id(id)
        .await?
        .filter(|l| l.programme_id == Some(p.id))
        .ok_or(AppError::NOT_FOUND)
}

async fn show_page(
    state: &AppState,
    page: Page,
    p: Programme,
    mut lead: Lead,
    form: LeadForm,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<ShowPage, AppError> {
    let tr = page.tr;
    // A lead whose person was erased stays, without a name.
    if lead.organisation_name.is_empty() {
        lead.organisation_name = tr.t("former-participant");
    }
    let lang = page.lang;
    // What the firm answered in the check.
    let mut check = Vec::new();
    if let Some(c) = match lead.health_check_id {
        Some(id) => state.db.check_by_id(id).await?,
        None => None,
    } {
        if let Some(s) = c.sector.as_deref().and_then(|s| s.chars().next()) {
            check.push((
                tr.t("field-sector"),
                ymarfer_domain::reference::sic_name(s, lang).to_string(),
            ));
        }
        if let Some(b) = c.band() {
            check.push((tr.t("field-employee-band"), tr.t(b.message_id())));
        }
        if let Some(a) = c
            .principal_area
            .as_deref()
            .and_then(ymarfer_domain::reference::area)
        {
            check.push((tr.t("field-area"), a.name(lang).to_string()));
        }
        check.push((
            tr.t("health-status-heading"),
            tr.t(Status::of(&c.answers()).message_id()),
        ));
        let pains: Vec<String> = c
            .pain_points()
            .iter()
            .map(|p| tr.t(p.message_id()))
            .collect();
        if !pains.is_empty() {
            check.push((tr.t("health-q-pains"), pains.join("; ")));
        }
    }
    let history = state
        .db
        .checks_of_lead(&lead)
        .await?
        .iter()
        .map(|c| {
            tr.args(
                "lead-check-row",
                &[
                    ("date", tr.date(c.created_at)),
                    ("status", tr.t(Status::of(&c.answers()).message_id())),
                ],
            )
        })
        .collect();
    let cohorts = state.db.cohorts_of(p.id).await?;
    let cohort = lead
        .cohort_id
        .and_then(|c| cohorts.iter().find(|k| k.id == c))
        .map(|c| tr.pick(&c.name_en, &c.name_cy).to_string())
        .unwrap_or_default();
    let language = Lang::parse(&lead.language).unwrap_or_default().code();
    let mut page = page;
    page.title = tr.t1("lead-title", "name", &lead.organisation_name);
    Ok(ShowPage {
        page,
        programme: p,
        check,
        history,
        cohorts,
        cohort,
        language,
        statuses: LeadStatus::chosen()
            .map(|s| (s.as_str(), tr.t(s.message_id())))
            .collect(),
        form,
        errors,
        notice,
        lead,
    })
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, id)): Path<(String, i64)>,
    Query(q): Query<DoneQuery>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageLeads).await?;
    let lead = lead_in(&state, &p, id).await?;
    let form = LeadForm {
        status: lead.chosen_status().as_str().to_string(),
        notes: lead.notes.clone(),
        cohort: lead.cohort_id.map(|c| c.to_string()).unwrap_or_default(),
    };
    let notice = page.done_notice(q.done.as_deref());
    render(&show_page(&state, page, p, lead, form, FieldErrors::default(), notice).await?)
}

/// Status and notes.
pub async fn update(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, id)): Path<(String, i64)>,
    FormData(form): FormData<LeadForm>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageLeads).await?;
    let lead = lead_in(&state, &p, id).await?;
    match form.check(page.tr) {
        Ok((status, notes)) => {
            let acting = Acting::person(viewer.actor(), Door::Page, addr);
            leads::set_status(&state, &acting, p.id, id, status, &notes).await?;
            Ok(see_other(
                &page.href(&format!("programmes/{slug}/leads/{id}?done=saved")),
            ))
        }
        Err(errors) => {
            let show = show_page(&state, page, p, lead, form, errors, None).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &show)
        }
    }
}

/// In one step: the firm joins the programme with the check's answers as its
/// entry record, and the person is invited to the cohort.
pub async fn invite(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, id)): Path<(String, i64)>,
    FormData(form): FormData<LeadForm>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageLeads).await?;
    let lead = lead_in(&state, &p, id).await?;
    let tr = page.tr;
    let cohorts = state.db.cohorts_of(p.id).await?;
    let cohort = form
        .cohort
        .parse::<i64>()
        .ok()
        .and_then(|c| cohorts.iter().find(|k| k.id == c))
        .cloned();
    let Some(cohort) = cohort.filter(|c| {
        ymarfer_domain::can(
            viewer.actor(),
            Action::ManageCohort,
            ymarfer_domain::Resource::Cohort {
                programme: p.id,
                cohort: c.id,
            },
        )
        .allowed()
    }) else {
        let mut errors = FieldErrors::default();
        errors.add("cohort", tr.t("error-choose-one"));
        let show = show_page(&state, page, p, lead, form, errors, None).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &show);
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    leads::invite(&state, &acting, p.id, id, cohort.id).await?;
    Ok(see_other(&page.href(&format!(
        "programmes/{slug}/leads/{id}?done=invited"
    ))))
}

/// One step of the funnel: how many, and the share of the step before.
pub struct Step {
    pub name: String,
    pub count: usize,
    pub share: String,
}

#[derive(Template)]
#[template(path = "leads/funnel.html")]
struct FunnelPage {
    page: Page,
    programme: Programme,
    steps: Vec<Step>,
    not_active: Vec<Step>,
    /// (area, checks completed, enrolled, SMEs there, completed per 1,000 SMEs)
    by_area: Vec<(String, usize, usize, String, String)>,
    /// Where the SME counts come from, when entered.
    smes_source: Option<String>,
    by_source: Vec<(String, usize, usize)>,
    filter: FunnelFilter,
    sectors: Vec<(String, String)>,
    bands: Vec<(&'static str, String)>,
    areas: Vec<(&'static str, &'static str)>,
    statuses: Vec<(&'static str, String)>,
    /// No error on the filter's fields.
    none: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct FunnelFilter {
    sector: String,
    band: String,
    area: String,
    status: String,
    from: String,
    to: String,
    source: String,
}

fn share(n: usize, of: usize) -> String {
    match (n * 1000).checked_div(of) {
        Some(permille) => format!("{}%", (permille + 5) / 10),
        None => "—".into(),
    }
}

/// The steps of the funnel, counted from the checks and their leads.
/// How many checks the rows stand for, of those that `keep`.
fn checks<'a>(
    rows: impl Iterator<Item = &'a &'a FunnelRow>,
    keep: impl Fn(&FunnelRow) -> bool,
) -> usize {
    rows.filter(|r| keep(r)).map(|r| r.n as usize).sum()
}

fn steps(tr: Tr, rows: &[&FunnelRow]) -> Vec<Step> {
    let counts = [
        ("funnel-started", checks(rows.iter(), |_| true)),
        ("funnel-completed", checks(rows.iter(), |r| r.completed)),
        (
            "funnel-interest",
            checks(rows.iter(), |r| r.lead_status.is_some()),
        ),
        (
            "funnel-invited",
            checks(rows.iter(), |r| {
                matches!(r.lead_status.as_deref(), Some("invited") | Some("enrolled")) || r.enrolled
            }),
        ),
        ("funnel-enrolled", checks(rows.iter(), |r| r.enrolled)),
        ("funnel-finished", checks(rows.iter(), |r| r.finished)),
        ("funnel-sustained", checks(rows.iter(), |r| r.sustained)),
    ];
    let mut out: Vec<Step> = Vec::new();
    for (i, (key, n)) in counts.iter().enumerate() {
        let before = if i == 0 { *n } else { counts[i - 1].1 };
        out.push(Step {
            name: tr.t(key),
            count: *n,
            share: if i == 0 {
                String::new()
            } else {
                share(*n, before)
            },
        });
    }
    out
}

fn status_of(r: &FunnelRow) -> Status {
    Status::of(&r.answers())
}

pub async fn funnel(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(filter): Query<FunnelFilter>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ViewFunnel).await?;
    let tr = page.tr;
    let lang = page.lang;
    let (from, to) = parse::period(&filter.from, &filter.to);
    let from = from.unwrap_or_default();
    let to = to.unwrap_or_else(|| chrono::Utc::now() + chrono::Duration::days(1));
    let today = ymarfer_domain::uktime::today();
    let all = state.db.funnel(p.id, from, to, today).await?;
    let keep = |r: &&FunnelRow| {
        (filter.sector.is_empty() || r.sector.as_deref() == Some(filter.sector.as_str()))
            && (filter.band.is_empty() || r.employee_band.as_deref() == Some(filter.band.as_str()))
            && (filter.area.is_empty() || r.principal_area.as_deref() == Some(filter.area.as_str()))
            && (filter.source.is_empty() || r.source == filter.source)
            && (filter.status.is_empty() || status_of(r).as_str() == filter.status)
    };
    let rows: Vec<&FunnelRow> = all.iter().filter(keep).collect();
    let not_active: Vec<&FunnelRow> = rows
        .iter()
        .copied()
        .filter(|r| r.completed && status_of(r) != Status::Active)
        .collect();
    // Reach by area, read against the SMEs there when an administrator has
    // entered their number.
    let smes = state.db.sme_counts().await?;
    let smes_source = smes.first().map(|s| s.2.clone());
    let mut by_area: Vec<(String, usize, usize, String, String)> = ymarfer_domain::reference::AREAS
        .iter()
        .map(|a| {
            let here: Vec<_> = rows
                .iter()
                .filter(|r| r.principal_area.as_deref() == Some(a.code))
                .collect();
            let done = checks(here.iter().copied(), |r| r.completed);
            let count = smes.iter().find(|s| s.0 == a.code).map(|s| s.1);
            (
                a.name(lang).to_string(),
                done,
                checks(here.iter().copied(), |r| r.enrolled),
                count.map(|n| n.to_string()).unwrap_or_else(|| "—".into()),
                count
                    .filter(|n| *n > 0)
                    .map(|n| {
                        let tenths = (done as i64 * 10_000 + n / 2) / n;
                        format!("{}.{}", tenths / 10, tenths % 10)
                    })
                    .unwrap_or_else(|| "—".into()),
            )
        })
        .filter(|a| a.1 > 0)
        .collect();
    by_area.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut sources: Vec<String> = rows.iter().map(|r| r.source.clone()).collect();
    sources.sort();
    sources.dedup();
    let by_source = sources
        .into_iter()
        .map(|s| {
            let here: Vec<_> = rows.iter().filter(|r| r.source == s).collect();
            (
                if s.is_empty() {
                    tr.t("funnel-source-direct")
                } else {
                    s
                },
                checks(here.iter().copied(), |r| r.completed),
                checks(here.iter().copied(), |r| r.lead_status.is_some()),
            )
        })
        .collect();
    let mut page = page;
    page.title = tr.t1("funnel-title", "name", page.pick(&p.name_en, &p.name_cy));
    render(&FunnelPage {
        steps: steps(tr, &rows),
        not_active: steps(tr, &not_active).into_iter().skip(1).collect(),
        by_area,
        smes_source,
        by_source,
        sectors: ymarfer_domain::reference::SIC_SECTIONS
            .iter()
            .map(|(l, en, cy)| {
                (
                    l.to_string(),
                    format!("{l} – {}", if lang == Lang::En { en } else { cy }),
                )
            })
            .collect(),
        bands: EmployeeBand::ALL
            .iter()
            .map(|b| (b.as_str(), tr.t(b.message_id())))
            .collect(),
        areas: ymarfer_domain::reference::areas_in(lang)
            .into_iter()
            .map(|a| (a.code, a.name(lang)))
            .collect(),
        statuses: Status::ALL
            .iter()
            .map(|s| (s.as_str(), tr.t(s.message_id())))
            .collect(),
        filter,
        none: None,
        page,
        programme: p,
    })
}

#[derive(Template)]
#[template(path = "leads/waiting.html")]
struct UnassignedPage {
    page: Page,
    notice: Option<String>,
    /// Each lead, when it came and how long it has waited, and its language.
    leads: Vec<(Lead, String, String)>,
    programmes: Vec<Programme>,
    pager: Pager,
}

/// The queue of leads that chose no programme: administrators, and managers
/// of programmes open to firms, give each to a programme.
pub async fn waiting(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Query(q): Query<SeekQuery>,
) -> AppResult {
    let seek = paging::seek(q.after.as_deref(), q.before.as_deref())?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    let waiting = leads::waiting(&state, &acting, Some(seek)).await?;
    let tr = page.tr;
    let today = ymarfer_domain::uktime::today();
    let pager = Pager::of(
        &page.href("leads/waiting"),
        ("after", "before"),
        &waiting.leads,
        waiting.total,
    );
    let leads = waiting
        .leads
        .items
        .into_iter()
        .map(|l| {
            let days = (today - ymarfer_domain::uktime::to_local(l.created_at).date()).num_days();
            let when = tr.args(
                "leads-waiting-since",
                &[
                    ("date", tr.date(l.created_at)),
                    ("days", days.max(0).to_string()),
                ],
            );
            let language = Lang::parse(&l.language)
                .map(|g| tr.t(&format!("language-{}", g.code())))
                .unwrap_or_default();
            (l, when, language)
        })
        .collect();
    let notice = page.done_notice(q.done.as_deref());
    render(&UnassignedPage {
        page: page.titled("leads-unassigned-title"),
        notice,
        leads,
        programmes: waiting.programmes,
        pager,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    programme: String,
}

/// Gives a lead that chose no programme to a programme, whose managers then
/// hear of it as of any lead.
pub async fn assign(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<AssignForm>,
) -> AppResult {
    let programme = form
        .programme
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::BAD_REQUEST)?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    ymarfer_app::leads::assign(&state, &acting, id, programme).await?;
    Ok(see_other(&page.href("leads/waiting?done=saved")))
}
