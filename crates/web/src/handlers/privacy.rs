//! Personal data (UK GDPR): the privacy notice (`/privacy`), a person's own
//! data to download (`/profile/data.zip`), and erasure by an administrator
//! (`/admin/users/{id}/erase`).

use super::{ClientAddr, FormData, see_other};
use crate::error::{AppError, AppResult, authorise};
use crate::page::{Page, Viewer, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use std::io::Write;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::audit::{Act, record};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Action, Resource, can};

#[derive(Template)]
#[template(path = "privacy.html")]
struct NoticePage {
    page: Page,
}

pub async fn notice(page: Page) -> AppResult {
    render(&NoticePage {
        page: page.titled("privacy-title"),
    })
}

/// Everything held about the signed-in person, as JSON in a ZIP.
pub async fn my_data(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
) -> AppResult {
    // A visitor is asked to sign in; a person reads only their own.
    authorise(can(
        viewer.actor(),
        Action::ManageOwnAccount,
        Resource::Account(viewer.user_id().unwrap_or_default()),
    ))?;
    let me = viewer.0.as_ref().ok_or(AppError::NOT_FOUND)?;
    let user = &me.user;
    let cohorts = state.db.my_cohorts(user.id).await?;
    let sessions = state.db.sessions_of(user.id).await?;
    let leads = state
        .db
        .leads_of_person(user.id, user.email.as_str())
        .await?;
    let (attendance, capability, followups) = state.db.my_records(user.id).await?;
    let words = state.db.my_words(user.id).await?;
    // The acts the trail records of this person.
    let mine = ymarfer_store::audit::AuditQuery {
        actor: Some(user.id),
        ..Default::default()
    };
    let acts = state.db.audit_events(&mine, i64::MAX / 2, 0).await?;
    let entries = state.db.my_entries(user.id).await?;
    let mut data = serde_json::json!({
        "account": {
            "email": user.email.as_str(),
            "name": user.display_name,
            "language": user.lang().code(),
            "administrator": user.is_admin,
            "created_at": user.created_at,
        },
        "cohorts": cohorts.iter().map(|c| serde_json::json!({
            "programme": c.programme_slug,
            "cohort": c.cohort_slug,
            "role": c.role.as_str(),
        })).collect::<Vec<_>>(),
        "sessions": sessions.iter().map(|s| serde_json::json!({
            "started": s.created_at,
            "last_seen": s.last_seen_at,
            "device": s.user_agent,
        })).collect::<Vec<_>>(),
        "attendance": attendance.iter().map(|a| serde_json::json!({
            "cohort": a.cohort,
            "session": a.session,
            "starts_at": a.starts_at,
            "status": a.status,
        })).collect::<Vec<_>>(),
        "capability_self_assessment": capability.iter().map(|c| serde_json::json!({
            "cohort": c.cohort,
            "stage": c.stage,
            "question": c.question,
            "score": c.score,
        })).collect::<Vec<_>>(),
        "cohort_spaces": words.iter().map(|w| serde_json::json!({
            "cohort": w.cohort,
            "kind": w.kind,
            "text": w.text,
            "written_at": w.written_at,
        })).collect::<Vec<_>>(),
        "follow_ups": followups.iter().map(|f| serde_json::json!({
            "cohort": f.cohort,
            "months": f.months,
            "sent_at": f.sent_at,
            "answered_at": f.completed_at,
            "change_still_in_use": f.still_in_use,
        })).collect::<Vec<_>>(),
        "audit_trail": acts.iter().map(|e| serde_json::json!({
            "at": e.at,
            "action": e.action.as_str(),
            "subject": e.subject,
            "address": e.address,
        })).collect::<Vec<_>>(),
        "health_check_leads": leads.iter().map(|l| serde_json::json!({
            "organisation": l.organisation_name,
            "email": l.email,
            "phone": l.phone,
            "status": l.status.as_str(),
            "created_at": l.created_at,
        })).collect::<Vec<_>>(),
    });
    // What they entered in projects and claims, and what the trail says of them.
    if let Some(all) = data.as_object_mut() {
        for (kind, rows) in entries {
            let rows: Vec<serde_json::Value> = rows
                .into_iter()
                .map(|row| {
                    serde_json::Value::Object(
                        row.into_iter()
                            .map(|(c, v)| {
                                (
                                    c.to_string(),
                                    v.map_or(serde_json::Value::Null, serde_json::Value::String),
                                )
                            })
                            .collect(),
                    )
                })
                .collect();
            all.insert(kind.to_string(), serde_json::Value::Array(rows));
        }
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("records.json", options)
        .map_err(anyhow::Error::from)?;
    zip.write_all(serde_json::to_string_pretty(&data)?.as_bytes())?;
    // What the download holds, in their language.
    zip.start_file("README.txt", options)
        .map_err(anyhow::Error::from)?;
    zip.write_all(
        ymarfer_app::i18n::Tr(user.lang())
            .t("data-readme")
            .as_bytes(),
    )?;
    // The files they attached, as stored (photos without their metadata).
    for a in state.db.attachments_by(user.id).await? {
        let bytes = state.files.get(&a.object_key).await?;
        zip.start_file(format!("files/{}-{}", a.id, a.filename), options)
            .map_err(anyhow::Error::from)?;
        zip.write_all(&bytes)?;
    }
    let bytes = zip.finish().map_err(anyhow::Error::from)?.into_inner();
    let act = Act::new(AuditAction::DataDownloaded, None, "my data");
    record(&state, viewer.user_id(), &addr, act).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_string()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"ymarfer-my-data.zip\"".to_string(),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "admin/erase.html")]
struct ErasePage {
    page: Page,
    id: i64,
    name: String,
    email: String,
    error: Option<String>,
}

async fn erase_page(
    state: &AppState,
    page: Page,
    id: i64,
    error: Option<String>,
) -> Result<ErasePage, AppError> {
    let user = state
        .db
        .user_by_id(id)
        .await?
        .filter(|u| u.erased_at.is_none())
        .ok_or(AppError::NOT_FOUND)?;
    Ok(ErasePage {
        page: page.titled("erase-title"),
        id,
        name: user.display_name.clone(),
        email: user.email.as_str().to_string(),
        error,
    })
}

pub async fn erase_form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult {
    authorise(can(viewer.actor(), Action::ManageUsers, Resource::Site))?;
    render(&erase_page(&state, page, id, None).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EraseForm {
    /// The person's email, typed again: erasure cannot be undone.
    confirm: String,
}

pub async fn erase(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<i64>,
    FormData(form): FormData<EraseForm>,
) -> AppResult {
    // Who may see that an account exists is decided first.
    authorise(can(viewer.actor(), Action::ManageUsers, Resource::Site))?;
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    let user = state.db.user_by_id(id).await?;
    if user.as_ref().is_some_and(|u| u.erased_at.is_some()) {
        // Sent again: the erasure is done.
        return Ok(see_other(&page.href("admin/users?erased=1")));
    }
    let shown = erase_page(&state, page, id, None).await?;
    let former = shown.page.t("former-participant");
    match ymarfer_app::accounts::erase(&state, &acting, id, &form.confirm, &former).await {
        Err(ymarfer_app::Error::Invalid(message)) => {
            let error = Some(shown.page.t(message));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ErasePage { error, ..shown },
            );
        }
        other => other?,
    }
    Ok(see_other(&shown.page.href("admin/users?erased=1")))
}
