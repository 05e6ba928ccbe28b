//! A participant's loop in one place: for each project of the firms she
//! represents, the tools applied and the one the toolkit suggests next, and
//! the claims made on its savings; her commitments waiting to be checked in,
//! each with the session it is due at; and the feedback others asked of her.
//! A fixed number of queries, however many projects, tools, claims or
//! commitments there are (one more per programme with tools of its own).

use crate::acting::Acting;
use crate::error::Result;
use crate::services::Services;
use crate::tools::tools_for;
use std::collections::HashMap;
use ymarfer_domain::authz::ProjectFacts;
use ymarfer_domain::toolkit::{Text, Tool, next_in_sequence};
use ymarfer_domain::{Action, Resource};
use ymarfer_store::home::{MyClaim, OpenCommitment};
use ymarfer_store::projects::ProjectSummary;
use ymarfer_store::space::OpenRequest;

/// A tool by its id and bilingual name.
#[derive(Debug, Clone)]
pub struct ToolRef {
    pub id: String,
    pub name: Text,
}

impl ToolRef {
    fn of(tool: &Tool) -> ToolRef {
        ToolRef {
            id: tool.id.clone(),
            name: tool.name.clone(),
        }
    }
}

/// One of her firms' projects, with where it stands.
#[derive(Debug, Clone)]
pub struct ProjectLoop {
    pub project: ProjectSummary,
    pub programme_id: i64,
    /// The tools applied, in the toolkit's teaching order.
    pub applied: Vec<ToolRef>,
    /// The tool to try next, from the toolkit's own sequence; none once all are applied.
    pub suggested: Option<ToolRef>,
    /// Its lines that have been claimed, as they stand, most recent first
    /// (only when she may see the project's ledger).
    pub claims: Vec<MyClaim>,
}

/// What a participant's home shows of her own work.
#[derive(Debug, Clone, Default)]
pub struct ParticipantLoop {
    pub projects: Vec<ProjectLoop>,
    /// Commitments not yet checked in, in cohorts where she may still check in.
    pub commitments: Vec<OpenCommitment>,
    /// Requests for her feedback not yet answered.
    pub feedback: Vec<OpenRequest>,
}

/// The acting person's loop: empty for someone signed out or with no firm.
/// Each project is one she may see as its firm's representative; each
/// commitment one she may still check in on.
pub async fn participant_loop(s: &Services, acting: &Acting) -> Result<ParticipantLoop> {
    let Some(me) = acting.user_id() else {
        return Ok(ParticipantLoop::default());
    };
    let cohorts = s.db.my_cohorts(me).await?;
    let programme_of: HashMap<i64, i64> = cohorts
        .iter()
        .map(|c| (c.cohort_id, c.programme_id))
        .collect();
    let summaries = s.db.represented_projects(me).await?;
    let mut projects = Vec::new();
    if !summaries.is_empty() {
        let applied = s.db.represented_tools(me).await?;
        let mut claims = s.db.represented_claims(me).await?;
        let mut toolkits: HashMap<i64, std::borrow::Cow<'static, [Tool]>> = HashMap::new();
        for project in summaries {
            let Some(&programme_id) = programme_of.get(&project.cohort_id) else {
                continue;
            };
            // The database found her enrolled for the project's firm.
            let facts = ProjectFacts {
                programme: programme_id,
                cohort: project.cohort_id,
                visibility: project.visibility,
                public_approved: project.public_approved_by.is_some(),
                viewer_represents: true,
                viewer_same_set: false,
            };
            let may = |action| acting.decide(action, Resource::Project(facts)).allowed();
            if !may(Action::ViewProject) {
                continue;
            }
            let tools = match toolkits.entry(programme_id) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(tools_for(s, programme_id).await?)
                }
            };
            let tools: &[Tool] = tools;
            let done: Vec<&str> = applied
                .iter()
                .filter(|(p, _)| *p == project.id)
                .map(|(_, t)| t.as_str())
                .collect();
            let order: Vec<&str> = tools.iter().map(|t| t.id.as_str()).collect();
            let mut applied_here: Vec<ToolRef> = tools
                .iter()
                .filter(|t| done.contains(&t.id.as_str()))
                .map(ToolRef::of)
                .collect();
            // A tool its programme no longer offers is still named by its id.
            applied_here.extend(done.iter().filter(|d| !order.contains(d)).map(|d| ToolRef {
                id: d.to_string(),
                name: Text::new(*d, *d),
            }));
            let suggested = next_in_sequence(&order, &done).map(|i| ToolRef::of(&tools[i]));
            let mine = if may(Action::ViewLedger) {
                let (here, rest) = claims.into_iter().partition(|c| c.project_id == project.id);
                claims = rest;
                here
            } else {
                Vec::new()
            };
            projects.push(ProjectLoop {
                project,
                programme_id,
                applied: applied_here,
                suggested,
                claims: mine,
            });
        }
    }
    let commitments =
        s.db.open_commitments(me)
            .await?
            .into_iter()
            .filter(|c| {
                acting
                    .decide(
                        Action::PostInSpace,
                        Resource::Cohort {
                            programme: c.programme_id,
                            cohort: c.cohort_id,
                        },
                    )
                    .allowed()
            })
            .collect();
    let feedback = s.db.open_requests(me, None).await?;
    Ok(ParticipantLoop {
        projects,
        commitments,
        feedback,
    })
}
