//! Checking and storing an uploaded file, and its size as shown.

use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::page::Page;
use crate::state::AppState;
use ymarfer_app::files;
use ymarfer_store::attachments::NewAttachment;

/// Checks the file of a form, if one was chosen. A refused file is an error
/// on the form's `file` field.
pub async fn check_upload(
    page: &Page,
    file: Option<(String, bytes::Bytes)>,
    errors: &mut FieldErrors,
) -> Result<Option<files::Prepared>, AppError> {
    let Some((name, data)) = file else {
        return Ok(None);
    };
    let prepared = files::prepare_in_turn(name, data)
        .await
        .map_err(|e| AppError::Internal(e.context("preparing a file")))?;
    match prepared {
        Ok(p) => Ok(Some(p)),
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
