//! Challenge projects: statuses, visibility, test-and-learn decisions, who may see
//! and change a project, and the median a run chart draws.

use crate::authz::{Actor, Role, Scope};
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

/// What authorisation needs to know about a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectFacts {
    pub programme: i64,
    pub cohort: i64,
    pub organisation: i64,
    pub visibility: Visibility,
    /// A facilitator approved publishing it as a public case study.
    pub public_approved: bool,
}

/// What authorisation needs to know about the person looking.
#[derive(Debug, Clone, Copy)]
pub struct Looker<'a> {
    pub actor: Option<&'a Actor>,
    /// The organisation they work for.
    pub organisation: Option<i64>,
    /// They share an action-learning set with someone from the project's organisation.
    pub same_set: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProjectAccess {
    None,
    View,
    Edit,
}

/// Who may see and change a project. Staff (administrators, the programme's
/// managers, the cohort's facilitators) and the organisation's own participants
/// may change it; others in the programme see it as its visibility allows;
/// observers see only approved public case studies.
pub fn project_access(p: ProjectFacts, who: Looker<'_>) -> ProjectAccess {
    let public = p.visibility == Visibility::Public && p.public_approved;
    let Some(actor) = who.actor else {
        return if public {
            ProjectAccess::View
        } else {
            ProjectAccess::None
        };
    };
    if actor.is_admin {
        return ProjectAccess::Edit;
    }
    let holds = |role: Role| {
        actor.memberships.iter().any(|m| {
            m.role == role
                && (m.scope == Scope::Programme(p.programme)
                    || m.scope
                        == Scope::Cohort {
                            programme: p.programme,
                            cohort: p.cohort,
                        })
        })
    };
    if holds(Role::ProgrammeManager) || holds(Role::Facilitator) {
        return ProjectAccess::Edit;
    }
    let participant_here = holds(Role::Participant);
    if participant_here && who.organisation == Some(p.organisation) {
        return ProjectAccess::Edit;
    }
    let participant_in_programme = actor
        .memberships
        .iter()
        .any(|m| m.role == Role::Participant && m.scope.programme() == p.programme);
    let sees = match p.visibility {
        Visibility::Private => false,
        Visibility::Set => participant_here && who.same_set,
        Visibility::Cohort => participant_here,
        Visibility::Programme => participant_in_programme,
        Visibility::Public => participant_in_programme || public,
    };
    if sees || public {
        ProjectAccess::View
    } else {
        ProjectAccess::None
    }
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
    use crate::authz::Membership;

    const P: i64 = 1;
    const C: i64 = 10;
    const ORG: i64 = 100;

    fn actor(role: Role, scope: Scope) -> Actor {
        Actor {
            user_id: 1,
            is_admin: false,
            memberships: vec![Membership { role, scope }],
        }
    }

    fn facts(visibility: Visibility) -> ProjectFacts {
        ProjectFacts {
            programme: P,
            cohort: C,
            organisation: ORG,
            visibility,
            public_approved: false,
        }
    }

    #[test]
    fn access_table() {
        use ProjectAccess::{Edit as E, None as N, View as V};
        let in_cohort = Scope::Cohort {
            programme: P,
            cohort: C,
        };
        let other_cohort = Scope::Cohort {
            programme: P,
            cohort: C + 1,
        };
        let same_org = actor(Role::Participant, in_cohort);
        let peer = actor(Role::Participant, in_cohort);
        let other = actor(Role::Participant, other_cohort);
        let facilitator = actor(Role::Facilitator, in_cohort);
        let other_facilitator = actor(Role::Facilitator, other_cohort);
        let manager = actor(Role::ProgrammeManager, Scope::Programme(P));
        let observer = actor(Role::Observer, Scope::Programme(P));
        #[rustfmt::skip]
        // (who, actor, their organisation, same set, access per visibility)
        type Case<'a> = (&'a str, &'a Actor, Option<i64>, bool, [ProjectAccess; 5]);
        let table: [Case; 8] = [
            //                                                 private, set, cohort, programme, public(unapproved)
            (
                "own organisation",
                &same_org,
                Some(ORG),
                false,
                [E, E, E, E, E],
            ),
            ("peer in set", &peer, Some(2), true, [N, V, V, V, V]),
            ("peer in cohort", &peer, Some(2), false, [N, N, V, V, V]),
            ("other cohort", &other, Some(3), false, [N, N, N, V, V]),
            ("facilitator", &facilitator, None, false, [E, E, E, E, E]),
            (
                "other facilitator",
                &other_facilitator,
                None,
                false,
                [N, N, N, N, N],
            ),
            ("manager", &manager, None, false, [E, E, E, E, E]),
            ("observer", &observer, None, false, [N, N, N, N, N]),
        ];
        let visibilities = [
            Visibility::Private,
            Visibility::Set,
            Visibility::Cohort,
            Visibility::Programme,
            Visibility::Public,
        ];
        for (who, a, org, same_set, expected) in table {
            let got: Vec<ProjectAccess> = visibilities
                .iter()
                .map(|v| {
                    project_access(
                        facts(*v),
                        Looker {
                            actor: Some(a),
                            organisation: org,
                            same_set,
                        },
                    )
                })
                .collect();
            assert_eq!(got, expected, "{who}");
        }
        let approved = ProjectFacts {
            public_approved: true,
            ..facts(Visibility::Public)
        };
        assert_eq!(
            project_access(
                approved,
                Looker {
                    actor: None,
                    organisation: None,
                    same_set: false
                }
            ),
            V
        );
        assert_eq!(
            project_access(
                approved,
                Looker {
                    actor: Some(&observer),
                    organisation: None,
                    same_set: false
                }
            ),
            V
        );
        assert_eq!(
            project_access(
                facts(Visibility::Public),
                Looker {
                    actor: None,
                    organisation: None,
                    same_set: false
                }
            ),
            N
        );
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
