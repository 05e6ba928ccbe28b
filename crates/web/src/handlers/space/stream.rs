//! A cohort's stream (`/programmes/{p}/cohorts/{c}/space`): reading, filtering
//! and posting.

use super::shared::{ItemView, PostForm, StreamQuery, anchor, checked_post, drawer, space_base};
use crate::context;
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::handlers::{ClientAddr, Upload, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::tool_reading::ComputedView;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::space::{self, Words};
use ymarfer_domain::space::ItemKind;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::space::{Member, StreamFilter};

#[derive(Template)]
#[template(path = "space/stream.html")]
struct StreamPage {
    page: Page,
    programme: Programme,
    cohort: Cohort,
    base: String,
    items: Vec<ItemView>,
    older: Option<String>,
    newest: i64,
    query: StreamQuery,
    filtered: bool,
    members: Vec<Member>,
    projects: Vec<(i64, String, &'static str)>,
    tools: Vec<(String, String)>,
    requests: Vec<ymarfer_store::space::OpenRequest>,
    form: PostForm,
    errors: FieldErrors,
    notice: Option<String>,
}

impl StreamPage {
    fn kinds(&self) -> Vec<(&'static str, String)> {
        ItemKind::STREAM
            .iter()
            .map(|k| (k.as_str(), self.page.t(k.message_id())))
            .collect()
    }
}

#[allow(clippy::too_many_arguments)]
async fn stream_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    programme: Programme,
    cohort: Cohort,
    query: StreamQuery,
    form: PostForm,
    errors: FieldErrors,
) -> Result<StreamPage, AppError> {
    let me = viewer.user_id().unwrap_or(0);
    let tools = crate::views::toolkit::tools_for(state, programme.id).await?;
    let (items, more) = state.db.stream(cohort.id, &query.filter(), me).await?;
    let members = state.db.space_members(programme.id, cohort.id).await?;
    let mut drawer = drawer(
        state,
        &page,
        viewer,
        programme.id,
        Some(cohort.id),
        &tools,
        Vec::new(),
    )
    .await?;
    drawer.load_shared(state, &items).await?;
    // Filter by the projects the viewer may see; the policy decides for each.
    let projects = state
        .db
        .cohort_projects(cohort.id)
        .await?
        .into_iter()
        .filter(|p| {
            let facts = drawer.relation.facts(
                programme.id,
                cohort.id,
                p.organisation_id,
                p.visibility,
                p.public_approved_by.is_some(),
            );
            can(
                viewer.actor(),
                Action::ViewProject,
                Resource::Project(facts),
            )
            .allowed()
        })
        .map(|p| {
            (
                p.id,
                format!("{} – {}", p.title, p.organisation_name),
                page.lang_of(&p.lang),
            )
        })
        .collect();
    let requests = state.db.open_requests(me, Some(cohort.id)).await?;
    let base = space_base(&page, &programme, &cohort);
    let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let files = state.db.attachments_of_posts(&ids).await?;
    let views: Vec<ItemView> = items.into_iter().map(|i| drawer.view(i, &files)).collect();
    let older = (more)
        .then(|| views.last().map(|v| query.older(&base, v.item.id)))
        .flatten();
    let newest = views.first().map(|v| v.item.id).unwrap_or(0);
    let tool_names = tools
        .iter()
        .map(|t| (t.id.clone(), page.text(&t.name).to_string()))
        .collect();
    let notice = page.done_notice(query.done.as_deref());
    let filtered = query.filtered();
    let mut page = page;
    page.title = page.t1(
        "space-title",
        "cohort",
        page.pick(&cohort.name_en, &cohort.name_cy),
    );
    Ok(StreamPage {
        page,
        base,
        items: views,
        older,
        newest,
        query,
        filtered,
        members,
        projects,
        tools: tool_names,
        requests,
        form,
        errors,
        notice,
        programme,
        cohort,
    })
}

pub async fn stream(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
    Query(query): Query<StreamQuery>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewSpace).await?;
    let p = stream_page(
        &state,
        page,
        &viewer,
        programme,
        cohort,
        query,
        PostForm::fresh(),
        FieldErrors::default(),
    )
    .await?;
    render(&p)
}

/// Posts to the stream: words, a photo or PDF, or both. A refused file
/// refuses the post, and nothing is stored.
pub async fn create_post(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
    upload: Result<Upload, AppError>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewSpace).await?;
    viewer.user_id().ok_or(AppError::NOT_FOUND)?;
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
            let id = space::post(
                &state,
                &viewer.acting(Door::Page, addr),
                programme.id,
                cohort.id,
                words,
            )
            .await?;
            Ok(see_other(&format!(
                "{}?done=posted{}",
                space_base(&page, &programme, &cohort),
                anchor(id)
            )))
        }
        Err(errors) => {
            let p = stream_page(
                &state,
                page,
                &viewer,
                programme,
                cohort,
                StreamQuery::default(),
                form,
                errors,
            )
            .await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
        }
    }
}

#[derive(Deserialize)]
pub struct AfterQuery {
    after: i64,
}

#[derive(Template)]
#[template(path = "space/new_items.html")]
struct NewItems {
    page: Page,
    base: String,
    after: i64,
    count: usize,
}

/// How many items arrived after the one named: the fragment htmx polls for.
pub async fn new_items(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
    Query(q): Query<AfterQuery>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewSpace).await?;
    let filter = StreamFilter {
        after: Some(q.after),
        ..StreamFilter::default()
    };
    let (items, _) = state
        .db
        .stream(cohort.id, &filter, viewer.user_id().unwrap_or(0))
        .await?;
    let base = space_base(&page, &programme, &cohort);
    render(&NewItems {
        page,
        base,
        after: q.after,
        count: items.len(),
    })
}
