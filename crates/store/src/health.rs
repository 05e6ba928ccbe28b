//! The public health check's answers (nothing personal), the leads it brings,
//! and the counts of the engagement funnel.

use crate::db::Result;
use crate::secret::{hash_secret, new_secret};
use crate::{Db, with_pool};
use chrono::{DateTime, NaiveDate, Utc};
use ymarfer_domain::Lang;
use ymarfer_domain::health::{LeadStatus, PainPoint};
use ymarfer_domain::innovation::{EmployeeBand, InnovationAnswers};

/// Marks a form's one-time key (`$key`, an `Option<&str>`) used, inside the
/// open transaction `$tx`: true the first time (or when the form carries
/// none), false when the same form was acted on before.
macro_rules! first_use {
    ($tx:ident, $key:expr) => {{
        match $key {
            None => true,
            Some(key) => {
                let fresh: Option<String> = sqlx::query_scalar(
                    "INSERT INTO form_keys (form_key, used_at) VALUES ($1, $2) \
                     ON CONFLICT (form_key) DO NOTHING RETURNING form_key",
                )
                .bind(key)
                .bind(chrono::Utc::now())
                .fetch_optional(&mut *$tx)
                .await?;
                fresh.is_some()
            }
        }
    }};
}
pub(crate) use first_use;

/// A health check as stored: answers so far, each `None` until given.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HealthCheck {
    pub id: i64,
    pub language: String,
    pub source: String,
    pub sector: Option<String>,
    pub employee_band: Option<String>,
    pub principal_area: Option<String>,
    pub new_goods_or_services: Option<bool>,
    pub new_business_process: Option<bool>,
    pub ongoing_or_abandoned: Option<bool>,
    pub innovation_spending: Option<bool>,
    pub pains: Option<String>,
    pub created_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

impl HealthCheck {
    pub fn band(&self) -> Option<EmployeeBand> {
        self.employee_band.as_deref().and_then(EmployeeBand::parse)
    }

    /// The four answers as given so far.
    pub fn innovation(&self) -> [Option<bool>; 4] {
        [
            self.new_goods_or_services,
            self.new_business_process,
            self.ongoing_or_abandoned,
            self.innovation_spending,
        ]
    }

    /// The four answers, a question not answered counting as no.
    pub fn answers(&self) -> InnovationAnswers {
        answered(self.innovation())
    }

    pub fn pain_points(&self) -> Vec<PainPoint> {
        self.pains
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter_map(PainPoint::parse)
            .collect()
    }
}

/// The four answers as given, a question not answered counting as no.
fn answered(given: [Option<bool>; 4]) -> InnovationAnswers {
    let [a, b, c, d] = given.map(|x| x.unwrap_or(false));
    InnovationAnswers {
        new_goods_or_services: a,
        new_business_process: b,
        ongoing_or_abandoned: c,
        innovation_spending: d,
    }
}

/// The answers a check's screens set (the whole set is saved each time).
#[derive(Debug, Clone, Default)]
pub struct CheckAnswers {
    pub sector: Option<String>,
    pub employee_band: Option<EmployeeBand>,
    pub principal_area: Option<String>,
    pub innovation: [Option<bool>; 4],
    pub pains: Option<Vec<PainPoint>>,
}

impl CheckAnswers {
    pub fn of(c: &HealthCheck) -> CheckAnswers {
        CheckAnswers {
            sector: c.sector.clone(),
            employee_band: c.band(),
            principal_area: c.principal_area.clone(),
            innovation: c.innovation(),
            pains: c.pains.as_ref().map(|_| c.pain_points()),
        }
    }
}

const CHECK_COLUMNS: &str = "id, language, source, sector, employee_band, principal_area, new_goods_or_services, \
     new_business_process, ongoing_or_abandoned, innovation_spending, pains, created_at, completed_at";

/// An invitation to take the check again, as a new check joins it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recheck {
    pub lead: i64,
    /// The check the lead came from.
    pub follows: Option<i64>,
    /// 6 or 12.
    pub months: u32,
}

/// A check taken again, with the check it follows: both sets of answers.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecheckPair {
    pub first_check: i64,
    pub months: i64,
    pub before_1: Option<bool>,
    pub before_2: Option<bool>,
    pub before_3: Option<bool>,
    pub before_4: Option<bool>,
    pub after_1: Option<bool>,
    pub after_2: Option<bool>,
    pub after_3: Option<bool>,
    pub after_4: Option<bool>,
}

impl RecheckPair {
    /// The answers before and after, a question not answered counting as no.
    pub fn answers(&self) -> (InnovationAnswers, InnovationAnswers) {
        (
            answered([self.before_1, self.before_2, self.before_3, self.before_4]),
            answered([self.after_1, self.after_2, self.after_3, self.after_4]),
        )
    }
}

/// A cohort open to new firms: starting later, or running with places left.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenCohort {
    pub cohort_id: i64,
    pub cohort_slug: String,
    pub name_en: String,
    pub name_cy: String,
    pub programme_id: i64,
    pub programme_slug: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    #[sqlx(try_from = "String")]
    pub delivery_mode: ymarfer_domain::programme::DeliveryMode,
    #[sqlx(try_from = "String")]
    pub region: ymarfer_domain::reference::Region,
    pub capacity: i64,
    pub enrolled: i64,
}

impl OpenCohort {
    pub fn places_left(&self) -> i64 {
        (self.capacity - self.enrolled).max(0)
    }
}

/// A firm that asked to hear more.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Lead {
    pub id: i64,
    pub health_check_id: Option<i64>,
    pub programme_id: Option<i64>,
    pub cohort_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub organisation_name: String,
    pub language: String,
    #[sqlx(try_from = "String")]
    pub status: LeadStatus,
    pub notes: String,
    pub organisation_id: Option<i64>,
    pub user_id: Option<i64>,
    /// May be invited to take the check again at 6 and 12 months.
    pub recheck: bool,
    pub created_at: DateTime<Utc>,
    /// The person it became has joined (used their account) and is active in
    /// its cohort; read with `LEAD_PROGRESS`.
    #[sqlx(default)]
    pub joined: bool,
    /// When its cohort ends; read with `LEAD_PROGRESS`.
    #[sqlx(default)]
    pub cohort_ends_on: Option<NaiveDate>,
    /// The status the team chose, where `status` follows the person.
    #[sqlx(skip)]
    pub chosen: Option<LeadStatus>,
}

impl Lead {
    /// The status the team chose (stored), whatever the person has done since.
    pub fn chosen_status(&self) -> LeadStatus {
        self.chosen.unwrap_or(self.status)
    }

    /// The status as it stands today: it follows the person (see
    /// `LeadStatus::following`).
    fn follow(mut self, today: NaiveDate) -> Lead {
        let ended = self.cohort_ends_on.is_some_and(|d| d < today);
        self.chosen = Some(self.status);
        self.status = self.status.following(self.joined, ended);
        self
    }
}

/// What a lead's status follows: whether its person joined and is active in
/// its cohort, and when the cohort ends. Selected after `LEAD_COLUMNS`.
const LEAD_PROGRESS: &str = ", EXISTS (SELECT 1 FROM users u JOIN enrolments e ON e.user_id = u.id \
     WHERE u.id = leads.user_id AND u.joined_at IS NOT NULL AND e.cohort_id = leads.cohort_id \
     AND e.status = 'active') AS joined, \
     (SELECT c.ends_on FROM cohorts c WHERE c.id = leads.cohort_id) AS cohort_ends_on";

const LEAD_COLUMNS: &str = "id, health_check_id, programme_id, cohort_id, name, email, phone, organisation_name, \
     language, status, notes, organisation_id, user_id, recheck, created_at";

#[derive(Debug, Clone, Default)]
pub struct LeadInput {
    pub health_check_id: Option<i64>,
    pub programme_id: Option<i64>,
    pub cohort_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub organisation_name: String,
    pub language: Lang,
    pub recheck: bool,
}

/// A check in the funnel, with how far its lead (if any) got.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FunnelRow {
    pub source: String,
    pub sector: Option<String>,
    pub employee_band: Option<String>,
    pub principal_area: Option<String>,
    pub new_goods_or_services: Option<bool>,
    pub new_business_process: Option<bool>,
    pub ongoing_or_abandoned: Option<bool>,
    pub innovation_spending: Option<bool>,
    pub completed: bool,
    /// This programme's lead from the check, and how far it got.
    pub lead_status: Option<String>,
    pub enrolled: bool,
    pub finished: bool,
    pub sustained: bool,
    /// How many checks are alike in all of the above.
    pub n: i64,
}

impl FunnelRow {
    /// The check's four answers, as for a stored check.
    pub fn answers(&self) -> InnovationAnswers {
        answered([
            self.new_goods_or_services,
            self.new_business_process,
            self.ongoing_or_abandoned,
            self.innovation_spending,
        ])
    }
}

/// Inserts lead `$l` through `$executor` and returns it.
macro_rules! insert_lead {
    ($executor:expr, $l:expr) => {
        sqlx::query_as(&format!(
            "INSERT INTO leads (health_check_id, programme_id, cohort_id, name, email, phone, organisation_name, \
             language, consent_at, status, created_at, recheck) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'new', $9, $10) \
             RETURNING {LEAD_COLUMNS}"
        ))
        .bind($l.health_check_id)
        .bind($l.programme_id)
        .bind($l.cohort_id)
        .bind(&$l.name)
        .bind(&$l.email)
        .bind(&$l.phone)
        .bind(&$l.organisation_name)
        .bind($l.language.code())
        .bind(Utc::now())
        .bind($l.recheck)
        .fetch_one($executor)
        .await?
    };
}

impl Db {
    /// Starts a check; the token is its address, and only its hash is kept.
    /// A check taken again at an invitation (`again`) joins its lead and names
    /// the check it follows, with the months since.
    pub async fn start_check(
        &self,
        language: Lang,
        source: &str,
        again: Option<&Recheck>,
    ) -> Result<String> {
        let (token, hash) = new_secret();
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO health_checks (token_hash, language, source, created_at, lead_id, follows_check_id, \
                 recheck_months) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&hash)
            .bind(language.code())
            .bind(source)
            .bind(Utc::now())
            .bind(again.map(|r| r.lead))
            .bind(again.and_then(|r| r.follows))
            .bind(again.map(|r| i64::from(r.months)))
            .execute(pool)
            .await?;
        });
        Ok(token)
    }

    /// A finished or abandoned check as it happened at `at` (for demo and
    /// synthetic data); returns its id.
    pub async fn record_check(
        &self,
        language: Lang,
        source: &str,
        answers: &CheckAnswers,
        at: DateTime<Utc>,
        completed: bool,
    ) -> Result<i64> {
        self.record_check_again(language, source, answers, at, completed, None)
            .await
    }

    /// A check as it happened at `at`, taken again at an invitation when
    /// `again` says so (for demo and synthetic data); returns its id.
    pub async fn record_check_again(
        &self,
        language: Lang,
        source: &str,
        answers: &CheckAnswers,
        at: DateTime<Utc>,
        completed: bool,
        again: Option<&Recheck>,
    ) -> Result<i64> {
        let (_, hash) = new_secret();
        let id: i64 = with_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO health_checks (token_hash, language, source, created_at, lead_id, follows_check_id, \
                 recheck_months) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(&hash)
            .bind(language.code())
            .bind(source)
            .bind(at)
            .bind(again.map(|r| r.lead))
            .bind(again.and_then(|r| r.follows))
            .bind(again.map(|r| i64::from(r.months)))
            .fetch_one(pool)
            .await?
        });
        self.save_check(id, answers, completed).await?;
        if completed {
            with_pool!(self, |pool| {
                sqlx::query("UPDATE health_checks SET completed_at = $1 WHERE id = $2")
                    .bind(at + chrono::Duration::minutes(5))
                    .bind(id)
                    .execute(pool)
                    .await?;
            });
        }
        Ok(id)
    }

    pub async fn check_by_token(&self, token: &str) -> Result<Option<HealthCheck>> {
        let sql = format!("SELECT {CHECK_COLUMNS} FROM health_checks WHERE token_hash = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(hash_secret(token))
            .fetch_optional(pool)
            .await?))
    }

    pub async fn check_by_id(&self, id: i64) -> Result<Option<HealthCheck>> {
        let sql = format!("SELECT {CHECK_COLUMNS} FROM health_checks WHERE id = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?))
    }

    /// Saves the answers so far; `complete` marks the check finished (once).
    pub async fn save_check(&self, id: i64, a: &CheckAnswers, complete: bool) -> Result<()> {
        let pains = a
            .pains
            .as_ref()
            .map(|p| p.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(","));
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE health_checks SET sector = $1, employee_band = $2, principal_area = $3, \
                 new_goods_or_services = $4, new_business_process = $5, ongoing_or_abandoned = $6, \
                 innovation_spending = $7, pains = $8, \
                 completed_at = CASE WHEN $9 AND completed_at IS NULL THEN $10 ELSE completed_at END \
                 WHERE id = $11",
            )
            .bind(&a.sector)
            .bind(a.employee_band.map(|b| b.as_str()))
            .bind(&a.principal_area)
            .bind(a.innovation[0])
            .bind(a.innovation[1])
            .bind(a.innovation[2])
            .bind(a.innovation[3])
            .bind(&pains)
            .bind(complete)
            .bind(Utc::now())
            .bind(id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Up to `limit` cohorts a firm could still join (not begun, or with
    /// places left): those near it (in `region`) or meeting online or mixed
    /// first, then the rest, each soonest first. Its places are kept
    /// (`cohorts.active_enrolments`), so one statement reads only what it
    /// lists.
    pub async fn open_cohorts(
        &self,
        today: NaiveDate,
        region: Option<&str>,
        limit: i64,
    ) -> Result<Vec<OpenCohort>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT c.id AS cohort_id, c.slug AS cohort_slug, c.name_en, c.name_cy, p.id AS programme_id, \
                 p.slug AS programme_slug, c.starts_on, c.ends_on, c.delivery_mode, c.region, c.capacity, \
                 c.active_enrolments AS enrolled \
                 FROM cohorts c JOIN programmes p ON p.id = c.programme_id \
                 WHERE c.starts_on IS NOT NULL AND (c.ends_on IS NULL OR c.ends_on >= $1) \
                 AND (c.starts_on > $1 OR c.capacity > c.active_enrolments) \
                 ORDER BY CASE WHEN c.region = $2 OR c.delivery_mode <> 'in_person' THEN 0 ELSE 1 END, \
                 c.starts_on, c.id LIMIT $3",
            )
            .bind(today)
            .bind(region)
            .bind(limit)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn create_lead(&self, l: &LeadInput) -> Result<Lead> {
        Ok(with_pool!(self, |pool| insert_lead!(pool, l)))
    }

    /// Makes a lead from a form, with its audit event (named after the new
    /// lead), in one transaction. A form that carries a one-time key makes a
    /// lead once: when the key was used already, nothing changes and `None`
    /// comes back.
    pub async fn record_lead(
        &self,
        l: &LeadInput,
        form_key: Option<&str>,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<Option<Lead>> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            if !crate::health::first_use!(tx, form_key) {
                return Ok(None);
            }
            let lead: Lead = insert_lead!(&mut *tx, l);
            let event = crate::audit::NewAuditEvent {
                subject: format!("lead {}", lead.id),
                programme_id: lead.programme_id,
                ..event.clone()
            };
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(Some(lead))
        })
    }

    /// Whether a form's one-time key has been used.
    pub async fn form_key_used(&self, form_key: &str) -> Result<bool> {
        let found: Option<String> = with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT form_key FROM form_keys WHERE form_key = $1")
                .bind(form_key)
                .fetch_optional(pool)
                .await?
        });
        Ok(found.is_some())
    }

    /// A programme's leads (`None`: those that chose no programme), newest first.
    pub async fn leads_of(&self, programme: Option<i64>) -> Result<Vec<Lead>> {
        let sql = format!(
            "SELECT {LEAD_COLUMNS}{LEAD_PROGRESS} FROM leads WHERE ($1 IS NULL AND programme_id IS NULL) OR programme_id = $1 \
             ORDER BY created_at DESC, id DESC"
        );
        let rows: Vec<Lead> = with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(programme)
            .fetch_all(pool)
            .await?);
        let today = ymarfer_domain::uktime::today();
        Ok(rows.into_iter().map(|l| l.follow(today)).collect())
    }

    /// One page of a programme's leads (or, for none, of those that chose no
    /// programme), in id order (`order`), sought from `leads_programme_id`.
    pub async fn leads_page(
        &self,
        programme: Option<i64>,
        seek: crate::seek::Seek,
        order: crate::seek::Order,
        limit: i64,
    ) -> Result<crate::seek::Paged<Lead>> {
        let (cond, by, key) = seek.sql("id", 2, order);
        // Each form names only what it filters on, so each has one plan.
        let which = match programme {
            Some(_) => "programme_id = $1",
            None => "programme_id IS NULL AND $1 IS NULL",
        };
        let sql = format!(
            "SELECT {LEAD_COLUMNS}{LEAD_PROGRESS} FROM leads WHERE {which} AND {cond} ORDER BY {by} LIMIT $3"
        );
        let rows: Vec<Lead> = with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(programme)
            .bind(key)
            .bind(limit + 1)
            .fetch_all(pool)
            .await?);
        let today = ymarfer_domain::uktime::today();
        let rows = rows.into_iter().map(|l| l.follow(today)).collect();
        Ok(seek.page(rows, limit, |l: &Lead| l.id))
    }

    /// How many leads a programme has (or, for none, how many chose no
    /// programme), counted in `leads_programme_id`.
    pub async fn leads_count(&self, programme: Option<i64>) -> Result<i64> {
        let sql = match programme {
            Some(_) => "SELECT COUNT(*) FROM leads WHERE programme_id = $1",
            None => "SELECT COUNT(*) FROM leads WHERE programme_id IS NULL AND $1 IS NULL",
        };
        Ok(with_pool!(self, |pool| sqlx::query_scalar(sql)
            .bind(programme)
            .fetch_one(pool)
            .await?))
    }

    /// The latest lead a check led to, if any.
    pub async fn latest_lead_of_check(&self, check: i64) -> Result<Option<Lead>> {
        let sql = format!(
            "SELECT {LEAD_COLUMNS}{LEAD_PROGRESS} FROM leads WHERE health_check_id = $1 ORDER BY id DESC LIMIT 1"
        );
        let lead: Option<Lead> = with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(check)
            .fetch_optional(pool)
            .await?);
        Ok(lead.map(|l| l.follow(ymarfer_domain::uktime::today())))
    }

    pub async fn lead_by_id(&self, id: i64) -> Result<Option<Lead>> {
        let sql = format!("SELECT {LEAD_COLUMNS}{LEAD_PROGRESS} FROM leads WHERE id = $1");
        let lead: Option<Lead> = with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?);
        Ok(lead.map(|l| l.follow(ymarfer_domain::uktime::today())))
    }

    /// Gives a lead that chose no programme to `programme`; the lead as it now
    /// is, or `None` when it has a programme already (or is gone).
    /// The audit event `event` is recorded in the same transaction, only when
    /// the lead was given.
    pub async fn assign_lead(
        &self,
        id: i64,
        programme: i64,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<Option<Lead>> {
        let sql = format!(
            "UPDATE leads SET programme_id = $2 WHERE id = $1 AND programme_id IS NULL RETURNING {LEAD_COLUMNS}"
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let lead: Option<Lead> = sqlx::query_as(&sql)
                .bind(id)
                .bind(programme)
                .fetch_optional(&mut *tx)
                .await?;
            if lead.is_some() {
                crate::audit::record_in!(tx, event);
            }
            tx.commit().await?;
            Ok(lead)
        })
    }

    /// Sets a lead's status and notes with `event` in the same transaction;
    /// a lead with that status and those notes already is left as it is
    /// (`false`, nothing recorded).
    pub async fn update_lead_recorded(
        &self,
        id: i64,
        status: LeadStatus,
        notes: &str,
        event: &crate::audit::NewAuditEvent,
    ) -> Result<bool> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE leads SET status = $1, notes = $2 WHERE id = $3 AND (status <> $1 OR notes <> $2)",
            )
            .bind(status.as_str())
            .bind(notes)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(false);
            }
            crate::audit::record_in!(tx, event);
            tx.commit().await?;
            Ok(true)
        })
    }

    pub async fn update_lead(&self, id: i64, status: LeadStatus, notes: &str) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE leads SET status = $1, notes = $2 WHERE id = $3")
                .bind(status.as_str())
                .bind(notes)
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Records that a lead was invited: the organisation and person it became.
    pub async fn lead_invited(
        &self,
        id: i64,
        cohort: i64,
        organisation: i64,
        user: i64,
    ) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE leads SET status = 'invited', cohort_id = $1, organisation_id = $2, user_id = $3 WHERE id = $4",
            )
            .bind(cohort)
            .bind(organisation)
            .bind(user)
            .bind(id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Every check begun in the period, each with how far this programme's lead
    /// from it got: enrolled (joined, and active in one of the programme's cohorts),
    /// finished (its cohort has ended) and sustained (a follow-up answered with
    /// the change still in use, or new projects). One query.
    pub async fn funnel(
        &self,
        programme: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Vec<FunnelRow>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT source, sector, employee_band, principal_area, new_goods_or_services, new_business_process, \
                 ongoing_or_abandoned, innovation_spending, completed, lead_status, enrolled, finished, sustained, \
                 COUNT(*) AS n FROM (\
                 SELECT h.source, h.sector, h.employee_band, h.principal_area, h.new_goods_or_services, \
                 h.new_business_process, h.ongoing_or_abandoned, h.innovation_spending, \
                 (h.completed_at IS NOT NULL) AS completed, l.status AS lead_status, \
                 EXISTS (SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
                         JOIN users u ON u.id = e.user_id \
                         WHERE e.user_id = l.user_id AND c.programme_id = $1 AND e.status = 'active' \
                         AND u.joined_at IS NOT NULL) AS enrolled, \
                 EXISTS (SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
                         JOIN users u ON u.id = e.user_id \
                         WHERE e.user_id = l.user_id AND c.programme_id = $1 AND e.status = 'active' \
                         AND u.joined_at IS NOT NULL AND c.ends_on < $4) AS finished, \
                 EXISTS (SELECT 1 FROM followups f JOIN cohorts c ON c.id = f.cohort_id \
                         WHERE f.organisation_id = l.organisation_id AND c.programme_id = $1 \
                         AND f.completed_at IS NOT NULL AND (f.still_in_use OR f.new_projects > 0)) AS sustained \
                 FROM health_checks h LEFT JOIN leads l ON l.health_check_id = h.id AND l.programme_id = $1 \
                 WHERE h.created_at >= $2 AND h.created_at < $3) x \
                 GROUP BY source, sector, employee_band, principal_area, new_goods_or_services, new_business_process, \
                 ongoing_or_abandoned, innovation_spending, completed, lead_status, enrolled, finished, sustained \
                 ORDER BY n DESC, source",
            )
            .bind(programme)
            .bind(from)
            .bind(to)
            .bind(today)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Backdates every check, as if `by` had passed (for tests of keeping).
    pub async fn age_checks(&self, by: chrono::Duration) -> Result<()> {
        let rows: Vec<(i64, DateTime<Utc>)> = with_pool!(self, |pool| {
            sqlx::query_as("SELECT id, created_at FROM health_checks")
                .fetch_all(pool)
                .await?
        });
        for (id, at) in rows {
            with_pool!(self, |pool| {
                sqlx::query("UPDATE health_checks SET created_at = $1 WHERE id = $2")
                    .bind(at - by)
                    .bind(id)
                    .execute(pool)
                    .await?;
            });
        }
        Ok(())
    }

    /// Leads that agreed to be asked again and are due: (lead, months), for 6
    /// and then 12 months after they first took the check.
    pub async fn due_rechecks(&self, today: NaiveDate) -> Result<Vec<(Lead, u32)>> {
        let mut due = Vec::new();
        for months in [6u32, 12] {
            let Some(cutoff) = today.checked_sub_months(chrono::Months::new(months)) else {
                continue;
            };
            let cutoff = cutoff.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc();
            let column = if months == 6 {
                "rechecked_6_at"
            } else {
                "rechecked_12_at"
            };
            let sql = format!(
                "SELECT {LEAD_COLUMNS} FROM leads WHERE recheck AND {column} IS NULL AND created_at <= $1 ORDER BY id"
            );
            let leads: Vec<Lead> = with_pool!(self, |pool| sqlx::query_as(&sql)
                .bind(cutoff)
                .fetch_all(pool)
                .await?);
            due.extend(leads.into_iter().map(|l| (l, months)));
        }
        Ok(due)
    }

    /// Records that the lead was asked again at `months`, with the new link's hash.
    pub async fn recheck_sent(&self, lead: i64, months: u32, token_hash: &str) -> Result<()> {
        let column = if months == 6 {
            "rechecked_6_at"
        } else {
            "rechecked_12_at"
        };
        let sql = format!("UPDATE leads SET {column} = $1, recheck_token_hash = $2 WHERE id = $3");
        with_pool!(self, |pool| {
            sqlx::query(&sql)
                .bind(Utc::now())
                .bind(token_hash)
                .bind(lead)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The lead an invitation to take the check again was sent to.
    pub async fn lead_by_recheck_token(&self, token: &str) -> Result<Option<Lead>> {
        let sql = format!("SELECT {LEAD_COLUMNS} FROM leads WHERE recheck_token_hash = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(hash_secret(token))
            .fetch_optional(pool)
            .await?))
    }

    /// What an invitation to take the check again stands for: its lead, the
    /// check the lead came from and the months (12 once the 12-month
    /// invitation went, else 6). Used once: `None` when a check taken from
    /// this invitation was completed already (or the link is unknown).
    pub async fn recheck_invitation(&self, token: &str) -> Result<Option<Recheck>> {
        let row: Option<(i64, Option<i64>, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(
            "SELECT id, health_check_id, months FROM (SELECT id, health_check_id, \
             CAST(CASE WHEN rechecked_12_at IS NOT NULL THEN 12 ELSE 6 END AS BIGINT) AS months \
             FROM leads WHERE recheck_token_hash = $1) l WHERE NOT EXISTS (SELECT 1 FROM health_checks h \
             WHERE h.lead_id = l.id AND h.recheck_months = l.months AND h.completed_at IS NOT NULL)"
        )
        .bind(hash_secret(token))
        .fetch_optional(pool)
        .await?
        });
        Ok(row.map(|(lead, follows, months)| Recheck {
            lead,
            follows,
            months: if months == 12 { 12 } else { 6 },
        }))
    }

    /// Every completed check taken again at an invitation, paired with the
    /// completed check it follows, leaving out any taken once the firm was
    /// enrolled in a cohort (a lead from the first check whose organisation
    /// or person has an enrolment made before the check again was
    /// completed). By first check, then months, then completion. One query.
    pub async fn recheck_pairs(&self) -> Result<Vec<RecheckPair>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
            "SELECT x.id AS first_check, y.recheck_months AS months, \
             x.new_goods_or_services AS before_1, x.new_business_process AS before_2, \
             x.ongoing_or_abandoned AS before_3, x.innovation_spending AS before_4, \
             y.new_goods_or_services AS after_1, y.new_business_process AS after_2, \
             y.ongoing_or_abandoned AS after_3, y.innovation_spending AS after_4 \
             FROM health_checks y JOIN health_checks x ON x.id = y.follows_check_id \
             WHERE y.completed_at IS NOT NULL AND x.completed_at IS NOT NULL AND y.recheck_months IS NOT NULL \
             AND NOT EXISTS (SELECT 1 FROM leads l JOIN enrolments e \
               ON e.organisation_id = l.organisation_id OR e.user_id = l.user_id \
               WHERE l.health_check_id = x.id AND e.created_at <= y.completed_at) \
             ORDER BY x.id, y.recheck_months, y.completed_at, y.id"
        )
        .fetch_all(pool)
        .await?
        }))
    }

    /// A lead's checks, first to last: the one it came from, and those taken again.
    pub async fn checks_of_lead(&self, lead: &Lead) -> Result<Vec<HealthCheck>> {
        let sql = format!(
            "SELECT {CHECK_COLUMNS} FROM health_checks WHERE (id = $1 OR lead_id = $2) \
             AND completed_at IS NOT NULL ORDER BY created_at, id"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(lead.health_check_id)
            .bind(lead.id)
            .fetch_all(pool)
            .await?))
    }

    /// The SME counts by area, with their source, as last entered.
    pub async fn sme_counts(&self) -> Result<Vec<(String, i64, String)>> {
        Ok(with_pool!(self, |pool| sqlx::query_as(
            "SELECT area, smes, source FROM sme_counts ORDER BY area"
        )
        .fetch_all(pool)
        .await?))
    }

    /// Replaces every SME count at once, in one transaction.
    pub async fn replace_sme_counts(
        &self,
        counts: &[(String, i64)],
        source: &str,
        by: Option<i64>,
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM sme_counts")
                .execute(&mut *tx)
                .await?;
            for (area, n) in counts {
                sqlx::query(
                    "INSERT INTO sme_counts (area, smes, source, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(area)
                .bind(n)
                .bind(source)
                .bind(by)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The leads a person left, by their email or their account.
    pub async fn leads_of_person(&self, user: i64, email: &str) -> Result<Vec<Lead>> {
        let sql = format!(
            "SELECT {LEAD_COLUMNS} FROM leads WHERE user_id = $1 OR lower(email) = lower($2) ORDER BY id"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(user)
            .bind(email)
            .fetch_all(pool)
            .await?))
    }
}
