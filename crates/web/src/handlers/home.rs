use crate::cookies;
use crate::error::AppResult;
use crate::page::{Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::response::{IntoResponse, Redirect, Response};
use ymarfer_app::acting::Door;
use ymarfer_domain::{Lang, Pence};
use ymarfer_store::people::MyCohort;
use ymarfer_store::schedule::Meeting;

/// `/` chooses a language: the cookie from an earlier visit, then the signed-in
/// person's preference, then the browser's `Accept-Language`, then English.
pub async fn pick_language(headers: HeaderMap, viewer: Viewer) -> Response {
    Redirect::to(&format!("/{}", language_of(&headers, &viewer).code())).into_response()
}

/// `/admin`, typed without a language: the administration index in the
/// person's language.
pub async fn admin_in_language(headers: HeaderMap, viewer: Viewer) -> Response {
    Redirect::to(&format!("/{}/admin", language_of(&headers, &viewer).code())).into_response()
}

/// The language a person asked for last, else their account's, else their
/// browser's.
fn language_of(headers: &HeaderMap, viewer: &Viewer) -> Lang {
    cookies::get(headers, cookies::LANG)
        .and_then(|c| Lang::parse(&c))
        .or_else(|| viewer.0.as_ref().map(|c| c.user.lang()))
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// A cohort on someone's home page, with what comes next in it.
pub struct MyCohortView {
    pub c: MyCohort,
    pub next: Option<Meeting>,
    pub set: Option<(String, Vec<String>)>,
    /// A participant's own challenge projects in the cohort, each with the
    /// step that comes next and where to take it.
    pub projects: Vec<MyProject>,
    /// For the cohort's staff: what needs doing, each with where to do it.
    pub todo: Vec<(String, String)>,
    /// A participant's commitments in the cohort still to check in.
    pub commitments: Vec<MyCommitment>,
    /// For a participant: other firms' projects in the cohort she may see,
    /// most recently active first (title, firm, link, when).
    pub news: Vec<(String, String, String, String)>,
    /// The cohort space, when the person may enter it.
    pub space: Option<String>,
    /// The programme's alumni space, once the cohort has finished.
    pub alumni: Option<String>,
}

/// How many of the cohort's recently active projects a home lists.
const NEWS: usize = 5;

pub struct MyProject {
    pub id: i64,
    pub title: String,
    /// The `lang` mark of its title.
    pub title_lang: &'static str,
    pub href: String,
    pub next: String,
    pub next_href: String,
    /// The tools applied (name, link), in the toolkit's order.
    pub applied: Vec<(String, String)>,
    /// The tool the toolkit suggests next (name, link).
    pub suggested: Option<(String, String)>,
    /// Its claims as they stand.
    pub claims: Vec<MyClaimView>,
}

/// A claimed line on a participant's home: what it is, where it stands, and
/// where to see it or do what it waits for.
pub struct MyClaimView {
    pub description: String,
    pub status: String,
    pub href: String,
    /// What the claim waits for from her (text, link): answer a question, or
    /// rework a line returned.
    pub action: Option<(String, String)>,
}

/// A commitment waiting to be checked in: what it says, where it was made,
/// and the session it is due at (title, when, link to check in there).
pub struct MyCommitment {
    pub body: String,
    /// The `lang` mark of what it says.
    pub body_lang: &'static str,
    pub made: (String, String),
    pub due: Option<(String, String, String)>,
}

/// A programme the person oversees, at a glance: its headline figures and what
/// needs attention, each one click from where to act.
pub struct ProgrammeGlance {
    pub name: String,
    pub href: String,
    pub impact_href: String,
    pub verified: String,
    pub roi: String,
    /// Claims waiting for the viewer to verify, and where.
    pub claims: Option<(i64, String)>,
    pub cohorts: Vec<CohortGlance>,
}

/// A cohort in a programme's glance: where it stands and what it has verified.
pub struct CohortGlance {
    pub name: String,
    pub href: String,
    pub stage: String,
    pub verified: String,
    pub roi: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
    cohorts: Vec<MyCohortView>,
    programmes: Vec<ProgrammeGlance>,
    manages_any: bool,
    /// Unread notices and unanswered requests for feedback.
    waiting: (i64, usize),
    /// Requests for the person's feedback: (what, the language it is
    /// written in, who asked, link).
    feedback: Vec<(String, String, String, String)>,
    /// For someone not signed in: the programmes' showcases of what firms
    /// changed.
    showcases: Vec<ymarfer_store::showcase::ShowcaseLink>,
}

impl Home {
    fn role_name(&self, role: &ymarfer_domain::Role) -> String {
        self.page.t(role.message_id())
    }

    /// The day a cohort finished, once it has.
    fn finished(&self, ends_on: &Option<chrono::NaiveDate>) -> Option<String> {
        ends_on
            .filter(|end| *end < ymarfer_domain::uktime::today())
            .map(|end| self.page.tr.day(end))
    }
}

pub async fn home(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    let page = page.titled("home-title");
    let mut cohorts = Vec::new();
    // Her own work, from the application layer: her firms' projects with
    // their tools and claims, her commitments, the feedback asked of her.
    let mut mine = match viewer.user_id() {
        Some(_) => {
            ymarfer_app::home::participant_loop(&state, &viewer.acting(Door::Page, "")).await?
        }
        None => Default::default(),
    };
    if let Some(me) = viewer.0.as_ref() {
        let now = chrono::Utc::now();
        // Each programme's claims, read once however many of its cohorts the
        // person is in.
        let mut claims: std::collections::HashMap<i64, Vec<(i64, i64)>> = Default::default();
        for c in state.db.my_cohorts(me.user.id).await? {
            let meetings = state.db.meetings_of(c.cohort_id).await?;
            let next = meetings.iter().find(|m| m.ends_at > now).cloned();
            let mut todo = Vec::new();
            let staff = ymarfer_domain::can(
                viewer.actor(),
                ymarfer_domain::Action::ManageCohort,
                ymarfer_domain::Resource::Cohort {
                    programme: c.programme_id,
                    cohort: c.cohort_id,
                },
            )
            .allowed();
            if staff {
                let base = format!("programmes/{}/cohorts/{}", c.programme_slug, c.cohort_slug);
                // Registers still to take: sessions that have ended with nobody recorded.
                let recorded = state.db.attendance_of_cohort(c.cohort_id).await?;
                let unrecorded: Vec<_> = meetings
                    .iter()
                    .filter(|m| m.ends_at <= now && !recorded.iter().any(|r| r.session_id == m.id))
                    .collect();
                if let Some(first) = unrecorded.first() {
                    todo.push((
                        page.count("home-registers", unrecorded.len() as i64),
                        page.href(&format!("{base}/sessions/{}", first.id)),
                    ));
                }
                // Claimed savings in this cohort waiting for the viewer to
                // verify: counted by cohort, once a programme.
                let counts = match claims.entry(c.programme_id) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(e) => e.insert(
                        ymarfer_app::claims::waiting_by_cohort(
                            &state,
                            &viewer.acting(Door::Page, ""),
                            c.programme_id,
                        )
                        .await?,
                    ),
                };
                let waiting = counts
                    .iter()
                    .find(|(cohort, _)| *cohort == c.cohort_id)
                    .map_or(0, |(_, n)| *n);
                if waiting > 0 {
                    todo.push((
                        page.count("home-claims-waiting", waiting),
                        page.href(&format!(
                            "programmes/{}/claims?cohort={}",
                            c.programme_slug, c.cohort_slug
                        )),
                    ));
                }
                // Projects gone quiet.
                let quiet = state
                    .db
                    .cohort_projects(c.cohort_id)
                    .await?
                    .iter()
                    .filter(|s| {
                        ymarfer_domain::projects::is_quiet(
                            s.status,
                            s.last_activity.unwrap_or(s.updated_at),
                            now,
                        )
                    })
                    .count();
                if quiet > 0 {
                    todo.push((
                        page.count("home-quiet-projects", quiet as i64),
                        page.href(&format!("{base}/projects")),
                    ));
                }
            }
            let members = state.db.set_members(c.cohort_id).await?;
            let set = members
                .iter()
                .find(|m| m.user_id == me.user.id)
                .map(|mine| {
                    let others = members
                        .iter()
                        .filter(|m| m.set_id == mine.set_id && m.user_id != me.user.id)
                        .map(|m| page.person_only(&m.display_name, &m.email))
                        .collect();
                    (mine.set_name.clone(), others)
                });
            let mut news = Vec::new();
            if c.role.enrols()
                && let Some(org) = state.db.represented_in(c.cohort_id, me.user.id).await?
            {
                let all = state.db.cohort_projects(c.cohort_id).await?;
                // What other firms have been doing, as far as she may see it.
                let relation = ymarfer_app::projects::Relation::load(
                    &state,
                    &viewer.acting(Door::Page, ""),
                    c.cohort_id,
                )
                .await?;
                let mut others: Vec<_> = all
                    .iter()
                    .filter(|s| s.organisation_id != org)
                    .filter(|s| {
                        let facts = relation.facts(
                            c.programme_id,
                            c.cohort_id,
                            s.organisation_id,
                            s.visibility,
                            s.public_approved_by.is_some(),
                        );
                        ymarfer_domain::can(
                            viewer.actor(),
                            ymarfer_domain::Action::ViewProject,
                            ymarfer_domain::Resource::Project(facts),
                        )
                        .allowed()
                    })
                    .filter_map(|s| s.last_activity.map(|at| (at, s)))
                    .collect();
                others.sort_by_key(|o| std::cmp::Reverse(o.0));
                news = others
                    .into_iter()
                    .take(NEWS)
                    .map(|(at, s)| {
                        (
                            s.title.clone(),
                            s.organisation_name.clone(),
                            page.href(&format!("projects/{}", s.id)),
                            page.tr.date(at),
                        )
                    })
                    .collect();
            }
            let (here, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut mine.projects)
                .into_iter()
                .partition(|p| p.project.cohort_id == c.cohort_id);
            mine.projects = rest;
            let projects: Vec<MyProject> = here.into_iter().map(|p| my_project(&page, p)).collect();
            let commitments = mine
                .commitments
                .iter()
                .filter(|m| m.cohort_id == c.cohort_id)
                .map(|m| my_commitment(&page, m))
                .collect();
            let space = crate::context::may(
                &viewer,
                ymarfer_domain::Action::ViewSpace,
                c.programme_id,
                c.cohort_id,
            )
            .then(|| {
                page.href(&format!(
                    "programmes/{}/cohorts/{}/space",
                    c.programme_slug, c.cohort_slug
                ))
            });
            let finished = [c.cohort_id];
            let alumni =
                ymarfer_app::space::has_finished(c.ends_on, ymarfer_domain::uktime::today())
                    .then_some(())
                    .filter(|_| {
                        ymarfer_domain::can(
                            viewer.actor(),
                            ymarfer_domain::Action::ViewAlumni,
                            ymarfer_domain::Resource::Alumni {
                                programme: c.programme_id,
                                finished: &finished,
                            },
                        )
                        .allowed()
                    })
                    .map(|_| page.href(&format!("programmes/{}/alumni", c.programme_slug)));
            cohorts.push(MyCohortView {
                space,
                alumni,
                c,
                next,
                set,
                projects,
                commitments,
                todo,
                news,
            });
        }
    }
    let manages_any = ymarfer_domain::can(
        viewer.actor(),
        ymarfer_domain::Action::OverseeProgrammes,
        ymarfer_domain::Resource::Site,
    )
    .allowed();
    let programmes = match viewer.0.as_ref() {
        Some(me) if manages_any => glances(&state, &page, &viewer, me.user.id).await?,
        _ => Vec::new(),
    };
    let waiting = (page.unread, mine.feedback.len());
    let feedback = mine
        .feedback
        .iter()
        .map(|r| {
            let (what, written) = match (&r.project_title, &r.project_lang) {
                (Some(title), Some(lang)) => (title.clone(), lang.as_str()),
                _ => (crate::page::excerpt(&r.body, 80), r.lang.as_str()),
            };
            (
                what,
                written.to_string(),
                r.asked_by
                    .as_deref()
                    .filter(|n| !n.trim().is_empty())
                    .map(str::to_string)
                    .unwrap_or_else(|| page.t("person-unnamed")),
                page.href(&format!("posts/{}#feedback-heading", r.post_id)),
            )
        })
        .collect();
    let showcases = if viewer.0.is_none() {
        state.db.showcases().await?
    } else {
        Vec::new()
    };
    render(&Home {
        page,
        cohorts,
        programmes,
        manages_any,
        waiting,
        feedback,
        showcases,
    })
}

/// The programmes a person oversees (any role but participant), with their
/// verified first-year savings and return, and the claims waiting for them.
async fn glances(
    state: &AppState,
    page: &Page,
    viewer: &Viewer,
    user: i64,
) -> Result<Vec<ProgrammeGlance>, crate::error::AppError> {
    use ymarfer_domain::{Action, Resource, can};
    let mut out = Vec::new();
    let actor = viewer.actor();
    for p in state.db.programmes_visible_to(user, false).await? {
        if !can(actor, Action::OverseeProgrammes, Resource::Programme(p.id)).allowed() {
            continue;
        }
        let (summary, cost) = ymarfer_app::report::money_at_a_glance(&state.db, &p, None).await?;
        let claims = if can(actor, Action::ReviewClaims, Resource::Programme(p.id)).allowed() {
            let acting = viewer.acting(ymarfer_app::acting::Door::Page, "");
            let n = ymarfer_app::claims::waiting(state, &acting, &p).await?;
            Some((n, page.href(&format!("programmes/{}/claims", p.slug))))
        } else {
            None
        };
        let cohorts = cohort_glances(state, page, &p).await?;
        out.push(ProgrammeGlance {
            cohorts,
            name: page.pick(&p.name_en, &p.name_cy).to_string(),
            href: page.href(&format!("programmes/{}", p.slug)),
            impact_href: page.href(&format!("programmes/{}/impact", p.slug)),
            verified: page.tr.money(summary.verified()),
            roi: ymarfer_domain::impact::format_roi(summary.verified(), cost),
            claims,
        });
    }
    Ok(out)
}

/// A programme's cohorts at a glance, from two queries whatever their number:
/// each one's dates, and its verified savings against its share of the cost.
async fn cohort_glances(
    state: &AppState,
    page: &Page,
    p: &ymarfer_store::programmes::Programme,
) -> Result<Vec<CohortGlance>, crate::error::AppError> {
    let cohorts = state.db.cohorts_of(p.id).await?;
    let shares = ymarfer_app::report::cohort_shares(p, &cohorts);
    let verified = state
        .db
        .verified_by(p.id, ymarfer_store::ledger::VerifiedBy::Cohort)
        .await?;
    let today = ymarfer_domain::uktime::today();
    let tr = page.tr;
    let mut out = Vec::new();
    for (c, share) in cohorts.iter().zip(shares) {
        let mine = verified
            .iter()
            .find(|(id, _)| *id == c.id)
            .map_or(Pence(0), |(_, v)| *v);
        let stage = match (c.starts_on, c.ends_on) {
            (Some(start), _) if start > today => {
                tr.t1("cohort-stage-starting", "date", &tr.day(start))
            }
            (_, Some(end)) if end < today => tr.t1("cohort-stage-finished", "date", &tr.day(end)),
            (Some(_), _) => tr.t("cohort-stage-running"),
            _ => String::new(),
        };
        out.push(CohortGlance {
            name: tr.pick(&c.name_en, &c.name_cy).to_string(),
            href: page.href(&format!("programmes/{}/cohorts/{}", p.slug, c.slug)),
            stage,
            verified: tr.money(mine),
            roi: ymarfer_domain::impact::format_roi(mine, share),
        });
    }
    Ok(out)
}

/// One of her projects as her home shows it: the step that moves it on, the
/// tools applied and the one to try next, and its claims.
fn my_project(page: &Page, p: ymarfer_app::home::ProjectLoop) -> MyProject {
    use ymarfer_domain::impact::Status;
    let s = &p.project;
    let href = page.href(&format!("projects/{}", s.id));
    let tool_href = |id: &str| page.href(&format!("projects/{}/tools/{id}", s.id));
    let suggested = p
        .suggested
        .as_ref()
        .map(|t| (page.text(&t.name).to_string(), tool_href(&t.id)));
    // The step that moves the project on: a first tool, then a test-and-learn
    // cycle, then readings and more cycles.
    let (next, next_href) = if s.tools == 0 {
        let first = suggested
            .as_ref()
            .map_or_else(|| format!("{href}#tools-heading"), |(_, h)| h.clone());
        (page.t("home-step-tool"), first)
    } else if s.cycles == 0 {
        (
            page.t("home-step-cycle"),
            page.href(&format!("projects/{}/cycles/new", s.id)),
        )
    } else if let Some(n) = s.open_cycle {
        (
            page.t1("home-step-finish-cycle", "number", &n.to_string()),
            page.href(&format!("projects/{}/cycles/{n}/edit", s.id)),
        )
    } else if s.readings == 0 {
        (
            page.t("home-step-first-reading"),
            format!("{href}#reading-form"),
        )
    } else {
        (
            page.t("home-step-measure"),
            format!("{href}#measures-section"),
        )
    };
    let applied = p
        .applied
        .iter()
        .map(|t| (page.text(&t.name).to_string(), tool_href(&t.id)))
        .collect();
    let claims = p
        .claims
        .iter()
        .map(|c| {
            let line = page.href(&format!("projects/{}/benefits/{}", s.id, c.line_id));
            let action = match c.status {
                Status::Queried => Some((page.t("ledger-answer"), format!("{line}/answer"))),
                Status::Returned => Some((page.t("home-claim-rework"), line)),
                _ => None,
            };
            MyClaimView {
                description: c.description.clone(),
                status: page.t(c.status.message_id()),
                href: format!("{href}#ledger"),
                action,
            }
        })
        .collect();
    MyProject {
        id: s.id,
        title: s.title.clone(),
        title_lang: page.lang_of(&s.lang),
        href,
        next,
        next_href,
        applied,
        suggested,
        claims,
    }
}

/// A commitment as her home shows it, linked to the session where she checks
/// in on it.
fn my_commitment(page: &Page, m: &ymarfer_store::home::OpenCommitment) -> MyCommitment {
    let session = |id: i64| {
        page.href(&format!(
            "programmes/{}/cohorts/{}/sessions/{id}",
            m.programme_slug, m.cohort_slug
        ))
    };
    MyCommitment {
        body: m.body.clone(),
        body_lang: page.lang_of(&m.lang),
        made: (m.made_title.clone(), session(m.made_at)),
        due: m.due_id.map(|id| {
            (
                m.due_title.clone().unwrap_or_default(),
                m.due_on.map(|at| page.tr.date_time(at)).unwrap_or_default(),
                format!("{}#rhythm-heading", session(id)),
            )
        }),
    }
}
