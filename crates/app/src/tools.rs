//! The toolkit a project may use (the shipped tools and its programme's own),
//! and saving a tool as filled in on a project.

use crate::acting::Acting;
use crate::error::{Error, Result};
use crate::projects::project_for;
use crate::services::Services;
use std::borrow::Cow;
use ymarfer_domain::Action;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::toolkit::{self, Tool, ToolValues};
pub use ymarfer_store::projects::SavedVersion;

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
pub async fn tools_for(s: &Services, programme_id: i64) -> Result<Cow<'static, [Tool]>> {
    let own = s.db.programme_tools(programme_id).await?;
    if own.is_empty() {
        return Ok(Cow::Borrowed(shipped()));
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
    Ok(Cow::Owned(tools))
}

/// Saves a tool as filled in on a project (answers the tool has validated) as
/// its next version; the earlier versions stay to read. Saving what the latest
/// version says already writes and records nothing.
pub async fn apply(
    s: &Services,
    acting: &Acting,
    project: i64,
    values: &ToolValues,
    lang: ymarfer_domain::Lang,
) -> Result<SavedVersion> {
    let ctx = project_for(s, acting, project, Action::EditProject).await?;
    let tools = tools_for(s, ctx.programme.id).await?;
    let Some(tool) = tools.iter().find(|t| t.id == values.tool_id) else {
        return Err(Error::NotFound);
    };
    if tool.version != values.tool_version {
        return Err(Error::Invalid("tool-error-version"));
    }
    let data = serde_json::to_string(values).map_err(anyhow::Error::from)?;
    let mut event = acting.event(AuditAction::ToolApplied);
    event.programme_id = Some(ctx.programme.id);
    event.subject = format!("project {project}: tool {}", tool.id);
    Ok(s.db
        .save_application_recorded(
            project,
            &tool.id,
            i64::from(tool.version),
            (&data, lang),
            acting.user_id(),
            &event,
        )
        .await?)
}

/// Adds a programme's own tool from its TOML definition, checked exactly as
/// the shipped tools are, or a new version of one it has. A definition whose
/// id a shipped tool has is refused; the same definition again as the latest
/// version writes and records nothing.
pub async fn add_to_programme(
    s: &Services,
    acting: &Acting,
    programme: i64,
    definition: &str,
) -> Result<SavedVersion> {
    acting.may(
        Action::ManageProgramme,
        ymarfer_domain::Resource::Programme(programme),
    )?;
    let Ok(tool) = Tool::parse(definition) else {
        return Err(Error::Invalid("programme-tools-invalid"));
    };
    if shipped().iter().any(|t| t.id == tool.id) {
        return Err(Error::Invalid("programme-tools-clash"));
    }
    let mut event = acting.event(AuditAction::ProgrammeToolAdded);
    event.programme_id = Some(programme);
    event.subject = format!("tool {}", tool.id);
    Ok(s.db
        .add_programme_tool_recorded(programme, &tool.id, definition, acting.user_id(), &event)
        .await?)
}
