//! The impact method's hand-worked tests.

use super::*;

/// £ → pence, for readable examples.
fn pounds(p: i64) -> Pence {
    Pence(p * 100)
}

// ---- enums ---------------------------------------------------------------

#[test]
fn codes_round_trip_and_message_ids_are_distinct() {
    fn check<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        as_str: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
        message_id: fn(T) -> &'static str,
    ) {
        let mut seen = std::collections::HashSet::new();
        for &value in all {
            assert_eq!(parse(as_str(value)), Some(value));
            assert!(message_id(value).starts_with("impact-"));
            assert!(seen.insert(message_id(value)), "duplicate message id");
            // Codes are snake_case ASCII.
            assert!(
                as_str(value)
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_')
            );
        }
        assert_eq!(parse("nonsense"), None);
        assert_eq!(parse(""), None);
    }
    check(
        &Category::ALL,
        Category::as_str,
        Category::parse,
        Category::message_id,
    );
    check(
        &SavingsType::ALL,
        SavingsType::as_str,
        SavingsType::parse,
        SavingsType::message_id,
    );
    check(
        &Frequency::ALL,
        Frequency::as_str,
        Frequency::parse,
        Frequency::message_id,
    );
    check(
        &Status::ALL,
        Status::as_str,
        Status::parse,
        Status::message_id,
    );
    check(
        &WasteLevel::ALL,
        WasteLevel::as_str,
        WasteLevel::parse,
        WasteLevel::message_id,
    );
    assert_eq!(Category::ALL.len(), 9);
    assert_eq!(
        Category::LabourTime.message_id(),
        "impact-category-labour-time"
    );
    assert_eq!(
        WasteLevel::PreparingForReuse.as_str(),
        "preparing_for_reuse"
    );
    assert_eq!(Frequency::parse("one_off"), Some(Frequency::OneOff));
    assert_eq!(Status::parse("Verified"), None, "codes are exact");
}

#[test]
fn serde_uses_the_storage_codes() {
    #[derive(Deserialize)]
    struct Row {
        category: Category,
        frequency: Frequency,
        level: WasteLevel,
    }
    let row: Row = toml::from_str(
        "category = \"avoided_cost\"\nfrequency = \"one_off\"\nlevel = \"other_recovery\"",
    )
    .unwrap();
    assert_eq!(row.category, Category::AvoidedCost);
    assert_eq!(row.frequency, Frequency::OneOff);
    assert_eq!(row.level, WasteLevel::OtherRecovery);
}

#[test]
fn periods_per_year() {
    assert_eq!(Frequency::OneOff.periods_per_year(), 1);
    assert_eq!(Frequency::Weekly.periods_per_year(), 52);
    assert_eq!(Frequency::Monthly.periods_per_year(), 12);
    assert_eq!(Frequency::Quarterly.periods_per_year(), 4);
    assert_eq!(Frequency::Annually.periods_per_year(), 1);
    assert!(!Frequency::OneOff.is_recurring());
    assert!(Frequency::Weekly.is_recurring());
}

// ---- parsing -------------------------------------------------------------

#[test]
fn parses_hours() {
    assert_eq!(Hours::parse("1.5"), Ok(Hours(150)));
    assert_eq!(Hours::parse("2"), Ok(Hours(200)));
    assert_eq!(Hours::parse(" 0.25 "), Ok(Hours(25)));
    assert_eq!(Hours::parse(".5"), Ok(Hours(50)));
    assert_eq!(Hours::parse("3."), Ok(Hours(300)));
    assert_eq!(Hours::parse("1,000"), Ok(Hours(100_000)));
    assert_eq!(Hours::parse("1.255"), Err(ImpactParseError::Hours));
    assert_eq!(Hours::parse("-1"), Err(ImpactParseError::Hours));
    assert_eq!(Hours::parse("1,5"), Err(ImpactParseError::Hours));
    assert_eq!(Hours::parse(""), Err(ImpactParseError::Hours));
    assert_eq!(Hours::parse("."), Err(ImpactParseError::Hours));
    assert_eq!(Hours::parse("two"), Err(ImpactParseError::Hours));
    assert_eq!(
        Hours::parse("99999999999999999999"),
        Err(ImpactParseError::TooLarge(crate::bounds::Bound::Hours))
    );
    assert_eq!(Hours::from_whole(3), Hours(300));
    assert_eq!(ImpactParseError::Hours.to_string(), "error-hours-invalid");
}

#[test]
fn formats_hours_without_trailing_zeros() {
    assert_eq!(Hours(150).to_string(), "1.5");
    assert_eq!(Hours(200).to_string(), "2");
    assert_eq!(Hours(25).to_string(), "0.25");
    assert_eq!(Hours(-50).to_string(), "-0.5");
}

#[test]
fn parses_capture_factor() {
    assert_eq!(CaptureFactor::default(), CaptureFactor(1000));
    assert_eq!(CaptureFactor::parse("0.8"), Ok(CaptureFactor(800)));
    assert_eq!(CaptureFactor::parse("1"), Ok(CaptureFactor::ONE));
    assert_eq!(CaptureFactor::parse("0.125"), Ok(CaptureFactor(125)));
    assert_eq!(CaptureFactor::parse("0"), Ok(CaptureFactor(0)));
    assert_eq!(
        CaptureFactor::parse("1.1"),
        Err(ImpactParseError::CaptureFactor)
    );
    assert_eq!(
        CaptureFactor::parse("0.8125"),
        Err(ImpactParseError::CaptureFactor)
    );
    assert_eq!(
        CaptureFactor::parse("-0.5"),
        Err(ImpactParseError::CaptureFactor)
    );
    assert_eq!(CaptureFactor(800).to_string(), "0.8");
    assert_eq!(CaptureFactor::ONE.to_string(), "1");
}

#[test]
fn parses_quantities() {
    assert_eq!(Quantity::parse("1,200"), Ok(Quantity(1_200_000)));
    assert_eq!(Quantity::parse("12.5"), Ok(Quantity(12_500)));
    assert_eq!(Quantity::parse("0.125"), Ok(Quantity(125)));
    assert_eq!(Quantity::parse("0.1255"), Err(ImpactParseError::Quantity));
    assert_eq!(Quantity::parse("-3"), Err(ImpactParseError::Quantity));
    assert_eq!(Quantity::parse("12,34"), Err(ImpactParseError::Quantity));
    assert_eq!(Quantity::parse(",123"), Err(ImpactParseError::Quantity));
    assert_eq!(Quantity::from_whole(50), Quantity(50_000));
    assert_eq!(Quantity(1_500).to_string(), "1.5");
    assert_eq!(Quantity(1_200_000).to_string(), "1200");
}

// ---- rates ---------------------------------------------------------------

#[test]
fn rate_is_line_else_organisation_else_programme() {
    let line = Some(pounds(30));
    let organisation = Some(pounds(20));
    let programme = pounds(15);
    assert_eq!(resolve_rate(line, organisation, programme), pounds(30));
    assert_eq!(resolve_rate(None, organisation, programme), pounds(20));
    assert_eq!(resolve_rate(None, None, programme), pounds(15));
    assert_eq!(resolve_rate(line, None, programme), pounds(30));
}

#[test]
fn hours_valued_at_line_organisation_and_programme_rates() {
    // 2 h a week; line rate £30, organisation £20, programme £15; capture 1.0.
    let valuation = Valuation {
        organisation_rate: Some(pounds(20)),
        programme_rate: pounds(15),
        capture: CaptureFactor::ONE,
    };
    let with_line_rate = LineValue::Hours {
        hours: Hours(200),
        line_rate: Some(pounds(30)),
    };
    let without_line_rate = LineValue::Hours {
        hours: Hours(200),
        line_rate: None,
    };
    // Line rate: 2 h × £30 = £60 a week × 52 = £3,120.00.
    assert_eq!(
        with_line_rate.first_year_value(Frequency::Weekly, &valuation),
        Pence(312_000)
    );
    // Organisation rate: 2 h × £20 = £40 a week × 52 = £2,080.00.
    assert_eq!(
        without_line_rate.first_year_value(Frequency::Weekly, &valuation),
        Pence(208_000)
    );
    // Programme default: 2 h × £15 = £30 a week × 52 = £1,560.00.
    let no_organisation_rate = Valuation {
        organisation_rate: None,
        ..valuation
    };
    assert_eq!(
        without_line_rate.first_year_value(Frequency::Weekly, &no_organisation_rate),
        Pence(156_000)
    );
    assert_eq!(
        without_line_rate.per_period(None, pounds(15)),
        PerPeriod::Hours {
            hours: Hours(200),
            rate: pounds(15)
        }
    );
}

#[test]
fn capture_factor_scales_hours_only() {
    // 2 h a week at £25.00 with capture 0.8:
    //   200 × 2500 × 800 × 52 = 20,800,000,000; ÷ 100,000 = 208,000p.
    //   By hand: 2 × £25 × 0.8 = £40 a week; × 52 = £2,080.00.
    let hours = PerPeriod::Hours {
        hours: Hours(200),
        rate: Pence(2500),
    };
    assert_eq!(
        first_year_value(hours, Frequency::Weekly, CaptureFactor(800)),
        Pence(208_000)
    );
    // The same line at capture 1.0 is £2,600.00.
    assert_eq!(
        first_year_value(hours, Frequency::Weekly, CaptureFactor::ONE),
        Pence(260_000)
    );
    // An amount line ignores the capture factor: £50 a month × 12 = £600.00.
    assert_eq!(
        first_year_value(
            PerPeriod::Amount(pounds(50)),
            Frequency::Monthly,
            CaptureFactor(800)
        ),
        pounds(600)
    );
}

// ---- first-year value ----------------------------------------------------

#[test]
fn every_frequency_for_an_amount() {
    let value = |pence, frequency| {
        first_year_value(
            PerPeriod::Amount(Pence(pence)),
            frequency,
            CaptureFactor::ONE,
        )
    };
    // One-off £5,000.00 counts once: £5,000.00.
    assert_eq!(value(500_000, Frequency::OneOff), Pence(500_000));
    // Weekly £40.25 × 52 = £2,093.00.
    assert_eq!(value(4_025, Frequency::Weekly), Pence(209_300));
    // Monthly £125.50 × 12 = £1,506.00.
    assert_eq!(value(12_550, Frequency::Monthly), Pence(150_600));
    // Quarterly £1,000.00 × 4 = £4,000.00.
    assert_eq!(value(100_000, Frequency::Quarterly), Pence(400_000));
    // Annually £2,400.00 × 1 = £2,400.00.
    assert_eq!(value(240_000, Frequency::Annually), Pence(240_000));
}

#[test]
fn every_frequency_for_hours() {
    // 1.5 h at £12.34 (1234p), capture 1.0: per period 150 × 1234 × 1000 =
    // 185,100,000; ÷ 100,000 = 1,851p (£18.51) exactly.
    let hours = PerPeriod::Hours {
        hours: Hours(150),
        rate: Pence(1234),
    };
    let value = |frequency| first_year_value(hours, frequency, CaptureFactor::ONE);
    assert_eq!(value(Frequency::OneOff), Pence(1_851));
    assert_eq!(value(Frequency::Weekly), Pence(96_252)); // 1,851 × 52
    assert_eq!(value(Frequency::Monthly), Pence(22_212)); // 1,851 × 12
    assert_eq!(value(Frequency::Quarterly), Pence(7_404)); // 1,851 × 4
    assert_eq!(value(Frequency::Annually), Pence(1_851));
}

#[test]
fn rounds_halves_away_from_zero() {
    // 0.5 h at £10.01, one-off: 50 × 1001 × 1000 = 50,050,000; ÷ 100,000 =
    // 500.5p → 501p.
    let half_up = PerPeriod::Hours {
        hours: Hours(50),
        rate: Pence(1001),
    };
    assert_eq!(
        first_year_value(half_up, Frequency::OneOff, CaptureFactor::ONE),
        Pence(501)
    );
    // A credit line (0.5 h more each time): −500.5p → −501p, not −500p.
    let credit = PerPeriod::Hours {
        hours: Hours(-50),
        rate: Pence(1001),
    };
    assert_eq!(
        first_year_value(credit, Frequency::OneOff, CaptureFactor::ONE),
        Pence(-501)
    );
    // Just under a half rounds toward zero: 0.33 h × £10.01 = 330.33p → 330p;
    // and −330.33p → −330p.
    let under = PerPeriod::Hours {
        hours: Hours(33),
        rate: Pence(1001),
    };
    assert_eq!(
        first_year_value(under, Frequency::OneOff, CaptureFactor::ONE),
        Pence(330)
    );
    let under_credit = PerPeriod::Hours {
        hours: Hours(-33),
        rate: Pence(1001),
    };
    assert_eq!(
        first_year_value(under_credit, Frequency::OneOff, CaptureFactor::ONE),
        Pence(-330)
    );
    // Rounding happens after × periods, not per period: 0.25 h at £10.01
    // weekly is 250.25p a week; exactly 25 × 1001 × 1000 × 52 ÷ 100,000 =
    // 13,013p. Rounding each week first would give 250p × 52 = 13,000p.
    let weekly = PerPeriod::Hours {
        hours: Hours(25),
        rate: Pence(1001),
    };
    assert_eq!(
        first_year_value(weekly, Frequency::Weekly, CaptureFactor::ONE),
        Pence(13_013)
    );
    // A capture factor can create the half: 0.01 h × £0.50 × 0.9 = 0.45p → 0p;
    // 0.01 h × £1.00 × 0.5 = 0.5p → 1p.
    let tiny = |rate, capture| {
        first_year_value(
            PerPeriod::Hours {
                hours: Hours(1),
                rate: Pence(rate),
            },
            Frequency::OneOff,
            CaptureFactor(capture),
        )
    };
    assert_eq!(tiny(50, 900), Pence(0));
    assert_eq!(tiny(100, 500), Pence(1));
}

#[test]
fn negative_amount_lines_keep_their_sign() {
    // A credit of £12.50 a month: −1,250 × 12 = −£150.00.
    assert_eq!(
        first_year_value(
            PerPeriod::Amount(Pence(-1_250)),
            Frequency::Monthly,
            CaptureFactor::ONE
        ),
        Pence(-15_000)
    );
}

#[test]
fn extreme_values_count_at_their_bounds() {
    use crate::bounds::MAX_LINE_FIRST_YEAR_PENCE;
    let huge = PerPeriod::Hours {
        hours: Hours(i64::MAX),
        rate: Pence(i64::MAX),
    };
    assert_eq!(
        first_year_value(huge, Frequency::Weekly, CaptureFactor(u32::MAX)),
        Pence(MAX_LINE_FIRST_YEAR_PENCE)
    );
    assert_eq!(
        first_year_value(
            PerPeriod::Amount(Pence(i64::MIN)),
            Frequency::Weekly,
            CaptureFactor::ONE
        ),
        Pence(-MAX_LINE_FIRST_YEAR_PENCE)
    );
    // The claim: £92,233,720,368,547,758.07 weekly counts as £10m weekly.
    assert_eq!(
        first_year_value(
            PerPeriod::Amount(Pence(i64::MAX)),
            Frequency::Weekly,
            CaptureFactor::ONE
        ),
        Pence(MAX_LINE_FIRST_YEAR_PENCE)
    );
    // At the bounds exactly, nothing is held.
    assert_eq!(
        first_year_value(
            PerPeriod::Hours {
                hours: Hours(crate::bounds::MAX_HOURS_HUNDREDTHS),
                rate: Pence(crate::bounds::MAX_HOURLY_RATE_PENCE),
            },
            Frequency::Weekly,
            CaptureFactor::ONE
        ),
        Pence(MAX_LINE_FIRST_YEAR_PENCE)
    );
    // A programme of many lines at the bound, and ROI on it, stay exact.
    let lines = std::iter::repeat_n((Status::Verified, Pence(MAX_LINE_FIRST_YEAR_PENCE)), 1000);
    let totals = FirstYear::from_lines(lines);
    assert_eq!(totals.verified, Pence(MAX_LINE_FIRST_YEAR_PENCE * 1000));
    assert_eq!(
        roi_hundredths(totals.verified, Pence(crate::bounds::MAX_COST_PENCE)),
        Some(52_000)
    );
    assert_eq!(
        roi_hundredths(Pence(i64::MAX), Pence(1)),
        Some(i64::MAX),
        "held, not wrapped"
    );
    assert!(net_return_percent_tenths(Pence(i64::MIN), Pence(i64::MAX)).is_some());
    assert!(payback_months_tenths(Pence(1), Pence(i64::MAX)).is_some());
    assert_eq!(
        cohort_shares(
            Pence(i64::MAX),
            &[Some(Pence(i64::MAX)), Some(Pence(i64::MAX)), None]
        ),
        vec![Pence(i64::MAX), Pence(i64::MAX), Pence(0)]
    );
    assert_eq!(
        Hours::parse("10000.01"),
        Err(ImpactParseError::TooLarge(crate::bounds::Bound::Hours))
    );
    assert_eq!(Hours::parse("abc"), Err(ImpactParseError::Hours));
    assert_eq!(
        Quantity::parse("1000000.001"),
        Err(ImpactParseError::TooLarge(crate::bounds::Bound::Quantity))
    );
}

// ---- totals --------------------------------------------------------------

#[test]
fn totals_split_by_status_and_sum_rounded_lines() {
    let capture = CaptureFactor::ONE;
    let half_hour_at_1001 = PerPeriod::Hours {
        hours: Hours(50),
        rate: Pence(1001),
    };
    let lines = [
        // A: verified one-off £5,000.00 → 500,000p.
        (
            Status::Verified,
            first_year_value(PerPeriod::Amount(pounds(5_000)), Frequency::OneOff, capture),
        ),
        // B: verified £125.50 a month → 150,600p.
        (
            Status::Verified,
            first_year_value(
                PerPeriod::Amount(Pence(12_550)),
                Frequency::Monthly,
                capture,
            ),
        ),
        // C and D: claimed, 0.5 h at £10.01 one-off → 500.5p → 501p each.
        (
            Status::Claimed,
            first_year_value(half_hour_at_1001, Frequency::OneOff, capture),
        ),
        (
            Status::Claimed,
            first_year_value(half_hour_at_1001, Frequency::OneOff, capture),
        ),
        // E: forecast £1,000 a quarter → 400,000p.
        (
            Status::Forecast,
            first_year_value(
                PerPeriod::Amount(pounds(1_000)),
                Frequency::Quarterly,
                capture,
            ),
        ),
        // F: verified credit, −0.5 h at £10.01 → −501p.
        (
            Status::Verified,
            first_year_value(
                PerPeriod::Hours {
                    hours: Hours(-50),
                    rate: Pence(1001),
                },
                Frequency::OneOff,
                capture,
            ),
        ),
    ];
    let totals = FirstYear::from_lines(lines);
    // verified = 500,000 + 150,600 − 501 = 650,099p (£6,500.99)
    // claimed  = 501 + 501 = 1,002p: the rounded lines are summed, so not
    //            round(500.5 + 500.5) = 1,001p.
    // forecast = 400,000p.
    assert_eq!(
        totals,
        FirstYear {
            verified: Pence(650_099),
            claimed: Pence(1_002),
            forecast: Pence(400_000),
        }
    );
    assert_eq!(totals.get(Status::Claimed), Pence(1_002));
    let collected: FirstYear = lines.into_iter().collect();
    assert_eq!(collected, totals);
    assert_eq!(FirstYear::from_lines([]), FirstYear::default());
}

// ---- ROI and companions --------------------------------------------------

#[test]
fn roi_of_the_welsh_programme() {
    // £148,000 verified on a £49,000 cost: 148,000 ÷ 49,000 = 3.0204…
    let benefit = pounds(148_000);
    let cost = pounds(49_000);
    assert_eq!(roi_hundredths(benefit, cost), Some(302));
    assert_eq!(format_roi(benefit, cost), "3.0 : 1");
    // Net return: (148,000 − 49,000) ÷ 49,000 = 2.020408… → 202.0%.
    assert_eq!(net_return_percent_tenths(benefit, cost), Some(2020));
    assert_eq!(format_tenths(2020), "202.0");
    // Payback: 49,000 ÷ (148,000 ÷ 12) = 12 × 49,000 ÷ 148,000 = 3.9729…
    // months → 4.0.
    assert_eq!(payback_months_tenths(benefit, cost), Some(40));
}

#[test]
fn roi_formatting_and_halves() {
    // Exactly 3:1.
    assert_eq!(format_roi(pounds(30_000), pounds(10_000)), "3.0 : 1");
    assert_eq!(roi_hundredths(pounds(30_000), pounds(10_000)), Some(300));
    // 3.05 exactly rounds up to 3.1; 3.049… rounds down to 3.0.
    assert_eq!(format_roi(Pence(305), Pence(100)), "3.1 : 1");
    assert_eq!(format_roi(Pence(3_049), Pence(1_000)), "3.0 : 1");
    // Rounded from the exact ratio, not from hundredths: 2.949 → "2.9",
    // even though it is 2.95 to two places.
    assert_eq!(roi_hundredths(Pence(2_949), Pence(1_000)), Some(295));
    assert_eq!(format_roi(Pence(2_949), Pence(1_000)), "2.9 : 1");
    // 1.005 → hundredths 101 (half away from zero).
    assert_eq!(roi_hundredths(Pence(1_005), Pence(1_000)), Some(101));
    // Below one and negative.
    assert_eq!(format_roi(Pence(50), Pence(100)), "0.5 : 1");
    assert_eq!(format_roi(Pence(-305), Pence(100)), "-3.1 : 1");
    // −0.04 rounds to zero and is shown without a sign.
    assert_eq!(format_roi(Pence(-4), Pence(100)), "0.0 : 1");
    assert_eq!(roi_hundredths(Pence(-305), Pence(100)), Some(-305));
    // No cost.
    assert_eq!(roi_hundredths(pounds(1), Pence(0)), None);
    assert_eq!(format_roi(pounds(1), Pence(0)), "–");
    // A large programme: £12.5m on £4m = 3.125 → 3.13, "3.1 : 1".
    assert_eq!(
        roi_hundredths(pounds(12_500_000), pounds(4_000_000)),
        Some(313)
    );
    assert_eq!(format_roi(pounds(12_500_000), pounds(4_000_000)), "3.1 : 1");
}

#[test]
fn net_return_cases() {
    // Break-even: 0.0%.
    assert_eq!(net_return_percent_tenths(pounds(100), pounds(100)), Some(0));
    // Half the cost back: (50 − 100) ÷ 100 = −50.0%.
    assert_eq!(
        net_return_percent_tenths(pounds(50), pounds(100)),
        Some(-500)
    );
    // (1 − 3) ÷ 3 = −66.666…% → −66.7%.
    assert_eq!(net_return_percent_tenths(Pence(1), Pence(3)), Some(-667));
    assert_eq!(format_tenths(-667), "-66.7");
    // (2001 − 2000) ÷ 2000 = 0.05% → 0.1% (half away from zero).
    assert_eq!(
        net_return_percent_tenths(Pence(2_001), Pence(2_000)),
        Some(1)
    );
    assert_eq!(net_return_percent_tenths(pounds(1), Pence(0)), None);
}

#[test]
fn payback_cases() {
    // Benefit £24,000 a year on £6,000 cost: 12 × 6,000 ÷ 24,000 = 3.0 months.
    assert_eq!(
        payback_months_tenths(pounds(24_000), pounds(6_000)),
        Some(30)
    );
    // Cost larger than a year's benefit: 12 × 50,000 ÷ 40,000 = 15.0 months.
    assert_eq!(
        payback_months_tenths(pounds(40_000), pounds(50_000)),
        Some(150)
    );
    // 12 × 1 ÷ 16 = 0.75 months → 0.8 (half away from zero).
    assert_eq!(payback_months_tenths(Pence(16), Pence(1)), Some(8));
    // Nothing or less than nothing back: never paid back.
    assert_eq!(payback_months_tenths(Pence(0), pounds(1)), None);
    assert_eq!(payback_months_tenths(Pence(-1), pounds(1)), None);
    // No cost: paid back at once.
    assert_eq!(payback_months_tenths(pounds(1), Pence(0)), Some(0));
}

// ---- cost shares ---------------------------------------------------------

#[test]
fn split_cost_sums_exactly() {
    // £100.00 over 3: 10,000 = 3,333 × 3 + 1 → [3,334, 3,333, 3,333].
    assert_eq!(
        split_cost(pounds(100), 3),
        vec![Pence(3_334), Pence(3_333), Pence(3_333)]
    );
    // 10p over 4: 2 each, 2 left → [3, 3, 2, 2].
    assert_eq!(
        split_cost(Pence(10), 4),
        vec![Pence(3), Pence(3), Pence(2), Pence(2)]
    );
    // 2p over 5 → [1, 1, 0, 0, 0].
    assert_eq!(
        split_cost(Pence(2), 5),
        vec![Pence(1), Pence(1), Pence(0), Pence(0), Pence(0)]
    );
    // Even split.
    assert_eq!(split_cost(pounds(90), 3), vec![pounds(30); 3]);
    // £49,000 over 3 cohorts: 4,900,000 = 1,633,333 × 3 + 1.
    let shares = split_cost(pounds(49_000), 3);
    assert_eq!(
        shares,
        vec![Pence(1_633_334), Pence(1_633_333), Pence(1_633_333)]
    );
    assert_eq!(shares.iter().map(|p| p.0).sum::<i64>(), 4_900_000);
    // Negative totals still sum exactly: −10 over 3 → [−3, −3, −4].
    let negative = split_cost(Pence(-10), 3);
    assert_eq!(negative, vec![Pence(-3), Pence(-3), Pence(-4)]);
    assert_eq!(split_cost(pounds(100), 0), Vec::<Pence>::new());
    assert_eq!(split_cost(pounds(7), 1), vec![pounds(7)]);
}

#[test]
fn cohort_roi_uses_its_share_of_the_cost() {
    // Programme cost £49,000 over 3 cohorts; cohort 1's share is £16,333.34.
    // Its verified £49,000.02 on that share: 4,900,002 ÷ 1,633,334 = 3 exactly.
    let share = split_cost(pounds(49_000), 3)[0];
    assert_eq!(format_roi(Pence(4_900_002), share), "3.0 : 1");
}

// ---- CO2e ----------------------------------------------------------------

fn factors() -> GhgFactors {
    GhgFactors::shipped().unwrap().clone()
}

#[test]
fn shipped_factors_are_the_2024_edition() {
    let f = factors();
    assert_eq!(f.factor_year, 2024);
    assert!(f.source_url.contains("conversion-factors-2024"));
    // 0.20705 generation + 0.01830 T&D = 0.22535 kg CO2e per kWh.
    assert_eq!(f.electricity_per_kwh, EmissionFactor(22_535));
    assert_eq!(f.electricity_per_kwh.to_string(), "0.22535");
    assert_eq!(f.diesel_per_litre, EmissionFactor(251_279));
    assert_eq!(f.waste_landfill_per_tonne, EmissionFactor(52_033_420));
    assert_eq!(f.waste_recycling_per_tonne, EmissionFactor(641_061));
    assert_eq!(f.waste_combustion_per_tonne, EmissionFactor(641_061));
}

#[test]
fn bad_factor_files_are_errors_not_panics() {
    assert!(matches!(
        GhgFactors::from_toml("factor_year = ["),
        Err(GhgFactorsError::Toml(_))
    ));
    let float_factor = SHIPPED_GHG_FACTORS_TOML.replace(
        "diesel_kg_per_litre = \"2.51279\"",
        "diesel_kg_per_litre = \"2.512791\"",
    );
    assert_eq!(
        GhgFactors::from_toml(&float_factor),
        Err(GhgFactorsError::Factor("fuel.diesel_kg_per_litre"))
    );
    let unknown = format!("{SHIPPED_GHG_FACTORS_TOML}\nextra = 1\n");
    assert!(matches!(
        GhgFactors::from_toml(&unknown),
        Err(GhgFactorsError::Toml(_))
    ));
}

#[test]
fn waste_saving_per_level() {
    let f = factors();
    // Landfill 520.3342 less the new route's factor, kg CO2e per tonne.
    assert_eq!(
        f.waste_saving_per_tonne(WasteLevel::Prevention).to_string(),
        "520.3342"
    );
    assert_eq!(
        f.waste_saving_per_tonne(WasteLevel::PreparingForReuse)
            .to_string(),
        "520.3342"
    );
    // 520.33420 − 6.41061 = 513.92359.
    assert_eq!(
        f.waste_saving_per_tonne(WasteLevel::Recycling),
        EmissionFactor(51_392_359)
    );
    assert_eq!(
        f.waste_saving_per_tonne(WasteLevel::OtherRecovery),
        EmissionFactor(51_392_359)
    );
    assert_eq!(
        f.waste_saving_per_tonne(WasteLevel::Disposal),
        EmissionFactor(0)
    );
}

#[test]
fn co2e_for_each_quantity() {
    let f = factors();
    // 1,000 kWh × 0.22535 kg = 225.35 kg = 225,350 g.
    let energy = EnvironmentalQuantities {
        energy_kwh: Quantity::from_whole(1_000),
        ..Default::default()
    };
    assert_eq!(f.co2e_grams(&energy), 225_350);
    // 50 l diesel × 2.51279 kg = 125.6395 kg = 125,639.5 g → 125,640 g
    // (half away from zero).
    let fuel = EnvironmentalQuantities {
        fuel_litres: Quantity::from_whole(50),
        ..Default::default()
    };
    assert_eq!(f.co2e_grams(&fuel), 125_640);
    // 200 kg moved from landfill to recycling: 0.2 t × 513.92359 kg =
    // 102.784718 kg → 102,785 g.
    let recycled = EnvironmentalQuantities {
        waste_kg: Quantity::from_whole(200),
        waste_level: Some(WasteLevel::Recycling),
        ..Default::default()
    };
    assert_eq!(f.co2e_grams(&recycled), 102_785);
    // 200 kg prevented: 0.2 t × 520.3342 kg = 104.06684 kg → 104,067 g.
    let prevented = EnvironmentalQuantities {
        waste_level: Some(WasteLevel::Prevention),
        ..recycled
    };
    assert_eq!(f.co2e_grams(&prevented), 104_067);
    // Still landfilled, or no level given: no waste CO2e.
    let landfilled = EnvironmentalQuantities {
        waste_level: Some(WasteLevel::Disposal),
        ..recycled
    };
    assert_eq!(f.co2e_grams(&landfilled), 0);
    let no_level = EnvironmentalQuantities {
        waste_level: None,
        ..recycled
    };
    assert_eq!(f.co2e_grams(&no_level), 0);
    assert_eq!(f.co2e_grams(&EnvironmentalQuantities::default()), 0);
}

#[test]
fn co2e_combined_and_first_year() {
    let f = factors();
    // Each month: 1,000 kWh, 200 kg recycled, 50 l diesel.
    let monthly = EnvironmentalQuantities {
        energy_kwh: Quantity::from_whole(1_000),
        waste_kg: Quantity::from_whole(200),
        waste_level: Some(WasteLevel::Recycling),
        fuel_litres: Quantity::from_whole(50),
    };
    // Exact grams: 225,350 + 125,639.5 + 102,784.718 = 453,774.218 → 453,774 g.
    assert_eq!(f.co2e_grams(&monthly), 453_774);
    // First year, × 12 before rounding: 5,445,290.616 → 5,445,291 g
    // (12 × the rounded month would be 5,445,288 g).
    assert_eq!(
        f.first_year_co2e_grams(&monthly, Frequency::Monthly),
        5_445_291
    );
    // Every frequency uses the money rule.
    assert_eq!(
        f.first_year_co2e_grams(&monthly, Frequency::OneOff),
        453_774
    );
    assert_eq!(
        f.first_year_co2e_grams(&monthly, Frequency::Annually),
        453_774
    );
    // × 4 = 1,815,096.872 → 1,815,097 g.
    assert_eq!(
        f.first_year_co2e_grams(&monthly, Frequency::Quarterly),
        1_815_097
    );
    // × 52 = 23,596,259.336 → 23,596,259 g.
    assert_eq!(
        f.first_year_co2e_grams(&monthly, Frequency::Weekly),
        23_596_259
    );
    // Fractional quantities: 12.5 kWh × 0.22535 = 2.816875 kg → 2,817 g.
    let small = EnvironmentalQuantities {
        energy_kwh: Quantity::parse("12.5").unwrap(),
        ..Default::default()
    };
    assert_eq!(f.co2e_grams(&small), 2_817);
}

#[test]
fn negative_quantities_give_negative_co2e() {
    // A change that uses 10 l more diesel: −25.1279 kg → −25,128 g.
    let f = factors();
    let more_fuel = EnvironmentalQuantities {
        fuel_litres: Quantity(-10_000),
        ..Default::default()
    };
    assert_eq!(f.co2e_grams(&more_fuel), -25_128);
}

// ---- helpers -------------------------------------------------------------

#[test]
fn cohort_shares_keep_fixed_figures_and_split_the_rest() {
    // £1,000.01 with one cohort fixed at £400: £600.01 left for two → £300.01 and £300.00.
    assert_eq!(
        cohort_shares(Pence(100_001), &[None, Some(Pence(40_000)), None]),
        vec![Pence(30_001), Pence(40_000), Pence(30_000)]
    );
    assert_eq!(
        cohort_shares(Pence(100), &[Some(Pence(500))]),
        vec![Pence(500)],
        "a fixed figure stands even above the total"
    );
    assert!(cohort_shares(Pence(100), &[]).is_empty());
}

#[test]
fn rounding_helper() {
    assert_eq!(decimal::div_round(5, 2), 3);
    assert_eq!(decimal::div_round(-5, 2), -3);
    assert_eq!(decimal::div_round(7, 4), 2);
    assert_eq!(decimal::div_round(-7, 4), -2);
    assert_eq!(decimal::div_round(5, -2), -3);
    assert_eq!(decimal::div_round(-5, -2), 3);
    assert_eq!(decimal::div_round(0, 3), 0);
    assert_eq!(decimal::div_round(4, 3), 1);
}
