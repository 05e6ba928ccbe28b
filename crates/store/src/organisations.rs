//! Organisations (mostly SMEs) and the innovation questions they answer.

use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub companies_house: Option<String>,
    pub sic_section: String,
    pub employee_band: String,
    pub principal_area: String,
    pub hourly_rate_pence: Option<i64>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default)]
pub struct OrganisationInput {
    pub name: String,
    pub companies_house: Option<String>,
    pub sic_section: String,
    pub employee_band: String,
    pub principal_area: String,
    pub hourly_rate_pence: Option<i64>,
}

/// Answers to the four UKIS questions, as stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Answers {
    pub new_goods_or_services: bool,
    pub new_business_process: bool,
    pub ongoing_or_abandoned: bool,
    pub innovation_spending: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswersRecord {
    pub organisation_id: i64,
    pub stage: String,
    pub asked_on: NaiveDate,
    pub new_goods_or_services: bool,
    pub new_business_process: bool,
    pub ongoing_or_abandoned: bool,
    pub innovation_spending: bool,
    pub employee_band: String,
}

const ORG_COLUMNS: &str = "id, name, companies_house, sic_section, employee_band, principal_area, hourly_rate_pence, created_at";

impl Db {
    /// Creates an organisation with its innovation answers at entry, together.
    pub async fn create_organisation(
        &self,
        input: &OrganisationInput,
        entry: Option<(NaiveDate, Answers)>,
    ) -> Result<Organisation> {
        let sql = format!(
            "INSERT INTO organisations (name, companies_house, sic_section, employee_band, principal_area, \
             hourly_rate_pence, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {ORG_COLUMNS}"
        );
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let org: Organisation = sqlx::query_as(&sql)
                .bind(input.name.trim())
                .bind(&input.companies_house)
                .bind(&input.sic_section)
                .bind(&input.employee_band)
                .bind(&input.principal_area)
                .bind(input.hourly_rate_pence)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
            if let Some((on, a)) = entry {
                sqlx::query(
                    "INSERT INTO innovation_answers (organisation_id, stage, asked_on, new_goods_or_services, \
                     new_business_process, ongoing_or_abandoned, innovation_spending, employee_band, created_at) \
                     VALUES ($1, 'entry', $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(org.id)
                .bind(on)
                .bind(a.new_goods_or_services)
                .bind(a.new_business_process)
                .bind(a.ongoing_or_abandoned)
                .bind(a.innovation_spending)
                .bind(&input.employee_band)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(org)
        })
    }

    /// Updates an organisation and replaces its answers at entry, together.
    pub async fn update_organisation(
        &self,
        id: i64,
        input: &OrganisationInput,
        entry: Option<(NaiveDate, Answers)>,
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE organisations SET name = $1, companies_house = $2, sic_section = $3, employee_band = $4, \
                 principal_area = $5, hourly_rate_pence = $6 WHERE id = $7",
            )
            .bind(input.name.trim())
            .bind(&input.companies_house)
            .bind(&input.sic_section)
            .bind(&input.employee_band)
            .bind(&input.principal_area)
            .bind(input.hourly_rate_pence)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if let Some((on, a)) = entry {
                sqlx::query(
                    "DELETE FROM innovation_answers WHERE organisation_id = $1 AND stage = 'entry'",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO innovation_answers (organisation_id, stage, asked_on, new_goods_or_services, \
                     new_business_process, ongoing_or_abandoned, innovation_spending, employee_band, created_at) \
                     VALUES ($1, 'entry', $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(id)
                .bind(on)
                .bind(a.new_goods_or_services)
                .bind(a.new_business_process)
                .bind(a.ongoing_or_abandoned)
                .bind(a.innovation_spending)
                .bind(&input.employee_band)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// Deletes an organisation with its projects and answers; its people stay.
    pub async fn delete_organisation(&self, id: i64) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("DELETE FROM organisations WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn organisation_by_id(&self, id: i64) -> Result<Option<Organisation>> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations WHERE id = $1");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
        }))
    }

    pub async fn organisation_by_name(&self, name: &str) -> Result<Option<Organisation>> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations WHERE lower(name) = lower($1)");
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(name.trim())
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn list_organisations(&self) -> Result<Vec<Organisation>> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations ORDER BY lower(name)");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .fetch_all(pool)
            .await?))
    }

    pub async fn innovation_answers(&self, organisation_id: i64) -> Result<Vec<AnswersRecord>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT organisation_id, stage, asked_on, new_goods_or_services, new_business_process, \
                 ongoing_or_abandoned, innovation_spending, employee_band FROM innovation_answers \
                 WHERE organisation_id = $1 ORDER BY asked_on, id",
            )
            .bind(organisation_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Records the innovation answers given at a stage (end, follow-up).
    pub async fn record_innovation(
        &self,
        organisation_id: i64,
        stage: &str,
        asked_on: NaiveDate,
        a: Answers,
        band: &str,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO innovation_answers (organisation_id, stage, asked_on, new_goods_or_services, \
                 new_business_process, ongoing_or_abandoned, innovation_spending, employee_band, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(organisation_id)
            .bind(stage)
            .bind(asked_on)
            .bind(a.new_goods_or_services)
            .bind(a.new_business_process)
            .bind(a.ongoing_or_abandoned)
            .bind(a.innovation_spending)
            .bind(band)
            .bind(Utc::now())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Sets the organisation a person works for.
    pub async fn set_user_organisation(
        &self,
        user_id: i64,
        organisation_id: Option<i64>,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE users SET organisation_id = $1 WHERE id = $2")
                .bind(organisation_id)
                .bind(user_id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
