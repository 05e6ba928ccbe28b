//! Importing people into a cohort from CSV, one flow for the web page and the
//! command line: check the whole file (format, then the cohort), every problem a
//! translated sentence naming its line; then import all or nothing; then invite
//! the people who had no account.

use crate::acting::Acting;
use crate::error::Error;
use crate::i18n::Tr;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::import::{self, ImportErrors, PersonRow};
use ymarfer_domain::{Action, Resource};
use ymarfer_store::Db;
use ymarfer_store::programmes::{Cohort, Programme};

/// A problem found in an import, written for the person reading it.
pub struct ImportProblem {
    /// The file's line, or 0 for the file as a whole.
    pub line: usize,
    pub messages: Vec<String>,
}

/// One import problem as a sentence in the reader's language.
pub fn describe_problem(tr: Tr, p: &import::Problem) -> String {
    if p.message_id == "import-error-duplicate" {
        return tr.args(p.message_id, &[("line", p.value.clone())]);
    }
    let column = if p.column.is_empty() {
        String::new()
    } else {
        tr.t(&format!("import-column-{}", p.column.replace('_', "-")))
    };
    tr.args(
        p.message_id,
        &[
            ("column", column),
            ("value", p.value.clone()),
            (
                "max",
                ymarfer_domain::bounds::Bound::HourlyRate.describe(tr.lang()),
            ),
        ],
    )
}

/// Checks a file against the format and against the cohort (nobody in it may be
/// enrolled already).
pub async fn check(
    db: &Db,
    tr: Tr,
    cohort_id: i64,
    bytes: &[u8],
) -> anyhow::Result<Result<Vec<PersonRow>, Vec<ImportProblem>>> {
    let describe = |p: &import::Problem| describe_problem(tr, p);
    let rows = match import::parse_people(bytes) {
        Ok(rows) => rows,
        Err(ImportErrors { file: Some(p), .. }) => {
            return Ok(Err(vec![ImportProblem {
                line: 0,
                messages: vec![describe(&p)],
            }]));
        }
        Err(ImportErrors { rows, .. }) => {
            return Ok(Err(rows
                .into_iter()
                .map(|r| ImportProblem {
                    line: r.line,
                    messages: r.problems.iter().map(describe).collect(),
                })
                .collect()));
        }
    };
    let emails: Vec<&str> = rows.iter().map(|r| r.email.as_str()).collect();
    let enrolled = db.already_enrolled(cohort_id, &emails).await?;
    if !enrolled.is_empty() {
        let enrolled: std::collections::HashSet<String> = enrolled.into_iter().collect();
        return Ok(Err(rows
            .iter()
            .filter(|r| enrolled.contains(r.email.as_str()))
            .map(|r| ImportProblem {
                line: r.line,
                messages: vec![tr.t1("import-error-enrolled", "email", r.email.as_str())],
            })
            .collect()));
    }
    Ok(Ok(rows))
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub people: usize,
    pub new_accounts: usize,
    /// Invitations that could not be sent (logged; they can be sent again).
    pub not_invited: usize,
}

/// Imports checked rows into a cohort, all or nothing, then (when asked)
/// invites each person who had no account; the import stands even if an
/// invitation fails. Only the cohort's managers may; one audit event records
/// the import in the same transaction. Sent again, the check refuses it: the
/// people are enrolled already.
pub async fn import(
    services: &Services,
    acting: &Acting,
    programme: &Programme,
    cohort: &Cohort,
    rows: &[PersonRow],
    invite: bool,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Imported, Error> {
    acting.may(
        Action::ManageCohort,
        Resource::Cohort {
            programme: programme.id,
            cohort: cohort.id,
        },
    )?;
    let mut event = acting.event(AuditAction::PeopleImported);
    event.programme_id = Some(programme.id);
    event.subject = format!("cohort {}", cohort.slug);
    event.detail = format!("{} people", rows.len());
    let created = services
        .db
        .import_people(
            programme.id,
            cohort.id,
            rows,
            acting.user_id(),
            &event,
            progress,
        )
        .await?;
    let mut not_invited = 0;
    if invite {
        for id in &created {
            if let Some(user) = services.db.user_by_id(*id).await?
                && let Err(e) =
                    crate::invitations::send_invitation(services, &user, Some(cohort)).await
            {
                tracing::error!(error = %format!("{e:#}"), "invitation could not be sent");
                not_invited += 1;
            }
        }
    }
    Ok(Imported {
        people: rows.len(),
        new_accounts: created.len(),
        not_invited,
    })
}
