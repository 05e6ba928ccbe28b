//! The tools a project may use: the shipped toolkit and its programme's own.

use crate::error::AppError;
use crate::state::AppState;
use ymarfer_domain::toolkit::{self, Tool};

/// The shipped toolkit, parsed once.
pub fn shipped() -> &'static [Tool] {
    static TOOLS: std::sync::OnceLock<Vec<Tool>> = std::sync::OnceLock::new();
    TOOLS.get_or_init(|| match toolkit::shipped_tools() {
        Ok(tools) => tools,
        Err(e) => {
            tracing::error!(error = %e, "the shipped toolkit does not parse");
            Vec::new()
        }
    })
}

/// The tools a project may use: the shipped toolkit and its programme's own.
/// The shipped toolkit is lent, not copied, when the programme has none.
pub async fn tools_for(
    state: &AppState,
    programme_id: i64,
) -> Result<std::borrow::Cow<'static, [Tool]>, AppError> {
    let own = state.db.programme_tools(programme_id).await?;
    if own.is_empty() {
        return Ok(std::borrow::Cow::Borrowed(shipped()));
    }
    let mut tools = shipped().to_vec();
    for t in own {
        match Tool::parse(&t.definition) {
            Ok(tool) => tools.push(tool),
            Err(e) => {
                tracing::warn!(tool = %t.tool_id, error = %e, "a stored programme tool no longer parses")
            }
        }
    }
    Ok(std::borrow::Cow::Owned(tools))
}
