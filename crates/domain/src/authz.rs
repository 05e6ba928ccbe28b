//! The one place that decides who may do what. Every handler asks [`can`]; none
//! compares roles itself.
//!
//! The answer is [`Decision::Allow`], or why not: nobody is signed in
//! ([`Decision::SignIn`]), the person is connected to the thing but lacks the
//! role ([`Decision::Forbid`], 403), or has no connection with it at all
//! ([`Decision::Hide`], 404, so that its existence does not leak).

use crate::projects::Visibility;
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

    /// A participant takes part for an organisation, so their role comes with an
    /// enrolment in a cohort (and its history); other roles are simply granted.
    pub fn enrols(self) -> bool {
        self == Role::Participant
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

/// Stored rows decode straight into a role.
impl TryFrom<String> for Role {
    type Error = crate::UnknownCode;
    fn try_from(code: String) -> Result<Role, crate::UnknownCode> {
        Role::parse(&code).ok_or(crate::UnknownCode(code))
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
    /// Set when the person acts through a personal access token, which may
    /// narrow what they could otherwise do.
    pub token: Option<TokenScope>,
}

/// What a personal access token lets its holder do: read only, or read and
/// write; in one programme, or in every programme the person may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenScope {
    pub write: bool,
    pub programme: Option<i64>,
}

const STAFF: &[Role] = &[Role::ProgrammeManager, Role::Facilitator];

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

    /// Holds one of `roles` at either level anywhere in the programme.
    fn holds_somewhere_in(&self, programme: i64, roles: &[Role]) -> bool {
        self.memberships
            .iter()
            .any(|m| m.scope.programme() == programme && roles.contains(&m.role))
    }

    fn holds_anywhere(&self, roles: &[Role]) -> bool {
        self.memberships.iter().any(|m| roles.contains(&m.role))
    }

    /// The programmes the person holds any role in, each once.
    pub fn programmes(&self) -> Vec<i64> {
        let mut p: Vec<i64> = self
            .memberships
            .iter()
            .map(|m| m.scope.programme())
            .collect();
        p.sort_unstable();
        p.dedup();
        p
    }

    /// The cohorts the person takes part in as a participant.
    pub fn participating_cohorts(&self) -> Vec<i64> {
        self.memberships
            .iter()
            .filter(|m| m.role == Participant)
            .filter_map(|m| match m.scope {
                Scope::Cohort { cohort, .. } => Some(cohort),
                Scope::Programme(_) => None,
            })
            .collect()
    }

    /// The first of `cohorts` the person holds a role in at cohort level.
    pub fn own_cohort_among(&self, cohorts: &[i64]) -> Option<i64> {
        self.memberships.iter().find_map(|m| match m.scope {
            Scope::Cohort { cohort, .. } if cohorts.contains(&cohort) => Some(cohort),
            _ => None,
        })
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
    /// Staff work anywhere: the links to programmes' organisations and tools.
    StaffWork,
    /// Pages for anyone signed in: the toolkit's guides, one's own list of programmes.
    ViewSignedInPages,
    /// Oversee programmes (the way to their list from home): anyone with a role
    /// other than participant.
    OverseeProgrammes,
    ViewProgramme,
    ManageProgramme,
    ViewCohort,
    ManageCohort,
    /// Names and contact details of a cohort's people.
    ViewCohortPeople,
    /// Aggregate figures (counts, savings, ROI) with no personal data.
    ViewAggregates,
    /// Download the detailed reports (every ledger line, per firm) of a
    /// programme: its managers.
    DownloadReports,
    /// Start a new programme: administrators and anyone who manages one already.
    CreateProgramme,
    /// Grant this role in the programme (its team) or in a cohort.
    Grant(Role),
    /// Answer the cohort's capability self-assessment: its participants.
    AnswerCapability,
    /// Add an organisation to a programme (a new firm, or one taking part already elsewhere).
    AddOrganisation,
    /// See an organisation: staff of a programme in which it takes part.
    ViewOrganisation,
    /// Change an organisation's details and hourly rate.
    EditOrganisation,
    /// Record the innovation questions again (end of cohort, follow-up).
    RecordInnovation,
    /// See a challenge project, as its visibility allows.
    ViewProject,
    /// Change a project: its tools, cycles, readings and ledger.
    EditProject,
    /// See a project's benefits ledger, unverified claims and every version
    /// included: its organisation's own people and the cohort's staff, the
    /// same people who keep it. Reading it changes nothing, so a read-only
    /// token of theirs may.
    ViewLedger,
    /// See by name the firm behind a project: whoever sees the project
    /// through its programme (the visibility ladder). Someone who sees it only
    /// because it is an approved public case study sees the firm described
    /// (its size, sector and area), unless the firm consented to be named.
    NameFirm,
    /// Approve a public project for the world to see.
    ApproveProject,
    /// Verify a line of a project's benefit ledger (or return it to claimed).
    VerifyBenefit,
    /// See the claims waiting to be verified across a programme: its staff.
    ReviewClaims,
    /// The leads from the health check that chose a programme (its managers),
    /// or that chose none (administrators): see, annotate, invite.
    ManageLeads,
    /// The engagement funnel of a programme: its managers and observers.
    ViewFunnel,
    /// The audit trail: all of it for administrators (on the site), a
    /// programme's for its managers.
    ViewAudit,
    /// Reference data every programme shares (the SMEs in each area):
    /// administrators.
    ManageReference,
    /// The cohort space (its stream, posts, feedback, commitments): the
    /// cohort's participants and staff, not its observers. Also to post in it.
    ViewSpace,
    /// Post in a cohort space: whoever may see it. The same people as
    /// `ViewSpace`, but a write, so a read-only token may not.
    PostInSpace,
    /// Restore what was deleted in a cohort space, and see who gives and who
    /// receives feedback: the cohort's staff.
    ModerateSpace,
    /// Change the words of an item of a cohort space: its author.
    EditPost,
    /// Delete an item: its author or the cohort's staff.
    DeletePost,
    /// The alumni space of a programme: the participants and staff of its
    /// finished cohorts, and its programme-wide staff.
    ViewAlumni,
    /// How the instance runs: every programme and its team at a glance, the
    /// scheduled jobs and their last runs. Administrators.
    ViewOperations,
    /// Read a programme's leads from the health check (its managers).
    ViewLeads,
    /// Read a cohort's attendance register (those who keep it).
    ViewRegister,
    /// Project what running a programme at another scale would deliver.
    PlanScenarios,
}

impl Action {
    /// Whether the action changes something, which a read-only token may not do.
    pub fn writes(self) -> bool {
        matches!(
            self,
            Action::ManageOwnAccount
                | Action::ManageUsers
                | Action::ManageProgramme
                | Action::ManageCohort
                | Action::CreateProgramme
                | Action::Grant(_)
                | Action::AnswerCapability
                | Action::AddOrganisation
                | Action::EditOrganisation
                | Action::RecordInnovation
                | Action::EditProject
                | Action::ApproveProject
                | Action::VerifyBenefit
                | Action::ManageLeads
                | Action::ManageReference
                | Action::ModerateSpace
                | Action::PostInSpace
                | Action::EditPost
                | Action::DeletePost
        )
    }
}

/// What authorisation needs to know about an item of a cohort space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostFacts<'a> {
    pub programme: i64,
    pub cohort: i64,
    pub author: Option<i64>,
    /// The item is in the programme's alumni space, whose finished cohorts
    /// these are (and `cohort` is only its author's).
    pub alumni: Option<&'a [i64]>,
}

/// What authorisation needs to know about a project and the person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectFacts {
    pub programme: i64,
    pub cohort: i64,
    pub visibility: Visibility,
    /// A facilitator approved publishing it (and it has not changed since).
    pub public_approved: bool,
    /// The person looking is enrolled in the project's cohort for its organisation.
    pub viewer_represents: bool,
    /// The person looking shares an action-learning set with someone from its organisation.
    pub viewer_same_set: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource<'a> {
    Site,
    Account(i64),
    Programme(i64),
    Cohort {
        programme: i64,
        cohort: i64,
    },
    /// An organisation, through the programmes in which it takes part.
    Organisation {
        programmes: &'a [i64],
    },
    Project(ProjectFacts),
    Post(PostFacts<'a>),
    /// A programme's alumni space, with the programme's finished cohorts.
    Alumni {
        programme: i64,
        finished: &'a [i64],
    },
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

impl Decision {
    pub fn allowed(self) -> bool {
        self == Decision::Allow
    }
}

use Role::{Facilitator, Observer, Participant, ProgrammeManager};

/// How far a person may go with a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    None,
    View,
    Edit,
}

/// The visibility ladder. Staff of the project's cohort (and administrators) and
/// the organisation's own participants may change it; other participants see it
/// as its visibility allows; anyone sees an approved public case study.
fn project_reach(actor: Option<&Actor>, p: &ProjectFacts) -> Reach {
    let public = p.visibility == Visibility::Public && p.public_approved;
    let Some(actor) = actor else {
        return if public { Reach::View } else { Reach::None };
    };
    if actor.is_admin || actor.holds_in_cohort(p.programme, p.cohort, STAFF) {
        return Reach::Edit;
    }
    let participant_here = actor.holds_in_cohort(p.programme, p.cohort, &[Participant]);
    if participant_here && p.viewer_represents {
        return Reach::Edit;
    }
    let participant_in_programme = actor.holds_somewhere_in(p.programme, &[Participant]);
    let sees = public
        || match p.visibility {
            Visibility::Private => false,
            Visibility::Set => participant_here && p.viewer_same_set,
            Visibility::Cohort => participant_here,
            Visibility::Programme | Visibility::Public => participant_in_programme,
        };
    if sees { Reach::View } else { Reach::None }
}

fn project_decision(actor: Option<&Actor>, action: Action, p: &ProjectFacts) -> Decision {
    let reach = project_reach(actor, p);
    let allowed = match action {
        Action::ViewProject => reach >= Reach::View,
        Action::EditProject | Action::ViewLedger => reach == Reach::Edit,
        Action::NameFirm => {
            let privately = ProjectFacts {
                public_approved: false,
                ..*p
            };
            project_reach(actor, &privately) >= Reach::View
        }
        Action::ApproveProject | Action::VerifyBenefit => {
            actor.is_some_and(|a| a.is_admin || a.holds_in_cohort(p.programme, p.cohort, STAFF))
        }
        _ => false,
    };
    if allowed {
        Decision::Allow
    } else {
        refuse(actor, reach >= Reach::View)
    }
}

/// An item of a cohort space is seen by whoever may see the space; its words
/// are changed only by their author (not even an administrator), and it is
/// deleted by its author or the space's moderators.
fn post_decision(actor: Option<&Actor>, action: Action, p: &PostFacts) -> Decision {
    // The space the item is in, and who may see and moderate it.
    let (space, view) = match p.alumni {
        Some(finished) => (
            Resource::Alumni {
                programme: p.programme,
                finished,
            },
            Action::ViewAlumni,
        ),
        None => (
            Resource::Cohort {
                programme: p.programme,
                cohort: p.cohort,
            },
            Action::ViewSpace,
        ),
    };
    let sees = can(actor, view, space).allowed();
    let moderates = || can(actor, Action::ModerateSpace, space).allowed();
    let own = actor.is_some_and(|a| Some(a.user_id) == p.author);
    let allowed = sees
        && match action {
            Action::ViewSpace => true,
            Action::EditPost => own,
            Action::DeletePost => own || moderates(),
            Action::ModerateSpace => moderates(),
            _ => false,
        };
    if allowed {
        Decision::Allow
    } else {
        refuse(actor, sees)
    }
}

/// Why not: sign in, forbidden (connected), or hidden.
fn refuse(actor: Option<&Actor>, connected: bool) -> Decision {
    match (actor, connected) {
        (None, _) => Decision::SignIn,
        (Some(_), true) => Decision::Forbid,
        (Some(_), false) => Decision::Hide,
    }
}

/// The programmes through which the actor may do `action` to organisations, for
/// scoping a list; `None` means every organisation (administrators).
pub fn organisation_programmes(actor: &Actor, action: Action) -> Option<Vec<i64>> {
    let narrowed = actor.token.and_then(|t| t.programme);
    if actor.is_admin && narrowed.is_none() {
        return None;
    }
    let mut programmes: Vec<i64> = match narrowed {
        Some(p) => vec![p],
        None => actor
            .memberships
            .iter()
            .map(|m| m.scope.programme())
            .collect(),
    };
    programmes.sort_unstable();
    programmes.dedup();
    programmes.retain(|p| {
        can(
            Some(actor),
            action,
            Resource::Organisation { programmes: &[*p] },
        )
        .allowed()
    });
    Some(programmes)
}

/// Whether a list of programmes is every programme, or only those the person
/// holds a role in.
pub fn sees_every_programme(actor: &Actor) -> bool {
    actor.is_admin && actor.token.is_none_or(|t| t.programme.is_none())
}

/// The one programme a token is limited to, if it is.
pub fn only_programme(actor: &Actor) -> Option<i64> {
    actor.token.and_then(|t| t.programme)
}

/// The answer for something that does not exist: sign in first, or not found,
/// the same as for something that exists but is hidden.
pub fn missing(actor: Option<&Actor>) -> Decision {
    refuse(actor, false)
}

/// Which roles a person may grant where: a programme's managers build its team
/// (managers, facilitators, observers); a cohort's staff invite its facilitators,
/// participants and observers.
fn may_grant(actor: &Actor, role: Role, resource: Resource<'_>) -> bool {
    match resource {
        Resource::Programme(p) => {
            role != Participant && actor.holds_in_programme(p, &[ProgrammeManager])
        }
        Resource::Cohort { programme, cohort } => {
            role != ProgrammeManager && actor.holds_in_cohort(programme, cohort, STAFF)
        }
        _ => false,
    }
}

pub fn can(actor: Option<&Actor>, action: Action, resource: Resource<'_>) -> Decision {
    if action == Action::ViewPublic {
        return Decision::Allow;
    }
    if let Some(a) = actor
        && let Some(token) = a.token
    {
        return through_token(a, token, action, resource);
    }
    decide(actor, action, resource)
}

/// A token never does more than its person could, and does less when it is
/// read-only or limited to one programme: another programme's records are as
/// if they did not exist, and so are the site's own (people, operations).
fn through_token(
    actor: &Actor,
    token: TokenScope,
    action: Action,
    resource: Resource<'_>,
) -> Decision {
    // Scope first: what the token may not see at all is not found, whatever
    // it was asked to do; only then may a read-only token be refused a write.
    let decision = within_scope(actor, token, action, resource);
    if action.writes() && !token.write && decision != Decision::Hide {
        return Decision::Forbid;
    }
    decision
}

/// The decision for a token's person, with another programme's records (and
/// the site's own, for a token limited to one programme) hidden.
fn within_scope(
    actor: &Actor,
    token: TokenScope,
    action: Action,
    resource: Resource<'_>,
) -> Decision {
    let Some(only) = token.programme else {
        return decide(Some(actor), action, resource);
    };
    let in_scope = match resource {
        Resource::Site => matches!(action, Action::ViewSignedInPages),
        Resource::Account(id) => id == actor.user_id,
        Resource::Programme(p)
        | Resource::Cohort { programme: p, .. }
        | Resource::Alumni { programme: p, .. } => p == only,
        Resource::Project(f) => f.programme == only,
        Resource::Post(f) => f.programme == only,
        Resource::Organisation { programmes } => {
            if !programmes.contains(&only) {
                return Decision::Hide;
            }
            return decide(
                Some(actor),
                action,
                Resource::Organisation {
                    programmes: &[only],
                },
            );
        }
    };
    if in_scope {
        decide(Some(actor), action, resource)
    } else {
        Decision::Hide
    }
}

fn decide(actor: Option<&Actor>, action: Action, resource: Resource<'_>) -> Decision {
    if let Resource::Project(p) = &resource {
        return project_decision(actor, action, p);
    }
    if let Resource::Post(p) = &resource {
        return post_decision(actor, action, p);
    }
    let Some(actor) = actor else {
        return Decision::SignIn;
    };
    if actor.is_admin {
        // Administrators may do anything, except what is a participant's own
        // (their self-assessment), and a role is granted only where it fits.
        match (action, resource) {
            (Action::Grant(Participant), Resource::Programme(_))
            | (Action::Grant(ProgrammeManager), Resource::Cohort { .. }) => {
                return Decision::Forbid;
            }
            (Action::AnswerCapability, _) => {}
            _ => return Decision::Allow,
        }
    }
    let allowed = match (action, resource) {
        (Action::ManageOwnAccount, Resource::Account(id)) => id == actor.user_id,
        (Action::ManageOwnAccount, _) => false,
        (Action::ManageUsers, _) => false,
        (Action::StaffWork, Resource::Site) => actor.holds_anywhere(STAFF),
        (Action::ViewSignedInPages, Resource::Site) => true,
        (Action::OverseeProgrammes, Resource::Site) => {
            actor.holds_anywhere(&[ProgrammeManager, Facilitator, Observer])
        }
        (Action::OverseeProgrammes, Resource::Programme(p)) => {
            actor.holds_somewhere_in(p, &[ProgrammeManager, Facilitator, Observer])
        }
        (Action::CreateProgramme, Resource::Site) => actor.holds_anywhere(&[ProgrammeManager]),
        (Action::ViewProgramme | Action::ViewAggregates, Resource::Programme(p)) => {
            actor.anywhere_in_programme(p)
        }
        (Action::ManageProgramme, Resource::Programme(p)) => {
            actor.holds_in_programme(p, &[ProgrammeManager])
        }
        (
            Action::DownloadReports | Action::ManageLeads | Action::ViewLeads | Action::ViewAudit,
            Resource::Programme(p),
        ) => actor.holds_in_programme(p, &[ProgrammeManager]),
        (Action::ViewFunnel | Action::PlanScenarios, Resource::Programme(p)) => {
            actor.holds_in_programme(p, &[ProgrammeManager, Observer])
        }
        // Verifying lines across a whole programme (an import): its programme-wide staff.
        (Action::VerifyBenefit, Resource::Programme(p)) => actor.holds_in_programme(p, STAFF),
        (Action::AddOrganisation | Action::ReviewClaims, Resource::Programme(p)) => {
            actor.holds_somewhere_in(p, STAFF)
        }
        (Action::Grant(role), r) => may_grant(actor, role, r),
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
        (
            Action::ManageCohort | Action::ModerateSpace | Action::ViewRegister,
            Resource::Cohort { programme, cohort },
        ) => actor.holds_in_cohort(programme, cohort, STAFF),
        (Action::ViewSpace | Action::PostInSpace, Resource::Cohort { programme, cohort }) => actor
            .holds_in_cohort(
                programme,
                cohort,
                &[ProgrammeManager, Facilitator, Participant],
            ),
        (
            Action::ViewAlumni,
            Resource::Alumni {
                programme,
                finished,
            },
        ) => {
            actor.holds_in_programme(programme, STAFF)
                || finished.iter().any(|c| {
                    actor.memberships.iter().any(|m| {
                        m.scope
                            == Scope::Cohort {
                                programme,
                                cohort: *c,
                            }
                            && [Facilitator, Participant].contains(&m.role)
                    })
                })
        }
        // The alumni space is moderated by the programme's staff.
        (Action::ModerateSpace, Resource::Alumni { programme, .. }) => {
            actor.holds_in_programme(programme, STAFF)
        }
        (Action::AnswerCapability, Resource::Cohort { programme, cohort }) => actor
            .memberships
            .iter()
            .any(|m| m.role == Participant && m.scope == Scope::Cohort { programme, cohort }),
        (
            Action::ViewOrganisation | Action::EditOrganisation | Action::RecordInnovation,
            Resource::Organisation { programmes },
        ) => programmes
            .iter()
            .any(|p| actor.holds_somewhere_in(*p, STAFF)),
        _ => false,
    };
    if allowed {
        return Decision::Allow;
    }
    let connected = actor.is_admin
        || match resource {
            Resource::Site | Resource::Account(_) => true,
            Resource::Programme(p)
            | Resource::Cohort { programme: p, .. }
            | Resource::Alumni { programme: p, .. } => actor.anywhere_in_programme(p),
            // An organisation is seen only through a programme that may see it.
            Resource::Organisation { .. } | Resource::Project(_) | Resource::Post(_) => false,
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
            token: None,
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

    /// The space is the cohort's: its participants and staff, not its observers,
    /// another cohort or a visitor; words are changed only by their author.
    #[test]
    fn cohort_space_table() {
        let scope = Scope::Cohort {
            programme: P,
            cohort: C,
        };
        let post = |author| {
            Resource::Post(PostFacts {
                programme: P,
                cohort: C,
                author: Some(author),
                alumni: None,
            })
        };
        use Decision::{Allow as A, Forbid as F, Hide as H, SignIn as S};
        let other_cohort = Scope::Cohort {
            programme: P,
            cohort: OTHER_C,
        };
        #[rustfmt::skip]
        let table: [(Option<Actor>, [Decision; 6]); 7] = [
            //                         view, moderate, edit own, edit other's, delete own, delete other's
            (Some(actor(Some(Participant), scope)),         [A, F, A, F, A, F]),
            (Some(actor(Some(Facilitator), scope)),         [A, A, A, F, A, A]),
            (Some(actor(Some(ProgrammeManager), Scope::Programme(P))), [A, A, A, F, A, A]),
            (Some(actor(Some(Observer), scope)),            [F, F, H, H, H, H]),
            (Some(actor(Some(Participant), other_cohort)),  [F, F, H, H, H, H]),
            (Some(actor(Some(Facilitator), Scope::Programme(P + 1))), [H, H, H, H, H, H]),
            (None,                                          [S, S, S, S, S, S]),
        ];
        for (a, expected) in table {
            let a = a.as_ref();
            let cohort = Resource::Cohort {
                programme: P,
                cohort: C,
            };
            let got = [
                can(a, Action::ViewSpace, cohort),
                can(a, Action::ModerateSpace, cohort),
                can(a, Action::EditPost, post(7)),
                can(a, Action::EditPost, post(8)),
                can(a, Action::DeletePost, post(7)),
                can(a, Action::DeletePost, post(8)),
            ];
            assert_eq!(got, expected, "{a:?}");
        }
    }

    /// The alumni space: the participants of a programme's finished cohorts and
    /// its staff; not those of a cohort still running, nor its observers.
    #[test]
    fn alumni_space() {
        let finished = [C];
        let alumni = Resource::Alumni {
            programme: P,
            finished: &finished,
        };
        let post = |author| {
            Resource::Post(PostFacts {
                programme: P,
                cohort: OTHER_C,
                author: Some(author),
                alumni: Some(&finished),
            })
        };
        let done = Scope::Cohort {
            programme: P,
            cohort: C,
        };
        let running = Scope::Cohort {
            programme: P,
            cohort: OTHER_C,
        };
        use Decision::{Allow as A, Forbid as F, Hide as H};
        #[rustfmt::skip]
        let table: [(Actor, [Decision; 4]); 5] = [
            //                       view, moderate, delete other's item, view its item
            (actor(Some(Participant), done),    [A, F, F, A]),
            (actor(Some(Participant), running), [F, F, H, H]),
            (actor(Some(Facilitator), Scope::Programme(P)), [A, A, A, A]),
            (actor(Some(Observer), Scope::Programme(P)),    [F, F, H, H]),
            (actor(Some(Participant), Scope::Cohort { programme: P + 1, cohort: C }), [H, H, H, H]),
        ];
        for (a, expected) in table {
            let got = [
                can(Some(&a), Action::ViewAlumni, alumni),
                can(Some(&a), Action::ModerateSpace, alumni),
                can(Some(&a), Action::DeletePost, post(8)),
                can(Some(&a), Action::ViewSpace, post(8)),
            ];
            assert_eq!(got, expected, "{a:?}");
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
            can(Some(&fac), Action::StaffWork, Resource::Site),
            Decision::Allow
        );
        assert_eq!(
            can(Some(&part), Action::StaffWork, Resource::Site),
            Decision::Forbid
        );
        assert_eq!(
            can(Some(&obs), Action::StaffWork, Resource::Site),
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

    fn project(visibility: Visibility, represents: bool, same_set: bool) -> ProjectFacts {
        ProjectFacts {
            programme: P,
            cohort: C,
            visibility,
            public_approved: false,
            viewer_represents: represents,
            viewer_same_set: same_set,
        }
    }

    /// The visibility ladder: who sees and who changes a project, per visibility.
    #[test]
    fn project_table() {
        use Decision::{Allow as A, Forbid as F, Hide as H};
        let in_cohort = Scope::Cohort {
            programme: P,
            cohort: C,
        };
        let other_cohort = Scope::Cohort {
            programme: P,
            cohort: OTHER_C,
        };
        let participant = actor(Some(Participant), in_cohort);
        let other = actor(Some(Participant), other_cohort);
        let facilitator = actor(Some(Facilitator), in_cohort);
        let other_facilitator = actor(Some(Facilitator), other_cohort);
        let manager = actor(Some(ProgrammeManager), Scope::Programme(P));
        let observer = actor(Some(Observer), Scope::Programme(P));
        // (who, actor, represents, same set, [view; edit] per visibility:
        //  private, set, cohort, programme, public (not approved))
        type Case<'a> = (&'a str, &'a Actor, bool, bool, [[Decision; 2]; 5]);
        #[rustfmt::skip]
        let table: [Case; 9] = [
            ("own organisation", &participant, true, false, [[A, A], [A, A], [A, A], [A, A], [A, A]]),
            ("peer in set", &participant, false, true, [[H, H], [A, F], [A, F], [A, F], [A, F]]),
            ("peer in cohort", &participant, false, false, [[H, H], [H, H], [A, F], [A, F], [A, F]]),
            ("other cohort", &other, false, false, [[H, H], [H, H], [H, H], [A, F], [A, F]]),
            ("represents, but in another cohort", &other, true, false, [[H, H], [H, H], [H, H], [A, F], [A, F]]),
            ("facilitator", &facilitator, false, false, [[A, A]; 5]),
            ("other facilitator", &other_facilitator, false, false, [[H, H]; 5]),
            ("manager", &manager, false, false, [[A, A]; 5]),
            ("observer", &observer, false, false, [[H, H]; 5]),
        ];
        let visibilities = [
            Visibility::Private,
            Visibility::Set,
            Visibility::Cohort,
            Visibility::Programme,
            Visibility::Public,
        ];
        for (who, a, represents, same_set, expected) in table {
            for (v, want) in visibilities.iter().zip(expected) {
                let r = Resource::Project(project(*v, represents, same_set));
                let got = [
                    can(Some(a), Action::ViewProject, r),
                    can(Some(a), Action::EditProject, r),
                ];
                assert_eq!(got, want, "{who} at {v:?}");
            }
        }
    }

    /// The ledger (claims included) is for those who keep it, whoever else
    /// sees the project; a read-only token of theirs may read it. The firm is
    /// named to those who see the project through its programme.
    #[test]
    fn the_ledger_and_the_firm_s_name() {
        let in_cohort = Scope::Cohort {
            programme: P,
            cohort: C,
        };
        let approved = |represents| ProjectFacts {
            public_approved: true,
            ..project(Visibility::Public, represents, false)
        };
        let read_only = |a: Actor| Actor {
            token: Some(TokenScope {
                write: false,
                programme: None,
            }),
            ..a
        };
        let other_programme = actor(
            Some(Participant),
            Scope::Cohort {
                programme: 2,
                cohort: 20,
            },
        );
        // (who, actor, represents, [ledger, name])
        #[rustfmt::skip]
        let table: [(&str, Option<Actor>, bool, [bool; 2]); 9] = [
            ("own organisation", Some(actor(Some(Participant), in_cohort)), true, [true, true]),
            ("own, read-only token", Some(read_only(actor(Some(Participant), in_cohort))), true, [true, true]),
            ("peer in cohort", Some(actor(Some(Participant), in_cohort)), false, [false, true]),
            ("other cohort", Some(actor(Some(Participant), Scope::Cohort { programme: P, cohort: OTHER_C })), false, [false, true]),
            ("other programme", Some(other_programme), false, [false, false]),
            ("facilitator", Some(actor(Some(Facilitator), in_cohort)), false, [true, true]),
            ("observer", Some(actor(Some(Observer), Scope::Programme(P))), false, [false, false]),
            ("admin", Some(Actor { is_admin: true, ..Actor::default() }), false, [true, true]),
            ("visitor", None, false, [false, false]),
        ];
        for (who, a, represents, [ledger, name]) in table {
            let r = Resource::Project(approved(represents));
            assert!(can(a.as_ref(), Action::ViewProject, r).allowed(), "{who}");
            assert_eq!(
                can(a.as_ref(), Action::ViewLedger, r).allowed(),
                ledger,
                "{who}"
            );
            assert_eq!(
                can(a.as_ref(), Action::NameFirm, r).allowed(),
                name,
                "{who}"
            );
        }
        assert!(!Action::ViewLedger.writes());
    }

    /// A token's scope is judged before its write permission: another
    /// programme's record is not found, even to a read-only token.
    #[test]
    fn scope_comes_before_write_permission() {
        let manager = actor(Some(ProgrammeManager), Scope::Programme(P));
        for programme in [None, Some(P)] {
            let read_only = Actor {
                token: Some(TokenScope {
                    write: false,
                    programme,
                }),
                ..manager.clone()
            };
            let elsewhere = Resource::Cohort {
                programme: 2,
                cohort: 20,
            };
            assert_eq!(
                can(Some(&read_only), Action::ManageCohort, elsewhere),
                Decision::Hide,
                "{programme:?}"
            );
            assert_eq!(
                can(
                    Some(&read_only),
                    Action::EditOrganisation,
                    Resource::Organisation { programmes: &[2] }
                ),
                Decision::Hide
            );
            assert_eq!(
                can(
                    Some(&read_only),
                    Action::ManageLeads,
                    Resource::Programme(P)
                ),
                Decision::Forbid
            );
        }
        let admin_for_p = Actor {
            is_admin: true,
            token: Some(TokenScope {
                write: false,
                programme: Some(P),
            }),
            ..Actor::default()
        };
        assert_eq!(
            can(
                Some(&admin_for_p),
                Action::ManageProgramme,
                Resource::Programme(2)
            ),
            Decision::Hide
        );
        assert_eq!(
            can(
                Some(&admin_for_p),
                Action::ManageProgramme,
                Resource::Programme(P)
            ),
            Decision::Forbid
        );
    }

    #[test]
    fn approved_public_projects_are_for_everyone_and_approval_is_for_staff() {
        let approved = Resource::Project(ProjectFacts {
            public_approved: true,
            ..project(Visibility::Public, false, false)
        });
        let unapproved = Resource::Project(project(Visibility::Public, false, false));
        assert_eq!(can(None, Action::ViewProject, approved), Decision::Allow);
        assert_eq!(can(None, Action::EditProject, approved), Decision::SignIn);
        assert_eq!(can(None, Action::ViewProject, unapproved), Decision::SignIn);
        let observer = actor(Some(Observer), Scope::Programme(P));
        assert_eq!(
            can(Some(&observer), Action::ViewProject, approved),
            Decision::Allow
        );
        let in_cohort = Scope::Cohort {
            programme: P,
            cohort: C,
        };
        let owner = actor(Some(Participant), in_cohort);
        let owned = Resource::Project(project(Visibility::Public, true, false));
        assert_eq!(
            can(Some(&owner), Action::EditProject, owned),
            Decision::Allow
        );
        for action in [Action::ApproveProject, Action::VerifyBenefit] {
            assert_eq!(can(Some(&owner), action, owned), Decision::Forbid);
            let facilitator = actor(Some(Facilitator), in_cohort);
            assert_eq!(can(Some(&facilitator), action, owned), Decision::Allow);
            let other = actor(
                Some(Facilitator),
                Scope::Cohort {
                    programme: P,
                    cohort: OTHER_C,
                },
            );
            assert_eq!(can(Some(&other), action, owned), Decision::Hide);
        }
    }

    /// Organisations are seen only through a programme in which they take part.
    #[test]
    fn organisations_are_scoped_to_their_programmes() {
        let in_a = Resource::Organisation { programmes: &[P] };
        let in_both = Resource::Organisation {
            programmes: &[P, 2],
        };
        let only_b = Resource::Organisation { programmes: &[2] };
        let nowhere = Resource::Organisation { programmes: &[] };
        let manager = actor(Some(ProgrammeManager), Scope::Programme(P));
        let facilitator = actor(
            Some(Facilitator),
            Scope::Cohort {
                programme: P,
                cohort: C,
            },
        );
        let participant = actor(
            Some(Participant),
            Scope::Cohort {
                programme: P,
                cohort: C,
            },
        );
        let observer = actor(Some(Observer), Scope::Programme(P));
        for action in [
            Action::ViewOrganisation,
            Action::EditOrganisation,
            Action::RecordInnovation,
        ] {
            for staff in [&manager, &facilitator] {
                assert_eq!(can(Some(staff), action, in_a), Decision::Allow);
                assert_eq!(can(Some(staff), action, in_both), Decision::Allow);
                assert_eq!(can(Some(staff), action, only_b), Decision::Hide);
                assert_eq!(can(Some(staff), action, nowhere), Decision::Hide);
            }
            assert_eq!(can(Some(&participant), action, in_a), Decision::Hide);
            assert_eq!(can(Some(&observer), action, in_a), Decision::Hide);
            assert_eq!(can(None, action, in_a), Decision::SignIn);
            let admin = Actor {
                is_admin: true,
                ..Actor::default()
            };
            assert_eq!(can(Some(&admin), action, nowhere), Decision::Allow);
        }
        assert_eq!(
            can(
                Some(&facilitator),
                Action::AddOrganisation,
                Resource::Programme(P)
            ),
            Decision::Allow
        );
        assert_eq!(
            can(
                Some(&manager),
                Action::AddOrganisation,
                Resource::Programme(2)
            ),
            Decision::Hide
        );
        assert_eq!(
            can(
                Some(&observer),
                Action::AddOrganisation,
                Resource::Programme(P)
            ),
            Decision::Forbid
        );
        let both = Actor {
            memberships: vec![
                Membership {
                    role: Facilitator,
                    scope: Scope::Cohort {
                        programme: 3,
                        cohort: 30,
                    },
                },
                Membership {
                    role: Participant,
                    scope: Scope::Cohort {
                        programme: 4,
                        cohort: 40,
                    },
                },
            ],
            ..Actor::default()
        };
        assert_eq!(
            organisation_programmes(&both, Action::ViewOrganisation),
            Some(vec![3]),
            "a list shows only programmes where the person is staff"
        );
        let admin = Actor {
            is_admin: true,
            ..Actor::default()
        };
        assert_eq!(
            organisation_programmes(&admin, Action::ViewOrganisation),
            None
        );
    }

    /// Who may grant which role where.
    #[test]
    fn granting_roles() {
        let cohort = Resource::Cohort {
            programme: P,
            cohort: C,
        };
        let programme = Resource::Programme(P);
        let manager = actor(Some(ProgrammeManager), Scope::Programme(P));
        let facilitator = actor(
            Some(Facilitator),
            Scope::Cohort {
                programme: P,
                cohort: C,
            },
        );
        let admin = Actor {
            is_admin: true,
            ..Actor::default()
        };
        use Decision::{Allow as A, Forbid as F};
        // manager, facilitator, participant, observer
        #[rustfmt::skip]
        let table: [(&str, &Actor, Resource, [Decision; 4]); 5] = [
            ("manager, team", &manager, programme, [A, A, F, A]),
            ("manager, cohort", &manager, cohort, [F, A, A, A]),
            ("facilitator, team", &facilitator, programme, [F, F, F, F]),
            ("facilitator, cohort", &facilitator, cohort, [F, A, A, A]),
            ("admin, cohort", &admin, cohort, [F, A, A, A]),
        ];
        for (who, a, r, want) in table {
            let got = Role::ALL.map(|role| can(Some(a), Action::Grant(role), r));
            assert_eq!(got, want, "{who}");
        }
    }

    #[test]
    fn a_token_never_does_more_than_its_person_and_may_do_less() {
        let manager = actor(Some(ProgrammeManager), Scope::Programme(P));
        let read_only = Actor {
            token: Some(TokenScope {
                write: false,
                programme: None,
            }),
            ..manager.clone()
        };
        let programme = Resource::Programme(P);
        let cohort = Resource::Cohort {
            programme: P,
            cohort: C,
        };
        assert!(can(Some(&read_only), Action::ViewLeads, programme).allowed());
        assert_eq!(
            can(Some(&read_only), Action::ManageLeads, programme),
            Decision::Forbid
        );
        assert_eq!(
            can(Some(&read_only), Action::ManageCohort, cohort),
            Decision::Forbid
        );
        let writer = Actor {
            token: Some(TokenScope {
                write: true,
                programme: None,
            }),
            ..manager.clone()
        };
        assert!(can(Some(&writer), Action::ManageCohort, cohort).allowed());
        // Nothing the person could not do themselves.
        assert_eq!(
            can(Some(&writer), Action::ManageUsers, Resource::Site),
            Decision::Forbid
        );
    }

    #[test]
    fn a_token_for_one_programme_sees_no_other() {
        let admin = Actor {
            is_admin: true,
            token: Some(TokenScope {
                write: true,
                programme: Some(P),
            }),
            ..Actor::default()
        };
        assert!(can(Some(&admin), Action::ViewProgramme, Resource::Programme(P)).allowed());
        assert_eq!(
            can(Some(&admin), Action::ViewProgramme, Resource::Programme(2)),
            Decision::Hide
        );
        // Site-wide work is outside any one programme.
        assert_eq!(
            can(Some(&admin), Action::ManageUsers, Resource::Site),
            Decision::Hide
        );
        assert!(!sees_every_programme(&admin));
        assert_eq!(
            organisation_programmes(&admin, Action::ViewOrganisation),
            Some(vec![P])
        );
        // An organisation in two programmes is judged through the token's one.
        let staff_elsewhere = Actor {
            token: Some(TokenScope {
                write: false,
                programme: Some(P),
            }),
            ..actor(Some(Facilitator), Scope::Programme(2))
        };
        assert_eq!(
            can(
                Some(&staff_elsewhere),
                Action::ViewOrganisation,
                Resource::Organisation {
                    programmes: &[P, 2]
                }
            ),
            Decision::Hide
        );
        let untokened = Actor {
            token: None,
            ..staff_elsewhere
        };
        assert!(
            can(
                Some(&untokened),
                Action::ViewOrganisation,
                Resource::Organisation {
                    programmes: &[P, 2]
                }
            )
            .allowed()
        );
    }
}
