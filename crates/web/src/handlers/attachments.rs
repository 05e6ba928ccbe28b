//! Attached files: stored from a form, and served only to people the policy
//! lets see what they are attached to (`/attachments/{id}`, `…/thumb`).

use super::{Upload, see_other};
use crate::error::{AppError, AppResult, authorise, refused};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer};
use crate::state::AppState;
use crate::views::upload::check_upload;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use ymarfer_app::acting::Door;
use ymarfer_app::projects::project_for;
use ymarfer_domain::authz::{PostFacts, missing};
use ymarfer_domain::{Action, Resource, can};

/// Attaches a photo or PDF to a project: its people.
pub async fn attach_to_project(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(id): Path<i64>,
    upload: Result<Upload, AppError>,
) -> AppResult {
    let acting = viewer.acting(Door::Page, addr);
    let ctx = project_for(&state, &acting, id, Action::EditProject).await?;
    let mut upload = upload?;
    let once = upload.field("once");
    let once = crate::forms::sound_once_key(&once).then_some(once.as_str());
    let mut errors = FieldErrors::default();
    if upload.file.is_none() {
        errors.add("file", page.t("file-error-none"));
    }
    let prepared = check_upload(&page, &mut upload, &mut errors).await?;
    match prepared {
        Some(p) if errors.is_empty() => {
            ymarfer_app::projects::attach(&state, &acting, id, p, once).await?;
            Ok(see_other(&page.href(&format!(
                "projects/{id}?done=attached#files-heading"
            ))))
        }
        _ => {
            let mut show = crate::views::project_page::show_page(
                &state,
                page,
                &viewer,
                ctx,
                None,
                Default::default(),
            )
            .await?;
            show.file_errors = errors;
            crate::page::render_status(axum::http::StatusCode::UNPROCESSABLE_ENTITY, &show)
        }
    }
}

/// Serves a file, or its thumbnail, to someone who may see what it is attached to.
async fn serve(state: &AppState, viewer: &Viewer, id: i64, thumb: bool) -> AppResult {
    let Some(a) = state.db.attachment(id).await? else {
        return Err(refused(missing(viewer.actor())));
    };
    if let Some(post) = a.post_id {
        let item = state
            .db
            .item(post, None)
            .await?
            .ok_or(AppError::NOT_FOUND)?;
        let cohort = state
            .db
            .cohort_by_id(item.cohort_id)
            .await?
            .ok_or(AppError::NOT_FOUND)?;
        let finished = match item.alumni_programme_id {
            Some(p) => ymarfer_app::space::finished_cohorts(state, p).await?,
            None => Vec::new(),
        };
        let facts = PostFacts {
            programme: cohort.programme_id,
            cohort: cohort.id,
            author: item.author_id,
            alumni: item.alumni_programme_id.map(|_| finished.as_slice()),
        };
        // A removed item's files go with it, except for its moderators.
        let action = if item.is_deleted() {
            Action::ModerateSpace
        } else {
            Action::ViewSpace
        };
        authorise(can(viewer.actor(), action, Resource::Post(facts)))?;
    } else if let Some(project) = a.project_id {
        project_for(
            state,
            &viewer.acting(Door::Page, ""),
            project,
            Action::ViewProject,
        )
        .await?;
    } else {
        return Err(AppError::NOT_FOUND);
    }
    let key = match (thumb, &a.thumb_key) {
        (true, Some(k)) => k.as_str(),
        (true, None) => return Err(AppError::NOT_FOUND),
        (false, _) => a.object_key.as_str(),
    };
    let bytes = state.files.get(key).await.map_err(AppError::Internal)?;
    let disposition = if a.is_image() { "inline" } else { "attachment" };
    let encoded: String = url::form_urlencoded::byte_serialize(a.filename.as_bytes()).collect();
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&a.content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename*=UTF-8''{encoded}")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    Ok(res)
}

pub async fn file(State(state): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult {
    serve(&state, &viewer, id, false).await
}

pub async fn thumb(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    serve(&state, &viewer, id, true).await
}
