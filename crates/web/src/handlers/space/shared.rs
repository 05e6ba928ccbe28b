//! What the space's pages share: an item as a page shows it, the stream's
//! filters, the post form, and where each item's space is.

use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::handlers::Upload;
use crate::page::{Page, Viewer};
use crate::parse;
use crate::state::AppState;
use crate::views::space::when;
use crate::views::tool_reading::ToolReading;
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::projects::Relation;
use ymarfer_app::space;
use ymarfer_domain::authz::PostFacts;
use ymarfer_domain::projects::{CycleDecision, Visibility};
use ymarfer_domain::space::{BODY_MAX, ItemKind};
use ymarfer_domain::toolkit::{Tool, ToolValues};
use ymarfer_domain::{Action, Lang, Resource, can};
use ymarfer_store::attachments::Attachment;
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::projects::Application;
use ymarfer_store::space::{Item, StreamFilter};

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
    /// The same as HTML, what people typed in it marked with its language.
    pub summary_html: String,
    pub may_edit: bool,
    pub may_delete: bool,
    /// Its photos and documents.
    pub files: Vec<Attachment>,
    /// This item's own address (`/{lang}/posts/{id}`), for its actions.
    pub path: String,
    /// A shared tool, read back as its page draws it, for peers to give
    /// feedback without leaving the stream.
    pub tool: Option<ToolReading>,
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

    /// What starts the ids of what is drawn inside the item, so a page of
    /// items has each id once.
    pub fn id_prefix(&self) -> String {
        format!("item-{}-", self.item.id)
    }

    /// The address of one of the item's actions (`react`, `edit`, …).
    pub fn action(&self, what: &str) -> String {
        format!("{}/{what}", self.path)
    }
}

/// What a page needs to draw items for one viewer in one cohort.
pub struct Drawer<'a> {
    pub page: &'a Page,
    pub viewer: &'a Viewer,
    pub programme: i64,
    pub relation: Relation,
    pub tools: &'a [Tool],
    /// The programme's finished cohorts, for items of its alumni space.
    pub finished: Vec<i64>,
    /// The tool versions the items to draw share ([`Drawer::load_shared`]).
    pub shared: Vec<Application>,
}

impl Drawer<'_> {
    /// Loads the tool versions `items` share, so that each is drawn inside
    /// its post: one query for the page, however many items.
    pub async fn load_shared(&mut self, state: &AppState, items: &[Item]) -> Result<(), AppError> {
        let mut ids: Vec<i64> = items
            .iter()
            .filter(|i| i.kind == ItemKind::Tool && !i.is_deleted())
            .filter_map(|i| i.ref_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        self.shared = state.db.applications_by_id(&ids).await?;
        Ok(())
    }

    /// The tool version an item shares, read back; none for other items, a
    /// deleted one, or a tool the programme no longer has.
    fn shared_tool(&self, item: &Item) -> Option<ToolReading> {
        if item.kind != ItemKind::Tool || item.is_deleted() {
            return None;
        }
        let app = self.shared.iter().find(|a| Some(a.id) == item.ref_id)?;
        let tool = self.tools.iter().find(|t| t.id == app.tool_id)?;
        let values: ToolValues = serde_json::from_str(&app.data).ok()?;
        Some(ToolReading::of(self.page.tr, tool, &values, &app.lang))
    }

    pub fn facts(&self, item: &Item) -> PostFacts<'_> {
        PostFacts {
            programme: self.programme,
            cohort: item.cohort_id,
            author: item.author_id,
            alumni: item.alumni_programme_id.map(|_| self.finished.as_slice()),
        }
    }

    pub fn view(&self, item: Item, files: &[Attachment]) -> ItemView {
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
        let summary_html = self.summary_html(&item);
        let tool = self.shared_tool(&item);
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
            summary_html,
            lang_mark,
            tool,
            item,
        }
    }

    /// What a post shares, in words (for its page's title).
    pub fn summary(&self, item: &Item) -> String {
        self.summary_as(item, false)
    }

    /// What a post shares, as HTML: words people typed in it marked with
    /// the language they wrote them in.
    pub fn summary_html(&self, item: &Item) -> String {
        self.summary_as(item, true)
    }

    fn summary_as(&self, item: &Item, html: bool) -> String {
        let page = self.page;
        let say = |key: &str, args: &[(&'static str, String)], typed: &str, written: &str| {
            if html {
                page.args_in(key, args, &[typed], written)
            } else {
                page.args(key, args)
            }
        };
        let plain = |text: String| {
            if html {
                crate::page::escape_html(&text)
            } else {
                text
            }
        };
        match item.kind {
            ItemKind::Tool => {
                let name = item
                    .tool_id
                    .as_deref()
                    .and_then(|id| self.tools.iter().find(|t| t.id == id))
                    .map(|t| page.text(&t.name).to_string())
                    .or_else(|| item.tool_id.clone())
                    .unwrap_or_default();
                plain(match item.tool_version {
                    Some(v) => page.args(
                        "space-shared-tool",
                        [("tool", name), ("version", v.to_string())],
                    ),
                    None => name,
                })
            }
            ItemKind::Cycle => match (item.cycle_number, &item.cycle_change) {
                (Some(n), Some(change)) => {
                    let decision = item
                        .cycle_decision
                        .as_deref()
                        .and_then(CycleDecision::parse)
                        .map(|d| page.t(d.message_id()))
                        .unwrap_or_else(|| page.t("cycle-undecided"));
                    say(
                        "space-shared-cycle",
                        &[
                            ("number", n.to_string()),
                            ("change", change.clone()),
                            ("decision", decision),
                        ],
                        "change",
                        item.cycle_lang.as_deref().unwrap_or_default(),
                    )
                }
                _ => plain(page.t("space-shared-gone")),
            },
            ItemKind::Reading => match (item.reading_value, item.reading_on) {
                (Some(v), Some(on)) => say(
                    "space-shared-reading",
                    &[
                        ("value", ymarfer_app::i18n::format_hundredths(v)),
                        ("unit", item.aim_unit.clone().unwrap_or_default()),
                        ("date", on.format("%d/%m/%Y").to_string()),
                    ],
                    "unit",
                    item.project_lang.as_deref().unwrap_or_default(),
                ),
                _ => plain(page.t("space-shared-gone")),
            },
            _ => String::new(),
        }
    }
}

pub async fn drawer<'a>(
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
        shared: Vec::new(),
    })
}

/// The stream's filters as the address gives them.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct StreamQuery {
    pub project: String,
    pub person: String,
    pub tool: String,
    pub kind: String,
    pub before: Option<i64>,
    pub done: Option<String>,
}

impl StreamQuery {
    pub fn filter(&self) -> StreamFilter {
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
    pub fn older(&self, base: &str, last: i64) -> String {
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

    pub fn filtered(&self) -> bool {
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
    /// The form's one-time key: the same form sent twice posts once.
    pub once: String,
}

impl PostForm {
    /// An empty form with a new one-time key.
    pub fn fresh() -> PostForm {
        PostForm {
            once: crate::forms::once_key(),
            ..Default::default()
        }
    }

    /// The one-time key, if the form carried one.
    pub fn once(&self) -> Option<&str> {
        let key = self.once.trim();
        crate::forms::sound_once_key(key).then_some(key)
    }

    pub fn check(&self, page: &Page) -> Result<(String, Lang), FieldErrors> {
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

pub fn space_base(page: &Page, programme: &Programme, cohort: &Cohort) -> String {
    page.href(&format!(
        "programmes/{}/cohorts/{}/space",
        programme.slug, cohort.slug
    ))
}

/// A post as sent, checked: its words and language, or what is wrong (the
/// words kept), and its file ready to store.
pub async fn checked_post(
    page: &Page,
    mut upload: Upload,
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
        once: upload.field("once"),
    };
    let has_file = upload.file.is_some();
    let mut errors = FieldErrors::default();
    let prepared = crate::views::upload::check_upload(page, &mut upload, &mut errors).await?;
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

/// Where a page goes after an act that made an item: to it, or (the form was
/// sent twice, and nothing was made the second time) to the top.
pub fn anchor(made: Option<i64>) -> String {
    made.map(|id| format!("#item-{id}")).unwrap_or_default()
}

/// An item (or comment) the viewer may do `action` to, with its cohort and
/// programme. One they may not see answers as if it did not exist.
pub async fn item_for(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    action: Action,
) -> Result<(Item, Programme, Cohort, Vec<i64>), AppError> {
    let placed = space::item_for(state, &viewer.acting(Door::Page, ""), id, action).await?;
    Ok((
        placed.item,
        placed.programme,
        placed.cohort,
        placed.finished,
    ))
}

/// Where an item's space is: its cohort's, or its programme's alumni space.
pub fn home_of(page: &Page, item: &Item, programme: &Programme, cohort: &Cohort) -> String {
    match item.alumni_programme_id {
        Some(_) => alumni_base(page, programme),
        None => space_base(page, programme, cohort),
    }
}

pub fn alumni_base(page: &Page, programme: &Programme) -> String {
    page.href(&format!("programmes/{}/alumni", programme.slug))
}
