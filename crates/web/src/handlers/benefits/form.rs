//! The benefit line form: what a person types for a saving, checked into a
//! line the ledger can hold, and the page that shows it with the line's history.

use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use serde::Deserialize;
use ymarfer_app::acting::Door;
use ymarfer_app::i18n::Tr;
use ymarfer_app::projects::ProjectCtx;
use ymarfer_app::projects::project_for;
use ymarfer_domain::Action;
use ymarfer_domain::bounds::Bound;
use ymarfer_domain::impact::{
    Category, Frequency, GhgFactors, Hours, Quantity, SavingsType, Status, WasteLevel,
};
use ymarfer_store::ledger::{BenefitInput, BenefitVersion};

/// A benefit line as typed (also the API's body for a new line): amounts in
/// pounds (`1250.50`), hours as `h:mm` or decimal, quantities as numbers;
/// exactly one of an amount or hours; a status of `forecast` or `claimed`
/// (verifying is a separate, recorded act). The description, category,
/// savings type, frequency, start and status are required: a body without
/// one is refused (422) once the sender is known to be allowed, as an
/// empty one is.
#[derive(Deserialize, Default, Clone, utoipa::ToSchema)]
pub struct BenefitForm {
    #[serde(default)]
    #[schema(required = true)]
    pub description: String,
    #[serde(default)]
    #[schema(value_type = crate::codes::Category, required = true)]
    pub category: String,
    #[serde(default)]
    #[schema(value_type = crate::codes::SavingsType, required = true)]
    pub savings_type: String,
    #[serde(default)]
    #[schema(value_type = crate::codes::Frequency, required = true)]
    pub frequency: String,
    #[serde(default)]
    #[schema(required = true)]
    pub starts_on: String,
    /// Left out of a page's form when neither is chosen: the form then says
    /// to choose.
    #[serde(default)]
    #[schema(value_type = crate::codes::ClaimStatus, required = true)]
    pub status: String,
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub hourly_rate: String,
    #[serde(default)]
    pub energy_kwh: String,
    #[serde(default)]
    pub waste_kg: String,
    #[serde(default)]
    pub waste_level: String,
    #[serde(default)]
    pub fuel_litres: String,
}

pub fn milli(q: i64) -> String {
    if q == 0 {
        String::new()
    } else {
        Quantity(q).to_string()
    }
}

impl BenefitForm {
    pub fn from_version(v: &BenefitVersion) -> BenefitForm {
        BenefitForm {
            description: v.description.clone(),
            category: v.category.as_str().into(),
            savings_type: v.savings_type.as_str().into(),
            frequency: v.frequency.as_str().into(),
            starts_on: v.starts_on.to_string(),
            // A person forecasts or claims; verifying is a separate act.
            // A returned line is reworked to be claimed again.
            status: match v.status {
                Status::Verified | Status::Queried | Status::Returned | Status::Rejected => {
                    Status::Claimed
                }
                other => other,
            }
            .as_str()
            .into(),
            amount: parse::pounds_input(v.amount_pence),
            hours: v
                .hours_hundredths
                .map(|h| Hours(h).to_string())
                .unwrap_or_default(),
            hourly_rate: parse::pounds_input(v.hourly_rate_pence),
            energy_kwh: milli(v.energy_kwh_milli),
            waste_kg: milli(v.waste_kg_milli),
            waste_level: v.waste_level.clone().unwrap_or_default(),
            fuel_litres: milli(v.fuel_litres_milli),
        }
    }

    /// Checks a line: every field, and exactly one of an amount or hours.
    pub fn validate(&self, tr: Tr) -> Result<BenefitInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let description = parse::text(tr, &mut e, "description", &self.description, 300, true);
        let mut choice = |field: &'static str, value: Option<()>| {
            if value.is_none() {
                e.add(field, tr.t("error-choose-one"));
            }
        };
        let category = Category::parse(&self.category);
        choice("category", category.map(drop));
        let savings_type = SavingsType::parse(&self.savings_type);
        choice("savings_type", savings_type.map(drop));
        let frequency = Frequency::parse(&self.frequency);
        choice("frequency", frequency.map(drop));
        // People forecast or claim; only verification verifies.
        let status =
            Status::parse(&self.status).filter(|s| matches!(s, Status::Forecast | Status::Claimed));
        choice("status", status.map(drop));
        let starts_on = parse::date(tr, &mut e, "starts_on", &self.starts_on);
        if self.starts_on.trim().is_empty() {
            e.add("starts_on", tr.t("error-required"));
        }
        let amount = parse::money_within(tr, &mut e, "amount", &self.amount, false, Bound::Amount);
        let hours = parse::bounded(
            tr,
            &mut e,
            "hours",
            &self.hours,
            Bound::Hours,
            "error-hours-invalid",
        );
        if self.amount.trim().is_empty() == self.hours.trim().is_empty() {
            e.add("amount", tr.t("error-amount-or-hours"));
        }
        let hourly_rate = parse::money_within(
            tr,
            &mut e,
            "hourly_rate",
            &self.hourly_rate,
            false,
            Bound::HourlyRate,
        );
        let mut quantity = |field: &'static str, v: &str| -> i64 {
            parse::bounded(
                tr,
                &mut e,
                field,
                v,
                Bound::Quantity,
                "error-quantity-invalid",
            )
            .unwrap_or(0)
        };
        let energy_kwh_milli = quantity("energy_kwh", &self.energy_kwh);
        let waste_kg_milli = quantity("waste_kg", &self.waste_kg);
        let fuel_litres_milli = quantity("fuel_litres", &self.fuel_litres);
        let waste_level = match self.waste_level.trim() {
            "" => None,
            w => match WasteLevel::parse(w) {
                Some(w) => Some(w.as_str().to_string()),
                None => {
                    e.add("waste_level", tr.t("error-choose-one"));
                    None
                }
            },
        };
        let (
            Some(starts_on),
            Some(category),
            Some(savings_type),
            Some(frequency),
            Some(status),
            true,
        ) = (
            starts_on,
            category,
            savings_type,
            frequency,
            status,
            e.is_empty(),
        )
        else {
            return Err(e);
        };
        let environmental = energy_kwh_milli + waste_kg_milli + fuel_litres_milli > 0;
        Ok(BenefitInput {
            description,
            category,
            savings_type,
            frequency,
            starts_on,
            status,
            amount_pence: amount.map(|p| p.0),
            hours_hundredths: hours,
            hourly_rate_pence: hourly_rate.map(|p| p.0),
            energy_kwh_milli,
            waste_kg_milli,
            waste_level,
            fuel_litres_milli,
            // The server checked the shipped factors when it started.
            factor_year: GhgFactors::shipped()
                .ok()
                .filter(|_| environmental)
                .map(|f| i64::from(f.factor_year)),
        })
    }
}

#[derive(Template)]
#[template(path = "ledger/form.html")]
pub struct FormPage {
    pub page: Page,
    pub ctx: ProjectCtx,
    pub action: String,
    pub form: BenefitForm,
    pub errors: FieldErrors,
    pub history: Vec<BenefitVersion>,
}

impl FormPage {
    pub fn options<T: Copy>(
        &self,
        all: &[T],
        code: fn(T) -> &'static str,
        id: fn(T) -> &'static str,
    ) -> Vec<(&'static str, String)> {
        all.iter()
            .map(|v| (code(*v), self.page.t(id(*v))))
            .collect()
    }
    pub fn categories(&self) -> Vec<(&'static str, String)> {
        self.options(&Category::ALL, Category::as_str, Category::message_id)
    }
    pub fn types(&self) -> Vec<(&'static str, String)> {
        self.options(
            &SavingsType::ALL,
            SavingsType::as_str,
            SavingsType::message_id,
        )
    }
    pub fn frequencies(&self) -> Vec<(&'static str, String)> {
        self.options(&Frequency::ALL, Frequency::as_str, Frequency::message_id)
    }
    pub fn statuses(&self) -> Vec<(&'static str, String)> {
        self.options(
            &[Status::Forecast, Status::Claimed],
            Status::as_str,
            Status::message_id,
        )
    }
    pub fn levels(&self) -> Vec<(&'static str, String)> {
        self.options(&WasteLevel::ALL, WasteLevel::as_str, WasteLevel::message_id)
    }
    pub fn last_verified(&self) -> bool {
        self.history
            .last()
            .is_some_and(|v| v.status == Status::Verified)
    }
    pub fn status_name(&self, status: &Status) -> String {
        self.page.t(status.message_id())
    }
}

/// Only the organisation's own people and staff see and keep a project's ledger.
pub async fn ledger_project(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<ProjectCtx, AppError> {
    Ok(project_for(
        state,
        &viewer.acting(Door::Page, ""),
        id,
        Action::EditProject,
    )
    .await?)
}

pub async fn line_history(
    state: &AppState,
    project: i64,
    line: i64,
) -> Result<Vec<BenefitVersion>, AppError> {
    let history: Vec<BenefitVersion> = state
        .db
        .benefit_history(project)
        .await?
        .into_iter()
        .filter(|v| v.line_id == line)
        .collect();
    if history.is_empty() {
        return Err(AppError::NOT_FOUND);
    }
    Ok(history)
}
