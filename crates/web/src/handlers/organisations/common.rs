//! What the organisation pages share: loading one the viewer may act on, the
//! programmes they may add to, and the organisation form.

use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_domain::authz::sees_every_programme;
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::programme::companies_house_number;
use ymarfer_domain::reference::{self, SIC_SECTIONS};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::organisations::{Answers, AnswersRecord, Organisation, OrganisationInput};
use ymarfer_store::programmes::Programme;

/// Organisations listed on one page.
pub const PER_PAGE: i64 = 50;

/// The organisation and the programmes through which it is seen, if the
/// viewer may do `action` to it; otherwise 404, as if it did not exist.
pub async fn organisation_for(
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
pub async fn programmes_to_add_to(
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

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct OrgForm {
    /// The programme a new organisation joins (only when adding one).
    pub programme: String,
    pub name: String,
    pub companies_house: String,
    pub sector: String,
    pub employee_band: String,
    pub principal_area: String,
    pub hourly_rate: String,
    pub asked_on: String,
    pub q1: Option<String>,
    pub q2: Option<String>,
    pub q3: Option<String>,
    pub q4: Option<String>,
}

impl OrgForm {
    pub fn from_org(o: &Organisation, entry: Option<&AnswersRecord>) -> OrgForm {
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

    pub fn validate(
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
pub struct FormPage {
    pub page: Page,
    pub action: String,
    pub form: OrgForm,
    pub errors: FieldErrors,
    /// The programmes a new organisation may join; empty when editing.
    pub programmes: Vec<(String, String)>,
}

pub fn programme_choices(page: &Page, programmes: &[Programme]) -> Vec<(String, String)> {
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
    pub fn sectors(&self) -> Vec<(String, String)> {
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
    pub fn bands(&self) -> Vec<(&'static str, String)> {
        EmployeeBand::ALL
            .iter()
            .map(|b| (b.as_str(), self.page.t(b.message_id())))
            .collect()
    }
    pub fn areas(&self) -> Vec<(&'static str, &'static str)> {
        ymarfer_domain::reference::areas_in(self.page.lang)
            .into_iter()
            .map(|a| (a.code, a.name(self.page.lang)))
            .collect()
    }
}
