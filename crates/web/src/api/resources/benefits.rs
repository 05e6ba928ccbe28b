//! A project's benefits ledger: every line with every version.

use crate::api::error::{ApiError, ApiResult, ErrorBody, validate};
use crate::api::extract::{ApiJson, ApiPath};
use crate::forms::FieldErrors;
use crate::handlers::benefits::form::BenefitForm;
use crate::page::Viewer;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use ymarfer_app::acting::Door;
use ymarfer_app::i18n::Tr;
use ymarfer_app::projects::{ProjectCtx, project_for};
use ymarfer_domain::Action;
use ymarfer_domain::Pence;
use ymarfer_domain::impact::{Status, resolve_rate};
use ymarfer_store::ledger::{BenefitVersion, Claimed};

/// One version of a benefit line: a line's claimed, verified and reopened
/// states are each kept, never overwritten.
#[derive(Debug, Serialize, ToSchema)]
pub struct BenefitVersionOut {
    pub version: i64,
    pub description: String,
    #[schema(value_type = crate::codes::Category)]
    pub category: String,
    #[schema(value_type = crate::codes::SavingsType)]
    pub savings_type: String,
    #[schema(value_type = crate::codes::Frequency)]
    pub frequency: String,
    pub starts_on: NaiveDate,
    /// `forecast`, `claimed`, `verified`, `returned` (sent back to the
    /// claimant for rework) or `rejected`.
    #[schema(value_type = crate::codes::LineStatus)]
    pub status: String,
    pub amount_pence: Option<i64>,
    pub hours_hundredths: Option<i64>,
    pub hourly_rate_pence: Option<i64>,
    pub energy_kwh_milli: i64,
    pub waste_kg_milli: i64,
    pub fuel_litres_milli: i64,
    pub verified_at: Option<DateTime<Utc>>,
    pub verify_note: Option<String>,
    /// Why this version was made, when a person said: why a claim was sent
    /// back, rejected or reopened.
    pub change_note: Option<String>,
    /// Who made this version (a claim, an edit, a review), if still known.
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// Its first-year value in pence, by the impact method, as the ledger
    /// counts it.
    pub first_year_pence: Option<i64>,
    /// For hours: the rate in pence an hour that values them. For a verified
    /// version, the rate recorded when it was verified; otherwise the rate in
    /// force (the line's own, else the organisation's, else the programme's).
    /// None for an amount.
    pub valued_rate_pence: Option<i64>,
    /// For hours: the capture factor in thousandths that applies to them. For
    /// a verified version, the factor recorded when it was verified; otherwise
    /// the programme's. So hours × rate × capture × periods a year ÷ 100,000,
    /// rounded half away from zero, is the first-year value. None for an amount.
    pub capture_thousandths: Option<i64>,
}

/// A line of the project's benefits ledger with every version, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct BenefitLineOut {
    pub line_id: i64,
    pub versions: Vec<BenefitVersionOut>,
}

/// The rates that value a project's lines today: the organisation's hourly
/// rate, the programme's and its capture factor.
#[derive(Debug, Clone, Copy)]
struct Rates {
    organisation: Option<i64>,
    programme: i64,
    capture: i64,
}

async fn rates(state: &AppState, ctx: &ProjectCtx) -> ApiResult<Rates> {
    let organisation = state
        .db
        .organisation_by_id(ctx.project.organisation_id)
        .await?
        .and_then(|o| o.hourly_rate_pence);
    Ok(Rates {
        organisation,
        programme: ctx.programme.default_hourly_rate_pence,
        capture: ctx.programme.capture_factor_thousandths,
    })
}

fn version_out(v: BenefitVersion, rates: Rates) -> BenefitVersionOut {
    let recorded = v
        .valued_rate_pence
        .zip(v.capture_thousandths)
        .filter(|_| v.status == Status::Verified);
    let (valued_rate_pence, capture_thousandths) = match (v.amount_pence, v.hours_hundredths) {
        (None, Some(_)) => match recorded {
            Some((rate, capture)) => (Some(rate), Some(capture)),
            None => (
                Some(
                    resolve_rate(
                        v.hourly_rate_pence.map(Pence),
                        rates.organisation.map(Pence),
                        Pence(rates.programme),
                    )
                    .0,
                ),
                Some(rates.capture),
            ),
        },
        _ => (None, None),
    };
    BenefitVersionOut {
        first_year_pence: v.first_year_pence,
        valued_rate_pence,
        capture_thousandths,
        version: v.version,
        description: v.description,
        category: v.category.as_str().to_string(),
        savings_type: v.savings_type.as_str().to_string(),
        frequency: v.frequency.as_str().to_string(),
        starts_on: v.starts_on,
        status: v.status.as_str().to_string(),
        amount_pence: v.amount_pence,
        hours_hundredths: v.hours_hundredths,
        hourly_rate_pence: v.hourly_rate_pence,
        energy_kwh_milli: v.energy_kwh_milli,
        waste_kg_milli: v.waste_kg_milli,
        fuel_litres_milli: v.fuel_litres_milli,
        verified_at: v.verified_at,
        verify_note: v.verify_note,
        change_note: v.change_note,
        created_by: v.created_by,
        created_at: v.created_at,
    }
}

#[utoipa::path(get, path = "/projects/{id}/benefits", tag = "projects",
    operation_id = "list_benefits",
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's benefits ledger, each line with its versions", body = Vec<BenefitLineOut>),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 403, description = "The token's person may see the project but not its ledger (only its organisation's people and the cohort's staff may)", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn benefits(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<BenefitLineOut>>> {
    // The ledger, claims and every version, only to those the project page
    // shows it to.
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Api, ""),
        id,
        Action::ViewLedger,
    )
    .await?;
    let rates = rates(&state, &ctx).await?;
    let mut lines: Vec<BenefitLineOut> = Vec::new();
    let mut history = state.db.benefit_history(id).await?;
    history.sort_by_key(|v| (v.line_id, v.version));
    for v in history {
        match lines.last_mut() {
            Some(line) if line.line_id == v.line_id => line.versions.push(version_out(v, rates)),
            _ => lines.push(BenefitLineOut {
                line_id: v.line_id,
                versions: vec![version_out(v, rates)],
            }),
        }
    }
    Ok(Json(lines))
}

#[utoipa::path(post, path = "/projects/{id}/benefits", tag = "projects",
    operation_id = "add_benefit",
    params(("id" = i64, Path, description = "The project's id")),
    request_body = BenefitForm,
    responses(
        (status = 200, description = "The project's ledger holds this line already (the same description, start, category and amount or hours): it is given back, unchanged", body = BenefitLineOut),
        (status = 201, description = "The line, forecast or claimed", body = BenefitLineOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 403, description = "The token may not change this project", body = ErrorBody),
        (status = 404, description = "No such project, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn add_benefit(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<BenefitForm>,
) -> ApiResult<(StatusCode, Json<BenefitLineOut>)> {
    let acting = viewer.acting(Door::Api, "");
    let ctx = project_for(&state, &acting, id, Action::EditProject).await?;
    let rates = rates(&state, &ctx).await?;
    let input = validate(|tr: Tr| body.validate(tr))?;
    // A line the ledger holds already is answered with, unchanged.
    let (status, line_id) = match ymarfer_app::benefits::add(&state, &acting, id, &input).await? {
        Claimed::New(line) => (StatusCode::CREATED, line),
        Claimed::Exists(line) => (StatusCode::OK, line),
    };
    let versions = state
        .db
        .benefit_line_versions(line_id)
        .await?
        .into_iter()
        .map(|v| version_out(v, rates))
        .collect();
    Ok((status, Json(BenefitLineOut { line_id, versions })))
}

/// A reviewer's decision on a claimed line.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ReviewBody {
    /// The version of the line the reviewer saw: the review is refused (409)
    /// if the line has changed since.
    #[serde(deserialize_with = "crate::api::extract::whole_number")]
    pub version: i64,
    /// `verify`, `query` (a question to the claimant, who answers on the
    /// claim), `return` (to the claimant for rework) or `reject`.
    #[schema(value_type = crate::codes::ReviewDecision)]
    pub decision: String,
    /// Why the reviewer is satisfied, the question, or why the claim goes
    /// back or is rejected: required, at most 1,000 characters.
    pub note: String,
}

#[utoipa::path(post, path = "/projects/{id}/benefits/{line}/review", tag = "projects",
    operation_id = "review_benefit",
    params(
        ("id" = i64, Path, description = "The project's id"),
        ("line" = i64, Path, description = "The line's id"),
    ),
    request_body = ReviewBody,
    responses(
        (status = 200, description = "The line with every version: verified, or a new version queried, returned for rework or rejected, with who, when and why. Sending the same review again changes nothing.", body = BenefitLineOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 403, description = "The token's person may not review this project's claims (only the cohort's facilitators and the programme's managers may), or the token is read-only", body = ErrorBody),
        (status = 404, description = "No such project or line, or not one the token may see", body = ErrorBody),
        (status = 409, description = "The line has changed since the version sent, or is not waiting for review", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn review_benefit(
    State(state): State<AppState>,
    viewer: Viewer,
    addr: crate::handlers::ClientAddr,
    ApiPath((id, line)): ApiPath<(i64, i64)>,
    ApiJson(body): ApiJson<ReviewBody>,
) -> ApiResult<Json<BenefitLineOut>> {
    use ymarfer_app::acting::{Acting, Door};
    use ymarfer_app::claims::{self, Seen};
    // Who may review is asked before what they sent is read; the act asks again.
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Api, ""),
        id,
        Action::VerifyBenefit,
    )
    .await?;
    let decision = claims::Decision::parse(&body.decision);
    let note = validate(|tr: Tr| {
        let mut errors = FieldErrors::default();
        if decision.is_none() {
            errors.add("decision", tr.t("review-decision-required"));
        }
        let note = crate::parse::text(tr, &mut errors, "note", &body.note, claims::NOTE_MAX, true);
        if errors.is_empty() {
            Ok(note)
        } else {
            Err(errors)
        }
    })?;
    let acting = Acting::person(viewer.actor(), Door::Api, addr.0.clone());
    let seen = Seen {
        project: id,
        line,
        version: body.version,
        note: &note,
    };
    let Some(decision) = decision else {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "review-decision-required",
        ));
    };
    use claims::Decision;
    let outcome = match decision {
        Decision::Verify => claims::verify(&state, &acting, seen).await,
        Decision::Query => claims::query(&state, &acting, seen).await,
        Decision::Return => claims::return_claim(&state, &acting, seen).await,
        Decision::Reject => claims::reject(&state, &acting, seen).await,
    }
    .map_err(|e| ApiError::from(crate::error::AppError::from_app(e)))?;
    line_after(&state, &ctx, line, outcome).await
}

/// The claimant's answer to a reviewer's question.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct AnswerBody {
    /// The version of the line (the question) the claimant saw: the answer
    /// is refused (409) if the line has changed since.
    #[serde(deserialize_with = "crate::api::extract::whole_number")]
    pub version: i64,
    /// The answer: required, at most 1,000 characters.
    pub answer: String,
}

#[utoipa::path(post, path = "/projects/{id}/benefits/{line}/answer", tag = "projects",
    operation_id = "answer_query",
    params(
        ("id" = i64, Path, description = "The project's id"),
        ("line" = i64, Path, description = "The line's id"),
    ),
    request_body = AnswerBody,
    responses(
        (status = 200, description = "The line with every version: a new version, claimed again, carrying the answer. The reviewer who asked is told. Sending the same answer again changes nothing.", body = BenefitLineOut),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for", body = ErrorBody),
        (status = 403, description = "The token's person may not edit this project, or the token is read-only", body = ErrorBody),
        (status = 404, description = "No such project or line, or not one the token may see", body = ErrorBody),
        (status = 409, description = "The line has changed since the version sent, or has no question waiting", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn answer_query(
    State(state): State<AppState>,
    viewer: Viewer,
    addr: crate::handlers::ClientAddr,
    ApiPath((id, line)): ApiPath<(i64, i64)>,
    ApiJson(body): ApiJson<AnswerBody>,
) -> ApiResult<Json<BenefitLineOut>> {
    use ymarfer_app::acting::{Acting, Door};
    use ymarfer_app::claims::{self, Seen};
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Api, ""),
        id,
        Action::EditProject,
    )
    .await?;
    let answer = validate(|tr: Tr| {
        let mut errors = FieldErrors::default();
        let answer = crate::parse::text(
            tr,
            &mut errors,
            "answer",
            &body.answer,
            claims::NOTE_MAX,
            true,
        );
        if errors.is_empty() {
            Ok(answer)
        } else {
            Err(errors)
        }
    })?;
    let acting = Acting::person(viewer.actor(), Door::Api, addr.0.clone());
    let seen = Seen {
        project: id,
        line,
        version: body.version,
        note: &answer,
    };
    let outcome = claims::answer(&state, &acting, seen)
        .await
        .map_err(|e| ApiError::from(crate::error::AppError::from_app(e)))?;
    line_after(&state, &ctx, line, outcome).await
}

/// The line with every version once a review or answer is done; 409 when it
/// had changed since the version sent, or was not open to it.
async fn line_after(
    state: &AppState,
    ctx: &ProjectCtx,
    line: i64,
    outcome: ymarfer_app::claims::Outcome,
) -> ApiResult<Json<BenefitLineOut>> {
    use ymarfer_app::claims::Outcome;
    match outcome {
        Outcome::Done | Outcome::AlreadyDone => {}
        Outcome::Changed { .. } => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "api-error-review-changed",
            ));
        }
        Outcome::NotOpen { .. } => {
            return Err(ApiError::new(StatusCode::CONFLICT, "claim-review-not-open"));
        }
    }
    let rates = rates(state, ctx).await?;
    let versions = state
        .db
        .benefit_line_versions(line)
        .await?
        .into_iter()
        .map(|v| version_out(v, rates))
        .collect();
    Ok(Json(BenefitLineOut {
        line_id: line,
        versions,
    }))
}
