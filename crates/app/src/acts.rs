//! Every act of the application layer, with what it guarantees: who may do it,
//! what the audit trail records, whom it tells, how doing it twice changes
//! nothing, and the doors that reach it. An act is a public function of this
//! crate that takes an [`Acting`](crate::acting::Acting); a test fails when one
//! has no row here, and the behaviour test walks every row on both databases.
//! A function that takes an `Acting` but changes nothing is a shared view,
//! listed in [`VIEWS`].

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
        name: "benefits::add",
        may: "EditProject: the firm's people in the cohort and the cohort's staff",
        records: "line_forecast or line_claimed: the line, its status, category, frequency, figure, description and start",
        tells: "nobody: a claim waits in the cohort's claims queue for review",
        repeat: "a line with the same natural key (description, start, category, amount or hours) is the line the ledger holds; nothing is written",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "benefits::change",
        may: "EditProject; a rejected line is closed",
        records: "line_changed: the line as it stood and as it stands now",
        tells: "nobody: a changed claim waits in the queue again",
        repeat: "the line as it stands, sent again, writes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "capability::answer",
        may: "AnswerCapability: the cohort's participants",
        records: "the person's answers at the stage (their own view, not a sensitive act)",
        tells: "nobody: the cohort's staff see the change in the report",
        repeat: "the answers replace one's earlier ones at that stage, so the same again changes nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "projects::attach",
        may: "EditProject: the firm's people in the cohort and the cohort's staff",
        records: "the file itself, with who attached it and when (content, not a sensitive act)",
        tells: "nobody: the project page lists it",
        repeat: "the form's one-time key: sent twice, one file (the second copy is removed from the object store)",
        doors: &[Door::Page],
    },
    Act {
        name: "claims::verify",
        may: "VerifyBenefit: the cohort's staff, never the claimant",
        records: "line_verified: the line, the version seen and the note, with the new version and the claimant's notice in one transaction",
        tells: "the claimant, in the app and by their email rhythm, in their language",
        repeat: "the version seen: sent twice, the second finds it done and changes and records nothing",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "claims::query",
        may: "VerifyBenefit: the cohort's staff, never the claimant",
        records: "line_queried: the line, the version seen and the question, with the new (queried) version and the claimant's notice in one transaction",
        tells: "the claimant, in the app and by their email rhythm, in their language",
        repeat: "the version seen: sent twice, the second finds it done and changes and records nothing",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "claims::answer",
        may: "EditProject: the firm's people in the cohort and the cohort's staff; only a queried line",
        records: "line_answered: the line, the version seen and the answer, with the new (claimed again) version and the asker's notice in one transaction",
        tells: "the reviewer who asked, in the app and by their email rhythm, in their language",
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
        name: "live::start",
        may: "ManageCohort: the cohort's facilitators and the programme's managers; a session that has not ended",
        records: "live_started: the session and cohort",
        tells: "nobody: the session page shows the code to its cohort",
        repeat: "a session has one live room: started again, the same room and code",
        doors: &[Door::Page],
    },
    Act {
        name: "live::plan",
        may: "ManageCohort, while the session lasts",
        records: "the activity itself, in the running order (content, not a sensitive act)",
        tells: "everyone watching the room, by the events stream",
        repeat: "the same tool and prompt waiting to run is the same activity",
        doors: &[Door::Page],
    },
    Act {
        name: "live::advance",
        may: "ManageCohort, while the session lasts",
        records: "the activity's stage; closing it records live_landed (notes, tool, projects) with each firm's new tool version and the cohort's post in one transaction; closing a poll, round or placement records live_landed with its post",
        tells: "everyone watching the room; the cohort, by the post in its space",
        repeat: "the stage seen: sent twice, the second finds it moved and changes nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "live::timer",
        may: "ManageCohort, while the session lasts",
        records: "the activity's timer (not a sensitive act)",
        tells: "everyone watching the room",
        repeat: "the timer is set to end so many minutes from the last sending",
        doors: &[Door::Page],
    },
    Act {
        name: "live::join",
        may: "PostInSpace: the cohort's participants and staff, while the session lasts",
        records: "who joined, and the first time, present on the session's register",
        tells: "everyone watching the room (the count joined)",
        repeat: "joined once: joining again changes nothing, and a correction to the register stands",
        doors: &[Door::Page],
    },
    Act {
        name: "live::note",
        may: "PostInSpace, while the activity is open for writing",
        records: "the note itself, with its writer, firm and language (content)",
        tells: "the facilitator's screen; everyone once revealed",
        repeat: "the phone's one-time key: sent twice, one note",
        doors: &[Door::Page],
    },
    Act {
        name: "live::vote",
        may: "PostInSpace, while the activity is voting, within the votes each",
        records: "the vote (content)",
        tells: "everyone watching the room",
        repeat: "one vote a person a note: voting again changes nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "live::done",
        may: "PostInSpace, while the session lasts",
        records: "that the person has finished the activity",
        tells: "everyone watching the room (the count finished)",
        repeat: "finished once: sent again, nothing changes",
        doors: &[Door::Page],
    },
    Act {
        name: "live::prepare",
        may: "ManageCohort, while the session lasts; a placement only of a revealed brainstorm",
        records: "the poll, round or placement itself, in the running order (content, not a sensitive act)",
        tells: "everyone watching the room, by the events stream",
        repeat: "the same kind, question, options and brainstorm waiting to run is the same activity",
        doors: &[Door::Page],
    },
    Act {
        name: "live::answer",
        may: "PostInSpace, while the poll or round is open for answers",
        records: "the person's answer or line, with its language (content)",
        tells: "the facilitator's screen (the count answered); everyone once shown",
        repeat: "one answer a person an activity: a new one replaces it, the same one again changes nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "live::place",
        may: "PostInSpace, while the placement is open",
        records: "where the person placed the idea (content)",
        tells: "everyone once shown",
        repeat: "one place a person an idea: placed again, it moves; the same place again changes nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "live::save_template",
        may: "ManageCohort, while the session lasts",
        records: "the running order as the programme's template (content, not a sensitive act)",
        tells: "nobody: the programme's facilitators find it in their rooms' controls",
        repeat: "the name is the template's key: saved again, the same template, its activities replaced",
        doors: &[Door::Page],
    },
    Act {
        name: "live::apply_template",
        may: "ManageCohort, while the session lasts; a template of the room's programme",
        records: "the template's activities, added to the running order (content)",
        tells: "everyone watching the room, by the events stream",
        repeat: "the form's one-time key: sent twice, the activities are added once",
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
        name: "accounts::change_password",
        may: "ManageOwnAccount, with the current password",
        records: "password_changed: how many other sessions ended and API tokens were revoked",
        tells: "the person: the page says so, and every other device is signed out",
        repeat: "sent again, the current password is the old one and is refused; nothing changes",
        doors: &[Door::Page],
    },
    Act {
        name: "accounts::update_profile",
        may: "ManageOwnAccount",
        records: "the account itself (not a sensitive act)",
        tells: "the person: the profile appears in the language chosen",
        repeat: "the same name and language again write nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "accounts::read_notices",
        may: "ManageOwnAccount",
        records: "when each notice was read",
        tells: "nobody",
        repeat: "notices read already are left as they are",
        doors: &[Door::Page],
    },
    Act {
        name: "accounts::set_notify_mode",
        may: "ManageOwnAccount (an email's unsubscribe link, by its own token, turns them off)",
        records: "the account's choice",
        tells: "nobody",
        repeat: "the same choice again changes nothing",
        doors: &[Door::Page],
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
        tells: "the managers of the chosen programme; for none, the administrators and the managers \
                of every programme open to firms, by email and in the queue of waiting leads",
        repeat: "a one-time key per showing of the form: sent twice, one lead and one email",
        doors: &[Door::Page],
    },
    Act {
        name: "leads::assign",
        may: "ManageLeads in the programme, and the programme open to firms unless ManageLeads on the site",
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
        name: "organisations::add",
        may: "AddOrganisation in the programme: its staff",
        records: "organisation_added: the organisation and its answers at entry",
        tells: "nobody: the programme's staff see it in their list",
        repeat: "a name the programme has already is answered with that organisation; nothing is written",
        doors: &[Door::Page],
    },
    Act {
        name: "organisations::edit",
        may: "EditOrganisation: the staff of the programme whose record it is",
        records: "organisation_changed: each detail and the answers at entry, before and after; \
                  organisation_rate_changed when the rate moves, with the claimed total before and after",
        tells: "nobody",
        repeat: "the same details again change and record nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "organisations::record_innovation",
        may: "RecordInnovation: the staff of the programme whose record it is",
        records: "innovation_recorded: the stage, the day and the four answers",
        tells: "nobody: the organisation's page and the impact report show the change",
        repeat: "the same answers at the same stage on the same day again record nothing",
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
        records: "the post itself, with its author and time (content, not a sensitive act)",
        tells: "the people named after @, in the app and by their email rhythm",
        repeat: "the page's form carries a one-time key: sent twice, one post; the API takes an Idempotency-Key",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "space::share",
        may: "EditProject on the project, and ViewSpace in its cohort",
        records: "the post itself, naming the record shared (content, not a sensitive act)",
        tells: "the people named after @ in the note",
        repeat: "the record is the key: the same version shared twice by the same person is one post",
        doors: &[Door::Page],
    },
    Act {
        name: "space::post_alumni",
        may: "ViewAlumni: the people and staff of the programme's finished cohorts",
        records: "the post itself, with its author and time",
        tells: "the people named after @",
        repeat: "the form's one-time key: sent twice, one post",
        doors: &[Door::Page],
    },
    Act {
        name: "space::comment",
        may: "ViewSpace on the item: the people of its space",
        records: "the comment itself, with its author and time",
        tells: "the item's author and the people named after @",
        repeat: "the form's one-time key: sent twice, one comment",
        doors: &[Door::Page],
    },
    Act {
        name: "space::edit",
        may: "EditPost: the item's author",
        records: "the earlier words, kept as a version with who changed them and when",
        tells: "nobody",
        repeat: "the same words again change nothing and keep no version",
        doors: &[Door::Page],
    },
    Act {
        name: "space::delete",
        may: "DeletePost: the item's author or the space's moderators",
        records: "post_deleted: the item and its cohort",
        tells: "nobody: the item shows it was removed",
        repeat: "deleting a deleted item changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "space::restore",
        may: "ModerateSpace: the programme's staff",
        records: "post_restored: the item and its cohort",
        tells: "nobody",
        repeat: "restoring an item that is not deleted changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "space::react",
        may: "ViewSpace on the item",
        records: "the reaction itself (content, not a sensitive act)",
        tells: "nobody: the count shows it",
        repeat: "the form says give or take back, so the same again changes nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "space::give_feedback",
        may: "ViewSpace on the item",
        records: "the feedback itself, with its author and time; the giver's request is answered",
        tells: "the item's author, in the app and by their email rhythm",
        repeat: "the same feedback from the same person again records nothing and tells no one",
        doors: &[Door::Page],
    },
    Act {
        name: "space::ask_feedback",
        may: "EditPost: the item's author, asking people of its space",
        records: "the requests, each person once",
        tells: "each person newly asked, in the app and by their email rhythm",
        repeat: "someone asked already is not asked or told again",
        doors: &[Door::Page],
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
        name: "programmes::create",
        may: "CreateProgramme: a programme manager anywhere, or an administrator",
        records: "programme_created: the slug, its cost, hourly rate and capture factor, with the programme and its creator's role in one transaction",
        tells: "the creator, who becomes its manager (the page shows it)",
        repeat: "a slug in use already is refused with a translated message, so a second send makes nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "programmes::edit",
        may: "ManageProgramme",
        records: "programme_changed: the fields changed, the cost before and after; rates_changed: hourly rate, capture factor and the claimed first-year total before and after, in the transaction that revalues the lines",
        tells: "nobody: the ledger and report show the new figures",
        repeat: "the same edit again changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "programmes::set_additionality",
        may: "ManageProgramme",
        records: "additionality_changed: each setting that changed (deadweight, displacement, leakage, substitution with their ranges and sources; the persistence profile) before and after, in the transaction that saves them",
        tells: "nobody: the impact dashboard, report and API show the net figures with the new assumptions",
        repeat: "the same settings again change and record nothing (the programme's row is locked while they are compared)",
        doors: &[Door::Page],
    },
    Act {
        name: "returns::set_indicator_sets",
        may: "ManageProgramme",
        records: "indicator_sets_changed: the sets before and after, in the transaction that saves them",
        tells: "nobody: the funder return shows the chosen sets' indicators",
        repeat: "the same sets again change and record nothing (the programme's row is locked while they are compared)",
        doors: &[Door::Page],
    },
    Act {
        name: "returns::add_indicator",
        may: "ManageProgramme",
        records: "indicator_added: the code, its English name, the evidence rule and any hours, with the indicator",
        tells: "nobody: the funder return counts it from then on",
        repeat: "a code the programme has already is left as it is and records nothing; a shipped code is refused",
        doors: &[Door::Page],
    },
    Act {
        name: "programmes::add_to_team",
        may: "ManageProgramme, and Grant of the role in the programme",
        records: "role_granted: the person's email and the role",
        tells: "the person, by an invitation in their language when they have no account",
        repeat: "a role held already changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "cohorts::create",
        may: "ManageProgramme",
        records: "cohort_created: the slug, places, delivery mode, region and cost share",
        tells: "nobody: the programme page lists it",
        repeat: "a slug in use in the programme already is refused with a translated message",
        doors: &[Door::Page],
    },
    Act {
        name: "cohorts::edit",
        may: "ManageCohort",
        records: "cohort_changed: the fields changed, and the cohort's share of the programme's cost before and after",
        tells: "nobody: the person saw the return before and after and confirmed it",
        repeat: "the same edit again changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "cohorts::propose_sets",
        may: "ManageCohort",
        records: "sets_proposed: how many sets for how many participants",
        tells: "nobody: the sets page shows them",
        repeat: "a proposal the same as the sets there now changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "people::invite",
        may: "ManageCohort, and Grant of the role in the cohort; a participant for one of the programme's organisations",
        records: "participant_enrolled (the person by number and the organisation) or role_granted (email and role)",
        tells: "the person, by an invitation in their language when they have no account",
        repeat: "someone enrolled or holding the role already is left as they are; nothing recorded",
        doors: &[Door::Page],
    },
    Act {
        name: "people::withdraw",
        may: "ManageCohort",
        records: "participant_withdrawn: the person by number, with the enrolment's own history",
        tells: "nobody, as before: the person's role in the cohort ends",
        repeat: "someone withdrawn already is left as they are; nothing recorded (the page answers not found, as it always did)",
        doors: &[Door::Page],
    },
    Act {
        name: "people::readmit",
        may: "ManageCohort",
        records: "participant_readmitted: the person by number",
        tells: "nobody: the person's role in the cohort returns",
        repeat: "someone active already is left as they are; nothing recorded (the page answers not found, as it always did)",
        doors: &[Door::Page],
    },
    Act {
        name: "people::place_in_set",
        may: "ManageCohort; an active participant and one of the cohort's sets",
        records: "set_member_moved: the person by number and the set",
        tells: "nobody: the sets page shows it",
        repeat: "a person in that set already is left there; nothing recorded",
        doors: &[Door::Page],
    },
    Act {
        name: "leads::set_status",
        may: "ManageLeads in the lead's programme",
        records: "lead_status_changed: the status before and after, and whether the notes changed",
        tells: "nobody: the list of leads shows it",
        repeat: "a lead with that status and those notes already is left as it is; nothing recorded",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "leads::invite",
        may: "ManageLeads in the programme and ManageCohort on the cohort",
        records: "lead_invited: the lead and the cohort, with the enrolment and the lead's new status in one transaction",
        tells: "the person, by an invitation in their language when they have no account (as before)",
        repeat: "a lead invited to that cohort already is left as it is; nothing recorded or sent",
        doors: &[Door::Page],
    },
    Act {
        name: "sessions::schedule",
        may: "ManageCohort: the cohort's staff",
        records: "session_scheduled: the session, its cohort, time and place",
        tells: "nobody: the session is on the cohort's page and in its calendar feeds",
        repeat: "a session of the cohort with the same title and start is the one made already: sent twice, one session and one record",
        doors: &[Door::Page],
    },
    Act {
        name: "sessions::edit",
        may: "ManageCohort: the cohort's staff",
        records: "session_changed: the session, and its time and place before and after",
        tells: "when its time or place moves, the cohort's active participants and staff, in the app and by their email rhythm, with a link to the session",
        repeat: "a session that holds the values sent already is left as it is: nothing written, recorded or told",
        doors: &[Door::Page],
    },
    Act {
        name: "sessions::take_register",
        may: "ManageCohort: the cohort's staff (a token must be read-write); marks only for the cohort's active participants, each once",
        records: "attendance_recorded: the session, the counts of each mark before and after, and each mark that moved",
        tells: "nobody: the cohort's page shows the attendance rate",
        repeat: "the same register again changes and records nothing",
        doors: &[Door::Page, Door::Api],
    },
    Act {
        name: "rhythm::commit",
        may: "PostInSpace: the cohort's participants and staff, at a session that has begun",
        records: "commitment_made: the commitment and its session, by number (not the words)",
        tells: "nobody: it is the person's own, asked about at the next session",
        repeat: "the same words by the same person at the same session are one commitment: sent twice, one commitment and one record",
        doors: &[Door::Page],
    },
    Act {
        name: "rhythm::check_in",
        may: "PostInSpace, on one's own commitment only",
        records: "commitment_checked_in: the commitment, the session and how it went",
        tells: "nobody",
        repeat: "the same check-in at the same session again changes and records nothing",
        doors: &[Door::Page],
    },
    Act {
        name: "rhythm::reflect",
        may: "PostInSpace in the cohort the reflection is for: its participants and staff",
        records: "reflection_added: the reflection and its cohort, by number (it stays private)",
        tells: "nobody: the learning log is private until shared",
        repeat: "the same words for the same cohort are one reflection: sent twice, one reflection and one record",
        doors: &[Door::Page],
    },
    Act {
        name: "rhythm::share_reflection",
        may: "PostInSpace in its cohort, one's own reflections only",
        records: "reflection_shared: the reflection and the post it became",
        tells: "nobody: the cohort sees it in its stream",
        repeat: "a reflection shared already is left as it is, with its one post; nothing more is recorded",
        doors: &[Door::Page],
    },
    Act {
        name: "sessions::make_calendar_link",
        may: "ManageCohort for a cohort's link (its staff); ManageOwnAccount for one's own",
        records: "calendar_link_made: the cohort or the account (never the secret)",
        tells: "the person: the secret link is shown once",
        repeat: "each send is a new key that stops the one before, so only the link shown last works; each key made is recorded",
        doors: &[Door::Page],
    },
    Act {
        name: "sessions::revoke_calendar_link",
        may: "ManageOwnAccount, one's own link only",
        records: "calendar_link_revoked: the account",
        tells: "nobody",
        repeat: "with no live link, nothing changes and nothing is recorded",
        doors: &[Door::Page],
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

/// A view several doors share: a public function that takes an [`Acting`]
/// but changes nothing. It asks the policy itself, as an act does.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// `module::function` in this crate.
    pub name: &'static str,
    /// What it shows, and to whom.
    pub shows: &'static str,
}

pub const VIEWS: &[View] = &[
    View {
        name: "leads::waiting",
        shows: "a page of the leads that chose no programme, the longest waiting first, and how many wait, with \
                the programmes the person may give them to: to administrators and to managers of programmes open to firms; to anyone else a refusal",
    },
    View {
        name: "home::participant_loop",
        shows: "a participant's own work: her firms' projects with the tools applied and the one suggested next, \
                their claims as they stand, her commitments still to check in, and the feedback asked of her",
    },
    View {
        name: "space::item_for",
        shows: "an item of a space with its cohort and programme, to someone who may do the action to it; \
                to anyone else as if it did not exist",
    },
    View {
        name: "organisations::organisation_for",
        shows: "an organisation, to someone who may do the action to it through the programme whose record it is",
    },
    View {
        name: "space::alumni_of",
        shows: "a programme and its finished cohorts, to someone who may enter its alumni space",
    },
    View {
        name: "projects::project_for",
        shows: "a project with its programme, cohort and firm (named or described), and what the person may do with it, \
                to someone who may do the action to it; to anyone else as if it did not exist",
    },
    View {
        name: "projects::facts_of",
        shows: "what the policy knows of a project and the person: its programme, cohort, visibility, \
                and whether they represent its firm or share an action-learning set with it",
    },
    View {
        name: "projects::load",
        shows: "(Relation::load) the person's relation to the projects of one cohort: the firm they represent \
                and the firms of their action-learning set, loaded once for any number of projects",
    },
    View {
        name: "live::room",
        shows: "a live session as the person may see it: the projector view to whoever sees the cohort, notes, \
                answers and lines hidden until revealed but for their writer and the facilitator, a placement's \
                counts, the counts joined, answered and finished (a fixed number of queries)",
    },
    View {
        name: "claims::queue",
        shows: "a page of the claims of a programme waiting for review, and a page of those queried waiting for \
                the claimant's answer, in the order their lines were entered (sought by line id, optionally one \
                cohort's), to the staff of each claim's cohort, each with who claimed it, when, and the evidence \
                its project holds set against its category, with the counts by cohort (five queries)",
    },
    View {
        name: "returns::quarterly_return",
        shows: "a programme's funder return for a quarter: each indicator with its count and the firms behind it, \
                and each firm's value of support, to the programme's managers (DownloadReports)",
    },
    View {
        name: "returns::subsidy_of",
        shows: "one firm's value of support over three financial years, for its subsidy notice, to the programme's managers",
    },
    View {
        name: "claims::waiting",
        shows: "how many claims wait that the person may review, counted by cohort in one query",
    },
    View {
        name: "claims::waiting_by_cohort",
        shows: "how many claims wait in each of a programme's cohorts where the person may review them, \
                counted in one query (a staff member's home)",
    },
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
        let code = acts_in_code();
        assert!(code.contains("people_import::import"), "{code:?}");
        let rows: BTreeSet<String> = ACTS
            .iter()
            .map(|a| a.name)
            .chain(VIEWS.iter().map(|v| v.name))
            .map(str::to_string)
            .collect();
        let missing: Vec<_> = code.difference(&rows).collect();
        assert!(
            missing.is_empty(),
            "acts without a row in ACTS (or views without one in VIEWS): {missing:?}"
        );
        let stale: Vec<_> = rows.difference(&code).collect();
        assert!(
            stale.is_empty(),
            "rows in ACTS or VIEWS with nothing in the code: {stale:?}"
        );
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
