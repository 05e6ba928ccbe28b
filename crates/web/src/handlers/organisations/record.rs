//! One organisation: adding it, its page, editing it and recording its
//! innovation answers (`/organisations/{id}`).

use super::common::{FormPage, OrgForm, organisation_for, programme_choices, programmes_to_add_to};
use crate::error::{AppError, AppResult, authorise};
use crate::forms::FieldErrors;
use crate::handlers::{FormData, see_other};
use crate::page::{Page, Viewer, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;
use std::collections::HashMap;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::organisations;
use ymarfer_domain::reference::{self};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::organisations::{Added, Answers, AnswersRecord, Organisation};
use ymarfer_store::programmes::Programme;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    programme: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Query(q): Query<NewQuery>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::StaffWork, Resource::Site))?;
    let programmes = programmes_to_add_to(&state, &viewer).await?;
    if programmes.is_empty() {
        return Err(AppError::Kind(crate::error::ErrorKind::Forbidden));
    }
    let action = page.href("organisations/new");
    let form = OrgForm {
        programme: q
            .programme
            .filter(|p| programmes.iter().any(|x| x.id.to_string() == *p))
            .or_else(|| (programmes.len() == 1).then(|| programmes[0].id.to_string()))
            .unwrap_or_default(),
        asked_on: Utc::now().date_naive().to_string(),
        ..OrgForm::default()
    };
    let programmes = programme_choices(&page, &programmes);
    render(&FormPage {
        page: page.titled("organisation-new-title"),
        action,
        form,
        errors: FieldErrors::default(),
        programmes,
    })
}

/// Adds a firm to a programme: a record of the programme's own. A name the
/// programme holds already leads to that record; other programmes' records of
/// the firm are neither looked at nor mentioned.
pub async fn create(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    FormData(form): FormData<OrgForm>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::StaffWork, Resource::Site))?;
    let programmes = programmes_to_add_to(&state, &viewer).await?;
    let programme = programmes
        .iter()
        .find(|p| p.id.to_string() == form.programme.trim())
        .map(|p| p.id);
    let validated = form.validate(&page);
    let errors = match (validated, programme) {
        (Ok((input, entry)), Some(programme)) => {
            let acting = Acting::person(viewer.actor(), Door::Page, addr);
            let done = match organisations::add(&state, &acting, programme, &input, entry).await? {
                Added::New(o) => format!("organisations/{}", o.id),
                Added::Exists(o) => format!("organisations/{}?done=exists", o.id),
            };
            return Ok(see_other(&page.href(&done)));
        }
        (validated, programme) => {
            let mut errors = validated.err().unwrap_or_default();
            if programme.is_none() {
                errors.add("programme", page.t("error-choose-one"));
            }
            errors
        }
    };
    let action = page.href("organisations/new");
    let programmes = programme_choices(&page, &programmes);
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            page: page.titled("organisation-new-title"),
            action,
            form,
            errors,
            programmes,
        },
    )
}

#[derive(Template)]
#[template(path = "organisations/show.html")]
struct ShowPage {
    page: Page,
    org: Organisation,
    notice: Option<String>,
    can_edit: bool,
    /// First-year value of its benefit lines: verified, claimed, forecast.
    savings: [String; 3],
    history: Vec<(AnswersRecord, bool, bool)>,
}

impl ShowPage {
    fn area(&self) -> &'static str {
        reference::area(&self.org.principal_area)
            .map(|a| a.name(self.page.lang))
            .unwrap_or("")
    }
    fn sector(&self) -> String {
        let letter = self.org.sic_section.chars().next().unwrap_or('?');
        format!("{letter} – {}", reference::sic_name(letter, self.page.lang))
    }
    fn band(&self) -> String {
        self.page.t(self.org.employee_band.message_id())
    }
    fn no_error(&self) -> Option<&'static str> {
        None
    }
    fn stages(&self) -> Vec<(&'static str, String)> {
        ymarfer_domain::innovation::Stage::ALL
            .iter()
            .map(|s| (s.as_str(), self.page.t(s.message_id())))
            .collect()
    }
    fn stage(&self, stage: &ymarfer_domain::innovation::Stage) -> String {
        self.page.t(stage.message_id())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> AppResult {
    let (org, programmes_of) =
        organisation_for(&state, &viewer, id, Action::ViewOrganisation).await?;
    let history = state
        .db
        .innovation_answers(id)
        .await?
        .into_iter()
        .map(|r| {
            let a = r.answers().innovation();
            (r, a.is_innovation_active(), a.is_broader_innovator())
        })
        .collect();
    // Each line is valued with its own programme's rate and capture factor, and
    // only programmes whose figures the viewer may see count.
    let lines = state.db.organisation_lines(id).await?;
    let mut ids: Vec<i64> = lines.iter().map(|(p, _)| *p).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut programmes: HashMap<i64, Programme> = HashMap::new();
    for p in ids {
        let visible = can(
            viewer.actor(),
            Action::ViewAggregates,
            Resource::Programme(p),
        );
        if visible.allowed()
            && let Some(programme) = state.db.programme_by_id(p).await?
        {
            programmes.insert(p, programme);
        }
    }
    let mut totals = ymarfer_domain::impact::FirstYear::default();
    for (programme_id, l) in &lines {
        let Some(p) = programmes.get(programme_id) else {
            continue;
        };
        if let Some(line) = l.v.line(l.organisation_rate) {
            totals.add(
                line.status,
                line.first_year_value(
                    ymarfer_domain::Pence(p.default_hourly_rate_pence),
                    ymarfer_app::report::capture(p),
                ),
            );
        }
    }
    let tr = page.tr;
    let savings = [
        tr.money(totals.verified),
        tr.money(totals.claimed),
        tr.money(totals.forecast),
    ];
    let notice = match q.done.as_deref() {
        Some("exists") => Some(page.t("organisation-exists")),
        _ => None,
    };
    let can_edit = can(
        viewer.actor(),
        Action::EditOrganisation,
        Resource::Organisation {
            programmes: &programmes_of,
        },
    )
    .allowed();
    let mut page = page;
    page.title = org.name.clone();
    render(&ShowPage {
        page,
        org,
        savings,
        history,
        notice,
        can_edit,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    let (org, _) = organisation_for(&state, &viewer, id, Action::EditOrganisation).await?;
    let answers = state.db.innovation_answers(id).await?;
    let form = OrgForm::from_org(
        &org,
        answers
            .iter()
            .find(|a| a.stage == ymarfer_domain::innovation::Stage::Entry),
    );
    let action = page.href(&format!("organisations/{id}/edit"));
    let mut page = page;
    page.title = page.t1("organisation-edit-named", "name", &org.name);
    render(&FormPage {
        page,
        action,
        form,
        errors: FieldErrors::default(),
        programmes: Vec::new(),
    })
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<OrgForm>,
) -> AppResult {
    let (org, _) = organisation_for(&state, &viewer, id, Action::EditOrganisation).await?;
    let action = page.href(&format!("organisations/{id}/edit"));
    let errors = match form.validate(&page) {
        Ok((input, entry)) => {
            let acting = Acting::person(viewer.actor(), Door::Page, addr);
            match organisations::edit(&state, &acting, id, &input, entry).await {
                Ok(_) => return Ok(see_other(&page.href(&format!("organisations/{id}")))),
                Err(ymarfer_app::Error::Invalid(message)) => {
                    let mut errors = FieldErrors::default();
                    errors.add("name", page.t(message));
                    errors
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(errors) => errors,
    };
    let mut page = page;
    page.title = page.t1("organisation-edit-named", "name", &org.name);
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            page,
            action,
            form,
            errors,
            programmes: Vec::new(),
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InnovationForm {
    stage: String,
    asked_on: String,
    q1: Option<String>,
    q2: Option<String>,
    q3: Option<String>,
    q4: Option<String>,
}

/// Records the four innovation questions again, at the end of a cohort or at a
/// follow-up: the change in this status is the headline outcome for policy.
pub async fn record_innovation(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    crate::handlers::ClientAddr(addr): crate::handlers::ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<InnovationForm>,
) -> AppResult {
    // Someone who may not is told so before anything about the form.
    organisation_for(&state, &viewer, id, Action::RecordInnovation).await?;
    let stage =
        ymarfer_domain::innovation::Stage::parse(&form.stage).ok_or(AppError::BAD_REQUEST)?;
    let mut errors = FieldErrors::default();
    let on = parse::date(page.tr, &mut errors, "asked_on", &form.asked_on)
        .unwrap_or_else(|| Utc::now().date_naive());
    if !errors.is_empty() {
        return Err(AppError::BAD_REQUEST);
    }
    let answers = Answers {
        new_goods_or_services: form.q1.is_some(),
        new_business_process: form.q2.is_some(),
        ongoing_or_abandoned: form.q3.is_some(),
        innovation_spending: form.q4.is_some(),
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    organisations::record_innovation(&state, &acting, id, stage, on, answers).await?;
    Ok(see_other(&page.href(&format!("organisations/{id}"))))
}
