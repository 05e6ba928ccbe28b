//! One item of a space (`/posts/{id}`) with its comments, reactions and
//! feedback, and what its people do to it.

use super::shared::{ItemView, PostForm, anchor, drawer, home_of, item_for};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::handlers::{ClientAddr, FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::parse;
use crate::state::AppState;
use crate::views::tool_reading::ComputedView;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::space;
use ymarfer_domain::space::{BODY_MAX, ItemKind, Reaction};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::space::{Asked, Feedback, FeedbackInput, Item, Member, Version};

/// Feedback as typed on an item's page.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct FeedbackForm {
    strong: String,
    question: String,
    suggestion: String,
    #[serde(default)]
    check: Vec<usize>,
    /// The language it is written in.
    feedback_lang: String,
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
    let members = match item.alumni_programme_id {
        Some(_) => state.db.alumni_members(programme.id, &finished).await?,
        None => state.db.space_members(programme.id, cohort.id).await?,
    };
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
    let mut drawer = drawer(
        state,
        &page,
        viewer,
        programme.id,
        cohort_of_space,
        &tools,
        finished,
    )
    .await?;
    drawer
        .load_shared(state, std::slice::from_ref(&item))
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
    // Two things shared in the same minute are told apart by what they are.
    let what = if view.summary.is_empty() {
        &view.item.body
    } else {
        &view.summary
    };
    if !what.trim().is_empty() {
        page.about = Some(crate::page::excerpt(what.trim(), 60));
    }
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
        PostForm::fresh(),
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
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<PostForm>,
) -> AppResult {
    match form.check(&page) {
        Ok((body, lang)) => {
            let made = space::comment(
                &state,
                &viewer.acting(Door::Page, addr),
                id,
                &body,
                lang,
                form.once(),
            )
            .await?;
            Ok(see_other(&page.href(&format!(
                "posts/{id}?done=commented{}",
                anchor(made)
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
        once: String::new(),
    };
    render(&edit_page(page, &item, form, FieldErrors::default()))
}

pub async fn edit(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<PostForm>,
) -> AppResult {
    let (item, _, _, _) = item_for(&state, &viewer, id, Action::EditPost).await?;
    if item.is_deleted() {
        return Err(AppError::NOT_FOUND);
    }
    match form.check(&page) {
        Ok((body, lang)) => {
            space::edit(&state, &viewer.acting(Door::Page, addr), id, &body, lang).await?;
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
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
) -> AppResult {
    let placed = space::delete(&state, &viewer.acting(Door::Page, addr), id).await?;
    Ok(match placed.item.parent_id {
        Some(thread) => see_other(&page.href(&format!("posts/{thread}?done=deleted"))),
        None => see_other(&format!(
            "{}?done=deleted",
            home_of(&page, &placed.item, &placed.programme, &placed.cohort)
        )),
    })
}

/// Restores what was deleted: a moderator.
pub async fn restore(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
) -> AppResult {
    let placed = space::restore(&state, &viewer.acting(Door::Page, addr), id).await?;
    let thread = placed.item.parent_id.unwrap_or(id);
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

/// Gives a reaction (`useful`), or takes it back (`useful:off`): the same
/// again changes nothing. Returns to the stream or the item.
pub async fn react(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<ReactForm>,
) -> AppResult {
    let (kind, on) = match form.kind.strip_suffix(":off") {
        Some(kind) => (kind, false),
        None => (form.kind.as_str(), true),
    };
    let Some(kind) = Reaction::parse(kind) else {
        // Someone who may not see the item is told so, not that the form was wrong.
        item_for(&state, &viewer, id, Action::ViewSpace).await?;
        return Err(AppError::BAD_REQUEST);
    };
    let placed = space::react(&state, &viewer.acting(Door::Page, addr), id, kind, on).await?;
    // Back to where the button was: the stream, or the item's own page.
    let item = &placed.item;
    let to = if form.back == "stream" {
        format!(
            "{}#item-{id}",
            home_of(&page, item, &placed.programme, &placed.cohort)
        )
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
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let mut typed = FeedbackForm::default();
    for (k, v) in form {
        match k.as_str() {
            "strong" => typed.strong = v,
            "question" => typed.question = v,
            "suggestion" => typed.suggestion = v,
            "feedback_lang" => typed.feedback_lang = v,
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
    let lang = parse::written_in(tr, &mut errors, "feedback_lang", &typed.feedback_lang);
    if errors.is_empty() && strong.is_empty() && question.is_empty() && suggestion.is_empty() {
        errors.add("strong", page.t("feedback-error-empty"));
    }
    if !errors.is_empty() {
        let p = item_page(
            &state,
            page,
            &viewer,
            id,
            PostForm::fresh(),
            FieldErrors::default(),
            typed,
            errors,
            None,
        )
        .await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let input = FeedbackInput {
        strong,
        question,
        suggestion,
        checklist: typed.check,
        lang,
    };
    space::give_feedback(&state, &viewer.acting(Door::Page, addr), id, input).await?;
    Ok(see_other(&page.href(&format!(
        "posts/{id}?done=feedback#feedback-heading"
    ))))
}

/// Asks named peers of the space (or the author's set) for feedback on an item.
pub async fn ask_feedback(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let peers: Vec<i64> = form
        .iter()
        .filter(|(k, _)| k == "peer")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let set = form.iter().any(|(k, _)| k == "set");
    match space::ask_feedback(&state, &viewer.acting(Door::Page, addr), id, &peers, set).await {
        Ok(_) => Ok(see_other(
            &page.href(&format!("posts/{id}?done=asked#ask-heading")),
        )),
        Err(ymarfer_app::Error::Invalid(message)) => {
            let mut errors = FieldErrors::default();
            errors.add("peer", page.t(message));
            let mut p = item_page(
                &state,
                page,
                &viewer,
                id,
                PostForm::fresh(),
                FieldErrors::default(),
                FeedbackForm::default(),
                FieldErrors::default(),
                None,
            )
            .await?;
            p.feedback_errors = errors;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
        }
        Err(e) => Err(e.into()),
    }
}
