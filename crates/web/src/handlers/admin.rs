//! The instance administrator's pages: people and invitations.

use super::{FormData, see_other};
use crate::error::{AppResult, authorise};
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::paging::{self, Pager};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::accounts::{self, Access, Delivery, NewAccount};
use ymarfer_app::acting::{Acting, Door};
use ymarfer_domain::{Action, Email, Lang, Resource, can};
use ymarfer_store::seek::Seek;

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    page: Page,
    /// What the list is searched for.
    q: String,
    users: Vec<UserRow>,
    pager: Pager,
    notice: Option<String>,
    form: InviteForm,
    errors: FieldErrors,
}

struct UserRow {
    name: String,
    email: String,
    language: String,
    is_admin: bool,
    active: bool,
    joined: String,
    /// Where to erase this person's data; none for an account already erased.
    erase: Option<String>,
    id: i64,
    suspended: bool,
}

/// The most accounts one search shows.
const USERS_SHOWN: i64 = paging::PAGE_SIZE;

#[allow(clippy::too_many_arguments)]
async fn users_page(
    state: &AppState,
    page: Page,
    notice: Option<String>,
    form: InviteForm,
    errors: FieldErrors,
    q: &str,
    me: Option<i64>,
    seek: Seek,
) -> Result<UsersPage, crate::error::AppError> {
    let tr = page.tr;
    let (users, total) = state.db.users_seek(q, seek, USERS_SHOWN).await?;
    let pager = Pager::of(
        &paging::with_query(&page.href("admin/users"), &[("q", q.trim())]),
        ("after", "before"),
        &users,
        total,
    );
    let rows: Vec<UserRow> = users
        .items
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            suspended: u.suspended_at.is_some(),
            // Nobody suspends or erases their own account from this list.
            erase: (u.erased_at.is_none() && Some(u.id) != me)
                .then(|| page.href(&format!("admin/users/{}/erase", u.id))),
            name: if u.erased_at.is_some() {
                tr.t("former-participant")
            } else {
                u.display_name.clone()
            },
            language: tr.t(&format!("language-{}", u.lang().code())),
            is_admin: u.is_admin,
            active: u.password_hash.is_some(),
            joined: tr.date(u.created_at),
            email: u.email,
        })
        .collect();
    Ok(UsersPage {
        page: page.titled("admin-users-title"),
        q: q.to_string(),
        users: rows,
        pager,
        notice,
        form,
        errors,
    })
}

#[derive(Deserialize, Default)]
pub struct UsersQuery {
    invited: Option<String>,
    done: Option<String>,
    #[serde(default)]
    q: String,
    /// Where the page starts (or ends): an account's id.
    after: Option<String>,
    before: Option<String>,
}

pub async fn users(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Query(q): Query<UsersQuery>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::ManageUsers, Resource::Site))?;
    let seek = paging::seek(q.after.as_deref(), q.before.as_deref())?;
    let notice = q
        .invited
        .map(|email| page.t1("admin-invited", "email", &email))
        .or_else(|| page.done_notice(q.done.as_deref()));
    let form = InviteForm {
        language: page.lang.code().to_string(),
        ..InviteForm::default()
    };
    render(
        &users_page(
            &state,
            page,
            notice,
            form,
            FieldErrors::default(),
            &q.q,
            viewer.user_id(),
            seek,
        )
        .await?,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    email: String,
    display_name: String,
    language: String,
}

pub async fn invite(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    FormData(form): FormData<InviteForm>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::ManageUsers, Resource::Site))?;
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.add("email", tr.t(e.message_id())))
        .ok();
    if form.display_name.trim().chars().count() > 100 {
        errors.add("display_name", tr.t("error-name-too-long"));
    }
    let language = Lang::parse(&form.language);
    if language.is_none() {
        errors.add("language", tr.t("error-language-invalid"));
    }
    if let (Some(email), Some(language), true) = (&email, language, errors.is_empty()) {
        let acting = Acting::person(viewer.actor(), Door::Page, addr);
        let new = NewAccount {
            email,
            name: &form.display_name,
            language,
            admin: false,
        };
        match accounts::add_user(&state, &acting, new, Delivery::Email).await {
            Ok(added) => {
                let q = url::form_urlencoded::byte_serialize(added.user.email.as_bytes())
                    .collect::<String>();
                return Ok(see_other(&format!(
                    "/{}/admin/users?invited={q}",
                    page.lang.code()
                )));
            }
            Err(ymarfer_app::Error::Invalid(id)) => errors.add("email", tr.t(id)),
            Err(e) => return Err(e.into()),
        }
    }
    let page = users_page(
        &state,
        page,
        None,
        form,
        errors,
        "",
        viewer.user_id(),
        Seek::First,
    )
    .await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Suspends an account (signing it out everywhere), reactivates it, or signs
/// it out everywhere; each recorded in the audit trail.
pub async fn account_action(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    axum::extract::Path((id, what)): axum::extract::Path<(i64, String)>,
) -> AppResult {
    let (access, done) = match what.as_str() {
        "suspend" => (Access::Suspend, "suspended"),
        "reactivate" => (Access::Reactivate, "reactivated"),
        "sign-out" => (Access::SignOut, "signed-out"),
        _ => return Err(crate::error::AppError::NOT_FOUND),
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    match accounts::set_access(&state, &acting, id, access).await {
        // Not oneself: an administrator cannot lock themselves out here.
        Err(ymarfer_app::Error::Invalid(_)) => return Err(crate::error::AppError::BAD_REQUEST),
        other => other?,
    }
    Ok(super::see_other(
        &page.href(&format!("admin/users?done={done}")),
    ))
}

#[derive(Template)]
#[template(path = "admin/index.html")]
struct IndexPage {
    page: Page,
    /// Each area the viewer may use: address, name, what it is for.
    areas: Vec<(String, String, String)>,
}

/// The administration index (`/{lang}/admin`): every administration page the
/// viewer may use, and none they may not; someone who may use none is refused.
pub async fn index(page: Page, viewer: Viewer) -> AppResult {
    let may = |action| can(viewer.actor(), action, Resource::Site).allowed();
    let areas: Vec<(String, String, String)> = [
        (
            Action::ManageUsers,
            "admin/users",
            "admin-users-title",
            "admin-index-users",
        ),
        (
            Action::ManageLeads,
            "leads/waiting",
            "leads-unassigned-title",
            "admin-index-leads",
        ),
        (
            Action::ViewOperations,
            "admin/programmes",
            "operations-programmes-title",
            "admin-index-programmes",
        ),
        (
            Action::ViewOperations,
            "admin/jobs",
            "operations-jobs-title",
            "admin-index-jobs",
        ),
        (
            Action::ViewOperations,
            "admin/mail",
            "mail-queue-title",
            "admin-index-mail",
        ),
        (
            Action::ViewAudit,
            "admin/audit",
            "audit-title",
            "admin-index-audit",
        ),
        (
            Action::ManageReference,
            "admin/smes",
            "smes-title",
            "admin-index-smes",
        ),
    ]
    .into_iter()
    .filter(|(action, ..)| may(*action))
    .map(|(_, path, title, what)| (page.href(path), page.t(title), page.t(what)))
    .collect();
    if areas.is_empty() {
        // Nothing here for them: refused as the people page refuses them.
        authorise(can(viewer.actor(), Action::ManageUsers, Resource::Site))?;
    }
    render(&IndexPage {
        page: page.titled("admin-index-title"),
        areas,
    })
}
