//! Reviewing a claim: verifying, returning or rejecting it, and reopening a
//! verified line (`/projects/{id}/benefits/{line}/verify`, `…/reopen`).

use super::form::{BenefitForm, FormPage, line_history};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::handlers::{FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::claims::{self, Decision, NOTE_MAX, Outcome, Seen};
use ymarfer_app::i18n::Tr;
use ymarfer_app::projects::ProjectCtx;
use ymarfer_app::projects::project_for;
use ymarfer_domain::impact::Status;
use ymarfer_domain::{Action, Pence};
use ymarfer_store::ledger::BenefitVersion;

/// The project, if the viewer may verify its lines, when `line` is one of them.
async fn verifiable_line(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    line: i64,
) -> Result<ProjectCtx, AppError> {
    let ctx = project_for(
        state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::VerifyBenefit,
    )
    .await?;
    if state.db.benefit_line_project(line).await? != Some(id) {
        return Err(AppError::NOT_FOUND);
    }
    Ok(ctx)
}

/// The version of a line a person saw, as a form carries it.
fn seen_version(text: &str) -> Result<i64, AppError> {
    text.trim().parse().map_err(|_| AppError::BAD_REQUEST)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VerifyForm {
    /// The version the verifier saw.
    version: String,
    /// `verify` (the default), `query` (a question to the claimant), `return`
    /// (to the claimant for rework) or `reject`.
    decision: String,
    /// Why the verifier is satisfied: required.
    note: String,
    /// "queue" when the verifier came from the queue of claims, to go back to it.
    from: String,
}

#[derive(Deserialize, Default)]
pub struct FromQuery {
    #[serde(default)]
    from: String,
}

#[derive(Template)]
#[template(path = "ledger/verify.html")]
struct VerifyPage {
    page: Page,
    ctx: ProjectCtx,
    line: i64,
    version: i64,
    v: BenefitVersion,
    first_year: String,
    computation: String,
    concerns: Vec<String>,
    /// The project's evidence, counted, and how it stands against the claim.
    evidence: (String, String),
    /// Whether the evidence does not back the claim.
    evidence_flagged: bool,
    readings: Vec<(String, String)>,
    changes: Vec<(String, String)>,
    history: Vec<BenefitVersion>,
    note: String,
    /// The decision chosen: `verify`, `return` or `reject`.
    decision: String,
    errors: FieldErrors,
    /// Where the verifier came from ("queue" or "queue/COHORT"), to return to.
    from: String,
}

/// A form's choice; none given means verify, as the form did before it offered a choice.
fn parse_decision(text: &str) -> Option<Decision> {
    match text.trim() {
        "" => Some(Decision::Verify),
        code => Decision::parse(code),
    }
}

impl VerifyPage {
    fn decisions(&self) -> Vec<(&'static str, String)> {
        Decision::ALL
            .iter()
            .map(|d| (d.code(), self.page.t(d.message_id())))
            .collect()
    }
    fn status_name(&self, status: &Status) -> String {
        self.page.t(status.message_id())
    }
    fn category_name(&self) -> String {
        self.page.t(self.v.category.message_id())
    }
}

/// What a verifier needs beside the line: its first-year value and how it is
/// worked out, what questions it raises, and the project's evidence.
async fn verify_page(
    state: &AppState,
    page: Page,
    ctx: ProjectCtx,
    line: i64,
    (decision, note): (String, String),
    errors: FieldErrors,
    from: String,
) -> Result<VerifyPage, AppError> {
    let tr = page.tr;
    let history = line_history(state, ctx.project.id, line).await?;
    let v = history.last().cloned().ok_or(AppError::NOT_FOUND)?;
    let org = state
        .db
        .organisation_by_id(ctx.project.organisation_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let programme_rate = Pence(ctx.programme.default_hourly_rate_pence);
    let capture = ymarfer_app::report::capture(&ctx.programme);
    let l = v.line(org.hourly_rate_pence).ok_or(AppError::NOT_FOUND)?;
    let value = l.first_year_value(programme_rate, capture);
    let periods = v.frequency.periods_per_year().to_string();
    let frequency = tr.t(v.frequency.message_id());
    let computation = match l.value {
        ymarfer_domain::impact::LineValue::Amount(amount) => tr.args(
            "verify-computation-amount",
            &[
                ("amount", tr.money(amount)),
                ("periods", periods),
                ("frequency", frequency),
                ("value", tr.money(value)),
            ],
        ),
        ymarfer_domain::impact::LineValue::Hours { hours, line_rate } => tr.args(
            "verify-computation-hours",
            &[
                ("hours", hours.to_string()),
                (
                    "rate",
                    tr.money(ymarfer_domain::impact::resolve_rate(
                        line_rate,
                        l.organisation_rate,
                        programme_rate,
                    )),
                ),
                ("capture", capture.to_string()),
                ("periods", periods),
                ("frequency", frequency),
                ("value", tr.money(value)),
            ],
        ),
    };
    let verified = ymarfer_app::report::verified_median(&state.db, &ctx.programme).await?;
    let concerns = ymarfer_domain::ledger::concerns(value, org.employee_band, verified)
        .into_iter()
        .map(|c| match c {
            ymarfer_domain::ledger::Concern::LargeForSize { band, ceiling } => tr.args(
                c.message_id(),
                &[
                    ("band", tr.t(band.message_id())),
                    ("ceiling", tr.money(ceiling)),
                ],
            ),
            ymarfer_domain::ledger::Concern::FarAboveOthers { median } => tr.args(
                c.message_id(),
                &[
                    ("median", tr.money(median)),
                    (
                        "times",
                        ymarfer_domain::ledger::FAR_ABOVE_MEDIAN.to_string(),
                    ),
                ],
            ),
        })
        .collect();
    let (held, fit) = ymarfer_app::claims::evidence_of(state, ctx.project.id, v.category).await?;
    let evidence = (
        crate::views::claims::evidence_counts(tr, &held),
        crate::views::claims::evidence_fit(tr, &held, fit, v.category),
    );
    let readings = state
        .db
        .readings(ctx.project.id)
        .await?
        .iter()
        .map(|r| {
            (
                tr.day(r.taken_on),
                ymarfer_app::i18n::format_hundredths(r.value),
            )
        })
        .collect();
    let changes = state
        .db
        .cycles(ctx.project.id)
        .await?
        .into_iter()
        .map(|c| {
            let decision = c
                .decision
                .map(|d| tr.t(d.message_id()))
                .unwrap_or_else(|| tr.t("cycle-open"));
            (c.change_idea, decision)
        })
        .collect();
    let mut page = page;
    page.title = page.t1("verify-title", "line", &v.description);
    Ok(VerifyPage {
        page,
        line,
        version: v.version,
        first_year: tr.money(value),
        computation,
        concerns,
        evidence,
        evidence_flagged: fit.flagged(),
        readings,
        changes,
        history,
        note,
        decision: parse_decision(&decision)
            .unwrap_or(Decision::Verify)
            .code()
            .to_string(),
        errors,
        from,
        v,
        ctx,
    })
}

/// The verification page of a line: what it claims, how it is worked out, the
/// evidence, and a note to write before verifying.
pub async fn verify_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, line)): Path<(i64, i64)>,
    Query(q): Query<FromQuery>,
) -> AppResult {
    let ctx = verifiable_line(&state, &viewer, id, line).await?;
    let p = verify_page(
        &state,
        page,
        ctx,
        line,
        (String::new(), String::new()),
        FieldErrors::default(),
        q.from,
    )
    .await?;
    render(&p)
}

/// Facilitators and programme managers review a line: verify it, send it back
/// to the claimant for rework, or reject it; the version they saw, and only if
/// it is still the latest. The act records who, when and why.
pub async fn verify(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path((id, line)): Path<(i64, i64)>,
    FormData(form): FormData<VerifyForm>,
) -> AppResult {
    let ctx = verifiable_line(&state, &viewer, id, line).await?;
    let seen = seen_version(&form.version)?;
    let mut errors = FieldErrors::default();
    let decision = parse_decision(&form.decision);
    if decision.is_none() {
        errors.add("decision", page.t("review-decision-required"));
    }
    let note = parse::text(page.tr, &mut errors, "note", &form.note, NOTE_MAX, true);
    let Some(decision) = decision.filter(|_| errors.is_empty()) else {
        let p = verify_page(
            &state,
            page,
            ctx,
            line,
            (form.decision.clone(), form.note.clone()),
            errors,
            form.from.clone(),
        )
        .await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    let seen_line = Seen {
        project: id,
        line,
        version: seen,
        note: &note,
    };
    let outcome = match decision {
        Decision::Verify => claims::verify(&state, &acting, seen_line).await?,
        Decision::Query => claims::query(&state, &acting, seen_line).await?,
        Decision::Return => claims::return_claim(&state, &acting, seen_line).await?,
        Decision::Reject => claims::reject(&state, &acting, seen_line).await?,
    };
    let done = decision.done();
    match outcome {
        // From a queue, back to it for the next claim; else to the project.
        Outcome::Done | Outcome::AlreadyDone => Ok(see_other(
            &page.href(
                &crate::views::claims::queue_return(&ctx.programme, &form.from, done)
                    .unwrap_or_else(|| format!("projects/{id}?done={done}#ledger")),
            ),
        )),
        Outcome::NotOpen { .. } => {
            // Returned for rework, rejected or verified already: nothing to review.
            let mut errors = FieldErrors::default();
            errors.add("form", page.t("claim-review-not-open"));
            let p = verify_page(
                &state,
                page,
                ctx,
                line,
                (form.decision.clone(), form.note.clone()),
                errors,
                form.from.clone(),
            )
            .await?;
            render_status(StatusCode::CONFLICT, &p)
        }
        Outcome::Changed { seen, current } => {
            // Someone changed the line since the verifier looked: show the change.
            let history = line_history(&state, id, line).await?;
            let form = history
                .last()
                .map(BenefitForm::from_version)
                .unwrap_or_default();
            let mut errors = FieldErrors::default();
            errors.add(
                "form",
                page.args(
                    "benefit-verify-changed",
                    [("seen", seen.to_string()), ("current", current.to_string())],
                ),
            );
            let action = page.href(&format!("projects/{id}/benefits/{line}"));
            render_status(
                StatusCode::CONFLICT,
                &FormPage {
                    page: page.titled("benefit-edit-title"),
                    ctx,
                    action,
                    form,
                    errors,
                    history,
                },
            )
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReopenForm {
    /// The version the person saw.
    version: String,
    /// Why the line goes back to claimed: required.
    reason: String,
}

#[derive(Template)]
#[template(path = "ledger/reopen.html")]
struct ReopenPage {
    page: Page,
    ctx: ProjectCtx,
    line: i64,
    v: BenefitVersion,
    verified: String,
    reason: String,
    errors: FieldErrors,
}

async fn reopen_page(
    state: &AppState,
    page: Page,
    ctx: ProjectCtx,
    line: i64,
    reason: String,
    errors: FieldErrors,
) -> Result<ReopenPage, AppError> {
    let history = line_history(state, ctx.project.id, line).await?;
    let v = history.last().cloned().ok_or(AppError::NOT_FOUND)?;
    if v.status != Status::Verified {
        return Err(AppError::NOT_FOUND);
    }
    let verified = verified_by(page.tr, &v).unwrap_or_default();
    let mut page = page;
    page.title = page.t1("reopen-title", "line", &v.description);
    Ok(ReopenPage {
        page,
        ctx,
        line,
        v,
        verified,
        reason,
        errors,
    })
}

/// Returning a verified line to claimed: an explicit act with a reason.
pub async fn reopen_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((id, line)): Path<(i64, i64)>,
) -> AppResult {
    let ctx = verifiable_line(&state, &viewer, id, line).await?;
    let p = reopen_page(
        &state,
        page,
        ctx,
        line,
        String::new(),
        FieldErrors::default(),
    )
    .await?;
    render(&p)
}

pub async fn reopen(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path((id, line)): Path<(i64, i64)>,
    FormData(form): FormData<ReopenForm>,
) -> AppResult {
    let ctx = verifiable_line(&state, &viewer, id, line).await?;
    let seen = seen_version(&form.version)?;
    let mut errors = FieldErrors::default();
    let reason = parse::text(page.tr, &mut errors, "reason", &form.reason, NOTE_MAX, true);
    if !errors.is_empty() {
        let p = reopen_page(&state, page, ctx, line, form.reason.clone(), errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let acting = Acting::person(viewer.actor(), Door::Page, addr.clone());
    let seen_line = Seen {
        project: id,
        line,
        version: seen,
        note: &reason,
    };
    match claims::reopen(&state, &acting, seen_line).await? {
        Outcome::Done | Outcome::AlreadyDone | Outcome::NotOpen { .. } => Ok(see_other(
            &page.href(&format!("projects/{id}?done=reopened#ledger")),
        )),
        Outcome::Changed { .. } => {
            // Changed since the person looked: show them the line as it is now.
            Ok(see_other(
                &page.href(&format!("projects/{id}/benefits/{line}")),
            ))
        }
    }
}

/// "Verified by whom, when, with what note", for a verified version.
fn verified_by(tr: Tr, v: &BenefitVersion) -> Option<String> {
    v.verified_at.map(|at| {
        tr.args(
            "benefit-verified-by",
            &[
                (
                    "name",
                    v.verifier_name.clone().unwrap_or_else(|| "—".into()),
                ),
                ("date", tr.date(at)),
                ("note", v.verify_note.clone().unwrap_or_default()),
            ],
        )
    })
}
