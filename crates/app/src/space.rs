//! Acts in a cohort space.

use crate::acting::Acting;
use crate::error::Result;
use crate::services::Services;
use ymarfer_domain::space::{self, ItemKind, NoticeKind};
use ymarfer_domain::{Action, Lang, Resource};
use ymarfer_store::attachments::NewAttachment;
use ymarfer_store::space::NewItem;

/// Posts in a cohort's space, as whoever may see it (and, through a token,
/// only one that may write): the words, checked already, in the language they
/// were written in, with any files already stored. The people of the space
/// named after `@` are told. Its id.
pub async fn post(
    services: &Services,
    acting: &Acting,
    programme: i64,
    cohort: i64,
    body: &str,
    lang: Lang,
    files: &[NewAttachment],
) -> Result<i64> {
    acting.may(Action::PostInSpace, Resource::Cohort { programme, cohort })?;
    let author = acting.user_id().ok_or(crate::error::Error::SignIn)?;
    let members = services.db.space_members(programme, cohort).await?;
    let people: Vec<(i64, String)> = members
        .iter()
        .map(|m| (m.user_id, m.display_name.clone()))
        .collect();
    let mentions: Vec<(i64, NoticeKind)> = space::mentioned(body, &people)
        .into_iter()
        .map(|id| (id, NoticeKind::Mention))
        .collect();
    Ok(services
        .db
        .add_item_with(
            &NewItem {
                cohort,
                parent: None,
                author,
                kind: ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body,
                lang,
                alumni: None,
            },
            &mentions,
            files,
        )
        .await?)
}
