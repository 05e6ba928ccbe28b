//! A session's rhythm: what each person committed to and checked in on.

use crate::context;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer};
use crate::state::AppState;
use chrono::Utc;
use serde::Deserialize;
use ymarfer_domain::Action;
use ymarfer_domain::space::CheckIn;
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::schedule::Meeting;
use ymarfer_store::space::Commitment;

/// What a person typed on a session's page, kept when refused.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Typed {
    pub commitment: String,
    /// The language the commitment is written in.
    pub commitment_lang: String,
    #[serde(skip)]
    pub errors: FieldErrors,
}

/// A person's commitments as one session's page shows them.
pub struct Rhythm {
    /// Made at this session.
    pub made_here: Vec<Commitment>,
    /// Made at earlier sessions, not yet checked in.
    pub to_check: Vec<Commitment>,
    /// Made earlier and checked in.
    pub checked: Vec<Commitment>,
    /// The session has begun, so commitments can be made at it.
    pub may_commit: bool,
    pub base: String,
    pub typed: Typed,
}

impl Rhythm {
    pub fn statuses(&self, page: &Page) -> Vec<(&'static str, String)> {
        CheckIn::ALL
            .iter()
            .map(|c| (c.as_str(), page.t(c.message_id())))
            .collect()
    }

    pub fn status_name(&self, page: &Page, c: &Commitment) -> String {
        c.status()
            .map(|s| page.t(s.message_id()))
            .unwrap_or_default()
    }
}

/// The viewer's commitments around one session, if they are of its cohort's space.
pub async fn for_session(
    state: &AppState,
    page: &Page,
    viewer: &Viewer,
    programme: &Programme,
    cohort: &Cohort,
    m: &Meeting,
    typed: Typed,
) -> Result<Option<Rhythm>, AppError> {
    let Some(me) = viewer.user_id() else {
        return Ok(None);
    };
    if !context::may(viewer, Action::ViewSpace, programme.id, cohort.id) {
        return Ok(None);
    }
    let mine = state.db.commitments(cohort.id, me).await?;
    let (mut made_here, mut to_check, mut checked) = (Vec::new(), Vec::new(), Vec::new());
    for c in mine {
        if c.session_id == m.id {
            made_here.push(c);
        } else if c.session_on < m.starts_at {
            if c.checked_at.is_some() {
                checked.push(c);
            } else {
                to_check.push(c);
            }
        }
    }
    Ok(Some(Rhythm {
        made_here,
        to_check,
        checked,
        may_commit: m.starts_at <= Utc::now(),
        base: page.href(&format!(
            "programmes/{}/cohorts/{}/sessions/{}",
            programme.slug, cohort.slug, m.id
        )),
        typed,
    }))
}
