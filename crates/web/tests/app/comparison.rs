//! The comparison group: firms that took the health check, agreed to take it
//! again and did not join, beside the participants, on the impact dashboard
//! and in the impact report; withheld below ten firms a side.

use crate::on_both;
use crate::support::{TestApp, location, manager};
use reqwest::StatusCode;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::Lang;
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_store::health::{CheckAnswers, LeadInput, Recheck};
use ymarfer_store::organisations::Answers;

fn answers(active: bool) -> Answers {
    Answers {
        new_business_process: active,
        // Spending alone does not make a firm innovation active.
        innovation_spending: true,
        ..Default::default()
    }
}

fn check(active: bool) -> CheckAnswers {
    CheckAnswers {
        sector: Some("C".into()),
        employee_band: Some(EmployeeBand::Micro),
        principal_area: Some("powys".into()),
        innovation: [Some(false), Some(active), Some(false), Some(true)],
        pains: Some(vec![]),
    }
}

fn day(d: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

fn at(d: &str) -> chrono::DateTime<chrono::Utc> {
    day(d).and_hms_opt(10, 0, 0).unwrap().and_utc()
}

/// A firm that took the check, agreed to take it again and did so at six
/// months (completed or not); returns its lead's id.
async fn pool_firm(
    app: &TestApp,
    programme: i64,
    i: usize,
    before: bool,
    after: bool,
    completed: bool,
) -> i64 {
    let first = app
        .db
        .record_check(Lang::En, "", &check(before), at("2025-01-10"), true)
        .await
        .unwrap();
    let lead = app
        .db
        .create_lead(&LeadInput {
            health_check_id: Some(first),
            programme_id: Some(programme),
            name: format!("Owner {i}"),
            email: format!("owner{i}@pool.example"),
            organisation_name: format!("Pool firm {i}"),
            language: Lang::En,
            recheck: true,
            ..Default::default()
        })
        .await
        .unwrap();
    let again = Recheck {
        lead: lead.id,
        follows: Some(first),
        months: 6,
    };
    app.db
        .record_check_again(
            Lang::En,
            "recheck-6",
            &check(after),
            at("2025-07-10"),
            completed,
            Some(&again),
        )
        .await
        .unwrap();
    lead.id
}

async fn withheld_below_ten_then_shown(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    // Participants: ten firms, 2 innovation active at entry (20.0%), 7 at the
    // 6-month follow-up (70.0%): +50.0 points.
    for i in 0..10 {
        let org = Firm::named(&format!("Participant {i}"))
            .entry(day("2025-01-06"), answers(i < 2))
            .add(&app.db, programme)
            .await
            .unwrap();
        let owner = app
            .user(&format!("p{i}@firm.example"), Lang::En, false)
            .await;
        app.db
            .enrol(programme, cohort, owner.id, Some(org.id), None)
            .await
            .unwrap();
        app.db
            .record_innovation(
                org.id,
                "follow_up_6",
                day("2025-10-01"),
                answers(i < 7),
                EmployeeBand::Micro,
                None,
            )
            .await
            .unwrap();
    }
    // A firm with only its entry answers has no pair and does not count.
    let lone = Firm::named("Participant alone")
        .entry(day("2025-01-06"), answers(false))
        .add(&app.db, programme)
        .await
        .unwrap();
    let owner = app.user("alone@firm.example", Lang::En, false).await;
    app.db
        .enrol(programme, cohort, owner.id, Some(lone.id), None)
        .await
        .unwrap();
    // The pool: eight firms that never joined, 3 active before, 5 after; and
    // one that joined after taking the check again (before false, after
    // true), which counts with the checks it took before joining.
    for i in 0..8 {
        pool_firm(&app, programme, i, i < 3, i < 5, true).await;
    }
    let joined = pool_firm(&app, programme, 8, false, true, true).await;
    let org = Firm::named("Pool firm that joined")
        .add(&app.db, programme)
        .await
        .unwrap();
    let person = app.user("joined@pool.example", Lang::En, false).await;
    app.db
        .lead_invited(joined, cohort, org.id, person.id)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, person.id, Some(org.id), None)
        .await
        .unwrap();
    // Not in the pool: a check taken again but not finished; and a firm that
    // joined before it finished its check again.
    pool_firm(&app, programme, 20, true, true, false).await;
    let late = pool_firm(&app, programme, 21, false, true, false).await;
    let org = Firm::named("Pool firm that joined first")
        .add(&app.db, programme)
        .await
        .unwrap();
    let person = app.user("first@pool.example", Lang::En, false).await;
    app.db
        .lead_invited(late, cohort, org.id, person.id)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, person.id, Some(org.id), None)
        .await
        .unwrap();
    let first = app
        .db
        .lead_by_id(late)
        .await
        .unwrap()
        .unwrap()
        .health_check_id
        .unwrap();
    app.db
        .record_check_again(
            Lang::En,
            "recheck-6",
            &check(true),
            chrono::Utc::now() + chrono::Duration::hours(1),
            true,
            Some(&Recheck {
                lead: late,
                follows: Some(first),
                months: 6,
            }),
        )
        .await
        .unwrap();

    // Ten participants, nine in the pool: withheld, with only the counts.
    let tr = ymarfer_app::i18n::Tr(Lang::En);
    let (r, _) = ymarfer_app::report::impact_report(&app.db, tr, &p, None)
        .await
        .unwrap();
    let six = &r.comparison.horizons[0];
    assert_eq!(six.months, 6);
    assert_eq!((six.participants.firms, six.comparison.firms), (10, 9));
    assert!(six.withheld);
    assert_eq!(six.difference_in_differences_points, None);
    assert_eq!(
        six.participants.share_before_pct, None,
        "nothing but counts"
    );
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let html = m
        .get(&format!("/en/programmes/{}/impact", p.slug))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Not shown at 6 months: each group needs at least 10 firms with both answers, and there are 10 participants and 9 firms in the comparison pool.")
            && !html.contains("id=\"comparison-6\""),
        "{html}"
    );
    assert!(html.contains("(self-selection)") && html.contains("not assigned at random"));

    // A tenth firm: shown. Pool 10 firms, 3 → 6 active (30.0% → 60.0%,
    // +30.0 points); participants +50.0; difference +20.0 points.
    pool_firm(&app, programme, 9, false, false, true).await;
    let (r, _) = ymarfer_app::report::impact_report(&app.db, tr, &p, None)
        .await
        .unwrap();
    let six = &r.comparison.horizons[0];
    assert_eq!((six.participants.firms, six.comparison.firms), (10, 10));
    assert!(!six.withheld);
    assert_eq!(
        (
            six.participants.active_before,
            six.participants.active_after,
            six.participants.change_points
        ),
        (Some(2), Some(7), Some(50.0))
    );
    assert_eq!(
        (
            six.comparison.share_before_pct,
            six.comparison.share_after_pct,
            six.comparison.change_points
        ),
        (Some(30.0), Some(60.0), Some(30.0))
    );
    assert_eq!(six.difference_in_differences_points, Some(20.0));
    // Nobody has answered at twelve months: withheld, saying why.
    let twelve = &r.comparison.horizons[1];
    assert_eq!(twelve.months, 12);
    assert!(twelve.withheld);
    assert_eq!((twelve.participants.firms, twelve.comparison.firms), (0, 0));

    let html = m
        .get(&format!("/en/programmes/{}/impact", p.slug))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<caption id=\"comparison-6-caption\">Innovation-active share 6 months on: participants and the comparison pool</caption>")
            && html.contains("<th scope=\"row\">Participants</th><td class=\"num\">10</td><td class=\"num\">20.0% (2)</td><td class=\"num\">70.0% (7)</td><td class=\"num\">+50.0</td>")
            && html.contains("<th scope=\"row\">Comparison pool</th><td class=\"num\">10</td><td class=\"num\">30.0% (3)</td><td class=\"num\">60.0% (6)</td><td class=\"num\">+30.0</td>")
            && html.contains("Difference in differences at 6 months: +20.0 percentage points")
            && html.contains("Not shown at 12 months"),
        "{html}"
    );
    let cy = m
        .get(&format!("/cy/programmes/{}/impact", p.slug))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        cy.contains("Gwahaniaeth yn y gwahaniaethau ar ôl 6 mis: +20.0 pwynt canran")
            && cy.contains("Grŵp cymharu")
            && cy.contains("(hunanddewis)"),
        "{cy}"
    );
}

/// Consent on the interest form, the invitation at six months in the
/// outbox, the check taken again from its link and counted in the pool; the
/// link is used once.
async fn a_recheck_joins_the_pool(app: TestApp) {
    let visitor = app.client();
    let res = visitor.post("/en/health-check", &[]).await;
    let base = location(&res).trim_end_matches("/1").to_string();
    let first = ["C", "micro", "powys", "no", "no", "no", "yes", "waiting"];
    for (i, a) in first.iter().enumerate() {
        let res = visitor
            .post(
                &format!("{base}/{}", i + 1),
                &[("answer", a), ("next", "1")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let result = visitor
        .get(&format!("{base}/result"))
        .await
        .text()
        .await
        .unwrap();
    // The consent is asked for plainly, and not ticked for the firm.
    assert!(
        result.contains(
            "id=\"recheck\" name=\"recheck\" value=\"yes\" aria-describedby=\"recheck-hint\">"
        ) && result.contains("never your name or details"),
        "{result}"
    );
    let res = visitor
        .post(
            &format!("{base}/interest"),
            &[
                ("name", "Siân Prys"),
                ("email", "sian@pool.example"),
                ("organisation", "Prys a'i Phlant"),
                ("language", "en"),
                ("consent", "yes"),
                ("website", ""),
                ("recheck", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let leads = app.db.leads_of(None).await.unwrap();
    assert!(leads.len() == 1 && leads[0].recheck);
    assert!(app.db.recheck_pairs().await.unwrap().is_empty());

    let later = ymarfer_domain::uktime::today() + chrono::Duration::days(190);
    let run = ymarfer_app::followups::send_due(&app.state, later)
        .await
        .unwrap();
    assert_eq!(run.rechecks, 1);
    let (_, _, body) = app
        .outbox()
        .into_iter()
        .find(|(to, subject, _)| {
            to == "sian@pool.example" && subject == "Take the innovation health check again"
        })
        .expect("the invitation");
    let link = body
        .split_whitespace()
        .find(|w| w.contains("again="))
        .expect("a link")
        .to_string();
    let token = link.split("again=").nth(1).unwrap().to_string();
    let again = [("source", "recheck-6"), ("again", token.as_str())];
    let res = visitor.post("/en/health-check", &again).await;
    let base = location(&res).trim_end_matches("/1").to_string();
    let then = ["C", "micro", "powys", "no", "yes", "no", "yes", "waiting"];
    for (i, a) in then.iter().enumerate() {
        visitor
            .post(
                &format!("{base}/{}", i + 1),
                &[("answer", a), ("next", "1")],
            )
            .await;
    }
    let pairs = app.db.recheck_pairs().await.unwrap();
    let pool = ymarfer_app::comparison::pool(&pairs, 6);
    assert_eq!(pool.len(), 1);
    let (before, after) = pool[0];
    assert!(!before.is_innovation_active() && after.is_innovation_active());
    assert!(ymarfer_app::comparison::pool(&pairs, 12).is_empty());

    // The link is used: a check begun from it again stands alone.
    let res = visitor.post("/en/health-check", &again).await;
    let base = location(&res).trim_end_matches("/1").to_string();
    for (i, a) in first.iter().enumerate() {
        visitor
            .post(
                &format!("{base}/{}", i + 1),
                &[("answer", a), ("next", "1")],
            )
            .await;
    }
    let pairs = app.db.recheck_pairs().await.unwrap();
    assert_eq!(pairs.len(), 1, "{pairs:?}");

    // A year on the lead is kept until its 12-month invitation has gone.
    let year = ymarfer_domain::uktime::today() + chrono::Duration::days(370);
    let run = ymarfer_app::followups::send_due(&app.state, year)
        .await
        .unwrap();
    assert_eq!((run.rechecks, run.leads_forgotten), (1, 0));
}

on_both! {
    comparison_withheld_then_shown => super::withheld_below_ten_then_shown;
    comparison_recheck_joins_the_pool => super::a_recheck_joins_the_pool;
}
