//! A programme's impact report.

use crate::api::error::{ApiResult, ErrorBody};
use crate::api::extract::ApiPath;
use crate::context;
use crate::page::Viewer;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use ymarfer_app::i18n::Tr;
use ymarfer_app::report::ImpactReport;
use ymarfer_domain::Action;

#[utoipa::path(get, path = "/programmes/{p}/impact", tag = "impact",
    operation_id = "get_impact",
    params(("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60)),
    responses(
        (status = 200, description = "The programme's impact report, by the impact method", body = ImpactReport),
        (status = 403, description = "The token's person may not see the programme's figures", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn impact(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(slug): ApiPath<String>,
) -> ApiResult<Json<ImpactReport>> {
    let p = context::programme(&state, &viewer, &slug, Action::ViewAggregates).await?;
    let (report, _) =
        ymarfer_app::report::impact_report(&state.db, Tr(ymarfer_domain::Lang::En), &p, None)
            .await
            .map_err(crate::error::AppError::from)?;
    Ok(Json(report))
}

/// Which quarter of the UK financial year a return is for.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// The quarter, such as `2026-q1` (April to June 2026); the current
    /// quarter unless given.
    #[param(pattern = r"^[0-9]{4}-[qQ][1-4]$")]
    pub period: Option<String>,
}

#[utoipa::path(get, path = "/programmes/{p}/returns", tag = "impact",
    operation_id = "get_funder_return",
    params(("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60), PeriodQuery),
    responses(
        (status = 200, description = "The programme's funder return for the quarter: each indicator with its count and the firms behind it (each firm once per indicator), and each firm's value of support against the minimal financial assistance limit", body = ymarfer_app::returns::FundersReturn),
        (status = 400, description = "A period that is not a quarter", body = ErrorBody),
        (status = 403, description = "The token's person may not see the programme's detailed reports", body = ErrorBody),
        (status = 404, description = "No such programme, or not one the token may see", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn funder_return(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath(slug): ApiPath<String>,
    crate::api::extract::ApiQuery(q): crate::api::extract::ApiQuery<PeriodQuery>,
) -> ApiResult<Json<ymarfer_app::returns::FundersReturn>> {
    let p = context::programme(&state, &viewer, &slug, Action::DownloadReports).await?;
    let quarter = match q.period.as_deref() {
        None => ymarfer_app::returns::default_quarter(),
        Some(code) => ymarfer_domain::returns::Quarter::parse(code)
            .ok_or_else(crate::api::error::ApiError::bad_request)?,
    };
    let acting = viewer.acting(ymarfer_app::acting::Door::Api, "");
    Ok(Json(
        ymarfer_app::returns::quarterly_return(&state, &acting, &p, quarter).await?,
    ))
}
