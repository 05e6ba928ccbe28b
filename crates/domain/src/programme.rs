//! Programmes, cohorts, sessions and sets: the rules that need no database.

use crate::Pence;
use crate::code::coded_enum;
use crate::impact::CaptureFactor;
use serde::Serialize;

/// A URL-safe name: lower-case letters, digits and single hyphens, 2–60 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Option<Slug> {
        let s = input.trim();
        let ok = (2..=60).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        ok.then(|| Slug(s.to_string()))
    }

    /// A slug made from a name: "Cohort 1 — Gogledd" → "cohort-1-gogledd".
    pub fn from_name(name: &str) -> Option<Slug> {
        let mut out = String::new();
        for c in name.chars().flat_map(fold_welsh) {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let trimmed: String = out.trim_end_matches('-').chars().take(60).collect();
        Slug::parse(trimmed.trim_end_matches('-'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Letters with Welsh (and other) accents, folded for slugs: ŵ → w, â → a.
fn fold_welsh(c: char) -> impl Iterator<Item = char> {
    let folded = match c {
        'â' | 'á' | 'à' | 'ä' | 'Â' | 'Á' | 'À' | 'Ä' => 'a',
        'ê' | 'é' | 'è' | 'ë' | 'Ê' | 'É' | 'È' | 'Ë' => 'e',
        'î' | 'í' | 'ì' | 'ï' | 'Î' | 'Í' | 'Ì' | 'Ï' => 'i',
        'ô' | 'ó' | 'ò' | 'ö' | 'Ô' | 'Ó' | 'Ò' | 'Ö' => 'o',
        'û' | 'ú' | 'ù' | 'ü' | 'Û' | 'Ú' | 'Ù' | 'Ü' => 'u',
        'ŵ' | 'ẃ' | 'ẁ' | 'ẅ' | 'Ŵ' => 'w',
        'ŷ' | 'ý' | 'ỳ' | 'ÿ' | 'Ŷ' => 'y',
        other => other,
    };
    std::iter::once(folded)
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Companies House company number: eight digits, or two letters and six digits
/// (SC, NI, OC…). Short all-digit numbers are padded with zeros, as the register does.
pub fn companies_house_number(input: &str) -> Option<String> {
    let s: String = input
        .trim()
        .to_ascii_uppercase()
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    if !s.is_empty() && s.len() <= 8 && s.chars().all(|c| c.is_ascii_digit()) {
        return Some(format!("{s:0>8}"));
    }
    let b = s.as_bytes();
    let ok = b.len() == 8
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
        && b[2..].iter().all(u8::is_ascii_digit);
    ok.then_some(s)
}

/// What is wrong with a programme's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureProblem {
    /// The parts of the cost add up to more than the whole.
    BreakdownExceedsCost,
    /// Hours saved cannot be valued at nothing an hour.
    RateZero,
    /// The capture factor must be above 0 and at most 1.
    CaptureOutOfRange,
}

impl FigureProblem {
    /// The form field it belongs to.
    pub fn field(self) -> &'static str {
        match self {
            FigureProblem::BreakdownExceedsCost => "cost_delivery",
            FigureProblem::RateZero => "hourly_rate",
            FigureProblem::CaptureOutOfRange => "capture_factor",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            FigureProblem::BreakdownExceedsCost => "error-breakdown-exceeds-cost",
            FigureProblem::RateZero => "error-rate-zero",
            FigureProblem::CaptureOutOfRange => "error-capture-factor",
        }
    }
}

/// Checks a programme's figures: the cost's breakdown within the cost, a default
/// hourly rate above zero, a capture factor in (0, 1].
pub fn check_figures(
    cost: Pence,
    breakdown: &[Pence],
    rate: Pence,
    capture: CaptureFactor,
) -> Vec<FigureProblem> {
    let mut problems = Vec::new();
    if breakdown.iter().map(|p| p.0).sum::<i64>() > cost.0 {
        problems.push(FigureProblem::BreakdownExceedsCost);
    }
    if rate.0 <= 0 {
        problems.push(FigureProblem::RateZero);
    }
    if capture.0 == 0 || capture.0 > 1000 {
        problems.push(FigureProblem::CaptureOutOfRange);
    }
    problems
}

coded_enum! {
    /// Where a person's enrolment in a cohort stands (its history is kept apart).
    pub enum EnrolmentStatus {
        Active = "active", "enrolmentstatus-active";
        Withdrawn = "withdrawn", "enrolmentstatus-withdrawn";
    }
}

coded_enum! {
    /// How a cohort meets.
    pub enum DeliveryMode {
        InPerson = "in_person", "deliverymode-in-person";
        Online = "online", "deliverymode-online";
        Blended = "blended", "deliverymode-blended";
    }
}

impl Default for DeliveryMode {
    /// A cohort meets in person unless it says otherwise.
    fn default() -> Self {
        DeliveryMode::InPerson
    }
}

coded_enum! {
    /// The language a cohort works in: its sessions' titles and agendas are
    /// written in it, and marked as such on pages in the other language.
    pub enum DeliveryLanguage {
        Both = "both", "deliverylanguage-both";
        Welsh = "cy", "deliverylanguage-cy";
        English = "en", "deliverylanguage-en";
    }
}

impl Default for DeliveryLanguage {
    /// A cohort works in both languages unless it says otherwise.
    fn default() -> Self {
        DeliveryLanguage::Both
    }
}

impl DeliveryLanguage {
    /// The one language, when the cohort works in one.
    pub fn lang(self) -> Option<crate::Lang> {
        match self {
            DeliveryLanguage::Both => None,
            DeliveryLanguage::Welsh => Some(crate::Lang::Cy),
            DeliveryLanguage::English => Some(crate::Lang::En),
        }
    }
}

coded_enum! {
    /// The kinds of session a cohort holds.
    pub enum SessionKind {
        Workshop = "workshop", "sessionkind-workshop";
        SiteVisit = "site_visit", "sessionkind-site-visit";
        ActionLearningSet = "action_learning_set", "sessionkind-action-learning-set";
        Masterclass = "masterclass", "sessionkind-masterclass";
        Clinic = "clinic", "sessionkind-clinic";
    }
}

impl Default for SessionKind {
    /// The usual session: a workshop.
    fn default() -> Self {
        SessionKind::Workshop
    }
}

coded_enum! {
    /// What the register records for one person at one session.
    pub enum Attendance {
        Present = "present", "attendance-present";
        Apologies = "apologies", "attendance-apologies";
        Absent = "absent", "attendance-absent";
    }
}

/// Attendance rate in whole percent: present ÷ sessions recorded. Apologies count
/// as not attending; sessions with nothing recorded do not count.
pub fn attendance_percent(records: &[Attendance]) -> Option<u32> {
    if records.is_empty() {
        return None;
    }
    let present = records
        .iter()
        .filter(|a| **a == Attendance::Present)
        .count();
    Some(((present * 200 + records.len()) / (records.len() * 2)) as u32)
}

/// Someone to place in an action-learning set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetCandidate {
    pub user_id: i64,
    pub sector: char,
    pub band: String,
}

pub const SET_MIN: usize = 4;
pub const SET_MAX: usize = 7;

/// Proposes action-learning sets of 4–7 that mix sectors and balance sizes: as few
/// sets as the maximum size allows, people sorted by sector (then size band) and
/// dealt round the sets in turn, so that firms of one sector are spread out.
/// Fewer than four people make one set.
pub fn propose_sets(people: &[SetCandidate]) -> Vec<Vec<i64>> {
    if people.is_empty() {
        return Vec::new();
    }
    let n = people.len();
    let sets = n.div_ceil(SET_MAX).max(1);
    let mut sorted: Vec<&SetCandidate> = people.iter().collect();
    sorted.sort_by(|a, b| (a.sector, &a.band, a.user_id).cmp(&(b.sector, &b.band, b.user_id)));
    let mut out = vec![Vec::new(); sets];
    for (i, p) in sorted.into_iter().enumerate() {
        out[i % sets].push(p.user_id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programme_figures_are_checked() {
        let ok = check_figures(
            Pence(1000),
            &[Pence(400), Pence(600)],
            Pence(2500),
            CaptureFactor(800),
        );
        assert!(ok.is_empty());
        assert_eq!(
            check_figures(
                Pence(1000),
                &[Pence(400), Pence(601)],
                Pence(0),
                CaptureFactor(0)
            ),
            vec![
                FigureProblem::BreakdownExceedsCost,
                FigureProblem::RateZero,
                FigureProblem::CaptureOutOfRange
            ]
        );
        assert_eq!(
            check_figures(Pence(0), &[], Pence(1), CaptureFactor(1001)),
            vec![FigureProblem::CaptureOutOfRange]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(
            Slug::parse("ceic-wales-2026").map(|s| s.0),
            Some("ceic-wales-2026".into())
        );
        for bad in ["A", "Has Space", "-x", "x-", "a--b", "ŵ"] {
            assert!(Slug::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(
            Slug::from_name("Carfan 1: Gŵyr & Môn").map(|s| s.0),
            Some("carfan-1-gwyr-mon".into())
        );
        assert!(Slug::from_name("!!!").is_none());
    }

    #[test]
    fn company_numbers() {
        assert_eq!(companies_house_number("1234567"), Some("01234567".into()));
        assert_eq!(companies_house_number("sc123456"), Some("SC123456".into()));
        assert_eq!(companies_house_number("R0123456"), Some("R0123456".into()));
        assert_eq!(companies_house_number("123456789"), None);
        assert_eq!(companies_house_number("SC12345X"), None);
        assert_eq!(companies_house_number(""), None);
    }

    #[test]
    fn codes_and_message_ids() {
        assert_eq!(
            SessionKind::parse("site_visit"),
            Some(SessionKind::SiteVisit)
        );
        assert_eq!(
            SessionKind::SiteVisit.message_id(),
            "sessionkind-site-visit"
        );
        assert_eq!(DeliveryMode::ALL.len(), 3);
        assert_eq!(Attendance::parse("nope"), None);
    }

    #[test]
    fn attendance_rates_round_to_whole_percent() {
        use Attendance::*;
        assert_eq!(attendance_percent(&[]), None);
        assert_eq!(attendance_percent(&[Present, Present, Apologies]), Some(67));
        assert_eq!(attendance_percent(&[Present, Absent]), Some(50));
        assert_eq!(attendance_percent(&[Present; 8]), Some(100));
    }

    #[test]
    fn sets_mix_sectors_and_balance_sizes() {
        let people: Vec<SetCandidate> = (0..15)
            .map(|i| SetCandidate {
                user_id: i,
                sector: ['C', 'I', 'Q'][(i % 3) as usize],
                band: "micro".into(),
            })
            .collect();
        let sets = propose_sets(&people);
        assert_eq!(sets.len(), 3, "15 people need 3 sets of at most 7");
        assert!(sets.iter().all(|s| (4..=7).contains(&s.len())));
        assert_eq!(sets.iter().map(Vec::len).sum::<usize>(), 15);
        for set in &sets {
            let sectors: std::collections::HashSet<char> =
                set.iter().map(|id| people[*id as usize].sector).collect();
            assert_eq!(
                sectors.len(),
                3,
                "each set mixes all three sectors: {set:?}"
            );
        }
        let eight: Vec<SetCandidate> = people.iter().take(8).cloned().collect();
        let sets = propose_sets(&eight);
        assert_eq!(sets.iter().map(Vec::len).collect::<Vec<_>>(), vec![4, 4]);
        assert_eq!(propose_sets(&people[..3]).len(), 1);
    }
}
