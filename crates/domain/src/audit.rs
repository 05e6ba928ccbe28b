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
