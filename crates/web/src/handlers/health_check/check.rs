//! What the health check's pages share: the check a token names, and the
//! cleaning of where a firm came from.

use crate::error::{AppError, ErrorKind};
use crate::state::AppState;
use ymarfer_domain::health::KEPT_DAYS;
use ymarfer_store::health::HealthCheck;

pub use ymarfer_app::health_checks::{clean_source, clean_token};

/// The check at this address, if it is there and not past keeping.
pub async fn the_check(state: &AppState, token: &str) -> Result<HealthCheck, AppError> {
    let check = state
        .db
        .check_by_token(token)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    if check.created_at + chrono::Duration::days(KEPT_DAYS) < chrono::Utc::now() {
        return Err(AppError::Kind(ErrorKind::Gone));
    }
    Ok(check)
}
