//! Importing benefit lines from CSV for a programme, matching organisation by
//! name and project by title. All or nothing: every bad row is named.
//!
//! Safe to repeat: a file already imported into the programme (the same bytes,
//! by SHA-256) is refused, naming when and by whom; a line repeated within a
//! file is a bad line; a line already in the ledger (by its `LineKey`) is left
//! as it is and counted, so that a file with a few new lines adds only those.

use crate::acting::Acting;
use crate::error::Error;
use crate::i18n::Tr;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::bounds::Bound;
use ymarfer_domain::decimal::DecimalError;
use ymarfer_domain::impact::{Category, Frequency, GhgFactors, SavingsType, Status};
use ymarfer_domain::ledger::LineKey;
use ymarfer_domain::{Action, Lang, Resource, can};
use ymarfer_store::Db;
use ymarfer_store::ledger::{BenefitInput, EarlierImport, LedgerFile, LedgerImport};
use ymarfer_store::programmes::Programme;

pub const COLUMNS: [&str; 14] = [
    "organisation",
    "project",
    "description",
    "category",
    "savings_type",
    "frequency",
    "start_date",
    "status",
    "amount_gbp",
    "hours",
    "hourly_rate_gbp",
    "energy_kwh",
    "waste_kg",
    "fuel_litres",
];

/// A line of the file that cannot be imported, with each reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: usize,
    pub reasons: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Lines added.
    pub added: usize,
    /// Lines already in the ledger, left as they were.
    pub present: usize,
    /// The file's SHA-256, in hex.
    pub sha256: String,
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Lines that cannot be imported, each with its reasons.
    BadRows(Vec<BadRow>),
    /// The same file was imported before: when and by whom, in the reader's language.
    AlreadyImported(String),
}

/// A date as 2026-03-01 or 01/03/2026; anything else, including 31/02, is refused.
fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// Checks the whole file and, if every row is good, imports it in one
/// transaction with its audit event. Only the programme's managers may.
/// Lines marked verified stay verified only when `verified_by` names who
/// verified them, someone who may verify savings in the programme; otherwise
/// they come in as claimed, to be verified in Ymarfer.
pub async fn import_ledger(
    db: &Db,
    acting: &Acting,
    tr: Tr,
    p: &Programme,
    bytes: &[u8],
    verified_by: Option<i64>,
) -> Result<Result<Imported, Refused>, Error> {
    acting.may(Action::ManageProgramme, Resource::Programme(p.id))?;
    if let Some(id) = verified_by {
        let user = db.user_by_id(id).await?.ok_or(Error::NotFound)?;
        let verifier = db.actor(&user).await?;
        if !can(
            Some(&verifier),
            Action::VerifyBenefit,
            Resource::Programme(p.id),
        )
        .allowed()
        {
            return Err(Error::Invalid("ledger-import-verifier-refused"));
        }
    }
    let sha256 = hex::encode(Sha256::digest(bytes));
    if let Some(earlier) = db.earlier_import(p.id, &sha256).await? {
        return Ok(Err(Refused::AlreadyImported(already(tr, p, &earlier))));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(anyhow::Error::from)?
        .iter()
        .map(ymarfer_domain::import::column_name)
        .collect();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Ok(Err(Refused::BadRows(vec![BadRow {
            line: 1,
            reasons: vec![tr.t1("import-error-columns", "value", &missing.join(", "))],
        }])));
    }
    // Every project of the programme, by (organisation name, project title).
    let mut projects = Vec::new();
    for c in db.cohorts_of(p.id).await? {
        for s in db.cohort_projects(c.id).await? {
            projects.push((
                s.organisation_name.to_lowercase(),
                s.title.to_lowercase(),
                s.id,
            ));
        }
    }
    let factor_year = i64::from(
        GhgFactors::shipped()
            .map_err(|e| anyhow::anyhow!("the shipped GHG conversion factors: {e}"))?
            .factor_year,
    );
    let present_keys: HashSet<LineKey> = db.programme_line_keys(p.id).await?.into_iter().collect();
    let mut seen: HashMap<LineKey, usize> = HashMap::new();
    let mut present = 0;
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                bad.push(BadRow {
                    line,
                    reasons: vec![tr.t1("import-error-unreadable", "value", &e.to_string())],
                });
                continue;
            }
        };
        let get = |c: &str| {
            header
                .iter()
                .position(|h| h == c)
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let mut reasons = Vec::new();
        let org = get("organisation");
        let title = get("project");
        let project = projects
            .iter()
            .find(|(o, t, _)| *o == org.to_lowercase() && *t == title.to_lowercase())
            .map(|x| x.2);
        need(
            &mut reasons,
            tr,
            project.is_some(),
            "ledger-import-unknown-project",
            &format!("{org} / {title}"),
        );
        let description = get("description");
        need(
            &mut reasons,
            tr,
            !description.is_empty(),
            "ledger-import-missing",
            "description",
        );
        let start = get("start_date");
        let starts_on = date(&start);
        need(
            &mut reasons,
            tr,
            starts_on.is_some(),
            "ledger-import-bad-date",
            &start,
        );
        let coded = |reasons: &mut Vec<String>, column: &str, choices: Choices| {
            let text = get(column);
            let found = choices.read(&text);
            if found.is_none() {
                reasons.push(tr.args(
                    "ledger-import-bad-code",
                    &[
                        ("column", column.to_string()),
                        ("value", text),
                        ("allowed", choices.accepted(tr)),
                    ],
                ));
            }
            found
        };
        let category = coded(
            &mut reasons,
            "category",
            Choices::of(&Category::ALL, Category::as_str, Category::message_id),
        )
        .and_then(Category::parse);
        let savings_type = coded(
            &mut reasons,
            "savings_type",
            Choices::of(
                &SavingsType::ALL,
                SavingsType::as_str,
                SavingsType::message_id,
            ),
        )
        .and_then(SavingsType::parse);
        let frequency = coded(
            &mut reasons,
            "frequency",
            Choices::of(&Frequency::ALL, Frequency::as_str, Frequency::message_id),
        )
        .and_then(Frequency::parse);
        let status = coded(
            &mut reasons,
            "status",
            // A file brings lines forecast, claimed or verified; returning and
            // rejecting are acts of review.
            Choices::of(
                &[Status::Forecast, Status::Claimed, Status::Verified],
                Status::as_str,
                Status::message_id,
            ),
        )
        .and_then(Status::parse);
        let amount_text = get("amount_gbp");
        let hours_text = get("hours");
        need(
            &mut reasons,
            tr,
            amount_text.is_empty() != hours_text.is_empty(),
            "ledger-import-amount-or-hours",
            "",
        );
        // A line records a saving: never below zero (see docs/impact.md), and
        // never above the bound of its kind (see `bounds.rs`).
        let mut number = |text: &str, bound: Bound, invalid: &str| -> Option<i64> {
            bounded(tr, text, bound, invalid).unwrap_or_else(|reason| {
                reasons.push(reason);
                None
            })
        };
        let amount = number(&amount_text, Bound::Amount, "ledger-import-bad-amount");
        let hours = number(&hours_text, Bound::Hours, "ledger-import-bad-hours");
        let rate = number(
            &get("hourly_rate_gbp"),
            Bound::HourlyRate,
            "ledger-import-bad-amount",
        );
        let mut quantity =
            |c: &str| number(&get(c), Bound::Quantity, "ledger-import-bad-quantity").unwrap_or(0);
        let energy = quantity("energy_kwh");
        let waste = quantity("waste_kg");
        let fuel = quantity("fuel_litres");
        match (
            project,
            starts_on,
            category,
            savings_type,
            frequency,
            status,
        ) {
            (
                Some(project),
                Some(starts_on),
                Some(category),
                Some(savings_type),
                Some(frequency),
                Some(status),
            ) if reasons.is_empty() => {
                let key = LineKey::new(project, &description, starts_on, category, amount, hours);
                if let Some(first) = seen.get(&key) {
                    bad.push(BadRow {
                        line,
                        reasons: vec![tr.t1("ledger-import-repeated", "value", &first.to_string())],
                    });
                    continue;
                }
                seen.insert(key.clone(), line);
                if present_keys.contains(&key) {
                    present += 1;
                    continue;
                }
                good.push((
                    project,
                    BenefitInput {
                        description,
                        category,
                        savings_type,
                        frequency,
                        starts_on,
                        status,
                        amount_pence: amount,
                        hours_hundredths: hours,
                        hourly_rate_pence: rate,
                        energy_kwh_milli: energy,
                        waste_kg_milli: waste,
                        waste_level: None,
                        fuel_litres_milli: fuel,
                        factor_year: (energy + waste + fuel > 0).then_some(factor_year),
                    },
                ));
            }
            _ => bad.push(BadRow { line, reasons }),
        }
    }
    if !bad.is_empty() {
        return Ok(Err(Refused::BadRows(bad)));
    }
    // With a named verifier, imported lines keep their stated status: the file
    // is the programme's own record, verified outside Ymarfer where it says so.
    // One event for the import: the file, its lines, who vouched for them.
    let verified = good
        .iter()
        .filter(|(_, b)| verified_by.is_some() && b.status == Status::Verified)
        .count();
    let mut event = acting.event(AuditAction::LedgerImported);
    event.programme_id = Some(p.id);
    event.subject = format!("file sha256 {sha256}");
    event.detail = format!(
        "{} lines in the file: {} added ({verified} verified), {present} already in the ledger",
        good.len() + present,
        good.len()
    );
    if let Some(id) = verified_by {
        event
            .detail
            .push_str(&format!("; verified by account {id}"));
    }
    let file = LedgerFile {
        programme_id: p.id,
        sha256: &sha256,
        by: verified_by,
        event: &event,
    };
    match db
        .import_benefit_lines(&file, &good, verified_by.is_some())
        .await?
    {
        LedgerImport::Imported(_) => Ok(Ok(Imported {
            added: good.len(),
            present,
            sha256,
        })),
        // Another import of the same file finished first.
        LedgerImport::AlreadyImported(earlier) => {
            Ok(Err(Refused::AlreadyImported(already(tr, p, &earlier))))
        }
    }
}

/// Why a file is refused the second time: when it was imported, and by whom.
fn already(tr: Tr, p: &Programme, earlier: &EarlierImport) -> String {
    let who = match (&earlier.by_name, &earlier.by_email) {
        (Some(name), Some(email)) if !name.is_empty() => format!("{name} <{email}>"),
        (_, Some(email)) => email.clone(),
        _ => tr.t("ledger-import-by-nobody"),
    };
    tr.args(
        "ledger-import-already",
        &[
            ("programme", p.slug.clone()),
            ("when", tr.date_time(earlier.imported_at)),
            ("who", who),
        ],
    )
}

/// The values a coded column accepts: each stable code, or its name in either
/// language (the words before any explanation in brackets), in any case.
struct Choices {
    /// (code, Fluent message id of its name)
    values: Vec<(&'static str, &'static str)>,
}

impl Choices {
    fn of<T: Copy>(all: &[T], code: fn(T) -> &'static str, name: fn(T) -> &'static str) -> Choices {
        Choices {
            values: all.iter().map(|v| (code(*v), name(*v))).collect(),
        }
    }

    fn short(tr: Tr, id: &str) -> String {
        let name = tr.t(id);
        name.split(" (")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// The code the text stands for.
    fn read(&self, text: &str) -> Option<&'static str> {
        let wanted = text.trim().replace('\u{2019}', "'").to_lowercase();
        self.values
            .iter()
            .find(|(code, id)| {
                *code == wanted
                    || Lang::ALL
                        .iter()
                        .any(|l| Self::short(Tr(*l), id).to_lowercase() == wanted)
            })
            .map(|(code, _)| *code)
    }

    /// What the column accepts, for a message in the reader's language.
    fn accepted(&self, tr: Tr) -> String {
        self.values
            .iter()
            .map(|(code, id)| format!("{code} ({})", Self::short(tr, id)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Adds the reason a value is refused, unless it is fine.
/// A bounded number from a cell: `Ok(None)` when empty, else the value, or
/// why it is refused (`invalid`, or above its bound).
fn bounded(tr: Tr, text: &str, bound: Bound, invalid: &str) -> Result<Option<i64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    match bound.parse(text) {
        Ok(v) => Ok(Some(v)),
        Err(DecimalError::TooLarge) => Err(tr.args(
            "ledger-import-too-large",
            &[
                ("value", text.to_string()),
                ("max", bound.describe(tr.lang())),
            ],
        )),
        Err(_) => Err(tr.args(invalid, &[("value", text.to_string())])),
    }
}

fn need(reasons: &mut Vec<String>, tr: Tr, ok: bool, key: &str, value: &str) {
    if !ok {
        reasons.push(tr.args(key, &[("value", value.to_string())]));
    }
}
