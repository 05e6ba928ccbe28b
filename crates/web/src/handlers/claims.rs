//! Claims waiting to be verified across a programme (`/programmes/{p}/claims`):
//! the verifier's queue, oldest first, each one click from its verification page.

use super::context;
use super::projects::Relation;
use crate::error::{AppError, AppResult};
use crate::page::{Page, Viewer, render};
use crate::report::{capture, line_of};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use ymarfer_domain::projects::Visibility;
use ymarfer_domain::{Action, Pence, Resource, can};
use ymarfer_store::ledger::Claim;
use ymarfer_store::programmes::Programme;

pub struct ClaimRow {
    pub href: String,
    pub organisation: String,
    pub project: String,
    pub description: String,
    pub first_year: String,
    /// What deserves a second look, if anything.
    pub concerns: Vec<String>,
}

#[derive(Template)]
#[template(path = "ledger/claims.html")]
struct QueuePage {
    page: Page,
    programme: Programme,
    rows: Vec<ClaimRow>,
    notice: Option<String>,
}

/// The claims of a programme that the viewer may verify, oldest first.
pub async fn verifiable_claims(
    state: &AppState,
    viewer: &Viewer,
    p: &Programme,
) -> Result<Vec<Claim>, AppError> {
    // Verifying needs no relation to the firm, only a staff role in its cohort.
    let nobody = Relation::none();
    Ok(state
        .db
        .claims_in(p.id)
        .await?
        .into_iter()
        .filter(|claim| {
            let facts = nobody.facts(p.id, claim.cohort_id, 0, Visibility::Private, false);
            can(
                viewer.actor(),
                Action::VerifyBenefit,
                Resource::Project(facts),
            )
            .allowed()
        })
        .collect())
}

pub async fn queue(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    axum::extract::Query(q): axum::extract::Query<super::programmes::DoneQuery>,
) -> AppResult {
    let notice = page.done_notice(q.done.as_deref());
    let p = context::programme(&state, &viewer, &slug, Action::ReviewClaims).await?;
    let tr = page.tr;
    let rate = Pence(p.default_hourly_rate_pence);
    let capture = capture(&p);
    let verified = crate::report::verified_values(&state.db, &p).await?;
    let mut rows = Vec::new();
    for claim in verifiable_claims(&state, &viewer, &p).await? {
        let Some(line) = line_of(&claim.v, claim.organisation_rate) else {
            continue;
        };
        let value = line.first_year_value(rate, capture);
        let concerns = ymarfer_domain::ledger::concerns(value, claim.employee_band, &verified)
            .into_iter()
            .map(|c| tr.t(&format!("{}-short", c.message_id())))
            .collect();
        rows.push(ClaimRow {
            href: page.href(&format!(
                "projects/{}/benefits/{}/verify?from=queue",
                claim.project_id, claim.v.line_id
            )),
            organisation: claim.organisation_name,
            project: claim.project_title,
            description: claim.v.description,
            first_year: tr.money(value),
            concerns,
        });
    }
    let mut page = page;
    page.title = page.t1("claims-title", "name", page.pick(&p.name_en, &p.name_cy));
    render(&QueuePage {
        page,
        programme: p,
        rows,
        notice,
    })
}
