//! Challenge projects: statuses, visibility, test-and-learn decisions, and the
//! median a run chart draws. Who may see and change a project is decided in
//! [`crate::authz`].

use crate::code::coded_enum;

coded_enum! {
    /// Where a challenge project stands.
    pub enum ProjectStatus {
        Defining = "defining", "projectstatus-defining";
        Testing = "testing", "projectstatus-testing";
        Implementing = "implementing", "projectstatus-implementing";
        Sustaining = "sustaining", "projectstatus-sustaining";
        Closed = "closed", "projectstatus-closed";
    }
}

coded_enum! {
    /// Who may see a participant's work, narrowest first.
    pub enum Visibility {
        Private = "private", "visibility-private";
        Set = "set", "visibility-set";
        Cohort = "cohort", "visibility-cohort";
        Programme = "programme", "visibility-programme";
        Public = "public", "visibility-public";
    }
}

coded_enum! {
    /// What a test-and-learn cycle decided.
    pub enum CycleDecision {
        Adopt = "adopt", "cycledecision-adopt";
        Adapt = "adapt", "cycledecision-adapt";
        Abandon = "abandon", "cycledecision-abandon";
    }
}

coded_enum! {
    /// What happened to a reading's earlier values.
    pub enum ReadingAction {
        Corrected = "corrected", "reading-action-corrected";
        Removed = "removed", "reading-action-removed";
    }
}

impl Default for ProjectStatus {
    /// A new project starts by defining its problem.
    fn default() -> Self {
        ProjectStatus::Defining
    }
}

impl Default for Visibility {
    /// Private until its people choose otherwise.
    fn default() -> Self {
        Visibility::Private
    }
}

/// Days without activity after which an open project is quiet, and a
/// facilitator should look in.
pub const QUIET_AFTER_DAYS: i64 = 21;

/// Whether a project has gone quiet: not closed, and nothing done for
/// [`QUIET_AFTER_DAYS`].
pub fn is_quiet(
    status: ProjectStatus,
    last_activity: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    status != ProjectStatus::Closed && (now - last_activity).num_days() > QUIET_AFTER_DAYS
}

/// The median of readings (in hundredths), for a run chart's centre line: the
/// middle value, or the mean of the two middle values rounded half away from zero.
pub fn median(values: &[i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    if n % 2 == 1 {
        return Some(v[n / 2]);
    }
    // Summed in 128 bits: two stored extremes cannot overflow.
    let sum = i128::from(v[n / 2 - 1]) + i128::from(v[n / 2]);
    Some(crate::bounds::total(crate::decimal::div_round(sum, 2)))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn quiet_projects() {
        let now = chrono::Utc::now();
        let long_ago = now - chrono::Duration::days(22);
        assert!(is_quiet(ProjectStatus::Testing, long_ago, now));
        assert!(!is_quiet(ProjectStatus::Closed, long_ago, now));
        assert!(!is_quiet(
            ProjectStatus::Testing,
            now - chrono::Duration::days(21),
            now
        ));
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[500, 100, 300]), Some(300));
        assert_eq!(median(&[100, 200, 300, 400]), Some(250));
        assert_eq!(median(&[100, 200]), Some(150));
        assert_eq!(
            median(&[1, 2]),
            Some(2),
            "1.5 hundredths rounds half away from zero"
        );
    }
}
