//! Trust you can audit: each defect found in review, proved fixed through the
//! same paths people use, on both databases.

use crate::on_both;
use crate::support::{Client, PASSWORD, TestApp, location, manager};
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::{Lang, Role, Scope};

/// A programme's short name.
async fn slug(app: &TestApp, programme: i64) -> String {
    app.db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug
}

/// An organisation taking part in `programme`.
async fn firm(app: &TestApp, name: &str, band: &str, programme: i64) -> i64 {
    Firm::named(name)
        .band(ymarfer_domain::innovation::EmployeeBand::parse(band).unwrap())
        .add(&app.db, programme)
        .await
        .unwrap()
        .id
}

/// A person enrolled in the cohort for the organisation, signed in.
async fn participant(app: &TestApp, email: &str, programme: i64, cohort: i64, org: i64) -> Client {
    let user = match app
        .db
        .user_by_email(&ymarfer_domain::Email::parse(email).unwrap())
        .await
        .unwrap()
    {
        Some(u) => u,
        None => app.user(email, Lang::En, false).await,
    };
    app.db
        .enrol(programme, cohort, user.id, Some(org), None)
        .await
        .unwrap();
    let c = app.client();
    c.sign_in(email).await;
    c
}

/// Staff of one programme never see or change another programme's firms or
/// figures; a firm in both is two records, one each; and a verified figure
/// keeps the rate it was verified at.
async fn organisations_belong_to_their_programmes(app: TestApp) {
    let (_, a, cohort_a) = manager(&app, "rheolwr.a@example.com").await;
    let (_, b, cohort_b) = manager(&app, "rheolwr.b@example.com").await;
    let (slug_a, slug_b) = (slug(&app, a).await, slug(&app, b).await);
    let only_a = firm(&app, "Only In A", "small", a).await;
    let shared = firm(&app, "Shared Firm", "small", a).await;
    let only_b = firm(&app, "Only In B", "small", b).await;
    let ma = app.client();
    ma.sign_in("rheolwr.a@example.com").await;
    let mb = app.client();
    mb.sign_in("rheolwr.b@example.com").await;

    // B's list and pages show nothing of A's firms.
    let list = mb.get("/en/organisations").await.text().await.unwrap();
    assert!(list.contains("Only In B"), "{list}");
    assert!(!list.contains("Only In A") && !list.contains("Shared Firm"));
    for path in [
        format!("/en/organisations/{only_a}"),
        format!("/en/organisations/{only_a}/edit"),
    ] {
        assert_eq!(
            mb.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let res = mb
        .post(
            &format!("/en/organisations/{only_a}/edit"),
            &[
                ("name", "Renamed"),
                ("sector", "C"),
                ("employee_band", "small"),
                ("principal_area", "powys"),
                ("hourly_rate", "99"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = mb
        .post(
            &format!("/en/organisations/{only_a}/innovation"),
            &[("stage", "end"), ("q1", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.db
            .organisation_by_id(only_a)
            .await
            .unwrap()
            .unwrap()
            .name,
        "Only In A",
        "nothing changed"
    );
    assert!(app.db.innovation_answers(only_a).await.unwrap().is_empty());

    // A's cohort invites only A's firms; B's firm cannot be slipped in.
    let cohort_page = format!("/en/programmes/{slug_a}/cohorts/cohort-1");
    let html = ma.get(&cohort_page).await.text().await.unwrap();
    assert!(html.contains("Only In A") && html.contains("Shared Firm"));
    assert!(!html.contains("Only In B"), "B's firm is not offered");
    let res = ma
        .post(
            &format!("{cohort_page}/people"),
            &[
                ("email", "someone@example.com"),
                ("role", "participant"),
                ("organisation", &only_b.to_string()),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // In A, the shared firm has a verified line of 2 hours a week at its £20 an hour.
    let form = [
        ("name", "Shared Firm"),
        ("sector", "C"),
        ("employee_band", "small"),
        ("principal_area", "powys"),
        ("hourly_rate", "20"),
    ];
    assert_eq!(
        ma.post(&format!("/en/organisations/{shared}/edit"), &form)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let project =
        crate::support::project(&app, cohort_a, shared, "Queue", "testing", "cohort").await;
    let hours = |status: &str| {
        Line::hours(&format!("Time saved ({status})"), 200)
            .starting(chrono::Utc::now().date_naive())
            .status(ymarfer_domain::impact::Status::parse(status).unwrap())
    };
    let lines = Line::add_all(
        &app.db,
        &[
            (project.id, hours("claimed")),
            (project.id, hours("claimed")),
        ],
        None,
    )
    .await
    .unwrap();
    let res = ma
        .post(
            &format!("/en/projects/{}/benefits/{}/verify", project.id, lines[0]),
            &[("version", "1"), ("note", "Timesheets seen")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let report = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            let p = db.programme_by_id(a).await.unwrap().unwrap();
            ymarfer_app::report::impact_report(&db, ymarfer_app::i18n::Tr(Lang::En), &p, None)
                .await
                .unwrap()
                .0
                .first_year_pence
        }
    };
    let before = report(&app).await;
    assert_eq!(before.verified, 2 * 2000 * 52);
    assert_eq!(before.claimed, 2 * 2000 * 52);

    // B adds the same firm, by name: B gets a record of its own, and hears
    // nothing of A's.
    let res = mb
        .post(
            "/en/organisations/new",
            &[
                ("programme", &b.to_string()),
                ("name", "shared firm"),
                ("sector", "C"),
                ("employee_band", "small"),
                ("principal_area", "powys"),
            ],
        )
        .await;
    let own = location(&res);
    assert!(
        own.starts_with("/en/organisations/") && !own.contains('?'),
        "{own}"
    );
    let b_record: i64 = own.rsplit('/').next().unwrap().parse().unwrap();
    assert_ne!(b_record, shared, "a record of B's own");
    let html = mb.get(&own).await.text().await.unwrap();
    assert!(!html.contains("£2,080.00"), "A's figures stay A's");
    let list = mb.get("/en/organisations").await.text().await.unwrap();
    assert!(list.contains("shared firm") && !list.contains("Only In A"));
    assert_eq!(
        mb.get(&format!("/en/organisations/{shared}"))
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "A's record is not B's to see"
    );
    let seen_by_a = ma
        .get(&format!("/en/organisations/{shared}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(seen_by_a.contains("£2,080.00"), "{seen_by_a}");

    // B changes its record's rate: A's figures do not move.
    let form = [
        ("name", "Shared Firm"),
        ("sector", "C"),
        ("employee_band", "small"),
        ("principal_area", "powys"),
        ("hourly_rate", "600"),
    ];
    assert_eq!(
        mb.post(&format!("/en/organisations/{b_record}/edit"), &form)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        report(&app).await,
        before,
        "B's edit leaves A's figures alone"
    );
    assert_eq!(
        mb.post(&format!("/en/organisations/{shared}/edit"), &form)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // A changes the firm's rate to £30: A's verified line keeps its £20; the
    // claimed line, not yet verified, follows the new rate.
    let form = [
        ("name", "Shared Firm"),
        ("sector", "C"),
        ("employee_band", "small"),
        ("principal_area", "powys"),
        ("hourly_rate", "30"),
    ];
    assert_eq!(
        ma.post(&format!("/en/organisations/{shared}/edit"), &form)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let after = report(&app).await;
    assert_eq!(
        after.verified, before.verified,
        "a verified figure never moves by accident"
    );
    assert_eq!(after.claimed, 2 * 3000 * 52);
    // So does a change of the programme's capture factor.
    let p = app.db.programme_by_id(a).await.unwrap().unwrap();
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: p.name_en.clone(),
        name_cy: p.name_cy.clone(),
        default_hourly_rate_pence: p.default_hourly_rate_pence,
        capture_factor_thousandths: 500,
        ..Default::default()
    };
    app.db.update_programme(a, &input).await.unwrap();
    assert_eq!(report(&app).await.verified, before.verified);
    let _ = (cohort_b, slug_b);
}

/// The organisation a person represents belongs to each enrolment: joining
/// another programme for another firm leaves their first project theirs.
async fn enrolment_keeps_its_organisation(app: TestApp) {
    let (_, a, cohort_a) = manager(&app, "rheolwr.a@example.com").await;
    let (_, b, cohort_b) = manager(&app, "rheolwr.b@example.com").await;
    let first = firm(&app, "First Firm", "micro", a).await;
    let second = firm(&app, "Second Firm", "micro", b).await;
    let p = participant(&app, "gwen@example.com", a, cohort_a, first).await;
    let mine = crate::support::project(&app, cohort_a, first, "Mine", "testing", "private").await;
    assert_eq!(
        p.get(&format!("/en/projects/{}/edit", mine.id))
            .await
            .status(),
        StatusCode::OK
    );
    // B's manager invites the same person into B, for another firm.
    let mb = app.client();
    mb.sign_in("rheolwr.b@example.com").await;
    let res = mb
        .post(
            &format!(
                "/en/programmes/{}/cohorts/cohort-1/people",
                slug(&app, b).await
            ),
            &[
                ("email", "gwen@example.com"),
                ("role", "participant"),
                ("organisation", &second.to_string()),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let p = app.client();
    p.sign_in("gwen@example.com").await;
    assert_eq!(
        p.get(&format!("/en/projects/{}/edit", mine.id))
            .await
            .status(),
        StatusCode::OK,
        "still her project"
    );
    let theirs =
        crate::support::project(&app, cohort_b, second, "Theirs", "testing", "private").await;
    assert_eq!(
        p.get(&format!("/en/projects/{}/edit", theirs.id))
            .await
            .status(),
        StatusCode::OK
    );
}

/// No CSV the app writes can carry a live formula.
async fn csv_cells_cannot_run_formulas(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let org = firm(&app, "=1+2 Ltd", "micro", programme).await;
    let email = ymarfer_domain::Email::parse("evil@example.com").unwrap();
    let user = app
        .db
        .create_user(ymarfer_store::users::NewUser {
            email: &email,
            display_name: "=HYPERLINK(\"http://x.example\",\"y\")",
            language: Lang::En,
            is_admin: false,
            password_hash: None,
        })
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, user.id, Some(org), None)
        .await
        .unwrap();
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let csv = m
        .get(&format!(
            "/en/programmes/{}/cohorts/cohort-1/people.csv",
            slug(&app, programme).await
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains("'=HYPERLINK("), "{csv}");
    assert!(csv.contains("'=1+2 Ltd"), "{csv}");
    assert!(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"));
}

/// Editing an approved public project withdraws the approval until a
/// facilitator approves the new text; and consent given when a project is
/// started is kept.
async fn approval_and_consent(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let org = firm(&app, "Becws", "micro", programme).await;
    let owner = participant(&app, "owner@example.com", programme, cohort, org).await;
    let project_form = |title: &'static str| {
        vec![
            ("organisation", org.to_string()),
            ("title", title.to_string()),
            ("problem", "Queues at the counter".to_string()),
            ("business_function", "production".to_string()),
            ("status", "testing".to_string()),
            ("visibility", "public".to_string()),
            ("case_study_consent", "yes".to_string()),
        ]
    };
    let form = project_form("Shorter queues");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = owner
        .post(
            &format!(
                "/en/programmes/{}/cohorts/cohort-1/projects/new",
                slug(&app, programme).await
            ),
            &form,
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let path = location(&res);
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    assert!(
        app.db
            .project(id)
            .await
            .unwrap()
            .unwrap()
            .case_study_consent,
        "consent given at the start is kept"
    );
    let visitor = app.client();
    assert_eq!(
        visitor.get(&path).await.status(),
        StatusCode::SEE_OTHER,
        "not public before approval"
    );
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    assert_eq!(
        m.post(&format!("{path}/approve"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(visitor.get(&path).await.status(), StatusCode::OK);
    let form = project_form("Shorter queues, and a secret");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        owner.post(&format!("{path}/edit"), &form).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        visitor.get(&path).await.status(),
        StatusCode::SEE_OTHER,
        "the unreviewed text is not shown to the world"
    );
    m.post(&format!("{path}/approve"), &[]).await;
    let html = visitor.get(&path).await.text().await.unwrap();
    assert!(html.contains("and a secret"));
}

/// A verification names the version the verifier saw; a newer one refuses it
/// and shows the change. Money typed with a decimal comma is refused.
async fn verification_and_amounts(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let org = firm(&app, "Garej", "micro", programme).await;
    let owner = participant(&app, "owner@example.com", programme, cohort, org).await;
    let project = crate::support::project(&app, cohort, org, "Parts", "testing", "cohort").await;
    let new = format!("/en/projects/{}/benefits/new", project.id);
    let line = |amount: &'static str| {
        vec![
            ("description", "Stock written off"),
            ("category", "materials"),
            ("savings_type", "hard"),
            ("frequency", "monthly"),
            ("starts_on", "2026-03-02"),
            ("status", "claimed"),
            ("amount", amount),
        ]
    };
    for bad in ["12,50", "-5", "1,5"] {
        let res = owner.post(&new, &line(bad)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    assert!(app.db.benefit_history(project.id).await.unwrap().is_empty());
    assert_eq!(
        owner.post(&new, &line("1,250.50")).await.status(),
        StatusCode::SEE_OTHER
    );
    let v = &app.db.benefit_history(project.id).await.unwrap()[0];
    assert_eq!(v.amount_pence, Some(125_050));
    let id = v.line_id;
    // The facilitator loads the page (version 1); meanwhile the owner changes the line.
    let (facilitator, f) = crate::support::signed_in_with(
        &app,
        "hwylusydd@example.com",
        Role::Facilitator,
        Scope::Cohort { programme, cohort },
    )
    .await;
    let page = f
        .get(&format!("/en/projects/{}/benefits/{id}/verify", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("name=\"version\" value=\"1\""), "{page}");
    assert_eq!(
        owner
            .post(
                &format!("/en/projects/{}/benefits/{id}", project.id),
                &line("2,000")
            )
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let verify = format!("/en/projects/{}/benefits/{id}/verify", project.id);
    let res = f
        .post(&verify, &[("version", "1"), ("note", "Receipts seen")])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("you saw version 1, and it is now at version 2"),
        "{html}"
    );
    assert!(
        html.contains("value=\"2000.00\""),
        "the change is shown: {html}"
    );
    let history = app.db.benefit_history(project.id).await.unwrap();
    assert!(
        history
            .iter()
            .all(|v| v.status == ymarfer_domain::impact::Status::Claimed),
        "nothing verified"
    );
    assert_eq!(
        f.post(&verify, &[("version", "2"), ("note", "Receipts seen")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let last = app
        .db
        .benefit_history(project.id)
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!((last.version, last.status.as_str()), (2, "verified"));
    assert_eq!(last.verified_by, Some(facilitator.id));
    // A code the page does not know shows no notice at all.
    let html = f
        .get(&format!("/en/projects/{}?done=bogus", project.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("done-bogus") && !html.contains("Unknown"),
        "{html}"
    );
}

/// Calendar feeds cannot be given extra properties through what people type.
async fn calendar_text_stays_in_its_property(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let new = format!(
        "/en/programmes/{}/cohorts/cohort-1/sessions/new",
        slug(&app, programme).await
    );
    let session = |title: &'static str, url: &'static str| {
        vec![
            ("title", title),
            ("kind", "workshop"),
            ("starts_at", "2027-01-12T09:30"),
            ("ends_at", "2027-01-12T12:00"),
            ("online_url", url),
        ]
    };
    let res = m
        .post(
            &new,
            &session(
                "Mapping",
                "https://meet.example.test/a\r\nATTENDEE:mailto:x@evil.test",
            ),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = m
        .post(
            &new,
            &session(
                "Mapping\rATTENDEE:mailto:x@evil.test",
                "https://meet.example.test/a",
            ),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let secret = app
        .db
        .new_calendar_feed(ymarfer_store::schedule::FeedTarget::Cohort(cohort))
        .await
        .unwrap();
    let ics = app
        .client()
        .get(&format!("/calendar/{secret}.ics"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        ics.contains("SUMMARY:Mapping\\nATTENDEE:mailto:x@evil.test"),
        "{ics}"
    );
    assert!(
        !ics.lines().any(|l| l.starts_with("ATTENDEE")),
        "no property of its own: {ics}"
    );
}

/// Emailed links are throttled like password attempts, and a proxy's clients
/// are told apart only when the proxy is trusted.
async fn emailed_links_are_counted(app: TestApp) {
    app.user("sian@example.com", Lang::Cy, false).await;
    let c = app.client();
    for _ in 0..3 {
        let res = c
            .post("/en/sign-in/link", &[("link_email", "sian@example.com")])
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let res = c
        .post("/en/reset-password", &[("email", "sian@example.com")])
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.outbox().len(), 3, "three emails, not four");
}

/// A new password ends every other session and voids older emailed links.
async fn passwords_revoke(app: TestApp) {
    app.user("sian@example.com", Lang::En, false).await;
    let here = app.client();
    here.sign_in("sian@example.com").await;
    let there = app.client();
    there.sign_in("sian@example.com").await;
    let res = here
        .post(
            "/en/profile/password",
            &[
                ("current", PASSWORD),
                ("password", "a much longer new passphrase"),
                ("confirm", "a much longer new passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(here.get("/en/profile").await.status(), StatusCode::OK);
    assert_eq!(
        there.get("/en/profile").await.status(),
        StatusCode::SEE_OTHER,
        "the other device is signed out"
    );
    // Two reset links; the newer is used; the older no longer works.
    let v = app.client();
    v.post("/en/reset-password", &[("email", "sian@example.com")])
        .await;
    let older = app.emailed_link("sian@example.com");
    v.post("/en/reset-password", &[("email", "sian@example.com")])
        .await;
    let newer = app.emailed_link("sian@example.com");
    assert_ne!(older, newer);
    let set = [
        ("password", "yet another long passphrase"),
        ("confirm", "yet another long passphrase"),
    ];
    assert_eq!(v.post(&newer, &set).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.client().post(&older, &set).await.status(),
        StatusCode::GONE
    );
}

/// Bad input gets a message, never a 500, and nothing half-written.
async fn awkward_input_is_refused_cleanly(app: TestApp) {
    app.user("admin@example.com", Lang::En, true).await;
    let admin = app.client();
    admin.sign_in("admin@example.com").await;
    let res = admin
        .post(
            "/en/admin/users/invite",
            &[("email", "a(b@example.test"), ("language", "en")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        app.db
            .user_by_email(&ymarfer_domain::Email::parse("ab@example.test").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        app.db.list_users().await.unwrap().len(),
        1,
        "no account written"
    );
    // A `next` with a line break is ignored, not a 500.
    let c = app.client();
    let res = c
        .post(
            "/en/sign-in",
            &[
                ("email", "admin@example.com"),
                ("password", PASSWORD),
                ("next", "/en/profile\r\nSet-Cookie: x=1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/en");
}

/// When the mail server is down, nothing is lost: follow-ups and invitations
/// are kept in the mail queue and sent when it is back, each once.
async fn mail_failures_lose_nothing(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    // The same database, but mail goes to an SMTP port where nothing listens.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let config = ymarfer_app::Config::new(
        &app.url(""),
        app.data_dir.clone(),
        "Ymarfer <noreply@example.test>",
        Some(ymarfer_app::SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            username: None,
            password: None,
            security: ymarfer_app::config::SmtpSecurity::None,
        }),
    )
    .unwrap();
    let broken = ymarfer_web::AppState::new(app.db.clone(), config).unwrap();

    // A cohort that ended four months ago, with one firm.
    let mut c = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    c.ends_on = Some(chrono::Utc::now().date_naive() - chrono::Duration::days(125));
    let input = ymarfer_store::programmes::CohortInput {
        slug: c.slug.clone(),
        name_en: c.name_en.clone(),
        name_cy: c.name_cy.clone(),
        starts_on: None,
        ends_on: c.ends_on,
        capacity: 10,
        delivery_mode: ymarfer_domain::programme::DeliveryMode::Online,
        region: ymarfer_domain::reference::Region::MidWales,
        cost_share_pence: None,
        language: c.language,
    };
    app.db.update_cohort(cohort, &input).await.unwrap();
    let org = firm(&app, "Melin", "small", programme).await;
    participant(&app, "elen@example.com", programme, cohort, org).await;
    let today = chrono::Utc::now().date_naive();
    let run = ymarfer_app::followups::send_due(&broken, today)
        .await
        .unwrap();
    // The follow-up is written and kept in the queue, not lost.
    assert_eq!((run.sent, run.failed), (1, 0));
    assert_eq!(app.db.followups_of(cohort).await.unwrap().len(), 1);

    // An invitation while the server is down is queued too: the account is
    // made, and the email waits.
    let invited = ymarfer_domain::Email::parse("new@example.com").unwrap();
    let user = app
        .db
        .create_user(ymarfer_store::users::NewUser {
            email: &invited,
            display_name: "Newydd",
            language: Lang::Cy,
            is_admin: false,
            password_hash: None,
        })
        .await
        .unwrap();
    ymarfer_app::invitations::invite_or_undo(&broken, &user, None)
        .await
        .unwrap();
    assert!(app.db.user_by_email(&invited).await.unwrap().is_some());
    let (counts, waiting) = app.db.mail_queue_view(10).await.unwrap();
    assert_eq!((counts.waiting, counts.sent_today), (2, 0));
    assert!(
        waiting
            .iter()
            .all(|m| m.attempts == 1 && !m.last_error.is_empty())
    );
    assert!(app.outbox().is_empty());

    // Not yet due: nothing is tried. Once due, the mail job sends both, and
    // their words are forgotten.
    let now = chrono::Utc::now();
    assert_eq!(
        ymarfer_app::outbox::retry_due(&app.state, now)
            .await
            .unwrap(),
        (0, 0)
    );
    let later = now + chrono::Duration::minutes(2);
    assert_eq!(
        ymarfer_app::outbox::retry_due(&broken, later)
            .await
            .unwrap(),
        (0, 2),
        "still down"
    );
    let (_, waiting) = app.db.mail_queue_view(10).await.unwrap();
    assert!(waiting.iter().all(|m| m.attempts == 2));
    let much_later = now + chrono::Duration::minutes(30);
    assert_eq!(
        ymarfer_app::outbox::retry_due(&app.state, much_later)
            .await
            .unwrap(),
        (2, 0)
    );
    let outbox = app.outbox();
    assert_eq!(outbox.len(), 2);
    assert!(outbox.iter().any(|(to, _, body)| to.contains("new@example.com") && body.contains("/cy/invitation/")));
    assert!(
        outbox
            .iter()
            .any(|(to, _, _)| to.contains("elen@example.com"))
    );
    let (counts, _) = app.db.mail_queue_view(10).await.unwrap();
    assert_eq!((counts.waiting, counts.sent_today), (0, 2));
    let with_words = app
        .db
        .execute_unchecked("UPDATE mail_queue SET attempts = attempts WHERE body <> ''")
        .await
        .unwrap();
    assert_eq!(with_words, 0, "a sent email's words are not kept");
    // Nothing is sent twice.
    assert_eq!(
        ymarfer_app::outbox::retry_due(&app.state, much_later + chrono::Duration::hours(1))
            .await
            .unwrap(),
        (0, 0)
    );
}

/// Micro firms are those of the micro size band, whether or not they answered
/// the innovation questions; and downloads speak the reader's language and
/// carry what a funder needs to recompute the figures.
async fn reports_a_funder_can_recompute(app: TestApp) {
    let (_, programme, cohort) = manager(&app, "rheolwr@example.com").await;
    let org = firm(&app, "Becws Bach", "micro", programme).await;
    participant(&app, "owner@example.com", programme, cohort, org).await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let (report, _) =
        ymarfer_app::report::impact_report(&app.db, ymarfer_app::i18n::Tr(Lang::En), &p, None)
            .await
            .unwrap();
    assert!(
        report.micro_firms_included,
        "by band, with no answers at all"
    );
    let project = crate::support::project(&app, cohort, org, "Bara", "testing", "cohort").await;
    let line = Line::hours("Oriau pobi", 150).starting(chrono::Utc::now().date_naive());
    line.add(&app.db, project.id, None).await.unwrap();
    let m = app.client();
    m.sign_in("rheolwr@example.com").await;
    let bytes = m
        .get(&format!("/cy/programmes/{}/reports/impact.xlsx", p.slug))
        .await
        .bytes()
        .await
        .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let workbook = read("xl/workbook.xml");
    for sheet in [
        "Crynodeb",
        "Cyfriflyfr",
        "Prosiectau",
        "Sefydliadau",
        "Gallu",
    ] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{workbook}"
        );
    }
    let strings = read("xl/sharedStrings.xml");
    for text in [
        "Cyfradd fesul awr a ddefnyddiwyd (£)",
        "Gwerth y flwyddyn gyntaf (£)",
        "Amser llafur",
        "Wedi&apos;i hawlio",
    ] {
        assert!(
            strings.contains(text) || strings.contains(&text.replace("&apos;", "'")),
            "missing {text}: {strings}"
        );
    }
    // 1.5 h a week at the programme's default £25 → £1,950.00 in the first year.
    let ledger = read("xl/worksheets/sheet2.xml");
    assert!(ledger.contains("<v>1950</v>"), "{ledger}");
    assert!(ledger.contains("<v>25</v>"), "the rate used: {ledger}");
}

on_both! {
    organisations_scoped => super::organisations_belong_to_their_programmes;
    enrolment_organisation => super::enrolment_keeps_its_organisation;
    csv_injection => super::csv_cells_cannot_run_formulas;
    approval_withdrawn => super::approval_and_consent;
    verification_version => super::verification_and_amounts;
    calendar_injection => super::calendar_text_stays_in_its_property;
    emailed_links_throttled => super::emailed_links_are_counted;
    password_revocation => super::passwords_revoke;
    awkward_input => super::awkward_input_is_refused_cleanly;
    mail_failures => super::mail_failures_lose_nothing;
    recomputable_reports => super::reports_a_funder_can_recompute;
}
