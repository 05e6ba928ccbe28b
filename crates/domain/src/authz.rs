//! The one place that decides who may do what. Every handler asks [`can`].

use serde::{Deserialize, Serialize};

/// A role held within a programme or one of its cohorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    ProgrammeManager,
    Facilitator,
    Participant,
    Observer,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::ProgrammeManager,
        Role::Facilitator,
        Role::Participant,
        Role::Observer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::ProgrammeManager => "programme_manager",
            Role::Facilitator => "facilitator",
            Role::Participant => "participant",
            Role::Observer => "observer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The Fluent message id of the role's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::ProgrammeManager => "role-programme-manager",
            Role::Facilitator => "role-facilitator",
            Role::Participant => "role-participant",
            Role::Observer => "role-observer",
        }
    }
}

/// Where a role applies: a whole programme, or one cohort of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    Programme(i64),
    Cohort { programme: i64, cohort: i64 },
}

impl Scope {
    pub fn programme(self) -> i64 {
        match self {
            Scope::Programme(p) | Scope::Cohort { programme: p, .. } => p,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Membership {
    pub role: Role,
    pub scope: Scope,
}

/// A signed-in person, with everything authorisation needs to know about them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Actor {
    pub user_id: i64,
    pub is_admin: bool,
    pub memberships: Vec<Membership>,
}

impl Actor {
    fn holds_in_programme(&self, programme: i64, roles: &[Role]) -> bool {
        self.memberships
            .iter()
            .any(|m| m.scope == Scope::Programme(programme) && roles.contains(&m.role))
    }

    fn holds_in_cohort(&self, programme: i64, cohort: i64, roles: &[Role]) -> bool {
        self.holds_in_programme(programme, roles)
            || self
                .memberships
                .iter()
                .any(|m| m.scope == Scope::Cohort { programme, cohort } && roles.contains(&m.role))
    }

    fn holds_anywhere(&self, roles: &[Role]) -> bool {
        self.memberships.iter().any(|m| roles.contains(&m.role))
    }

    fn anywhere_in_programme(&self, programme: i64) -> bool {
        self.memberships
            .iter()
            .any(|m| m.scope.programme() == programme)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Public pages: home, sign in, reset password, accept invitation.
    ViewPublic,
    /// One's own profile, sessions, password.
    ManageOwnAccount,
    /// The instance's users: list, invite, grant admin.
    ManageUsers,
    ViewProgramme,
    ManageProgramme,
    ViewCohort,
    ManageCohort,
    /// Names and contact details of a cohort's people.
    ViewCohortPeople,
    /// Aggregate figures (counts, savings, ROI) with no personal data.
    ViewAggregates,
    /// Start a new programme: administrators and anyone who manages one already.
    CreateProgramme,
    /// See and edit organisations: administrators, programme managers and facilitators.
    ManageOrganisations,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Site,
    Account(i64),
    Programme(i64),
    Cohort { programme: i64, cohort: i64 },
}

/// What the web layer should do with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Nobody is signed in: send them to sign in.
    SignIn,
    /// Signed in, but without the role: 403.
    Forbid,
    /// Signed in, with no connection to the resource at all: 404, so that
    /// its existence does not leak.
    Hide,
}

use Role::{Facilitator, Observer, Participant, ProgrammeManager};

pub fn can(actor: Option<&Actor>, action: Action, resource: Resource) -> Decision {
    if action == Action::ViewPublic {
        return Decision::Allow;
    }
    let Some(actor) = actor else {
        return Decision::SignIn;
    };
    if actor.is_admin {
        return Decision::Allow;
    }
    let allowed = match (action, resource) {
        (Action::ManageOwnAccount, Resource::Account(id)) => id == actor.user_id,
        (Action::ManageOwnAccount, _) => false,
        (Action::ManageUsers, _) => false,
        (Action::CreateProgramme, Resource::Site) => actor.holds_anywhere(&[ProgrammeManager]),
        (Action::ManageOrganisations, Resource::Site) => {
            actor.holds_anywhere(&[ProgrammeManager, Facilitator])
        }
        (Action::ViewProgramme | Action::ViewAggregates, Resource::Programme(p)) => {
            actor.anywhere_in_programme(p)
        }
        (Action::ManageProgramme, Resource::Programme(p)) => {
            actor.holds_in_programme(p, &[ProgrammeManager])
        }
        (Action::ViewCohort | Action::ViewAggregates, Resource::Cohort { programme, cohort }) => {
            actor.holds_in_cohort(
                programme,
                cohort,
                &[ProgrammeManager, Facilitator, Participant, Observer],
            )
        }
        (Action::ViewCohortPeople, Resource::Cohort { programme, cohort }) => actor
            .holds_in_cohort(
                programme,
                cohort,
                &[ProgrammeManager, Facilitator, Participant],
            ),
        (Action::ManageCohort, Resource::Cohort { programme, cohort }) => {
            actor.holds_in_cohort(programme, cohort, &[ProgrammeManager, Facilitator])
        }
        _ => false,
    };
    if allowed {
        return Decision::Allow;
    }
    let connected = match resource {
        Resource::Site | Resource::Account(_) => true,
        Resource::Programme(p) | Resource::Cohort { programme: p, .. } => {
            actor.anywhere_in_programme(p)
        }
    };
    if connected {
        Decision::Forbid
    } else {
        Decision::Hide
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: i64 = 1;
    const C: i64 = 10;
    const OTHER_C: i64 = 11;

    fn actor(role: Option<Role>, scope: Scope) -> Actor {
        Actor {
            user_id: 7,
            is_admin: false,
            memberships: role
                .map(|role| Membership { role, scope })
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn signed_out_visitors_may_only_see_public_pages() {
        assert_eq!(
            can(None, Action::ViewPublic, Resource::Site),
            Decision::Allow
        );
        assert_eq!(
            can(None, Action::ManageOwnAccount, Resource::Account(1)),
            Decision::SignIn
        );
        assert_eq!(
            can(
                None,
                Action::ViewCohort,
                Resource::Cohort {
                    programme: P,
                    cohort: C
                }
            ),
            Decision::SignIn
        );
    }

    #[test]
    fn accounts_are_private_to_their_owner() {
        let a = actor(None, Scope::Programme(P));
        assert_eq!(
            can(Some(&a), Action::ManageOwnAccount, Resource::Account(7)),
            Decision::Allow
        );
        assert_eq!(
            can(Some(&a), Action::ManageOwnAccount, Resource::Account(8)),
            Decision::Forbid
        );
        assert_eq!(
            can(Some(&a), Action::ManageUsers, Resource::Site),
            Decision::Forbid
        );
        let admin = Actor {
            is_admin: true,
            ..a
        };
        assert_eq!(
            can(Some(&admin), Action::ManageUsers, Resource::Site),
            Decision::Allow
        );
    }

    /// Every role, in cohort scope, against every cohort action: the table states the answer.
    #[test]
    fn cohort_roles_table() {
        let cohort = Resource::Cohort {
            programme: P,
            cohort: C,
        };
        let other = Resource::Cohort {
            programme: P,
            cohort: OTHER_C,
        };
        use Decision::{Allow as A, Forbid as F, Hide as H};
        #[rustfmt::skip]
        let table: [(Option<Role>, [Decision; 4], Decision); 5] = [
            //                 view, people, manage, aggregates;  view other cohort
            (Some(ProgrammeManager), [A, A, A, A], F),
            (Some(Facilitator),      [A, A, A, A], F),
            (Some(Participant),      [A, A, F, A], F),
            (Some(Observer),         [A, F, F, A], F),
            (None,                   [H, H, H, H], H),
        ];
        for (role, expected, other_expected) in table {
            let a = match role {
                Some(r) => actor(
                    Some(r),
                    Scope::Cohort {
                        programme: P,
                        cohort: C,
                    },
                ),
                None => actor(None, Scope::Programme(P)),
            };
            let got = [
                can(Some(&a), Action::ViewCohort, cohort),
                can(Some(&a), Action::ViewCohortPeople, cohort),
                can(Some(&a), Action::ManageCohort, cohort),
                can(Some(&a), Action::ViewAggregates, cohort),
            ];
            assert_eq!(got, expected, "{role:?}");
            assert_eq!(
                can(Some(&a), Action::ViewCohort, other),
                other_expected,
                "{role:?}"
            );
        }
    }

    #[test]
    fn creating_programmes_and_managing_organisations() {
        let pm = actor(Some(ProgrammeManager), Scope::Programme(P));
        let fac = actor(
            Some(Facilitator),
            Scope::Cohort {
                programme: P,
                cohort: C,
            },
        );
        let part = actor(
            Some(Participant),
            Scope::Cohort {
                programme: P,
                cohort: C,
            },
        );
        let obs = actor(Some(Observer), Scope::Programme(P));
        assert_eq!(
            can(Some(&pm), Action::CreateProgramme, Resource::Site),
            Decision::Allow
        );
        assert_eq!(
            can(Some(&fac), Action::CreateProgramme, Resource::Site),
            Decision::Forbid
        );
        assert_eq!(
            can(Some(&fac), Action::ManageOrganisations, Resource::Site),
            Decision::Allow
        );
        assert_eq!(
            can(Some(&part), Action::ManageOrganisations, Resource::Site),
            Decision::Forbid
        );
        assert_eq!(
            can(Some(&obs), Action::ManageOrganisations, Resource::Site),
            Decision::Forbid
        );
        assert_eq!(
            can(None, Action::CreateProgramme, Resource::Site),
            Decision::SignIn
        );
    }

    #[test]
    fn programme_roles_reach_every_cohort() {
        let pm = actor(Some(ProgrammeManager), Scope::Programme(P));
        let c = Resource::Cohort {
            programme: P,
            cohort: OTHER_C,
        };
        assert_eq!(can(Some(&pm), Action::ManageCohort, c), Decision::Allow);
        assert_eq!(
            can(Some(&pm), Action::ManageProgramme, Resource::Programme(P)),
            Decision::Allow
        );
        assert_eq!(
            can(Some(&pm), Action::ManageProgramme, Resource::Programme(2)),
            Decision::Hide
        );
        let obs = actor(Some(Observer), Scope::Programme(P));
        assert_eq!(
            can(Some(&obs), Action::ViewCohortPeople, c),
            Decision::Forbid
        );
        assert_eq!(
            can(Some(&obs), Action::ViewAggregates, Resource::Programme(P)),
            Decision::Allow
        );
        assert_eq!(
            can(Some(&obs), Action::ManageProgramme, Resource::Programme(P)),
            Decision::Forbid
        );
    }
}
