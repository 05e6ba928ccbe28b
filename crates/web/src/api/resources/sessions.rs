//! Cohort sessions and their attendance register.

use crate::api::error::{ApiError, ApiResult, ErrorBody, validate};
use crate::api::extract::{ApiJson, ApiPath};
use crate::context;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::handlers::ClientAddr;
use crate::page::Viewer;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::i18n::Tr;
use ymarfer_domain::Action;
use ymarfer_domain::programme::Attendance;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Mark {
    #[serde(deserialize_with = "crate::api::extract::whole_number")]
    pub user_id: i64,
    /// `present`, `apologies` or `absent`.
    #[schema(value_type = crate::codes::Attendance)]
    pub status: Attendance,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionOut {
    pub id: i64,
    pub title: String,
    #[schema(value_type = crate::codes::SessionKind)]
    pub kind: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    /// The register, for those who keep it (the cohort's staff).
    pub attendance: Option<Vec<Mark>>,
}

#[utoipa::path(get, path = "/programmes/{p}/cohorts/{c}/sessions", tag = "sessions",
    operation_id = "list_sessions",
    params(
        ("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
        ("c" = String, Path, description = "The cohort's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
    ),
    responses(
        (status = 200, description = "The cohort's sessions, with the register for its staff", body = Vec<SessionOut>),
        (status = 403, description = "The token's person may not see the cohort", body = ErrorBody),
        (status = 404, description = "No such cohort, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn sessions(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath((slug, cslug)): ApiPath<(String, String)>,
) -> ApiResult<Json<Vec<SessionOut>>> {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewCohort).await?;
    let keeps_register = context::may(&viewer, Action::ViewRegister, programme.id, cohort.id);
    let marks = if keeps_register {
        state.db.attendance_of_cohort(cohort.id).await?
    } else {
        Vec::new()
    };
    let items = state
        .db
        .meetings_of(cohort.id)
        .await?
        .into_iter()
        .map(|m| SessionOut {
            attendance: keeps_register.then(|| {
                marks
                    .iter()
                    .filter(|a| a.session_id == m.id)
                    .map(|a| Mark {
                        user_id: a.user_id,
                        status: a.status,
                    })
                    .collect()
            }),
            id: m.id,
            title: m.title,
            kind: m.kind.as_str().to_string(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location,
        })
        .collect();
    Ok(Json(items))
}

/// A session's whole register, replacing what was recorded.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Register {
    pub marks: Vec<Mark>,
}

#[utoipa::path(put, path = "/programmes/{p}/cohorts/{c}/sessions/{s}/attendance", tag = "sessions",
    operation_id = "record_attendance",
    params(
        ("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
        ("c" = String, Path, description = "The cohort's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
        ("s" = i64, Path, description = "The session's id"),
    ),
    request_body = Register,
    responses(
        (status = 200, description = "The register as recorded", body = Vec<Mark>),
        (status = 400, description = "Not an id, or a body that is not the JSON asked for (a status other than present, apologies or absent)", body = ErrorBody),
        (status = 403, description = "The token may not keep the cohort's register", body = ErrorBody),
        (status = 404, description = "No such session, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A mark was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn record_attendance(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    ApiPath((slug, cslug, id)): ApiPath<(String, String, i64)>,
    ApiJson(body): ApiJson<Register>,
) -> ApiResult<Json<Vec<Mark>>> {
    let (_, cohort) = context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    if state.db.meeting(cohort.id, id).await?.is_none() {
        return Err(ApiError::not_found());
    }
    let active: Vec<i64> = state
        .db
        .enrolled(cohort.id)
        .await?
        .into_iter()
        .filter(|e| e.is_active())
        .map(|e| e.user_id)
        .collect();
    // Each refused mark named, in both languages, before the act is asked.
    let marks = validate(|tr: Tr| {
        let mut errors = FieldErrors::default();
        let mut marks: Vec<(i64, Attendance)> = Vec::new();
        for m in &body.marks {
            if !active.contains(&m.user_id) {
                errors.add("marks", tr.t("api-error-not-enrolled"));
            } else if marks.iter().any(|(u, _)| *u == m.user_id) {
                errors.add("marks", tr.t("api-error-twice"));
            } else {
                marks.push((m.user_id, m.status));
            }
        }
        if errors.is_empty() {
            Ok(marks)
        } else {
            Err(errors)
        }
    })?;
    let acting = Acting::person(viewer.actor(), Door::Api, address);
    let register = ymarfer_app::sessions::take_register(&state, &acting, &cohort, id, &marks)
        .await
        .map_err(AppError::from_app)?;
    Ok(Json(
        register
            .marks
            .into_iter()
            .map(|(user_id, status)| Mark { user_id, status })
            .collect(),
    ))
}
