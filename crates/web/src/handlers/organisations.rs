//! Organisations: the firms taking part, with their innovation status at entry.

use super::forms::FieldErrors;
use super::{FormData, parse, see_other};
use crate::error::{AppError, AppResult, authorise};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use ymarfer_domain::innovation::{EmployeeBand, InnovationAnswers};
use ymarfer_domain::programme::companies_house_number;
use ymarfer_domain::reference::{self, AREAS, SIC_SECTIONS};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::organisations::{Answers, AnswersRecord, Organisation, OrganisationInput};

fn allowed(viewer: &Viewer) -> Result<(), AppError> {
    authorise(can(
        viewer.actor(),
        Action::ManageOrganisations,
        Resource::Site,
    ))
}

pub struct OrgRow {
    pub org: Organisation,
    pub active_at_entry: Option<bool>,
}

#[derive(Template)]
#[template(path = "organisations/list.html")]
struct ListPage {
    page: Page,
    rows: Vec<OrgRow>,
}

impl ListPage {
    fn area(&self, code: &str) -> &'static str {
        reference::area(code)
            .map(|a| a.name(self.page.lang))
            .unwrap_or("")
    }
    fn band(&self, code: &str) -> String {
        EmployeeBand::parse(code)
            .map(|b| self.page.t(b.message_id()))
            .unwrap_or_default()
    }
}

fn answers(r: &AnswersRecord) -> InnovationAnswers {
    InnovationAnswers {
        new_goods_or_services: r.new_goods_or_services,
        new_business_process: r.new_business_process,
        ongoing_or_abandoned: r.ongoing_or_abandoned,
        innovation_spending: r.innovation_spending,
    }
}

pub async fn list(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    allowed(&viewer)?;
    let mut rows = Vec::new();
    for org in state.db.list_organisations().await? {
        let entry = state
            .db
            .innovation_answers(org.id)
            .await?
            .into_iter()
            .find(|a| a.stage == "entry");
        rows.push(OrgRow {
            active_at_entry: entry.map(|a| answers(&a).is_innovation_active()),
            org,
        });
    }
    render(&ListPage {
        page: page.titled("organisations-title"),
        rows,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct OrgForm {
    name: String,
    companies_house: String,
    sector: String,
    employee_band: String,
    principal_area: String,
    hourly_rate: String,
    asked_on: String,
    q1: Option<String>,
    q2: Option<String>,
    q3: Option<String>,
    q4: Option<String>,
}

impl OrgForm {
    fn from_org(o: &Organisation, entry: Option<&AnswersRecord>) -> OrgForm {
        let yes = |b: bool| b.then(|| "yes".to_string());
        OrgForm {
            name: o.name.clone(),
            companies_house: o.companies_house.clone().unwrap_or_default(),
            sector: o.sic_section.clone(),
            employee_band: o.employee_band.clone(),
            principal_area: o.principal_area.clone(),
            hourly_rate: parse::pounds_input(o.hourly_rate_pence),
            asked_on: entry.map(|e| e.asked_on.to_string()).unwrap_or_default(),
            q1: entry.and_then(|e| yes(e.new_goods_or_services)),
            q2: entry.and_then(|e| yes(e.new_business_process)),
            q3: entry.and_then(|e| yes(e.ongoing_or_abandoned)),
            q4: entry.and_then(|e| yes(e.innovation_spending)),
        }
    }

    fn validate(
        &self,
        page: &Page,
    ) -> Result<(OrganisationInput, (NaiveDate, Answers)), FieldErrors> {
        let tr = page.tr;
        let mut e = FieldErrors::default();
        let name = parse::text(tr, &mut e, "name", &self.name, 200, true);
        let companies_house = match self.companies_house.trim() {
            "" => None,
            n => match companies_house_number(n) {
                Some(n) => Some(n),
                None => {
                    e.add("companies_house", tr.t("error-company-number"));
                    None
                }
            },
        };
        let sector = reference::sic_section(&self.sector);
        if sector.is_none() {
            e.add("sector", tr.t("error-choose-one"));
        }
        if EmployeeBand::parse(&self.employee_band).is_none() {
            e.add("employee_band", tr.t("error-choose-one"));
        }
        if reference::area(&self.principal_area).is_none() {
            e.add("principal_area", tr.t("error-choose-one"));
        }
        let rate = parse::money(tr, &mut e, "hourly_rate", &self.hourly_rate, false);
        let asked_on = parse::date(tr, &mut e, "asked_on", &self.asked_on)
            .unwrap_or_else(|| Utc::now().date_naive());
        if !e.is_empty() {
            return Err(e);
        }
        let answers = Answers {
            new_goods_or_services: self.q1.is_some(),
            new_business_process: self.q2.is_some(),
            ongoing_or_abandoned: self.q3.is_some(),
            innovation_spending: self.q4.is_some(),
        };
        Ok((
            OrganisationInput {
                name,
                companies_house,
                sic_section: sector.map(String::from).unwrap_or_default(),
                employee_band: self.employee_band.clone(),
                principal_area: self.principal_area.clone(),
                hourly_rate_pence: rate.map(|p| p.0),
            },
            (asked_on, answers),
        ))
    }
}

#[derive(Template)]
#[template(path = "organisations/form.html")]
struct FormPage {
    page: Page,
    action: String,
    form: OrgForm,
    errors: FieldErrors,
}

impl FormPage {
    fn sectors(&self) -> Vec<(String, String)> {
        SIC_SECTIONS
            .iter()
            .map(|(l, en, cy)| {
                (
                    l.to_string(),
                    format!(
                        "{l} – {}",
                        if self.page.lang == ymarfer_domain::Lang::En {
                            en
                        } else {
                            cy
                        }
                    ),
                )
            })
            .collect()
    }
    fn bands(&self) -> Vec<(&'static str, String)> {
        EmployeeBand::ALL
            .iter()
            .map(|b| (b.as_str(), self.page.t(b.message_id())))
            .collect()
    }
    fn areas(&self) -> Vec<(&'static str, &'static str)> {
        AREAS
            .iter()
            .map(|a| (a.code, a.name(self.page.lang)))
            .collect()
    }
}

pub async fn new_form(page: Page, viewer: Viewer) -> AppResult {
    allowed(&viewer)?;
    let action = page.href("organisations/new");
    let form = OrgForm {
        asked_on: Utc::now().date_naive().to_string(),
        ..OrgForm::default()
    };
    render(&FormPage {
        page: page.titled("organisation-new-title"),
        action,
        form,
        errors: FieldErrors::default(),
    })
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    FormData(form): FormData<OrgForm>,
) -> AppResult {
    allowed(&viewer)?;
    let action = page.href("organisations/new");
    let mut errors = match form.validate(&page) {
        Ok((input, entry)) => match state.db.create_organisation(&input, Some(entry)).await {
            Ok(o) => return Ok(see_other(&page.href(&format!("organisations/{}", o.id)))),
            Err(e) if e.is_unique_violation() => FieldErrors::default(),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    if errors.is_empty() {
        errors.add("name", page.t("error-organisation-exists"));
    }
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            page: page.titled("organisation-new-title"),
            action,
            form,
            errors,
        },
    )
}

#[derive(Template)]
#[template(path = "organisations/show.html")]
struct ShowPage {
    page: Page,
    org: Organisation,
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
        EmployeeBand::parse(&self.org.employee_band)
            .map(|b| self.page.t(b.message_id()))
            .unwrap_or_default()
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
    fn stage(&self, code: &str) -> String {
        ymarfer_domain::innovation::Stage::parse(code)
            .map(|s| self.page.t(s.message_id()))
            .unwrap_or_default()
    }
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    allowed(&viewer)?;
    let org = state
        .db
        .organisation_by_id(id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let history = state
        .db
        .innovation_answers(id)
        .await?
        .into_iter()
        .map(|r| {
            let a = answers(&r);
            (r, a.is_innovation_active(), a.is_broader_innovator())
        })
        .collect();
    // Each line is valued with its own programme's rate and capture factor.
    let mut totals = ymarfer_domain::impact::FirstYear::default();
    for (programme_id, l) in state.db.organisation_lines(id).await? {
        let Some(p) = state.db.programme_by_id(programme_id).await? else {
            continue;
        };
        if let Some(line) = crate::report::line_of(&l.v, l.organisation_rate) {
            let valuation = ymarfer_domain::impact::Valuation {
                organisation_rate: l.organisation_rate.map(ymarfer_domain::Pence),
                programme_rate: ymarfer_domain::Pence(p.default_hourly_rate_pence),
                capture: crate::report::capture(&p),
            };
            totals.add(
                line.status,
                line.value.first_year_value(line.frequency, &valuation),
            );
        }
    }
    let tr = page.tr;
    let savings = [
        tr.money(totals.verified),
        tr.money(totals.claimed),
        tr.money(totals.forecast),
    ];
    let mut page = page;
    page.title = org.name.clone();
    render(&ShowPage {
        page,
        org,
        savings,
        history,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    allowed(&viewer)?;
    let org = state
        .db
        .organisation_by_id(id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let answers = state.db.innovation_answers(id).await?;
    let form = OrgForm::from_org(&org, answers.iter().find(|a| a.stage == "entry"));
    let action = page.href(&format!("organisations/{id}/edit"));
    render(&FormPage {
        page: page.titled("organisation-edit-title"),
        action,
        form,
        errors: FieldErrors::default(),
    })
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
    FormData(form): FormData<OrgForm>,
) -> AppResult {
    allowed(&viewer)?;
    state
        .db
        .organisation_by_id(id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let action = page.href(&format!("organisations/{id}/edit"));
    let mut errors = match form.validate(&page) {
        Ok((input, entry)) => match state.db.update_organisation(id, &input, Some(entry)).await {
            Ok(()) => return Ok(see_other(&page.href(&format!("organisations/{id}")))),
            Err(e) if e.is_unique_violation() => FieldErrors::default(),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    if errors.is_empty() {
        errors.add("name", page.t("error-organisation-exists"));
    }
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            page: page.titled("organisation-edit-title"),
            action,
            form,
            errors,
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
    Path(id): Path<i64>,
    FormData(form): FormData<InnovationForm>,
) -> AppResult {
    allowed(&viewer)?;
    let org = state
        .db
        .organisation_by_id(id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
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
    state
        .db
        .record_innovation(id, stage.as_str(), on, answers, &org.employee_band)
        .await?;
    Ok(see_other(&page.href(&format!("organisations/{id}"))))
}
