//! What a page costs the database: the number of statements it runs is
//! bounded and does not grow with the data. Counted from sqlx's own
//! statement events while each page is served.

use crate::support::{Client, TestApp, signed_in_with};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use tracing::Subscriber;
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::{Lang, Role, Scope};

/// Statements run by this process since it began.
fn statements() -> &'static AtomicUsize {
    static COUNT: OnceLock<Arc<AtomicUsize>> = OnceLock::new();
    COUNT.get_or_init(|| {
        let count = Arc::new(AtomicUsize::new(0));
        struct Counter(Arc<AtomicUsize>);
        impl<S: Subscriber> Layer<S> for Counter {
            fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
                if event.metadata().target() == "sqlx::query" {
                    self.0.fetch_add(1, Ordering::SeqCst);
                }
            }
        }
        let subscriber = tracing_subscriber::registry().with(Counter(count.clone()));
        tracing::subscriber::set_global_default(subscriber)
            .expect("the statement counter is the only subscriber");
        count
    })
}

/// How many statements serving `path` ran: the fewer of two visits, so that
/// a session's occasional sliding forward is not counted as the page's.
async fn cost(c: &Client, path: &str) -> usize {
    let mut fewest = usize::MAX;
    for _ in 0..2 {
        let before = statements().load(Ordering::SeqCst);
        let res = c.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        res.bytes().await.unwrap();
        fewest = fewest.min(statements().load(Ordering::SeqCst) - before);
    }
    fewest
}

/// A programme with `firms` firms in each of `cohorts` cohorts, each firm with
/// a participant, a project, verified and claimed savings, posts, leads and
/// acts on the audit trail.
async fn grow(app: &TestApp, programme: i64, cohorts: &[i64], firms: usize, from: usize) {
    let admin = app
        .user(&format!("admin{from}@example.com"), Lang::En, true)
        .await;
    for (ci, cohort) in cohorts.iter().enumerate() {
        for f in 0..firms {
            let n = from + ci * 100 + f;
            let org = Firm::named(&format!("Firm {n}"))
                .add(&app.db, programme)
                .await
                .unwrap();
            // A lead for the programme, one for none, and acts on the trail.
            for programme_id in [Some(programme), None] {
                app.db
                    .create_lead(&ymarfer_store::health::LeadInput {
                        health_check_id: None,
                        programme_id,
                        cohort_id: None,
                        name: format!("Contact {n}"),
                        email: format!("lead{n}@example.com"),
                        phone: String::new(),
                        organisation_name: format!("Lead {n}"),
                        language: Lang::En,
                        recheck: false,
                    })
                    .await
                    .unwrap();
            }
            app.db
                .record_audit(&ymarfer_store::audit::NewAuditEvent {
                    actor_id: Some(admin.id),
                    actor: String::new(),
                    action: Some(ymarfer_domain::audit::AuditAction::LeadAssigned),
                    programme_id: Some(programme),
                    subject: format!("lead {n}"),
                    detail: String::new(),
                    address: String::new(),
                })
                .await
                .unwrap();
            let person = app
                .user(&format!("p{n}@example.com"), Lang::En, false)
                .await;
            app.db
                .grant(
                    person.id,
                    Role::Participant,
                    Scope::Cohort {
                        programme,
                        cohort: *cohort,
                    },
                )
                .await
                .unwrap();
            app.db
                .enrol(programme, *cohort, person.id, Some(org.id), None)
                .await
                .unwrap();
            let project =
                crate::support::project(app, *cohort, org.id, "Less waiting", "testing", "cohort")
                    .await;
            let line = |status| {
                Line::monthly("Less waiting", 10_000)
                    .category(ymarfer_domain::impact::Category::LabourTime)
                    .starting(chrono::Utc::now().date_naive())
                    .status(status)
            };
            Line::add_all(
                &app.db,
                &[
                    (project.id, line(ymarfer_domain::impact::Status::Verified)),
                    (project.id, line(ymarfer_domain::impact::Status::Claimed)),
                ],
                admin.id,
            )
            .await
            .unwrap();
            // A fishbone shared to the stream, drawn inside its post.
            let fishbone = ymarfer_domain::toolkit::shipped_tools()
                .unwrap()
                .into_iter()
                .find(|t| t.id == "fishbone")
                .unwrap();
            let form: Vec<(String, String)> = [
                ("effect", "Orders wait"),
                ("causes[0][category]", "method"),
                ("causes[0][cause]", "No board"),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .to_vec();
            let values = fishbone
                .validate_input(&ymarfer_domain::toolkit::RawInput::from_form(
                    &fishbone, &form,
                ))
                .unwrap();
            app.db
                .save_application(
                    project.id,
                    "fishbone",
                    i64::from(fishbone.version),
                    &serde_json::to_string(&values).unwrap(),
                    Some(person.id),
                )
                .await
                .unwrap();
            let applied = app.db.applications(project.id).await.unwrap()[0].id;
            app.db
                .add_item(
                    &ymarfer_store::space::NewItem {
                        cohort: *cohort,
                        parent: None,
                        author: person.id,
                        kind: ymarfer_domain::space::ItemKind::Tool,
                        project: Some(project.id),
                        tool_id: Some("fishbone"),
                        ref_id: Some(applied),
                        body: "Our fishbone",
                        lang: Lang::En,
                        alumni: None,
                    },
                    &[],
                )
                .await
                .unwrap();
            for body in ["Tried a kanban board", "It worked"] {
                app.db
                    .add_item(
                        &ymarfer_store::space::NewItem {
                            cohort: *cohort,
                            parent: None,
                            author: person.id,
                            kind: ymarfer_domain::space::ItemKind::Post,
                            project: Some(project.id),
                            tool_id: None,
                            ref_id: None,
                            body,
                            lang: Lang::En,
                            alumni: None,
                        },
                        &[],
                    )
                    .await
                    .unwrap();
            }
        }
    }
}

/// More of one participant's own work: `n` more tools applied to her
/// project, claims on it, sessions with a commitment at each, and posts by
/// others asking for her feedback.
async fn grow_her(app: &TestApp, cohort: i64, her: i64, project: i64, n: usize, from: usize) {
    let tools = ymarfer_domain::toolkit::SHIPPED;
    for i in from..from + n {
        app.db
            .save_application(project, tools[i % tools.len()].0, 1, "{}", Some(her))
            .await
            .unwrap();
        Line::add_all(
            &app.db,
            &[(
                project,
                Line::monthly(&format!("Saving {i}"), 10_000)
                    .category(ymarfer_domain::impact::Category::LabourTime)
                    .starting(chrono::Utc::now().date_naive())
                    .status(ymarfer_domain::impact::Status::Claimed),
            )],
            her,
        )
        .await
        .unwrap();
        let at = chrono::Utc::now() - chrono::Duration::days(30 - i as i64);
        let session = app
            .db
            .create_meeting(
                cohort,
                &ymarfer_store::schedule::MeetingInput {
                    title: format!("Session {i}"),
                    kind: ymarfer_domain::programme::SessionKind::Workshop,
                    starts_at: at,
                    ends_at: at + chrono::Duration::hours(2),
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .id;
        app.db
            .add_commitment(session, her, &format!("Try change {i}"))
            .await
            .unwrap();
        let asker = app
            .user(&format!("asker{i}@example.com"), Lang::En, false)
            .await;
        let post = app
            .db
            .add_item(
                &ymarfer_store::space::NewItem {
                    cohort,
                    parent: None,
                    author: asker.id,
                    kind: ymarfer_domain::space::ItemKind::Post,
                    project: None,
                    tool_id: None,
                    ref_id: None,
                    body: "What do you think?",
                    lang: Lang::En,
                    alumni: None,
                },
                &[],
            )
            .await
            .unwrap();
        app.db
            .request_feedback(post, asker.id, &[her])
            .await
            .unwrap();
    }
}

async fn pages_cost_the_same_whatever_the_data(app: TestApp) {
    statements();
    let (programme, first) = app
        .db
        .create_programme_with_cohort("maint", "Maint")
        .await
        .unwrap();
    let second = app
        .db
        .create_cohort(
            programme,
            &ymarfer_store::programmes::CohortInput {
                slug: "cohort-2".into(),
                name_en: "Two".into(),
                name_cy: "Dau".into(),
                capacity: 50,
                delivery_mode: ymarfer_domain::programme::DeliveryMode::Online,
                region: ymarfer_domain::reference::Region::NorthWales,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let (_, manager) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(programme),
    )
    .await;
    let (_, participant) = signed_in_with(
        &app,
        "participant@example.com",
        Role::Participant,
        Scope::Cohort {
            programme,
            cohort: first,
        },
    )
    .await;
    // A participant with her firm's project, whose own work grows.
    let owner = app.user("owner@example.com", Lang::En, false).await;
    let firm = Firm::named("Her firm")
        .add(&app.db, programme)
        .await
        .unwrap();
    app.db
        .enrol(programme, first, owner.id, Some(firm.id), None)
        .await
        .unwrap();
    let hers = crate::support::project(&app, first, firm.id, "Her problem", "testing", "cohort")
        .await
        .id;
    let owner_client = app.client();
    owner_client.sign_in("owner@example.com").await;
    grow_her(&app, first, owner.id, hers, 2, 0).await;
    app.user("root@example.com", Lang::En, true).await;
    let admin = app.client();
    admin.sign_in("root@example.com").await;
    // A visitor's health check, a micro manufacturer like the firms grown.
    let visitor = app.client();
    let result = crate::health::take_check(&visitor, "en", &crate::health::NOT_YET).await;
    let pages: Vec<(&Client, &str)> = vec![
        (&visitor, &result),
        (&participant, "/en"),
        (&owner_client, "/en"),
        (&participant, "/en/programmes/maint/cohorts/cohort-1/space"),
        (&participant, "/en/projects/1"),
        (&manager, "/en"),
        (&manager, "/en/programmes/maint"),
        (&manager, "/en/programmes/maint/impact"),
        (&manager, "/en/programmes/maint/cohorts/cohort-1/impact"),
        (&manager, "/en/programmes/maint/funnel"),
        (&manager, "/en/programmes/maint/cohorts/cohort-1/projects"),
        (&manager, "/en/programmes/maint/showcase"),
        (&manager, "/en/programmes/maint/scenarios"),
        (&manager, "/en/programmes/maint/cohorts/cohort-1"),
        (&manager, "/en/programmes/maint/cohorts/cohort-1/engagement"),
        (&manager, "/en/programmes/maint/leads"),
        (&manager, "/en/search?q=kanban"),
        (&manager, "/en/programmes/maint/claims"),
        (&manager, "/en/programmes/maint/claims?cohort=cohort-1"),
        (&manager, "/en/programmes/maint/audit"),
        (&manager, "/en/organisations"),
        (&admin, "/en/admin/users"),
        (&admin, "/en/admin/users?q=example"),
        (&admin, "/en/admin/audit"),
        (&admin, "/en/leads/waiting"),
    ];
    grow(&app, programme, &[first, second], 2, 0).await;
    let mut small = Vec::new();
    for (c, path) in &pages {
        // Once to warm what is read once per process (the toolkit), then counted.
        cost(c, path).await;
        small.push(cost(c, path).await);
    }
    // Three times the firms, and a third cohort.
    let third = app
        .db
        .create_cohort(
            programme,
            &ymarfer_store::programmes::CohortInput {
                slug: "cohort-3".into(),
                name_en: "Three".into(),
                name_cy: "Tri".into(),
                capacity: 50,
                delivery_mode: ymarfer_domain::programme::DeliveryMode::Online,
                region: ymarfer_domain::reference::Region::SwanseaBay,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    grow(&app, programme, &[first, second, third], 4, 1000).await;
    grow_her(&app, first, owner.id, hers, 6, 2).await;
    let mut failures = Vec::new();
    for ((c, path), before) in pages.iter().zip(&small) {
        let after = cost(c, path).await;
        // More data may take a page down another branch (a list that was
        // empty), but never into a statement per row.
        if after > *before {
            failures.push(format!(
                "{path}: {before} statements with 4 firms, {after} with 16"
            ));
        }
        if after > 40 {
            failures.push(format!("{path}: {after} statements"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A people file of `n` lines, each a new person at their own firm.
fn people(n: usize) -> Vec<u8> {
    let mut csv = String::from(
        "email,name,language,organisation,companies_house,sector,employee_band,area,hourly_rate_gbp\n",
    );
    for i in 0..n {
        csv.push_str(&format!(
            "person{i}@example.com,Person {i},en,Firm {i},,C,micro,Gwynedd,18.50\n"
        ));
    }
    csv.into_bytes()
}

/// The preview of a people import costs the same statements for ten lines as
/// for five thousand, and lists a bounded number of them.
async fn an_import_preview_costs_the_same_whatever_its_length(app: TestApp) {
    statements();
    let (programme, _) = app
        .db
        .create_programme_with_cohort("preview", "Preview")
        .await
        .unwrap();
    let (_, manager) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(programme),
    )
    .await;
    let path = "/en/programmes/preview/cohorts/cohort-1/import";
    let mut cost_of = Vec::new();
    for n in [10, 5000] {
        let file = people(n);
        let mut fewest = usize::MAX;
        for _ in 0..2 {
            // The CSRF token is fetched first, outside what is counted.
            let token = manager.csrf().await;
            let form = reqwest::multipart::Form::new().text("_csrf", token).part(
                "file",
                reqwest::multipart::Part::bytes(file.clone())
                    .file_name("people.csv")
                    .mime_str("text/csv")
                    .unwrap(),
            );
            let before = statements().load(Ordering::SeqCst);
            let res = manager
                .http
                .post(app.url(path))
                .multipart(form)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{n} lines");
            let html = res.text().await.unwrap();
            fewest = fewest.min(statements().load(Ordering::SeqCst) - before);
            assert!(
                html.contains(&format!("{} people are ready to import.", n)),
                "{n} lines"
            );
            // At most the first 200 lines are listed.
            let listed = html.matches("@example.com</td>").count();
            assert_eq!(listed, n.min(200), "{n} lines");
        }
        cost_of.push(fewest);
    }
    assert!(
        cost_of[1] <= cost_of[0],
        "statements for 10 lines and for 5,000: {cost_of:?}"
    );
    assert!(cost_of[1] <= 20, "{cost_of:?}");
}

/// A live room's phone and projector views cost the same however many are
/// in the room: a brainstorm's notes, a poll's answers, a placement's places.
async fn live_pages_cost_the_same_whatever_the_room(app: TestApp) {
    use ymarfer_app::live;
    use ymarfer_domain::live::{Kind, Quadrant, Stage};
    statements();
    let r = crate::live::room(&app).await;
    let staff = app.acting(r.facilitator).await;
    let cohort = app.db.cohort_by_id(r.cohort).await.unwrap().unwrap();
    let code = live::start(&app.state, &staff, &cohort, r.session)
        .await
        .unwrap()
        .code;
    let f = app.client();
    f.sign_in("hwylusydd@example.com").await;
    let a = app.client();
    a.sign_in("alys@example.com").await;
    let phone = format!("/en/live/{code}");
    let screen = format!("/en/live/{code}/screen");
    // `n` more people of the cohort, each joined, with a firm of their own.
    let more = |from: usize, n: usize| {
        let app = &app;
        async move {
            let mut added = Vec::new();
            for i in from..from + n {
                let user = app
                    .user(&format!("room{i}@example.com"), Lang::En, false)
                    .await;
                let org = Firm::named(&format!("Room firm {i}"))
                    .add(&app.db, cohort.programme_id)
                    .await
                    .unwrap();
                app.db
                    .enrol(cohort.programme_id, cohort.id, user.id, Some(org.id), None)
                    .await
                    .unwrap();
                let acting = app.acting(user.id).await;
                added.push(acting);
            }
            added
        }
    };
    let mut failures = Vec::new();
    let mut check = |what: &str, before: &[usize], after: &[usize]| {
        for ((b, a), page) in before.iter().zip(after).zip(["phone", "screen"]) {
            if a > b || *a > 40 {
                failures.push(format!("{what} {page}: {b} statements, then {a}"));
            }
        }
    };
    let costs = |_: ()| {
        let (a, f, phone, screen) = (&a, &f, phone.clone(), screen.clone());
        async move {
            cost(a, &phone).await;
            vec![cost(a, &phone).await, cost(f, &screen).await]
        }
    };

    // A brainstorm, writing, then revealed: the notes grow.
    let brainstorm = live::plan(&app.state, &staff, &code, "fishbone", ("Why?", Lang::En), 3)
        .await
        .unwrap();
    live::advance(
        &app.state,
        &staff,
        &code,
        brainstorm,
        Stage::Ready,
        Lang::En,
    )
    .await
    .unwrap();
    let first = more(0, 2).await;
    for (i, p) in first.iter().enumerate() {
        live::join(&app.state, p, &code).await.unwrap();
        live::note(
            &app.state,
            p,
            &code,
            "people",
            "A cause",
            Lang::En,
            &format!("k{i}"),
        )
        .await
        .unwrap();
    }
    let before = costs(()).await;
    let second = more(2, 6).await;
    for (i, p) in second.iter().enumerate() {
        live::join(&app.state, p, &code).await.unwrap();
        live::note(
            &app.state,
            p,
            &code,
            "method",
            "Another",
            Lang::Cy,
            &format!("m{i}"),
        )
        .await
        .unwrap();
    }
    check("brainstorm", &before, &costs(()).await);
    live::advance(
        &app.state,
        &staff,
        &code,
        brainstorm,
        Stage::Writing,
        Lang::En,
    )
    .await
    .unwrap();

    // A poll, shown: the answers grow.
    let poll = live::prepare(
        &app.state,
        &staff,
        &code,
        &live::Prepared {
            kind: Kind::PollMultiple,
            prompt: "Which?",
            lang: Lang::En,
            options: "One\nTwo\nThree",
            source: None,
        },
    )
    .await
    .unwrap();
    live::advance(&app.state, &staff, &code, poll, Stage::Ready, Lang::En)
        .await
        .unwrap();
    for p in &first {
        live::answer(
            &app.state,
            p,
            &code,
            live::Answered::Poll(vec![0, 2]),
            Lang::En,
        )
        .await
        .unwrap();
    }
    let before = costs(()).await;
    for p in &second {
        live::answer(
            &app.state,
            p,
            &code,
            live::Answered::Poll(vec![1]),
            Lang::En,
        )
        .await
        .unwrap();
    }
    check("poll", &before, &costs(()).await);

    // A placement of the brainstorm's ideas: the places grow.
    let placement = live::prepare(
        &app.state,
        &staff,
        &code,
        &live::Prepared {
            kind: Kind::Placement,
            prompt: "",
            lang: Lang::En,
            options: "",
            source: Some(brainstorm),
        },
    )
    .await
    .unwrap();
    live::advance(&app.state, &staff, &code, placement, Stage::Ready, Lang::En)
        .await
        .unwrap();
    let notes = app.db.live_notes(brainstorm).await.unwrap();
    for p in &first {
        live::place(&app.state, p, &code, notes[0].id, Quadrant::QuickWin)
            .await
            .unwrap();
    }
    let before = costs(()).await;
    for p in &second {
        for n in &notes {
            live::place(&app.state, p, &code, n.id, Quadrant::FillIn)
                .await
                .unwrap();
        }
    }
    live::advance(
        &app.state,
        &staff,
        &code,
        placement,
        Stage::Writing,
        Lang::En,
    )
    .await
    .unwrap();
    check("placement", &before, &costs(()).await);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

crate::on_both! {
    live_pages => super::live_pages_cost_the_same_whatever_the_room;
    bounded_queries => super::pages_cost_the_same_whatever_the_data;
    import_preview => super::an_import_preview_costs_the_same_whatever_its_length;
}
