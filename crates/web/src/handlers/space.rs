//! The cohort space: its stream (`/programmes/{p}/cohorts/{c}/space`), one item
//! with its comments, reactions and feedback (`/posts/{id}`), shares from a
//! project, and the person's notices. See `docs/space.md`.

use super::{FormData, Upload, see_other};
use crate::error::{AppError, AppResult, authorise, refused};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::space::{finished_cohorts, when};
use crate::{context, parse};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::projects::Relation;
use ymarfer_app::projects::project_for;
use ymarfer_domain::authz::{PostFacts, missing};
use ymarfer_domain::projects::{CycleDecision, Visibility};
use ymarfer_domain::space::{self, BODY_MAX, ItemKind, NoticeKind, Reaction};
use ymarfer_domain::toolkit::Tool;
use ymarfer_domain::{Action, Lang, Resource, can};
use ymarfer_store::attachments::Attachment;
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::space::{
    Asked, Feedback, FeedbackInput, Item, Member, NewItem, StreamFilter, Version,
};

/// An item as a page shows it.
pub struct ItemView {
    pub item: Item,
    /// The body, rendered from Markdown and sanitised.
    pub html: String,
    /// `lang` for the body when written in the other language.
    pub lang_mark: Option<&'static str>,
    pub href: String,
    /// The project's page, when the viewer may see it.
    pub project_href: Option<String>,
    /// The shared record in words ("Cycle 2: … – adopt").
    pub summary: String,
    pub may_edit: bool,
    pub may_delete: bool,
    /// Its photos and documents.
    pub files: Vec<Attachment>,
    /// This item's own address (`/{lang}/posts/{id}`), for its actions.
    path: String,
}

impl ItemView {
    pub fn author(&self, page: &Page) -> String {
        self.item
            .author
            .clone()
            .unwrap_or_else(|| page.t("space-former-member"))
    }

    pub fn when(&self) -> String {
        when(&self.item.created_at)
    }

    /// The address of one of the item's actions (`react`, `edit`, …).
    pub fn action(&self, what: &str) -> String {
        format!("{}/{what}", self.path)
    }
}

/// What a page needs to draw items for one viewer in one cohort.
struct Drawer<'a> {
    page: &'a Page,
    viewer: &'a Viewer,
    programme: i64,
    relation: Relation,
    tools: &'a [Tool],
    /// The programme's finished cohorts, for items of its alumni space.
    finished: Vec<i64>,
}

impl Drawer<'_> {
    fn facts(&self, item: &Item) -> PostFacts<'_> {
        PostFacts {
            programme: self.programme,
            cohort: item.cohort_id,
            author: item.author_id,
            alumni: item.alumni_programme_id.map(|_| self.finished.as_slice()),
        }
    }

    fn view(&self, item: Item, files: &[Attachment]) -> ItemView {
        let page = self.page;
        let facts = self.facts(&item);
        let may = |action| can(self.viewer.actor(), action, Resource::Post(facts)).allowed();
        let project_href = match (item.project_id, item.organisation_id) {
            (Some(project), Some(org)) => {
                let visibility = item
                    .visibility
                    .as_deref()
                    .and_then(Visibility::parse)
                    .unwrap_or_default();
                let facts = self.relation.facts(
                    self.programme,
                    item.cohort_id,
                    org,
                    visibility,
                    item.public_approved,
                );
                can(
                    self.viewer.actor(),
                    Action::ViewProject,
                    Resource::Project(facts),
                )
                .allowed()
                .then(|| {
                    let rest = match (item.kind, &item.tool_id) {
                        (ItemKind::Tool, Some(tool)) => format!("/tools/{tool}"),
                        (ItemKind::Cycle, _) => item
                            .cycle_number
                            .map(|n| format!("/cycles/{n}"))
                            .unwrap_or_default(),
                        (ItemKind::Reading, _) => "#measures".to_string(),
                        _ => String::new(),
                    };
                    page.href(&format!("projects/{project}{rest}"))
                })
            }
            _ => None,
        };
        let summary = self.summary(&item);
        let lang_mark = Lang::parse(&item.lang)
            .filter(|l| *l != page.lang)
            .map(|l| l.code());
        ItemView {
            html: crate::markdown::render(&item.body),
            href: page.href(&format!("posts/{}", item.parent_id.unwrap_or(item.id))),
            path: page.href(&format!("posts/{}", item.id)),
            files: files
                .iter()
                .filter(|f| f.post_id == Some(item.id))
                .cloned()
                .collect(),
            may_edit: may(Action::EditPost) && !item.is_deleted(),
            may_delete: may(Action::DeletePost) && !item.is_deleted(),
            project_href,
            summary,
            lang_mark,
            item,
        }
    }

    fn summary(&self, item: &Item) -> String {
        let page = self.page;
        match item.kind {
            ItemKind::Tool => {
                let name = item
                    .tool_id
                    .as_deref()
                    .and_then(|id| self.tools.iter().find(|t| t.id == id))
                    .map(|t| page.text(&t.name).to_string())
                    .or_else(|| item.tool_id.clone())
                    .unwrap_or_default();
                match item.tool_version {
                    Some(v) => page.args(
                        "space-shared-tool",
                        [("tool", name), ("version", v.to_string())],
                    ),
                    None => name,
                }
            }
            ItemKind::Cycle => match (item.cycle_number, &item.cycle_change) {
                (Some(n), Some(change)) => {
                    let decision = item
                        .cycle_decision
                        .as_deref()
                        .and_then(CycleDecision::parse)
                        .map(|d| page.t(d.message_id()))
                        .unwrap_or_else(|| page.t("cycle-undecided"));
                    page.args(
                        "space-shared-cycle",
                        [
                            ("number", n.to_string()),
                            ("change", change.clone()),
                            ("decision", decision),
                        ],
                    )
                }
                _ => page.t("space-shared-gone"),
            },
            ItemKind::Reading => match (item.reading_value, item.reading_on) {
                (Some(v), Some(on)) => page.args(
                    "space-shared-reading",
                    [
                        ("value", ymarfer_app::i18n::format_hundredths(v)),
                        ("unit", item.aim_unit.clone().unwrap_or_default()),
                        ("date", on.format("%d/%m/%Y").to_string()),
                    ],
                ),
                _ => page.t("space-shared-gone"),
            },
            _ => String::new(),
        }
    }
}

async fn drawer<'a>(
    state: &AppState,
    page: &'a Page,
    viewer: &'a Viewer,
    programme: i64,
    cohort: Option<i64>,
    tools: &'a [Tool],
    finished: Vec<i64>,
) -> Result<Drawer<'a>, AppError> {
    let relation = match cohort {
        Some(cohort) => Relation::load(state, &viewer.acting(Door::Page, ""), cohort).await?,
        None => Relation::none(),
    };
    Ok(Drawer {
        page,
        viewer,
        programme,
        relation,
        tools,
        finished,
    })
}

/// The stream's filters as the address gives them.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct StreamQuery {
    project: String,
    person: String,
    tool: String,
    kind: String,
    before: Option<i64>,
    done: Option<String>,
}

impl StreamQuery {
    fn filter(&self) -> StreamFilter {
        StreamFilter {
            project: self.project.parse().ok(),
            author: self.person.parse().ok(),
            tool: Some(self.tool.clone()).filter(|t| !t.is_empty()),
            kind: ItemKind::parse(&self.kind).filter(|k| *k != ItemKind::Comment),
            before: self.before,
            after: None,
        }
    }

    /// The address of the next page, keeping the filters.
    fn older(&self, base: &str, last: i64) -> String {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("project", &self.project),
            ("person", &self.person),
            ("tool", &self.tool),
            ("kind", &self.kind),
        ] {
            if !v.is_empty() {
                q.append_pair(k, v);
            }
        }
        q.append_pair("before", &last.to_string());
        format!("{base}?{}", q.finish())
    }

    fn filtered(&self) -> bool {
        self.filter()
            != StreamFilter {
                before: self.before,
                ..StreamFilter::default()
            }
    }
}

/// A post as typed: kept to show again when refused.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PostForm {
    pub body: String,
    pub lang: String,
}

impl PostForm {
    fn check(&self, page: &Page) -> Result<(String, Lang), FieldErrors> {
        let mut errors = FieldErrors::default();
        let body = parse::text(page.tr, &mut errors, "body", &self.body, BODY_MAX, true);
        let lang = Lang::parse(&self.lang).unwrap_or(page.lang);
        if errors.is_empty() {
            Ok((body, lang))
        } else {
            Err(errors)
        }
    }
}

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
    projects: Vec<(i64, String)>,
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

fn space_base(page: &Page, programme: &Programme, cohort: &Cohort) -> String {
    page.href(&format!(
        "programmes/{}/cohorts/{}/space",
        programme.slug, cohort.slug
    ))
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
    let drawer = drawer(
        state,
        &page,
        viewer,
        programme.id,
        Some(cohort.id),
        &tools,
        Vec::new(),
    )
    .await?;
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
        .map(|p| (p.id, format!("{} – {}", p.title, p.organisation_name)))
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
        PostForm::default(),
        FieldErrors::default(),
    )
    .await?;
    render(&p)
}

/// The mentions of a text: people of the space named after `@`, told of it.
fn mentions(body: &str, members: &[Member]) -> Vec<(i64, NoticeKind)> {
    let people: Vec<(i64, String)> = members
        .iter()
        .map(|m| (m.user_id, m.display_name.clone()))
        .collect();
    space::mentioned(body, &people)
        .into_iter()
        .map(|id| (id, NoticeKind::Mention))
        .collect()
}

/// A post as sent, checked: its words and language, or what is wrong (the
/// words kept), and its file ready to store.
async fn checked_post(
    page: &Page,
    upload: Upload,
) -> Result<
    (
        PostForm,
        Result<(String, Lang), FieldErrors>,
        Option<ymarfer_app::files::Prepared>,
    ),
    AppError,
> {
    let form = PostForm {
        body: upload.field("body"),
        lang: upload.field("lang"),
    };
    let has_file = upload.file.is_some();
    let mut errors = FieldErrors::default();
    let prepared = crate::views::upload::check_upload(page, upload.file, &mut errors).await?;
    let checked = if has_file && form.body.trim().is_empty() {
        // A photo may speak for itself.
        Ok((String::new(), Lang::parse(&form.lang).unwrap_or(page.lang)))
    } else {
        form.check(page)
    };
    let checked = match (checked, errors.is_empty()) {
        (Ok(c), true) => Ok(c),
        (Ok(_), false) => Err(errors),
        (Err(mut e), _) => {
            for (field, message) in errors.all() {
                e.add(field, message.clone());
            }
            Err(e)
        }
    };
    Ok((form, checked, prepared))
}

/// Posts to the stream: words, a photo or PDF, or both. A refused file
/// refuses the post, and nothing is stored.
pub async fn create_post(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
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
            let id = ymarfer_app::space::post(
                &state,
                &ymarfer_app::acting::Acting::person(
                    viewer.actor(),
                    ymarfer_app::acting::Door::Page,
                    "",
                ),
                programme.id,
                cohort.id,
                &body,
                lang,
                &files,
            )
            .await?;
            Ok(see_other(&format!(
                "{}?done=posted#item-{id}",
                space_base(&page, &programme, &cohort)
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

/// An item (or comment) the viewer may do `action` to, with its cohort and
/// programme. One they may not see answers as if it did not exist.
async fn item_for(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    action: Action,
) -> Result<(Item, Programme, Cohort, Vec<i64>), AppError> {
    let Some(item) = state.db.item(id, viewer.user_id()).await? else {
        return Err(refused(missing(viewer.actor())));
    };
    let cohort = state
        .db
        .cohort_by_id(item.cohort_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let finished = match item.alumni_programme_id {
        Some(programme) => finished_cohorts(state, programme).await?,
        None => Vec::new(),
    };
    let facts = PostFacts {
        programme: cohort.programme_id,
        cohort: cohort.id,
        author: item.author_id,
        alumni: item.alumni_programme_id.map(|_| finished.as_slice()),
    };
    authorise(can(viewer.actor(), action, Resource::Post(facts)))?;
    let programme = state
        .db
        .programme_by_id(cohort.programme_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    Ok((item, programme, cohort, finished))
}

/// Where an item's space is: its cohort's, or its programme's alumni space.
fn home_of(page: &Page, item: &Item, programme: &Programme, cohort: &Cohort) -> String {
    match item.alumni_programme_id {
        Some(_) => alumni_base(page, programme),
        None => space_base(page, programme, cohort),
    }
}

fn alumni_base(page: &Page, programme: &Programme) -> String {
    page.href(&format!("programmes/{}/alumni", programme.slug))
}

/// The people who may be named or asked in an item's space.
async fn members_of(
    state: &AppState,
    item: &Item,
    programme: &Programme,
    cohort: &Cohort,
    finished: &[i64],
) -> Result<Vec<Member>, AppError> {
    Ok(match item.alumni_programme_id {
        Some(_) => state.db.alumni_members(programme.id, finished).await?,
        None => state.db.space_members(programme.id, cohort.id).await?,
    })
}

/// Feedback as typed on an item's page.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct FeedbackForm {
    strong: String,
    question: String,
    suggestion: String,
    #[serde(default)]
    check: Vec<usize>,
}

#[derive(Template)]
#[template(path = "space/item.html")]
struct ItemPage {
    page: Page,
    /// The item's space: its address and name.
    space: String,
    space_name: String,
    /// In the alumni space (no action-learning sets to ask).
    alumni: bool,
    view: ItemView,
    comments: Vec<ItemView>,
    feedback: Vec<Feedback>,
    checklist: Vec<String>,
    asked: Vec<Asked>,
    peers: Vec<Member>,
    versions: Vec<Version>,
    moderate: bool,
    /// The viewer may ask for feedback on it (its author).
    may_ask: bool,
    comment: PostForm,
    comment_errors: FieldErrors,
    feedback_form: FeedbackForm,
    feedback_errors: FieldErrors,
    notice: Option<String>,
}

impl ItemPage {
    fn feedback_from(&self, f: &Feedback) -> String {
        let who = f
            .author
            .clone()
            .unwrap_or_else(|| self.page.t("space-former-member"));
        self.page.t1("feedback-from", "person", &who)
    }

    fn ticked(&self, f: &Feedback, i: &usize) -> bool {
        f.ticked().contains(i)
    }
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn item_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    id: i64,
    comment: PostForm,
    comment_errors: FieldErrors,
    feedback_form: FeedbackForm,
    feedback_errors: FieldErrors,
    done: Option<String>,
) -> Result<ItemPage, AppError> {
    let (item, programme, cohort, finished) =
        item_for(state, viewer, id, Action::ViewSpace).await?;
    // A comment's page is its item's.
    if let Some(parent) = item.parent_id {
        return Box::pin(item_page(
            state,
            page,
            viewer,
            parent,
            comment,
            comment_errors,
            feedback_form,
            feedback_errors,
            done,
        ))
        .await;
    }
    let me = viewer.user_id().unwrap_or(0);
    let tools = crate::views::toolkit::tools_for(state, programme.id).await?;
    let cohort_of_space = item.alumni_programme_id.is_none().then_some(cohort.id);
    let members = members_of(state, &item, &programme, &cohort, &finished).await?;
    let space = home_of(&page, &item, &programme, &cohort);
    let space_name = match item.alumni_programme_id {
        Some(_) => page.t1(
            "alumni-title",
            "programme",
            page.pick(&programme.name_en, &programme.name_cy),
        ),
        None => page.t1(
            "space-title",
            "cohort",
            page.pick(&cohort.name_en, &cohort.name_cy),
        ),
    };
    let alumni = item.alumni_programme_id.is_some();
    let drawer = drawer(
        state,
        &page,
        viewer,
        programme.id,
        cohort_of_space,
        &tools,
        finished,
    )
    .await?;
    let comments = state.db.comments(id, me).await?;
    let mut ids: Vec<i64> = comments.iter().map(|c| c.id).collect();
    ids.push(id);
    let files = state.db.attachments_of_posts(&ids).await?;
    let comments = comments
        .into_iter()
        .map(|c| drawer.view(c, &files))
        .collect();
    let checklist = match (item.kind, item.tool_id.as_deref()) {
        (ItemKind::Tool, Some(tool)) => tools
            .iter()
            .find(|t| t.id == tool)
            .map(|t| {
                t.checklist
                    .iter()
                    .map(|c| page.text(c).to_string())
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let view = drawer.view(item, &files);
    let may_ask = view.may_edit;
    let feedback = state.db.feedback_on(id).await?;
    let asked = state.db.asked_for_feedback(id).await?;
    let peers = if may_ask {
        members.into_iter().filter(|m| m.user_id != me).collect()
    } else {
        Vec::new()
    };
    let versions = state.db.item_versions(id).await?;
    let moderate = can(
        viewer.actor(),
        Action::ModerateSpace,
        Resource::Post(drawer.facts(&view.item)),
    )
    .allowed();
    let notice = page.done_notice(done.as_deref());
    let mut page = page;
    page.title = page.args(
        "space-item-title",
        [("author", view.author(&page)), ("when", view.when())],
    );
    Ok(ItemPage {
        page,
        space,
        space_name,
        alumni,
        view,
        comments,
        feedback,
        checklist,
        asked,
        peers,
        versions,
        moderate,
        may_ask,
        comment,
        comment_errors,
        feedback_form,
        feedback_errors,
        notice,
    })
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> AppResult {
    let p = item_page(
        &state,
        page,
        &viewer,
        id,
        PostForm::default(),
        FieldErrors::default(),
        FeedbackForm::default(),
        FieldErrors::default(),
        q.done,
    )
    .await?;
    render(&p)
}

pub async fn comment(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<PostForm>,
) -> AppResult {
    let (item, programme, cohort, finished) =
        item_for(&state, &viewer, id, Action::ViewSpace).await?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    if item.parent_id.is_some() || item.is_deleted() {
        return Err(AppError::NOT_FOUND);
    }
    match form.check(&page) {
        Ok((body, lang)) => {
            let members = members_of(&state, &item, &programme, &cohort, &finished).await?;
            let mut notify = mentions(&body, &members);
            if let Some(author) = item.author_id {
                notify.push((author, NoticeKind::Comment));
            }
            let comment = state
                .db
                .add_item(
                    &NewItem {
                        cohort: cohort.id,
                        parent: Some(id),
                        author: me,
                        kind: ItemKind::Comment,
                        project: None,
                        tool_id: None,
                        ref_id: None,
                        body: &body,
                        lang,
                        alumni: item.alumni_programme_id,
                    },
                    &notify,
                )
                .await?;
            Ok(see_other(&page.href(&format!(
                "posts/{id}?done=commented#item-{comment}"
            ))))
        }
        Err(errors) => {
            let p = item_page(
                &state,
                page,
                &viewer,
                id,
                form,
                errors,
                FeedbackForm::default(),
                FieldErrors::default(),
                None,
            )
            .await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
        }
    }
}

#[derive(Template)]
#[template(path = "space/edit.html")]
struct EditPage {
    page: Page,
    action: String,
    back: String,
    form: PostForm,
    errors: FieldErrors,
}

fn edit_page(page: Page, item: &Item, form: PostForm, errors: FieldErrors) -> EditPage {
    let mut page = page;
    page.title = page.t("space-edit-title");
    let back = page.href(&format!("posts/{}", item.parent_id.unwrap_or(item.id)));
    EditPage {
        action: page.href(&format!("posts/{}/edit", item.id)),
        page,
        back,
        form,
        errors,
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let (item, _, _, _) = item_for(&state, &viewer, id, Action::EditPost).await?;
    if item.is_deleted() {
        return Err(AppError::NOT_FOUND);
    }
    let form = PostForm {
        body: item.body.clone(),
        lang: item.lang.clone(),
    };
    render(&edit_page(page, &item, form, FieldErrors::default()))
}

pub async fn edit(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<PostForm>,
) -> AppResult {
    let (item, _, _, _) = item_for(&state, &viewer, id, Action::EditPost).await?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    if item.is_deleted() {
        return Err(AppError::NOT_FOUND);
    }
    match form.check(&page) {
        Ok((body, lang)) => {
            if body != item.body || lang.code() != item.lang {
                state.db.edit_item(id, &body, lang, me).await?;
            }
            let thread = item.parent_id.unwrap_or(id);
            Ok(see_other(
                &page.href(&format!("posts/{thread}?done=edited#item-{id}")),
            ))
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &edit_page(page, &item, form, errors),
        ),
    }
}

/// Deletes an item softly: its author or a moderator.
pub async fn delete(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let (item, programme, cohort, _) = item_for(&state, &viewer, id, Action::DeletePost).await?;
    if !item.is_deleted() {
        state.db.set_item_deleted(id, viewer.user_id()).await?;
    }
    Ok(match item.parent_id {
        Some(thread) => see_other(&page.href(&format!("posts/{thread}?done=deleted"))),
        None => see_other(&format!(
            "{}?done=deleted",
            home_of(&page, &item, &programme, &cohort)
        )),
    })
}

/// Restores what was deleted: a moderator.
pub async fn restore(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let (item, _, _, _) = item_for(&state, &viewer, id, Action::ModerateSpace).await?;
    state.db.set_item_deleted(id, None).await?;
    let thread = item.parent_id.unwrap_or(id);
    Ok(see_other(
        &page.href(&format!("posts/{thread}?done=restored#item-{id}")),
    ))
}

#[derive(Deserialize)]
pub struct ReactForm {
    kind: String,
    #[serde(default)]
    back: String,
}

/// Gives or takes back a reaction. Returns to the stream or the item.
pub async fn react(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<ReactForm>,
) -> AppResult {
    let (item, programme, cohort, _) = item_for(&state, &viewer, id, Action::ViewSpace).await?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    let kind = Reaction::parse(&form.kind).ok_or(AppError::BAD_REQUEST)?;
    if item.is_deleted() {
        return Err(AppError::NOT_FOUND);
    }
    state.db.toggle_reaction(id, me, kind).await?;
    // Back to where the button was: the stream, or the item's own page.
    let to = if form.back == "stream" {
        format!("{}#item-{id}", home_of(&page, &item, &programme, &cohort))
    } else {
        page.href(&format!("posts/{}#item-{id}", item.parent_id.unwrap_or(id)))
    };
    Ok(see_other(&to))
}

/// Gives structured feedback on an item: at least one of its three parts.
pub async fn give_feedback(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let (item, _, _, _) = item_for(&state, &viewer, id, Action::ViewSpace).await?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    if item.parent_id.is_some() || item.is_deleted() {
        return Err(AppError::NOT_FOUND);
    }
    let mut typed = FeedbackForm::default();
    for (k, v) in form {
        match k.as_str() {
            "strong" => typed.strong = v,
            "question" => typed.question = v,
            "suggestion" => typed.suggestion = v,
            "check" => {
                if let Ok(i) = v.parse() {
                    typed.check.push(i);
                }
            }
            _ => {}
        }
    }
    let mut errors = FieldErrors::default();
    let tr = page.tr;
    let strong = parse::text(tr, &mut errors, "strong", &typed.strong, BODY_MAX, false);
    let question = parse::text(
        tr,
        &mut errors,
        "question",
        &typed.question,
        BODY_MAX,
        false,
    );
    let suggestion = parse::text(
        tr,
        &mut errors,
        "suggestion",
        &typed.suggestion,
        BODY_MAX,
        false,
    );
    if errors.is_empty() && strong.is_empty() && question.is_empty() && suggestion.is_empty() {
        errors.add("strong", page.t("feedback-error-empty"));
    }
    if !errors.is_empty() {
        let p = item_page(
            &state,
            page,
            &viewer,
            id,
            PostForm::default(),
            FieldErrors::default(),
            typed,
            errors,
            None,
        )
        .await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let mut checklist = typed.check;
    checklist.sort_unstable();
    checklist.dedup();
    checklist.retain(|i| *i < 20);
    state
        .db
        .add_feedback(
            id,
            me,
            &FeedbackInput {
                strong,
                question,
                suggestion,
                checklist,
            },
            item.author_id,
        )
        .await?;
    Ok(see_other(&page.href(&format!(
        "posts/{id}?done=feedback#feedback-heading"
    ))))
}

/// Asks named peers of the space (or the author's set) for feedback on an item.
pub async fn ask_feedback(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let (item, programme, cohort, finished) =
        item_for(&state, &viewer, id, Action::EditPost).await?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    if item.parent_id.is_some() || item.is_deleted() {
        return Err(AppError::NOT_FOUND);
    }
    let members = members_of(&state, &item, &programme, &cohort, &finished).await?;
    let mut asked: Vec<i64> = form
        .iter()
        .filter(|(k, _)| k == "peer")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    if form.iter().any(|(k, _)| k == "set") {
        let sets = state.db.set_members(cohort.id).await?;
        if let Some(mine) = sets.iter().find(|m| m.user_id == me).map(|m| m.set_id) {
            asked.extend(sets.iter().filter(|m| m.set_id == mine).map(|m| m.user_id));
        }
    }
    // Only people of the space may be asked; anything else is ignored.
    asked.retain(|p| *p != me && members.iter().any(|m| m.user_id == *p));
    asked.sort_unstable();
    asked.dedup();
    if asked.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("peer", page.t("feedback-ask-error-none"));
        let mut p = item_page(
            &state,
            page,
            &viewer,
            id,
            PostForm::default(),
            FieldErrors::default(),
            FeedbackForm::default(),
            FieldErrors::default(),
            None,
        )
        .await?;
        p.feedback_errors = errors;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    state.db.request_feedback(id, me, &asked).await?;
    Ok(see_other(
        &page.href(&format!("posts/{id}?done=asked#ask-heading")),
    ))
}

/// A share of one of a project's records with its cohort.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShareForm {
    /// `tool:ID`, `cycle:NUMBER` or `reading` (the latest).
    what: String,
    #[serde(rename = "share_note")]
    note: String,
}

/// Shares a filled-in tool, a cycle or the latest reading with the cohort.
pub async fn share(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(project): Path<i64>,
    FormData(form): FormData<ShareForm>,
) -> AppResult {
    let ctx = project_for(
        &state,
        &viewer.acting(Door::Page, ""),
        project,
        Action::EditProject,
    )
    .await?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    // Only a person of the space can share into it (staff editing a project
    // are; an administrator outside it is not).
    authorise(can(
        viewer.actor(),
        Action::ViewSpace,
        Resource::Cohort {
            programme: ctx.programme.id,
            cohort: ctx.cohort.id,
        },
    ))?;
    let (kind, which) = form.what.split_once(':').unwrap_or((&form.what, ""));
    let kind = ItemKind::parse(kind)
        .filter(|k| k.is_share())
        .ok_or(AppError::BAD_REQUEST)?;
    let (tool_id, ref_id) = match kind {
        ItemKind::Tool => {
            let latest = state
                .db
                .applications(project)
                .await?
                .into_iter()
                .filter(|a| a.tool_id == which)
                .max_by_key(|a| a.version)
                .ok_or(AppError::NOT_FOUND)?;
            (Some(latest.tool_id), latest.id)
        }
        ItemKind::Cycle => {
            let number: i64 = which.parse().map_err(|_| AppError::BAD_REQUEST)?;
            let cycle = state
                .db
                .cycles(project)
                .await?
                .into_iter()
                .find(|c| c.number == number)
                .ok_or(AppError::NOT_FOUND)?;
            (None, cycle.id)
        }
        _ => {
            let latest = state
                .db
                .readings(project)
                .await?
                .into_iter()
                .next_back()
                .ok_or(AppError::NOT_FOUND)?;
            (None, latest.id)
        }
    };
    let note = form.note.trim();
    if note.chars().count() > BODY_MAX {
        return Err(AppError::BAD_REQUEST);
    }
    let members = state
        .db
        .space_members(ctx.programme.id, ctx.cohort.id)
        .await?;
    let id = state
        .db
        .add_item(
            &NewItem {
                cohort: ctx.cohort.id,
                parent: None,
                author: me,
                kind,
                project: Some(project),
                tool_id: tool_id.as_deref(),
                ref_id: Some(ref_id),
                body: note,
                lang: page.lang,
                alumni: None,
            },
            &mentions(note, &members),
        )
        .await?;
    Ok(see_other(&page.href(&format!("posts/{id}?done=shared"))))
}

#[derive(Template)]
#[template(path = "space/notices.html")]
struct NoticesPage {
    page: Page,
    notices: Vec<ymarfer_store::space::Notice>,
    requests: Vec<ymarfer_store::space::OpenRequest>,
}

/// The person's notices and open requests for feedback.
pub async fn notices(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    let me = viewer.user_id();
    authorise(can(
        viewer.actor(),
        Action::ViewSignedInPages,
        Resource::Site,
    ))?;
    let me = me.ok_or(AppError::NOT_FOUND)?;
    let notices = state.db.notices(me, 50).await?;
    let requests = state.db.open_requests(me, None).await?;
    render(&NoticesPage {
        page: page.titled("notices-title"),
        notices,
        requests,
    })
}

pub async fn read_notices(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    authorise(can(
        viewer.actor(),
        Action::ViewSignedInPages,
        Resource::Site,
    ))?;
    if let Some(me) = viewer.user_id() {
        state.db.mark_notices_read(me).await?;
    }
    Ok(see_other(&page.href("notices?done=read")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NotifyForm {
    mode: String,
}

/// Chooses how notices come by email (the profile page's form).
pub async fn set_notify(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    FormData(form): FormData<NotifyForm>,
) -> AppResult {
    let me = viewer.user_id().unwrap_or_default();
    authorise(can(
        viewer.actor(),
        Action::ManageOwnAccount,
        Resource::Account(me),
    ))?;
    let mode = ymarfer_domain::space::NotifyMode::parse(&form.mode).ok_or(AppError::BAD_REQUEST)?;
    state.db.set_notify_mode(me, mode).await?;
    Ok(see_other(&page.href("profile?done=notify#notices-heading")))
}

#[derive(Template)]
#[template(path = "space/unsubscribe.html")]
struct UnsubscribePage {
    page: Page,
    /// The token is known (else the link is stale).
    known: bool,
    done: bool,
}

/// The page an email's unsubscribe link opens, signed in or not.
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    let known = state.db.unsubscriber(&token).await?.is_some();
    let status = if known {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    render_status(
        status,
        &UnsubscribePage {
            page: page.titled("unsubscribe-title"),
            known,
            done: false,
        },
    )
}

/// Stops emails about notices: the page's button, or a mail program's
/// one-click request (RFC 8058), which carries no cookie: the token in the
/// address is the proof.
pub async fn unsubscribe(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    let Some(user) = state.db.unsubscriber(&token).await? else {
        return render_status(
            StatusCode::NOT_FOUND,
            &UnsubscribePage {
                page: page.titled("unsubscribe-title"),
                known: false,
                done: false,
            },
        );
    };
    state
        .db
        .set_notify_mode(user, ymarfer_domain::space::NotifyMode::Off)
        .await?;
    render(&UnsubscribePage {
        page: page.titled("unsubscribe-title"),
        known: true,
        done: true,
    })
}

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
    let Some(programme) = state.db.programme_by_slug(slug).await? else {
        return Err(refused(missing(viewer.actor())));
    };
    let finished = finished_cohorts(state, programme.id).await?;
    authorise(can(
        viewer.actor(),
        Action::ViewAlumni,
        Resource::Alumni {
            programme: programme.id,
            finished: &finished,
        },
    ))?;
    Ok((programme, finished))
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
        PostForm::default(),
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
    Path(slug): Path<String>,
    upload: Result<Upload, AppError>,
) -> AppResult {
    let (programme, finished) = alumni_for(&state, &viewer, &slug).await?;
    let me = viewer.user_id().ok_or(AppError::NOT_FOUND)?;
    let (form, checked, prepared) = checked_post(&page, upload?).await?;
    match checked {
        Ok((body, lang)) => {
            let mine = viewer.actor().and_then(|a| a.own_cohort_among(&finished));
            let Some(cohort) = mine.or_else(|| finished.last().copied()) else {
                return Err(AppError::NOT_FOUND);
            };
            let members = state.db.alumni_members(programme.id, &finished).await?;
            let files = match prepared {
                Some(p) => vec![crate::views::upload::put(&state, p).await?],
                None => Vec::new(),
            };
            let id = state
                .db
                .add_item_with(
                    &NewItem {
                        cohort,
                        parent: None,
                        author: me,
                        kind: ItemKind::Post,
                        project: None,
                        tool_id: None,
                        ref_id: None,
                        body: &body,
                        lang,
                        alumni: Some(programme.id),
                    },
                    &mentions(&body, &members),
                    &files,
                )
                .await?;
            Ok(see_other(&format!(
                "{}?done=posted#item-{id}",
                alumni_base(&page, &programme)
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
