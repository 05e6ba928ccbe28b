use crate::cookies;
use crate::error::AppResult;
use crate::page::{Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::response::{IntoResponse, Redirect, Response};
use ymarfer_domain::Lang;
use ymarfer_store::people::MyCohort;
use ymarfer_store::schedule::Meeting;

/// `/` chooses a language: the cookie from an earlier visit, then the signed-in
/// person's preference, then the browser's `Accept-Language`, then English.
pub async fn pick_language(headers: HeaderMap, viewer: Viewer) -> Response {
    let lang = cookies::get(&headers, cookies::LANG)
        .and_then(|c| Lang::parse(&c))
        .or_else(|| viewer.0.as_ref().map(|c| c.user.lang()))
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default();
    Redirect::to(&format!("/{}", lang.code())).into_response()
}

/// A cohort on someone's home page, with what comes next in it.
pub struct MyCohortView {
    pub c: MyCohort,
    pub next: Option<Meeting>,
    pub set: Option<(String, Vec<String>)>,
    /// A participant's own challenge projects in the cohort, each with the
    /// step that comes next and where to take it.
    pub projects: Vec<MyProject>,
}

pub struct MyProject {
    pub title: String,
    pub href: String,
    pub next: String,
    pub next_href: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
    cohorts: Vec<MyCohortView>,
    manages_any: bool,
}

impl Home {
    fn role_name(&self, role: &ymarfer_domain::Role) -> String {
        self.page.t(role.message_id())
    }
}

pub async fn home(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    let page = page.titled("home-title");
    let mut cohorts = Vec::new();
    if let Some(me) = viewer.0.as_ref() {
        let now = chrono::Utc::now();
        for c in state.db.my_cohorts(me.user.id).await? {
            let next = state
                .db
                .meetings_of(c.cohort_id)
                .await?
                .into_iter()
                .find(|m| m.ends_at > now);
            let members = state.db.set_members(c.cohort_id).await?;
            let set = members
                .iter()
                .find(|m| m.user_id == me.user.id)
                .map(|mine| {
                    let others = members
                        .iter()
                        .filter(|m| m.set_id == mine.set_id && m.user_id != me.user.id)
                        .map(|m| m.display_name.clone())
                        .collect();
                    (mine.set_name.clone(), others)
                });
            let mut projects = Vec::new();
            if c.role.enrols()
                && let Some(org) = state.db.represented_in(c.cohort_id, me.user.id).await?
            {
                for s in state.db.cohort_projects(c.cohort_id).await? {
                    if s.organisation_id != org {
                        continue;
                    }
                    let href = page.href(&format!("projects/{}", s.id));
                    // The step that moves the project on: a first tool, then
                    // a test-and-learn cycle, then readings and more cycles.
                    let (next, next_href) = if s.tools == 0 {
                        (page.t("home-step-tool"), format!("{href}#tools-heading"))
                    } else if s.cycles == 0 {
                        (
                            page.t("home-step-cycle"),
                            page.href(&format!("projects/{}/cycles/new", s.id)),
                        )
                    } else {
                        (
                            page.t("home-step-measure"),
                            format!("{href}#measures-section"),
                        )
                    };
                    projects.push(MyProject {
                        title: s.title,
                        href,
                        next,
                        next_href,
                    });
                }
            }
            cohorts.push(MyCohortView {
                c,
                next,
                set,
                projects,
            });
        }
    }
    let manages_any = ymarfer_domain::can(
        viewer.actor(),
        ymarfer_domain::Action::OverseeProgrammes,
        ymarfer_domain::Resource::Site,
    )
    .allowed();
    render(&Home {
        page,
        cohorts,
        manages_any,
    })
}
