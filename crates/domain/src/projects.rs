//! Challenge projects: statuses, visibility, test-and-learn decisions, and the
//! median a run chart draws. Who may see and change a project is decided in
//! [`crate::authz`].

use serde::{Deserialize, Serialize};

code_enum!(
    /// Where a challenge project stands.
    ProjectStatus {
        Defining => "defining",
        Testing => "testing",
        Implementing => "implementing",
        Sustaining => "sustaining",
        Closed => "closed",
    }
);

code_enum!(
    /// Who may see a participant's work, narrowest first.
    Visibility {
        Private => "private",
        Set => "set",
        Cohort => "cohort",
        Programme => "programme",
        Public => "public",
    }
);

code_enum!(
    /// What a test-and-learn cycle decided.
    CycleDecision { Adopt => "adopt", Adapt => "adapt", Abandon => "abandon" }
);

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
    let sum = v[n / 2 - 1] + v[n / 2];
    Some(if sum >= 0 {
        (sum + 1) / 2
    } else {
        (sum - 1) / 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;
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
