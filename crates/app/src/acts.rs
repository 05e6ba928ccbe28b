//! Every act of the application layer, with what it guarantees: who may do it,
//! what the audit trail records, whom it tells, how doing it twice changes
//! nothing, and the doors that reach it. An act is a public function of this
//! crate that takes an [`Acting`](crate::acting::Acting); a test fails when one
//! has no row here, and the behaviour test walks every row on both databases.

use crate::acting::Door;

/// One act and its guarantees.
#[derive(Debug, Clone, Copy)]
pub struct Act {
    /// `module::function` in this crate.
    pub name: &'static str,
    /// Who may, as the policy's action names it.
    pub may: &'static str,
    /// What the audit trail records, in the same transaction.
    pub records: &'static str,
    /// Who hears of it.
    pub tells: &'static str,
    /// Why sending it twice changes nothing the second time.
    pub repeat: &'static str,
    /// The ways in.
    pub doors: &'static [Door],
}

pub const ACTS: &[Act] = &[
    Act {
        name: "claims::verify",
        may: "VerifyBenefit: the cohort's staff, never the claimant",
        records: "line_verified: the line, the version seen and the note, with the new version and the claimant's notice in one transaction",
        tells: "the claimant, in the app and by their email rhythm, in their language",
        repeat: "the version seen: sent twice, the second finds it done and changes and records nothing",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "claims::return_claim",
        may: "VerifyBenefit: the cohort's staff, never the claimant",
        records: "line_returned: the line, the version seen and the note, with the new version and the claimant's notice in one transaction",
        tells: "the claimant, in the app and by their email rhythm, in their language",
        repeat: "the version seen: sent twice, the second finds it done and changes and records nothing",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "claims::reject",
        may: "VerifyBenefit: the cohort's staff, never the claimant",
        records: "line_rejected: the line, the version seen and the note, with the new version and the claimant's notice in one transaction",
        tells: "the claimant, in the app and by their email rhythm, in their language",
        repeat: "the version seen: sent twice, the second finds it done and changes and records nothing",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "claims::reopen",
        may: "VerifyBenefit: the cohort's staff, never the claimant",
        records: "line_reopened: the line, the version seen and the reason, with the new version in one transaction",
        tells: "nobody: the line is the claimant's to claim again",
        repeat: "the version seen: sent twice, the second finds it done and changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "accounts::add_user",
        may: "ManageUsers",
        records: "user_added: the account, and whether an administrator",
        tells: "the new person, by an invitation in their language (or a link the operator hands over)",
        repeat: "an address with an account already is refused, so a second send adds nobody",
        doors: &[Door::Page, Door::CommandLine],
    },
    Act {
        name: "accounts::set_access",
        may: "ManageUsers, never on one's own account",
        records: "user_suspended, user_reactivated or user_signed_out: the account",
        tells: "nobody: a suspended person is refused at sign-in",
        repeat: "suspending a suspended account (or reactivating an active one) changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "accounts::erase",
        may: "ManageUsers, never on one's own account, with the person's email typed again",
        records: "person_erased: the account by number only",
        tells: "nobody: the person's address is gone",
        repeat: "an account erased already is left as it is; nothing more is recorded",
        doors: &[Door::Page],
    },
    Act {
        name: "leads::register_interest",
        may: "anyone (ViewPublic): a firm after its health check",
        records: "lead_registered: the lead, naming no one",
        tells: "the managers of the chosen programme, or the administrators for none, by email; \
                administrators also see it in the list of leads with no programme",
        repeat: "a one-time key per showing of the form: sent twice, one lead and one email",
        doors: &[Door::Page],
    },
    Act {
        name: "leads::assign",
        may: "ManageLeads on the site and in the programme",
        records: "lead_assigned: the lead and the programme",
        tells: "the programme's managers, by email",
        repeat: "a lead with a programme already is left as it is; nothing more is sent",
        doors: &[Door::Page],
    },
    Act {
        name: "tokens::create",
        may: "ManageOwnAccount; a programme-limited token only for a programme one may see",
        records: "token_created: its name, access and lifetime",
        tells: "the person: the secret is shown once",
        repeat: "a name with a live token already is refused, so a second send makes none",
        doors: &[Door::Page],
    },
    Act {
        name: "tokens::revoke",
        may: "ManageOwnAccount, one's own tokens only",
        records: "token_revoked: the token",
        tells: "nobody",
        repeat: "revoking a revoked token changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "organisations::change_rate",
        may: "EditOrganisation: the staff of the programme whose record it is",
        records: "organisation_rate_changed: the rate and the programme's claimed first-year total, before and after",
        tells: "nobody: the ledger shows the new values",
        repeat: "the same rate again changes and records nothing",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "space::post",
        may: "PostInSpace: the cohort's participants and staff (a token must be read-write)",
        records: "the post itself, with its author and time (not a sensitive act)",
        tells: "the people named after @, in the app and by their email rhythm",
        repeat: "page forms carry the CSRF token; the API takes an Idempotency-Key",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "ledger_import::import_ledger",
        may: "ManageProgramme; the named verifier must hold VerifyBenefit",
        records: "ledger_imported: the file's SHA-256 and its line counts",
        tells: "nobody: the programme's staff see the lines in the ledger",
        repeat: "a file imported before is refused, naming when and by whom; \
                 lines already in the ledger are left as they are",
        doors: &[Door::CommandLine],
    },
    Act {
        name: "people_import::import",
        may: "ManageCohort",
        records: "people_imported: the cohort and how many people",
        tells: "each new person, by an invitation when asked",
        repeat: "the check refuses people enrolled already, so nothing is written",
        doors: &[Door::Page, Door::CommandLine],
    },
    Act {
        name: "projects::start",
        may: "EditProject on the firm's project to be: the cohort's staff for any firm enrolled in it, a participant for the firm they represent there",
        records: "project_started: the project, its cohort and firm, and its title",
        tells: "nobody: the cohort's list of projects shows it to its facilitators",
        repeat: "the firm's title in the cohort: the same title and problem again finds the project made and writes nothing; another problem under that title is refused",
        doors: &[Door::Page],
    },
    Act {
        name: "projects::edit",
        may: "EditProject: the cohort's staff and the people enrolled for the firm",
        records: "project_changed: what moved (title, status, visibility, the aim's baseline and target, consent to a case study), before and after; approval to publish withdrawn in the same transaction",
        tells: "nobody: the project's page shows it",
        repeat: "the form saying what the project says already changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "projects::approve",
        may: "ApproveProject: the cohort's staff; only a project made public",
        records: "project_approved: the project, with its notices in one transaction",
        tells: "the people enrolled for the firm in the cohort, in the app and by their email rhythm",
        repeat: "approving an approved project changes, records and tells nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "tools::apply",
        may: "EditProject, with a tool of the project's programme",
        records: "tool_applied: the project, the tool and the version saved, in one transaction",
        tells: "nobody: the project's page lists the tool's versions",
        repeat: "saving what the latest version says already makes no version and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "cycles::start",
        may: "EditProject",
        records: "cycle_started: the project, the cycle's number and its decision, in one transaction",
        tells: "nobody: the project's page and the cohort's list show it",
        repeat: "from a page, the project's latest cycle saying the same already is given back and nothing is written; at the API, the Idempotency-Key (a request without one acts, as the API promises)",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "cycles::update",
        may: "EditProject",
        records: "cycle_changed: the cycle, and its decision (adopt, adapt, abandon) before and after",
        tells: "nobody: the project's page shows it",
        repeat: "the form saying what the cycle says already changes and records nothing; a cycle changed by someone else since it was read is refused",
        doors: &[Door::Page],
    },
    Act {
        name: "readings::record",
        may: "EditProject",
        records: "reading_recorded: the reading, its day and value, in one transaction",
        tells: "nobody: the run chart shows it",
        repeat: "from a page, the same day, value and note again is the reading recorded already: one reading, one record; at the API, the Idempotency-Key (a request without one acts, as the API promises)",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "readings::correct",
        may: "EditProject",
        records: "reading_corrected: the reading, its day and value before and after, with what it said kept in its history, in one transaction",
        tells: "nobody: the run chart and the readings' history show it",
        repeat: "correcting a reading to what it says already changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "readings::remove",
        may: "EditProject",
        records: "reading_removed: the reading, its day and value, with what it said kept in its history, in one transaction",
        tells: "nobody: the readings' history shows it",
        repeat: "a reading removed already is left so; nothing more is recorded",
        doors: &[Door::Page],
    },
    Act {
        name: "tools::add_to_programme",
        may: "ManageProgramme",
        records: "programme_tool_added: the tool and its version",
        tells: "nobody: the programme's projects find it in their toolkit",
        repeat: "the same definition as the tool's latest version writes and records nothing; an id of a shipped tool is refused",
        doors: &[Door::Page],
    },
];

/// Public functions that take an [`Acting`](crate::acting::Acting) only to
/// read as that person (the views several doors share, and the relation they
/// are built on): not acts, so they have no row in [`ACTS`].
pub const VIEWS: &[&str] = &[
    "projects::project_for",
    "projects::facts_of",
    "projects::load",
];

/// The row of an act, by name.
pub fn act(name: &str) -> Option<&'static Act> {
    ACTS.iter().find(|a| a.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    /// `module::function` for each public function of the crate that takes
    /// an `&Acting`.
    fn acts_in_code() -> BTreeSet<String> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = BTreeSet::new();
        let mut dirs = vec![src.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let module = path
                    .strip_prefix(&src)
                    .unwrap()
                    .with_extension("")
                    .to_string_lossy()
                    .replace('/', "::")
                    .trim_end_matches("::mod")
                    .to_string();
                for (i, _) in text.match_indices("pub async fn ") {
                    let rest = &text[i + "pub async fn ".len()..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    // The signature runs to the body's opening brace.
                    let signature = &rest[..rest.find('{').unwrap_or(rest.len())];
                    if signature.contains("&Acting") {
                        found.insert(format!("{module}::{name}"));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn every_act_has_a_row_and_every_row_an_act() {
        let mut code = acts_in_code();
        assert!(code.contains("people_import::import"), "{code:?}");
        for view in VIEWS {
            assert!(code.remove(*view), "{view} is in the code");
        }
        let rows: BTreeSet<String> = ACTS.iter().map(|a| a.name.to_string()).collect();
        let missing: Vec<_> = code.difference(&rows).collect();
        assert!(
            missing.is_empty(),
            "acts without a row in ACTS: {missing:?}"
        );
        let stale: Vec<_> = rows.difference(&code).collect();
        assert!(stale.is_empty(), "rows in ACTS with no act: {stale:?}");
        for a in ACTS {
            assert!(!a.doors.is_empty(), "{} has a door", a.name);
            assert!(!a.records.is_empty() && !a.repeat.is_empty() && !a.may.is_empty());
        }
    }

    #[test]
    fn the_architecture_page_lists_every_act() {
        let page = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/architecture.md"),
        )
        .unwrap();
        for a in ACTS {
            assert!(
                page.contains(&format!("`{}`", a.name)),
                "docs/architecture.md lists {}",
                a.name
            );
        }
    }
}
