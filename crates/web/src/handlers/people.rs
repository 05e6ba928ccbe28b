//! People in a cohort: inviting and enrolling, withdrawing and re-admitting, and
//! importing and exporting them as CSV.

use super::{FormData, see_other};
use crate::context;
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use crate::views::cohort_page::show_page;
use crate::views::invite::InviteForm;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::people;
use ymarfer_app::people_import::{self, ImportProblem};
use ymarfer_app::programmes::Invitee;
use ymarfer_domain::import::{self, ExportRow, PersonRow};
use ymarfer_domain::{Action, Email, Lang, Pence, Resource, Role, can};

pub async fn invite(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
    FormData(form): FormData<InviteForm>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.add("email", tr.t(e.message_id())))
        .ok();
    let role = Role::parse(&form.role).filter(|r| {
        can(
            viewer.actor(),
            Action::Grant(*r),
            Resource::Cohort {
                programme: programme.id,
                cohort: cohort.id,
            },
        )
        .allowed()
    });
    if role.is_none() {
        errors.add("role", tr.t("error-choose-one"));
    }
    // Only an organisation taking part in this programme; a new one is added first.
    let organisation = match form.organisation.trim() {
        "" => None,
        id => match id.parse::<i64>() {
            Ok(id) => state
                .db
                .programme_organisations(programme.id)
                .await?
                .into_iter()
                .find(|o| o.id == id),
            Err(_) => None,
        },
    };
    if role.is_some_and(Role::enrols) && organisation.is_none() {
        errors.add("organisation", tr.t("error-organisation-needed"));
    }
    crate::parse::text(
        tr,
        &mut errors,
        "display_name",
        &form.display_name,
        100,
        false,
    );
    let language = Lang::parse(&form.language).unwrap_or(page.lang);
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        let extras = crate::views::cohort_page::Extras {
            notice: None,
            invite: form,
            invite_errors: errors,
            feed_link: None,
        };
        let show = show_page(&state, page, &viewer, programme, cohort, extras).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &show);
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    let invitee = Invitee {
        email,
        name: form.display_name.trim().to_string(),
        language,
    };
    people::invite(
        &state,
        &acting,
        cohort.id,
        &invitee,
        role,
        organisation.map(|o| o.id),
    )
    .await?;
    Ok(see_other(&page.href(&format!(
        "programmes/{slug}/cohorts/{cslug}?done=invited"
    ))))
}

pub async fn withdraw(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug, user_id)): Path<(String, String, i64)>,
) -> AppResult {
    let (_, cohort) = context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    // Someone not actively enrolled (withdrawn already, the form sent again)
    // is not found, as before; nothing changes.
    if !people::withdraw(&state, &acting, cohort.id, user_id).await? {
        return Err(AppError::NOT_FOUND);
    }
    Ok(see_other(&page.href(&format!(
        "programmes/{slug}/cohorts/{cslug}?done=withdrawn"
    ))))
}

pub async fn readmit(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug, user_id)): Path<(String, String, i64)>,
) -> AppResult {
    let (_, cohort) = context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    if !people::readmit(&state, &acting, cohort.id, user_id).await? {
        return Err(AppError::NOT_FOUND);
    }
    Ok(see_other(&page.href(&format!(
        "programmes/{slug}/cohorts/{cslug}?done=readmitted"
    ))))
}

#[derive(Template)]
#[template(path = "cohorts/import.html")]
struct ImportPage {
    page: Page,
    base: String,
    problems: Vec<ImportProblem>,
    /// The first [`PREVIEW_ROWS`] rows of the file.
    rows: Vec<PersonRow>,
    /// How many rows the file has.
    total: usize,
    csv: String,
}

/// How many rows the preview lists: the count says how many there are in all,
/// so a national file's preview is a page, not a book.
const PREVIEW_ROWS: usize = 200;

impl ImportPage {
    fn area_name(&self, code: &str) -> &'static str {
        ymarfer_domain::reference::area(code)
            .map(|a| a.name(self.page.lang))
            .unwrap_or("")
    }
}

pub async fn import_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let base = page.href(&format!("programmes/{slug}/cohorts/{cslug}"));
    render(&ImportPage {
        page: page.titled("import-title"),
        base,
        problems: Vec::new(),
        rows: Vec::new(),
        total: 0,
        csv: String::new(),
    })
}

/// Reads the uploaded file (or, when confirming, the text carried by the preview).
async fn uploaded(mut multipart: Multipart) -> Result<(Vec<u8>, bool, bool), AppError> {
    let mut bytes = Vec::new();
    let mut confirm = false;
    let mut invite = false;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BAD_REQUEST)?
    {
        match field.name() {
            Some("file") | Some("csv") => {
                let data = field.bytes().await.map_err(|_| AppError::BAD_REQUEST)?;
                if !data.is_empty() {
                    bytes = data.to_vec();
                }
            }
            Some("confirm") => confirm = true,
            Some("invite") => invite = true,
            _ => {}
        }
    }
    Ok((bytes, confirm, invite))
}

pub async fn import(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult {
    // Who may import is decided before the body is read.
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let base = page.href(&format!("programmes/{slug}/cohorts/{cslug}"));
    let multipart = multipart.map_err(|_| AppError::BAD_REQUEST)?;
    let (bytes, confirm, invite) = uploaded(multipart).await?;
    let csv = String::from_utf8_lossy(&bytes).into_owned();
    match people_import::check(&state.db, page.tr, cohort.id, &bytes).await? {
        Err(problems) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ImportPage {
                page: page.titled("import-title"),
                base,
                problems,
                rows: Vec::new(),
                total: 0,
                csv: String::new(),
            },
        ),
        Ok(mut rows) if !confirm => {
            let total = rows.len();
            rows.truncate(PREVIEW_ROWS);
            render(&ImportPage {
                page: page.titled("import-preview-title"),
                base,
                problems: Vec::new(),
                rows,
                total,
                csv,
            })
        }
        Ok(rows) => {
            let acting = Acting::person(viewer.actor(), Door::Page, addr);
            people_import::import(
                &state,
                &acting,
                &programme,
                &cohort,
                &rows,
                invite,
                &|_, _| {},
            )
            .await?;
            Ok(see_other(&format!("{base}?done=imported")))
        }
    }
}

pub async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, cslug)): Path<(String, String)>,
) -> AppResult {
    let (programme, cohort) =
        context::cohort(&state, &viewer, &slug, &cslug, Action::ManageCohort).await?;
    let act = ymarfer_app::audit::Act::new(
        ymarfer_domain::audit::AuditAction::PeopleExported,
        Some(programme.id),
        format!("people.csv of {}", cohort.slug),
    );
    ymarfer_app::audit::record(&state, viewer.user_id(), &addr, act).await?;
    // Three queries, whatever the cohort's size.
    let enrolled = state.db.enrolled(cohort.id).await?;
    let users = state.db.cohort_users(cohort.id).await?;
    let orgs = state.db.programme_organisations(programme.id).await?;
    let people: Vec<_> = enrolled
        .iter()
        .filter(|e| e.is_active())
        .map(|e| {
            let user = users.iter().find(|u| u.id == e.user_id).cloned();
            let org = e
                .organisation_id
                .and_then(|id| orgs.iter().find(|o| o.id == id).cloned());
            (e, user, org)
        })
        .collect();
    let rows: Vec<ExportRow<'_>> = people
        .iter()
        .map(|(e, user, org)| ExportRow {
            email: &e.email,
            name: &e.display_name,
            language: user.as_ref().map(|u| u.language.as_str()).unwrap_or("en"),
            organisation: org.as_ref().map(|o| o.name.as_str()).unwrap_or(""),
            companies_house: org
                .as_ref()
                .and_then(|o| o.companies_house.as_deref())
                .unwrap_or(""),
            sector: org.as_ref().map(|o| o.sic_section.as_str()).unwrap_or(""),
            employee_band: org.as_ref().map(|o| o.employee_band.as_str()).unwrap_or(""),
            area: org
                .as_ref()
                .map(|o| o.principal_area.as_str())
                .unwrap_or(""),
            hourly_rate: org.as_ref().and_then(|o| o.hourly_rate_pence).map(Pence),
        })
        .collect();
    let body = import::write_people(&rows)?;
    let filename = format!("attachment; filename=\"{slug}-{cslug}-people.csv\"");
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, filename),
        ],
        body,
    )
        .into_response())
}
