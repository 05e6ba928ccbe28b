//! Innovation status as UKIS 2023 and the Oslo Manual (2018) define it
//! (design.md, "Innovation status"). The change in this status between entry
//! and follow-up is the programme's headline outcome for policy.

use crate::code::coded_enum;
use serde::{Deserialize, Serialize};

/// An organisation's answers to the four UKIS questions, each about the last
/// three years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct InnovationAnswers {
    /// 1. Introduced a new or significantly improved good or service.
    pub new_goods_or_services: bool,
    /// 2. Brought into use a new or significantly improved business process, in
    ///    any of the six Oslo business functions ([`OsloFunction`]).
    pub new_business_process: bool,
    /// 3. Had innovation work under way, or abandoned.
    pub ongoing_or_abandoned: bool,
    /// 4. Spent on R&D, training, external knowledge, or equipment/software
    ///    for innovation.
    pub innovation_spending: bool,
}

impl InnovationAnswers {
    /// UKIS "innovation active": question 1, 2 or 3. Spending alone (4) is not
    /// enough.
    pub fn is_innovation_active(&self) -> bool {
        self.new_goods_or_services || self.new_business_process || self.ongoing_or_abandoned
    }

    /// UKIS "broader innovator": any of questions 1–4.
    pub fn is_broader_innovator(&self) -> bool {
        self.is_innovation_active() || self.innovation_spending
    }
}

coded_enum! {
    /// The six business functions of the Oslo Manual 2018 in which a business
    /// process innovation can happen.
    pub enum OsloFunction {
        Production = "production", "innovation-function-production";
        DistributionAndLogistics = "distribution_and_logistics",
            "innovation-function-distribution-and-logistics";
        MarketingAndSales = "marketing_and_sales", "innovation-function-marketing-and-sales";
        InformationAndCommunicationSystems = "information_and_communication_systems",
            "innovation-function-information-and-communication-systems";
        AdministrationAndManagement = "administration_and_management",
            "innovation-function-administration-and-management";
        ProductAndProcessDevelopment = "product_and_process_development",
            "innovation-function-product-and-process-development";
    }
}

coded_enum! {
    /// Size by headcount: micro 0–9, small 10–49, medium 50–249, large 250+.
    pub enum EmployeeBand {
        Micro = "micro", "employee-band-micro";
        Small = "small", "employee-band-small";
        Medium = "medium", "employee-band-medium";
        Large = "large", "employee-band-large";
    }
}

impl Default for EmployeeBand {
    /// Most Welsh firms (about 95%) are micro firms.
    fn default() -> Self {
        EmployeeBand::Micro
    }
}

impl EmployeeBand {
    /// The band for a number of staff.
    pub fn from_headcount(staff: u32) -> EmployeeBand {
        match staff {
            0..=9 => EmployeeBand::Micro,
            10..=49 => EmployeeBand::Small,
            50..=249 => EmployeeBand::Medium,
            _ => EmployeeBand::Large,
        }
    }

    /// Inclusive headcount bounds; the large band has no upper bound.
    pub fn headcount_range(self) -> (u32, Option<u32>) {
        match self {
            EmployeeBand::Micro => (0, Some(9)),
            EmployeeBand::Small => (10, Some(49)),
            EmployeeBand::Medium => (50, Some(249)),
            EmployeeBand::Large => (250, None),
        }
    }

    /// Whether UKIS itself surveys firms of this size. It covers only firms with
    /// 10+ staff; Ymarfer asks micro firms too, and reports must say so when
    /// comparing with UKIS figures.
    pub fn covered_by_ukis(self) -> bool {
        self != EmployeeBand::Micro
    }
}

coded_enum! {
    /// When the questions are asked: at entry, at the end of the cohort, and at
    /// each follow-up after it ends.
    pub enum Stage {
        Entry = "entry", "innovation-stage-entry";
        End = "end", "innovation-stage-end";
        FollowUp3 = "follow_up_3", "innovation-stage-follow-up-3";
        FollowUp6 = "follow_up_6", "innovation-stage-follow-up-6";
        FollowUp12 = "follow_up_12", "innovation-stage-follow-up-12";
    }
}

impl Stage {
    /// Months after the cohort ends: `None` at entry, 0 at the end.
    pub fn months_after_end(self) -> Option<u32> {
        match self {
            Stage::Entry => None,
            Stage::End => Some(0),
            Stage::FollowUp3 => Some(3),
            Stage::FollowUp6 => Some(6),
            Stage::FollowUp12 => Some(12),
        }
    }

    /// Whether this is one of the 3-, 6- or 12-month check-ins.
    pub fn is_follow_up(self) -> bool {
        matches!(
            self,
            Stage::FollowUp3 | Stage::FollowUp6 | Stage::FollowUp12
        )
    }
}

coded_enum! {
    /// How one organisation's innovation-active status moved between two askings.
    pub enum Transition {
        BecameActive = "became_active", "innovation-transition-became-active";
        StayedActive = "stayed_active", "innovation-transition-stayed-active";
        StayedInactive = "stayed_inactive", "innovation-transition-stayed-inactive";
        Lapsed = "lapsed", "innovation-transition-lapsed";
    }
}

impl Transition {
    /// Compares innovation-active status before (e.g. at entry) and after
    /// (e.g. at a follow-up).
    pub fn between(before: &InnovationAnswers, after: &InnovationAnswers) -> Transition {
        match (before.is_innovation_active(), after.is_innovation_active()) {
            (false, true) => Transition::BecameActive,
            (true, true) => Transition::StayedActive,
            (false, false) => Transition::StayedInactive,
            (true, false) => Transition::Lapsed,
        }
    }
}

/// How many of a set of organisations meet a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Share {
    /// Organisations that meet the test.
    pub numerator: u64,
    /// Organisations asked.
    pub denominator: u64,
    /// numerator ÷ denominator in tenths of a percent (281 is 28.1%), rounded
    /// half up; `None` when nobody was asked.
    pub percent_tenths: Option<i64>,
}

impl Share {
    /// Counts the answers that satisfy `test`.
    pub fn of<'a, I, F>(answers: I, test: F) -> Share
    where
        I: IntoIterator<Item = &'a InnovationAnswers>,
        F: Fn(&InnovationAnswers) -> bool,
    {
        let (mut numerator, mut denominator) = (0u64, 0u64);
        for answer in answers {
            denominator += 1;
            if test(answer) {
                numerator += 1;
            }
        }
        Share {
            numerator,
            denominator,
            percent_tenths: percent_tenths(numerator, denominator),
        }
    }
}

/// The share of organisations that are innovation active (UKIS questions 1–3).
pub fn innovation_active_share<'a, I>(answers: I) -> Share
where
    I: IntoIterator<Item = &'a InnovationAnswers>,
{
    Share::of(answers, InnovationAnswers::is_innovation_active)
}

/// The share of organisations that are broader innovators (any of 1–4).
pub fn broader_innovator_share<'a, I>(answers: I) -> Share
where
    I: IntoIterator<Item = &'a InnovationAnswers>,
{
    Share::of(answers, InnovationAnswers::is_broader_innovator)
}

/// `part ÷ whole` in tenths of a percent, rounded half up (both are counts).
pub(crate) fn percent_tenths(part: u64, whole: u64) -> Option<i64> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u128::from(part), u128::from(whole));
    // (2 × part × 1000 + whole) ÷ (2 × whole) is part × 1000 ÷ whole, halves up.
    let rounded = (2 * part * 1000 + whole) / (2 * whole);
    i64::try_from(rounded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(q1: bool, q2: bool, q3: bool, q4: bool) -> InnovationAnswers {
        InnovationAnswers {
            new_goods_or_services: q1,
            new_business_process: q2,
            ongoing_or_abandoned: q3,
            innovation_spending: q4,
        }
    }

    #[test]
    fn active_is_any_of_one_to_three() {
        // Every one of the 16 combinations, against the definitions spelt out.
        for bits in 0u8..16 {
            let (q1, q2, q3, q4) = (bits & 1 != 0, bits & 2 != 0, bits & 4 != 0, bits & 8 != 0);
            let a = answers(q1, q2, q3, q4);
            assert_eq!(a.is_innovation_active(), q1 || q2 || q3, "{a:?}");
            assert_eq!(a.is_broader_innovator(), q1 || q2 || q3 || q4, "{a:?}");
        }
    }

    #[test]
    fn spending_alone_is_broader_but_not_active() {
        let spender = answers(false, false, false, true);
        assert!(!spender.is_innovation_active());
        assert!(spender.is_broader_innovator());
        let process_only = answers(false, true, false, false);
        assert!(process_only.is_innovation_active());
        let none = InnovationAnswers::default();
        assert!(!none.is_innovation_active());
        assert!(!none.is_broader_innovator());
    }

    #[test]
    fn codes_round_trip() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            as_str: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
            message_id: fn(T) -> &'static str,
        ) {
            let mut ids = std::collections::HashSet::new();
            for &value in all {
                assert_eq!(parse(as_str(value)), Some(value));
                assert!(ids.insert(message_id(value)), "duplicate message id");
                assert!(!message_id(value).contains('_'), "Fluent ids use hyphens");
            }
            assert_eq!(parse("unknown"), None);
        }
        check(
            &OsloFunction::ALL,
            OsloFunction::as_str,
            OsloFunction::parse,
            OsloFunction::message_id,
        );
        check(
            &EmployeeBand::ALL,
            EmployeeBand::as_str,
            EmployeeBand::parse,
            EmployeeBand::message_id,
        );
        check(&Stage::ALL, Stage::as_str, Stage::parse, Stage::message_id);
        check(
            &Transition::ALL,
            Transition::as_str,
            Transition::parse,
            Transition::message_id,
        );
        assert_eq!(OsloFunction::ALL.len(), 6);
        assert_eq!(Stage::FollowUp12.as_str(), "follow_up_12");
        assert_eq!(
            Stage::FollowUp3.message_id(),
            "innovation-stage-follow-up-3"
        );
        assert_eq!(EmployeeBand::Micro.message_id(), "employee-band-micro");
    }

    #[test]
    fn serde_uses_the_storage_codes() {
        #[derive(Deserialize)]
        struct Row {
            stage: Stage,
            band: EmployeeBand,
            function: OsloFunction,
        }
        let row: Row = toml::from_str(
            "stage = \"follow_up_6\"\nband = \"small\"\nfunction = \"marketing_and_sales\"",
        )
        .unwrap();
        assert_eq!(row.stage, Stage::FollowUp6);
        assert_eq!(row.band, EmployeeBand::Small);
        assert_eq!(row.function, OsloFunction::MarketingAndSales);
    }

    #[test]
    fn employee_bands_from_headcount() {
        assert_eq!(EmployeeBand::from_headcount(0), EmployeeBand::Micro);
        assert_eq!(EmployeeBand::from_headcount(9), EmployeeBand::Micro);
        assert_eq!(EmployeeBand::from_headcount(10), EmployeeBand::Small);
        assert_eq!(EmployeeBand::from_headcount(49), EmployeeBand::Small);
        assert_eq!(EmployeeBand::from_headcount(50), EmployeeBand::Medium);
        assert_eq!(EmployeeBand::from_headcount(249), EmployeeBand::Medium);
        assert_eq!(EmployeeBand::from_headcount(250), EmployeeBand::Large);
        assert_eq!(EmployeeBand::from_headcount(u32::MAX), EmployeeBand::Large);
        // The bands' ranges agree with from_headcount at both ends.
        for band in EmployeeBand::ALL {
            let (low, high) = band.headcount_range();
            assert_eq!(EmployeeBand::from_headcount(low), band);
            if let Some(high) = high {
                assert_eq!(EmployeeBand::from_headcount(high), band);
            }
        }
    }

    #[test]
    fn ukis_covers_ten_or_more_staff() {
        assert!(!EmployeeBand::Micro.covered_by_ukis());
        assert!(EmployeeBand::Small.covered_by_ukis());
        assert!(EmployeeBand::Medium.covered_by_ukis());
        assert!(EmployeeBand::Large.covered_by_ukis());
    }

    #[test]
    fn stages() {
        assert_eq!(Stage::Entry.months_after_end(), None);
        assert_eq!(Stage::End.months_after_end(), Some(0));
        assert_eq!(Stage::FollowUp6.months_after_end(), Some(6));
        assert_eq!(Stage::FollowUp12.months_after_end(), Some(12));
        assert!(!Stage::End.is_follow_up());
        assert!(Stage::FollowUp3.is_follow_up());
        // Asked in this order.
        assert_eq!(
            Stage::ALL,
            [
                Stage::Entry,
                Stage::End,
                Stage::FollowUp3,
                Stage::FollowUp6,
                Stage::FollowUp12
            ]
        );
    }

    #[test]
    fn transitions() {
        let active = answers(false, true, false, false);
        let inactive = answers(false, false, false, true);
        assert_eq!(
            Transition::between(&inactive, &active),
            Transition::BecameActive
        );
        assert_eq!(
            Transition::between(&active, &active),
            Transition::StayedActive
        );
        assert_eq!(
            Transition::between(&inactive, &inactive),
            Transition::StayedInactive
        );
        assert_eq!(Transition::between(&active, &inactive), Transition::Lapsed);
    }

    #[test]
    fn share_innovation_active() {
        // 7 organisations: 2 active (one by a new service, one by a new process),
        // 1 spending only, 4 with nothing.
        let mut cohort = vec![
            answers(true, false, false, false),
            answers(false, true, false, true),
            answers(false, false, false, true),
        ];
        cohort.extend(std::iter::repeat_n(InnovationAnswers::default(), 4));
        // Active: 2 of 7 = 28.571…% → 28.6% → 286 tenths.
        let active = innovation_active_share(&cohort);
        assert_eq!(
            active,
            Share {
                numerator: 2,
                denominator: 7,
                percent_tenths: Some(286)
            }
        );
        // Broader: 3 of 7 = 42.857…% → 42.9%.
        let broader = broader_innovator_share(&cohort);
        assert_eq!((broader.numerator, broader.denominator), (3, 7));
        assert_eq!(broader.percent_tenths, Some(429));
    }

    #[test]
    fn share_edges() {
        // Nobody asked: no percentage.
        let empty: [InnovationAnswers; 0] = [];
        assert_eq!(
            innovation_active_share(&empty),
            Share {
                numerator: 0,
                denominator: 0,
                percent_tenths: None
            }
        );
        // 1 of 8 = 12.5% exactly → 125; 1 of 16 = 6.25% → 6.3% (half up) → 63.
        let mut eight = vec![answers(true, false, false, false)];
        eight.extend(std::iter::repeat_n(InnovationAnswers::default(), 7));
        assert_eq!(innovation_active_share(&eight).percent_tenths, Some(125));
        let mut sixteen = eight.clone();
        sixteen.extend(std::iter::repeat_n(InnovationAnswers::default(), 8));
        assert_eq!(innovation_active_share(&sixteen).percent_tenths, Some(63));
        // Everyone: 100.0%.
        let all = [answers(false, false, true, false); 3];
        assert_eq!(innovation_active_share(&all).percent_tenths, Some(1000));
        // 31 of 100: the UKIS 2023 figure for Wales, 31.0%.
        let mut wales = vec![answers(true, false, false, false); 31];
        wales.extend(std::iter::repeat_n(InnovationAnswers::default(), 69));
        assert_eq!(innovation_active_share(&wales).percent_tenths, Some(310));
        // Any test can be counted, e.g. process innovators only.
        let process = Share::of(&wales, |a| a.new_business_process);
        assert_eq!(process.numerator, 0);
        assert_eq!(process.percent_tenths, Some(0));
    }
}
