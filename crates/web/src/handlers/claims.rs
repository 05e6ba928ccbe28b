//! Claims waiting to be verified across a programme (`/programmes/{p}/claims`):
//! the verifier's queue, oldest first, each one click from its verification
//! page, with who claimed it, how long it has waited and whether the project's
//! evidence can back it; then the claims queried, waiting for an answer.

use crate::context;
use crate::error::AppResult;
use crate::page::{Page, Viewer, render};
use crate::paging::{self, Pager};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use ymarfer_app::acting::Door;
use ymarfer_app::claims::Queued;
use ymarfer_app::report::capture;
use ymarfer_domain::impact::Status;
use ymarfer_domain::{Action, Pence};
use ymarfer_store::programmes::Programme;

pub struct ClaimRow {
    pub href: String,
    pub organisation: String,
    pub project: String,
    /// The `lang` mark of the project's title.
    pub project_lang: &'static str,
    pub description: String,
    pub claimant: String,
    /// When it was claimed (for a queried claim, when the question was asked).
    pub since: String,
    /// Whole days since then.
    pub days: i64,
    pub first_year: String,
    /// The project's evidence, counted.
    pub evidence: String,
    /// What deserves a second look, if anything.
    pub concerns: Vec<String>,
    /// For a queried claim, the question asked.
    pub question: String,
}

#[derive(Template)]
#[template(path = "ledger/claims.html")]
struct QueuePage {
    page: Page,
    programme: Programme,
    rows: Vec<ClaimRow>,
    /// Claims queried, waiting for the claimant's answer.
    queried: Vec<ClaimRow>,
    notice: Option<String>,
    /// (cohort, link, claims, shown now) for each cohort with claims.
    filters: Vec<(String, String, i64, bool)>,
    all_href: String,
    filtered: bool,
    /// The pages of waiting claims, and of queried ones.
    pager: Pager,
    queried_pager: Pager,
}

#[derive(serde::Deserialize, Default)]
pub struct QueueQuery {
    done: Option<String>,
    /// One cohort's claims only.
    cohort: Option<String>,
    /// Where the page of waiting claims starts (or ends): a line's id.
    after: Option<String>,
    before: Option<String>,
    /// The same for the page of queried claims.
    queried_after: Option<String>,
    queried_before: Option<String>,
}

pub async fn queue(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    axum::extract::Query(q): axum::extract::Query<QueueQuery>,
) -> AppResult {
    let notice = page.done_notice(q.done.as_deref());
    let waiting_seek = paging::seek(q.after.as_deref(), q.before.as_deref())?;
    let queried_seek = paging::seek(q.queried_after.as_deref(), q.queried_before.as_deref())?;
    let p = context::programme(&state, &viewer, &slug, Action::ReviewClaims).await?;
    let cohorts = state.db.cohorts_of(p.id).await?;
    let only = match q.cohort.as_deref() {
        None | Some("") => None,
        Some(c) => Some(
            cohorts
                .iter()
                .find(|k| k.slug == c)
                .cloned()
                .ok_or(crate::error::AppError::NOT_FOUND)?,
        ),
    };
    let from = match &only {
        Some(c) => format!("queue/{}", c.slug),
        None => "queue".to_string(),
    };
    let tr = page.tr;
    let rate = Pence(p.default_hourly_rate_pence);
    let capture = capture(&p);
    let verified = ymarfer_app::report::verified_median(&state.db, &p).await?;
    let queue = ymarfer_app::claims::queue(
        &state,
        &viewer.acting(Door::Page, ""),
        &p,
        &cohorts,
        only.as_ref().map(|c| c.id),
        waiting_seek,
        queried_seek,
    )
    .await?;
    // Each cohort with claims the viewer may verify, and how many.
    let filters: Vec<(String, String, i64, bool)> = cohorts
        .iter()
        .filter_map(|c| {
            let n = queue
                .by_cohort
                .iter()
                .find(|(k, _)| *k == c.id)
                .map(|(_, n)| *n)?;
            Some((
                page.pick(&c.name_en, &c.name_cy).to_string(),
                page.href(&format!("programmes/{}/claims?cohort={}", p.slug, c.slug)),
                n,
                only.as_ref().is_some_and(|o| o.id == c.id),
            ))
        })
        .collect();
    let today = ymarfer_domain::uktime::today();
    let row = |q: &Queued| -> Option<ClaimRow> {
        let claim = &q.claim;
        let line = claim.v.line(claim.organisation_rate)?;
        let value = line.first_year_value(rate, capture);
        let mut concerns: Vec<String> =
            ymarfer_domain::ledger::concerns(value, claim.employee_band, verified)
                .into_iter()
                .map(|c| tr.t(&format!("{}-short", c.message_id())))
                .collect();
        if q.fit.flagged() {
            concerns.push(tr.t(&format!("{}-short", q.fit.message_id())));
        }
        let since = if claim.v.status == Status::Queried {
            claim.v.created_at
        } else {
            claim.claimed_at
        };
        let days = (today - ymarfer_domain::uktime::to_local(since).date())
            .num_days()
            .max(0);
        Some(ClaimRow {
            href: page.href(&format!(
                "projects/{}/benefits/{}/verify?from={from}",
                claim.project_id, claim.v.line_id
            )),
            organisation: claim.organisation_name.clone(),
            project: claim.project_title.clone(),
            project_lang: page.lang_of(&claim.project_lang),
            description: claim.v.description.clone(),
            claimant: claim.claimant_name.clone().unwrap_or_else(|| "—".into()),
            since: tr.date(since),
            days,
            first_year: tr.money(value),
            evidence: crate::views::claims::evidence_counts(tr, &q.evidence),
            concerns,
            question: claim.v.change_note.clone().unwrap_or_default(),
        })
    };
    let rows: Vec<ClaimRow> = queue.waiting.items.iter().filter_map(row).collect();
    let queried: Vec<ClaimRow> = queue.queried.items.iter().filter_map(row).collect();
    let mut page = page;
    page.title = page.t1("claims-title", "name", page.pick(&p.name_en, &p.name_cy));
    let all_href = page.href(&format!("programmes/{}/claims", p.slug));
    let base = paging::with_query(
        &all_href,
        &[(
            "cohort",
            only.as_ref().map(|c| c.slug.as_str()).unwrap_or(""),
        )],
    );
    let pager = Pager::of(
        &base,
        ("after", "before"),
        &queue.waiting,
        queue.waiting_total,
    );
    let queried_pager = Pager::of(
        &base,
        ("queried_after", "queried_before"),
        &queue.queried,
        queue.queried_total,
    );
    render(&QueuePage {
        page,
        programme: p,
        rows,
        queried,
        notice,
        filters,
        all_href,
        filtered: only.is_some(),
        pager,
        queried_pager,
    })
}
