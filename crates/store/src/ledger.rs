//! The benefit ledger: lines, each with its full history of versions.

use crate::audit::NewAuditEvent;
use crate::db::Result;
use crate::{Db, with_pool};
use chrono::{DateTime, NaiveDate, Utc};
use ymarfer_domain::Pence;
use ymarfer_domain::impact::{
    CaptureFactor, Category, EnvironmentalQuantities, Frequency, GhgFactors, Hours, LineValue,
    Quantity, SavingsType, Status, WasteLevel, cohort_shares, resolve_rate,
};
use ymarfer_domain::ledger::{Line, LineKey, status_of_new_version};
use ymarfer_domain::space::NoticeKind;

/// One version of a benefit line, as stored. Quantities are thousandths.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BenefitVersion {
    pub id: i64,
    pub line_id: i64,
    pub version: i64,
    pub description: String,
    #[sqlx(try_from = "String")]
    pub category: Category,
    #[sqlx(try_from = "String")]
    pub savings_type: SavingsType,
    #[sqlx(try_from = "String")]
    pub frequency: Frequency,
    pub starts_on: NaiveDate,
    #[sqlx(try_from = "String")]
    pub status: Status,
    pub amount_pence: Option<i64>,
    pub hours_hundredths: Option<i64>,
    pub hourly_rate_pence: Option<i64>,
    pub energy_kwh_milli: i64,
    pub waste_kg_milli: i64,
    pub waste_level: Option<String>,
    pub fuel_litres_milli: i64,
    pub factor_year: Option<i64>,
    pub verified_by: Option<i64>,
    pub verified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Who made this version (a claim, an edit, a review), while their account is kept.
    #[sqlx(default)]
    pub created_by: Option<i64>,
    /// The hourly rate (pence) that valued the hours when verified.
    pub valued_rate_pence: Option<i64>,
    /// The programme's capture factor (thousandths) when verified.
    pub capture_thousandths: Option<i64>,
    /// What the verifier wrote: why they are satisfied.
    pub verify_note: Option<String>,
    /// Why this version was made, when a person said (a line returned to claimed).
    pub change_note: Option<String>,
    /// Who verified it, by name (in listings that look it up).
    #[sqlx(default)]
    pub verifier_name: Option<String>,
    /// Its first-year value (pence) as the store keeps it: see `revalue!`.
    #[sqlx(default)]
    pub first_year_pence: Option<i64>,
    /// Its first-year CO2e (grams) as the store keeps it.
    #[sqlx(default)]
    pub co2e_grams: Option<i64>,
}

impl BenefitVersion {
    /// Whether the version says what `b` says: the same claim, sent again.
    pub fn says(&self, b: &BenefitInput) -> bool {
        self.description == b.description.trim()
            && self.category == b.category
            && self.savings_type == b.savings_type
            && self.frequency == b.frequency
            && self.starts_on == b.starts_on
            && self.status == b.status
            && self.amount_pence == b.amount_pence
            && self.hours_hundredths == b.hours_hundredths
            && self.hourly_rate_pence == b.hourly_rate_pence
            && self.energy_kwh_milli == b.energy_kwh_milli
            && self.waste_kg_milli == b.waste_kg_milli
            && self.waste_level == b.waste_level
            && self.fuel_litres_milli == b.fuel_litres_milli
            && self.factor_year == b.factor_year
    }

    /// The version as a line the impact method can value, with its
    /// organisation's hourly rate; `None` when it has neither an amount nor hours.
    pub fn line(&self, organisation_rate: Option<i64>) -> Option<Line> {
        let value = match (self.amount_pence, self.hours_hundredths) {
            (Some(p), _) => LineValue::Amount(Pence(p)),
            (None, Some(h)) => LineValue::Hours {
                hours: Hours(h),
                line_rate: self.hourly_rate_pence.map(Pence),
            },
            (None, None) => return None,
        };
        Some(Line {
            status: self.status,
            category: self.category,
            frequency: self.frequency,
            value,
            organisation_rate: organisation_rate.map(Pence),
            recorded: self
                .valued_rate_pence
                .zip(self.capture_thousandths)
                .map(|(rate, capture)| (Pence(rate), capture_factor(capture))),
            environment: EnvironmentalQuantities {
                energy_kwh: Quantity(self.energy_kwh_milli),
                waste_kg: Quantity(self.waste_kg_milli),
                waste_level: self.waste_level.as_deref().and_then(WasteLevel::parse),
                fuel_litres: Quantity(self.fuel_litres_milli),
            },
        })
    }
}

/// A capture factor as stored (thousandths); 1.0 if it is out of range.
pub fn capture_factor(thousandths: i64) -> CaptureFactor {
    CaptureFactor(u32::try_from(thousandths).unwrap_or(1000))
}

/// A version with the rates that value it, read to store its value.
#[derive(sqlx::FromRow)]
pub(crate) struct Valuing {
    organisation_rate: Option<i64>,
    programme_rate: i64,
    programme_capture: i64,
    #[sqlx(flatten)]
    pub(crate) v: BenefitVersion,
}

impl Valuing {
    /// First-year value (pence) and first-year CO2e (grams), by the impact method:
    /// exactly what [`Line::first_year_value`] and the shipped factors give.
    pub(crate) fn values(&self, factors: &GhgFactors) -> (i64, i64) {
        match self.v.line(self.organisation_rate) {
            Some(line) => (
                line.first_year_value(
                    Pence(self.programme_rate),
                    capture_factor(self.programme_capture),
                )
                .0,
                factors.first_year_co2e_grams(&line.environment, line.frequency),
            ),
            None => (0, 0),
        }
    }
}

/// The shipped conversion factors, or why they cannot be read.
pub(crate) fn factors() -> Result<&'static GhgFactors> {
    GhgFactors::shipped().map_err(|e| crate::StoreError::Invalid(e.to_string()))
}

/// Selects versions with the rates that value them; a `WHERE` clause follows.
pub(crate) const VALUING_SELECT: &str = "SELECT o.hourly_rate_pence AS organisation_rate, \
     g.default_hourly_rate_pence AS programme_rate, g.capture_factor_thousandths AS programme_capture, \
     v.id, v.line_id, v.version, v.description, v.category, v.savings_type, v.frequency, v.starts_on, \
     v.status, v.amount_pence, v.hours_hundredths, v.hourly_rate_pence, v.energy_kwh_milli, v.waste_kg_milli, \
     v.waste_level, v.fuel_litres_milli, v.factor_year, v.verified_by, v.verified_at, v.created_at, \
     v.valued_rate_pence, v.capture_thousandths, v.verify_note, v.change_note, \
     v.first_year_pence, v.co2e_grams \
     FROM benefit_versions v JOIN benefit_lines l ON l.id = v.line_id JOIN projects p ON p.id = l.project_id \
     JOIN organisations o ON o.id = p.organisation_id JOIN cohorts c ON c.id = p.cohort_id \
     JOIN programmes g ON g.id = c.programme_id";

/// Stores the value of each version `$where` picks (one bound `$1`), inside
/// the open transaction `$tx`, and refreshes the figures of the lines whose
/// versions changed. Every write that could change what a version is worth
/// calls it before its transaction commits, so the stored values are always
/// the impact method's.
macro_rules! revalue {
    ($tx:ident, $where:expr, $key:expr) => {{
        let sql = format!("{} WHERE {}", $crate::ledger::VALUING_SELECT, $where);
        let rows: Vec<$crate::ledger::Valuing> =
            sqlx::query_as(&sql).bind($key).fetch_all(&mut *$tx).await?;
        let factors = $crate::ledger::factors()?;
        let mut changed = std::collections::BTreeSet::new();
        for row in &rows {
            let (value, co2e) = row.values(factors);
            if (row.v.first_year_pence, row.v.co2e_grams) == (Some(value), Some(co2e)) {
                continue;
            }
            sqlx::query(
                "UPDATE benefit_versions SET first_year_pence = $1, co2e_grams = $2 WHERE id = $3",
            )
            .bind(value)
            .bind(co2e)
            .bind(row.v.id)
            .execute(&mut *$tx)
            .await?;
            changed.insert(row.v.line_id);
        }
        for line in changed {
            $crate::ledger::refresh_line!($tx, line);
        }
    }};
}
pub(crate) use revalue;

/// Copies line `$line`'s current version's status, category, frequency, start
/// and stored figures onto the line, inside the open transaction `$tx`.
macro_rules! refresh_line {
    ($tx:ident, $line:expr) => {{
        sqlx::query(
            "UPDATE benefit_lines SET status = v.status, category = v.category, frequency = v.frequency, \
             starts_on = v.starts_on, first_year_pence = v.first_year_pence, co2e_grams = v.co2e_grams \
             FROM benefit_versions v WHERE benefit_lines.id = $1 AND v.line_id = $1 \
             AND v.version = (SELECT MAX(w.version) FROM benefit_versions w WHERE w.line_id = $1)",
        )
        .bind($line)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use refresh_line;

/// Stored values are summed in two parts, the billions and the rest, each of
/// which fits in 64 bits over any number of lines a database can hold: SQLite
/// refuses an integer sum past the 64-bit limit and PostgreSQL a bigint cast,
/// so a sum of stored extremes would otherwise fail the page that asks for it.
const SPLIT: i64 = 1_000_000_000;

/// `SUM(column)` as `{alias}_high` and `{alias}_low`; read back with [`joined`].
pub(crate) fn split_sum(column: &str, alias: &str) -> String {
    format!(
        "CAST(COALESCE(SUM({column} / {SPLIT}), 0) AS BIGINT) AS {alias}_high, \
         CAST(COALESCE(SUM({column} % {SPLIT}), 0) AS BIGINT) AS {alias}_low"
    )
}

/// A sum from its two parts, exact, held at the 64-bit limit in the case
/// (unreachable within `ymarfer_domain::bounds`) that it is beyond it.
pub(crate) fn joined(high: i64, low: i64) -> i64 {
    ymarfer_domain::bounds::total(i128::from(high) * i128::from(SPLIT) + i128::from(low))
}

/// A programme's (`$programme`) claimed first-year total, in pence, read inside
/// the open transaction `$tx`: what a rate or capture-factor change moves,
/// recorded before and after it.
macro_rules! claimed_total {
    ($tx:ident, $programme:expr) => {{
        let sql = format!(
            "SELECT {} {} AND l.status = 'claimed'",
            $crate::ledger::split_sum("l.first_year_pence", "value"),
            $crate::ledger::CURRENT_FROM
        );
        let (high, low): (i64, i64) = sqlx::query_as(&sql)
            .bind($programme)
            .fetch_one(&mut *$tx)
            .await?;
        ymarfer_domain::Pence($crate::ledger::joined(high, low))
    }};
}
pub(crate) use claimed_total;

/// A programme's lines (`$1`), each with its current figures; conditions follow.
pub(crate) const CURRENT_FROM: &str = "FROM benefit_lines l WHERE l.programme_id = $1";

/// Narrows [`CURRENT_FROM`] to one cohort (`$2`) when one is given. The
/// statement names the cohort only then, so that each form has one plan.
fn in_cohort(cohort: Option<i64>) -> &'static str {
    match cohort {
        Some(_) => "AND l.cohort_id = $2",
        None => "AND ($2 IS NULL)",
    }
}

/// What [`Db::verified_by`] sums a programme's verified values by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifiedBy {
    Line,
    Cohort,
    Organisation,
}

/// Totals of a programme's current lines with one status and category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerTotal {
    pub status: Status,
    pub category: Category,
    pub first_year_pence: i64,
    pub co2e_grams: i64,
}

/// A [`LedgerTotal`] as read, its sums in two parts.
#[derive(sqlx::FromRow)]
struct LedgerTotalRow {
    #[sqlx(try_from = "String")]
    status: Status,
    #[sqlx(try_from = "String")]
    category: Category,
    value_high: i64,
    value_low: i64,
    co2e_high: i64,
    co2e_low: i64,
}

/// What claiming a line did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimed {
    New(i64),
    /// The project's ledger holds this line already: nothing changed.
    Exists(i64),
}

/// A benefit line's fields, already validated.
#[derive(Debug, Clone)]
pub struct BenefitInput {
    pub description: String,
    pub category: Category,
    pub savings_type: SavingsType,
    pub frequency: Frequency,
    pub starts_on: NaiveDate,
    pub status: Status,
    pub amount_pence: Option<i64>,
    pub hours_hundredths: Option<i64>,
    pub hourly_rate_pence: Option<i64>,
    pub energy_kwh_milli: i64,
    pub waste_kg_milli: i64,
    pub waste_level: Option<String>,
    pub fuel_litres_milli: i64,
    pub factor_year: Option<i64>,
}

impl Default for BenefitInput {
    /// An empty line: a one-off, soft, "other" forecast of nothing.
    fn default() -> Self {
        BenefitInput {
            description: String::new(),
            category: Category::Other,
            savings_type: SavingsType::Soft,
            frequency: Frequency::OneOff,
            starts_on: NaiveDate::default(),
            status: Status::Forecast,
            amount_pence: None,
            hours_hundredths: None,
            hourly_rate_pence: None,
            energy_kwh_milli: 0,
            waste_kg_milli: 0,
            waste_level: None,
            fuel_litres_milli: 0,
            factor_year: None,
        }
    }
}

/// A version of a line with where it belongs, for a ledger listing.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LedgerEntry {
    pub project_id: i64,
    pub project_title: String,
    /// The language the project's title was written in.
    pub project_lang: String,
    pub organisation_name: String,
    pub organisation_rate: Option<i64>,
    pub verifier_name: Option<String>,
    #[sqlx(flatten)]
    pub v: BenefitVersion,
}

/// A claimed line waiting to be verified (or queried, waiting for the
/// claimant's answer), with where it belongs and who claimed it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Claim {
    pub project_id: i64,
    pub project_title: String,
    /// The language the project's title was written in.
    pub project_lang: String,
    pub cohort_id: i64,
    pub organisation_name: String,
    /// Who made the line's first claimed version of this round (an erased
    /// person is no name).
    pub claimant_name: Option<String>,
    /// When the line was claimed: the version the claim stands on (for a
    /// queried line, the version that was queried).
    pub claimed_at: chrono::DateTime<chrono::Utc>,
    #[sqlx(try_from = "String")]
    pub employee_band: ymarfer_domain::innovation::EmployeeBand,
    pub organisation_rate: Option<i64>,
    #[sqlx(flatten)]
    pub v: BenefitVersion,
}

/// A current line with where it belongs, for totals over many projects.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CurrentLine {
    pub project_id: i64,
    pub cohort_id: i64,
    pub organisation_id: i64,
    pub organisation_rate: Option<i64>,
    #[sqlx(flatten)]
    pub v: BenefitVersion,
}

/// A project's evidence for its claims, from `projects p`: its measure's unit,
/// readings, files and changes tested and decided on.
const EVIDENCE_COLUMNS: &str = "p.aim_unit, \
     (SELECT COUNT(*) FROM readings r WHERE r.project_id = p.id), \
     (SELECT COUNT(*) FROM attachments a WHERE a.project_id = p.id), \
     (SELECT COUNT(*) FROM cycles y WHERE y.project_id = p.id AND y.decision IS NOT NULL)";

pub(crate) const VERSION_COLUMNS: &str = "v.id, v.line_id, v.version, v.description, v.category, v.savings_type, v.frequency, v.starts_on, \
     v.status, v.amount_pence, v.hours_hundredths, v.hourly_rate_pence, v.energy_kwh_milli, v.waste_kg_milli, v.waste_level, \
     v.fuel_litres_milli, v.factor_year, v.verified_by, v.verified_at, v.created_at, v.valued_rate_pence, \
     v.capture_thousandths, v.verify_note, v.change_note, v.first_year_pence, v.co2e_grams, v.created_by";

macro_rules! insert_version {
    ($tx:ident, $line:expr, $version:expr, $b:expr, $status:expr, $by:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO benefit_versions (line_id, version, description, category, savings_type, frequency, starts_on, \
             status, amount_pence, hours_hundredths, hourly_rate_pence, energy_kwh_milli, waste_kg_milli, waste_level, \
             fuel_litres_milli, factor_year, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        )
        .bind($line)
        .bind($version)
        .bind(&$b.description)
        .bind($b.category.as_str())
        .bind($b.savings_type.as_str())
        .bind($b.frequency.as_str())
        .bind($b.starts_on)
        .bind($status)
        .bind($b.amount_pence)
        .bind($b.hours_hundredths)
        .bind($b.hourly_rate_pence)
        .bind($b.energy_kwh_milli)
        .bind($b.waste_kg_milli)
        .bind(&$b.waste_level)
        .bind($b.fuel_litres_milli)
        .bind($b.factor_year)
        .bind($by)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        // The new version has no value yet, so revaluing refreshes its line.
        $crate::ledger::revalue!($tx, "v.line_id = $1", $line);
    };
}
pub(crate) use insert_version;

/// Marks the current version of line `$line` verified by `$by` at `$now`, inside
/// the open transaction `$tx`, recording the rate and capture factor that value
/// it from now on, whatever later happens to the organisation's or programme's.
macro_rules! verify_current {
    ($tx:ident, $line:expr, $by:expr, $now:expr, $note:expr) => {{
        let (version, line_rate, org_rate, programme_rate, capture): (i64, Option<i64>, Option<i64>, i64, i64) =
            sqlx::query_as(
                "SELECT v.version, v.hourly_rate_pence, o.hourly_rate_pence, g.default_hourly_rate_pence, \
                 g.capture_factor_thousandths FROM benefit_versions v JOIN benefit_lines l ON l.id = v.line_id \
                 JOIN projects p ON p.id = l.project_id JOIN organisations o ON o.id = p.organisation_id \
                 JOIN cohorts c ON c.id = p.cohort_id JOIN programmes g ON g.id = c.programme_id \
                 WHERE v.line_id = $1 ORDER BY v.version DESC LIMIT 1",
            )
            .bind($line)
            .fetch_one(&mut *$tx)
            .await?;
        let rate = resolve_rate(line_rate.map(Pence), org_rate.map(Pence), Pence(programme_rate));
        sqlx::query(
            "UPDATE benefit_versions SET status = 'verified', verified_by = $1, verified_at = $2, \
             valued_rate_pence = $3, capture_thousandths = $4, verify_note = $7 WHERE line_id = $5 AND version = $6",
        )
        .bind($by)
        .bind($now)
        .bind(rate.0)
        .bind(capture)
        .bind($line)
        .bind(version)
        .bind($note)
        .execute(&mut *$tx)
        .await?;
        revalue!($tx, "v.line_id = $1", $line);
        // Its status changed even where its value did not.
        refresh_line!($tx, $line);
        fix_cohort_share!($tx, $line);
    }};
}

/// Once a cohort has verified savings its share of the programme's cost is fixed
/// (at the share it has now), so that adding or changing another cohort never
/// rewrites its return on investment; only an explicit edit of the share does.
macro_rules! fix_cohort_share {
    ($tx:ident, $line:expr) => {{
        let (cohort, programme, share, cost): (i64, i64, Option<i64>, i64) = sqlx::query_as(
            "SELECT c.id, c.programme_id, c.cost_share_pence, g.cost_pence FROM benefit_lines l \
             JOIN projects p ON p.id = l.project_id JOIN cohorts c ON c.id = p.cohort_id \
             JOIN programmes g ON g.id = c.programme_id WHERE l.id = $1",
        )
        .bind($line)
        .fetch_one(&mut *$tx)
        .await?;
        if share.is_none() {
            let sql = format!(
                "SELECT id, cost_share_pence FROM cohorts WHERE programme_id = $1 ORDER BY {}",
                crate::sql::COHORT_ORDER
            );
            let cohorts: Vec<(i64, Option<i64>)> = sqlx::query_as(&sql)
                .bind(programme)
                .fetch_all(&mut *$tx)
                .await?;
            let fixed: Vec<Option<Pence>> = cohorts.iter().map(|c| c.1.map(Pence)).collect();
            let shares = cohort_shares(Pence(cost), &fixed);
            if let Some(mine) = cohorts
                .iter()
                .position(|c| c.0 == cohort)
                .and_then(|i| shares.get(i))
            {
                sqlx::query("UPDATE cohorts SET cost_share_pence = $1 WHERE id = $2")
                    .bind(mine.0)
                    .bind(cohort)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
    }};
}

/// A line's natural key as read: project, description, start, category,
/// amount, hours.
type KeyRow = (i64, String, NaiveDate, String, Option<i64>, Option<i64>);

/// A ledger file being imported: into which programme, its SHA-256, and who
/// imported it (the verifier named, if any).
#[derive(Debug, Clone, Copy)]
pub struct LedgerFile<'a> {
    pub programme_id: i64,
    pub sha256: &'a str,
    pub by: Option<i64>,
    /// The import's audit event, recorded in the same transaction.
    pub event: &'a crate::audit::NewAuditEvent,
}

/// An earlier import of the same file.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct EarlierImport {
    pub imported_at: DateTime<Utc>,
    pub lines: i64,
    /// Who imported it, while their account stands; none when no one was named.
    pub by_name: Option<String>,
    pub by_email: Option<String>,
}

/// What became of a ledger file.
#[derive(Debug, Clone)]
pub enum LedgerImport {
    /// Its lines, added.
    Imported(Vec<i64>),
    /// The same file was imported before; nothing changed.
    AlreadyImported(EarlierImport),
}

/// What became of a request to verify a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    Verified,
    /// It was verified already; nothing changed.
    AlreadyVerified,
    /// A newer version than the one the verifier saw exists; nothing changed.
    Changed {
        current: i64,
    },
}

/// What became of a request to return a verified line to claimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reopening {
    /// Returned to claimed, as a new version.
    Reopened,
    /// A newer version than the one the person saw exists; nothing changed.
    Changed { current: i64 },
    /// It was not verified, so there was nothing to return to claimed.
    NotVerified,
}

/// What a reviewer (or, answering a question, the claimant) does to a line's
/// current version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    /// Verified: the saving is counted.
    Verify,
    /// A question to the claimant, who answers on the claim.
    Query,
    /// The claimant's answer to a question: the line is claimed again.
    Answer,
    /// Sent back to the claimant to rework and claim again.
    Return,
    /// Rejected: the line is closed.
    Reject,
    /// A verified line back to claimed.
    Reopen,
}

impl Review {
    /// The status the line has once reviewed.
    pub fn result(self) -> Status {
        match self {
            Review::Verify => Status::Verified,
            Review::Query => Status::Queried,
            Review::Answer | Review::Reopen => Status::Claimed,
            Review::Return => Status::Returned,
            Review::Reject => Status::Rejected,
        }
    }

    /// Whether the review adds a version (verifying marks the current one).
    pub fn adds_version(self) -> bool {
        self != Review::Verify
    }

    /// Whether a line at `status` can be reviewed so: a forecast or claim is
    /// verified, queried, returned or rejected; a queried one is answered (or
    /// returned or rejected, if the reviewer decides without waiting); only a
    /// verified line is reopened.
    pub fn applies_to(self, status: Status) -> bool {
        match self {
            Review::Verify | Review::Query => {
                matches!(status, Status::Forecast | Status::Claimed)
            }
            Review::Return | Review::Reject => {
                matches!(status, Status::Forecast | Status::Claimed | Status::Queried)
            }
            Review::Answer => status == Status::Queried,
            Review::Reopen => status == Status::Verified,
        }
    }

    /// What the person who made the reviewed version is told: the claimant of
    /// a review, or the reviewer who asked, of an answer.
    pub fn notice(self) -> Option<NoticeKind> {
        match self {
            Review::Verify => Some(NoticeKind::ClaimVerified),
            Review::Query => Some(NoticeKind::ClaimQueried),
            Review::Answer => Some(NoticeKind::ClaimAnswered),
            Review::Return => Some(NoticeKind::ClaimReturned),
            Review::Reject => Some(NoticeKind::ClaimRejected),
            Review::Reopen => None,
        }
    }
}

/// What became of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reviewed {
    /// Done, as one new state of the line.
    Done,
    /// The same review was done already (the form was sent twice); nothing changed.
    AlreadyDone,
    /// A newer version than the one the reviewer saw exists; nothing changed.
    Changed { current: i64 },
    /// The line's status does not allow this review (a rejected line, a
    /// returned one awaiting rework, a question to answer on a line not
    /// queried, reopening one not verified); nothing changed.
    NotOpen { status: Status },
}

impl Db {
    /// Values the versions of every line whose figures are not stored yet
    /// (those written before values were stored), a thousand lines at a time.
    pub async fn value_unvalued_versions(&self) -> Result<()> {
        loop {
            let done = with_pool!(self, |pool| {
                let mut tx = pool.begin().await?;
                let batch: Vec<i64> = sqlx::query_scalar(
                    "SELECT id FROM benefit_lines WHERE first_year_pence IS NULL ORDER BY id LIMIT 1000",
                )
                .fetch_all(&mut *tx)
                .await?;
                if let (Some(first), Some(last)) = (batch.first(), batch.last()) {
                    let range =
                        format!("l.first_year_pence IS NULL AND l.id BETWEEN {first} AND $1");
                    revalue!(tx, range, *last);
                    for line in &batch {
                        refresh_line!(tx, *line);
                    }
                }
                tx.commit().await?;
                batch.is_empty()
            });
            if done {
                return Ok(());
            }
        }
    }

    /// Clears every stored value, as before values were stored (for tests of
    /// upgrading).
    pub async fn forget_values(&self) -> Result<()> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE benefit_versions SET first_year_pence = NULL, co2e_grams = NULL")
                .execute(pool)
                .await?;
            sqlx::query("UPDATE benefit_lines SET first_year_pence = NULL, co2e_grams = NULL, status = NULL")
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Adds benefit lines to projects, all in one transaction: (project, line).
    /// A new line is at most claimed, unless `keep_verified` (an import of a
    /// programme's own verified record, naming its verifier `by`) keeps a
    /// verified status, recorded as verified by `by` now; see
    /// `ledger::status_of_new_version`.
    pub async fn add_benefit_lines(
        &self,
        lines: &[(i64, BenefitInput)],
        by: Option<i64>,
        keep_verified: bool,
    ) -> Result<Vec<i64>> {
        match self.add_lines(lines, by, keep_verified, None).await? {
            LedgerImport::Imported(ids) => Ok(ids),
            LedgerImport::AlreadyImported(_) => Ok(Vec::new()),
        }
    }

    /// Imports the lines of a ledger file into its programme, recording the
    /// file by its SHA-256 in the same transaction, unless that file was
    /// imported into the programme before: then nothing changes and the earlier
    /// import is returned.
    pub async fn import_benefit_lines(
        &self,
        file: &LedgerFile<'_>,
        lines: &[(i64, BenefitInput)],
        keep_verified: bool,
    ) -> Result<LedgerImport> {
        match self
            .add_lines(lines, file.by, keep_verified, Some(file))
            .await?
        {
            LedgerImport::AlreadyImported(_) => Ok(LedgerImport::AlreadyImported(
                self.earlier_import(file.programme_id, file.sha256)
                    .await?
                    .ok_or(crate::StoreError::Sqlx(sqlx::Error::RowNotFound))?,
            )),
            done => Ok(done),
        }
    }

    /// When, by whom and with how many lines a file was imported into a programme.
    pub async fn earlier_import(
        &self,
        programme_id: i64,
        sha256: &str,
    ) -> Result<Option<EarlierImport>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT i.imported_at, i.lines, u.display_name AS by_name, u.email AS by_email \
                 FROM ledger_imports i LEFT JOIN users u ON u.id = i.imported_by AND u.erased_at IS NULL \
                 WHERE i.programme_id = $1 AND i.sha256 = $2",
            )
            .bind(programme_id)
            .bind(sha256)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// The natural key of every current line of a programme's projects.
    pub async fn programme_line_keys(&self, programme_id: i64) -> Result<Vec<LineKey>> {
        let rows: Vec<KeyRow> = with_pool!(self, |pool| {
            sqlx::query_as(
                    "SELECT l.project_id, v.description, v.starts_on, v.category, v.amount_pence, v.hours_hundredths \
                     FROM benefit_lines l JOIN benefit_versions v ON v.line_id = l.id \
                     JOIN projects p ON p.id = l.project_id JOIN cohorts c ON c.id = p.cohort_id \
                     WHERE c.programme_id = $1 \
                     AND v.version = (SELECT MAX(w.version) FROM benefit_versions w WHERE w.line_id = l.id)",
                )
                .bind(programme_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(
                |(project, description, starts_on, category, amount, hours)| {
                    Some(LineKey::new(
                        project,
                        &description,
                        starts_on,
                        Category::parse(&category)?,
                        amount,
                        hours,
                    ))
                },
            )
            .collect())
    }

    /// Adds lines in one transaction; with a file, records it first, and adds
    /// nothing when it is recorded already.
    async fn add_lines(
        &self,
        lines: &[(i64, BenefitInput)],
        by: Option<i64>,
        keep_verified: bool,
        file: Option<&LedgerFile<'_>>,
    ) -> Result<LedgerImport> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            if let Some(f) = file {
                let recorded: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO ledger_imports (programme_id, sha256, lines, imported_by, imported_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (programme_id, sha256) DO NOTHING RETURNING id",
                )
                .bind(f.programme_id)
                .bind(f.sha256)
                .bind(i64::try_from(lines.len()).unwrap_or(i64::MAX))
                .bind(f.by)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                if recorded.is_none() {
                    return Ok(LedgerImport::AlreadyImported(EarlierImport::default()));
                }
            }
            let mut ids = Vec::new();
            for (project, b) in lines {
                let line: i64 = sqlx::query_scalar(
                    "INSERT INTO benefit_lines (project_id, created_at, programme_id, cohort_id, organisation_id) \
                     SELECT p.id, $2, c.programme_id, p.cohort_id, p.organisation_id FROM projects p \
                     JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = $1 RETURNING id",
                )
                    .bind(project)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?;
                let status = status_of_new_version(b.status, None, keep_verified && by.is_some());
                // A verified line is stored claimed, then verified as one act.
                let stored = match status {
                    Status::Verified => Status::Claimed,
                    other => other,
                };
                insert_version!(tx, line, 1_i64, b, stored.as_str(), by, now);
                if status == Status::Verified {
                    verify_current!(tx, line, by, now, Some("Verified before import"));
                }
                ids.push(line);
            }
            if let Some(f) = file {
                crate::audit::record_in!(tx, f.event);
            }
            tx.commit().await?;
            Ok(LedgerImport::Imported(ids))
        })
    }

    /// Adds a line to a project as a person claims or forecasts it (at most
    /// claimed), with its audit event (named after the line), in one
    /// transaction; or, when the project's ledger holds a line with the same
    /// natural key already, answers with that line and changes nothing.
    pub async fn claim_benefit_line(
        &self,
        project: i64,
        b: &BenefitInput,
        by: Option<i64>,
        event: &NewAuditEvent,
    ) -> Result<Claimed> {
        let now = Utc::now();
        let key = LineKey::new(
            project,
            &b.description,
            b.starts_on,
            b.category,
            b.amount_pence,
            b.hours_hundredths,
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            crate::sql::one_at_a_time!(tx, "projects", "title", project);
            // Each current line's key, led by the line's id.
            let current: Vec<KeyRow> = sqlx::query_as(
                "SELECT l.id, v.description, v.starts_on, v.category, v.amount_pence, v.hours_hundredths \
                 FROM benefit_lines l JOIN benefit_versions v ON v.line_id = l.id \
                 WHERE l.project_id = $1 \
                 AND v.version = (SELECT MAX(w.version) FROM benefit_versions w WHERE w.line_id = l.id)",
            )
            .bind(project)
            .fetch_all(&mut *tx)
            .await?;
            let same = current.into_iter().find(|(_, d, on, c, a, h)| {
                Category::parse(c).is_some_and(|c| LineKey::new(project, d, *on, c, *a, *h) == key)
            });
            if let Some((line, ..)) = same {
                return Ok(Claimed::Exists(line));
            }
            let line: i64 = sqlx::query_scalar(
                "INSERT INTO benefit_lines (project_id, created_at, programme_id, cohort_id, organisation_id) \
                 SELECT p.id, $2, c.programme_id, p.cohort_id, p.organisation_id FROM projects p \
                 JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = $1 RETURNING id",
            )
            .bind(project)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let status = status_of_new_version(b.status, None, false);
            insert_version!(tx, line, 1_i64, b, status.as_str(), by, now);
            let event = NewAuditEvent {
                subject: format!("line {line} version 1, project {project}"),
                ..event.clone()
            };
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(Claimed::New(line))
        })
    }

    /// Changes a line as a person edits it, adding a version with its audit
    /// event, in one transaction; the same line as it stands changes and
    /// records nothing (false). See [`Db::change_benefit_line`].
    pub async fn edit_benefit_line(
        &self,
        line: i64,
        b: &BenefitInput,
        by: Option<i64>,
        event: &NewAuditEvent,
    ) -> Result<bool> {
        let now = Utc::now();
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM benefit_versions v WHERE v.line_id = $1 ORDER BY v.version DESC LIMIT 1"
        );
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let current: BenefitVersion =
                sqlx::query_as(&sql).bind(line).fetch_one(&mut *tx).await?;
            let new_status = status_of_new_version(b.status, Some(current.status), false);
            if current.says(b) && new_status == current.status {
                return Ok(false);
            }
            let version = current.version + 1;
            insert_version!(tx, line, version, b, new_status.as_str(), by, now);
            let event = NewAuditEvent {
                subject: format!("line {line} version {version}"),
                ..event.clone()
            };
            crate::audit::record_in!(tx, &event);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Changes a line by adding a version. Changing a verified line returns it to
    /// claimed; the earlier versions stay as they were.
    pub async fn change_benefit_line(
        &self,
        line: i64,
        b: &BenefitInput,
        by: Option<i64>,
    ) -> Result<()> {
        let now = Utc::now();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let (version, status): (i64, String) = sqlx::query_as(
                "SELECT version, status FROM benefit_versions WHERE line_id = $1 ORDER BY version DESC LIMIT 1",
            )
            .bind(line)
            .fetch_one(&mut *tx)
            .await?;
            let new_status = status_of_new_version(b.status, Status::parse(&status), false);
            insert_version!(tx, line, version + 1, b, new_status.as_str(), by, now);
            tx.commit().await?;
            Ok::<(), crate::StoreError>(())
        })?;
        Ok(())
    }

    /// Verifies a line's current version, recording who and when, if it is still
    /// the version the verifier saw (with no record in the audit trail: see
    /// [`Db::review_benefit_line`]).
    pub async fn verify_benefit_line(
        &self,
        line: i64,
        by: i64,
        seen_version: i64,
        note: &str,
    ) -> Result<Verification> {
        let outcome = self
            .review_benefit_line(
                line,
                by,
                seen_version,
                Review::Verify,
                note,
                &NewAuditEvent::default(),
            )
            .await?;
        Ok(match outcome {
            Reviewed::Done => Verification::Verified,
            Reviewed::AlreadyDone | Reviewed::NotOpen { .. } => Verification::AlreadyVerified,
            Reviewed::Changed { current } => Verification::Changed { current },
        })
    }

    /// Returns a verified line to claimed, with the reason, as a new version (the
    /// verified one is kept), if the verifier saw its latest version.
    pub async fn reopen_benefit_line(
        &self,
        line: i64,
        by: i64,
        seen_version: i64,
        reason: &str,
    ) -> Result<Reopening> {
        let outcome = self
            .review_benefit_line(
                line,
                by,
                seen_version,
                Review::Reopen,
                reason,
                &NewAuditEvent::default(),
            )
            .await?;
        Ok(match outcome {
            Reviewed::Done | Reviewed::AlreadyDone => Reopening::Reopened,
            Reviewed::NotOpen { .. } => Reopening::NotVerified,
            Reviewed::Changed { current } => Reopening::Changed { current },
        })
    }

    /// Reviews a line as one act, if `seen_version` is still its current
    /// version: verifies it, asks the claimant a question, records their
    /// answer, returns it to the claimant for rework, rejects it, or reopens a
    /// verified line (back to claimed). All but verifying add a version
    /// (status, who, when and why, the question or answer as its note);
    /// verifying marks the current one. The person who made the reviewed
    /// version hears of it in the app (see [`Review::notice`]). `audit` (when it names an action) is recorded in the same
    /// transaction. The same review sent again by the same person finds it done
    /// and changes nothing.
    pub async fn review_benefit_line(
        &self,
        line: i64,
        by: i64,
        seen_version: i64,
        review: Review,
        note: &str,
        audit: &NewAuditEvent,
    ) -> Result<Reviewed> {
        let now = Utc::now();
        let note = note.trim();
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let current: Option<(i64, String, Option<i64>)> = sqlx::query_as(
                "SELECT version, status, created_by FROM benefit_versions \
                 WHERE line_id = $1 ORDER BY version DESC LIMIT 1",
            )
            .bind(line)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((version, status, created_by)) = current else {
                return Ok(Reviewed::Changed { current: 0 });
            };
            let status = Status::parse(&status).unwrap_or(Status::Claimed);
            if version != seen_version {
                // The same review, sent again by the same person, made this version.
                let again = version == seen_version + 1
                    && review.adds_version()
                    && status == review.result()
                    && created_by == Some(by);
                return Ok(if again {
                    Reviewed::AlreadyDone
                } else {
                    Reviewed::Changed { current: version }
                });
            }
            if review == Review::Verify && status == Status::Verified {
                return Ok(Reviewed::AlreadyDone);
            }
            if !review.applies_to(status) {
                return Ok(Reviewed::NotOpen { status });
            }
            // The person who made the version reviewed (the claimant).
            let (claimant, project): (Option<i64>, i64) = sqlx::query_as(
                "SELECT CASE WHEN u.erased_at IS NULL THEN v.created_by END, l.project_id \
                 FROM benefit_versions v JOIN benefit_lines l ON l.id = v.line_id \
                 LEFT JOIN users u ON u.id = v.created_by WHERE v.line_id = $1 AND v.version = $2",
            )
            .bind(line)
            .bind(version)
            .fetch_one(&mut *tx)
            .await?;
            if review == Review::Verify {
                verify_current!(tx, line, Some(by), now, Some(note));
            } else {
                sqlx::query(
                    "INSERT INTO benefit_versions (line_id, version, description, category, savings_type, frequency, \
                     starts_on, status, amount_pence, hours_hundredths, hourly_rate_pence, energy_kwh_milli, \
                     waste_kg_milli, waste_level, fuel_litres_milli, factor_year, created_by, created_at, change_note) \
                     SELECT line_id, version + 1, description, category, savings_type, frequency, starts_on, $6, \
                     amount_pence, hours_hundredths, hourly_rate_pence, energy_kwh_milli, waste_kg_milli, waste_level, \
                     fuel_litres_milli, factor_year, $3, $4, $5 FROM benefit_versions WHERE line_id = $1 AND version = $2",
                )
                .bind(line)
                .bind(version)
                .bind(by)
                .bind(now)
                .bind(note)
                .bind(review.result().as_str())
                .execute(&mut *tx)
                .await?;
                // The new version has no value yet, so revaluing refreshes its line.
                revalue!(tx, "v.line_id = $1", line);
                // Its status changed even where its value did not.
                refresh_line!(tx, line);
            }
            if let (Some(kind), Some(claimant)) = (review.notice(), claimant.filter(|c| *c != by)) {
                sqlx::query(
                    "INSERT INTO notifications (user_id, kind, project_id, actor_id, created_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(claimant)
                .bind(kind.as_str())
                .bind(project)
                .bind(by)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            crate::audit::record_in!(tx, audit);
            tx.commit().await?;
            Ok(Reviewed::Done)
        })
    }

    /// Every version of every line of a project, oldest first.
    pub async fn benefit_history(&self, project_id: i64) -> Result<Vec<BenefitVersion>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS}, u.display_name AS verifier_name FROM benefit_versions v \
             JOIN benefit_lines l ON l.id = v.line_id LEFT JOIN users u ON u.id = v.verified_by \
             WHERE l.project_id = $1 ORDER BY v.line_id, v.version"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(project_id)
            .fetch_all(pool)
            .await?))
    }

    /// Every version of one line, oldest first.
    pub async fn benefit_line_versions(&self, line: i64) -> Result<Vec<BenefitVersion>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM benefit_versions v WHERE v.line_id = $1 ORDER BY v.version"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(line)
            .fetch_all(pool)
            .await?))
    }

    /// The project a line belongs to.
    pub async fn benefit_line_project(&self, line: i64) -> Result<Option<i64>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT project_id FROM benefit_lines WHERE id = $1")
                .bind(line)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// The current version of every line of an organisation's projects, with the
    /// programme each belongs to: (programme id, line).
    pub async fn organisation_lines(
        &self,
        organisation_id: i64,
    ) -> Result<Vec<(i64, CurrentLine)>> {
        let sql = format!(
            "SELECT c.programme_id, p.id AS project_id, p.cohort_id, p.organisation_id, o.hourly_rate_pence AS organisation_rate, {VERSION_COLUMNS} \
             FROM benefit_versions v JOIN benefit_lines l ON l.id = v.line_id JOIN projects p ON p.id = l.project_id \
             JOIN cohorts c ON c.id = p.cohort_id JOIN organisations o ON o.id = p.organisation_id \
             WHERE p.organisation_id = $1 \
             AND v.version = (SELECT MAX(version) FROM benefit_versions w WHERE w.line_id = v.line_id) \
             ORDER BY l.id"
        );
        #[derive(sqlx::FromRow)]
        struct Row {
            programme_id: i64,
            #[sqlx(flatten)]
            line: CurrentLine,
        }
        let rows: Vec<Row> = with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(organisation_id)
            .fetch_all(pool)
            .await?);
        Ok(rows.into_iter().map(|r| (r.programme_id, r.line)).collect())
    }

    /// Every version of every line in a programme (optionally one cohort), with
    /// where each belongs and who verified it, for the ledger sheet: one query.
    pub async fn programme_ledger_history(
        &self,
        programme_id: i64,
        cohort_id: Option<i64>,
    ) -> Result<Vec<LedgerEntry>> {
        let sql = format!(
            "SELECT p.id AS project_id, p.title AS project_title, p.lang AS project_lang, o.name AS organisation_name, \
             o.hourly_rate_pence AS organisation_rate, u.display_name AS verifier_name, {VERSION_COLUMNS} \
             FROM benefit_versions v JOIN benefit_lines l ON l.id = v.line_id JOIN projects p ON p.id = l.project_id \
             JOIN cohorts c ON c.id = p.cohort_id JOIN organisations o ON o.id = p.organisation_id \
             LEFT JOIN users u ON u.id = v.verified_by \
             WHERE c.programme_id = $1 AND ($2 IS NULL OR p.cohort_id = $2) \
             ORDER BY lower(o.name), p.id, v.line_id, v.version"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .bind(cohort_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// One page of a programme's claims waiting (`queried` false) or queried,
    /// in the order their lines were entered, optionally only in some
    /// cohorts; read from `benefit_lines_queue` by seeking, so every page
    /// costs the same however long the queue.
    pub async fn claims_page(
        &self,
        programme_id: i64,
        queried: bool,
        cohorts: Option<&[i64]>,
        seek: crate::seek::Seek,
        limit: i64,
    ) -> Result<crate::seek::Paged<Claim>> {
        let (cond, order, key) = seek.sql("l.id", 2, crate::seek::Order::Up);
        let status = if queried { "queried" } else { "claimed" };
        let only = match cohorts {
            None => String::new(),
            Some([]) => " AND l.cohort_id IS NULL".to_string(),
            Some(ids) => format!(
                " AND l.cohort_id IN ({})",
                ids.iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        // The lines first, from the index; then each one's claim.
        let sql = format!(
            "WITH page AS (SELECT l.id FROM benefit_lines l WHERE l.programme_id = $1 \
             AND l.status = '{status}'{only} AND {cond} ORDER BY {order} LIMIT $3) \
             SELECT p.id AS project_id, p.title AS project_title, p.lang AS project_lang, p.cohort_id, o.name AS organisation_name, \
             CASE WHEN u.erased_at IS NULL THEN u.display_name END AS claimant_name, \
             COALESCE(k.created_at, v.created_at) AS claimed_at, \
             o.employee_band, o.hourly_rate_pence AS organisation_rate, {VERSION_COLUMNS} \
             FROM page JOIN benefit_lines l ON l.id = page.id JOIN benefit_versions v ON v.line_id = l.id \
             AND v.version = (SELECT MAX(version) FROM benefit_versions w WHERE w.line_id = l.id) \
             LEFT JOIN benefit_versions k ON k.line_id = l.id AND k.version = (SELECT MAX(version) \
             FROM benefit_versions w WHERE w.line_id = l.id AND w.status = 'claimed') \
             LEFT JOIN users u ON u.id = k.created_by \
             JOIN projects p ON p.id = l.project_id JOIN organisations o ON o.id = p.organisation_id \
             ORDER BY {order}"
        );
        let rows: Vec<Claim> = with_pool!(self, |pool| sqlx::query_as(&sql)
            .bind(programme_id)
            .bind(key)
            .bind(limit + 1)
            .fetch_all(pool)
            .await?);
        Ok(seek.page(rows, limit, |c: &Claim| c.v.line_id))
    }

    /// The evidence of the given projects: their measure's unit, how many
    /// readings, files and tested changes. One query.
    pub async fn evidence_of_projects(
        &self,
        projects: &[i64],
    ) -> Result<std::collections::HashMap<i64, ymarfer_domain::evidence::Evidence>> {
        if projects.is_empty() {
            return Ok(Default::default());
        }
        let ids = projects
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let rows: Vec<(i64, String, i64, i64, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT p.id, {EVIDENCE_COLUMNS} FROM projects p WHERE p.id IN ({ids})"
            ))
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, unit, readings, attachments, tested)| {
                (
                    id,
                    ymarfer_domain::evidence::Evidence {
                        unit,
                        readings,
                        attachments,
                        tested,
                    },
                )
            })
            .collect())
    }

    /// How many claims are queried in each cohort of a programme. One query.
    pub async fn queried_by_cohort(&self, programme_id: i64) -> Result<Vec<(i64, i64)>> {
        let sql = format!(
            "SELECT l.cohort_id, COUNT(*) {CURRENT_FROM} AND l.status = 'queried' \
             GROUP BY l.cohort_id ORDER BY l.cohort_id"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// The evidence one project holds for its claims.
    pub async fn project_evidence(
        &self,
        project: i64,
    ) -> Result<ymarfer_domain::evidence::Evidence> {
        let row: Option<(String, i64, i64, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {EVIDENCE_COLUMNS} FROM projects p WHERE p.id = $1"
            ))
            .bind(project)
            .fetch_optional(pool)
            .await?
        });
        Ok(row
            .map(
                |(unit, readings, attachments, tested)| ymarfer_domain::evidence::Evidence {
                    unit,
                    readings,
                    attachments,
                    tested,
                },
            )
            .unwrap_or_default())
    }

    /// How many firms of this size band and SIC section have verified
    /// savings (across every programme), and the middle of those savings
    /// ranked from the least (see [`Similar::middle`]), read from the kept
    /// `peer_savings` and its index: two statements, whatever the group.
    ///
    /// [`Similar::middle`]: ymarfer_domain::health::Similar::middle
    pub async fn peer_savings(&self, band: &str, sector: &str) -> Result<(usize, Vec<Pence>)> {
        let (firms, middle): (i64, Vec<i64>) = with_pool!(self, |pool| {
            let firms: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM peer_savings WHERE employee_band = $1 AND sic_section = $2",
            )
            .bind(band)
            .bind(sector)
            .fetch_one(pool)
            .await?;
            let (offset, take) =
                ymarfer_domain::health::Similar::middle(usize::try_from(firms).unwrap_or(0));
            let middle = if firms == 0 {
                Vec::new()
            } else {
                sqlx::query_scalar(
                    "SELECT value_pence FROM peer_savings WHERE employee_band = $1 AND sic_section = $2 \
                     ORDER BY value_pence LIMIT $3 OFFSET $4",
                )
                .bind(band)
                .bind(sector)
                .bind(take as i64)
                .bind(offset as i64)
                .fetch_all(pool)
                .await?
            };
            (firms, middle)
        });
        Ok((
            usize::try_from(firms).unwrap_or(0),
            middle.into_iter().map(Pence).collect(),
        ))
    }

    /// How many of a programme's lines are verified with a value, and the
    /// middle of those values ranked from the least (see
    /// [`Similar::middle`]), read from the index `benefit_lines_ranked`: two
    /// statements, whatever the number of lines.
    ///
    /// [`Similar::middle`]: ymarfer_domain::health::Similar::middle
    pub async fn verified_middle(&self, programme_id: i64) -> Result<(usize, Vec<Pence>)> {
        const WHERE: &str = "FROM benefit_lines WHERE programme_id = $1 AND status = 'verified' \
             AND first_year_pence IS NOT NULL";
        let (count, middle): (i64, Vec<i64>) = with_pool!(self, |pool| {
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {WHERE}"))
                .bind(programme_id)
                .fetch_one(pool)
                .await?;
            let (offset, take) =
                ymarfer_domain::health::Similar::middle(usize::try_from(count).unwrap_or(0));
            let middle = if count == 0 {
                Vec::new()
            } else {
                sqlx::query_scalar(&format!(
                    "SELECT first_year_pence {WHERE} ORDER BY first_year_pence LIMIT $2 OFFSET $3"
                ))
                .bind(programme_id)
                .bind(take as i64)
                .bind(offset as i64)
                .fetch_all(pool)
                .await?
            };
            (count, middle)
        });
        Ok((
            usize::try_from(count).unwrap_or(0),
            middle.into_iter().map(Pence).collect(),
        ))
    }

    /// The current version of each line of the programme's projects that are
    /// approved as public (what its showcase shows), by line.
    pub async fn current_public_lines(&self, programme_id: i64) -> Result<Vec<CurrentLine>> {
        use crate::sql::PUBLIC_AND_APPROVED;
        let sql = format!(
            "SELECT p.id AS project_id, p.cohort_id, p.organisation_id, o.hourly_rate_pence AS organisation_rate, {VERSION_COLUMNS} \
             FROM benefit_versions v JOIN benefit_lines l ON l.id = v.line_id JOIN projects p ON p.id = l.project_id \
             JOIN cohorts c ON c.id = p.cohort_id JOIN organisations o ON o.id = p.organisation_id \
             WHERE c.programme_id = $1 AND {PUBLIC_AND_APPROVED} \
             AND v.version = (SELECT MAX(version) FROM benefit_versions w WHERE w.line_id = v.line_id) \
             ORDER BY l.id"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .fetch_all(pool)
                .await?
        }))
    }
    /// A programme's current lines (or one cohort's), summed by status and
    /// category from their stored values, as kept in `ledger_sums`.
    pub async fn ledger_totals(
        &self,
        programme_id: i64,
        cohort_id: Option<i64>,
    ) -> Result<Vec<LedgerTotal>> {
        // From the kept sums (`ledger_sums`): the programme's rows across its
        // cohorts (cohort -1), or the cohort's own; a few rows, however many
        // lines.
        let sql = format!(
            "SELECT l.status, l.category, {}, {} FROM ledger_sums l WHERE l.programme_id = $1 {} \
             GROUP BY l.status, l.category",
            split_sum("l.value_pence", "value"),
            split_sum("l.co2e_grams", "co2e"),
            match cohort_id {
                Some(_) => "AND l.cohort_id = $2",
                None => "AND l.cohort_id = -1 AND ($2 IS NULL)",
            }
        );
        let rows: Vec<LedgerTotalRow> = with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .bind(cohort_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|r| LedgerTotal {
                status: r.status,
                category: r.category,
                first_year_pence: joined(r.value_high, r.value_low),
                co2e_grams: joined(r.co2e_high, r.co2e_low),
            })
            .collect())
    }

    /// The first-year value of a programme's current verified lines (or one
    /// cohort's), summed by the month each began (given as its first day) and
    /// its frequency.
    pub async fn verified_by_start(
        &self,
        programme_id: i64,
        cohort_id: Option<i64>,
    ) -> Result<Vec<(NaiveDate, Frequency, Pence)>> {
        let month = match self.backend() {
            crate::Backend::Sqlite => "substr(l.starts_on, 1, 7)",
            crate::Backend::Postgres => "to_char(l.starts_on, 'YYYY-MM')",
        };
        let sql = format!(
            "SELECT {month} AS month, l.frequency, {} {CURRENT_FROM} {} \
             AND l.status = 'verified' GROUP BY {month}, l.frequency ORDER BY {month}, l.frequency",
            split_sum("l.first_year_pence", "value"),
            in_cohort(cohort_id)
        );
        let rows: Vec<(String, String, i64, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .bind(cohort_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(month, frequency, high, low)| {
                let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()?;
                Some((
                    first,
                    Frequency::parse(&frequency)?,
                    Pence(joined(high, low)),
                ))
            })
            .collect())
    }

    /// The organisations taking part in a programme: each enrolled in one of
    /// its cohorts that has begun (or is undated), or with a project in one.
    pub async fn organisations_taking_part(
        &self,
        programme_id: i64,
        today: NaiveDate,
    ) -> Result<Vec<i64>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT o.id FROM organisations o WHERE o.programme_id = $1 AND (\
                 EXISTS (SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
                 WHERE e.organisation_id = o.id AND c.programme_id = $1 \
                 AND (c.starts_on IS NULL OR c.starts_on <= $2)) \
                 OR EXISTS (SELECT 1 FROM projects p JOIN cohorts c ON c.id = p.cohort_id \
                 WHERE p.organisation_id = o.id AND c.programme_id = $1)) ORDER BY o.id",
            )
            .bind(programme_id)
            .bind(today)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The first-year value of a programme's current verified lines, summed by
    /// line, cohort or organisation (those with a verified line), in the order
    /// of their ids.
    pub async fn verified_by(
        &self,
        programme_id: i64,
        by: VerifiedBy,
    ) -> Result<Vec<(i64, Pence)>> {
        // By cohort from the kept sums; by line or firm from the lines.
        let (key, value, from) = match by {
            VerifiedBy::Line => ("l.id", "l.first_year_pence", CURRENT_FROM),
            VerifiedBy::Cohort => (
                "l.cohort_id",
                "l.value_pence",
                "FROM ledger_sums l WHERE l.programme_id = $1 AND l.cohort_id >= 0",
            ),
            VerifiedBy::Organisation => ("l.organisation_id", "l.first_year_pence", CURRENT_FROM),
        };
        let sql = format!(
            "SELECT {key}, {} {from} \
             AND l.status = 'verified' GROUP BY {key} ORDER BY {key}",
            split_sum(value, "value")
        );
        let values: Vec<(i64, i64, i64)> = with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .fetch_all(pool)
                .await?
        });
        Ok(values
            .into_iter()
            .map(|(k, high, low)| (k, Pence(joined(high, low))))
            .collect())
    }

    /// How many of a programme's lines are claimed (waiting to be verified),
    /// by cohort, from the kept sums.
    pub async fn claims_by_cohort(&self, programme_id: i64) -> Result<Vec<(i64, i64)>> {
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT cohort_id, CAST(SUM(lines) AS BIGINT) FROM ledger_sums \
                 WHERE programme_id = $1 AND status = 'claimed' AND cohort_id >= 0 \
                 GROUP BY cohort_id ORDER BY cohort_id",
            )
            .bind(programme_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The current version of every line in a programme (optionally one cohort).
    pub async fn current_lines(
        &self,
        programme_id: i64,
        cohort_id: Option<i64>,
    ) -> Result<Vec<CurrentLine>> {
        let sql = format!(
            "SELECT p.id AS project_id, p.cohort_id, p.organisation_id, o.hourly_rate_pence AS organisation_rate, {VERSION_COLUMNS} \
             FROM benefit_versions v JOIN benefit_lines l ON l.id = v.line_id JOIN projects p ON p.id = l.project_id \
             JOIN cohorts c ON c.id = p.cohort_id JOIN organisations o ON o.id = p.organisation_id \
             WHERE c.programme_id = $1 AND ($2 IS NULL OR p.cohort_id = $2) \
             AND v.version = (SELECT MAX(version) FROM benefit_versions w WHERE w.line_id = v.line_id) \
             ORDER BY l.id"
        );
        Ok(with_pool!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(programme_id)
                .bind(cohort_id)
                .fetch_all(pool)
                .await?
        }))
    }
}
