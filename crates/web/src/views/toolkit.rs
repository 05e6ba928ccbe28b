//! The tools a project may use: the shipped toolkit and its programme's own.

use crate::error::AppError;
use crate::state::AppState;
use ymarfer_domain::toolkit::Tool;

/// The shipped toolkit, parsed once.
pub fn shipped() -> &'static [Tool] {
    ymarfer_app::tools::shipped()
}

/// The tools a project may use: the shipped toolkit and its programme's own.
pub async fn tools_for(
    state: &AppState,
    programme_id: i64,
) -> Result<std::borrow::Cow<'static, [Tool]>, AppError> {
    Ok(ymarfer_app::tools::tools_for(state, programme_id).await?)
}
