//! Personal access tokens for the JSON API, on the person's own profile:
//! created (the secret shown this once), listed with their scope, expiry and
//! last use, and revoked.

use super::{ClientAddr, FormData, see_other};
use crate::error::{AppError, AppResult};
use crate::forms::FieldErrors;
use crate::page::{CurrentUser, Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::tokens::LIFETIMES;
use ymarfer_domain::authz::{TokenScope, sees_every_programme};
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::api_tokens::ApiToken;

struct TokenRow {
    id: i64,
    name: String,
    access: String,
    programme: String,
    created: String,
    expires: String,
    last_used: String,
    live: bool,
    state: String,
}

#[derive(Template)]
#[template(path = "account/tokens.html")]
struct TokensPage {
    page: Page,
    tokens: Vec<TokenRow>,
    /// (id, name) of each programme a token may be limited to.
    programmes: Vec<(String, String)>,
    lifetimes: Vec<(String, String)>,
    form: TokenForm,
    errors: FieldErrors,
    notice: Option<String>,
    /// The secret of the token just made: shown this once.
    secret: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct TokenForm {
    name: String,
    access: String,
    programme: String,
    days: String,
}

#[derive(Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

async fn tokens_page(
    state: &AppState,
    page: Page,
    me: &CurrentUser,
    form: TokenForm,
    errors: FieldErrors,
) -> Result<TokensPage, AppError> {
    let tr = page.tr;
    let programmes = state
        .db
        .programmes_visible_to(me.user.id, sees_every_programme(&me.actor))
        .await?;
    let name_of = |id: Option<i64>| match id {
        None => tr.t("tokens-all-programmes"),
        Some(id) => programmes
            .iter()
            .find(|p| p.id == id)
            .map(|p| tr.pick(&p.name_en, &p.name_cy).to_string())
            .unwrap_or_else(|| tr.t("tokens-programme-gone")),
    };
    let now = chrono::Utc::now();
    let tokens = state
        .db
        .api_tokens_of(me.user.id)
        .await?
        .into_iter()
        .map(|t: ApiToken| TokenRow {
            id: t.id,
            access: tr.t(if t.can_write {
                "tokens-access-write"
            } else {
                "tokens-access-read"
            }),
            programme: name_of(t.programme_id),
            created: tr.date(t.created_at),
            expires: tr.date(t.expires_at),
            last_used: t
                .last_used_at
                .map(|at| tr.date_time(at))
                .unwrap_or_else(|| tr.t("tokens-never-used")),
            live: t.live(now),
            state: tr.t(if t.revoked_at.is_some() {
                "tokens-state-revoked"
            } else if t.expires_at <= now {
                "tokens-state-expired"
            } else {
                "tokens-state-live"
            }),
            name: t.name,
        })
        .collect();
    Ok(TokensPage {
        page: page.titled("tokens-title"),
        tokens,
        programmes: programmes
            .iter()
            .map(|p| {
                (
                    p.id.to_string(),
                    tr.pick(&p.name_en, &p.name_cy).to_string(),
                )
            })
            .collect(),
        lifetimes: LIFETIMES
            .iter()
            .map(|d| (d.to_string(), tr.count("tokens-days", *d)))
            .collect(),
        form,
        errors,
        notice: None,
        secret: None,
    })
}

pub async fn list(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Query(q): Query<Done>,
) -> AppResult {
    let me = crate::views::profile::account_owner(&viewer)?;
    let notice = match q.done.as_deref() {
        Some("revoked") => Some(page.t("tokens-revoked")),
        _ => None,
    };
    let form = TokenForm {
        days: "90".into(),
        access: "read".into(),
        ..TokenForm::default()
    };
    let mut p = tokens_page(&state, page, &me, form, FieldErrors::default()).await?;
    p.notice = notice;
    render(&p)
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    FormData(form): FormData<TokenForm>,
) -> AppResult {
    let me = crate::views::profile::account_owner(&viewer)?;
    let tr = page.tr;
    let mut errors = FieldErrors::default();
    let name = form.name.trim();
    if name.is_empty() {
        errors.add("name", tr.t("tokens-error-name"));
    } else if name.chars().count() > 80 {
        errors.add("name", tr.t("error-name-too-long"));
    }
    let write = match form.access.as_str() {
        "read" => Some(false),
        "write" => Some(true),
        _ => {
            errors.add("access", tr.t("tokens-error-access"));
            None
        }
    };
    // Only a programme the person may see; none means all of them.
    let programme = match form.programme.as_str() {
        "" => Some(None),
        id => id
            .parse::<i64>()
            .ok()
            .filter(|id| {
                can(
                    Some(&me.actor),
                    Action::ViewProgramme,
                    Resource::Programme(*id),
                )
                .allowed()
            })
            .map(Some),
    };
    if programme.is_none() {
        errors.add("programme", tr.t("tokens-error-programme"));
    }
    let days = form
        .days
        .parse::<i64>()
        .ok()
        .filter(|d| LIFETIMES.contains(d));
    if days.is_none() {
        errors.add("days", tr.t("tokens-error-days"));
    }
    let (Some(write), Some(programme), Some(days), true) =
        (write, programme, days, errors.is_empty())
    else {
        let p = tokens_page(&state, page, &me, form, errors).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    let made =
        ymarfer_app::tokens::create(&state, &acting, name, TokenScope { write, programme }, days)
            .await;
    let secret = match made {
        Ok((_, secret)) => secret,
        Err(ymarfer_app::Error::Invalid(id)) => {
            let field = if id == "tokens-error-name-taken" {
                "name"
            } else {
                "form"
            };
            errors.add(field, tr.t(id));
            let p = tokens_page(&state, page, &me, form, errors).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
        }
        Err(e) => return Err(e.into()),
    };
    let fresh = TokenForm {
        days: "90".into(),
        access: "read".into(),
        ..TokenForm::default()
    };
    let mut p = tokens_page(&state, page, &me, fresh, FieldErrors::default()).await?;
    p.secret = Some(secret);
    render(&p)
}

pub async fn revoke(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
) -> AppResult {
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    ymarfer_app::tokens::revoke(&state, &acting, id).await?;
    Ok(see_other(&format!(
        "/{}/profile/tokens?done=revoked",
        page.lang.code()
    )))
}
