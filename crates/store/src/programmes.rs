//! Programmes, cohorts and their teams.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::sql::COHORT_ORDER;
use crate::{Db, with_pool};
use chrono::{DateTime, NaiveDate, Utc};
use ymarfer_domain::programme::{DeliveryLanguage, DeliveryMode};
use ymarfer_domain::reference::Region;
use ymarfer_domain::{Role, Scope};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Programme {
    pub id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_cy: String,
    pub description_en: String,
    pub description_cy: String,
    /// The funder's name in English, and in Welsh.
    pub funder: String,
    pub funder_cy: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub cost_pence: i64,
    pub cost_delivery_pence: Option<i64>,
    pub cost_venues_pence: Option<i64>,
    pub cost_materials_pence: Option<i64>,
    pub cost_in_kind_pence: Option<i64>,
    pub default_hourly_rate_pence: i64,
    pub capture_factor_thousandths: i64,
    pub created_at: DateTime<Utc>,
}

/// A programme's editable fields, already validated.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeInput {
    pub slug: String,
    pub name_en: String,
    pub name_cy: String,
    pub description_en: String,
    pub description_cy: String,
    /// The funder's name in English, and in Welsh.
    pub funder: String,
    pub funder_cy: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub cost_pence: i64,
    pub cost_delivery_pence: Option<i64>,
    pub cost_venues_pence: Option<i64>,
    pub cost_materials_pence: Option<i64>,
    pub cost_in_kind_pence: Option<i64>,
    pub default_hourly_rate_pence: i64,
    pub capture_factor_thousandths: i64,
}

const PROGRAMME_COLUMNS: &str = "id, slug, name_en, name_cy, description_en, description_cy, funder, funder_cy, starts_on, ends_on, \
     cost_pence, cost_delivery_pence, cost_venues_pence, cost_materials_pence, cost_in_kind_pence, \
     default_hourly_rate_pence, capture_factor_thousandths, created_at";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Cohort {
    pub id: i64,
    pub programme_id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_cy: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub capacity: i64,
    #[sqlx(try_from = "String")]
    pub delivery_mode: DeliveryMode,
    #[sqlx(try_from = "String")]
    pub region: Region,
    pub cost_share_pence: Option<i64>,
    #[sqlx(try_from = "String")]
    pub language: DeliveryLanguage,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default)]
pub struct CohortInput {
    pub slug: String,
    pub name_en: String,
    pub name_cy: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub capacity: i64,
    pub delivery_mode: DeliveryMode,
    pub region: Region,
    pub cost_share_pence: Option<i64>,
    pub language: DeliveryLanguage,
}

const COHORT_COLUMNS: &str = "id, programme_id, slug, name_en, name_cy, starts_on, ends_on, capacity, delivery_mode, \
     region, cost_share_pence, language, created_at";

/// Someone in a programme's team, with the role and where it applies.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamMember {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: ymarfer_domain::Role,
    pub cohort_id: Option<i64>,
}

/// A programme's (`$id`) claimed first-year total in pence, read inside the
/// open transaction `$tx`: what a rate or capture-factor change moves.
macro_rules! claimed_in {
    ($tx:ident, $id:expr) => {{
        let values: Vec<Option<i64>> = sqlx::query_scalar(
            "SELECT l.first_year_pence FROM benefit_lines l WHERE l.programme_id = $1 AND l.status = 'claimed'",
        )
        .bind($id)
        .fetch_all(&mut *$tx)
        .await?;
        ymarfer_domain::bounds::total(values.iter().flatten().map(|v| i128::from(*v)).sum::<i128>())
    }};
}

impl Db {
    /// Creates a programme; its creator becomes its programme manager.
    pub async fn create_programme(
        &self,
        input: &ProgrammeInput,
        creator: i64,
    ) -> Result<Programme> {
        self.create_programme_recorded(input, creator, &NewAuditEvent::default())
            .await
    }

    /// Creates a programme, its creator its manager, with `event` (its subject
    /// filled in with the programme's id) in the same transaction.
    pub async fn create_programme_recorded(
        &self,
        input: &ProgrammeInput,
        creator: i64,
        event: &NewAuditEvent,
    ) -> Result<Programme> {
        let sql = format!(
            "INSERT INTO programmes (slug, name_en, name_cy, description_en, description_cy, funder, starts_on, ends_on, \
             cost_pence, cost_delivery_pence, cost_venues_pence, cost_materials_pence, cost_in_kind_pence, \
             default_hourly_rate_pence, capture_factor_thousandths, created_at, funder_cy) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING {PROGRAMME_COLUMNS}"
        );
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let p: Programme = sqlx::query_as(&sql)
                .bind(&input.slug)
                .bind(&input.name_en)
                .bind(&input.name_cy)
                .bind(&input.description_en)
                .bind(&input.description_cy)
                .bind(&input.funder)
                .bind(input.starts_on)
                .bind(input.ends_on)
                .bind(input.cost_pence)
                .bind(input.cost_delivery_pence)
                .bind(input.cost_venues_pence)
                .bind(input.cost_materials_pence)
                .bind(input.cost_in_kind_pence)
                .bind(input.default_hourly_rate_pence)
                .bind(input.capture_factor_thousandths)
                .bind(now)
                .bind(&input.funder_cy)
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO memberships (user_id, programme_id, cohort_id, role, created_at) \
                 VALUES ($1, $2, NULL, 'programme_manager', $3)",
            )
            .bind(creator)
            .bind(p.id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let mut event = event.clone();
            event.programme_id = Some(p.id);
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(p)
        })
    }

    /// Updates a programme and, with it, the value of its lines not yet
    /// verified (its hourly rate and capture factor value their hours).
    pub async fn update_programme(&self, id: i64, input: &ProgrammeInput) -> Result<()> {
        self.update_programme_recorded(id, input, &|_, _| Vec::new())
            .await
    }

    /// Updates a programme and revalues its lines not yet verified, recording
    /// in the same transaction the events `events` makes from the programme's
    /// claimed first-year total (in pence) before and after.
    pub async fn update_programme_recorded(
        &self,
        id: i64,
        input: &ProgrammeInput,
        events: &(dyn Fn(i64, i64) -> Vec<NewAuditEvent> + Sync),
    ) -> Result<()> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let claimed_before = claimed_in!(tx, id);
            sqlx::query(
                "UPDATE programmes SET name_en = $1, name_cy = $2, description_en = $3, description_cy = $4, \
                 funder = $5, starts_on = $6, ends_on = $7, cost_pence = $8, cost_delivery_pence = $9, \
                 cost_venues_pence = $10, cost_materials_pence = $11, cost_in_kind_pence = $12, \
                 default_hourly_rate_pence = $13, capture_factor_thousandths = $14, funder_cy = $15 WHERE id = $16",
            )
            .bind(&input.name_en)
            .bind(&input.name_cy)
            .bind(&input.description_en)
            .bind(&input.description_cy)
            .bind(&input.funder)
            .bind(input.starts_on)
            .bind(input.ends_on)
            .bind(input.cost_pence)
            .bind(input.cost_delivery_pence)
            .bind(input.cost_venues_pence)
            .bind(input.cost_materials_pence)
            .bind(input.cost_in_kind_pence)
            .bind(input.default_hourly_rate_pence)
            .bind(input.capture_factor_thousandths)
            .bind(&input.funder_cy)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            crate::ledger::revalue!(tx, "c.programme_id = $1 AND v.status <> 'verified'", id);
            let claimed_after = claimed_in!(tx, id);
            for event in events(claimed_before, claimed_after) {
                crate::audit::record_in!(tx, &event);
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Deletes a programme with everything in it (cohorts, sessions, projects, ledger).
    pub async fn delete_programme(&self, id: i64) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("DELETE FROM programmes WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn programme_by_slug(&self, slug: &str) -> Result<Option<Programme>> {
        let sql = format!("SELECT {PROGRAMME_COLUMNS} FROM programmes WHERE slug = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(slug).fetch_optional(pool).await?
        }))
    }

    pub async fn programme_by_id(&self, id: i64) -> Result<Option<Programme>> {
        let sql = format!("SELECT {PROGRAMME_COLUMNS} FROM programmes WHERE id = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
        }))
    }

    /// Every programme (for administrators), or those the user holds a role in.
    pub async fn programmes_visible_to(&self, user_id: i64, all: bool) -> Result<Vec<Programme>> {
        let sql = if all {
            format!("SELECT {PROGRAMME_COLUMNS} FROM programmes WHERE $1 = $1 ORDER BY name_en")
        } else {
            format!(
                "SELECT {PROGRAMME_COLUMNS} FROM programmes WHERE id IN \
                 (SELECT programme_id FROM memberships WHERE user_id = $1) ORDER BY name_en"
            )
        };
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?
        }))
    }

    pub async fn programme_team(&self, programme_id: i64) -> Result<Vec<TeamMember>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT u.id AS user_id, u.display_name, u.email, m.role, m.cohort_id \
                 FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.programme_id = $1 AND m.role <> 'participant' \
                 ORDER BY m.role, lower(u.display_name), u.email",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn revoke(&self, user_id: i64, role: Role, scope: Scope) -> Result<()> {
        let (programme, cohort) = match scope {
            Scope::Programme(p) => (p, None),
            Scope::Cohort { programme, cohort } => (programme, Some(cohort)),
        };
        with_pool!(self, |pool| {
            sqlx::query(
                "DELETE FROM memberships WHERE user_id = $1 AND programme_id = $2 AND role = $3 \
                 AND COALESCE(cohort_id, 0) = COALESCE($4, 0)",
            )
            .bind(user_id)
            .bind(programme)
            .bind(role.as_str())
            .bind(cohort)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn create_cohort(&self, programme_id: i64, input: &CohortInput) -> Result<Cohort> {
        self.create_cohort_recorded(programme_id, input, &NewAuditEvent::default())
            .await
    }

    /// Creates a cohort with `event` in the same transaction.
    pub async fn create_cohort_recorded(
        &self,
        programme_id: i64,
        input: &CohortInput,
        event: &NewAuditEvent,
    ) -> Result<Cohort> {
        let sql = format!(
            "INSERT INTO cohorts (programme_id, slug, name_en, name_cy, starts_on, ends_on, capacity, delivery_mode, \
             region, cost_share_pence, language, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             RETURNING {COHORT_COLUMNS}"
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let cohort: Cohort = sqlx::query_as(&sql)
                .bind(programme_id)
                .bind(&input.slug)
                .bind(&input.name_en)
                .bind(&input.name_cy)
                .bind(input.starts_on)
                .bind(input.ends_on)
                .bind(input.capacity)
                .bind(input.delivery_mode.as_str())
                .bind(input.region.as_str())
                .bind(input.cost_share_pence)
                .bind(input.language.as_str())
                .bind(Utc::now())
                .fetch_one(&mut *tx)
                .await?;
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(cohort)
        })
    }

    pub async fn update_cohort(&self, id: i64, input: &CohortInput) -> Result<()> {
        self.update_cohort_recorded(id, input, &NewAuditEvent::default())
            .await
    }

    /// Updates a cohort with `event` in the same transaction.
    pub async fn update_cohort_recorded(
        &self,
        id: i64,
        input: &CohortInput,
        event: &NewAuditEvent,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE cohorts SET name_en = $1, name_cy = $2, starts_on = $3, ends_on = $4, capacity = $5, \
                 delivery_mode = $6, region = $7, cost_share_pence = $8, language = $9 WHERE id = $10",
            )
            .bind(&input.name_en)
            .bind(&input.name_cy)
            .bind(input.starts_on)
            .bind(input.ends_on)
            .bind(input.capacity)
            .bind(input.delivery_mode.as_str())
            .bind(input.region.as_str())
            .bind(input.cost_share_pence)
            .bind(input.language.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn cohorts_of(&self, programme_id: i64) -> Result<Vec<Cohort>> {
        let sql = format!(
            "SELECT {COHORT_COLUMNS} FROM cohorts WHERE programme_id = $1 ORDER BY {COHORT_ORDER}"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .fetch_all(pool)
                .await?
        }))
    }

    pub async fn cohort_by_slug(&self, programme_id: i64, slug: &str) -> Result<Option<Cohort>> {
        let sql =
            format!("SELECT {COHORT_COLUMNS} FROM cohorts WHERE programme_id = $1 AND slug = $2");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .bind(slug)
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn cohort_by_id(&self, id: i64) -> Result<Option<Cohort>> {
        let sql = format!("SELECT {COHORT_COLUMNS} FROM cohorts WHERE id = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
        }))
    }
}
