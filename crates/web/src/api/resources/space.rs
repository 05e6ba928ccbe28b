//! Posting in a cohort's space.

use crate::api::error::{ApiResult, ErrorBody, validate};
use crate::api::extract::{ApiJson, ApiPath};
use crate::forms::FieldErrors;
use crate::page::Viewer;
use crate::state::AppState;
use crate::{context, parse};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::i18n::Tr;
use ymarfer_domain::space::BODY_MAX;
use ymarfer_domain::{Action, Lang};

/// A post: its words and the language they are in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct PostForm {
    /// What to say, as on the space's page; `@name` tells that person.
    pub body: String,
    /// `en` or `cy`: the language it is written in; the token's person's
    /// language unless given.
    #[schema(value_type = crate::codes::Language)]
    pub lang: String,
}

/// A post, as posted.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostOut {
    pub id: i64,
    pub cohort_id: i64,
    pub body: String,
    #[schema(value_type = crate::codes::Language)]
    pub lang: String,
}

#[utoipa::path(post, path = "/programmes/{p}/cohorts/{c}/posts", tag = "space",
    operation_id = "add_post",
    params(
        ("p" = String, Path, description = "The programme's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
        ("c" = String, Path, description = "The cohort's slug", pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 60),
    ),
    request_body = PostForm,
    responses(
        (status = 201, description = "The post, in the cohort's space", body = PostOut),
        (status = 400, description = "A body that is not the JSON asked for", body = ErrorBody),
        (status = 403, description = "The token may not post in the cohort's space", body = ErrorBody),
        (status = 404, description = "No such cohort, or not one the token may see", body = ErrorBody),
        (status = 422, description = "A field was refused; each is named", body = ErrorBody),
    ),
    security(("token" = [])))]
pub async fn add_post(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiPath((slug, cslug)): ApiPath<(String, String)>,
    ApiJson(form): ApiJson<PostForm>,
) -> ApiResult<(StatusCode, Json<PostOut>)> {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::PostInSpace).await?;
    let mine = viewer
        .0
        .as_deref()
        .map(|me| me.user.lang())
        .unwrap_or(Lang::En);
    let (body, lang) = validate(|tr: Tr| {
        let mut errors = FieldErrors::default();
        let body = parse::text(tr, &mut errors, "body", &form.body, BODY_MAX, true);
        let lang = match form.lang.trim() {
            "" => Some(mine),
            code => Lang::parse(code),
        };
        match lang {
            Some(lang) if errors.is_empty() => Ok((body, lang)),
            None => {
                errors.add("lang", tr.t("error-choose-one"));
                Err(errors)
            }
            Some(_) => Err(errors),
        }
    })?;
    // A retry is made safe by the request's Idempotency-Key, not a form's.
    let words = ymarfer_app::space::Words {
        body: &body,
        lang,
        files: &[],
        once: None,
    };
    let id = ymarfer_app::space::post(
        &state,
        &Acting::person(viewer.actor(), Door::Api, ""),
        programme.id,
        cohort.id,
        words,
    )
    .await
    .map_err(crate::error::AppError::from_app)?
    .ok_or(crate::error::AppError::NOT_FOUND)?;
    Ok((
        StatusCode::CREATED,
        Json(PostOut {
            id,
            cohort_id: cohort.id,
            body,
            lang: lang.code().to_string(),
        }),
    ))
}
