//! A cohort's sessions: scheduling, the page for one session, its attendance
//! register, and calendar feeds (RFC 5545) for cohorts and people.

use super::{ClientAddr, FormData, see_other};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::session_page::{meeting_for, show_with};
use crate::{context, parse};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::sessions::Calendar;
use ymarfer_domain::programme::{Attendance, SessionKind};
use ymarfer_domain::{Action, uktime};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::schedule::{FeedTarget, Meeting, MeetingInput};

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MeetingForm {
    title: String,
    kind: String,
    starts_at: String,
    ends_at: String,
    location: String,
    online_url: String,
    agenda: String,
    resources: String,
}

impl MeetingForm {
    fn from_meeting(m: &Meeting) -> MeetingForm {
        MeetingForm {
            title: m.title.clone(),
            kind: m.kind.as_str().to_string(),
            starts_at: uktime::format_local_input(m.starts_at),
            ends_at: uktime::format_local_input(m.ends_at),
            location: m.location.clone(),
            online_url: m.online_url.clone(),
            agenda: m.agenda.clone(),
            resources: m.resources.clone(),
        }
    }

    fn validate(&self, page: &Page) -> Result<MeetingInput, FieldErrors> {
        let tr = page.tr;
        let mut e = FieldErrors::default();
        let title = parse::text(tr, &mut e, "title", &self.title, 200, true);
        let kind = SessionKind::parse(&self.kind);
        if kind.is_none() {
            e.add("kind", tr.t("error-choose-one"));
        }
        let mut when = |field: &'static str, input: &str| -> Option<DateTime<Utc>> {
            let at = uktime::parse_local(input);
            if at.is_none() {
                e.add(
                    field,
                    tr.t(if input.trim().is_empty() {
                        "error-required"
                    } else {
                        "error-datetime-invalid"
                    }),
                );
            }
            at
        };
        let starts_at = when("starts_at", &self.starts_at);
        let ends_at = when("ends_at", &self.ends_at);
        if let (Some(s), Some(en)) = (starts_at, ends_at)
            && en <= s
        {
            e.add("ends_at", tr.t("error-end-before-start"));
        }
        let location = parse::text(tr, &mut e, "location", &self.location, 300, false);
        let online_url = parse::text(tr, &mut e, "online_url", &self.online_url, 500, false);
        if !online_url.is_empty() && !crate::calendar::web_address(&online_url) {
            e.add("online_url", tr.t("error-url"));
        }
        let agenda = parse::text(tr, &mut e, "agenda", &self.agenda, 20_000, false);
        let resources = parse::text(tr, &mut e, "resources", &self.resources, 20_000, false);
        match (starts_at, ends_at, kind) {
            (Some(starts_at), Some(ends_at), Some(kind)) if e.is_empty() => Ok(MeetingInput {
                title,
                kind,
                starts_at,
                ends_at,
                location,
                online_url,
                agenda,
                resources,
            }),
            _ => Err(e),
        }
    }
}

#[derive(Template)]
#[template(path = "meetings/form.html")]
struct FormPage {
    page: Page,
    programme: Programme,
    cohort: Cohort,
    action: String,
    form: MeetingForm,
    errors: FieldErrors,
}

impl FormPage {
    fn kinds(&self) -> Vec<(&'static str, String)> {
        SessionKind::ALL
            .iter()
            .map(|k| (k.as_str(), self.page.t(k.message_id())))
            .collect()
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let action = page.href(&format!("programmes/{slug}/cohorts/{cslug}/sessions/new"));
    let form = MeetingForm {
        kind: "workshop".into(),
        ..MeetingForm::default()
    };
    render(&FormPage {
        page: page.titled("session-new-title"),
        programme,
        cohort,
        action,
        form,
        errors: FieldErrors::default(),
    })
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
    FormData(form): FormData<MeetingForm>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    match form.validate(&page) {
        Ok(input) => {
            let acting = Acting::person(viewer.actor(), Door::Page, address);
            let done = ymarfer_app::sessions::schedule(&state, &acting, &cohort, &input).await?;
            Ok(see_other(&page.href(&format!(
                "programmes/{slug}/cohorts/{cslug}/sessions/{}",
                done.meeting.id
            ))))
        }
        Err(errors) => {
            let action = page.href(&format!("programmes/{slug}/cohorts/{cslug}/sessions/new"));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    page: page.titled("session-new-title"),
                    programme,
                    cohort,
                    action,
                    form,
                    errors,
                },
            )
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug, id)): Path<(String, String, i64)>,
) -> AppResult {
    let (programme, cohort, m) =
        meeting_for(&state, &viewer, &slug, &cslug, id, Action::ManageCohort).await?;
    let action = page.href(&format!(
        "programmes/{slug}/cohorts/{cslug}/sessions/{id}/edit"
    ));
    let form = MeetingForm::from_meeting(&m);
    render(&FormPage {
        page: page.titled("session-edit-title"),
        programme,
        cohort,
        action,
        form,
        errors: FieldErrors::default(),
    })
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    Path((slug, cslug, id)): Path<(String, String, i64)>,
    FormData(form): FormData<MeetingForm>,
) -> AppResult {
    let (programme, cohort, _) =
        meeting_for(&state, &viewer, &slug, &cslug, id, Action::ManageCohort).await?;
    match form.validate(&page) {
        Ok(input) => {
            let acting = Acting::person(viewer.actor(), Door::Page, address);
            ymarfer_app::sessions::edit(&state, &acting, &cohort, id, &input).await?;
            Ok(see_other(&page.href(&format!(
                "programmes/{slug}/cohorts/{cslug}/sessions/{id}?done=saved"
            ))))
        }
        Err(errors) => {
            let action = page.href(&format!(
                "programmes/{slug}/cohorts/{cslug}/sessions/{id}/edit"
            ));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    page: page.titled("session-edit-title"),
                    programme,
                    cohort,
                    action,
                    form,
                    errors,
                },
            )
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug, id)): Path<(String, String, i64)>,
    axum::extract::Query(q): axum::extract::Query<super::DoneQuery>,
) -> AppResult {
    show_with(
        &state,
        page,
        &viewer,
        (&slug, &cslug, id),
        q.done,
        crate::views::rhythm::Typed::default(),
    )
    .await
}

/// Saves the register: one `status-<user id>` field per active participant;
/// an empty one records nothing for that person.
pub async fn record_attendance(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    Path((slug, cslug, id)): Path<(String, String, i64)>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let (_, cohort, _) =
        meeting_for(&state, &viewer, &slug, &cslug, id, Action::ManageCohort).await?;
    let marks = register_marks(&form)?;
    let acting = Acting::person(viewer.actor(), Door::Page, address);
    ymarfer_app::sessions::take_register(&state, &acting, &cohort, id, &marks).await?;
    Ok(see_other(&page.href(&format!(
        "programmes/{slug}/cohorts/{cslug}/sessions/{id}?done=attendance#register-heading"
    ))))
}

/// The register a form asks for. It carries each person's mark as it stands
/// (`status-{person}`) and everyone on it (`person`); one of its buttons
/// marks a single person in one tap (`mark` = `{person}-{mark}`), or everyone
/// not yet marked present (`everyone` = `present`), so the exceptions are all
/// that is left to change.
fn register_marks(form: &[(String, String)]) -> Result<Vec<(i64, Attendance)>, AppError> {
    let mut marks = std::collections::BTreeMap::new();
    let mut people = Vec::new();
    let mut one = None;
    let mut everyone = false;
    for (name, value) in form {
        if let Some(user) = name.strip_prefix("status-") {
            let user = user.parse::<i64>().map_err(|_| AppError::BAD_REQUEST)?;
            if !value.is_empty() {
                let mark = Attendance::parse(value).ok_or(AppError::BAD_REQUEST)?;
                marks.insert(user, mark);
            }
            continue;
        }
        match name.as_str() {
            "person" => people.push(value.parse::<i64>().map_err(|_| AppError::BAD_REQUEST)?),
            "everyone" => everyone = value == "present",
            "mark" => {
                let (user, mark) = value.split_once('-').ok_or(AppError::BAD_REQUEST)?;
                let user = user.parse::<i64>().map_err(|_| AppError::BAD_REQUEST)?;
                one = Some((user, Attendance::parse(mark).ok_or(AppError::BAD_REQUEST)?));
            }
            _ => {}
        }
    }
    if everyone {
        for person in people {
            marks.entry(person).or_insert(Attendance::Present);
        }
    }
    if let Some((user, mark)) = one {
        marks.insert(user, mark);
    }
    Ok(marks.into_iter().collect())
}

/// Makes a new secret calendar link for the cohort; the old one stops working.
pub async fn new_cohort_feed(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let acting = Acting::person(viewer.actor(), Door::Page, address);
    let secret =
        ymarfer_app::sessions::make_calendar_link(&state, &acting, Calendar::Cohort(&cohort))
            .await?;
    let link = feed_url(&state, &secret);
    let extras = crate::views::cohort_page::Extras {
        feed_link: Some(link),
        ..crate::views::cohort_page::Extras::new(page.lang)
    };
    let show =
        crate::views::cohort_page::show_page(&state, page, &viewer, programme, cohort, extras)
            .await?;
    render(&show)
}

pub fn feed_url(state: &AppState, secret: &str) -> String {
    format!("{}calendar/{secret}.ics", state.config.base_url)
}

/// The iCalendar feed behind a secret link. No sign-in: the secret is the key,
/// and revoking it (by making a new one) shuts the feed.
pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> AppResult {
    let secret = file.strip_suffix(".ics").ok_or(AppError::NOT_FOUND)?;
    let target = state
        .db
        .calendar_feed(secret)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let (meetings, cohort) = match target {
        FeedTarget::Cohort(id) => {
            let cohort = state
                .db
                .cohort_by_id(id)
                .await?
                .ok_or(AppError::NOT_FOUND)?;
            (state.db.meetings_of(id).await?, Some(cohort))
        }
        FeedTarget::Person(user) => (state.db.meetings_for_person(user).await?, None),
    };
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        crate::calendar::feed(&meetings, cohort.as_ref(), &state.config.base_url),
    )
        .into_response())
}

/// A person's own calendar link, made or replaced from their profile.
pub async fn new_person_feed(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
) -> AppResult {
    let me = viewer
        .0
        .clone()
        .ok_or(AppError::Kind(crate::error::ErrorKind::SignIn))?;
    let acting = Acting::person(viewer.actor(), Door::Page, address);
    let secret = ymarfer_app::sessions::make_calendar_link(&state, &acting, Calendar::Mine).await?;
    let link = feed_url(&state, &secret);
    crate::views::profile::profile_with_feed(&state, page, &me, link).await
}

pub async fn revoke_person_feed(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(address): ClientAddr,
) -> AppResult {
    viewer
        .0
        .as_ref()
        .ok_or(AppError::Kind(crate::error::ErrorKind::SignIn))?;
    let acting = Acting::person(viewer.actor(), Door::Page, address);
    ymarfer_app::sessions::revoke_calendar_link(&state, &acting).await?;
    Ok(see_other(&page.href("profile?done=calendar-revoked")))
}
