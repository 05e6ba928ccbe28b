//! A challenge project as every door sees it (loaded with its programme,
//! cohort and firm, and what the person may do with it), and the acts that
//! start, change and approve one. Who relates to a project (represents its
//! firm, shares an action-learning set with someone who does) is worked out
//! here once, by [`Relation`], for pages, the API and the acts alike.

use crate::acting::{Acting, refusal};
use crate::audit::moved;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::authz::{ProjectFacts, missing};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::projects::Visibility;
use ymarfer_domain::{Action, Decision, Resource};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::projects::{Project, ProjectInput, Started};

/// A project with its place in the programme and what the person may do with it.
pub struct ProjectCtx {
    pub project: Project,
    pub programme: Programme,
    pub cohort: Cohort,
    pub organisation: String,
    /// What authorisation knows of the project and the person.
    pub facts: ProjectFacts,
    may_edit: bool,
    may_see_ledger: bool,
    /// The firm as the person may know it: by name, or described.
    firm: Firm,
}

/// The firm behind a project, named only to those who see the project through
/// its programme, or to anyone once it consented to a case study.
pub enum Firm {
    Named,
    Described {
        sic_section: String,
        band: Option<EmployeeBand>,
        area: String,
    },
}

impl ProjectCtx {
    /// The project by its title and firm as the person may know it ("Less
    /// waiting (Becws Bach)"), as a window's title names it: two firms may
    /// choose the same title.
    pub fn named(&self, tr: &Tr) -> String {
        format!("{} ({})", self.project.title, self.firm(tr))
    }

    pub fn can_edit(&self) -> bool {
        self.may_edit
    }

    /// Whether the person sees the project's ledger: the same question the
    /// API asks before it answers with the ledger.
    pub fn sees_ledger(&self) -> bool {
        self.may_see_ledger
    }

    /// The firm as the person may know it.
    pub fn firm(&self, tr: &Tr) -> String {
        match &self.firm {
            Firm::Named => self.organisation.clone(),
            Firm::Described {
                sic_section,
                band,
                area,
            } => crate::i18n::describe_firm(*tr, sic_section, *band, area),
        }
    }

    /// Whether the person may do `action` to this project.
    pub fn may(&self, acting: &Acting, action: Action) -> bool {
        acting
            .decide(action, Resource::Project(self.facts))
            .allowed()
    }
}

/// A person's relation to the projects of one cohort, loaded once for any
/// number of projects: the organisation they represent there, and the
/// organisations of the people in their action-learning set.
pub struct Relation {
    represents: Option<i64>,
    set_organisations: Vec<i64>,
}

impl Relation {
    /// No relation at all: for decisions that depend only on roles.
    pub fn none() -> Relation {
        Relation {
            represents: None,
            set_organisations: Vec::new(),
        }
    }

    /// The acting person's relation to the cohort's projects (none for
    /// someone signed out, or the command line).
    pub async fn load(s: &Services, acting: &Acting, cohort: i64) -> Result<Relation> {
        let Some(me) = acting.user_id() else {
            return Ok(Relation::none());
        };
        let represents = s.db.represented_in(cohort, me).await?;
        let members = s.db.set_members(cohort).await?;
        let mine = members.iter().find(|m| m.user_id == me).map(|m| m.set_id);
        let mut set_organisations = Vec::new();
        if let Some(mine) = mine {
            let enrolled = s.db.enrolled(cohort).await?;
            for m in members.iter().filter(|m| m.set_id == mine) {
                set_organisations.extend(
                    enrolled
                        .iter()
                        .filter(|e| e.user_id == m.user_id)
                        .filter_map(|e| e.organisation_id),
                );
            }
        }
        Ok(Relation {
            represents,
            set_organisations,
        })
    }

    /// What authorisation needs to know about one project of the cohort.
    pub fn facts(
        &self,
        programme: i64,
        cohort: i64,
        organisation: i64,
        visibility: Visibility,
        public_approved: bool,
    ) -> ProjectFacts {
        ProjectFacts {
            programme,
            cohort,
            visibility,
            public_approved,
            viewer_represents: self.represents == Some(organisation),
            viewer_same_set: self.set_organisations.contains(&organisation),
        }
    }
}

/// The refusal for a record the person may not know of (an `Allow` here is
/// hidden too): sign in for someone signed out, otherwise not found.
fn hidden(decision: Decision) -> Error {
    match refusal(decision) {
        Ok(()) => Error::NotFound,
        Err(e) => e,
    }
}

/// What the policy knows of a project and the person, with its programme:
/// `None` when there is no such project.
pub async fn facts_of(
    s: &Services,
    acting: &Acting,
    project: &Project,
) -> Result<Option<(ProjectFacts, Cohort)>> {
    let Some(cohort) = s.db.cohort_by_id(project.cohort_id).await? else {
        return Ok(None);
    };
    let relation = Relation::load(s, acting, cohort.id).await?;
    let facts = relation.facts(
        cohort.programme_id,
        cohort.id,
        project.organisation_id,
        project.visibility,
        project.public_approved_by.is_some(),
    );
    Ok(Some((facts, cohort)))
}

/// Loads a project if the person may do `action` to it. One they may not see
/// answers not found (or sign in, for someone signed out), so its existence
/// does not leak.
pub async fn project_for(
    s: &Services,
    acting: &Acting,
    id: i64,
    action: Action,
) -> Result<ProjectCtx> {
    let missing = || hidden(missing(acting.actor.as_ref()));
    let Some(project) = s.db.project(id).await? else {
        return Err(missing());
    };
    let Some((facts, cohort)) = facts_of(s, acting, &project).await? else {
        return Err(missing());
    };
    let programme =
        s.db.programme_by_id(cohort.programme_id)
            .await?
            .ok_or(Error::NotFound)?;
    acting.may(action, Resource::Project(facts))?;
    let may = |action| acting.decide(action, Resource::Project(facts)).allowed();
    let may_edit = may(Action::EditProject);
    let may_see_ledger = may(Action::ViewLedger);
    let named = project.case_study_consent || may(Action::NameFirm);
    let org = s.db.organisation_by_id(project.organisation_id).await?;
    let firm = match &org {
        Some(_) if named => Firm::Named,
        Some(o) => Firm::Described {
            sic_section: o.sic_section.clone(),
            band: Some(o.employee_band),
            area: o.principal_area.clone(),
        },
        None => Firm::Described {
            sic_section: String::new(),
            band: None,
            area: String::new(),
        },
    };
    let organisation = org.map(|o| o.name).unwrap_or_default();
    Ok(ProjectCtx {
        project,
        programme,
        cohort,
        organisation,
        facts,
        may_edit,
        may_see_ledger,
        firm,
    })
}

/// A new project, or the one the same title names already.
#[derive(Debug, Clone)]
pub struct StartedProject {
    pub project: Project,
    /// False when a project of this firm in this cohort had the title already
    /// with the same problem (the form sent twice): nothing was written.
    pub new: bool,
}

/// Starts a project for a firm enrolled in the cohort: the cohort's staff for
/// any such firm, a participant for the firm they represent there. A second
/// send of the same form finds the project it made and changes nothing; a
/// different problem under a title the firm uses already in the cohort is
/// refused.
pub async fn start(
    s: &Services,
    acting: &Acting,
    cohort: i64,
    organisation: i64,
    input: &ProjectInput,
) -> Result<StartedProject> {
    let Some(k) = s.db.cohort_by_id(cohort).await? else {
        return Err(hidden(missing(acting.actor.as_ref())));
    };
    let relation = Relation::load(s, acting, k.id).await?;
    let facts = relation.facts(
        k.programme_id,
        k.id,
        organisation,
        Visibility::Private,
        false,
    );
    acting.may(Action::EditProject, Resource::Project(facts))?;
    let enrolled = s.db.enrolled(k.id).await?;
    if !enrolled
        .iter()
        .any(|e| e.is_active() && e.organisation_id == Some(organisation))
    {
        return Err(Error::Invalid("error-choose-one"));
    }
    let mut event = acting.event(AuditAction::ProjectStarted);
    event.programme_id = Some(k.programme_id);
    event.subject = format!("cohort {}, organisation {organisation}", k.id);
    event.detail = input.title.clone();
    match s
        .db
        .start_project(k.id, organisation, input, acting.user_id(), &event)
        .await?
    {
        Started::New(project) => Ok(StartedProject { project, new: true }),
        Started::Same(project) => Ok(StartedProject {
            project,
            new: false,
        }),
        Started::TitleTaken => Err(Error::Invalid("project-title-taken")),
    }
}

/// Saves a project's aim, measures, status and visibility. Any change withdraws
/// approval to publish it. Nothing changes, and nothing is recorded, when the
/// form says what the project says already. True when something changed.
pub async fn edit(s: &Services, acting: &Acting, id: i64, input: &ProjectInput) -> Result<bool> {
    let ctx = project_for(s, acting, id, Action::EditProject).await?;
    let before = ProjectInput::of(&ctx.project);
    if before == *input {
        return Ok(false);
    }
    let mut event = acting.event(AuditAction::ProjectChanged);
    event.programme_id = Some(ctx.programme.id);
    event.subject = format!("project {id}: {}", input.title);
    event.detail = changes(&before, input);
    s.db.update_project_recorded(id, input, &event).await?;
    Ok(true)
}

/// What moved, for the trail: status, visibility and the aim's figures, before
/// and after.
fn changes(before: &ProjectInput, after: &ProjectInput) -> String {
    let mut moved_parts = Vec::new();
    let figure = |v: Option<i64>| {
        v.map(crate::i18n::format_hundredths)
            .unwrap_or_else(|| "—".to_string())
    };
    if before.title != after.title {
        moved_parts.push(format!("title {}", moved(&before.title, &after.title)));
    }
    if before.status != after.status {
        moved_parts.push(format!(
            "status {}",
            moved(before.status.as_str(), after.status.as_str())
        ));
    }
    if before.visibility != after.visibility {
        moved_parts.push(format!(
            "visibility {}",
            moved(before.visibility.as_str(), after.visibility.as_str())
        ));
    }
    if before.aim_baseline != after.aim_baseline {
        moved_parts.push(format!(
            "baseline {}",
            moved(&figure(before.aim_baseline), &figure(after.aim_baseline))
        ));
    }
    if before.aim_target != after.aim_target {
        moved_parts.push(format!(
            "target {}",
            moved(&figure(before.aim_target), &figure(after.aim_target))
        ));
    }
    if before.case_study_consent != after.case_study_consent {
        moved_parts.push(format!(
            "case study consent {}",
            moved(
                &before.case_study_consent.to_string(),
                &after.case_study_consent.to_string()
            )
        ));
    }
    if moved_parts.is_empty() {
        "text".to_string()
    } else {
        moved_parts.join("; ")
    }
}

/// Approves a project its people made public, for the world to see (the
/// showcase, its case study). Only a public project may be approved; one
/// approved already is left as it is, with nothing more recorded. True when it
/// was approved now.
pub async fn approve(s: &Services, acting: &Acting, id: i64) -> Result<bool> {
    let ctx = project_for(s, acting, id, Action::ApproveProject).await?;
    if ctx.project.visibility != Visibility::Public {
        return Err(Error::Invalid("project-approve-not-public"));
    }
    if ctx.project.public_approved_by.is_some() {
        return Ok(false);
    }
    let mut event = acting.event(AuditAction::ProjectApproved);
    event.programme_id = Some(ctx.programme.id);
    event.subject = format!("project {id}: {}", ctx.project.title);
    let approved =
        s.db.approve_public_recorded(id, acting.user_id(), &event)
            .await?;
    Ok(approved)
}

/// Attaches a checked photo or PDF to a project: its people and its cohort's
/// staff. The file goes into the object store first; when the form's
/// one-time key shows it was sent before, nothing is attached and the copy
/// just stored is removed again. True when attached.
pub async fn attach(
    s: &Services,
    acting: &Acting,
    project: i64,
    file: crate::files::Prepared,
    once: Option<&str>,
) -> Result<bool> {
    project_for(s, acting, project, Action::EditProject).await?;
    let by = acting.user_id().ok_or(Error::NotFound)?;
    let stored = s.files.put(file).await?;
    let key = once.map(|k| format!("attach:{by}:{k}"));
    let attached =
        s.db.attach_to_project(project, by, std::slice::from_ref(&stored), key.as_deref())
            .await?;
    if !attached {
        s.files
            .delete(&stored.object_key, stored.thumb_key.as_deref())
            .await?;
    }
    Ok(attached)
}
