//! A project as its pages see it: loaded with its programme, cohort and firm, and what the viewer may do with it.

use crate::error::{AppError, authorise, refused};
use crate::page::Viewer;
use crate::state::AppState;
use ymarfer_app::i18n::Tr;
use ymarfer_domain::authz::{ProjectFacts, missing};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::projects::Visibility;
use ymarfer_domain::{Action, Resource, can};
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::projects::Project;

/// A project with its place in the programme and what the viewer may do with it.
pub struct ProjectCtx {
    pub project: Project,
    pub programme: Programme,
    pub cohort: Cohort,
    pub organisation: String,
    /// What authorisation knows of the project and the viewer.
    pub facts: ProjectFacts,
    may_edit: bool,
    may_see_ledger: bool,
    /// The firm as the viewer may know it: by name, or described.
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
    pub fn can_edit(&self) -> bool {
        self.may_edit
    }

    /// Whether the viewer sees the project's ledger: the same question the
    /// API asks before it answers with the ledger.
    pub fn sees_ledger(&self) -> bool {
        self.may_see_ledger
    }

    /// The firm as the viewer may know it.
    pub fn firm(&self, tr: &Tr) -> String {
        match &self.firm {
            Firm::Named => self.organisation.clone(),
            Firm::Described {
                sic_section,
                band,
                area,
            } => ymarfer_app::i18n::describe_firm(*tr, sic_section, *band, area),
        }
    }

    /// Whether the viewer may do `action` to this project.
    pub fn may(&self, viewer: &Viewer, action: Action) -> bool {
        can(viewer.actor(), action, Resource::Project(self.facts)).allowed()
    }
}

/// The viewer's relation to the projects of one cohort, loaded once for any
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

    pub async fn load(
        state: &AppState,
        viewer: &Viewer,
        cohort: i64,
    ) -> Result<Relation, AppError> {
        let Some(me) = viewer.0.as_ref() else {
            return Ok(Relation::none());
        };
        let represents = state.db.represented_in(cohort, me.user.id).await?;
        let members = state.db.set_members(cohort).await?;
        let mine = members
            .iter()
            .find(|m| m.user_id == me.user.id)
            .map(|m| m.set_id);
        let mut set_organisations = Vec::new();
        if let Some(mine) = mine {
            let enrolled = state.db.enrolled(cohort).await?;
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

/// Loads a project if the viewer may do `action` to it. One they may not see
/// answers 404 (or sign-in for a visitor), so its existence does not leak.
pub async fn project_for(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    action: Action,
) -> Result<ProjectCtx, AppError> {
    let Some(project) = state.db.project(id).await? else {
        return Err(refused(missing(viewer.actor())));
    };
    let cohort = state
        .db
        .cohort_by_id(project.cohort_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let programme = state
        .db
        .programme_by_id(cohort.programme_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let relation = Relation::load(state, viewer, cohort.id).await?;
    let facts = relation.facts(
        programme.id,
        cohort.id,
        project.organisation_id,
        project.visibility,
        project.public_approved_by.is_some(),
    );
    authorise(can(viewer.actor(), action, Resource::Project(facts)))?;
    let may = |action| can(viewer.actor(), action, Resource::Project(facts)).allowed();
    let may_edit = may(Action::EditProject);
    let may_see_ledger = may(Action::ViewLedger);
    let named = project.case_study_consent || may(Action::NameFirm);
    let org = state.db.organisation_by_id(project.organisation_id).await?;
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
