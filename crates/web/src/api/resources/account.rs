//! The token's person and what the token lets them do.

use crate::api::error::ApiResult;
use crate::api::extract::viewer_of;
use crate::page::Viewer;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// The token's person and what the token lets them do.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub user_id: i64,
    pub display_name: String,
    /// `en` or `cy`: the language they chose.
    #[schema(value_type = crate::codes::Language)]
    pub language: String,
    /// Whether the token may change things, or only read.
    pub write: bool,
    /// The one programme the token is limited to, if it is.
    pub programme_id: Option<i64>,
}

#[utoipa::path(get, path = "/me", tag = "account",
    operation_id = "me",
    responses(
        (status = 200, description = "The token's person and scope", body = Me),
    ),
    security(("token" = [])))]
pub async fn me(viewer: Viewer) -> ApiResult<Json<Me>> {
    let me = viewer_of(&viewer)?;
    let token = me.actor.token.unwrap_or(ymarfer_domain::authz::TokenScope {
        write: false,
        programme: None,
    });
    Ok(Json(Me {
        user_id: me.user.id,
        display_name: me.user.display_name.clone(),
        language: me.user.lang().code().to_string(),
        write: token.write,
        programme_id: token.programme,
    }))
}
