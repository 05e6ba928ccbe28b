//! Gross to net additional impact, end to end through HTTP: a manager sets the
//! programme's additionality settings, a firm answers at its follow-up that it
//! would have made its change later without the programme, staff verify the
//! lines, and the dashboard, the CSV and the JSON API give the figures worked
//! by hand in docs/impact.md to the penny, with the assumptions and sources.

use crate::on_both;
use crate::support::{TestApp, location, manager};
use reqwest::StatusCode;
use ymarfer_domain::{Lang, Pence};
use ymarfer_store::organisations::OrganisationInput;

async fn firm(app: &TestApp, programme: i64, cohort: i64, name: &str, email: &str) -> i64 {
    let org = app
        .db
        .create_organisation(
            &OrganisationInput {
                name: name.into(),
                sic_section: "C".into(),
                employee_band: ymarfer_domain::innovation::EmployeeBand::Small,
                principal_area: "gwynedd".into(),
                ..Default::default()
            },
            None,
            Some(programme),
        )
        .await
        .unwrap();
    let person = app.user(email, Lang::En, false).await;
    app.db
        .enrol(programme, cohort, person.id, Some(org.id), None)
        .await
        .unwrap();
    org.id
}

fn line(
    description: &str,
    frequency: ymarfer_domain::impact::Frequency,
    status: ymarfer_domain::impact::Status,
    pence: i64,
) -> ymarfer_store::ledger::BenefitInput {
    ymarfer_store::ledger::BenefitInput {
        description: description.into(),
        category: ymarfer_domain::impact::Category::Materials,
        savings_type: ymarfer_domain::impact::SavingsType::Hard,
        frequency,
        starts_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        status,
        amount_pence: Some(pence),
        ..Default::default()
    }
}

/// The CSV's value for a measure's code.
fn csv_value(csv: &str, code: &str) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| r.get(0) == Some(code))
        .and_then(|r| r.get(1).map(str::to_string))
        .unwrap_or_else(|| panic!("{code} is in the CSV: {csv}"))
}

async fn gross_to_net_through_every_door(app: TestApp) {
    use ymarfer_domain::impact::{Frequency, Status};
    let (boss, programme, cohort) = manager(&app, "rheolwr.net@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let slug = p.slug.clone();
    // Cost £1,000.00.
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: p.name_en.clone(),
        name_cy: p.name_cy.clone(),
        cost_pence: 100_000,
        default_hourly_rate_pence: 2500,
        capture_factor_thousandths: 1000,
        ..Default::default()
    };
    app.db.update_programme(programme, &input).await.unwrap();
    // The cohort ended four months ago, so its 3-month follow-ups are due.
    let c = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    let cohort_input = ymarfer_store::programmes::CohortInput {
        slug: c.slug.clone(),
        name_en: c.name_en.clone(),
        name_cy: c.name_cy.clone(),
        starts_on: None,
        ends_on: Some(chrono::Utc::now().date_naive() - chrono::Duration::days(125)),
        capacity: 10,
        delivery_mode: ymarfer_domain::programme::DeliveryMode::Online,
        region: ymarfer_domain::reference::Region::NorthWales,
        cost_share_pence: None,
        language: c.language,
    };
    app.db.update_cohort(cohort, &cohort_input).await.unwrap();

    // Firm A forecast £50.00 a week (£2,600.00 in the first year); firm B
    // claimed £1,234.56 once a year.
    let org_a = firm(&app, programme, cohort, "Melin A", "a@melin.cymru").await;
    let org_b = firm(&app, programme, cohort, "Gweithdy B", "b@gweithdy.cymru").await;
    let project_a =
        crate::support::project(&app, cohort, org_a, "Dyeing", "sustaining", "cohort").await;
    let project_b =
        crate::support::project(&app, cohort, org_b, "Cutting", "sustaining", "cohort").await;
    let ids = app
        .db
        .add_benefit_lines(
            &[
                (
                    project_a.id,
                    line("Less dye wasted", Frequency::Weekly, Status::Forecast, 5000),
                ),
                (
                    project_b.id,
                    line(
                        "Offcuts sold",
                        Frequency::Annually,
                        Status::Claimed,
                        123_456,
                    ),
                ),
            ],
            None,
            false,
        )
        .await
        .unwrap();
    let (line_a, line_b) = (ids[0], ids[1]);

    // The manager sets the additionality settings through the page.
    let m = app.client();
    m.sign_in("rheolwr.net@example.com").await;
    let settings = format!("/en/programmes/{slug}/additionality");
    let res = m
        .post(
            &settings,
            &[
                ("deadweight", "20"),
                ("deadweight_low", "15"),
                ("deadweight_high", "30"),
                ("deadweight_source", "Programme business case, 2025"),
                ("displacement", "10"),
                ("displacement_low", "5"),
                ("displacement_high", "20"),
                ("displacement_source", "Evaluation 2024"),
                ("leakage", "5"),
                ("leakage_source", "Regional study"),
                ("substitution", "0"),
                ("persistence_year2", "50"),
                ("persistence_year3", "25"),
                ("persistence_source", "Green Book guidance"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/en/programmes/{slug}?done=saved"));

    // The follow-ups go; firm A answers: its change would have come later
    // without the programme, and its forecast came to £40.00 a week.
    let today = chrono::Utc::now().date_naive();
    let run = ymarfer_app::followups::send_due(&app.state, today)
        .await
        .unwrap();
    assert_eq!(run.sent, 2);
    let link = app.emailed_link("a@melin.cymru");
    let visitor = app.client();
    let form = visitor.get(&link).await.text().await.unwrap();
    assert!(
        form.contains("Would you have made this change without the programme? (Dyeing)")
            && form.contains(&format!(
                "name=\"counterfactual-{}\" value=\"later\"",
                project_a.id
            ))
            && !form.contains(&format!("counterfactual-{}", project_b.id)),
        "asked about its own project only: {form}"
    );
    let actual = format!("actual-{line_a}");
    let answer_a = format!("counterfactual-{}", project_a.id);
    let answer_b = format!("counterfactual-{}", project_b.id);
    let res = visitor
        .post(
            &link,
            &[
                ("still_in_use", "yes"),
                (answer_a.as_str(), "perhaps"),
                (actual.as_str(), "40"),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "not an answer"
    );
    let refused_form = res.text().await.unwrap();
    assert!(
        refused_form.contains("Choose one of the options."),
        "a translated message: {refused_form}"
    );
    let res = visitor
        .post(
            &link,
            &[
                ("still_in_use", "yes"),
                (answer_a.as_str(), "later"),
                // Another firm's project is not this firm's to answer for.
                (answer_b.as_str(), "the_same"),
                (actual.as_str(), "40"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let trail = app
        .trail(
            programme,
            ymarfer_domain::audit::AuditAction::FollowupAnswered,
        )
        .await;
    assert_eq!(trail.len(), 1);
    assert!(
        trail[0].detail.contains(&format!(
            "project {} without the programme: later (deadweight 50.00%)",
            project_a.id
        )) && !trail[0]
            .detail
            .contains(&format!("project {} ", project_b.id)),
        "{}",
        trail[0].detail
    );

    // Staff verify both lines: A's actual (version 2), B's claim (version 1).
    for (project, line, version) in [(project_a.id, line_a, "2"), (project_b.id, line_b, "1")] {
        let res = m
            .post(
                &format!("/en/projects/{project}/benefits/{line}/verify"),
                &[("version", version), ("note", "Seen the invoices.")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "line {line}");
    }

    // By hand (docs/impact.md):
    // A: £2,080.00 gross; firm's deadweight 50%: 208000 × 0.5 × 0.9 × 0.95
    //    = 88920p; year 2 44460p; year 3 22230p; low 79040p; high 93860p.
    // B: £1,234.56 gross; programme's 20%: 123456 × 0.8 × 0.9 × 0.95
    //    = 84443.904 → 84444p; year 2 42222p; year 3 21111p;
    //    low (30%, 20%) 65678.592 → 65679p; high (15%, 5%) 94706.184 → 94706p.
    // Gross £3,314.56 (3.3 : 1); net £1,733.64 (1.7 : 1); year 2 £866.82;
    // year 3 £433.41; range £1,447.19 to £1,885.66 (1.4 : 1 to 1.9 : 1).
    // Forecast accuracy: A verified at £2,080.00 of £2,600.00 forecast = 80.0%.
    let html = m
        .get(&format!("/en/programmes/{slug}/impact"))
        .await
        .text()
        .await
        .unwrap();
    let gross_net = html
        .split("id=\"gross-net\"")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .unwrap_or_else(|| panic!("the gross and net table: {html}"));
    for expected in [
        "<th scope=\"row\">First-year value</th><td class=\"num\">£3,314.56</td><td class=\"num\">£1,733.64</td>",
        "<th scope=\"row\">Year 2</th><td class=\"num\">—</td><td class=\"num\">£866.82</td>",
        "<th scope=\"row\">Year 3</th><td class=\"num\">—</td><td class=\"num\">£433.41</td>",
        "<td class=\"num\">3.3 : 1</td><td class=\"num\">1.7 : 1</td>",
        "1.4 : 1 to 1.9 : 1",
        "£1,447.19 to £1,885.66",
    ] {
        assert!(gross_net.contains(expected), "{expected}: {gross_net}");
    }
    for expected in [
        "<th scope=\"row\">Deadweight</th><td class=\"num\">20.00%</td><td class=\"num\">15.00%–30.00%</td><td>Programme business case, 2025</td>",
        "<th scope=\"row\">Displacement</th><td class=\"num\">10.00%</td><td class=\"num\">5.00%–20.00%</td><td>Evaluation 2024</td>",
        "<th scope=\"row\">Leakage</th><td class=\"num\">5.00%</td><td class=\"num\">—</td><td>Regional study</td>",
        "Green Book guidance",
        "1 project uses its firm&#39;s own answer for deadweight.",
        "80.0%: verified lines that began as forecasts are worth £2,080.00 against the £2,600.00 first forecast (1 lines).",
        &format!("href=\"/en/programmes/{slug}/additionality\""),
    ] {
        assert!(html.contains(expected), "{expected}: {html}");
    }
    // In Welsh, the same figures and the assumptions named in Welsh.
    let cy = m
        .get(&format!("/cy/programmes/{slug}/impact"))
        .await
        .text()
        .await
        .unwrap();
    for expected in [
        "Effaith ychwanegol gros a net",
        "£1,733.64",
        "1.4 : 1 i 1.9 : 1",
        "<th scope=\"row\">Pwysau marw</th><td class=\"num\">20.00%</td>",
        "Programme business case, 2025",
    ] {
        assert!(cy.contains(expected), "{expected}: {cy}");
    }
    // The cohort's dashboard: the programme's only cohort, the same net figure.
    let cohort_html = m
        .get(&format!("/en/programmes/{slug}/cohorts/{}/impact", c.slug))
        .await
        .text()
        .await
        .unwrap();
    assert!(cohort_html.contains("£1,733.64"), "{cohort_html}");

    // The CSV, numbers as numbers.
    let res = m
        .get(&format!("/en/programmes/{slug}/reports/impact.csv"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let csv = res.text().await.unwrap();
    for (code, value) in [
        ("first_year_verified_pence", "331456"),
        ("gross_first_year_pence", "331456"),
        ("net_first_year_pence", "173364"),
        ("net_year2_pence", "86682"),
        ("net_year3_pence", "43341"),
        ("net_low_pence", "144719"),
        ("net_high_pence", "188566"),
        ("roi_gross", "3.3"),
        ("roi_net", "1.7"),
        ("roi_net_low", "1.4"),
        ("roi_net_high", "1.9"),
        ("deadweight_pct", "20.00"),
        ("deadweight_low_pct", "15.00"),
        ("deadweight_high_pct", "30.00"),
        ("deadweight_source", "Programme business case, 2025"),
        ("displacement_source", "Evaluation 2024"),
        ("leakage_pct", "5.00"),
        ("leakage_low_pct", ""),
        ("persistence_year2_pct", "50.00"),
        ("persistence_year3_pct", "25.00"),
        ("persistence_source", "Green Book guidance"),
        ("projects_with_firm_deadweight", "1"),
        ("forecast_lines", "1"),
        ("forecast_lines_verified_pence", "208000"),
        ("forecast_lines_forecast_pence", "260000"),
        ("forecast_accuracy_pct", "80.0"),
        (&format!("forecast_accuracy_pct_{}", c.slug), "80.0"),
    ] {
        assert_eq!(csv_value(&csv, code), value, "{code}");
    }
    // Welsh labels in the Welsh CSV.
    let csv_cy = m
        .get(&format!("/cy/programmes/{slug}/reports/impact.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv_cy.contains("Gwerth ychwanegol net y flwyddyn gyntaf (ceiniogau)")
            && csv_cy.contains("Pwysau marw: ffynhonnell"),
        "{csv_cy}"
    );
    // The XLSX, for those who may download it.
    let xlsx = m
        .get(&format!("/en/programmes/{slug}/reports/impact.xlsx"))
        .await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    assert!(read("xl/workbook.xml").contains("name=\"Gross and net\""));
    // The last sheet, numbers as numbers: pounds, percentages and ratios.
    let sheet = read("xl/worksheets/sheet6.xml");
    for number in [
        "<v>3314.56</v>",
        "<v>1733.64</v>",
        "<v>866.82</v>",
        "<v>433.41</v>",
        "<v>1447.19</v>",
        "<v>1885.66</v>",
        "<v>3.3</v>",
        "<v>1.7</v>",
        "<v>1.4</v>",
        "<v>1.9</v>",
        "<v>20</v>",
        "<v>15</v>",
        "<v>30</v>",
        "<v>2080</v>",
        "<v>2600</v>",
        "<v>80</v>",
    ] {
        assert!(sheet.contains(number), "{number}: {sheet}");
    }
    let strings = read("xl/sharedStrings.xml");
    assert!(
        strings.contains("Programme business case, 2025")
            && strings.contains("Green Book guidance"),
        "{strings}"
    );

    // The JSON API.
    let token = crate::api::token_for(&app, boss.id, false, None).await;
    let (status, body) = crate::api::call(
        &app,
        "GET",
        &format!("/api/v1/programmes/{slug}/impact"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let net = &body["net"];
    assert_eq!(net["gross_first_year_pence"], 331_456, "{body}");
    assert_eq!(net["net_first_year_pence"], 173_364);
    assert_eq!(net["net_year2_pence"], 86_682);
    assert_eq!(net["net_year3_pence"], 43_341);
    assert_eq!(net["net_low_pence"], 144_719);
    assert_eq!(net["net_high_pence"], 188_566);
    assert_eq!(net["gross_roi"], 3.3);
    assert_eq!(net["net_roi"], 1.7);
    assert_eq!(net["net_roi_low"], 1.4);
    assert_eq!(net["net_roi_high"], 1.9);
    assert_eq!(net["net_roi_display"], "1.7 : 1");
    let a = &net["assumptions"];
    assert_eq!(a["deadweight"]["percent_hundredths"], 2000);
    assert_eq!(a["deadweight"]["low_hundredths"], 1500);
    assert_eq!(a["deadweight"]["high_hundredths"], 3000);
    assert_eq!(a["deadweight"]["source"], "Programme business case, 2025");
    assert_eq!(a["leakage"]["low_hundredths"], serde_json::Value::Null);
    assert_eq!(a["persistence_year2_hundredths"], 5000);
    assert_eq!(a["persistence_source"], "Green Book guidance");
    assert_eq!(a["projects_with_firm_deadweight"], 1);
    assert_eq!(net["forecast_accuracy"]["accuracy_pct"], 80.0);
    assert_eq!(net["forecast_accuracy"]["forecast_pence"], 260_000);

    // Every new page is valid HTML: the follow-up form (as sent, and refused),
    // the settings (refused), and the dashboard in both languages.
    let refused_settings = m
        .post(&settings, &[("deadweight", "abc"), ("leakage_low", "9")])
        .await
        .text()
        .await
        .unwrap();
    assert!(refused_settings.contains("Enter a percentage from 0 to 100"));
    let pages = vec![
        ("follow-up form".to_string(), form),
        ("follow-up refused".to_string(), refused_form),
        ("settings refused".to_string(), refused_settings),
        ("dashboard".to_string(), html),
        ("dashboard cy".to_string(), cy),
    ];
    let errors = crate::markup::html_errors(&pages);
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    // The domain's own sum agrees with what the doors show.
    let (report, _) =
        ymarfer_app::report::impact_report(&app.db, ymarfer_app::i18n::Tr(Lang::En), &p, None)
            .await
            .unwrap();
    assert_eq!(
        Pence(report.net.net_first_year_pence),
        Pence(88_920 + 84_444)
    );

    // At the 6-month follow-up firm A says it would not have made the change
    // at all: its latest answer counts, deadweight 0%, so line A nets to
    // 208000 × 1 × 0.9 × 0.95 = 177840p and the total to 177840 + 84444.
    let run = ymarfer_app::followups::send_due(&app.state, today + chrono::Duration::days(60))
        .await
        .unwrap();
    assert_eq!(run.sent, 2, "{run:?}");
    let link = app.emailed_link("a@melin.cymru");
    let res = app
        .client()
        .post(
            &link,
            &[("still_in_use", "yes"), (answer_a.as_str(), "not_at_all")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, body) = crate::api::call(
        &app,
        "GET",
        &format!("/api/v1/programmes/{slug}/impact"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(
        body["net"]["net_first_year_pence"],
        177_840 + 84_444,
        "{body}"
    );
    assert_eq!(body["net"]["gross_first_year_pence"], 331_456);
}

on_both! {
    gross_to_net => super::gross_to_net_through_every_door;
}
