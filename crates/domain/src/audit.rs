//! What the audit trail records: the sensitive acts, by code.

use crate::code::coded_enum;

coded_enum! {
    /// A sensitive act, recorded with who, when, what and from where.
    pub enum AuditAction {
        SignIn = "sign_in", "audit-sign-in";
        SignInFailed = "sign_in_failed", "audit-sign-in-failed";
        RoleGranted = "role_granted", "audit-role-granted";
        LineVerified = "line_verified", "audit-line-verified";
        LineForecast = "line_forecast", "audit-line-forecast";
        LineClaimed = "line_claimed", "audit-line-claimed";
        LineChanged = "line_changed", "audit-line-changed";
        LineReopened = "line_reopened", "audit-line-reopened";
        LineQueried = "line_queried", "audit-line-queried";
        LineAnswered = "line_answered", "audit-line-answered";
        LineReturned = "line_returned", "audit-line-returned";
        LiveStarted = "live_started", "audit-live-started";
        LiveLanded = "live_landed", "audit-live-landed";
        LineRejected = "line_rejected", "audit-line-rejected";
        ProjectApproved = "project_approved", "audit-project-approved";
        ReportDownloaded = "report_downloaded", "audit-report-downloaded";
        PeopleExported = "people_exported", "audit-people-exported";
        ProgrammeChanged = "programme_changed", "audit-programme-changed";
        LeadRegistered = "lead_registered", "audit-lead-registered";
        LeadInvited = "lead_invited", "audit-lead-invited";
        LeadAssigned = "lead_assigned", "audit-lead-assigned";
        AuditExported = "audit_exported", "audit-audit-exported";
        PostDeleted = "post_deleted", "audit-post-deleted";
        PostRestored = "post_restored", "audit-post-restored";
        OrganisationAdded = "organisation_added", "audit-organisation-added";
        OrganisationChanged = "organisation_changed", "audit-organisation-changed";
        InnovationRecorded = "innovation_recorded", "audit-innovation-recorded";
        PersonErased = "person_erased", "audit-person-erased";
        DataDownloaded = "data_downloaded", "audit-data-downloaded";
        UserAdded = "user_added", "audit-user-added";
        UserSuspended = "user_suspended", "audit-user-suspended";
        UserReactivated = "user_reactivated", "audit-user-reactivated";
        UserSignedOut = "user_signed_out", "audit-user-signed-out";
        TokenCreated = "token_created", "audit-token-created";
        TokenRevoked = "token_revoked", "audit-token-revoked";
        PasswordChanged = "password_changed", "audit-password-changed";
        FollowupAnswered = "followup_answered", "audit-followup-answered";
        LedgerImported = "ledger_imported", "audit-ledger-imported";
        PeopleImported = "people_imported", "audit-people-imported";
        RatesChanged = "rates_changed", "audit-rates-changed";
        AdditionalityChanged = "additionality_changed", "audit-additionality-changed";
        IndicatorSetsChanged = "indicator_sets_changed", "audit-indicator-sets-changed";
        IndicatorAdded = "indicator_added", "audit-indicator-added";
        OrganisationRateChanged = "organisation_rate_changed", "audit-organisation-rate-changed";
        ProgrammeCreated = "programme_created", "audit-programme-created";
        CohortCreated = "cohort_created", "audit-cohort-created";
        CohortChanged = "cohort_changed", "audit-cohort-changed";
        ParticipantEnrolled = "participant_enrolled", "audit-participant-enrolled";
        ParticipantWithdrawn = "participant_withdrawn", "audit-participant-withdrawn";
        ParticipantReadmitted = "participant_readmitted", "audit-participant-readmitted";
        SetsProposed = "sets_proposed", "audit-sets-proposed";
        SetMemberMoved = "set_member_moved", "audit-set-member-moved";
        LeadStatusChanged = "lead_status_changed", "audit-lead-status-changed";
        SessionScheduled = "session_scheduled", "audit-session-scheduled";
        SessionChanged = "session_changed", "audit-session-changed";
        AttendanceRecorded = "attendance_recorded", "audit-attendance-recorded";
        CommitmentMade = "commitment_made", "audit-commitment-made";
        CommitmentCheckedIn = "commitment_checked_in", "audit-commitment-checked-in";
        ReflectionAdded = "reflection_added", "audit-reflection-added";
        ReflectionShared = "reflection_shared", "audit-reflection-shared";
        CalendarLinkMade = "calendar_link_made", "audit-calendar-link-made";
        CalendarLinkRevoked = "calendar_link_revoked", "audit-calendar-link-revoked";
        ProjectStarted = "project_started", "audit-project-started";
        ProjectChanged = "project_changed", "audit-project-changed";
        ToolApplied = "tool_applied", "audit-tool-applied";
        CycleStarted = "cycle_started", "audit-cycle-started";
        CycleChanged = "cycle_changed", "audit-cycle-changed";
        ReadingRecorded = "reading_recorded", "audit-reading-recorded";
        ReadingCorrected = "reading_corrected", "audit-reading-corrected";
        ReadingRemoved = "reading_removed", "audit-reading-removed";
        ProgrammeToolAdded = "programme_tool_added", "audit-programme-tool-added";
    }
}

/// A piece of an audit event's subject, for showing in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectPart<'a> {
    /// A word that names a kind of record ("project", "of project"): its
    /// message id.
    Record(&'static str),
    /// As recorded: numbers, slugs, titles, names.
    Text(&'a str),
}

/// The words subjects use for kinds of record, longest first, each with its
/// message. Only the part before the first ": " is read this way (what
/// follows is a title or name as someone typed it), and a trailing
/// "(cohort …)".
const RECORD_WORDS: [(&str, &str); 16] = [
    ("live session", "audit-record-live-session"),
    ("of project", "audit-record-of-project"),
    ("organisation", "audit-record-organisation"),
    ("activity", "audit-record-activity"),
    ("account", "audit-record-account"),
    ("project", "audit-record-project"),
    ("reading", "audit-record-reading"),
    ("session", "audit-record-session"),
    ("cohort", "audit-record-cohort"),
    ("person", "audit-record-person"),
    ("cycle", "audit-record-cycle"),
    ("lead", "audit-record-lead"),
    ("tool", "audit-record-tool"),
    ("user", "audit-record-user"),
    ("file", "audit-record-file"),
    ("in", "audit-record-in"),
];

/// Splits an audit subject ("reading 4 of project 7", "lead 3: Becws Nia",
/// "session 2: Mapping (cohort north)") into the words that name kinds of
/// record and the rest, as recorded.
pub fn subject_parts(subject: &str) -> Vec<SubjectPart<'_>> {
    let (head, tail) = match subject.find(": ") {
        Some(at) => subject.split_at(at),
        None => (subject, ""),
    };
    let mut parts = Vec::new();
    record_words(head, &mut parts);
    // A trailing "(cohort …)" after a title.
    match tail
        .strip_suffix(')')
        .and_then(|t| t.rfind(" (cohort ").map(|at| (t, at)))
    {
        Some((t, at)) => {
            parts.push(SubjectPart::Text(&t[..at + 2]));
            parts.push(SubjectPart::Record("audit-record-cohort"));
            parts.push(SubjectPart::Text(&tail[at + 2 + "cohort".len()..]));
        }
        None if !tail.is_empty() => parts.push(SubjectPart::Text(tail)),
        None => {}
    }
    parts
}

/// The record words of `text`, whole words only, and what lies between.
fn record_words<'a>(text: &'a str, parts: &mut Vec<SubjectPart<'a>>) {
    let mut plain = 0;
    let mut at = 0;
    while at < text.len() {
        // Slugs and file names ("cohort-1", "audit.csv") are one word.
        let part_of_word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
        let starts_word = at == 0 || !text[..at].ends_with(part_of_word);
        let found = starts_word
            .then(|| {
                RECORD_WORDS.iter().find(|(word, _)| {
                    text[at..].starts_with(word)
                        && !text[at + word.len()..].starts_with(part_of_word)
                })
            })
            .flatten();
        match found {
            Some((word, id)) => {
                if plain < at {
                    parts.push(SubjectPart::Text(&text[plain..at]));
                }
                parts.push(SubjectPart::Record(id));
                at += word.len();
                plain = at;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain < text.len() {
        parts.push(SubjectPart::Text(&text[plain..]));
    }
}

#[cfg(test)]
mod subject_tests {
    use super::SubjectPart::{Record, Text};
    use super::subject_parts;

    #[test]
    fn subjects_name_their_records_and_keep_what_people_typed() {
        assert_eq!(
            subject_parts("reading 4 of project 7"),
            vec![
                Record("audit-record-reading"),
                Text(" 4 "),
                Record("audit-record-of-project"),
                Text(" 7")
            ]
        );
        // A title is kept as typed, even with a record word in it.
        assert_eq!(
            subject_parts("project 5: Less waiting in the project room"),
            vec![
                Record("audit-record-project"),
                Text(" 5"),
                Text(": Less waiting in the project room")
            ]
        );
        assert_eq!(
            subject_parts("session 2: Mapping in practice (cohort north-wales)"),
            vec![
                Record("audit-record-session"),
                Text(" 2"),
                Text(": Mapping in practice ("),
                Record("audit-record-cohort"),
                Text(" north-wales)")
            ]
        );
        assert_eq!(
            subject_parts("person 3 in cohort-1"),
            vec![
                Record("audit-record-person"),
                Text(" 3 "),
                Record("audit-record-in"),
                Text(" cohort-1")
            ]
        );
        assert_eq!(
            subject_parts("live session 2, activity 5"),
            vec![
                Record("audit-record-live-session"),
                Text(" 2, "),
                Record("audit-record-activity"),
                Text(" 5")
            ]
        );
        assert_eq!(subject_parts("audit.csv"), vec![Text("audit.csv")]);
        assert_eq!(subject_parts(""), vec![]);
    }
}
