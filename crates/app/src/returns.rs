//! Funder returns: the quarterly return of a programme (each indicator it
//! reports against, with its count and the firms behind it, each firm counted
//! once per indicator across cohorts), the value of support each firm received
//! against the minimal financial assistance limit, and the acts that choose
//! the indicator sets and add a fund's own indicators.

use crate::acting::Acting;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::services::Services;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::csvout::CsvOut;
use ymarfer_domain::returns::{
    self, Evidence, EvidenceRule, Indicator, IndicatorSet, Quarter, SubsidyLevel,
};
use ymarfer_domain::{Action, Pence, Resource, uktime};
use ymarfer_store::programmes::Programme;
use ymarfer_store::returns::IndicatorInput;

/// A firm as a return names it: one per Companies House number, else per
/// organisation record.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ReturnFirm {
    /// What the firm is counted once by: `ch:` and its Companies House
    /// number, else `org:` and its record's number.
    pub key: String,
    pub name: String,
    pub companies_house: Option<String>,
    /// The programme's records of the firm (more than one when two records
    /// give the same Companies House number).
    pub organisation_ids: Vec<i64>,
}

/// One indicator of the return, with its count and the firms behind it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IndicatorCount {
    pub code: String,
    /// `ukspf` or `eu` for a shipped indicator; none for one the programme added.
    pub set: Option<String>,
    /// The evidence rule it is counted by.
    pub rule: String,
    /// The hours of support the rule asks for, where it asks.
    pub hours: Option<i64>,
    pub name_en: String,
    pub name_cy: String,
    pub definition_en: String,
    pub definition_cy: String,
    /// How many firms count; none when the rule is `manual` (not in
    /// Ymarfer's records: counted from the fund's own evidence).
    pub count: Option<i64>,
    pub firms: Vec<ReturnFirm>,
}

/// The value of support one firm received from the programme.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FirmSupport {
    pub firm: ReturnFirm,
    /// Minutes at sessions in the period, from registers and session lengths.
    pub support_minutes_in_period: i64,
    /// Its share of the cost of each cohort it took part in, summed over the
    /// three financial years counted for minimal financial assistance, in pence.
    pub value_pence: i64,
    /// The same, by financial year (the calendar year each begins in).
    pub value_by_year_pence: BTreeMap<i32, i64>,
    /// `clear`, `near` (80% of £315,000 or more) or `over`.
    #[schema(value_type = String)]
    pub level: SubsidyLevel,
}

/// A programme's return for one quarter.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FundersReturn {
    pub programme: String,
    /// The quarter's code, such as `2026-q1`.
    pub period: String,
    /// As funders write it: `2026/27 Q1`.
    pub period_label: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The financial years the value of support covers, oldest first.
    pub subsidy_years: Vec<i32>,
    pub subsidy_limit_pence: i64,
    pub indicators: Vec<IndicatorCount>,
    /// Every firm of the programme with support in the three years or hours
    /// in the period, with the value of its support.
    pub firms: Vec<FirmSupport>,
}

/// The quarter a return shows when none is asked for: the current one.
pub fn default_quarter() -> Quarter {
    Quarter::containing(uktime::today())
}

/// The indicators a programme reports against: the shipped sets it chose
/// (all of them when it chose none), then the ones its managers added.
pub async fn indicators_of(s: &Services, p: &Programme) -> Result<Vec<Indicator>> {
    let sets = s.db.indicator_sets_of(p.id).await?;
    let mut all: Vec<Indicator> = returns::shipped()
        .map_err(|e| Error::Internal(anyhow::anyhow!("the shipped indicators: {e}")))?
        .into_iter()
        .filter(|i| sets.is_empty() || i.set.is_some_and(|s| sets.contains(&s)))
        .collect();
    all.extend(s.db.custom_indicators(p.id).await?);
    Ok(all)
}

/// The quarterly return of a programme: each indicator with its count and
/// the firms behind it, and the value of support of each firm. For the
/// programme's managers (`DownloadReports`), as it names firms. Six queries,
/// whatever the number of firms.
pub async fn quarterly_return(
    s: &Services,
    acting: &Acting,
    p: &Programme,
    q: Quarter,
) -> Result<FundersReturn> {
    acting.may(Action::DownloadReports, Resource::Programme(p.id))?;
    let indicators = indicators_of(s, p).await?;
    let firms = s.db.return_firms(p.id).await?;
    let enrolments = s.db.firm_enrolments(p.id).await?;
    let marks = s.db.support_marks(p.id).await?;
    let adoptions = s.db.adoptions(p.id).await?;
    let answers = s.db.innovation_answers_in(p.id, None).await?;
    let cohorts = s.db.cohorts_of(p.id).await?;

    // Each record's key, and each key's firm.
    let mut key_of: HashMap<i64, String> = HashMap::new();
    let mut by_key: BTreeMap<String, ReturnFirm> = BTreeMap::new();
    for f in &firms {
        let key = returns::firm_key(f.companies_house.as_deref(), f.id);
        key_of.insert(f.id, key.clone());
        by_key
            .entry(key.clone())
            .or_insert_with(|| ReturnFirm {
                key,
                name: f.name.clone(),
                companies_house: f.companies_house.clone().filter(|n| !n.trim().is_empty()),
                organisation_ids: Vec::new(),
            })
            .organisation_ids
            .push(f.id);
    }

    let from = q.first_day();
    let to = q.end_exclusive();
    // Every record's evidence goes to its firm's key.
    let mut evidence: HashMap<String, Evidence> = HashMap::new();
    let mut minutes_in_period: HashMap<String, i64> = HashMap::new();
    let mut add = |org: i64, e: Evidence| {
        if let Some(key) = key_of.get(&org) {
            evidence.entry(key.clone()).or_default().merge(&e);
        }
    };
    for m in &marks {
        let day = uktime::to_local(m.starts_at).date();
        let minutes = (m.ends_at - m.starts_at).num_minutes().max(0);
        if day < to {
            add(
                m.organisation_id,
                Evidence {
                    supported: day >= from,
                    minutes_to_end: minutes,
                    ..Evidence::default()
                },
            );
        }
        if q.holds(day)
            && let Some(key) = key_of.get(&m.organisation_id)
        {
            *minutes_in_period.entry(key.clone()).or_default() += minutes;
        }
    }
    for e in enrolments.iter().filter(|e| e.active) {
        let running = cohorts.iter().any(|c| {
            c.id == e.cohort_id
                && c.starts_on.is_some_and(|start| start < to)
                && c.ends_on.is_some_and(|end| end >= from)
        });
        if running {
            add(
                e.organisation_id,
                Evidence {
                    supported: true,
                    ..Evidence::default()
                },
            );
        }
    }
    for a in &adoptions {
        let day = a
            .tested_on
            .unwrap_or_else(|| uktime::to_local(a.updated_at).date());
        if q.holds(day) {
            add(
                a.organisation_id,
                Evidence {
                    adopted: true,
                    ..Evidence::default()
                },
            );
        }
    }
    {
        use ymarfer_domain::innovation::Stage;
        let no_at_entry: std::collections::HashSet<i64> = answers
            .iter()
            .filter(|a| a.stage == Stage::Entry && !a.new_goods_or_services)
            .map(|a| a.organisation_id)
            .collect();
        for a in &answers {
            if a.stage != Stage::Entry
                && a.new_goods_or_services
                && q.holds(a.asked_on)
                && no_at_entry.contains(&a.organisation_id)
            {
                add(
                    a.organisation_id,
                    Evidence {
                        new_product: true,
                        ..Evidence::default()
                    },
                );
            }
        }
    }

    let mut counts = Vec::new();
    for i in &indicators {
        let computed = i.rule != EvidenceRule::Manual;
        let mut behind: Vec<ReturnFirm> = by_key
            .iter()
            .filter(|(k, _)| {
                evidence
                    .get(k.as_str())
                    .and_then(|e| e.counts_for(i))
                    .unwrap_or(false)
            })
            .map(|(_, f)| f.clone())
            .collect();
        behind.sort_by(|a, b| a.name.cmp(&b.name).then(a.key.cmp(&b.key)));
        counts.push(IndicatorCount {
            code: i.code.clone(),
            set: i.set.map(|s| s.as_str().to_string()),
            rule: i.rule.as_str().to_string(),
            hours: i.hours,
            name_en: i.name_en.clone(),
            name_cy: i.name_cy.clone(),
            definition_en: i.definition_en.clone(),
            definition_cy: i.definition_cy.clone(),
            count: computed.then(|| i64::try_from(behind.len()).unwrap_or(i64::MAX)),
            firms: behind,
        });
    }

    // The value of support, as at the period's last day.
    let years = returns::mfa_years(q.last_day());
    let values = support_values(p, &cohorts, &enrolments, &key_of);
    let mut supported: Vec<FirmSupport> = by_key
        .values()
        .filter_map(|f| {
            let by_year: BTreeMap<i32, i64> = values
                .get(&f.key)
                .map(|v| {
                    v.iter()
                        .filter(|(y, _)| years.contains(y))
                        .map(|(y, p)| (*y, *p))
                        .collect()
                })
                .unwrap_or_default();
            let minutes = minutes_in_period.get(f.key.as_str()).copied().unwrap_or(0);
            if by_year.is_empty() && minutes == 0 {
                return None;
            }
            let value: i64 = by_year.values().sum();
            Some(FirmSupport {
                firm: f.clone(),
                support_minutes_in_period: minutes,
                value_pence: value,
                value_by_year_pence: by_year,
                level: returns::subsidy_level(Pence(value)),
            })
        })
        .collect();
    supported.sort_by(|a, b| {
        a.firm
            .name
            .cmp(&b.firm.name)
            .then(a.firm.key.cmp(&b.firm.key))
    });

    Ok(FundersReturn {
        programme: p.slug.clone(),
        period: q.code(),
        period_label: q.label(),
        starts_on: from,
        ends_on: q.last_day(),
        subsidy_years: years.to_vec(),
        subsidy_limit_pence: returns::MFA_LIMIT.0,
        indicators: counts,
        firms: supported,
    })
}

/// Each firm's share of the cost of the cohorts it took part in, by the
/// financial year each cohort began in: a cohort's share of the programme's
/// cost (the impact method's rule) split equally among its firms.
fn support_values(
    p: &Programme,
    cohorts: &[ymarfer_store::programmes::Cohort],
    enrolments: &[ymarfer_store::returns::FirmEnrolment],
    key_of: &HashMap<i64, String>,
) -> HashMap<String, BTreeMap<i32, i64>> {
    let shares = crate::report::cohort_shares(p, cohorts);
    let mut by_cohort: HashMap<i64, Vec<i64>> = HashMap::new();
    for e in enrolments {
        by_cohort
            .entry(e.cohort_id)
            .or_default()
            .push(e.organisation_id);
    }
    let mut out: HashMap<String, BTreeMap<i32, i64>> = HashMap::new();
    for (c, share) in cohorts.iter().zip(shares) {
        let firms = by_cohort.remove(&c.id).unwrap_or_default();
        let year = returns::financial_year(
            c.starts_on
                .unwrap_or_else(|| uktime::to_local(c.created_at).date()),
        );
        let parts = ymarfer_domain::impact::split_cost(share, firms.len());
        for (org, part) in firms.iter().zip(parts) {
            if let Some(key) = key_of.get(org) {
                *out.entry(key.clone()).or_default().entry(year).or_default() += part.0;
            }
        }
    }
    out
}

/// The value of support of one organisation of a programme (with any other
/// record of it the programme holds under the same Companies House number)
/// for its subsidy notice, as at `day`: for the programme's managers.
pub async fn subsidy_of(
    s: &Services,
    acting: &Acting,
    p: &Programme,
    organisation_id: i64,
    day: NaiveDate,
) -> Result<FirmSupport> {
    acting.may(Action::DownloadReports, Resource::Programme(p.id))?;
    let r = quarterly_return(s, acting, p, Quarter::containing(day)).await?;
    let firms = s.db.return_firms(p.id).await?;
    let record = firms
        .iter()
        .find(|f| f.id == organisation_id)
        .ok_or(Error::NotFound)?;
    let key = returns::firm_key(record.companies_house.as_deref(), record.id);
    Ok(r.firms
        .into_iter()
        .find(|f| f.firm.key == key)
        .unwrap_or_else(|| FirmSupport {
            firm: ReturnFirm {
                key,
                name: record.name.clone(),
                companies_house: record.companies_house.clone(),
                organisation_ids: vec![record.id],
            },
            support_minutes_in_period: 0,
            value_pence: 0,
            value_by_year_pence: BTreeMap::new(),
            level: SubsidyLevel::Clear,
        }))
}

/// Hours as shown: "7.5".
pub fn hours_text(minutes: i64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The return as CSV in the reader's language: one row per indicator and
/// firm counted (an indicator with none has one row without a firm), then
/// one row per firm with its value of support.
pub fn to_csv(r: &FundersReturn, tr: Tr) -> anyhow::Result<String> {
    let mut w = CsvOut::new();
    w.row([
        tr.t("returns-col-period"),
        tr.t("returns-col-code"),
        tr.t("returns-col-indicator"),
        tr.t("returns-col-count"),
        tr.t("returns-col-firm"),
        tr.t("returns-col-companies-house"),
        tr.t("returns-col-hours"),
        tr.t("returns-col-value"),
    ])?;
    for i in &r.indicators {
        let count = i.count.map(|c| c.to_string()).unwrap_or_default();
        let name = tr.pick(&i.name_en, &i.name_cy);
        if i.firms.is_empty() {
            w.row([
                r.period_label.as_str(),
                i.code.as_str(),
                name,
                count.as_str(),
                "",
                "",
                "",
                "",
            ])?;
        }
        for f in &i.firms {
            w.row([
                r.period_label.as_str(),
                i.code.as_str(),
                name,
                count.as_str(),
                f.name.as_str(),
                f.companies_house.as_deref().unwrap_or(""),
                "",
                "",
            ])?;
        }
    }
    for f in &r.firms {
        w.row([
            r.period_label.clone(),
            String::new(),
            tr.t("returns-value-of-support"),
            String::new(),
            f.firm.name.clone(),
            f.firm.companies_house.clone().unwrap_or_default(),
            hours_text(f.support_minutes_in_period),
            format!("{}.{:02}", f.value_pence / 100, f.value_pence % 100),
        ])?;
    }
    Ok(w.finish()?)
}

/// The return as an XLSX workbook in the reader's language: the indicators
/// with their counts (numbers), the firms behind each, and each firm's value
/// of support (hours and pounds as numbers).
pub fn to_xlsx(r: &FundersReturn, tr: Tr) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let whole = Format::new().set_num_format("#,##0");
    let money = Format::new().set_num_format("£#,##0.00");
    let one_place = Format::new().set_num_format("0.0");
    let headers = |sheet: &mut rust_xlsxwriter::Worksheet,
                   keys: &[&str]|
     -> Result<(), rust_xlsxwriter::XlsxError> {
        for (c, k) in keys.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, tr.t(k), &bold)?;
            sheet.set_column_width(c as u16, 22)?;
        }
        Ok(())
    };

    let sheet = book
        .add_worksheet()
        .set_name(tr.t("returns-sheet-indicators"))?;
    headers(
        sheet,
        &[
            "returns-col-period",
            "returns-col-code",
            "returns-col-indicator",
            "returns-col-count",
            "returns-col-evidence",
        ],
    )?;
    for (n, i) in r.indicators.iter().enumerate() {
        let row = n as u32 + 1;
        sheet.write_string(row, 0, &r.period_label)?;
        sheet.write_string(row, 1, &i.code)?;
        sheet.write_string(row, 2, tr.pick(&i.name_en, &i.name_cy))?;
        match i.count {
            Some(c) => sheet.write_number_with_format(row, 3, c as f64, &whole)?,
            None => sheet.write_string(row, 3, "—")?,
        };
        let rule = EvidenceRule::parse(&i.rule).unwrap_or(EvidenceRule::Manual);
        sheet.write_string(row, 4, tr.t(rule.message_id()))?;
    }
    sheet.set_column_width(2, 60)?;

    let sheet = book.add_worksheet().set_name(tr.t("returns-sheet-firms"))?;
    headers(
        sheet,
        &[
            "returns-col-code",
            "returns-col-firm",
            "returns-col-companies-house",
        ],
    )?;
    let mut row = 1u32;
    for i in &r.indicators {
        for f in &i.firms {
            sheet.write_string(row, 0, &i.code)?;
            sheet.write_string(row, 1, &f.name)?;
            sheet.write_string(row, 2, f.companies_house.as_deref().unwrap_or(""))?;
            row += 1;
        }
    }

    let sheet = book
        .add_worksheet()
        .set_name(tr.t("returns-sheet-support"))?;
    headers(
        sheet,
        &[
            "returns-col-firm",
            "returns-col-companies-house",
            "returns-col-hours",
            "returns-col-value",
            "returns-col-level",
        ],
    )?;
    for (n, f) in r.firms.iter().enumerate() {
        let row = n as u32 + 1;
        sheet.write_string(row, 0, &f.firm.name)?;
        sheet.write_string(row, 1, f.firm.companies_house.as_deref().unwrap_or(""))?;
        sheet.write_number_with_format(
            row,
            2,
            f.support_minutes_in_period as f64 / 60.0,
            &one_place,
        )?;
        sheet.write_number_with_format(row, 3, f.value_pence as f64 / 100.0, &money)?;
        sheet.write_string(row, 4, tr.t(f.level.message_id()))?;
    }
    Ok(book.save_to_buffer()?)
}

/// Sets the indicator sets a programme reports against (none: every shipped
/// set). For its managers (`ManageProgramme`); the trail records the sets
/// before and after, and the same sets again change and record nothing.
pub async fn set_indicator_sets(
    s: &Services,
    acting: &Acting,
    p: &Programme,
    sets: &[IndicatorSet],
) -> Result<bool> {
    acting.may(Action::ManageProgramme, Resource::Programme(p.id))?;
    let mut sets: Vec<IndicatorSet> = IndicatorSet::ALL
        .into_iter()
        .filter(|x| sets.contains(x))
        .collect();
    sets.dedup();
    let mut event = acting.event(AuditAction::IndicatorSetsChanged);
    event.programme_id = Some(p.id);
    event.subject = p.slug.clone();
    let names = |v: &[IndicatorSet]| {
        if v.is_empty() {
            "all".to_string()
        } else {
            v.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", ")
        }
    };
    let after = sets.clone();
    let describe = move |before: &[IndicatorSet]| {
        if before == after.as_slice() {
            return None;
        }
        let mut e = event.clone();
        e.detail = crate::audit::moved(&names(before), &names(&after));
        Some(e)
    };
    Ok(s.db
        .set_indicator_sets_recorded(p.id, &sets, &describe)
        .await?)
}

/// Adds an indicator of a programme's own fund, counted by one of the
/// evidence rules. For its managers (`ManageProgramme`); a code shipped or
/// added already is refused or left as it is, so a second send adds nothing.
pub async fn add_indicator(
    s: &Services,
    acting: &Acting,
    p: &Programme,
    input: &IndicatorInput,
) -> Result<bool> {
    acting.may(Action::ManageProgramme, Resource::Programme(p.id))?;
    let mut input = input.clone();
    input.code = input.code.trim().to_ascii_uppercase();
    for t in [
        &mut input.name_en,
        &mut input.name_cy,
        &mut input.definition_en,
        &mut input.definition_cy,
    ] {
        *t = t.trim().to_string();
    }
    let code_ok = (2..=20).contains(&input.code.len())
        && input
            .code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !code_ok {
        return Err(Error::Invalid("error-indicator-code"));
    }
    if input.name_en.is_empty() || input.name_cy.is_empty() {
        return Err(Error::Invalid("error-indicator-names"));
    }
    if [&input.name_en, &input.name_cy]
        .iter()
        .any(|t| t.chars().count() > 200)
        || [&input.definition_en, &input.definition_cy]
            .iter()
            .any(|t| t.chars().count() > 2000)
    {
        return Err(Error::Invalid("error-too-long"));
    }
    match (input.rule, input.hours) {
        (Some(EvidenceRule::SupportedHoursMin), Some(h)) if (1..=10_000).contains(&h) => {}
        (Some(EvidenceRule::SupportedHoursMin), _) => {
            return Err(Error::Invalid("error-indicator-hours"));
        }
        (None, _) => return Err(Error::Invalid("error-indicator-rule")),
        _ => input.hours = None,
    }
    let shipped = returns::shipped()
        .map_err(|e| Error::Internal(anyhow::anyhow!("the shipped indicators: {e}")))?;
    if shipped.iter().any(|i| i.code == input.code) {
        return Err(Error::Invalid("error-indicator-code-shipped"));
    }
    let mut event = acting.event(AuditAction::IndicatorAdded);
    event.programme_id = Some(p.id);
    event.subject = p.slug.clone();
    event.detail = format!(
        "{} \"{}\", rule {}{}",
        input.code,
        input.name_en,
        input.rule.map(|r| r.as_str()).unwrap_or(""),
        input
            .hours
            .map(|h| format!(" ({h} hours)"))
            .unwrap_or_default()
    );
    Ok(s.db.add_indicator_recorded(p.id, &input, &event).await?)
}
