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
