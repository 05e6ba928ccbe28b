//! A firm's record belongs to the programme that made it. Staff of programme A
//! reach nothing programme B recorded about a firm — not by typing its name,
//! not through a lead's invitation, not by importing people, not through the
//! API — and B's figures are the same, byte for byte, after they try.

use crate::api::{call, token_for};
use crate::on_both;
use crate::support::{TestApp, location, manager, signed_in_with};
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::organisations::Answers;

async fn slug(app: &TestApp, programme: i64) -> String {
    app.db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug
}

/// Everything B holds about its firm, as text: the record, its innovation
/// answers, its ledger lines and B's impact figures.
async fn b_state(app: &TestApp, b: i64, firm: i64) -> String {
    let p = app.db.programme_by_id(b).await.unwrap().unwrap();
    let report =
        ymarfer_app::report::impact_report(&app.db, ymarfer_app::i18n::Tr(Lang::En), &p, None)
            .await
            .unwrap()
            .0;
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}",
        app.db.organisation_by_id(firm).await.unwrap(),
        app.db.innovation_answers(firm).await.unwrap(),
        app.db.organisation_lines(firm).await.unwrap(),
        report.first_year_pence,
    )
}

async fn another_programmes_firm_is_never_joined(app: TestApp) {
    let (_, a, cohort_a) = manager(&app, "rheolwr.a@example.com").await;
    let (_, b, cohort_b) = manager(&app, "rheolwr.b@example.com").await;
    let slug_a = slug(&app, a).await;

    // B's firm: £31 an hour, innovation answers at entry, a claimed line of
    // two hours a week.
    let b_firm = Firm::named("Melin Teifi")
        .area("ceredigion")
        .rate(3100)
        .entry(
            chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
            Answers {
                new_business_process: true,
                ..Default::default()
            },
        )
        .add(&app.db, b)
        .await
        .unwrap();
    let project =
        crate::support::project(&app, cohort_b, b_firm.id, "Looms", "testing", "cohort").await;
    Line::hours("Less rework", 200)
        .starting(chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap())
        .add(&app.db, project.id, None)
        .await
        .unwrap();
    let before = b_state(&app, b, b_firm.id).await;
    assert!(before.contains("3100"), "{before}");

    // A's facilitator adds a firm by the same name in other letters: a new
    // record of A's, with nothing of B's in it.
    let (_, fa) = signed_in_with(
        &app,
        "hwylusydd.a@example.com",
        Role::Facilitator,
        Scope::Cohort {
            programme: a,
            cohort: cohort_a,
        },
    )
    .await;
    let res = fa
        .post(
            "/en/organisations/new",
            &[
                ("programme", &a.to_string()),
                ("name", "MELIN TEIFI"),
                ("sector", "C"),
                ("employee_band", "micro"),
                ("principal_area", "ceredigion"),
                ("hourly_rate", "999"),
                ("asked_on", "2026-11-02"),
            ],
        )
        .await;
    let own = location(&res);
    assert!(!own.contains('?'), "a new record, not a joined one: {own}");
    let a_firm: i64 = own.rsplit('/').next().unwrap().parse().unwrap();
    assert_ne!(a_firm, b_firm.id);
    let html = fa.get(&own).await.text().await.unwrap();
    assert!(html.contains("MELIN TEIFI") && html.contains("£999.00"));
    assert!(
        !html.contains("1 September 2026") && !html.contains("£6,448.00"),
        "neither B's answers nor B's figures: {html}"
    );

    // B's record answers A's staff as if it did not exist, however they ask.
    let b_path = format!("/en/organisations/{}", b_firm.id);
    for path in [b_path.clone(), format!("{b_path}/edit")] {
        assert_eq!(
            fa.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let res = fa
        .post(
            &format!("{b_path}/edit"),
            &[
                ("name", "Melin Teifi"),
                ("sector", "C"),
                ("employee_band", "micro"),
                ("principal_area", "ceredigion"),
                ("hourly_rate", "999"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = fa
        .post(
            &format!("{b_path}/innovation"),
            &[("stage", "end"), ("asked_on", "2026-12-01"), ("q1", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let list = fa.get("/en/organisations").await.text().await.unwrap();
    assert_eq!(list.matches("Melin Teifi").count(), 0, "{list}");
    assert_eq!(list.matches("MELIN TEIFI").count(), 1, "{list}");

    // A visitor leaves a lead for A naming B's firm; A's manager invites her.
    let lead = app
        .db
        .create_lead(&ymarfer_store::health::LeadInput {
            health_check_id: None,
            programme_id: Some(a),
            cohort_id: Some(cohort_a),
            name: "Nia Jones".into(),
            email: "nia@melin.cymru".into(),
            phone: String::new(),
            organisation_name: "melin teifi".into(),
            language: Lang::Cy,
            recheck: false,
        })
        .await
        .unwrap();
    let ma = app.client();
    ma.sign_in("rheolwr.a@example.com").await;
    let lead_path = format!("/en/programmes/{slug_a}/leads/{}", lead.id);
    let res = ma
        .post(
            &format!("{lead_path}/invite"),
            &[("cohort", &cohort_a.to_string())],
        )
        .await;
    assert_eq!(location(&res), format!("{lead_path}?done=invited"));
    let enrolled = app.db.enrolled(cohort_a).await.unwrap();
    assert_eq!(enrolled.len(), 1);
    assert_eq!(
        enrolled[0].organisation_id,
        Some(a_firm),
        "A's own record, found by name within A"
    );
    let in_b = app.db.programme_organisations(b).await.unwrap();
    assert_eq!(in_b.len(), 1, "B holds only its own record");

    // Importing people into A's cohort for a firm of that name uses A's record.
    let csv = "email,name,language,organisation,sector,employee_band,area\n\
               huw@melin.cymru,Huw Puw,cy,Melin teifi,C,micro,ceredigion\n";
    let base = format!("/en/programmes/{slug_a}/cohorts/cohort-1");
    let res = ma
        .post_multipart(
            &format!("{base}/import"),
            &[("csv", csv), ("confirm", "yes")],
            None,
        )
        .await;
    assert_eq!(location(&res), format!("{base}?done=imported"));
    let enrolled = app.db.enrolled(cohort_a).await.unwrap();
    assert_eq!(enrolled.len(), 2);
    assert!(enrolled.iter().all(|e| e.organisation_id == Some(a_firm)));

    // Through the API, A's manager's token finds only A's record.
    let manager_a = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("rheolwr.a@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    let token = token_for(&app, manager_a.id, true, None).await;
    let (status, _) = call(
        &app,
        "GET",
        &format!("/api/v1/organisations/{}", b_firm.id),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (status, body) = call(
        &app,
        "GET",
        &format!("/api/v1/programmes/{slug_a}/organisations"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let ids: Vec<i64> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [a_firm]);

    // After all that, B's record and figures are exactly as they were.
    assert_eq!(b_state(&app, b, b_firm.id).await, before);
}

on_both! {
    firm_records => super::another_programmes_firm_is_never_joined;
}
