//! Search (`/search?q=`): what people wrote in the cohort spaces the viewer is
//! of, and the projects the viewer may see, ranked, with the words found marked.

use crate::error::{AppError, AppResult, authorise};
use crate::page::{Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use ymarfer_app::acting::Door;
use ymarfer_app::projects::Relation;
use ymarfer_domain::authz::PostFacts;
use ymarfer_domain::projects::Visibility;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::search::{Found, Part};

/// How many matches a page of a search lists.
const LIMIT: i64 = 40;
/// How many pages of matches a search goes to: the best 1,000, ranked.
const MAX_PAGES: u32 = 25;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    q: String,
    /// Which page of matches, from 1.
    page: String,
}

pub struct Result {
    pub href: String,
    /// Marked HTML: escaped text with `<mark>` around the words found.
    pub title: String,
    /// The `lang` mark of a title people typed.
    pub title_lang: &'static str,
    pub snippet: String,
    /// The `lang` mark of the snippet, in the language it was written in.
    pub snippet_lang: &'static str,
    pub what: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    page: Page,
    q: String,
    results: Vec<Result>,
    /// The pages of matches either side of this one.
    pager: crate::paging::Pager,
}

/// Escapes text for HTML, then turns the search's markers into `<mark>`.
fn marked(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\u{1}' => out.push_str("<mark>"),
            '\u{2}' => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub async fn search(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Query(q): Query<SearchQuery>,
) -> AppResult {
    authorise(can(
        viewer.actor(),
        Action::ViewSignedInPages,
        Resource::Site,
    ))?;
    let actor = viewer.actor().ok_or(AppError::NOT_FOUND)?;
    let typed: String = q.q.trim().chars().take(200).collect();
    // Where to look: every cohort of the programmes the person is in (the
    // policy then decides each match); everywhere for an administrator.
    let programmes: Vec<i64> = if actor.is_admin {
        state
            .db
            .programmes_visible_to(actor.user_id, true)
            .await?
            .iter()
            .map(|p| p.id)
            .collect()
    } else {
        actor.programmes()
    };
    let cohorts = state.db.cohort_ids_of(&programmes).await?;
    let programme_of: HashMap<i64, i64> = cohorts.iter().map(|(c, p, _)| (*c, *p)).collect();
    // Each programme's finished cohorts, for items of its alumni space.
    let today = ymarfer_domain::uktime::today();
    let mut finished: HashMap<i64, Vec<i64>> = HashMap::new();
    for (cohort, programme, ends_on) in &cohorts {
        if ymarfer_app::space::has_finished(*ends_on, today) {
            finished.entry(*programme).or_default().push(*cohort);
        }
    }
    let scope: Option<Vec<i64>> = (!actor.is_admin).then(|| cohorts.iter().map(|c| c.0).collect());
    // One more than a page of each kind, to know whether another page follows.
    let number = crate::paging::page_number(&q.page, MAX_PAGES)?;
    let offset = (number - 1) * LIMIT as u32;
    let (mut hits, mut parts) = if typed.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (
            state
                .db
                .search(&typed, scope.as_deref(), LIMIT + 1, offset)
                .await?,
            state
                .db
                .search_parts(&typed, scope.as_deref(), LIMIT + 1, offset)
                .await?,
        )
    };
    let more = (hits.len() as i64 > LIMIT || parts.len() as i64 > LIMIT) && number < MAX_PAGES;
    hits.truncate(LIMIT as usize);
    parts.truncate(LIMIT as usize);
    let post_ids: Vec<i64> = hits
        .iter()
        .filter_map(|h| match h.found {
            Found::Post(id) => Some(id),
            Found::Project(_) => None,
        })
        .collect();
    let mut project_ids: Vec<i64> = hits
        .iter()
        .filter_map(|h| match h.found {
            Found::Project(id) => Some(id),
            Found::Post(_) => None,
        })
        .chain(parts.iter().map(|p| p.project_id))
        .collect();
    project_ids.sort_unstable();
    project_ids.dedup();
    let posts: HashMap<i64, _> = state
        .db
        .posts_brief(&post_ids)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let projects: HashMap<i64, _> = state
        .db
        .projects_brief(&project_ids)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    // The viewer's relation to projects matters only in cohorts they take part in.
    let mut relations = HashMap::new();
    let taking_part: HashSet<i64> = actor.participating_cohorts().into_iter().collect();
    for cohort in &taking_part {
        if projects.values().any(|p| p.cohort_id == *cohort) {
            relations.insert(
                *cohort,
                Relation::load(&state, &viewer.acting(Door::Page, ""), *cohort).await?,
            );
        }
    }
    let none = Relation::none();
    let programme_lookup = programme_of;
    let mut results = Vec::new();
    for h in hits {
        let Some(&programme) = programme_lookup.get(&h.cohort_id) else {
            continue;
        };
        match h.found {
            Found::Post(id) => {
                let Some(p) = posts.get(&id) else { continue };
                let facts = PostFacts {
                    programme,
                    cohort: p.cohort_id,
                    author: p.author_id,
                    alumni: p
                        .alumni_programme_id
                        .map(|a| finished.get(&a).map_or(&[][..], Vec::as_slice)),
                };
                if !can(Some(actor), Action::ViewSpace, Resource::Post(facts)).allowed() {
                    continue;
                }
                let thread = p.parent_id.unwrap_or(id);
                results.push(Result {
                    href: page.href(&format!("posts/{thread}#item-{id}")),
                    title: marked(
                        &page.args(
                            "search-post-title",
                            [
                                (
                                    "author",
                                    p.author
                                        .clone()
                                        .unwrap_or_else(|| page.t("space-former-member")),
                                ),
                                ("when", crate::views::space::when(&p.created_at)),
                            ],
                        ),
                    ),
                    title_lang: "",
                    snippet: marked(&h.snippet),
                    snippet_lang: page.lang_of(&p.lang),
                    what: page.t(if p.parent_id.is_some() {
                        "space-kind-comment"
                    } else {
                        "space-kind-post"
                    }),
                });
            }
            Found::Project(id) => {
                let Some(p) = projects.get(&id) else { continue };
                let relation = relations.get(&p.cohort_id).unwrap_or(&none);
                let facts = relation.facts(
                    programme,
                    p.cohort_id,
                    p.organisation_id,
                    Visibility::parse(&p.visibility).unwrap_or_default(),
                    p.public_approved,
                );
                if !can(Some(actor), Action::ViewProject, Resource::Project(facts)).allowed() {
                    continue;
                }
                results.push(Result {
                    href: page.href(&format!("projects/{id}")),
                    title: marked(&h.title),
                    title_lang: page.lang_of(&p.lang),
                    snippet: marked(&h.snippet),
                    snippet_lang: page.lang_of(&p.lang),
                    what: page.t1("search-project", "organisation", &p.organisation),
                });
            }
        }
    }
    // Cycles, tool applications and benefit lines: seen by whoever may see
    // their project.
    for h in parts {
        let Some(&programme) = programme_lookup.get(&h.cohort_id) else {
            continue;
        };
        let Some(p) = projects.get(&h.project_id) else {
            continue;
        };
        let relation = relations.get(&p.cohort_id).unwrap_or(&none);
        let facts = relation.facts(
            programme,
            p.cohort_id,
            p.organisation_id,
            Visibility::parse(&p.visibility).unwrap_or_default(),
            p.public_approved,
        );
        if !can(Some(actor), Action::ViewProject, Resource::Project(facts)).allowed() {
            continue;
        }
        let project = h.project_id;
        let (href, title) = match h.part {
            Part::Cycle => (
                format!("projects/{project}/cycles/{}", h.key),
                page.t1("search-cycle", "number", &h.key),
            ),
            Part::Tool => (
                format!("projects/{project}/tools/{}", h.key),
                page.t1("search-tool", "tool", &h.key),
            ),
            Part::Benefit => (format!("projects/{project}"), page.t("search-benefit")),
        };
        results.push(Result {
            href: page.href(&href),
            title: marked(&title),
            title_lang: "",
            snippet: marked(&h.snippet),
            snippet_lang: page.lang_of(h.lang.as_deref().unwrap_or_default()),
            what: page.t1("search-project", "organisation", &p.organisation),
        });
    }
    let mut page = page;
    page.title = if typed.is_empty() {
        page.t("search-title")
    } else {
        page.t1("search-title-for", "query", &typed)
    };
    let search = page.href("search");
    let at = |n: u32| {
        crate::paging::with_query(&search, &[("q", typed.as_str()), ("page", &n.to_string())])
    };
    let pager = crate::paging::Pager {
        previous: (number > 1).then(|| at(number - 1)),
        next: more.then(|| at(number + 1)),
        total: 0,
    };
    render(&SearchPage {
        page,
        q: typed,
        results,
        pager,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_the_markers_become_markup() {
        assert_eq!(
            super::marked("a \u{1}<b>\u{2} & \"c\""),
            "a <mark>&lt;b&gt;</mark> &amp; &quot;c&quot;"
        );
    }
}
