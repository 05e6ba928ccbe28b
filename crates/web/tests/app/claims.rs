//! Claims reviewed both ways: a reviewer may ask the claimant a question, the
//! claimant answers on the claim, and a claim may be returned, reclaimed,
//! rejected and verified, through the pages and the API. Each step is a
//! version with who, when and why; the person it concerns is told in their
//! language; the queue shows who claimed what, how long it has waited, and
//! whether the evidence can back it.

use crate::on_both;
use crate::support::{TestApp, location};
use chrono::NaiveDate;
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Person, Project};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::impact::Status;
use ymarfer_domain::space::NotifyMode;
use ymarfer_domain::{Lang, Role, Scope};

/// How many times an act is in the audit trail.
async fn recorded(app: &TestApp, action: AuditAction) -> usize {
    app.db
        .audit_events(&ymarfer_store::audit::AuditQuery::default(), 200, 0)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == action)
        .count()
}

async fn statuses(app: &TestApp, line: i64) -> Vec<Status> {
    app.db
        .benefit_line_versions(line)
        .await
        .unwrap()
        .iter()
        .map(|v| v.status)
        .collect()
}

async fn claimed_pence(app: &TestApp, programme: i64) -> (i64, i64) {
    let t: ymarfer_domain::impact::FirstYear = app
        .db
        .ledger_totals(programme, None)
        .await
        .unwrap()
        .iter()
        .map(|t| (t.status, ymarfer_domain::Pence(t.first_year_pence)))
        .collect();
    (t.claimed.0, t.verified.0)
}

async fn a_claim_is_queried_answered_returned_reclaimed_and_verified(app: TestApp) {
    let hash = ymarfer_app::passwords::hash(crate::support::PASSWORD.into())
        .await
        .unwrap();
    let manager = Person::new("rheolwr@example.com")
        .name("Megan Reviewer")
        .add(&app.db, &hash)
        .await
        .unwrap();
    let (programme, cohort) = app
        .db
        .create_programme_with_cohort("cyfle", "Cyfle")
        .await
        .unwrap();
    app.db
        .grant(
            manager.id,
            Role::ProgrammeManager,
            Scope::Programme(programme),
        )
        .await
        .unwrap();
    let claimant = Person::new("elin@becws.cymru")
        .name("Elin Pobydd")
        .welsh()
        .add(&app.db, &hash)
        .await
        .unwrap();
    let org = Firm::named("Becws Bach")
        .add(&app.db, programme)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, claimant.id, Some(org.id), None)
        .await
        .unwrap();
    for who in [claimant.id, manager.id] {
        app.db
            .set_notify_mode(who, NotifyMode::Immediate)
            .await
            .unwrap();
    }
    // The project measures waiting time, and nothing else.
    let project = Project::titled("Llai o aros")
        .aim(
            "Amser aros",
            "munudau",
            2000,
            1000,
            NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        )
        .add(&app.db, cohort, org.id, None)
        .await
        .unwrap();
    let c = app.client();
    c.sign_in("elin@becws.cymru").await;
    let res = c
        .post(
            &format!("/cy/projects/{}/readings", project.id),
            &[("taken_on", "2026-03-01"), ("value", "18"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let claim = |description: &'static str, amount: &'static str| {
        [
            ("description", description),
            ("category", "new_revenue"),
            ("savings_type", "hard"),
            ("frequency", "monthly"),
            ("starts_on", "2026-03-02"),
            ("status", "claimed"),
            ("amount", amount),
        ]
    };
    for (d, a) in [("Mwy o archebion", "200"), ("Gwerthu ar-lein", "50")] {
        let res = c
            .post(
                &format!("/cy/projects/{}/benefits/new", project.id),
                &claim(d, a),
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let history = app.db.benefit_history(project.id).await.unwrap();
    let (orders, online) = (history[0].line_id, history[1].line_id);

    // The queue shows who claimed, when, how long it has waited, and that
    // readings of waiting time cannot back a claim of new revenue.
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let queue_url = "/en/programmes/cyfle/claims";
    let queue = m.get(queue_url).await.text().await.unwrap();
    assert!(queue.contains("Elin Pobydd"), "{queue}");
    assert!(queue.contains("Days waiting"), "{queue}");
    assert!(queue.contains("Readings: 1 (munudau)"), "{queue}");
    assert_eq!(
        queue.matches("Evidence does not match").count(),
        2,
        "{queue}"
    );
    let review = format!("/en/projects/{}/benefits/{orders}/verify", project.id);
    let page = m.get(&review).await.text().await.unwrap();
    assert!(
        page.contains("the only readings measure time (“munudau”)"),
        "{page}"
    );

    // Queried through the page, twice: one version, one record, one notice.
    for _ in 0..2 {
        let res = m
            .post(
                &format!("{review}?from=queue"),
                &[
                    ("version", "1"),
                    ("decision", "query"),
                    ("note", "Which orders came from the change?"),
                    ("from", "queue"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), "/en/programmes/cyfle/claims?done=queried");
    }
    assert_eq!(
        statuses(&app, orders).await,
        [Status::Claimed, Status::Queried]
    );
    assert_eq!(recorded(&app, AuditAction::LineQueried).await, 1);
    // A queried claim counts nowhere while it waits.
    assert_eq!(claimed_pence(&app, programme).await, (60_000, 0));
    let queue = m.get(queue_url).await.text().await.unwrap();
    assert!(
        queue.contains("Queried: waiting for the claimant"),
        "{queue}"
    );
    assert!(
        queue.contains("Which orders came from the change?"),
        "{queue}"
    );
    assert!(queue.contains("One claim queried"), "{queue}");

    // The claimant is told in Welsh, and sees the question on the ledger.
    let notices = c.get("/cy/notices").await.text().await.unwrap();
    assert_eq!(
        notices
            .matches("Gofynnodd Megan Reviewer gwestiwn am arbediad a hawlioch chi")
            .count(),
        1,
        "{notices}"
    );
    let ledger = c
        .get(&format!("/cy/projects/{}", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        ledger.contains("Cwestiwn: Which orders came from the change?"),
        "{ledger}"
    );
    assert!(ledger.contains("Ateb y cwestiwn"), "{ledger}");

    // An answer is required; then answered twice: one version, one record.
    let answer = format!("/cy/projects/{}/benefits/{orders}/answer", project.id);
    let page = c.get(&answer).await.text().await.unwrap();
    assert!(page.contains("Gofynnodd Megan Reviewer hyn"), "{page}");
    let res = c.post(&answer, &[("version", "2"), ("answer", "  ")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    for _ in 0..2 {
        let res = c
            .post(
                &answer,
                &[
                    ("version", "2"),
                    ("answer", "Archebion y wefan ers mis Mawrth"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&res),
            format!("/cy/projects/{}?done=answered#ledger", project.id)
        );
    }
    let versions = app.db.benefit_line_versions(orders).await.unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[2].status, Status::Claimed);
    assert_eq!(versions[2].created_by, Some(claimant.id));
    assert_eq!(
        versions[2].change_note.as_deref(),
        Some("Archebion y wefan ers mis Mawrth")
    );
    assert_eq!(recorded(&app, AuditAction::LineAnswered).await, 1);
    // The reviewer who asked is told, in English.
    let notices = m.get("/en/notices").await.text().await.unwrap();
    assert!(
        notices.contains("Elin Pobydd answered your question about a claimed saving"),
        "{notices}"
    );
    // With no question waiting, the answer page is not there.
    assert_eq!(c.get(&answer).await.status(), StatusCode::NOT_FOUND);

    // Sent back through the API; the claimant reworks it and claims it again.
    let token = crate::api::token_for(&app, manager.id, true, None).await;
    let path = format!("/api/v1/projects/{}/benefits/{orders}/review", project.id);
    let (status, line) = crate::api::call(
        &app,
        "POST",
        &path,
        Some(&token),
        Some(serde_json::json!({"version": 3, "decision": "return", "note": "Attach the order report"})),
    )
    .await;
    assert_eq!(status, 200, "{line}");
    assert_eq!(line["versions"][3]["status"], "returned", "{line}");
    let res = c
        .post(
            &format!("/cy/projects/{}/benefits/{orders}", project.id),
            &claim("Mwy o archebion (adroddiad ynghlwm)", "180"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Queried again through the API; answered through the API by the claimant.
    let (status, line) = crate::api::call(
        &app,
        "POST",
        &path,
        Some(&token),
        Some(serde_json::json!({"version": 5, "decision": "query", "note": "Is the £180 after costs?"})),
    )
    .await;
    assert_eq!(status, 200, "{line}");
    assert_eq!(line["versions"][5]["status"], "queried", "{line}");
    let theirs = crate::api::token_for(&app, claimant.id, true, None).await;
    let answer_path = format!("/api/v1/projects/{}/benefits/{orders}/answer", project.id);
    // The reviewer's question cannot be answered with an empty answer.
    let (status, _) = crate::api::call(
        &app,
        "POST",
        &answer_path,
        Some(&theirs),
        Some(serde_json::json!({"version": 6, "answer": ""})),
    )
    .await;
    assert_eq!(status, 422);
    for _ in 0..2 {
        let (status, line) = crate::api::call(
            &app,
            "POST",
            &answer_path,
            Some(&theirs),
            Some(serde_json::json!({"version": 6, "answer": "Ydy, ar ôl costau"})),
        )
        .await;
        assert_eq!(status, 200, "{line}");
        assert_eq!(line["versions"][6]["status"], "claimed", "{line}");
        assert_eq!(line["versions"][6]["change_note"], "Ydy, ar ôl costau");
    }
    assert_eq!(recorded(&app, AuditAction::LineAnswered).await, 2);
    // Answering a line with no question is refused.
    let (status, _) = crate::api::call(
        &app,
        "POST",
        &answer_path,
        Some(&theirs),
        Some(serde_json::json!({"version": 7, "answer": "Eto"})),
    )
    .await;
    assert_eq!(status, 409);

    // Verified through the page; the other claim rejected through the page.
    let res = m
        .post(
            &review,
            &[
                ("version", "7"),
                ("decision", "verify"),
                ("note", "Report seen"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = m
        .post(
            &format!("/en/projects/{}/benefits/{online}/verify", project.id),
            &[
                ("version", "1"),
                ("decision", "reject"),
                ("note", "Not from this project"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        statuses(&app, orders).await,
        [
            Status::Claimed,
            Status::Queried,
            Status::Claimed,
            Status::Returned,
            Status::Claimed,
            Status::Queried,
            Status::Verified,
        ]
    );
    assert_eq!(
        statuses(&app, online).await,
        [Status::Claimed, Status::Rejected]
    );
    // Only the verified claim counts, at its reworked figure: £180 × 12.
    assert_eq!(claimed_pence(&app, programme).await, (0, 216_000));
    let queue = m.get(queue_url).await.text().await.unwrap();
    assert!(queue.contains("No claimed savings are waiting"), "{queue}");

    // The claimant heard of each review in Welsh.
    let notices = c.get("/cy/notices").await.text().await.unwrap();
    for text in [
        "Gofynnodd Megan Reviewer gwestiwn",
        "Anfonodd Megan Reviewer arbediad a hawlioch chi yn ôl",
        "Dilysodd Megan Reviewer arbediad a hawlioch chi",
        "Gwrthododd Megan Reviewer arbediad a hawlioch chi",
    ] {
        assert!(notices.contains(text), "{text}: {notices}");
    }
    assert_eq!(
        notices.matches("Gofynnodd Megan Reviewer gwestiwn").count(),
        2,
        "{notices}"
    );
}

/// Only those who may edit the project answer its questions, and only staff
/// ask them: the claimant may not query their own claim, a participant of
/// another firm may not answer, and a queried claim is not verified before
/// its answer (though it may be sent back).
async fn only_the_firm_answers_and_only_staff_query(app: TestApp) {
    let hash = ymarfer_app::passwords::hash(crate::support::PASSWORD.into())
        .await
        .unwrap();
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let claimant = app.user("elin@becws.cymru", Lang::Cy, false).await;
    let other = Person::new("sion@arall.cymru")
        .add(&app.db, &hash)
        .await
        .unwrap();
    let org = Firm::named("Becws Bach")
        .add(&app.db, programme)
        .await
        .unwrap();
    let theirs = Firm::named("Cwmni Arall")
        .add(&app.db, programme)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, claimant.id, Some(org.id), None)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, other.id, Some(theirs.id), None)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Ffwrn", "testing", "cohort").await;
    let c = app.client();
    c.sign_in("elin@becws.cymru").await;
    let res = c
        .post(
            &format!("/cy/projects/{}/benefits/new", project.id),
            &[
                ("description", "Llai o nwy"),
                ("category", "energy"),
                ("savings_type", "hard"),
                ("frequency", "monthly"),
                ("starts_on", "2026-03-02"),
                ("status", "claimed"),
                ("amount", "100"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let line = app.db.benefit_history(project.id).await.unwrap()[0].line_id;
    // The claimant may not query their own claim.
    let review = format!("/cy/projects/{}/benefits/{line}/verify", project.id);
    let res = c
        .post(
            &review,
            &[("version", "1"), ("decision", "query"), ("note", "Pam?")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(statuses(&app, line).await, [Status::Claimed]);
    let acting = app.acting(manager.id).await;
    let outcome = ymarfer_app::claims::query(
        &app.state,
        &acting,
        ymarfer_app::claims::Seen {
            project: project.id,
            line,
            version: 1,
            note: "Which bills?",
        },
    )
    .await
    .unwrap();
    assert_eq!(outcome, ymarfer_app::claims::Outcome::Done);
    // Another firm's participant (who may see the project in the cohort) may
    // not answer for it.
    let o = app.client();
    o.sign_in("sion@arall.cymru").await;
    let answer = format!("/en/projects/{}/benefits/{line}/answer", project.id);
    assert_eq!(o.get(&answer).await.status(), StatusCode::FORBIDDEN);
    let res = o
        .post(&answer, &[("version", "2"), ("answer", "Mine")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        statuses(&app, line).await,
        [Status::Claimed, Status::Queried]
    );
    // Verifying a queried claim waits for the answer; it may still be sent back.
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let review = format!("/en/projects/{}/benefits/{line}/verify", project.id);
    let res = m
        .post(
            &review,
            &[("version", "2"), ("decision", "verify"), ("note", "Fine")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = m
        .post(
            &review,
            &[
                ("version", "2"),
                ("decision", "return"),
                ("note", "No answer came"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        statuses(&app, line).await,
        [Status::Claimed, Status::Queried, Status::Returned]
    );
}

on_both! {
    claims_both_ways => super::a_claim_is_queried_answered_returned_reclaimed_and_verified;
    claims_who_answers => super::only_the_firm_answers_and_only_staff_query;
}
