//! Checking and storing an uploaded file, and its size as shown.

use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::page::Page;
use crate::state::AppState;
use ymarfer_app::files;
use ymarfer_store::attachments::NewAttachment;

/// Checks the file of a form, if one was chosen, with what it shows in
/// words (the field `file_description`, in the writer's language: its text
/// alternative). A refused file is an error on the form's `file` field, an
/// over-long description one on its own.
pub async fn check_upload(
    page: &Page,
    upload: &mut crate::handlers::Upload,
    errors: &mut FieldErrors,
) -> Result<Option<files::Prepared>, AppError> {
    let description = crate::parse::text(
        page.tr,
        errors,
        "file_description",
        &upload.field("file_description"),
        300,
        false,
    );
    let Some((name, data)) = upload.file.take() else {
        return Ok(None);
    };
    let prepared = files::prepare_in_turn(name, data)
        .await
        .map_err(|e| AppError::Internal(e.context("preparing a file")))?;
    match prepared {
        Ok(mut p) => {
            p.description = description;
            p.description_lang = page.lang;
            Ok(Some(p))
        }
        Err(refusal) => {
            errors.add("file", page.t(refusal.message_id()));
            Ok(None)
        }
    }
}

/// Puts a checked file into the object store.
pub async fn put(state: &AppState, p: files::Prepared) -> Result<NewAttachment, AppError> {
    state.files.put(p).await.map_err(AppError::Internal)
}

/// A file as a page lists it.
pub fn size_text(bytes: &i64) -> String {
    let bytes = *bytes;
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}
