//! A programme's alumni space: the people of its finished cohorts.

use super::shared::{ItemView, PostForm, StreamQuery, alumni_base, anchor, checked_post, drawer};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::handlers::{ClientAddr, Upload, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::tool_reading::ComputedView;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use ymarfer_app::acting::Door;
use ymarfer_app::space::{self, Words};
use ymarfer_store::programmes::Programme;
use ymarfer_store::space::{Member, StreamFilter};

#[derive(Template)]
#[template(path = "space/alumni.html")]
struct AlumniPage {
    page: Page,
    programme: Programme,
    base: String,
    items: Vec<ItemView>,
    older: Option<String>,
    query: StreamQuery,
    members: Vec<Member>,
    form: PostForm,
    errors: FieldErrors,
    notice: Option<String>,
}

/// A programme's alumni space, if the viewer may enter it: the programme and
/// its finished cohorts.
async fn alumni_for(
    state: &AppState,
    viewer: &Viewer,
    slug: &str,
) -> Result<(Programme, Vec<i64>), AppError> {
    Ok(space::alumni_of(state, &viewer.acting(Door::Page, ""), slug).await?)
}

async fn alumni_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    slug: &str,
    query: StreamQuery,
    form: PostForm,
    errors: FieldErrors,
) -> Result<AlumniPage, AppError> {
    let (programme, finished) = alumni_for(state, viewer, slug).await?;
    let me = viewer.user_id().unwrap_or(0);
    let filter = StreamFilter {
        author: query.person.parse().ok(),
        before: query.before,
        ..StreamFilter::default()
    };
    let (items, more) = state.db.alumni_stream(programme.id, &filter, me).await?;
    let members = state.db.alumni_members(programme.id, &finished).await?;
    let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let files = state.db.attachments_of_posts(&ids).await?;
    let tools = crate::views::toolkit::tools_for(state, programme.id).await?;
    let drawer = drawer(state, &page, viewer, programme.id, None, &tools, finished).await?;
    let base = alumni_base(&page, &programme);
    let views: Vec<ItemView> = items.into_iter().map(|i| drawer.view(i, &files)).collect();
    let older = more
        .then(|| views.last().map(|v| query.older(&base, v.item.id)))
        .flatten();
    let notice = page.done_notice(query.done.as_deref());
    let mut page = page;
    page.title = page.t1(
        "alumni-title",
        "programme",
        page.pick(&programme.name_en, &programme.name_cy),
    );
    Ok(AlumniPage {
        page,
        programme,
        base,
        items: views,
        older,
        query,
        members,
        form,
        errors,
        notice,
    })
}

pub async fn alumni(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(query): Query<StreamQuery>,
) -> AppResult {
    let p = alumni_page(
        &state,
        page,
        &viewer,
        &slug,
        query,
        PostForm::fresh(),
        FieldErrors::default(),
    )
    .await?;
    render(&p)
}

/// Posts to the alumni space. The item belongs to its author's finished
/// cohort (for staff, the programme's latest to finish).
pub async fn alumni_post(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(slug): Path<String>,
    upload: Result<Upload, AppError>,
) -> AppResult {
    let (programme, _) = alumni_for(&state, &viewer, &slug).await?;
    let (form, checked, prepared) = checked_post(&page, upload?).await?;
    match checked {
        Ok((body, lang)) => {
            let files = match prepared {
                Some(p) => vec![crate::views::upload::put(&state, p).await?],
                None => Vec::new(),
            };
            let words = Words {
                body: &body,
                lang,
                files: &files,
                once: form.once(),
            };
            let made =
                space::post_alumni(&state, &viewer.acting(Door::Page, addr), &slug, words).await?;
            Ok(see_other(&format!(
                "{}?done=posted{}",
                alumni_base(&page, &programme),
                anchor(made)
            )))
        }
        Err(errors) => {
            let p = alumni_page(
                &state,
                page,
                &viewer,
                &slug,
                StreamQuery::default(),
                form,
                errors,
            )
            .await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
        }
    }
}
