//! Cohorts: creating and editing one, and its page, where a manager or facilitator
//! sees members, organisations, sessions and attendance at a glance.

use super::DoneQuery;
use super::{FormData, see_other};
use crate::error::AppResult;
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::cohort_page::{Extras, show_page};
use crate::{context, parse};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::cohorts;
use ymarfer_domain::programme::{DeliveryLanguage, DeliveryMode, Slug};
use ymarfer_domain::reference::Region;
use ymarfer_domain::{Action, Pence};
use ymarfer_store::programmes::{Cohort, CohortInput, Programme};

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct CohortForm {
    slug: String,
    name_en: String,
    name_cy: String,
    starts_on: String,
    ends_on: String,
    capacity: String,
    delivery_mode: String,
    language: String,
    region: String,
    cost_share: String,
    /// The person saw what a new cost share does to the cohort's figures.
    confirm_share: Option<String>,
}

impl CohortForm {
    fn from_cohort(c: &Cohort) -> CohortForm {
        CohortForm {
            slug: c.slug.clone(),
            name_en: c.name_en.clone(),
            name_cy: c.name_cy.clone(),
            starts_on: c.starts_on.map(|d| d.to_string()).unwrap_or_default(),
            ends_on: c.ends_on.map(|d| d.to_string()).unwrap_or_default(),
            capacity: c.capacity.to_string(),
            delivery_mode: c.delivery_mode.as_str().to_string(),
            language: c.language.as_str().to_string(),
            region: c.region.as_str().to_string(),
            cost_share: parse::pounds_input(c.cost_share_pence),
            confirm_share: None,
        }
    }

    fn validate(
        &self,
        page: &Page,
        creating: bool,
        programme: &Programme,
    ) -> Result<CohortInput, FieldErrors> {
        let tr = page.tr;
        let mut e = FieldErrors::default();
        let name_en = parse::text(tr, &mut e, "name_en", &self.name_en, 120, true);
        let name_cy = parse::text(tr, &mut e, "name_cy", &self.name_cy, 120, true);
        let slug = if creating {
            let typed = self.slug.trim();
            match if typed.is_empty() {
                Slug::from_name(&name_en)
            } else {
                Slug::parse(typed)
            } {
                Some(s) => s.as_str().to_string(),
                None => {
                    e.add("slug", tr.t("error-slug"));
                    String::new()
                }
            }
        } else {
            self.slug.clone()
        };
        let starts_on = parse::date(tr, &mut e, "starts_on", &self.starts_on);
        let ends_on = parse::date(tr, &mut e, "ends_on", &self.ends_on);
        parse::dates_in_order(tr, &mut e, "ends_on", starts_on, ends_on);
        // A cohort runs within its programme.
        if let (Some(s), Some(p)) = (starts_on, programme.starts_on)
            && s < p
        {
            e.add(
                "starts_on",
                tr.t1("error-cohort-before-programme", "date", &tr.day(p)),
            );
        }
        if let (Some(end), Some(p)) = (ends_on, programme.ends_on)
            && end > p
        {
            e.add(
                "ends_on",
                tr.t1("error-cohort-after-programme", "date", &tr.day(p)),
            );
        }
        let capacity = parse::whole(tr, &mut e, "capacity", &self.capacity, 1, 500);
        let delivery_mode = DeliveryMode::parse(&self.delivery_mode).unwrap_or_else(|| {
            e.add("delivery_mode", tr.t("error-choose-one"));
            DeliveryMode::default()
        });
        let region = Region::parse(&self.region).unwrap_or_else(|| {
            e.add("region", tr.t("error-choose-one"));
            Region::default()
        });
        let language = match self.language.trim() {
            "" => DeliveryLanguage::default(),
            code => DeliveryLanguage::parse(code).unwrap_or_else(|| {
                e.add("language", tr.t("error-choose-one"));
                DeliveryLanguage::default()
            }),
        };
        let cost_share = parse::money(tr, &mut e, "cost_share", &self.cost_share, false);
        if !e.is_empty() {
            return Err(e);
        }
        Ok(CohortInput {
            slug,
            name_en,
            name_cy,
            starts_on,
            ends_on,
            capacity,
            delivery_mode,
            region,
            cost_share_pence: cost_share.map(|p| p.0),
            language,
        })
    }
}

#[derive(Template)]
#[template(path = "cohorts/form.html")]
struct FormPage {
    page: Page,
    programme: Programme,
    action: String,
    creating: bool,
    form: CohortForm,
    errors: FieldErrors,
    /// What a new cost share would do, for the person to confirm.
    share_change: Option<String>,
}

/// A cohort's share of the programme's cost.
fn share_of(p: &Programme, cohorts: &[Cohort], cohort: i64) -> Pence {
    let shares = ymarfer_app::report::cohort_shares(p, cohorts);
    cohorts
        .iter()
        .position(|c| c.id == cohort)
        .and_then(|i| shares.get(i).copied())
        .unwrap_or_default()
}

impl FormPage {
    fn modes(&self) -> Vec<(&'static str, String)> {
        DeliveryMode::ALL
            .iter()
            .map(|m| (m.as_str(), self.page.t(m.message_id())))
            .collect()
    }
    fn languages(&self) -> Vec<(&'static str, String)> {
        DeliveryLanguage::ALL
            .iter()
            .map(|l| (l.as_str(), self.page.t(l.message_id())))
            .collect()
    }
    fn regions(&self) -> Vec<(&'static str, &'static str)> {
        Region::ALL
            .iter()
            .map(|r| (r.as_str(), r.name(self.page.lang)))
            .collect()
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult {
    let programme = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let action = page.href(&format!("programmes/{slug}/cohorts/new"));
    let form = CohortForm {
        capacity: "16".into(),
        delivery_mode: DeliveryMode::default().as_str().into(),
        language: DeliveryLanguage::Both.as_str().into(),
        region: Region::default().as_str().into(),
        ..CohortForm::default()
    };
    render(&FormPage {
        page: page.titled("cohort-new-title"),
        programme,
        action,
        creating: true,
        form,
        errors: FieldErrors::default(),
        share_change: None,
    })
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(slug): Path<String>,
    FormData(form): FormData<CohortForm>,
) -> AppResult {
    let programme = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let errors = match form.validate(&page, true, &programme) {
        Ok(input) => {
            let acting = Acting::person(viewer.actor(), Door::Page, addr);
            match cohorts::create(&state, &acting, programme.id, &input).await {
                Ok(c) => {
                    return Ok(see_other(
                        &page.href(&format!("programmes/{slug}/cohorts/{}", c.slug)),
                    ));
                }
                Err(ymarfer_app::Error::Invalid(message)) => {
                    let mut errors = FieldErrors::default();
                    let field = if message == "cohort-error-no-cost-left" {
                        "cost_share"
                    } else {
                        "slug"
                    };
                    errors.add(field, page.t(message));
                    errors
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(errors) => errors,
    };
    let action = page.href(&format!("programmes/{slug}/cohorts/new"));
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            page: page.titled("cohort-new-title"),
            programme,
            action,
            creating: true,
            form,
            errors,
            share_change: None,
        },
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let action = page.href(&format!("programmes/{slug}/cohorts/{cslug}/edit"));
    let form = CohortForm::from_cohort(&cohort);
    render(&FormPage {
        page: page.titled("cohort-edit-title"),
        programme,
        action,
        creating: false,
        form,
        errors: FieldErrors::default(),
        share_change: None,
    })
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
    FormData(mut form): FormData<CohortForm>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    form.slug = cohort.slug.clone();
    let action = page.href(&format!("programmes/{slug}/cohorts/{cslug}/edit"));
    match form.validate(&page, false, &programme) {
        Ok(input) => {
            // A change to the share of the cost moves the cohort's figures: it is
            // made only once the person has seen the return before and after.
            if input.cost_share_pence != cohort.cost_share_pence && form.confirm_share.is_none() {
                let (_, summary) = ymarfer_app::report::impact_report(
                    &state.db,
                    page.tr,
                    &programme,
                    Some(&cohort),
                )
                .await?;
                let mut cohorts = state.db.cohorts_of(programme.id).await?;
                let before = share_of(&programme, &cohorts, cohort.id);
                if let Some(c) = cohorts.iter_mut().find(|c| c.id == cohort.id) {
                    c.cost_share_pence = input.cost_share_pence;
                }
                let after = share_of(&programme, &cohorts, cohort.id);
                let roi = |cost| ymarfer_domain::impact::format_roi(summary.verified(), cost);
                let change = page.args(
                    "cohort-share-change",
                    [
                        ("before", page.tr.money(before)),
                        ("after", page.tr.money(after)),
                        ("roi_before", roi(before)),
                        ("roi_after", roi(after)),
                    ],
                );
                form.confirm_share = Some("yes".into());
                let mut page = page.titled("cohort-edit-title");
                page.title = page.t("cohort-edit-title");
                return render_status(
                    StatusCode::CONFLICT,
                    &FormPage {
                        page,
                        programme,
                        action,
                        creating: false,
                        form,
                        errors: FieldErrors::default(),
                        share_change: Some(change),
                    },
                );
            }
            let acting = Acting::person(viewer.actor(), Door::Page, addr);
            cohorts::edit(&state, &acting, cohort.id, &input).await?;
            Ok(see_other(&page.href(&format!(
                "programmes/{slug}/cohorts/{cslug}?done=saved"
            ))))
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FormPage {
                page: page.titled("cohort-edit-title"),
                programme,
                action,
                creating: false,
                form,
                errors,
                share_change: None,
            },
        ),
    }
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ViewCohort).await?;
    let extras = Extras {
        notice: page.done_notice(q.done.as_deref()),
        ..Extras::new(page.lang)
    };
    render(&show_page(&state, page, &viewer, programme, cohort, extras).await?)
}
