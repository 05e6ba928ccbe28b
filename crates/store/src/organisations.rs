//! Organisations (mostly SMEs) and the innovation questions they answer.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, NaiveDate, Utc};
use ymarfer_domain::Pence;
use ymarfer_domain::innovation::EmployeeBand;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub companies_house: Option<String>,
    pub sic_section: String,
    #[sqlx(try_from = "String")]
    pub employee_band: EmployeeBand,
    pub principal_area: String,
    pub hourly_rate_pence: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// The programme whose record this is; none for a firm no programme has
    /// taken in yet (seen by administrators only).
    pub programme_id: Option<i64>,
}

impl Organisation {
    /// The programmes through which staff may see this record: its own.
    pub fn programmes(&self) -> Vec<i64> {
        self.programme_id.into_iter().collect()
    }
}

/// What adding an organisation did.
#[derive(Debug, Clone)]
pub enum Added {
    New(Organisation),
    /// The programme has one of that name already: nothing changed.
    Exists(Organisation),
}

/// Inserts an organisation (`&OrganisationInput`) of a programme (an
/// `Option<i64>`) inside the open transaction `$tx`; the row made.
macro_rules! insert_organisation {
    ($tx:ident, $input:expr, $programme:expr, $now:expr) => {{
        let input: &OrganisationInput = $input;
        let sql = format!(
            "INSERT INTO organisations (name, companies_house, sic_section, employee_band, principal_area, \
             hourly_rate_pence, created_at, programme_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             RETURNING {ORG_COLUMNS}"
        );
        let org: Organisation = sqlx::query_as(&sql)
            .bind(input.name.trim())
            .bind(&input.companies_house)
            .bind(&input.sic_section)
            .bind(input.employee_band.as_str())
            .bind(&input.principal_area)
            .bind(input.hourly_rate_pence)
            .bind($now)
            .bind($programme)
            .fetch_one(&mut *$tx)
            .await?;
        org
    }};
}

/// Inserts answers to the four questions inside the open transaction `$tx`.
macro_rules! insert_answers {
    ($tx:ident, $org:expr, $stage:expr, $on:expr, $a:expr, $band:expr, $now:expr) => {{
        let a: $crate::organisations::Answers = $a;
        sqlx::query(
            "INSERT INTO innovation_answers (organisation_id, stage, asked_on, new_goods_or_services, \
             new_business_process, ongoing_or_abandoned, innovation_spending, employee_band, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind($org)
        .bind($stage)
        .bind($on)
        .bind(a.new_goods_or_services)
        .bind(a.new_business_process)
        .bind(a.ongoing_or_abandoned)
        .bind(a.innovation_spending)
        .bind($band.as_str())
        .bind($now)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use insert_answers;

#[derive(Debug, Clone, Default)]
pub struct OrganisationInput {
    pub name: String,
    pub companies_house: Option<String>,
    pub sic_section: String,
    pub employee_band: EmployeeBand,
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

impl Answers {
    /// The answers as the innovation status rules read them.
    pub fn innovation(self) -> ymarfer_domain::innovation::InnovationAnswers {
        ymarfer_domain::innovation::InnovationAnswers {
            new_goods_or_services: self.new_goods_or_services,
            new_business_process: self.new_business_process,
            ongoing_or_abandoned: self.ongoing_or_abandoned,
            innovation_spending: self.innovation_spending,
        }
    }
}

impl AnswersRecord {
    pub fn answers(&self) -> Answers {
        Answers {
            new_goods_or_services: self.new_goods_or_services,
            new_business_process: self.new_business_process,
            ongoing_or_abandoned: self.ongoing_or_abandoned,
            innovation_spending: self.innovation_spending,
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswersRecord {
    pub organisation_id: i64,
    #[sqlx(try_from = "String")]
    pub stage: ymarfer_domain::innovation::Stage,
    pub asked_on: NaiveDate,
    pub new_goods_or_services: bool,
    pub new_business_process: bool,
    pub ongoing_or_abandoned: bool,
    pub innovation_spending: bool,
    #[sqlx(try_from = "String")]
    pub employee_band: EmployeeBand,
}

/// The organisation columns, each prefixed with a table alias.
fn org_columns_of(alias: &str) -> String {
    ORG_COLUMNS
        .split(", ")
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which organisations a list may show: all of them (administrators), or the
/// records of these programmes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InProgrammes {
    All,
    Only(Vec<i64>),
}

impl InProgrammes {
    /// A SQL condition on `o`. The ids are integers, so writing them into the
    /// statement is safe.
    fn condition(&self) -> String {
        match self {
            InProgrammes::All => "TRUE".into(),
            InProgrammes::Only(ids) if ids.is_empty() => "FALSE".into(),
            InProgrammes::Only(ids) => format!(
                "o.programme_id IN ({})",
                ids.iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// An organisation as a list shows it, with its answers at entry if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationRow {
    #[sqlx(flatten)]
    pub org: Organisation,
    pub new_goods_or_services: Option<bool>,
    pub new_business_process: Option<bool>,
    pub ongoing_or_abandoned: Option<bool>,
    pub innovation_spending: Option<bool>,
}

impl OrganisationRow {
    pub fn entry(&self) -> Option<Answers> {
        Some(Answers {
            new_goods_or_services: self.new_goods_or_services?,
            new_business_process: self.new_business_process?,
            ongoing_or_abandoned: self.ongoing_or_abandoned?,
            innovation_spending: self.innovation_spending?,
        })
    }
}

const ORG_COLUMNS: &str = "id, name, companies_house, sic_section, employee_band, principal_area, hourly_rate_pence, created_at, programme_id";

impl Db {
    /// Creates a programme's record of a firm (no programme: administrators'
    /// only) with its innovation answers at entry, all together. A name the
    /// programme already holds is a unique violation; other programmes' records
    /// are not looked at.
    pub async fn create_organisation(
        &self,
        input: &OrganisationInput,
        entry: Option<(NaiveDate, Answers)>,
        programme: Option<i64>,
    ) -> Result<Organisation> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let org = insert_organisation!(tx, input, programme, now);
            if let Some((on, a)) = entry {
                insert_answers!(tx, org.id, "entry", on, a, input.employee_band, now);
            }
            tx.commit().await?;
            Ok(org)
        })
    }

    /// Saves an organisation's details, its rate (revaluing its lines not yet
    /// verified) and, when given, its answers at entry, with the audit events
    /// `events` makes from its programme's claimed first-year total before and
    /// after (none when it is in no programme), in one transaction.
    pub async fn save_organisation(
        &self,
        id: i64,
        input: &OrganisationInput,
        entry: Option<(NaiveDate, Answers)>,
        events: impl FnOnce(Option<(Pence, Pence)>) -> Vec<NewAuditEvent>,
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let programme: Option<i64> =
                sqlx::query_scalar("SELECT programme_id FROM organisations WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            let before = match programme {
                Some(p) => Some(crate::ledger::claimed_total!(tx, p)),
                None => None,
            };
            sqlx::query(
                "UPDATE organisations SET name = $1, companies_house = $2, sic_section = $3, employee_band = $4, \
                 principal_area = $5, hourly_rate_pence = $6 WHERE id = $7",
            )
            .bind(input.name.trim())
            .bind(&input.companies_house)
            .bind(&input.sic_section)
            .bind(input.employee_band.as_str())
            .bind(&input.principal_area)
            .bind(input.hourly_rate_pence)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            // Its lines not yet verified are valued at its rate.
            crate::ledger::revalue!(tx, "p.organisation_id = $1 AND v.status <> 'verified'", id);
            if let Some((on, a)) = entry {
                sqlx::query(
                    "DELETE FROM innovation_answers WHERE organisation_id = $1 AND stage = 'entry'",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                insert_answers!(tx, id, "entry", on, a, input.employee_band, now);
            }
            let moved = match (programme, before) {
                (Some(p), Some(before)) => Some((before, crate::ledger::claimed_total!(tx, p))),
                _ => None,
            };
            for event in events(moved) {
                crate::audit::record_in!(tx, &event);
            }
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// Adds an organisation to a programme with its answers at entry and its
    /// audit event (named after it), in one transaction; or, when the
    /// programme has one of that name already, answers with it and changes
    /// nothing.
    pub async fn add_organisation(
        &self,
        input: &OrganisationInput,
        entry: (NaiveDate, Answers),
        programme: i64,
        event: &NewAuditEvent,
    ) -> Result<Added> {
        let now = Utc::now();
        let existing = format!(
            "SELECT {ORG_COLUMNS} FROM organisations WHERE programme_id = $1 AND lower(name) = lower($2)"
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let found: Option<Organisation> = sqlx::query_as(&existing)
                .bind(programme)
                .bind(input.name.trim())
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(org) = found {
                return Ok(Added::Exists(org));
            }
            let org = insert_organisation!(tx, input, Some(programme), now);
            let (on, a) = entry;
            insert_answers!(tx, org.id, "entry", on, a, input.employee_band, now);
            let event = NewAuditEvent {
                subject: format!("organisation {} ({})", org.id, org.name),
                ..event.clone()
            };
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(Added::New(org))
        })
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

    /// A programme's record of the firm of this name (any letter case).
    pub async fn organisation_by_name(
        &self,
        programme_id: i64,
        name: &str,
    ) -> Result<Option<Organisation>> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organisations WHERE COALESCE(programme_id, 0) = $1 \
             AND lower(name) = lower($2)"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .bind(name.trim())
                .fetch_optional(pool)
                .await?
        }))
    }

    /// One page of the organisations a viewer may see, by name, with how many there are.
    pub async fn organisations_page(
        &self,
        scope: &InProgrammes,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<OrganisationRow>, i64)> {
        let cond = scope.condition();
        let columns = org_columns_of("o");
        let sql = format!(
            "SELECT {columns}, a.new_goods_or_services, a.new_business_process, a.ongoing_or_abandoned, \
             a.innovation_spending FROM organisations o \
             LEFT JOIN innovation_answers a ON a.organisation_id = o.id AND a.stage = 'entry' \
             WHERE {cond} ORDER BY lower(o.name), o.id LIMIT $1 OFFSET $2"
        );
        let count = format!("SELECT COUNT(*) FROM organisations o WHERE {cond}");
        Ok(with_pool!(self, |pool| {
            let rows = sqlx::query_as(&sql)
                .bind(limit)
                .bind(offset)
                .fetch_all(pool)
                .await?;
            let total: i64 = sqlx::query_scalar(&count).fetch_one(pool).await?;
            (rows, total)
        }))
    }

    /// One page of the organisations a viewer may see, by name (then id),
    /// sought from the one named by the cursor, with how many there are.
    pub async fn organisations_seek(
        &self,
        scope: &InProgrammes,
        seek: crate::seek::Seek,
        limit: i64,
    ) -> Result<(crate::seek::Paged<OrganisationRow>, i64)> {
        let cond = scope.condition();
        let columns = org_columns_of("o");
        let (after, by, key) = seek.sql_keyed(
            ("lower(o.name)", "lower(x.name)"),
            "o.id",
            "organisations",
            2,
            crate::seek::Order::Up,
        );
        let sql = format!(
            "SELECT {columns}, a.new_goods_or_services, a.new_business_process, a.ongoing_or_abandoned, \
             a.innovation_spending FROM organisations o \
             LEFT JOIN innovation_answers a ON a.organisation_id = o.id AND a.stage = 'entry' \
             WHERE {cond} AND {after} ORDER BY {by} LIMIT $1"
        );
        let count = format!("SELECT COUNT(*) FROM organisations o WHERE {cond}");
        let (rows, total): (Vec<OrganisationRow>, i64) = with_pool!(self, |pool| {
            let rows = sqlx::query_as(&sql)
                .bind(limit + 1)
                .bind(key)
                .fetch_all(pool)
                .await?;
            let total: i64 = sqlx::query_scalar(&count).fetch_one(pool).await?;
            (rows, total)
        });
        Ok((
            seek.page(rows, limit, |r: &OrganisationRow| r.org.id),
            total,
        ))
    }

    /// A programme's organisations, by name.
    pub async fn programme_organisations(&self, programme_id: i64) -> Result<Vec<Organisation>> {
        let columns = org_columns_of("o");
        let sql = format!(
            "SELECT {columns} FROM organisations o WHERE o.programme_id = $1 ORDER BY lower(o.name), o.id"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(programme_id)
            .fetch_all(pool)
            .await?))
    }

    /// One page of a programme's organisations, in id order after `after`.
    pub async fn programme_organisations_after(
        &self,
        programme_id: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Organisation>> {
        let columns = org_columns_of("o");
        let sql = format!(
            "SELECT {columns} FROM organisations o WHERE o.programme_id = $1 AND o.id > $2 \
             ORDER BY o.id LIMIT $3"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(programme_id)
            .bind(after)
            .bind(limit)
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

    /// The innovation answers of every organisation actively enrolled in a
    /// programme (optionally one cohort), by organisation, oldest first. One query.
    pub async fn innovation_answers_in(
        &self,
        programme: i64,
        cohort: Option<i64>,
    ) -> Result<Vec<AnswersRecord>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT organisation_id, stage, asked_on, new_goods_or_services, new_business_process, \
                 ongoing_or_abandoned, innovation_spending, employee_band FROM innovation_answers \
                 WHERE organisation_id IN (SELECT e.organisation_id FROM enrolments e \
                   JOIN cohorts c ON c.id = e.cohort_id WHERE c.programme_id = $1 \
                   AND ($2 IS NULL OR e.cohort_id = $2) AND e.status = 'active') \
                 ORDER BY organisation_id, asked_on, id",
            )
            .bind(programme)
            .bind(cohort)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Records an organisation's answers at a stage, with its audit event, in
    /// one transaction. The same answers on the same day at the same stage
    /// again record nothing: false.
    pub async fn record_innovation(
        &self,
        organisation_id: i64,
        stage: &str,
        asked_on: NaiveDate,
        a: Answers,
        band: EmployeeBand,
        event: Option<&NewAuditEvent>,
    ) -> Result<bool> {
        let now = Utc::now();
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let same: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM innovation_answers WHERE organisation_id = $1 AND stage = $2 AND asked_on = $3 \
                 AND new_goods_or_services = $4 AND new_business_process = $5 AND ongoing_or_abandoned = $6 \
                 AND innovation_spending = $7",
            )
            .bind(organisation_id)
            .bind(stage)
            .bind(asked_on)
            .bind(a.new_goods_or_services)
            .bind(a.new_business_process)
            .bind(a.ongoing_or_abandoned)
            .bind(a.innovation_spending)
            .fetch_optional(&mut *tx)
            .await?;
            if same.is_some() {
                return Ok(false);
            }
            insert_answers!(tx, organisation_id, stage, asked_on, a, band, now);
            if let Some(event) = event {
                crate::audit::record_in!(tx, event);
            }
            tx.commit().await?;
            true
        }))
    }
}
