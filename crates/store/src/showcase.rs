//! The programme showcase: projects approved as public, with what a visitor
//! filters them by. A fixed number of queries, however many projects.

use crate::db::Result;
use crate::{Db, with_pool};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ShowcaseProject {
    pub id: i64,
    pub title: String,
    pub problem: String,
    /// The language its title and problem were written in.
    pub lang: String,
    pub cohort_id: i64,
    /// The firm's name, only when it consented to a case study; otherwise empty.
    pub organisation: String,
    pub sic_section: String,
    pub employee_band: String,
    pub principal_area: String,
    pub case_study_consent: bool,
}

/// What a showcase lists beside each project.
#[derive(Debug, Clone, Default)]
pub struct Showcase {
    pub projects: Vec<ShowcaseProject>,
    /// (project, tool id) for every tool each applied.
    pub tools: Vec<(i64, String)>,
    /// (project, change idea, its language) of each cycle whose change was adopted.
    pub adopted: Vec<(i64, String, String)>,
    /// (project, data) of each project's latest eight-wastes walk.
    pub waste_walks: Vec<(i64, String)>,
}

/// The programme's (`$1`) projects the world may see.
fn approved() -> String {
    format!(
        "{} AND k.programme_id = $1",
        crate::sql::PUBLIC_AND_APPROVED
    )
}

impl Db {
    pub async fn showcase(&self, programme: i64) -> Result<Showcase> {
        let approved = approved();
        Ok(with_pool!(self, |pool| {
            let projects = sqlx::query_as(&format!(
                "SELECT p.id, p.title, p.problem, p.lang, p.cohort_id, \
                 CASE WHEN p.case_study_consent THEN o.name ELSE '' END AS organisation, o.sic_section, o.employee_band, \
                 o.principal_area, p.case_study_consent FROM projects p JOIN cohorts k ON k.id = p.cohort_id \
                 JOIN organisations o ON o.id = p.organisation_id WHERE {approved} ORDER BY p.updated_at DESC, p.id DESC"
            ))
            .bind(programme)
            .fetch_all(pool)
            .await?;
            let tools = sqlx::query_as(&format!(
                "SELECT DISTINCT a.project_id, a.tool_id FROM tool_applications a JOIN projects p ON p.id = a.project_id \
                 JOIN cohorts k ON k.id = p.cohort_id WHERE {approved} ORDER BY a.project_id, a.tool_id"
            ))
            .bind(programme)
            .fetch_all(pool)
            .await?;
            let adopted = sqlx::query_as(&format!(
                "SELECT c.project_id, c.change_idea, c.lang FROM cycles c JOIN projects p ON p.id = c.project_id \
                 JOIN cohorts k ON k.id = p.cohort_id WHERE {approved} AND c.decision = 'adopt' ORDER BY c.project_id, c.number"
            ))
            .bind(programme)
            .fetch_all(pool)
            .await?;
            let waste_walks = sqlx::query_as(&format!(
                "SELECT a.project_id, a.data FROM tool_applications a JOIN projects p ON p.id = a.project_id \
                 JOIN cohorts k ON k.id = p.cohort_id WHERE {approved} AND a.tool_id = 'eight-wastes' \
                 AND a.version = (SELECT MAX(b.version) FROM tool_applications b WHERE b.project_id = a.project_id AND b.tool_id = a.tool_id)"
            ))
            .bind(programme)
            .fetch_all(pool)
            .await?;
            Showcase {
                projects,
                tools,
                adopted,
                waste_walks,
            }
        }))
    }

    /// Each programme with projects the world may see (public, and approved
    /// as such), with how many, by name: the public front door's way to each
    /// showcase. One query.
    pub async fn showcases(&self) -> Result<Vec<ShowcaseLink>> {
        let sql = format!(
            "SELECT g.slug, g.name_en, g.name_cy, COUNT(*) AS projects FROM projects p \
             JOIN cohorts c ON c.id = p.cohort_id JOIN programmes g ON g.id = c.programme_id \
             WHERE {} GROUP BY g.slug, g.name_en, g.name_cy ORDER BY g.name_en",
            crate::sql::PUBLIC_AND_APPROVED
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .fetch_all(pool)
            .await?))
    }
}

/// A programme's showcase, as the public front door lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ShowcaseLink {
    pub slug: String,
    pub name_en: String,
    pub name_cy: String,
    pub projects: i64,
}
