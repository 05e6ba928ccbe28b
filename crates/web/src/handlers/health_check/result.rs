//! The health check's result and the interest form it offers
//! (`/health-check/{token}/result`).

use super::check::the_check;
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::handlers::{ClientAddr, FormData, see_other};
use crate::page::{Page, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::leads::{Interest, register_interest};
use ymarfer_domain::health::{KEPT_DAYS, Similar, Status};
use ymarfer_domain::{Email, Lang};
use ymarfer_store::health::{HealthCheck, LeadInput, OpenCohort};

/// A tool to try, with what to do on Monday.
pub struct ToolSuggestion {
    pub id: String,
    pub name: String,
    pub monday: String,
}

/// An open cohort, as a newcomer reads it.
pub struct CohortOffer {
    pub id: i64,
    pub name: String,
    pub when: String,
    pub how: String,
    pub places: i64,
}

#[derive(Template)]
#[template(path = "health/result.html")]
struct ResultPage {
    page: Page,
    token: String,
    status: Status,
    tools: Vec<ToolSuggestion>,
    similar: Option<Similar>,
    group: String,
    cohorts: Vec<CohortOffer>,
    kept_until: String,
    form: InterestForm,
    errors: FieldErrors,
}

impl ResultPage {
    fn status_text(&self) -> String {
        self.page.t(self.status.message_id())
    }
    fn status_detail(&self) -> String {
        self.page.t(&format!("{}-detail", self.status.message_id()))
    }
    /// What similar firms achieved, or why it is not shown, with the group's size.
    fn similar_text(&self) -> String {
        let tr = self.page.tr;
        match self.similar {
            Some(Similar::Shown { median, firms }) => tr.args(
                "health-similar-shown",
                &[
                    ("group", self.group.clone()),
                    ("median", tr.money(median)),
                    ("firms", firms.to_string()),
                ],
            ),
            Some(Similar::Withheld { firms }) => tr.args(
                "health-similar-withheld",
                &[
                    ("group", self.group.clone()),
                    ("firms", firms.to_string()),
                    ("min", ymarfer_domain::health::MIN_GROUP.to_string()),
                ],
            ),
            None => tr.t("health-similar-none"),
        }
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct InterestForm {
    name: String,
    email: String,
    phone: String,
    organisation: String,
    language: String,
    cohort: String,
    consent: String,
    /// Agrees to be invited to take the check again at 6 and 12 months.
    recheck: String,
    /// A field people never see: filled in, it is a machine.
    website: String,
    /// The form's one-time key, made when the page was shown: the same form
    /// sent twice makes one lead.
    once: String,
}

/// The stored one-time key of an interest form, if the form carries a sound one.
fn interest_key(form: &InterestForm) -> Option<String> {
    let key = form.once.trim();
    crate::forms::sound_once_key(key).then(|| format!("interest:{key}"))
}

/// How many open cohorts the result offers.
const OFFERED: i64 = 10;

/// The open cohorts the result offers the firm: near it or meeting online
/// first, then the rest, soonest first.
async fn offered(state: &AppState, check: &HealthCheck) -> Result<Vec<OpenCohort>, AppError> {
    let region = check
        .principal_area
        .as_deref()
        .and_then(ymarfer_domain::reference::area)
        .map(|a| a.region.as_str());
    Ok(state
        .db
        .open_cohorts(ymarfer_domain::uktime::today(), region, OFFERED)
        .await?)
}

async fn result_page(
    state: &AppState,
    page: Page,
    token: &str,
    check: &HealthCheck,
    form: InterestForm,
    errors: FieldErrors,
) -> Result<ResultPage, AppError> {
    let tr = page.tr;
    let lang = page.lang;
    let status = Status::of(&check.answers());
    let tools = ymarfer_domain::health::tools_for(&check.pain_points())
        .into_iter()
        .filter_map(|id| crate::views::toolkit::shipped().iter().find(|t| t.id == id))
        .map(|t| ToolSuggestion {
            id: t.id.clone(),
            name: t.name.get(lang).to_string(),
            monday: tr.t(&format!("health-monday-{}", t.id)),
        })
        .collect::<Vec<_>>();
    // Similar firms: same size band and sector, across every programme.
    let (similar, group) = match (check.band(), check.sector.as_deref()) {
        (Some(band), Some(sector)) => {
            let (firms, middle) = state.db.peer_savings(band.as_str(), sector).await?;
            let group = tr.args(
                "health-similar-group",
                &[
                    ("band", tr.t(band.message_id())),
                    (
                        "sector",
                        sector
                            .chars()
                            .next()
                            .map(|c| ymarfer_domain::reference::sic_name(c, lang))
                            .unwrap_or_default()
                            .to_string(),
                    ),
                ],
            );
            (Some(Similar::ranked(firms, &middle)), group)
        }
        _ => (None, String::new()),
    };
    let open = offered(state, check).await?;
    let cohorts = open
        .into_iter()
        .map(|c: OpenCohort| CohortOffer {
            id: c.cohort_id,
            name: tr.pick(&c.name_en, &c.name_cy).to_string(),
            when: match (c.starts_on, c.ends_on) {
                (Some(s), Some(e)) => format!("{} – {}", tr.day(s), tr.day(e)),
                (Some(s), None) => tr.day(s),
                _ => String::new(),
            },
            how: tr.t(c.delivery_mode.message_id()),
            places: c.places_left(),
        })
        .collect();
    let kept_until = tr.date(check.created_at + chrono::Duration::days(KEPT_DAYS));
    let mut page = page;
    page.title = tr.t("health-result-title");
    Ok(ResultPage {
        page,
        token: token.to_string(),
        status,
        tools,
        similar,
        group,
        cohorts,
        kept_until,
        form,
        errors,
    })
}

pub async fn result(
    State(state): State<AppState>,
    page: Page,
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
) -> AppResult {
    if let Some(wait) = state.flood.take(&addr) {
        return Ok(AppError::too_fast(wait));
    }
    let check = the_check(&state, &token).await?;
    if check.completed_at.is_none() {
        return Ok(see_other(&page.href(&format!("health-check/{token}/1"))));
    }
    let form = InterestForm {
        language: page.lang.code().to_string(),
        once: crate::forms::once_key(),
        ..InterestForm::default()
    };
    render(&result_page(&state, page, &token, &check, form, FieldErrors::default()).await?)
}

pub async fn interest(
    State(state): State<AppState>,
    page: Page,
    ClientAddr(addr): ClientAddr,
    Path(token): Path<String>,
    FormData(form): FormData<InterestForm>,
) -> AppResult {
    let check = the_check(&state, &token).await?;
    if check.completed_at.is_none() {
        return Ok(see_other(&page.href(&format!("health-check/{token}/1"))));
    }
    let thanks = page.href(&format!("health-check/{token}/thanks"));
    let key = interest_key(&form);
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let name = parse::text(tr, &mut errors, "name", &form.name, 100, true);
    let email = match Email::parse(&form.email) {
        Ok(e) => Some(e),
        Err(_) => {
            errors.add(
                "email",
                tr.t(if form.email.trim().is_empty() {
                    "error-email-empty"
                } else {
                    "error-email-invalid"
                }),
            );
            None
        }
    };
    let phone = parse::text(tr, &mut errors, "phone", &form.phone, 30, false);
    let organisation = parse::text(
        tr,
        &mut errors,
        "organisation",
        &form.organisation,
        120,
        true,
    );
    let language = Lang::parse(&form.language).unwrap_or(page.lang);
    if form.consent != "yes" {
        errors.add("consent", tr.t("health-error-consent"));
    }
    let open = offered(&state, &check).await?;
    let cohort = match form.cohort.trim() {
        "" => None,
        id => {
            let found = id
                .parse::<i64>()
                .ok()
                .and_then(|id| open.iter().find(|c| c.cohort_id == id));
            if found.is_none() {
                errors.add("cohort", tr.t("error-choose-one"));
            }
            found
        }
    };
    if !errors.is_empty() {
        let p = result_page(&state, page, &token, &check, form, errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    // A machine filled in the field people never see: say thank you, keep nothing.
    if !form.website.is_empty() {
        return Ok(see_other(&thanks));
    }
    let addr = ymarfer_store::secret::hash_secret(&addr);
    let Some(email) = email else {
        let p = result_page(&state, page, &token, &check, form, errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    };
    let input = LeadInput {
        health_check_id: Some(check.id),
        programme_id: cohort.map(|c| c.programme_id),
        cohort_id: cohort.map(|c| c.cohort_id),
        name: name.clone(),
        email: email.as_str().to_string(),
        phone,
        organisation_name: organisation.clone(),
        language,
        recheck: form.recheck == "yes",
    };
    let acting = Acting::person(None, Door::Page, "");
    match register_interest(&state, &acting, &input, key.as_deref(), &addr).await? {
        // Sent again, the same form was acted on: say the same thank-you.
        Interest::Registered(_) | Interest::AlreadySent => {}
        Interest::Throttled => {
            let mut errors = FieldErrors::default();
            errors.add("form", tr.t("health-throttled"));
            let p = result_page(&state, page, &token, &check, form, errors).await?;
            return render_status(StatusCode::TOO_MANY_REQUESTS, &p);
        }
    }
    Ok(see_other(&thanks))
}

#[derive(Template)]
#[template(path = "health/thanks.html")]
struct ThanksPage {
    page: Page,
    token: String,
    /// The cohort the firm chose, and when it starts, if it chose one.
    cohort: Option<(String, String)>,
    /// The language the firm asked to be contacted in: `en` or `cy`.
    language: &'static str,
    /// Whether the firm gave a phone number.
    phone: bool,
}

/// After the interest form (post, redirect, get): what happens next and when.
/// Sending the form again lands here too, and nothing more is made.
pub async fn thanks(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> AppResult {
    let check = the_check(&state, &token).await?;
    let tr = page.tr;
    let lead = state.db.latest_lead_of_check(check.id).await?;
    let cohort = match lead.as_ref().and_then(|l| l.cohort_id) {
        Some(id) => state.db.cohort_by_id(id).await?.map(|c| {
            let name = tr.pick(&c.name_en, &c.name_cy).to_string();
            let when = c.starts_on.map(|d| tr.day(d)).unwrap_or_default();
            (name, when)
        }),
        None => None,
    };
    let language = lead
        .as_ref()
        .and_then(|l| Lang::parse(&l.language))
        .unwrap_or(page.lang);
    let mut page = page;
    page.title = tr.t("health-thanks-title");
    render(&ThanksPage {
        page,
        token,
        cohort,
        language: language.code(),
        phone: lead.is_some_and(|l| !l.phone.is_empty()),
    })
}
