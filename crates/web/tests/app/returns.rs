//! The funder return, end to end: a programme of three cohorts in which one
//! firm takes part in two cohorts and another has two records under one
//! Companies House number, with registers, an adopted cycle and innovation
//! answers. Each indicator's count matches a hand count (each firm once per
//! indicator per quarter), on the page in both languages, in the CSV, in the
//! XLSX (read back with calamine: counts and money are numbers) and in the
//! JSON API; the value of support warns as a firm nears the subsidy limit,
//! and its notice says so in both languages.

use crate::on_both;
use crate::support::TestApp;
use chrono::{NaiveDate, TimeZone, Utc};
use ymarfer_app::fixtures::{Cohort, Firm, Programme};
use ymarfer_domain::Lang;
use ymarfer_domain::programme::Attendance;
use ymarfer_domain::returns::Quarter;
use ymarfer_store::organisations::Answers;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct World {
    manager: i64,
    participant: i64,
    slug: String,
    delta: i64,
}

/// 2025/26 Q1 is 1 April to 30 June 2025. By hand:
/// - supported (present at a session or enrolled in a cohort running):
///   Alpha (in two cohorts, once), Beta, Gamma (two records, one number, once) = 3;
///   Delta's cohort starts in January 2026, so not Delta;
/// - CO01 (supported, 12 hours by the end of the quarter): Alpha, 3 + 4 + 8 = 15 hours = 1;
///   Gamma has 4 hours, Beta none;
/// - a cycle adopted in the quarter: Beta = 1 (Gamma's is in July, Q2);
/// - a new good or service said in the quarter, no at entry: Alpha = 1.
async fn world(app: &TestApp) -> World {
    let db = &app.db;
    let boss = app
        .user("rheolwr.ffurflen@example.com", Lang::En, false)
        .await;
    // £810,000 over three cohorts: £270,000 each.
    let p = Programme::new("ffurflen", "Funder return test", "Prawf ffurflen")
        .funder("Test Fund", "Cronfa Brawf")
        .dates(day(2025, 4, 1), day(2026, 3, 31))
        .cost(81_000_000)
        .add(db, boss.id)
        .await
        .unwrap();
    let a = Cohort::new("a", "A", "A")
        .dates(day(2025, 4, 1), day(2025, 9, 30))
        .add(db, p.id)
        .await
        .unwrap();
    let b = Cohort::new("b", "B", "B")
        .dates(day(2025, 5, 1), day(2025, 8, 31))
        .add(db, p.id)
        .await
        .unwrap();
    let c = Cohort::new("c", "C", "C")
        .dates(day(2026, 1, 10), day(2026, 3, 20))
        .add(db, p.id)
        .await
        .unwrap();
    let no_goods = Answers {
        new_business_process: true,
        ..Answers::default()
    };
    let alpha = Firm::named("Alpha Cyf")
        .companies_house("01234567")
        .entry(day(2025, 3, 20), no_goods)
        .add(db, p.id)
        .await
        .unwrap();
    let beta = Firm::named("Beta Bakes").add(db, p.id).await.unwrap();
    let gamma = Firm::named("Gamma Glass")
        .companies_house("SC123456")
        .add(db, p.id)
        .await
        .unwrap();
    let gamma2 = Firm::named("Gamma Glass (Bangor)")
        .companies_house("sc123456")
        .add(db, p.id)
        .await
        .unwrap();
    let delta = Firm::named("Delta Dyes").add(db, p.id).await.unwrap();
    let mut people = Vec::new();
    for (i, (cohort, org)) in [
        (a.id, alpha.id),
        (b.id, alpha.id),
        (a.id, beta.id),
        (b.id, gamma.id),
        (b.id, gamma2.id),
        (c.id, delta.id),
    ]
    .into_iter()
    .enumerate()
    {
        let person = app
            .user(&format!("person{i}@ffurflen.example"), Lang::En, false)
            .await;
        db.enrol(p.id, cohort, person.id, Some(org), Some(boss.id))
            .await
            .unwrap();
        people.push(person.id);
    }
    // Sessions: A on 10 April (3 hours) and 20 June (8 hours); B on 15 May
    // (4 hours); A on 31 March, the quarter before, for the record.
    let at = |y, m, d, h| Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap();
    let sessions = [
        (
            a.id,
            at(2025, 4, 10, 8),
            3,
            vec![
                (people[0], Attendance::Present),
                (people[2], Attendance::Absent),
            ],
        ),
        (
            a.id,
            at(2025, 6, 20, 8),
            8,
            vec![
                (people[0], Attendance::Present),
                (people[2], Attendance::Apologies),
            ],
        ),
        (
            b.id,
            at(2025, 5, 15, 12),
            4,
            vec![
                (people[1], Attendance::Present),
                (people[3], Attendance::Present),
            ],
        ),
    ];
    for (cohort, starts_at, hours, marks) in sessions {
        let m = db
            .create_meeting(
                cohort,
                &ymarfer_store::schedule::MeetingInput {
                    title: "Workshop".into(),
                    starts_at,
                    ends_at: starts_at + chrono::Duration::hours(hours),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        db.record_attendance(m.id, &marks, boss.id).await.unwrap();
    }
    // Beta adopts a change on 12 June; Gamma on 3 July (the next quarter).
    for (cohort, org, tested) in [
        (a.id, beta.id, day(2025, 6, 12)),
        (b.id, gamma.id, day(2025, 7, 3)),
    ] {
        let project =
            crate::support::project(app, cohort, org, "Less waiting", "testing", "cohort").await;
        db.create_cycle(
            project.id,
            &ymarfer_store::projects::CycleInput {
                change_idea: "One queue".into(),
                decision: Some(ymarfer_domain::projects::CycleDecision::Adopt),
                tested_on: Some(tested),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    }
    // Alpha says at the end of June it has a new service.
    db.record_innovation(
        alpha.id,
        "end",
        day(2025, 6, 25),
        Answers {
            new_goods_or_services: true,
            ..no_goods
        },
        ymarfer_domain::innovation::EmployeeBand::Micro,
        None,
    )
    .await
    .unwrap();
    World {
        manager: boss.id,
        participant: people[0],
        slug: p.slug,
        delta: delta.id,
    }
}

fn count_of(r: &ymarfer_app::returns::FundersReturn, code: &str) -> (Option<i64>, Vec<String>) {
    let i = r
        .indicators
        .iter()
        .find(|i| i.code == code)
        .unwrap_or_else(|| panic!("{code} in the return"));
    (i.count, i.firms.iter().map(|f| f.name.clone()).collect())
}

async fn the_return_counts_each_firm_once(app: TestApp) {
    let w = world(&app).await;
    let acting = app.acting(w.manager).await;
    let p = app.db.programme_by_slug(&w.slug).await.unwrap().unwrap();
    let q1 = Quarter {
        year: 2025,
        number: 1,
    };
    let r = ymarfer_app::returns::quarterly_return(&app.state, &acting, &p, q1)
        .await
        .unwrap();
    assert_eq!(r.period_label, "2025/26 Q1");
    let (n, firms) = count_of(&r, "UKSPF-ENT-NFS");
    assert_eq!(n, Some(3), "{firms:?}");
    assert_eq!(
        firms,
        ["Alpha Cyf", "Beta Bakes", "Gamma Glass"],
        "each firm once"
    );
    assert_eq!(
        count_of(&r, "CO01"),
        (Some(1), vec!["Alpha Cyf".to_string()])
    );
    assert_eq!(count_of(&r, "CO04").0, Some(1));
    assert_eq!(
        count_of(&r, "UKSPF-ENT-PROC"),
        (Some(1), vec!["Beta Bakes".to_string()])
    );
    assert_eq!(
        count_of(&r, "CO29"),
        (Some(1), vec!["Alpha Cyf".to_string()])
    );
    assert_eq!(count_of(&r, "CO08"), (None, vec![]), "not computed");
    let gamma = r
        .firms
        .iter()
        .find(|f| f.firm.key == "ch:SC123456")
        .unwrap();
    assert_eq!(
        gamma.firm.organisation_ids.len(),
        2,
        "two records, one firm"
    );
    // Value of support: £270,000 a cohort. A: Alpha, Beta (£135,000 each);
    // B: Alpha, Gamma, Gamma (£90,000 each); C: Delta (£270,000).
    let value = |name: &str| {
        r.firms
            .iter()
            .find(|f| f.firm.name == name)
            .map(|f| (f.value_pence, f.level))
            .unwrap()
    };
    use ymarfer_domain::returns::SubsidyLevel;
    assert_eq!(value("Alpha Cyf"), (22_500_000, SubsidyLevel::Clear));
    assert_eq!(value("Beta Bakes"), (13_500_000, SubsidyLevel::Clear));
    assert_eq!(value("Gamma Glass"), (18_000_000, SubsidyLevel::Clear));
    assert_eq!(value("Delta Dyes"), (27_000_000, SubsidyLevel::Near));
    let alpha = r.firms.iter().find(|f| f.firm.name == "Alpha Cyf").unwrap();
    assert_eq!(alpha.support_minutes_in_period, 15 * 60);

    // The next quarter: Gamma's cycle counts now, Beta's does not.
    let r2 = ymarfer_app::returns::quarterly_return(&app.state, &acting, &p, q1.next())
        .await
        .unwrap();
    assert_eq!(
        count_of(&r2, "UKSPF-ENT-PROC"),
        (Some(1), vec!["Gamma Glass".to_string()])
    );
    // Alpha's 15 hours stand by the end of Q2 and it is enrolled in cohorts
    // running then, so it counts again for the quarter.
    assert_eq!(
        count_of(&r2, "CO01"),
        (Some(1), vec!["Alpha Cyf".to_string()])
    );
    assert_eq!(count_of(&r2, "UKSPF-ENT-NFS").0, Some(3));
    assert_eq!(count_of(&r2, "CO29").0, Some(0));
    // Q4 (January to March 2026): Delta alone.
    let r4 = ymarfer_app::returns::quarterly_return(
        &app.state,
        &acting,
        &p,
        Quarter {
            year: 2025,
            number: 4,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        count_of(&r4, "UKSPF-ENT-NFS"),
        (Some(1), vec!["Delta Dyes".to_string()])
    );

    // A participant may not see it.
    let them = app.acting(w.participant).await;
    assert!(
        ymarfer_app::returns::quarterly_return(&app.state, &them, &p, q1)
            .await
            .is_err()
    );
}

async fn the_return_through_every_door(app: TestApp) {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let w = world(&app).await;
    let m = app.client();
    m.sign_in("rheolwr.ffurflen@example.com").await;
    let base = format!("programmes/{}/returns", w.slug);

    // The page, in English and in Welsh.
    let res = m.get(&format!("/en/{base}?period=2025-q1")).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Funder return: Funder return test"), "{html}");
    assert!(html.contains("Indicators for 2025/26 Q1"));
    assert!(html.contains(r#"<option value="2025-q1" selected>"#));
    assert!(html.contains("Enterprises receiving non-financial support"));
    assert!(html.contains("Delta Dyes is nearing the minimal financial assistance limit: £270,000.00 of £315,000.00."), "{html}");
    assert!(html.contains("return.xlsx?period=2025-q1"));
    let cy = m
        .get(&format!("/cy/{base}?period=2025-q1"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        cy.contains("Ffurflen i&#39;r cyllidwr: Prawf ffurflen")
            || cy.contains("Ffurflen i'r cyllidwr: Prawf ffurflen"),
        "{cy}"
    );
    assert!(
        cy.contains("Mentrau sy&#39;n cael cymorth anariannol")
            || cy.contains("Mentrau sy'n cael cymorth anariannol")
    );
    assert!(cy.contains("Yn agosáu at y terfyn"));

    // The CSV: Alpha once under the supported indicator.
    let csv = m
        .get(&format!("/en/{base}/return.csv?period=2025-q1"))
        .await
        .text()
        .await
        .unwrap();
    let supported: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains("UKSPF-ENT-NFS"))
        .collect();
    assert_eq!(supported.len(), 3, "{csv}");
    assert_eq!(
        supported.iter().filter(|l| l.contains("Alpha Cyf")).count(),
        1
    );
    assert!(csv.contains("Delta Dyes"));

    // The XLSX: counts and money are numbers.
    let bytes = m
        .get(&format!("/en/{base}/return.xlsx?period=2025-q1"))
        .await
        .bytes()
        .await
        .unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = book.worksheet_range("Indicators").unwrap();
    let row = |code: &str| {
        sheet
            .rows()
            .find(|r| r[1] == Data::String(code.into()))
            .map(|r| r.to_vec())
            .unwrap_or_else(|| panic!("{code}"))
    };
    assert_eq!(row("UKSPF-ENT-NFS")[3], Data::Float(3.0));
    assert_eq!(row("CO01")[3], Data::Float(1.0));
    assert_eq!(row("CO08")[3], Data::String("—".into()));
    let support = book.worksheet_range("Value of support").unwrap();
    let delta = support
        .rows()
        .find(|r| r[0] == Data::String("Delta Dyes".into()))
        .unwrap();
    assert_eq!(delta[3], Data::Float(270_000.0));
    let alpha = support
        .rows()
        .find(|r| r[0] == Data::String("Alpha Cyf".into()))
        .unwrap();
    assert_eq!(alpha[2], Data::Float(15.0), "hours as a number");
    let firms = book.worksheet_range("Firms counted").unwrap();
    assert_eq!(
        firms
            .rows()
            .filter(|r| r[0] == Data::String("UKSPF-ENT-NFS".into()))
            .count(),
        3
    );

    // The subsidy notice, in both languages.
    let notice = m
        .get(&format!("/en/{base}/subsidy/{}", w.delta))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        notice.contains("Minimal financial assistance notice: Delta Dyes"),
        "{notice}"
    );
    assert!(notice.contains("Subsidy Control Act 2022"));
    assert!(notice.contains("Test Fund"));
    let notice_cy = m
        .get(&format!("/cy/{base}/subsidy/{}", w.delta))
        .await
        .text()
        .await
        .unwrap();
    assert!(notice_cy.contains("Hysbysiad cymorth ariannol lleiaf: Delta Dyes"));
    assert!(notice_cy.contains("Cronfa Brawf"));

    // The JSON API.
    let token = crate::api::token_for(&app, w.manager, false, None).await;
    let (status, body) = crate::api::call(
        &app,
        "GET",
        &format!("/api/v1/programmes/{}/returns?period=2025-q1", w.slug),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["period_label"], "2025/26 Q1");
    let nfs = body["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "UKSPF-ENT-NFS")
        .unwrap();
    assert_eq!(nfs["count"], 3);
    assert_eq!(nfs["firms"].as_array().unwrap().len(), 3);

    // A participant is refused the page, the downloads and the notice.
    let p = app.client();
    p.sign_in("person0@ffurflen.example").await;
    for path in [
        format!("/en/{base}"),
        format!("/en/{base}/return.xlsx"),
        format!("/en/{base}/subsidy/{}", w.delta),
    ] {
        let status = p.get(&path).await.status().as_u16();
        assert!(matches!(status, 403 | 404), "{path}: {status}");
    }
}

/// A manager chooses the EU set alone and adds the fund's own indicator,
/// counted by a rule; the return follows, and sending either again changes
/// and records nothing.
async fn a_manager_chooses_and_adds_indicators(app: TestApp) {
    use ymarfer_domain::audit::AuditAction;
    let w = world(&app).await;
    let m = app.client();
    m.sign_in("rheolwr.ffurflen@example.com").await;
    let path = format!("/en/programmes/{}/returns/indicators", w.slug);
    let page = m.get(&path).await.text().await.unwrap();
    assert!(
        page.contains("Indicators reported: Funder return test"),
        "{page}"
    );
    let res = m.post(&path, &[("form", "sets"), ("set", "eu")]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        m.post(&path, &[("form", "sets"), ("set", "eu")])
            .await
            .status(),
        303
    );
    let add = [
        ("form", "add"),
        ("code", "fund-01"),
        ("name_en", "Firms taking part"),
        ("name_cy", "Cwmnïau sy'n cymryd rhan"),
        ("rule", "supported_hours_min"),
        ("hours", "3"),
    ];
    assert_eq!(m.post(&path, &add).await.status(), 303);
    assert_eq!(m.post(&path, &add).await.status(), 303, "the same again");
    // A shipped code is refused with a translated message, and hours are asked for.
    let refused = m
        .post(
            &path,
            &[
                ("form", "add"),
                ("code", "CO01"),
                ("name_en", "x"),
                ("name_cy", "x"),
                ("rule", "manual"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("one of the indicators Ymarfer ships")
    );
    let no_hours = m
        .post(
            &path,
            &[
                ("form", "add"),
                ("code", "F2"),
                ("name_en", "x"),
                ("name_cy", "x"),
                ("rule", "supported_hours_min"),
            ],
        )
        .await;
    assert_eq!(no_hours.status(), 422);

    let p = app.db.programme_by_slug(&w.slug).await.unwrap().unwrap();
    let acting = app.acting(w.manager).await;
    let r = ymarfer_app::returns::quarterly_return(
        &app.state,
        &acting,
        &p,
        Quarter {
            year: 2025,
            number: 1,
        },
    )
    .await
    .unwrap();
    let codes: Vec<&str> = r.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["CO01", "CO04", "CO08", "CO28", "CO29", "FUND-01"]);
    // 3 hours or more, supported in the quarter: Alpha (15) and Gamma (4).
    assert_eq!(
        count_of(&r, "FUND-01"),
        (
            Some(2),
            vec!["Alpha Cyf".to_string(), "Gamma Glass".to_string()]
        )
    );
    let events = app.trail(p.id, AuditAction::IndicatorSetsChanged).await;
    assert_eq!(events.len(), 1, "the same sets again record nothing");
    assert_eq!(app.trail(p.id, AuditAction::IndicatorAdded).await.len(), 1);
}

on_both! {
    manager_chooses_and_adds_indicators => super::a_manager_chooses_and_adds_indicators;
    return_counts_each_firm_once => super::the_return_counts_each_firm_once;
    return_through_every_door => super::the_return_through_every_door;
}
