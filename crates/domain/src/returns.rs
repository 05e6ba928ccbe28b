//! Funder returns: the indicators a programme reports against (the UK Shared
//! Prosperity Fund's business-support outputs and outcomes and the EU common
//! indicators, shipped as data), the evidence rule each is counted by, UK
//! financial quarters, how a firm is told apart across cohorts, and the
//! minimal financial assistance threshold for the value of support.

use crate::Pence;
use crate::code::coded_enum;
use chrono::{Datelike, NaiveDate};

/// The shipped indicators, as data.
pub const SHIPPED_INDICATORS_TOML: &str = include_str!("../data/funder_indicators.toml");

/// Minimal financial assistance: at most £315,000 to one enterprise over the
/// current and the two previous financial years (Subsidy Control Act 2022).
pub const MFA_LIMIT: Pence = Pence(31_500_000);

/// A firm nears the limit at this share of it, in percent.
pub const MFA_WARNING_PERCENT: i64 = 80;

coded_enum! {
    /// A set of indicators a fund asks for.
    pub enum IndicatorSet {
        Ukspf = "ukspf", "indicator-set-ukspf";
        Eu = "eu", "indicator-set-eu";
    }
}

coded_enum! {
    /// How Ymarfer counts an indicator from its own records.
    pub enum EvidenceRule {
        /// A person enrolled for the firm was present at a session in the
        /// period, or the firm was enrolled in a cohort running in it.
        Supported = "supported", "evidence-rule-supported";
        /// Supported in the period, with at least the indicator's hours of
        /// support by the period's end (registers × session lengths).
        SupportedHoursMin = "supported_hours_min", "evidence-rule-supported-hours-min";
        /// A test-and-learn cycle of the firm's decided "adopt" in the period.
        NewProcessAdopted = "new_process_adopted", "evidence-rule-new-process-adopted";
        /// The firm said yes to a new or improved good or service in the
        /// period, having said no at entry.
        NewToFirmProduct = "new_to_firm_product", "evidence-rule-new-to-firm-product";
        /// Not in Ymarfer's records: counted from the fund's own evidence.
        Manual = "manual", "evidence-rule-manual";
    }
}

/// One indicator of a return.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct Indicator {
    /// The shipped set it belongs to; `None` for one a programme added.
    #[serde(default)]
    pub set: Option<IndicatorSet>,
    pub code: String,
    pub rule: EvidenceRule,
    /// The hours of support `supported_hours_min` asks for.
    #[serde(default)]
    pub hours: Option<i64>,
    pub name_en: String,
    pub name_cy: String,
    pub definition_en: String,
    pub definition_cy: String,
}

#[derive(serde::Deserialize)]
struct Shipped {
    indicator: Vec<Indicator>,
}

/// The shipped indicators, in the order of the data file.
pub fn shipped() -> Result<Vec<Indicator>, String> {
    let s: Shipped = toml::from_str(SHIPPED_INDICATORS_TOML).map_err(|e| e.to_string())?;
    Ok(s.indicator)
}

/// What Ymarfer's records show of one firm (all its records in the programme,
/// across cohorts) for one period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Present at a session, or enrolled in a cohort running, in the period.
    pub supported: bool,
    /// Minutes of support from registers up to the period's end.
    pub minutes_to_end: i64,
    /// A cycle decided "adopt" in the period.
    pub adopted: bool,
    /// Said yes to a new good or service in the period, no at entry.
    pub new_product: bool,
}

impl Evidence {
    /// Whether the firm counts for the indicator; `None` when the rule is not
    /// computed from Ymarfer's records.
    pub fn counts_for(&self, indicator: &Indicator) -> Option<bool> {
        match indicator.rule {
            EvidenceRule::Supported => Some(self.supported),
            EvidenceRule::SupportedHoursMin => Some(
                self.supported
                    && self.minutes_to_end >= indicator.hours.unwrap_or(0).saturating_mul(60),
            ),
            EvidenceRule::NewProcessAdopted => Some(self.adopted),
            EvidenceRule::NewToFirmProduct => Some(self.new_product),
            EvidenceRule::Manual => None,
        }
    }

    /// Takes in another record's evidence for the same firm.
    pub fn merge(&mut self, other: &Evidence) {
        self.supported |= other.supported;
        self.minutes_to_end = self.minutes_to_end.saturating_add(other.minutes_to_end);
        self.adopted |= other.adopted;
        self.new_product |= other.new_product;
    }
}

/// The key a firm is counted once by: its Companies House number when it
/// gives one (two records with the same number are one firm), else its
/// organisation record.
pub fn firm_key(companies_house: Option<&str>, organisation_id: i64) -> String {
    match companies_house.map(|n| n.trim().to_ascii_uppercase()) {
        Some(n) if !n.is_empty() => format!("ch:{n}"),
        _ => format!("org:{organisation_id}"),
    }
}

/// A quarter of the UK financial year (April to March): Q1 is April to June.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The calendar year the financial year begins in (2026 for 2026/27).
    pub year: i32,
    /// 1 to 4.
    pub number: u32,
}

/// The financial year a day falls in, by the calendar year it begins in.
pub fn financial_year(day: NaiveDate) -> i32 {
    if day.month() >= 4 {
        day.year()
    } else {
        day.year() - 1
    }
}

/// The first day of a financial year.
pub fn financial_year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 4, 1).unwrap_or(NaiveDate::MIN)
}

/// "2026/27".
pub fn financial_year_label(year: i32) -> String {
    format!("{year}/{:02}", (year + 1).rem_euclid(100))
}

impl Quarter {
    /// The quarter a day falls in.
    pub fn containing(day: NaiveDate) -> Quarter {
        let number = match day.month() {
            4..=6 => 1,
            7..=9 => 2,
            10..=12 => 3,
            _ => 4,
        };
        Quarter {
            year: financial_year(day),
            number,
        }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        let (year, month) = match self.number {
            1 => (self.year, 4),
            2 => (self.year, 7),
            3 => (self.year, 10),
            _ => (self.year + 1, 1),
        };
        NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The quarter after it.
    pub fn next(self) -> Quarter {
        if self.number >= 4 {
            Quarter {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// The quarter before it.
    pub fn previous(self) -> Quarter {
        if self.number <= 1 {
            Quarter {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number - 1,
            }
        }
    }

    /// The day after its last (the next quarter's first).
    pub fn end_exclusive(self) -> NaiveDate {
        self.next().first_day()
    }

    /// Its last day.
    pub fn last_day(self) -> NaiveDate {
        self.end_exclusive().pred_opt().unwrap_or(NaiveDate::MIN)
    }

    /// Whether a day falls in it.
    pub fn holds(self, day: NaiveDate) -> bool {
        self.first_day() <= day && day < self.end_exclusive()
    }

    /// The code in a link: "2026-q1".
    pub fn code(self) -> String {
        format!("{}-q{}", self.year, self.number)
    }

    /// Reads "2026-q1" (or "2026-Q1") back; `None` for anything else.
    pub fn parse(code: &str) -> Option<Quarter> {
        let (year, number) = code.trim().split_once(['-'])?;
        let number = number.strip_prefix(['q', 'Q'])?;
        let year: i32 = year.parse().ok()?;
        let number: u32 = number.parse().ok()?;
        ((1..=4).contains(&number) && (0..=9999).contains(&year))
            .then_some(Quarter { year, number })
    }

    /// "2026/27 Q1".
    pub fn label(self) -> String {
        format!("{} Q{}", financial_year_label(self.year), self.number)
    }
}

coded_enum! {
    /// Where a firm's value of support stands against the minimal financial
    /// assistance limit.
    pub enum SubsidyLevel {
        Clear = "clear", "subsidy-level-clear";
        /// At 80% of the limit or more.
        Near = "near", "subsidy-level-near";
        /// Over the limit.
        Over = "over", "subsidy-level-over";
    }
}

/// Where a total over three financial years stands against the limit.
pub fn subsidy_level(total: Pence) -> SubsidyLevel {
    if total.0 > MFA_LIMIT.0 {
        SubsidyLevel::Over
    } else if i128::from(total.0) * 100 >= i128::from(MFA_LIMIT.0) * i128::from(MFA_WARNING_PERCENT)
    {
        SubsidyLevel::Near
    } else {
        SubsidyLevel::Clear
    }
}

/// The three financial years counted on a day: the current one and the two
/// before it, as the years they begin in, oldest first.
pub fn mfa_years(day: NaiveDate) -> [i32; 3] {
    let y = financial_year(day);
    [y - 2, y - 1, y]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_shipped_indicators_read_with_a_rule_and_both_languages_each() {
        let all = shipped().unwrap();
        assert!(all.len() >= 8);
        for code in ["CO01", "CO04", "CO08", "CO28", "CO29"] {
            assert!(all.iter().any(|i| i.code == code), "{code}");
        }
        let mut codes: Vec<&str> = all.iter().map(|i| i.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "codes are unique");
        for i in &all {
            assert!(!i.name_cy.is_empty() && !i.definition_cy.is_empty());
            assert!(
                !i.name_en.is_empty() && !i.definition_en.is_empty(),
                "{}",
                i.code
            );
            if i.rule == EvidenceRule::SupportedHoursMin {
                assert!(i.hours.unwrap_or(0) > 0, "{}", i.code);
            }
        }
        assert!(all.iter().any(|i| i.set == Some(IndicatorSet::Ukspf)));
    }

    #[test]
    fn quarters_follow_the_uk_financial_year() {
        assert_eq!(
            Quarter::containing(day(2026, 4, 1)),
            Quarter {
                year: 2026,
                number: 1
            }
        );
        assert_eq!(Quarter::containing(day(2026, 6, 30)).number, 1);
        assert_eq!(Quarter::containing(day(2026, 7, 1)).number, 2);
        let q4 = Quarter::containing(day(2027, 3, 31));
        assert_eq!((q4.year, q4.number), (2026, 4));
        assert_eq!(q4.first_day(), day(2027, 1, 1));
        assert_eq!(q4.last_day(), day(2027, 3, 31));
        assert_eq!(q4.next().first_day(), day(2027, 4, 1));
        assert_eq!(q4.next().previous(), q4);
        assert_eq!(q4.label(), "2026/27 Q4");
        assert_eq!(Quarter::parse(&q4.code()), Some(q4));
        assert_eq!(Quarter::parse("2026-q5"), None);
        assert_eq!(Quarter::parse("nonsense"), None);
        assert!(q4.holds(day(2027, 2, 14)) && !q4.holds(day(2027, 4, 1)));
    }

    #[test]
    fn a_firm_is_its_companies_house_number_when_it_gives_one() {
        assert_eq!(firm_key(Some(" sc123456 "), 4), "ch:SC123456");
        assert_eq!(firm_key(Some("SC123456"), 9), firm_key(Some("sc123456"), 4));
        assert_eq!(firm_key(None, 4), "org:4");
        assert_eq!(firm_key(Some(""), 4), "org:4");
    }

    #[test]
    fn the_subsidy_warning_starts_at_80_percent_of_315000() {
        assert_eq!(subsidy_level(Pence(25_199_999)), SubsidyLevel::Clear);
        assert_eq!(subsidy_level(Pence(25_200_000)), SubsidyLevel::Near);
        assert_eq!(subsidy_level(Pence(31_500_000)), SubsidyLevel::Near);
        assert_eq!(subsidy_level(Pence(31_500_001)), SubsidyLevel::Over);
        assert_eq!(mfa_years(day(2026, 3, 31)), [2023, 2024, 2025]);
        assert_eq!(mfa_years(day(2026, 4, 1)), [2024, 2025, 2026]);
    }

    #[test]
    fn hours_count_only_for_a_firm_supported_in_the_period() {
        let co01 = shipped()
            .unwrap()
            .into_iter()
            .find(|i| i.code == "CO01")
            .unwrap();
        let mut e = Evidence {
            supported: true,
            minutes_to_end: 12 * 60 - 1,
            ..Evidence::default()
        };
        assert_eq!(e.counts_for(&co01), Some(false));
        e.merge(&Evidence {
            minutes_to_end: 1,
            ..Evidence::default()
        });
        assert_eq!(e.counts_for(&co01), Some(true));
        e.supported = false;
        assert_eq!(e.counts_for(&co01), Some(false));
        let manual = shipped()
            .unwrap()
            .into_iter()
            .find(|i| i.rule == EvidenceRule::Manual)
            .unwrap();
        assert_eq!(e.counts_for(&manual), None);
    }
}
