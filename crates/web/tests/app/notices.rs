//! Notices by email: at once or as digests, run as scheduled jobs that send
//! each email once however many servers share the database, in each person's
//! language, with a one-click unsubscribe that works signed out.

use crate::on_both;
use crate::support::{TestApp, location};
use chrono::TimeZone;
use reqwest::StatusCode;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::jobs::Job;
use ymarfer_domain::space::{ItemKind, NoticeKind, NotifyMode};
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::space::NewItem;

/// A cohort whose author mentions `n` people, each of whom chose `mode`.
async fn mentioned_people(app: &TestApp, n: usize, mode: NotifyMode) -> (i64, Vec<i64>) {
    let (author, programme, cohort) = crate::support::manager(app, "rheolwr@example.com").await;
    let mut people = Vec::new();
    for i in 0..n {
        let lang = if i % 2 == 0 { Lang::Cy } else { Lang::En };
        let user = app
            .user(&format!("person{i}@example.com"), lang, false)
            .await;
        app.db
            .grant(
                user.id,
                Role::Participant,
                Scope::Cohort { programme, cohort },
            )
            .await
            .unwrap();
        app.db.set_notify_mode(user.id, mode).await.unwrap();
        people.push(user.id);
    }
    let notify: Vec<(i64, NoticeKind)> = people.iter().map(|p| (*p, NoticeKind::Mention)).collect();
    app.db
        .add_item(
            &NewItem {
                cohort,
                parent: None,
                author: author.id,
                kind: ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body: "Diolch i bawb",
                lang: Lang::Cy,
                alumni: None,
            },
            &notify,
        )
        .await
        .unwrap();
    (author.id, people)
}

async fn a_digest_is_sent_once_by_two_servers(app: TestApp) {
    let (_, people) = mentioned_people(&app, 12, NotifyMode::Daily).await;
    let other = app.second_server(|c| c).await.0;
    // A Tuesday at 08:00: the daily digest is due, the weekly one is not.
    let now = chrono::Utc.with_ymd_and_hms(2030, 3, 5, 8, 0, 0).unwrap();
    let (a, b) = tokio::join!(
        ymarfer_app::jobs::run_due(&app.state, now),
        ymarfer_app::jobs::run_due(&other, now)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let digests = a
        .iter()
        .chain(&b)
        .filter(|r| r.job == Job::DailyDigest)
        .count();
    assert_eq!(digests, 1, "one server ran the digest: {a:?} {b:?}");
    assert!(!a.iter().chain(&b).any(|r| r.job == Job::WeeklyDigest));
    let mut to: Vec<String> = app.outbox().into_iter().map(|(to, _, _)| to).collect();
    to.sort();
    let mut expected: Vec<String> = (0..12).map(|i| format!("person{i}@example.com")).collect();
    expected.sort();
    assert_eq!(to, expected, "each person's digest, once");
    // The notices themselves are claimed once too, whoever asks.
    let (x, y) = tokio::join!(
        ymarfer_app::jobs::email_notices(&app.state, NotifyMode::Daily),
        ymarfer_app::jobs::email_notices(&other, NotifyMode::Daily)
    );
    let none = ymarfer_app::jobs::Outcome::Emails { sent: 0, failed: 0 };
    assert_eq!(x.unwrap(), none);
    assert_eq!(y.unwrap(), none);
    // Later the same day nothing runs again; the next day's digest finds nothing new.
    let later = now + chrono::Duration::hours(3);
    let again = ymarfer_app::jobs::run_due(&app.state, later).await.unwrap();
    assert!(!again.iter().any(|r| r.job == Job::DailyDigest));
    let tomorrow = now + chrono::Duration::days(1);
    let next = ymarfer_app::jobs::run_due(&other, tomorrow).await.unwrap();
    let digest = next.iter().find(|r| r.job == Job::DailyDigest).unwrap();
    assert_eq!(
        digest.outcome,
        ymarfer_app::jobs::Outcome::Emails { sent: 0, failed: 0 }
    );
    assert_eq!(app.outbox().len(), 12);
    let runs = app.db.job_runs(50).await.unwrap();
    assert!(
        runs.iter()
            .any(|r| r.name == "daily_digest" && r.finished_at.is_some())
    );
    let _ = people;
    // Administrators see the runs, and every programme with its team.
    app.user("admin@example.com", Lang::En, true).await;
    let admin = app.client();
    admin.sign_in("admin@example.com").await;
    let jobs = admin.get("/en/admin/jobs").await.text().await.unwrap();
    assert!(
        jobs.contains("Daily digest of notices") && jobs.contains("12 emails sent, 0 failed"),
        "{jobs}"
    );
    // In Welsh, the outcomes are Welsh too.
    let swyddi = admin.get("/cy/admin/jobs").await.text().await.unwrap();
    assert!(
        swyddi.contains("E-byst wedi&#39;u hanfon: 12; wedi methu: 0"),
        "{swyddi}"
    );
    let programmes = admin
        .get("/en/admin/programmes")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        programmes.contains("rheolwr@example.com") && programmes.contains("Programme manager"),
        "{programmes}"
    );
    let manager = app.client();
    manager.sign_in("rheolwr@example.com").await;
    assert_eq!(
        manager.get("/en/admin/jobs").await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn at_once_in_their_language_and_unsubscribed_signed_out(app: TestApp) {
    let (_, people) = mentioned_people(&app, 2, NotifyMode::Immediate).await;
    let now = chrono::Utc.with_ymd_and_hms(2030, 3, 5, 6, 0, 0).unwrap();
    let ran = ymarfer_app::jobs::run_due(&app.state, now).await.unwrap();
    assert!(
        ran.iter().any(|r| r.job == Job::Notices
            && r.outcome == ymarfer_app::jobs::Outcome::Emails { sent: 2, failed: 0 }),
        "{ran:?}"
    );
    let mail = app.outbox();
    let welsh = mail
        .iter()
        .find(|(to, _, _)| to == "person0@example.com")
        .unwrap();
    assert_eq!(welsh.1, "Ymarfer: Soniodd Test Person amdanoch");
    assert!(
        welsh.2.contains("Dyma beth sy'n newydd i chi") && welsh.2.contains("/cy/posts/"),
        "{}",
        welsh.2
    );
    let english = mail
        .iter()
        .find(|(to, _, _)| to == "person1@example.com")
        .unwrap();
    assert_eq!(english.1, "Ymarfer: Test Person mentioned you");
    // The one-click unsubscribe header, and the same link in the text.
    let raw: Vec<String> = std::fs::read_dir(app.data_dir.join("outbox"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let english_raw = raw
        .iter()
        .find(|r| r.contains("To: person1@example.com"))
        .unwrap();
    assert!(english_raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let re =
        regex::Regex::new(r"List-Unsubscribe: <http://[^/]+(/en/unsubscribe/[0-9a-f]+)>").unwrap();
    let link = re.captures(english_raw).expect("a List-Unsubscribe header")[1].to_string();
    assert!(english.2.contains(&link));

    // Signed out, with no cookie at all, as a mail program would.
    let visitor = reqwest::Client::new();
    let page = visitor.get(app.url(&link)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Stop these emails"));
    let res = visitor
        .post(app.url(&link))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        app.db.notify_mode(people[1]).await.unwrap(),
        NotifyMode::Off
    );
    assert_eq!(
        app.db.notify_mode(people[0]).await.unwrap(),
        NotifyMode::Immediate
    );
    let stale = visitor
        .get(app.url("/en/unsubscribe/0000"))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::NOT_FOUND);

    // A new mention: Welsh-speaking person0 is emailed at once, person1 no more.
    mentioned_again(&app, &people).await;
    let minute_later = now + chrono::Duration::minutes(1);
    ymarfer_app::jobs::run_due(&app.state, minute_later)
        .await
        .unwrap();
    let mail = app.outbox();
    assert_eq!(
        mail.iter()
            .filter(|(to, _, _)| to == "person0@example.com")
            .count(),
        2
    );
    assert_eq!(
        mail.iter()
            .filter(|(to, _, _)| to == "person1@example.com")
            .count(),
        1
    );

    // Choosing on the profile page.
    let c = app.client();
    c.sign_in("person1@example.com").await;
    let profile = c.get("/en/profile").await.text().await.unwrap();
    assert!(
        profile.contains("id=\"notify-off\" name=\"mode\" value=\"off\" checked"),
        "{profile}"
    );
    let res = c.post("/en/profile/notices", &[("mode", "weekly")]).await;
    assert_eq!(location(&res), "/en/profile?done=notify#notices-heading");
    assert_eq!(
        app.db.notify_mode(people[1]).await.unwrap(),
        NotifyMode::Weekly
    );
    let bad = c.post("/en/profile/notices", &[("mode", "hourly")]).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

async fn mentioned_again(app: &TestApp, people: &[i64]) {
    let item = app
        .db
        .stream(
            app.db.item(1, None).await.unwrap().unwrap().cohort_id,
            &Default::default(),
            0,
        )
        .await
        .unwrap()
        .0
        .remove(0);
    let notify: Vec<(i64, NoticeKind)> = people.iter().map(|p| (*p, NoticeKind::Comment)).collect();
    app.db
        .add_item(
            &NewItem {
                cohort: item.cohort_id,
                parent: Some(item.id),
                author: item.author_id.unwrap(),
                kind: ItemKind::Comment,
                project: None,
                tool_id: None,
                ref_id: None,
                body: "Eto",
                lang: Lang::Cy,
                alumni: None,
            },
            &notify,
        )
        .await
        .unwrap();
}

/// A saving verified on its page reaches the person who claimed it: in the
/// app, and by email at the rhythm they chose, in their language.
async fn a_verified_claim_reaches_the_claimant(app: TestApp) {
    let (_, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let org = Firm::named("Garej Glan")
        .sector('G')
        .area("conwy")
        .add(&app.db, programme)
        .await
        .unwrap();
    let claimant = app.user("gwen@garej.cymru", Lang::Cy, false).await;
    app.db
        .enrol(programme, cohort, claimant.id, Some(org.id), None)
        .await
        .unwrap();
    app.db
        .set_notify_mode(claimant.id, NotifyMode::Immediate)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Parts", "testing", "cohort").await;
    let c = app.client();
    c.sign_in("gwen@garej.cymru").await;
    let res = c
        .post(
            &format!("/cy/projects/{}/benefits/new", project.id),
            &[
                ("description", "Llai o stoc wedi'i wastraffu"),
                ("category", "materials"),
                ("savings_type", "hard"),
                ("frequency", "monthly"),
                ("starts_on", "2026-03-02"),
                ("status", "claimed"),
                ("amount", "150"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let line = app.db.benefit_history(project.id).await.unwrap()[0].line_id;
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let res = m
        .post(
            &format!("/en/projects/{}/benefits/{line}/verify", project.id),
            &[("version", "1"), ("note", "Saw the invoices.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let notices = c.get("/cy/notices").await.text().await.unwrap();
    assert!(
        notices.contains(&format!(
            "<a href=\"/cy/projects/{}#ledger\">Dilysodd Test Person arbediad a hawlioch chi</a>",
            project.id
        )),
        "{notices}"
    );
    let now = chrono::Utc.with_ymd_and_hms(2030, 3, 5, 6, 0, 0).unwrap();
    ymarfer_app::jobs::run_due(&app.state, now).await.unwrap();
    let mail = app.outbox();
    let told: Vec<_> = mail
        .iter()
        .filter(|(to, _, _)| to == "gwen@garej.cymru")
        .collect();
    assert_eq!(told.len(), 1, "{mail:?}");
    assert_eq!(
        told[0].1,
        "Ymarfer: Dilysodd Test Person arbediad a hawlioch chi"
    );
    assert!(
        told[0]
            .2
            .contains(&format!("/cy/projects/{}#ledger", project.id)),
        "{}",
        told[0].2
    );
}

/// The first-year totals of a programme's current lines, by status.
async fn totals(app: &TestApp, programme: i64) -> ymarfer_domain::impact::FirstYear {
    app.db
        .ledger_totals(programme, None)
        .await
        .unwrap()
        .iter()
        .map(|t| (t.status, ymarfer_domain::Pence(t.first_year_pence)))
        .collect()
}

/// How many times an act is in the audit trail.
async fn recorded(app: &TestApp, action: ymarfer_domain::audit::AuditAction) -> usize {
    app.db
        .audit_events(&ymarfer_store::audit::AuditQuery::default(), 100, 0)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == action)
        .count()
}

/// A claim sent back through the page reaches the claimant in their language,
/// is changed and claimed again, and is verified through the API; another is
/// rejected through the API and closed. Each review is a version with who and
/// why, recorded once however often it is sent; neither a returned nor a
/// rejected claim counts in any total; the claimant may not review.
async fn a_claim_is_returned_reworked_verified_and_another_rejected(app: TestApp) {
    use ymarfer_domain::audit::AuditAction;
    use ymarfer_domain::impact::Status;
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let org = Firm::named("Becws Bach")
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let claimant = app.user("elin@becws.cymru", Lang::Cy, false).await;
    app.db
        .enrol(programme, cohort, claimant.id, Some(org.id), None)
        .await
        .unwrap();
    app.db
        .set_notify_mode(claimant.id, NotifyMode::Immediate)
        .await
        .unwrap();
    let project = crate::support::project(&app, cohort, org.id, "Ffwrn", "testing", "cohort").await;
    let c = app.client();
    c.sign_in("elin@becws.cymru").await;
    let claim = |description: &'static str, amount: &'static str| {
        [
            ("description", description),
            ("category", "energy"),
            ("savings_type", "hard"),
            ("frequency", "monthly"),
            ("starts_on", "2026-03-02"),
            ("status", "claimed"),
            ("amount", amount),
        ]
    };
    for (d, a) in [("Llai o nwy", "150"), ("Llai o flawd", "100")] {
        let res = c
            .post(
                &format!("/cy/projects/{}/benefits/new", project.id),
                &claim(d, a),
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let history = app.db.benefit_history(project.id).await.unwrap();
    let (gas, flour) = (history[0].line_id, history[1].line_id);
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let review = format!("/en/projects/{}/benefits/{gas}/verify", project.id);

    // A reason is required to send a claim back.
    let res = m
        .post(
            &review,
            &[("version", "1"), ("decision", "return"), ("note", " ")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Send back to the claimant")
    );

    // The claimant may not review their own claim.
    let res = c
        .post(
            &format!("/cy/projects/{}/benefits/{gas}/verify", project.id),
            &[
                ("version", "1"),
                ("decision", "verify"),
                ("note", "Da iawn"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Sent back, twice: one new version, one record, one notice.
    for _ in 0..2 {
        let res = m
            .post(
                &review,
                &[
                    ("version", "1"),
                    ("decision", "return"),
                    ("note", "Attach the gas bills"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&res),
            format!("/en/projects/{}?done=returned#ledger", project.id)
        );
    }
    let versions = app.db.benefit_line_versions(gas).await.unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].status, Status::Returned);
    assert_eq!(versions[1].created_by, Some(manager.id));
    assert_eq!(
        versions[1].change_note.as_deref(),
        Some("Attach the gas bills")
    );
    assert_eq!(recorded(&app, AuditAction::LineReturned).await, 1);
    let notices = c.get("/cy/notices").await.text().await.unwrap();
    assert_eq!(
        notices
            .matches("Anfonodd Test Person arbediad a hawlioch chi yn ôl")
            .count(),
        1,
        "{notices}"
    );
    // Only the other claim counts as claimed.
    let t = totals(&app, programme).await;
    assert_eq!((t.claimed.0, t.verified.0), (120_000, 0));
    let ledger = c
        .get(&format!("/cy/projects/{}", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(ledger.contains("anfon yn ôl i"), "{ledger}");

    // The claimant changes it and claims it again.
    let res = c
        .post(
            &format!("/cy/projects/{}/benefits/{gas}", project.id),
            &claim("Llai o nwy (biliau ynghlwm)", "140"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let versions = app.db.benefit_line_versions(gas).await.unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[2].status, Status::Claimed);

    // Verified through the API, twice: recorded once.
    let token = crate::api::token_for(&app, manager.id, true, None).await;
    let path = format!("/api/v1/projects/{}/benefits/{gas}/review", project.id);
    let body = serde_json::json!({"version": 3, "decision": "verify", "note": "Bills attached"});
    for _ in 0..2 {
        let (status, line) =
            crate::api::call(&app, "POST", &path, Some(&token), Some(body.clone())).await;
        assert_eq!(status, 200, "{line}");
        assert_eq!(line["versions"][2]["status"], "verified", "{line}");
        assert_eq!(line["versions"][1]["status"], "returned", "{line}");
        assert_eq!(line["versions"][1]["change_note"], "Attach the gas bills");
    }
    assert_eq!(recorded(&app, AuditAction::LineVerified).await, 1);
    // A stale version is refused.
    let (status, _) = crate::api::call(
        &app,
        "POST",
        &path,
        Some(&token),
        Some(serde_json::json!({"version": 1, "decision": "reject", "note": "No"})),
    )
    .await;
    assert_eq!(status, 409);

    // The other claim is rejected through the API, twice: recorded once.
    let path = format!("/api/v1/projects/{}/benefits/{flour}/review", project.id);
    let body = serde_json::json!({"version": 1, "decision": "reject", "note": "Not a saving of this project"});
    // The claimant's own token may not.
    let theirs = crate::api::token_for(&app, claimant.id, true, None).await;
    let (status, _) =
        crate::api::call(&app, "POST", &path, Some(&theirs), Some(body.clone())).await;
    assert_eq!(status, 403);
    for _ in 0..2 {
        let (status, line) =
            crate::api::call(&app, "POST", &path, Some(&token), Some(body.clone())).await;
        assert_eq!(status, 200, "{line}");
        assert_eq!(line["versions"][1]["status"], "rejected", "{line}");
        assert_eq!(line["versions"][1]["created_by"], manager.id, "{line}");
        assert_eq!(
            line["versions"][1]["change_note"],
            "Not a saving of this project"
        );
    }
    assert_eq!(recorded(&app, AuditAction::LineRejected).await, 1);
    assert_eq!(app.db.benefit_line_versions(flour).await.unwrap().len(), 2);
    // A rejected line is closed.
    let res = c
        .post(
            &format!("/cy/projects/{}/benefits/{flour}", project.id),
            &claim("Llai o flawd", "100"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(app.db.benefit_line_versions(flour).await.unwrap().len(), 2);

    // Only the verified claim counts, at its reworked figure.
    let t = totals(&app, programme).await;
    assert_eq!((t.verified.0, t.claimed.0, t.forecast.0), (168_000, 0, 0));

    // The claimant hears of each in Welsh, in the app and by email.
    let notices = c.get("/cy/notices").await.text().await.unwrap();
    assert!(
        notices.contains("Gwrthododd Test Person arbediad a hawlioch chi"),
        "{notices}"
    );
    assert!(
        notices.contains("Dilysodd Test Person arbediad a hawlioch chi"),
        "{notices}"
    );
    let now = chrono::Utc.with_ymd_and_hms(2030, 3, 5, 6, 0, 0).unwrap();
    ymarfer_app::jobs::run_due(&app.state, now).await.unwrap();
    let mail = app.outbox();
    let told: String = mail
        .iter()
        .filter(|(to, _, _)| to == "elin@becws.cymru")
        .map(|(_, subject, body)| format!("{subject}\n{body}"))
        .collect();
    for text in [
        "Anfonodd Test Person arbediad a hawlioch chi yn ôl",
        "Dilysodd Test Person arbediad a hawlioch chi",
        "Gwrthododd Test Person arbediad a hawlioch chi",
    ] {
        assert!(told.contains(text), "{text}: {told}");
    }
}

on_both! {
    notices_claim_verified => super::a_verified_claim_reaches_the_claimant;
    notices_claim_reviewed => super::a_claim_is_returned_reworked_verified_and_another_rejected;
    notices_digest_once => super::a_digest_is_sent_once_by_two_servers;
    notices_at_once => super::at_once_in_their_language_and_unsubscribed_signed_out;
}
