//! What the health check's pages share: the check a token names, and the
//! cleaning of where a firm came from.

use crate::error::{AppError, ErrorKind};
use crate::state::AppState;
use ymarfer_domain::health::KEPT_DAYS;
use ymarfer_store::health::HealthCheck;

/// The throttle's account for health checks: the address is what counts.
pub const EVERYONE: &str = "health-check";

/// A partner's tag, kept short and plain.
pub fn clean_source(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect::<String>()
        .to_lowercase()
}

/// An invitation's token: hexadecimal, as issued.
pub fn clean_token(s: &str) -> String {
    s.chars().filter(char::is_ascii_hexdigit).take(64).collect()
}

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
