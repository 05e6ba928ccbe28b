//! Organisations: the firms taking part, with their innovation status at entry.

use super::{FormData, see_other};
use crate::error::{AppError, AppResult, authorise};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use std::collections::HashMap;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::organisations;
use ymarfer_domain::authz::{organisation_programmes, sees_every_programme};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::programme::companies_house_number;
use ymarfer_domain::reference::{self, AREAS, SIC_SECTIONS};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::organisations::{
    Added, Answers, AnswersRecord, InProgrammes, Organisation, OrganisationInput, OrganisationRow,
};
use ymarfer_store::programmes::Programme;

/// Organisations listed on one page.
const PER_PAGE: i64 = 50;

/// The organisation and the programmes through which it is seen, if the
/// viewer may do `action` to it; otherwise 404, as if it did not exist.
async fn organisation_for(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    action: Action,
) -> Result<(Organisation, Vec<i64>), AppError> {
    let acting = Acting::person(viewer.actor(), Door::Page, "");
    let org = ymarfer_app::organisations::organisation_for(state, &acting, id, action).await?;
    let programmes = org.programmes();
    Ok((org, programmes))
}

/// The programmes the viewer may add organisations to.
async fn programmes_to_add_to(
    state: &AppState,
    viewer: &Viewer,
) -> Result<Vec<Programme>, AppError> {
    let Some(me) = viewer.0.as_ref() else {
        return Ok(Vec::new());
    };
    let mut programmes = state
        .db
        .programmes_visible_to(me.user.id, sees_every_programme(&me.actor))
        .await?;
    programmes.retain(|p| {
        can(
            viewer.actor(),
            Action::AddOrganisation,
            Resource::Programme(p.id),
        )
        .allowed()
    });
    Ok(programmes)
}

#[derive(Template)]
#[template(path = "organisations/list.html")]
struct ListPage {
    page: Page,
    rows: Vec<OrganisationRow>,
    total: i64,
    /// This page's number (from 1) and the last page's.
    number: i64,
    last: i64,
}

impl ListPage {
    fn area(&self, code: &str) -> &'static str {
        reference::area(code)
            .map(|a| a.name(self.page.lang))
            .unwrap_or("")
    }
    fn band(&self, band: &EmployeeBand) -> String {
        self.page.t(band.message_id())
    }
    fn active_at_entry(&self, row: &OrganisationRow) -> Option<bool> {
        row.entry().map(|a| a.innovation().is_innovation_active())
    }
    fn page_href(&self, n: i64) -> String {
        self.page.href(&format!("organisations?page={n}"))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    page: Option<String>,
}

/// The organisations taking part in the programmes the viewer works in, a page
/// at a time.
pub async fn list(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Query(q): Query<ListQuery>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::StaffWork, Resource::Site))?;
    let scope = match viewer
        .actor()
        .and_then(|a| organisation_programmes(a, Action::ViewOrganisation))
    {
        None => InProgrammes::All,
        Some(ids) => InProgrammes::Only(ids),
    };
    let number = q
        .page
        .as_deref()
        .and_then(|n| n.trim().parse::<i64>().ok())
        .unwrap_or(1)
        .max(1);
    let (rows, total) = state
        .db
        .organisations_page(&scope, (number - 1) * PER_PAGE, PER_PAGE)
        .await?;
    let last = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let mut page = page.titled("organisations-title");
    if last > 1 {
        page.title = page.args(
            "organisations-page-title",
            [("number", number.to_string()), ("last", last.to_string())],
        );
    }
    render(&ListPage {
        page,
        rows,
        total,
        number,
        last,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct OrgForm {
    /// The programme a new organisation joins (only when adding one).
    programme: String,
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
            programme: String::new(),
            name: o.name.clone(),
            companies_house: o.companies_house.clone().unwrap_or_default(),
            sector: o.sic_section.clone(),
            employee_band: o.employee_band.as_str().to_string(),
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
        let band = EmployeeBand::parse(&self.employee_band);
        if band.is_none() {
            e.add("employee_band", tr.t("error-choose-one"));
        }
        if reference::area(&self.principal_area).is_none() {
            e.add("principal_area", tr.t("error-choose-one"));
        }
        let rate = parse::money_within(
            tr,
            &mut e,
            "hourly_rate",
            &self.hourly_rate,
            false,
            ymarfer_domain::bounds::Bound::HourlyRate,
        );
        let asked_on = parse::date(tr, &mut e, "asked_on", &self.asked_on)
            .unwrap_or_else(|| Utc::now().date_naive());
        let (Some(employee_band), true) = (band, e.is_empty()) else {
            return Err(e);
        };
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
                employee_band,
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
    /// The programmes a new organisation may join; empty when editing.
    programmes: Vec<(String, String)>,
}

fn programme_choices(page: &Page, programmes: &[Programme]) -> Vec<(String, String)> {
    programmes
        .iter()
        .map(|p| {
            (
                p.id.to_string(),
                page.pick(&p.name_en, &p.name_cy).to_string(),
            )
        })
        .collect()
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
    super::ClientAddr(addr): super::ClientAddr,
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
    super::ClientAddr(addr): super::ClientAddr,
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
    super::ClientAddr(addr): super::ClientAddr,
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
