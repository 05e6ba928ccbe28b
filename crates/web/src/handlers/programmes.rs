//! Programmes: the list, creating and editing one, its overview and its team.

use super::DoneQuery;
use super::{FormData, see_other};
use crate::error::{AppError, AppResult, authorise};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::{context, parse};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::programmes::{self, Invitee};
use ymarfer_domain::authz::sees_every_programme;
use ymarfer_domain::impact::CaptureFactor;
use ymarfer_domain::programme::{Slug, check_figures};
use ymarfer_domain::{Action, Email, Lang, Pence, Resource, Role, can};
use ymarfer_store::programmes::{Cohort, Programme, ProgrammeInput, TeamMember};

#[derive(Template)]
#[template(path = "programmes/list.html")]
struct ListPage {
    page: Page,
    programmes: Vec<Programme>,
    can_create: bool,
}

pub async fn list(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult {
    authorise(can(
        viewer.actor(),
        Action::ViewSignedInPages,
        Resource::Site,
    ))?;
    let programmes = match viewer.0.as_ref() {
        Some(me) => {
            state
                .db
                .programmes_visible_to(me.user.id, sees_every_programme(&me.actor))
                .await?
        }
        None => Vec::new(),
    };
    let can_create = can(viewer.actor(), Action::CreateProgramme, Resource::Site)
        == ymarfer_domain::Decision::Allow;
    render(&ListPage {
        page: page.titled("programmes-title"),
        programmes,
        can_create,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ProgrammeForm {
    slug: String,
    name_en: String,
    name_cy: String,
    description_en: String,
    description_cy: String,
    funder: String,
    funder_cy: String,
    starts_on: String,
    ends_on: String,
    cost: String,
    cost_delivery: String,
    cost_venues: String,
    cost_materials: String,
    cost_in_kind: String,
    hourly_rate: String,
    capture_factor: String,
}

impl ProgrammeForm {
    fn from_programme(p: &Programme) -> ProgrammeForm {
        ProgrammeForm {
            slug: p.slug.clone(),
            name_en: p.name_en.clone(),
            name_cy: p.name_cy.clone(),
            description_en: p.description_en.clone(),
            description_cy: p.description_cy.clone(),
            funder: p.funder.clone(),
            funder_cy: p.funder_cy.clone(),
            starts_on: p.starts_on.map(|d| d.to_string()).unwrap_or_default(),
            ends_on: p.ends_on.map(|d| d.to_string()).unwrap_or_default(),
            cost: parse::pounds_input(Some(p.cost_pence)),
            cost_delivery: parse::pounds_input(p.cost_delivery_pence),
            cost_venues: parse::pounds_input(p.cost_venues_pence),
            cost_materials: parse::pounds_input(p.cost_materials_pence),
            cost_in_kind: parse::pounds_input(p.cost_in_kind_pence),
            hourly_rate: parse::pounds_input(Some(p.default_hourly_rate_pence)),
            capture_factor: CaptureFactor(
                u32::try_from(p.capture_factor_thousandths).unwrap_or(1000),
            )
            .to_string(),
        }
    }

    /// Checks every field; the input for the store, or the reasons it cannot be saved.
    fn validate(&self, page: &Page, creating: bool) -> Result<ProgrammeInput, FieldErrors> {
        let tr = page.tr;
        let mut e = FieldErrors::default();
        let name_en = parse::text(tr, &mut e, "name_en", &self.name_en, 120, true);
        let name_cy = parse::text(tr, &mut e, "name_cy", &self.name_cy, 120, true);
        let slug = if creating {
            let typed = self.slug.trim();
            let slug = if typed.is_empty() {
                Slug::from_name(&name_en)
            } else {
                Slug::parse(typed)
            };
            match slug {
                Some(s) => s.as_str().to_string(),
                None => {
                    e.add("slug", tr.t("error-slug"));
                    String::new()
                }
            }
        } else {
            self.slug.clone()
        };
        let description_en = parse::text(
            tr,
            &mut e,
            "description_en",
            &self.description_en,
            5000,
            false,
        );
        let description_cy = parse::text(
            tr,
            &mut e,
            "description_cy",
            &self.description_cy,
            5000,
            false,
        );
        let funder = parse::text(tr, &mut e, "funder", &self.funder, 200, false);
        let funder_cy = parse::text(tr, &mut e, "funder_cy", &self.funder_cy, 200, false);
        let starts_on = parse::date(tr, &mut e, "starts_on", &self.starts_on);
        let ends_on = parse::date(tr, &mut e, "ends_on", &self.ends_on);
        parse::dates_in_order(tr, &mut e, "ends_on", starts_on, ends_on);
        let cost = parse::money(tr, &mut e, "cost", &self.cost, true).unwrap_or_default();
        let parts = [
            parse::money(tr, &mut e, "cost_delivery", &self.cost_delivery, false),
            parse::money(tr, &mut e, "cost_venues", &self.cost_venues, false),
            parse::money(tr, &mut e, "cost_materials", &self.cost_materials, false),
            parse::money(tr, &mut e, "cost_in_kind", &self.cost_in_kind, false),
        ];
        let rate = parse::money_within(
            tr,
            &mut e,
            "hourly_rate",
            &self.hourly_rate,
            true,
            ymarfer_domain::bounds::Bound::HourlyRate,
        )
        .unwrap_or(Pence(0));
        let typed_capture = match self.capture_factor.trim() {
            "" => "1",
            typed => typed,
        };
        let capture = CaptureFactor::parse(typed_capture).unwrap_or(CaptureFactor(0));
        let breakdown: Vec<Pence> = parts.iter().flatten().copied().collect();
        for problem in check_figures(cost, &breakdown, rate, capture) {
            if e.get(problem.field()).is_none() {
                e.add(problem.field(), tr.t(problem.message_id()));
            }
        }
        let capture = capture.0;
        if !e.is_empty() {
            return Err(e);
        }
        Ok(ProgrammeInput {
            slug,
            name_en,
            name_cy,
            description_en,
            description_cy,
            funder,
            funder_cy,
            starts_on,
            ends_on,
            cost_pence: cost.0,
            cost_delivery_pence: parts[0].map(|p| p.0),
            cost_venues_pence: parts[1].map(|p| p.0),
            cost_materials_pence: parts[2].map(|p| p.0),
            cost_in_kind_pence: parts[3].map(|p| p.0),
            default_hourly_rate_pence: rate.0,
            capture_factor_thousandths: i64::from(capture),
        })
    }
}

#[derive(Template)]
#[template(path = "programmes/form.html")]
struct FormPage {
    page: Page,
    action: String,
    creating: bool,
    form: ProgrammeForm,
    errors: FieldErrors,
}

fn form_page(
    page: Page,
    action: String,
    creating: bool,
    form: ProgrammeForm,
    errors: FieldErrors,
) -> FormPage {
    let name = page.pick(&form.name_en, &form.name_cy).to_string();
    let page = page.titled(if creating {
        "programme-new-title"
    } else {
        "programme-edit-title"
    });
    // Editing names the programme, as it was read or typed.
    let page = if creating || name.trim().is_empty() {
        page
    } else {
        page.about(&name)
    };
    FormPage {
        page,
        action,
        creating,
        form,
        errors,
    }
}

pub async fn new_form(page: Page, viewer: Viewer) -> AppResult {
    authorise(can(viewer.actor(), Action::CreateProgramme, Resource::Site))?;
    let form = ProgrammeForm {
        hourly_rate: "25.00".into(),
        capture_factor: "1.0".into(),
        ..ProgrammeForm::default()
    };
    let action = page.href("programmes/new");
    render(&form_page(page, action, true, form, FieldErrors::default()))
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    FormData(form): FormData<ProgrammeForm>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::CreateProgramme, Resource::Site))?;
    let action = page.href("programmes/new");
    let errors = match form.validate(&page, true) {
        Ok(input) => {
            let acting = Acting::person(viewer.actor(), Door::Page, addr);
            match programmes::create(&state, &acting, &input).await {
                Ok(p) => return Ok(see_other(&page.href(&format!("programmes/{}", p.slug)))),
                Err(ymarfer_app::Error::Invalid(message)) => {
                    let mut errors = FieldErrors::default();
                    errors.add("slug", page.t(message));
                    errors
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(errors) => errors,
    };
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(page, action, true, form, errors),
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let action = page.href(&format!("programmes/{slug}/edit"));
    render(&form_page(
        page,
        action,
        false,
        ProgrammeForm::from_programme(&p),
        FieldErrors::default(),
    ))
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(slug): Path<String>,
    FormData(mut form): FormData<ProgrammeForm>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    form.slug = p.slug.clone();
    match form.validate(&page, false) {
        Ok(input) => {
            let acting = Acting::person(viewer.actor(), Door::Page, addr);
            programmes::edit(&state, &acting, p.id, &input).await?;
            Ok(see_other(
                &page.href(&format!("programmes/{slug}?done=saved")),
            ))
        }
        Err(errors) => {
            let action = page.href(&format!("programmes/{slug}/edit"));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(page, action, false, form, errors),
            )
        }
    }
}

pub struct CohortRow {
    pub cohort: Cohort,
    pub share: Pence,
    pub participants: usize,
}

#[derive(Template)]
#[template(path = "programmes/show.html")]
struct ShowPage {
    page: Page,
    p: Programme,
    cohorts: Vec<CohortRow>,
    team: Vec<TeamMember>,
    can_manage: bool,
    notice: Option<String>,
    team_form: TeamForm,
    team_errors: FieldErrors,
    capture: String,
    /// Said when the cohorts' shares do not add up to the programme's cost.
    shares_differ: Option<String>,
    /// The viewer may verify claims here: the way to the queue.
    can_review: bool,
    can_leads: bool,
    can_funnel: bool,
    can_plan: bool,
    can_audit: bool,
}

async fn show_page(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    p: Programme,
    notice: Option<String>,
    team_form: TeamForm,
    team_errors: FieldErrors,
) -> Result<ShowPage, AppError> {
    let cohorts = state.db.cohorts_of(p.id).await?;
    let shares = ymarfer_app::report::cohort_shares(&p, &cohorts);
    let total: i64 = shares.iter().map(|s| s.0).sum();
    let shares_differ = (!shares.is_empty() && total != p.cost_pence).then(|| {
        page.tr.args(
            "cohort-shares-differ",
            &[
                ("shares", page.money(&total)),
                ("cost", page.money(&p.cost_pence)),
            ],
        )
    });
    let counts = state.db.active_counts_by_cohort(p.id).await?;
    let mut rows = Vec::new();
    for (cohort, share) in cohorts.into_iter().zip(shares) {
        let participants = counts
            .iter()
            .find(|(c, _)| *c == cohort.id)
            .map(|(_, n)| *n as usize)
            .unwrap_or(0);
        rows.push(CohortRow {
            cohort,
            share,
            participants,
        });
    }
    let can_manage = context::may_programme(viewer, Action::ManageProgramme, p.id);
    let can_review = context::may_programme(viewer, Action::ReviewClaims, p.id);
    let can_leads = context::may_programme(viewer, Action::ManageLeads, p.id);
    let can_funnel = context::may_programme(viewer, Action::ViewFunnel, p.id);
    let can_plan = context::may_programme(viewer, Action::PlanScenarios, p.id);
    let can_audit = context::may_programme(viewer, Action::ViewAudit, p.id);
    let team = if context::may_programme(viewer, Action::ManageProgramme, p.id)
        || context::may_programme(viewer, Action::ViewProgramme, p.id)
    {
        state.db.programme_team(p.id).await?
    } else {
        Vec::new()
    };
    let capture =
        CaptureFactor(u32::try_from(p.capture_factor_thousandths).unwrap_or(1000)).to_string();
    let title = page.pick(&p.name_en, &p.name_cy).to_string();
    let mut page = page;
    page.title = title;
    Ok(ShowPage {
        page,
        p,
        cohorts: rows,
        team,
        can_manage,
        notice,
        team_form,
        team_errors,
        capture,
        shares_differ,
        can_review,
        can_leads,
        can_funnel,
        can_plan,
        can_audit,
    })
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<DoneQuery>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ViewProgramme).await?;
    let notice = page.done_notice(q.done.as_deref());
    let form = TeamForm {
        language: page.lang.code().into(),
        role: "facilitator".into(),
        ..TeamForm::default()
    };
    render(
        &show_page(
            &state,
            page,
            &viewer,
            p,
            notice,
            form,
            FieldErrors::default(),
        )
        .await?,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TeamForm {
    email: String,
    display_name: String,
    language: String,
    role: String,
}

/// Adds someone to the programme's team (inviting them if they have no account).
pub async fn add_team_member(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(slug): Path<String>,
    FormData(form): FormData<TeamForm>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.add("email", tr.t(e.message_id())))
        .ok();
    let role = Role::parse(&form.role)
        .filter(|r| can(viewer.actor(), Action::Grant(*r), Resource::Programme(p.id)).allowed());
    if role.is_none() {
        errors.add("role", tr.t("error-choose-one"));
    }
    let language = Lang::parse(&form.language).unwrap_or(page.lang);
    parse::text(
        tr,
        &mut errors,
        "display_name",
        &form.display_name,
        100,
        false,
    );
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        let show = show_page(&state, page, &viewer, p, None, form, errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &show);
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    let invitee = Invitee {
        email,
        name: form.display_name.trim().to_string(),
        language,
    };
    programmes::add_to_team(&state, &acting, p.id, &invitee, role).await?;
    Ok(see_other(
        &page.href(&format!("programmes/{slug}?done=team-added")),
    ))
}
