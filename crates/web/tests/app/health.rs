//! The public innovation health check, the leads it brings and the funnel.

use crate::on_both;
use crate::support::{TestApp, location};
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::Lang;

/// Takes the check through its eight screens; returns the result's path.
pub(crate) async fn take_check(
    c: &crate::support::Client,
    lang: &str,
    answers: &[&[&str]],
) -> String {
    let res = c
        .post(
            &format!("/{lang}/health-check"),
            &[("source", "Powys-Council!")],
        )
        .await;
    let first = location(&res);
    assert!(
        first.starts_with(&format!("/{lang}/health-check/")) && first.ends_with("/1"),
        "{first}"
    );
    let base = first.trim_end_matches("/1").to_string();
    for (i, given) in answers.iter().enumerate() {
        let mut form: Vec<(&str, &str)> = given.iter().map(|a| ("answer", *a)).collect();
        form.push(("next", "1"));
        let res = c.post(&format!("{base}/{}", i + 1), &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "screen {}", i + 1);
    }
    format!("{base}/result")
}

pub(crate) const NOT_YET: [&[&str]; 8] = [
    &["C"],
    &["micro"],
    &["gwynedd"],
    &["no"],
    &["no"],
    &["no"],
    &["yes"],
    &["waiting", "rework"],
];

async fn a_visitor_takes_the_check(app: TestApp) {
    let c = app.client();
    // One click from the home page, in either language; and a chooser, Welsh first.
    for lang in ["en", "cy"] {
        let home = c.get(&format!("/{lang}")).await.text().await.unwrap();
        assert!(
            home.contains(&format!("href=\"/{lang}/health-check\"")),
            "{home}"
        );
    }
    let choose = c.get("/health-check").await.text().await.unwrap();
    let (cy, en) = (
        choose.find("/cy/health-check").unwrap(),
        choose.find("/en/health-check").unwrap(),
    );
    assert!(cy < en, "Welsh is not second to English");

    let res = c.post("/cy/health-check", &[]).await;
    let base = location(&res).trim_end_matches("/1").to_string();
    // A screen refuses a missing or made-up answer and says so.
    let res = c
        .post(&format!("{base}/1"), &[("answer", "Z"), ("next", "1")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Dewiswch ateb er mwyn mynd ymlaen.")
    );
    // Back keeps what was answered.
    c.post(&format!("{base}/1"), &[("answer", "C"), ("next", "1")])
        .await;
    c.post(&format!("{base}/2"), &[("answer", "small"), ("back", "1")])
        .await;
    let two = c.get(&format!("{base}/2")).await.text().await.unwrap();
    assert!(two.contains("value=\"small\" checked"), "{two}");
    assert!(two.contains("Cwestiwn 2 o 8"));
    // Not finished: the result sends the visitor back to the questions.
    assert_eq!(
        location(&c.get(&format!("{base}/result")).await),
        format!("{base}/1")
    );

    let result = take_check(&c, "en", &NOT_YET).await;
    let html = c.get(&result).await.text().await.unwrap();
    assert!(
        html.contains("Getting ready to innovate"),
        "spending alone is not innovation active"
    );
    assert!(html.contains("Value stream map") && html.contains("What you would do on Monday"));
    assert!(
        html.contains("Fewer than 10 Micro (0–9 staff) firms in Manufacturing have verified savings in our programmes yet (0)")
            || html.contains("Fewer than 10"),
        "{html}"
    );
    assert!(html.contains("No cohort has places just now") || html.contains("places left"));
    // The address is private and kept 30 days.
    assert_eq!(
        c.get("/en/health-check/0000/result").await.status(),
        StatusCode::NOT_FOUND
    );
    app.db.age_checks(chrono::Duration::days(31)).await.unwrap();
    assert_eq!(c.get(&result).await.status(), StatusCode::GONE);
}

/// Opens the cohort: it starts next month, online, with 12 places.
pub(crate) async fn open_cohort(app: &TestApp, cohort: i64) {
    let start = ymarfer_domain::uktime::today() + chrono::Duration::days(30);
    cohort_dates(app, cohort, start, start + chrono::Duration::weeks(16)).await;
}

/// Names the cohort "Mid Wales", online with 12 places, between the dates.
async fn cohort_dates(
    app: &TestApp,
    cohort: i64,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
) {
    let mut k = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    k.starts_on = Some(start);
    k.ends_on = Some(end);
    app.db
        .update_cohort(
            cohort,
            &ymarfer_store::programmes::CohortInput {
                slug: k.slug.clone(),
                name_en: "Mid Wales".into(),
                name_cy: "Canolbarth Cymru".into(),
                starts_on: k.starts_on,
                ends_on: k.ends_on,
                capacity: 12,
                delivery_mode: ymarfer_domain::programme::DeliveryMode::Online,
                region: ymarfer_domain::reference::Region::MidWales,
                cost_share_pence: None,
                language: k.language,
            },
        )
        .await
        .unwrap();
}

/// The interest form sent twice (a double tap, or the back button) makes one
/// lead and one email; both times it answers with the same thank-you page
/// (post, redirect, get), which says what happens next and when.
async fn interest_sent_twice_makes_one_lead(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    open_cohort(&app, cohort).await;
    let visitor = app.client();
    let result = take_check(&visitor, "en", &NOT_YET).await;
    let html = visitor.get(&result).await.text().await.unwrap();
    let once = regex::Regex::new(r#"name="once" value="([0-9a-f]{64})""#)
        .unwrap()
        .captures(&html)
        .expect("the form carries a one-time key")[1]
        .to_string();
    // Each showing of the form has its own key.
    let again = visitor.get(&result).await.text().await.unwrap();
    assert!(!again.contains(&once));
    let interest = result.replace("/result", "/interest");
    let cohort_id = cohort.to_string();
    let form = [
        ("name", "Nia Jones"),
        ("email", "nia@becws.cymru"),
        ("phone", "01970 123456"),
        ("organisation", "Becws Nia"),
        ("language", "cy"),
        ("consent", "yes"),
        ("cohort", cohort_id.as_str()),
        ("once", once.as_str()),
    ];
    let told = |app: &TestApp| {
        app.outbox()
            .iter()
            .filter(|(to, subject, _)| {
                to == manager.email.as_str() && subject == "A firm would like to hear more"
            })
            .count()
    };
    let thanks_at = result.replace("/result", "/thanks");
    for _ in 0..2 {
        let res = visitor.post(&interest, &form).await;
        assert_eq!(location(&res), thanks_at);
        let thanks = visitor.get(&location(&res)).await.text().await.unwrap();
        assert!(
            thanks.contains("<title>Thank you: we have your details")
                && thanks.contains("What happens next")
                && thanks.contains("The team running Mid Wales reads your details, usually within five working days")
                && thanks.contains("by email or phone, in Welsh,")
                && thanks.contains("The cohort starts on")
                && !thanks.contains("name=\"once\""),
            "{thanks}"
        );
        assert_eq!(app.db.leads_of(Some(programme)).await.unwrap().len(), 1);
        assert_eq!(told(&app), 1, "the manager is emailed once");
    }
    // In Welsh, the language is mutated as Welsh needs.
    let cy = visitor
        .get(&thanks_at.replace("/en/", "/cy/"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        cy.contains("yn Gymraeg") && cy.contains("Beth sy&#39;n digwydd nesaf"),
        "{cy}"
    );
}

/// A lead that chose no cohort waits in a queue that every administrator
/// sees, and every manager of a programme open to firms: each is emailed a
/// link to it, and any of them may give it to a programme, whose managers
/// then hear of it. A manager of a programme taking no firms neither hears of
/// it nor sees it.
async fn a_lead_for_no_programme_is_listed_and_assigned(app: TestApp) {
    let (closed, shut, _) = crate::support::manager(&app, "caeedig@example.com").await;
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    open_cohort(&app, cohort).await;
    let admin = app.user("gweinyddwr@example.com", Lang::Cy, true).await;
    let visitor = app.client();
    let result = take_check(&visitor, "en", &NOT_YET).await;
    let res = visitor
        .post(
            &result.replace("/result", "/interest"),
            &[
                ("name", "Nia Jones"),
                ("email", "nia@becws.cymru"),
                ("phone", "01970 123456"),
                ("organisation", "Becws Nia"),
                ("language", "cy"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.emailed_link(admin.email.as_str()), "/cy/leads/waiting");
    assert_eq!(
        app.emailed_link(manager.email.as_str()),
        "/en/leads/waiting"
    );
    assert!(
        !app.outbox()
            .iter()
            .any(|(to, _, _)| to == closed.email.as_str()),
        "a programme taking no firms is not told"
    );
    let a = app.client();
    a.sign_in("gweinyddwr@example.com").await;
    let html = a.get("/cy/leads/waiting").await.text().await.unwrap();
    assert!(
        html.contains("Darpar gyfranogwyr yn aros am raglen")
            && html.contains("Becws Nia")
            && html.contains("01970 123456")
            && html.contains("Cymraeg")
            && html.contains("yn aros ers heddiw"),
        "{html}"
    );
    let lead = app.db.leads_of(None).await.unwrap()[0].id;
    let assign = format!("/en/leads/{lead}/programme");
    let to = programme.to_string();
    // The manager of a programme taking no firms may neither see nor take it.
    let c = app.client();
    c.sign_in("caeedig@example.com").await;
    assert_eq!(
        c.get("/en/leads/waiting").await.status(),
        StatusCode::FORBIDDEN
    );
    for p in [shut, programme] {
        assert_eq!(
            c.post(&assign, &[("programme", &p.to_string())])
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
    }
    // The open programme's manager sees it, from the programme's leads too,
    // and may take it only into the programme they manage.
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let list = m
        .get(&format!("/en/programmes/{slug}/leads"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        list.contains("One lead is waiting for a programme") && list.contains("/en/leads/waiting"),
        "{list}"
    );
    let html = m.get("/en/leads/waiting").await.text().await.unwrap();
    assert!(
        html.contains("Becws Nia") && html.contains("waiting 0 days"),
        "{html}"
    );
    assert_eq!(
        m.post(&assign, &[("programme", &shut.to_string())])
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    let res = m.post(&assign, &[("programme", &to)]).await;
    assert_eq!(location(&res), "/en/leads/waiting?done=saved");
    // Sent again (or by the administrator at the same time), it is given once
    // and recorded once.
    let res = a.post(&assign, &[("programme", &to)]).await;
    assert_eq!(location(&res), "/en/leads/waiting?done=saved");
    let given = ymarfer_store::audit::AuditQuery {
        action: Some(ymarfer_domain::audit::AuditAction::LeadAssigned),
        ..Default::default()
    };
    let events = app.db.audit_events(&given, 10, 0).await.unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].programme_id, Some(programme));
    assert!(events[0].subject.contains("Becws Nia"), "{:?}", events[0]);
    assert!(app.db.leads_of(None).await.unwrap().is_empty());
    assert_eq!(app.db.leads_of(Some(programme)).await.unwrap().len(), 1);
    assert_eq!(
        app.emailed_link(manager.email.as_str()),
        format!("/en/programmes/{slug}/leads/{lead}")
    );
    let html = a.get("/en/leads/waiting").await.text().await.unwrap();
    assert!(html.contains("Every lead has a programme."), "{html}");
    let list = m
        .get(&format!("/en/programmes/{slug}/leads"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!list.contains("waiting for a programme"), "{list}");
}

async fn interest_becomes_a_lead_and_an_invitation(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    open_cohort(&app, cohort).await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let visitor = app.client();
    let result = take_check(&visitor, "cy", &NOT_YET).await;
    let html = visitor.get(&result).await.text().await.unwrap();
    assert!(
        html.contains("Canolbarth Cymru") && html.contains("12 lle ar ôl"),
        "{html}"
    );
    let interest = result.replace("/result", "/interest");
    let cohort_id = cohort.to_string();
    let form = |consent: &'static str, website: &'static str| {
        vec![
            ("name", "Nia Jones"),
            ("email", "nia@becws.cymru"),
            ("organisation", "Becws Nia"),
            ("language", "cy"),
            ("consent", consent),
            ("website", website),
        ]
    };
    let mut no_consent = form("", "");
    no_consent.push(("cohort", &cohort_id));
    let res = visitor.post(&interest, &no_consent).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = res.text().await.unwrap();
    assert!(text.contains("Ticiwch y blwch") && text.contains("value=\"Nia Jones\""));
    // A machine fills the hidden field: thanked, nothing kept.
    let mut robot = form("yes", "http://spam.example");
    robot.push(("cohort", &cohort_id));
    assert_eq!(
        visitor.post(&interest, &robot).await.status(),
        StatusCode::SEE_OTHER
    );
    assert!(app.db.leads_of(Some(programme)).await.unwrap().is_empty());
    let mut good = form("yes", "");
    good.push(("cohort", &cohort_id));
    good.push(("recheck", "yes"));
    let res = visitor.post(&interest, &good).await;
    assert_eq!(location(&res), result.replace("/result", "/thanks"));
    let leads = app.db.leads_of(Some(programme)).await.unwrap();
    assert_eq!(leads.len(), 1);
    // The manager hears of it, in their language.
    let mail = app.outbox();
    assert!(
        mail.iter().any(
            |(to, subject, body)| to == &manager.email.as_str().to_string()
                && subject == "A firm would like to hear more"
                && body.contains("Becws Nia")
        ),
        "{mail:?}"
    );

    // Only the programme's managers see leads.
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let list = m
        .get(&format!("/en/programmes/{slug}/leads"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        list.contains("Becws Nia") && list.contains("1 lead"),
        "{list}"
    );
    let lead = format!("/en/programmes/{slug}/leads/{}", leads[0].id);
    let page = m.get(&lead).await.text().await.unwrap();
    assert!(
        page.contains("Getting ready to innovate") && page.contains("Gwynedd"),
        "{page}"
    );
    let res = m
        .post(
            &lead,
            &[("status", "contacted"), ("notes", "Rang on Monday")],
        )
        .await;
    assert_eq!(location(&res), format!("{lead}?done=saved"));
    // In one step: the firm joins with the check's answers, the person is invited.
    let res = m
        .post(&format!("{lead}/invite"), &[("cohort", &cohort_id)])
        .await;
    assert_eq!(location(&res), format!("{lead}?done=invited"));
    let org = app
        .db
        .organisation_by_name(programme, "Becws Nia")
        .await
        .unwrap()
        .expect("the firm");
    assert_eq!(
        (org.sic_section.as_str(), org.employee_band.as_str()),
        ("C", "micro")
    );
    let entry = app.db.innovation_answers(org.id).await.unwrap();
    assert_eq!(entry.len(), 1);
    assert!(entry[0].innovation_spending && !entry[0].new_business_process);
    let enrolled = app.db.enrolled(cohort).await.unwrap();
    assert!(enrolled.iter().any(|e| e.organisation_id == Some(org.id)));
    // The invitation names the cohort and when it starts, in Welsh.
    let (_, subject, body) = app
        .outbox()
        .into_iter()
        .find(|(to, _, _)| to == "nia@becws.cymru")
        .expect("the invitation");
    assert_eq!(subject, "Gwahoddiad i'r garfan Canolbarth Cymru");
    assert!(
        body.contains("Mae gennych le yn y garfan Canolbarth Cymru, sy'n dechrau ar "),
        "{body}"
    );

    // The lead's status follows the person: invited until she comes.
    let steps = |funnel: &str, counts: [(&str, i64); 6]| {
        for (step, n) in counts {
            assert!(
                funnel.contains(&format!(
                    "<th scope=\"row\">{step}</th><td class=\"num\">{n}</td>"
                )),
                "{step}: {funnel}"
            );
        }
    };
    let funnel_page = format!("/en/programmes/{slug}/funnel");
    let status = regex::Regex::new(r"<dt>Status</dt><dd>([^<·]*)").unwrap();
    let shown = |html: &str| status.captures(html).map(|c| c[1].trim().to_string());
    let page = m.get(&lead).await.text().await.unwrap();
    assert_eq!(shown(&page).as_deref(), Some("Invited"), "{page}");
    let funnel = m.get(&funnel_page).await.text().await.unwrap();
    steps(
        &funnel,
        [
            ("Health checks started", 1),
            ("Completed", 1),
            ("Asked to hear more", 1),
            ("Invited", 1),
            ("Enrolled", 0),
            ("Completed a cohort", 0),
        ],
    );
    // She accepts: enrolled, on the lead and in the funnel alike.
    let link = app.emailed_link("nia@becws.cymru");
    let nia = app.client();
    let res = nia
        .post(
            &link,
            &[
                ("display_name", "Nia Jones"),
                ("password", "bara brith a the"),
                ("confirm", "bara brith a the"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{link}");
    let page = m.get(&lead).await.text().await.unwrap();
    assert_eq!(shown(&page).as_deref(), Some("Enrolled"), "{page}");
    assert!(page.contains("Once invited, the status follows the person"));
    let list = m
        .get(&format!("/en/programmes/{slug}/leads"))
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("<td>Enrolled</td>"), "{list}");
    let funnel = m.get(&funnel_page).await.text().await.unwrap();
    steps(
        &funnel,
        [
            ("Health checks started", 1),
            ("Completed", 1),
            ("Asked to hear more", 1),
            ("Invited", 1),
            ("Enrolled", 1),
            ("Completed a cohort", 0),
        ],
    );
    // Saving the team's notes leaves the status to follow her.
    let res = m
        .post(
            &lead,
            &[("status", "invited"), ("notes", "Starts in March")],
        )
        .await;
    assert_eq!(location(&res), format!("{lead}?done=saved"));
    let page = m.get(&lead).await.text().await.unwrap();
    assert_eq!(shown(&page).as_deref(), Some("Enrolled"), "{page}");
    // Once her cohort has ended: completed.
    let k = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    let ended = ymarfer_domain::uktime::today() - chrono::Duration::days(1);
    cohort_dates(&app, cohort, ended - chrono::Duration::weeks(16), ended).await;
    let page = m.get(&lead).await.text().await.unwrap();
    assert_eq!(
        shown(&page).as_deref(),
        Some("Completed the cohort"),
        "{page}"
    );
    let funnel = m.get(&funnel_page).await.text().await.unwrap();
    assert!(
        funnel.contains("<th scope=\"row\">Completed a cohort</th><td class=\"num\">1</td>"),
        "{funnel}"
    );
    // Back as it was, for what follows.
    cohort_dates(&app, cohort, k.starts_on.unwrap(), k.ends_on.unwrap()).await;
    assert!(funnel.contains("Gwynedd") && funnel.contains("powys-council"));
    // Read against the SMEs in each area, once an administrator enters them.
    assert!(funnel.contains("has not been entered yet"));
    app.user("admin@example.com", Lang::En, true).await;
    let a = app.client();
    a.sign_in("admin@example.com").await;
    let res = a
        .post(
            "/en/admin/smes",
            &[
                ("source", "StatsWales 2025"),
                ("counts", "Gwynedd, 2000\nAtlantis, 5"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text().await.unwrap().contains(": 2."),
        "the bad line is named"
    );
    assert!(
        app.db.sme_counts().await.unwrap().is_empty(),
        "nothing half-saved"
    );
    let res = a
        .post(
            "/en/admin/smes",
            &[
                ("source", "StatsWales 2025"),
                ("counts", "Gwynedd, 2000\nsir ddinbych,1,500"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/en/admin/smes?done=saved");
    let funnel = m
        .get(&format!("/en/programmes/{slug}/funnel"))
        .await
        .text()
        .await
        .unwrap();
    // One completed check among 2,000 SMEs: 0.5 per 1,000.
    assert!(
        funnel.contains("<td>Gwynedd</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">2000</td><td class=\"num\">0.5</td>")
            && funnel.contains("SME counts: StatsWales 2025"),
        "{funnel}"
    );
    let filtered = m
        .get(&format!("/en/programmes/{slug}/funnel?band=small"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        filtered.contains("<th scope=\"row\">Health checks started</th><td class=\"num\">0</td>")
    );

    // Six months on, the firm is asked to take the check again, once; its new
    // answers join the lead's record, so the change in its status shows.
    let later = ymarfer_domain::uktime::today() + chrono::Duration::days(190);
    let run = ymarfer_app::followups::send_due(&app.state, later)
        .await
        .unwrap();
    assert_eq!(run.rechecks, 1);
    let again = ymarfer_app::followups::send_due(&app.state, later)
        .await
        .unwrap();
    assert_eq!(again.rechecks, 0, "asked once at six months");
    let (_, _, body) = app
        .outbox()
        .into_iter()
        .find(|(to, subject, _)| to == "nia@becws.cymru" && subject.contains("eto"))
        .expect("the invitation, in Welsh");
    let link = body
        .split_whitespace()
        .find(|w| w.contains("again="))
        .expect("a link")
        .to_string();
    let path = link
        .split_once("/cy/")
        .map(|(_, p)| format!("/cy/{p}"))
        .unwrap();
    let intro = visitor.get(&path).await.text().await.unwrap();
    let token = path.split("again=").nth(1).unwrap();
    assert!(intro.contains(&format!("name=\"again\" value=\"{token}\"")));
    let res = visitor
        .post(
            "/cy/health-check",
            &[("source", "recheck-6"), ("again", token)],
        )
        .await;
    let base = location(&res).trim_end_matches("/1").to_string();
    for (i, a) in ["C", "micro", "gwynedd", "no", "yes", "no", "yes", "waiting"]
        .iter()
        .enumerate()
    {
        visitor
            .post(
                &format!("{base}/{}", i + 1),
                &[("answer", a), ("next", "1")],
            )
            .await;
    }
    let page = m.get(&lead).await.text().await.unwrap();
    assert!(
        page.contains("The checks this firm has taken")
            && page.find("Getting ready to innovate").unwrap()
                < page.find(": Innovation active").unwrap(),
        "{page}"
    );

    // A participant, an observer and a stranger see no leads.
    let (_, p) = crate::support::signed_in_with(
        &app,
        "obs@example.com",
        ymarfer_domain::Role::Observer,
        ymarfer_domain::Scope::Programme(programme),
    )
    .await;
    assert_eq!(p.get(&lead).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        p.get(&format!("/en/programmes/{slug}/funnel"))
            .await
            .status(),
        StatusCode::OK,
        "observers see the funnel's counts"
    );
    let stranger = app.client();
    app.user("stranger@example.com", Lang::En, false).await;
    stranger.sign_in("stranger@example.com").await;
    assert_eq!(stranger.get(&lead).await.status(), StatusCode::NOT_FOUND);
}

/// A partner's site may frame the check when the configuration names it; the
/// check then works without cookies, which frames often do not get.
async fn partners_may_frame_the_check(app: TestApp) {
    let plain = app.client();
    let csp = |res: &reqwest::Response| {
        res.headers()
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let res = plain.get("/en/health-check").await;
    assert!(
        csp(&res).contains("frame-ancestors 'none'"),
        "no partner, no frame"
    );

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = ymarfer_app::Config::new(
        &format!("http://{addr}"),
        app.data_dir.clone(),
        "Ymarfer <noreply@example.test>",
        None,
    )
    .unwrap()
    .with_frame_origins(&["https://www.businesswales.example/".to_string()])
    .unwrap();
    assert!(
        ymarfer_app::Config::new("http://x", app.data_dir.clone(), "Y <y@example.test>", None)
            .unwrap()
            .with_frame_origins(&["https://example.org/page".to_string()])
            .is_err(),
        "an origin has no path"
    );
    let state = ymarfer_web::AppState::new(app.db.clone(), config).unwrap();
    tokio::spawn(async move {
        ymarfer_web::serve(listener, state, std::future::pending())
            .await
            .unwrap();
    });
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let base = format!("http://{addr}");
    let res = http
        .get(format!("{base}/cy/health-check"))
        .send()
        .await
        .unwrap();
    assert!(
        csp(&res).contains("frame-ancestors https://www.businesswales.example;"),
        "{}",
        csp(&res)
    );
    let res = http.get(format!("{base}/cy")).send().await.unwrap();
    assert!(
        csp(&res).contains("frame-ancestors 'none'"),
        "other pages stay unframable"
    );
    // No cookies at all: start, answer and finish.
    let res = http
        .post(format!("{base}/cy/health-check"))
        .form(&[("source", "business-wales")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let first = location(&res);
    let res = http
        .post(format!("{base}{first}"))
        .form(&[("answer", "C"), ("next", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Everywhere else, a post without its token is refused.
    let res = http
        .post(format!("{base}/cy/sign-in"))
        .form(&[("email", "x@example.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

/// Ten firms of the same size and sector with verified savings: their median is
/// shown, with the count; nine would be withheld.
async fn similar_firms_are_shown_from_ten(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let mut firms = Vec::new();
    for i in 0..10i64 {
        let org = Firm::named(&format!("Becws {i}"))
            .area("gwynedd")
            .add(&app.db, programme)
            .await
            .unwrap();
        let project =
            crate::support::project(&app, cohort, org.id, "Bara", "testing", "cohort").await;
        // £100, £200, … £1,000 a year, as one-off savings.
        let line = Line::once("Less flour", 10_000 * (i + 1)).verified();
        firms.push((project.id, line));
    }
    let visitor = app.client();
    Line::add_all(&app.db, &firms[..9], manager.id)
        .await
        .unwrap();
    let result = take_check(&visitor, "en", &NOT_YET).await;
    let html = visitor.get(&result).await.text().await.unwrap();
    assert!(
        html.contains("Fewer than 10") && html.contains("(9)"),
        "{html}"
    );
    Line::add_all(&app.db, &firms[9..], manager.id)
        .await
        .unwrap();
    let html = visitor.get(&result).await.text().await.unwrap();
    // The middle two are £500 and £600: the median is £550.
    assert!(
        html.contains("saved a median of £550.00 in their first year (verified savings, 10 firms)"),
        "{html}"
    );
}

/// One address loading the check's result and question pages too fast is
/// slowed with a translated page and `Retry-After`; another address is not.
async fn one_address_flooding_the_check_is_slowed(app: TestApp) {
    // Behind a proxy (this test itself), each visitor known by its address.
    let Some(app) = TestApp::spawn_configured(app.db.backend(), |config| {
        config
            .with_trusted_proxies(vec!["127.0.0.1".parse().unwrap()])
            .with_public_limit(12)
    })
    .await
    else {
        return;
    };
    let c = app.client();
    let result = take_check(&c, "en", &NOT_YET).await;
    let question = result.replace("/result", "/3");
    let http = reqwest::Client::new();
    let get = |path: &str, addr: &str| {
        http.get(app.url(path))
            .header("X-Forwarded-For", addr)
            .send()
    };
    for i in 0..12 {
        let path = if i % 2 == 0 { &result } else { &question };
        let res = get(path, "203.0.113.5").await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "request {i}");
    }
    for (path, words) in [
        (result.clone(), "Too many pages asked for too quickly"),
        (
            question.replacen("/en/", "/cy/", 1),
            "Gofynnwyd am ormod o dudalennau yn rhy gyflym",
        ),
    ] {
        let res = get(&path, "203.0.113.5").await.unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{path}");
        let wait: u64 = res
            .headers()
            .get("retry-after")
            .expect("Retry-After")
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&wait), "{wait}");
        let html = res.text().await.unwrap();
        assert!(html.contains(words), "{html}");
    }
    // Nobody else is slowed: another address, and the first visitor's own.
    let res = get(&result, "203.0.113.6").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(c.get(&result).await.status(), StatusCode::OK);
}

/// The result offers the ten open cohorts that suit the firm best: near it
/// or online first, then the rest, each soonest first; a full cohort that
/// has begun is not offered, and one not offered cannot be chosen.
async fn the_result_offers_the_nearest_open_cohorts(app: TestApp) {
    use ymarfer_domain::programme::DeliveryMode;
    use ymarfer_domain::reference::Region;
    let (programme, _) = app
        .db
        .create_programme_with_cohort("agored", "Agored")
        .await
        .unwrap();
    let today = ymarfer_domain::uktime::today();
    let day = |n: i64| today + chrono::Duration::days(n);
    let cohort = |slug: &str, starts: i64, region: Region, mode: DeliveryMode, capacity: i64| {
        ymarfer_store::programmes::CohortInput {
            slug: slug.into(),
            name_en: format!("Cohort {slug}"),
            name_cy: format!("Carfan {slug}"),
            starts_on: Some(day(starts)),
            ends_on: Some(day(starts + 90)),
            capacity,
            delivery_mode: mode,
            region,
            ..Default::default()
        }
    };
    // Twelve in Cardiff, in person, sooner; one in the north, later; one
    // online, latest; and one begun and full.
    for i in 0..12 {
        app.db
            .create_cohort(
                programme,
                &cohort(
                    &format!("de-{i:02}"),
                    10 + i,
                    Region::CardiffCapital,
                    DeliveryMode::InPerson,
                    12,
                ),
            )
            .await
            .unwrap();
    }
    app.db
        .create_cohort(
            programme,
            &cohort(
                "gogledd",
                60,
                Region::NorthWales,
                DeliveryMode::InPerson,
                12,
            ),
        )
        .await
        .unwrap();
    app.db
        .create_cohort(
            programme,
            &cohort("ar-lein", 90, Region::SwanseaBay, DeliveryMode::Online, 12),
        )
        .await
        .unwrap();
    let full = app
        .db
        .create_cohort(
            programme,
            &cohort("llawn", -5, Region::NorthWales, DeliveryMode::InPerson, 0),
        )
        .await
        .unwrap();
    let visitor = app.client();
    // A firm in Gwynedd, in the north.
    let result = take_check(&visitor, "en", &NOT_YET).await;
    let page = visitor.get(&result).await.text().await.unwrap();
    let at = |name: &str| page.find(&format!("<strong>{name}</strong>"));
    let north = at("Cohort gogledd").expect("the northern cohort");
    let online = at("Cohort ar-lein").expect("the online cohort");
    let first_south = at("Cohort de-00").expect("the soonest in Cardiff");
    assert!(
        north < online && online < first_south,
        "near first, soonest first"
    );
    assert!(
        at("Cohort de-07").is_some() && at("Cohort de-08").is_none(),
        "ten in all"
    );
    assert!(at("Cohort llawn").is_none(), "begun and full");
    assert_eq!(page.matches("places left").count(), 10, "{page}");
    // A cohort not offered cannot be chosen.
    let res = visitor
        .post(
            &result.replace("/result", "/interest"),
            &[
                ("name", "Rhys"),
                ("email", "rhys@example.com"),
                ("organisation", "Becws"),
                ("language", "en"),
                ("consent", "yes"),
                ("cohort", &full.id.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

on_both! {
    health_offered => super::the_result_offers_the_nearest_open_cohorts;
    health_flood => super::one_address_flooding_the_check_is_slowed;
    health_similar => super::similar_firms_are_shown_from_ten;
    health_framing => super::partners_may_frame_the_check;
    health_check => super::a_visitor_takes_the_check;
    health_leads => super::interest_becomes_a_lead_and_an_invitation;
    health_interest_twice => super::interest_sent_twice_makes_one_lead;
    health_lead_no_programme => super::a_lead_for_no_programme_is_listed_and_assigned;
}
