//! Every door shows what its page shows: for every role, and for tokens
//! limited to one programme, each record kind is read through the API and
//! through its page, and the two must agree on whether it is seen at all and
//! on what of it is seen (the ledger and its claims, the firm's name, the
//! cycles and readings, the register, the organisations listed).

use crate::api::token_for;
use crate::on_both;
use crate::support::{Client, TestApp};
use serde_json::Value;
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::impact::Status;
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::projects::{ProjectStatus, Visibility};
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::projects::{CycleInput, ProjectInput};

const FIRM: &str = "Becws Cudd";
const CLAIMED: &str = "Claimed: fewer wasted loaves";
const VERIFIED: &str = "Verified: cheaper flour";
const CYCLE: &str = "Bake to order on Mondays";
const READING: &str = "Counted after the Monday bake";

fn firm(name: &str, area: &str) -> Firm {
    Firm::named(name).band(EmployeeBand::Small).area(area)
}

/// A project of the firm with a claimed and a verified line, a cycle and a
/// reading; approved if public.
async fn project_with_ledger(
    app: &TestApp,
    cohort: i64,
    org: i64,
    title: &str,
    visibility: Visibility,
    consent: bool,
    staff: i64,
) -> i64 {
    let input = ProjectInput {
        title: title.into(),
        business_function: "production".into(),
        status: ProjectStatus::Testing,
        visibility,
        case_study_consent: consent,
        ..Default::default()
    };
    let id = app
        .db
        .create_project(cohort, org, &input, None)
        .await
        .unwrap()
        .id;
    let line = |description: &str, status| Line::monthly(description, 12_345).status(status);
    line(VERIFIED, Status::Verified)
        .add(&app.db, id, staff)
        .await
        .unwrap();
    line(CLAIMED, Status::Claimed)
        .add(&app.db, id, staff)
        .await
        .unwrap();
    app.db
        .create_cycle(
            id,
            &CycleInput {
                change_idea: CYCLE.into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    app.db
        .add_reading(id, ymarfer_domain::uktime::today(), 4200, READING, None)
        .await
        .unwrap();
    if visibility == Visibility::Public {
        app.db.approve_public(id, Some(staff)).await.unwrap();
    }
    id
}

/// Someone looking: a signed-in client for the pages and a token for the API.
struct Door {
    who: &'static str,
    page: Client,
    token: String,
    /// The token is limited to a programme other than the records' one.
    elsewhere: bool,
}

/// What one door shows of a record.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    shown: bool,
    facts: Vec<(&'static str, bool)>,
}

fn has(v: &Value, needle: &str) -> bool {
    v.to_string().contains(needle)
}

async fn page(c: &Client, path: &str) -> (bool, String) {
    let res = c.get(path).await;
    let ok = res.status() == 200;
    (
        ok,
        if ok {
            res.text().await.unwrap()
        } else {
            String::new()
        },
    )
}

async fn api(app: &TestApp, token: &str, path: &str) -> (bool, Value) {
    let (status, body) = crate::api::call(app, "GET", path, Some(token), None).await;
    assert!([200, 403, 404].contains(&status), "{path}: {status} {body}");
    (status == 200, body)
}

async fn every_door_shows_what_its_page_shows(app: TestApp) {
    let (a, c1) = app
        .db
        .create_programme_with_cohort("prog-a", "A")
        .await
        .unwrap();
    let (b, cb) = app
        .db
        .create_programme_with_cohort("prog-b", "B")
        .await
        .unwrap();
    let c2 = app
        .db
        .create_cohort(
            a,
            &ymarfer_store::programmes::CohortInput {
                slug: "cohort-2".into(),
                name_en: "A two".into(),
                name_cy: "A dau".into(),
                capacity: 12,
                delivery_mode: ymarfer_domain::programme::DeliveryMode::InPerson,
                region: ymarfer_domain::reference::Region::NorthWales,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let x = firm(FIRM, "gwynedd").add(&app.db, a).await.unwrap();
    let z = firm("Garej Arall", "powys").add(&app.db, a).await.unwrap();
    let w = firm("Fferm Bell", "conwy").add(&app.db, b).await.unwrap();

    // The people.
    let person = |email: &'static str, admin: bool| {
        let app = &app;
        async move { app.user(email, Lang::En, admin).await }
    };
    let own = person("own@example.com", false).await;
    app.db.enrol(a, c1, own.id, Some(x.id), None).await.unwrap();
    let peer = person("peer@example.com", false).await;
    app.db
        .enrol(a, c1, peer.id, Some(z.id), None)
        .await
        .unwrap();
    let other_cohort = person("other-cohort@example.com", false).await;
    app.db
        .enrol(a, c2, other_cohort.id, Some(z.id), None)
        .await
        .unwrap();
    let other_programme = person("other-programme@example.com", false).await;
    app.db
        .enrol(b, cb, other_programme.id, Some(w.id), None)
        .await
        .unwrap();
    let facilitator = person("facilitator@example.com", false).await;
    app.db
        .grant(
            facilitator.id,
            Role::Facilitator,
            Scope::Cohort {
                programme: a,
                cohort: c1,
            },
        )
        .await
        .unwrap();
    let other_facilitator = person("other-facilitator@example.com", false).await;
    app.db
        .grant(
            other_facilitator.id,
            Role::Facilitator,
            Scope::Cohort {
                programme: b,
                cohort: cb,
            },
        )
        .await
        .unwrap();
    let manager = person("manager@example.com", false).await;
    app.db
        .grant(manager.id, Role::ProgrammeManager, Scope::Programme(a))
        .await
        .unwrap();
    let observer = person("observer@example.com", false).await;
    app.db
        .grant(observer.id, Role::Observer, Scope::Programme(a))
        .await
        .unwrap();
    let admin = person("admin@example.com", true).await;

    // The records: a project seen by its cohort, and two approved public
    // ones, one whose firm consented to be named.
    let cohort_project = project_with_ledger(
        &app,
        c1,
        x.id,
        "Loaves nobody buys",
        Visibility::Cohort,
        false,
        facilitator.id,
    )
    .await;
    let public_project = project_with_ledger(
        &app,
        c1,
        x.id,
        "Flour that waits",
        Visibility::Public,
        false,
        facilitator.id,
    )
    .await;
    let named_project = project_with_ledger(
        &app,
        c1,
        x.id,
        "Ovens left on",
        Visibility::Public,
        true,
        facilitator.id,
    )
    .await;
    let start = chrono::Utc::now() + chrono::Duration::days(3);
    let meeting = app
        .db
        .create_meeting(
            c1,
            &ymarfer_store::schedule::MeetingInput {
                title: "Walking the bakery".into(),
                kind: ymarfer_domain::programme::SessionKind::Workshop,
                starts_at: start,
                ends_at: start + chrono::Duration::hours(2),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;

    let mut doors = Vec::new();
    for (who, user) in [
        ("participant for the firm", &own),
        ("participant in the cohort", &peer),
        ("participant in another cohort", &other_cohort),
        ("participant of another programme", &other_programme),
        ("facilitator", &facilitator),
        ("facilitator of another programme", &other_facilitator),
        ("manager", &manager),
        ("observer", &observer),
        ("admin", &admin),
    ] {
        let page = app.client();
        page.sign_in(&user.email).await;
        doors.push(Door {
            who,
            token: token_for(&app, user.id, false, None).await,
            page,
            elsewhere: false,
        });
    }
    // Tokens limited to one programme: the records' own, and another.
    for (who, user, programme, elsewhere) in [
        ("manager, token for the programme", &manager, a, false),
        (
            "participant for the firm, token for the programme",
            &own,
            a,
            false,
        ),
        ("admin, token for another programme", &admin, b, true),
        (
            "facilitator, token for another programme",
            &facilitator,
            b,
            true,
        ),
    ] {
        let page = app.client();
        page.sign_in(&user.email).await;
        doors.push(Door {
            who,
            token: token_for(&app, user.id, false, Some(programme)).await,
            page,
            elsewhere,
        });
    }

    let mut failures = Vec::new();
    let mut compare = |who: &str, kind: &str, page: Seen, door: Seen, elsewhere: bool| {
        let expected = if elsewhere {
            Seen {
                shown: false,
                facts: page.facts.iter().map(|(k, _)| (*k, false)).collect(),
            }
        } else {
            page
        };
        if expected != door {
            failures.push(format!(
                "{who}, {kind}: the page shows {expected:?}, the API {door:?}"
            ));
        }
    };
    for d in &doors {
        // Projects, with their cycles, readings, firm and ledger.
        for (kind, id) in [
            ("project seen by its cohort", cohort_project),
            ("approved public project", public_project),
            ("approved public project, firm consented", named_project),
        ] {
            let (shown, html) = page(&d.page, &format!("/en/projects/{id}")).await;
            let on_page = Seen {
                shown,
                facts: vec![
                    ("firm named", html.contains(FIRM)),
                    (
                        "firm described",
                        html.contains("A small firm (Manufacturing) in Gwynedd"),
                    ),
                    ("cycle", html.contains(CYCLE)),
                    ("reading", html.contains(READING)),
                    ("claimed line", html.contains(CLAIMED)),
                    ("verified line", html.contains(VERIFIED)),
                ],
            };
            let (api_shown, body) = api(&app, &d.token, &format!("/api/v1/projects/{id}")).await;
            let (_, ledger) = api(&app, &d.token, &format!("/api/v1/projects/{id}/benefits")).await;
            let name = body["organisation_name"].as_str().unwrap_or_default();
            let through_api = Seen {
                shown: api_shown,
                facts: vec![
                    ("firm named", name == FIRM),
                    (
                        "firm described",
                        name == "A small firm (Manufacturing) in Gwynedd",
                    ),
                    ("cycle", has(&body["cycles"], CYCLE)),
                    ("reading", has(&body["readings"], READING)),
                    ("claimed line", ledger.is_array() && has(&ledger, CLAIMED)),
                    ("verified line", ledger.is_array() && has(&ledger, VERIFIED)),
                ],
            };
            compare(d.who, kind, on_page, through_api, d.elsewhere);
        }

        // The programme, its impact and its leads.
        for (kind, page_path, api_path) in [
            (
                "programme",
                "/en/programmes/prog-a",
                "/api/v1/programmes/prog-a",
            ),
            (
                "impact",
                "/en/programmes/prog-a/impact",
                "/api/v1/programmes/prog-a/impact",
            ),
            (
                "leads",
                "/en/programmes/prog-a/leads",
                "/api/v1/programmes/prog-a/leads",
            ),
        ] {
            let (shown, _) = page(&d.page, page_path).await;
            let (api_shown, _) = api(&app, &d.token, api_path).await;
            compare(
                d.who,
                kind,
                Seen {
                    shown,
                    facts: vec![],
                },
                Seen {
                    shown: api_shown,
                    facts: vec![],
                },
                d.elsewhere,
            );
        }

        // The cohort's projects, listed.
        let (shown, html) = page(&d.page, "/en/programmes/prog-a/cohorts/cohort-1/projects").await;
        let (api_shown, list) = api(
            &app,
            &d.token,
            "/api/v1/programmes/prog-a/cohorts/cohort-1/projects",
        )
        .await;
        let titles = ["Loaves nobody buys", "Flour that waits", "Ovens left on"];
        compare(
            d.who,
            "cohort's projects",
            Seen {
                shown,
                facts: titles.iter().map(|t| (*t, html.contains(t))).collect(),
            },
            Seen {
                shown: api_shown,
                facts: titles.iter().map(|t| (*t, has(&list, t))).collect(),
            },
            d.elsewhere,
        );

        // A session, and its register for those who keep it.
        let (shown, html) = page(
            &d.page,
            &format!("/en/programmes/prog-a/cohorts/cohort-1/sessions/{meeting}"),
        )
        .await;
        let (api_shown, sessions) = api(
            &app,
            &d.token,
            "/api/v1/programmes/prog-a/cohorts/cohort-1/sessions",
        )
        .await;
        compare(
            d.who,
            "session",
            Seen {
                shown,
                facts: vec![
                    ("title", html.contains("Walking the bakery")),
                    (
                        "register",
                        html.contains(&format!("sessions/{meeting}/attendance")),
                    ),
                ],
            },
            Seen {
                shown: api_shown,
                facts: vec![
                    ("title", has(&sessions, "Walking the bakery")),
                    (
                        "register",
                        sessions
                            .as_array()
                            .is_some_and(|s| s.iter().any(|m| m["attendance"].is_array())),
                    ),
                ],
            },
            d.elsewhere,
        );

        // The firm, and the programme's organisations.
        let (shown, html) = page(&d.page, &format!("/en/organisations/{}", x.id)).await;
        let (api_shown, org) =
            api(&app, &d.token, &format!("/api/v1/organisations/{}", x.id)).await;
        compare(
            d.who,
            "organisation",
            Seen {
                shown,
                facts: vec![("name", html.contains(FIRM))],
            },
            Seen {
                shown: api_shown,
                facts: vec![("name", has(&org, FIRM))],
            },
            d.elsewhere,
        );
        // The page lists every programme's firms the person may see; compared
        // by which of this programme's firms it names.
        let (_, html) = page(&d.page, "/en/organisations").await;
        let (_, orgs) = api(&app, &d.token, "/api/v1/programmes/prog-a/organisations").await;
        compare(
            d.who,
            "organisations listed",
            Seen {
                shown: false,
                facts: vec![
                    (FIRM, html.contains(FIRM)),
                    ("Garej Arall", html.contains("Garej Arall")),
                ],
            },
            Seen {
                shown: false,
                facts: vec![
                    (FIRM, has(&orgs, FIRM)),
                    ("Garej Arall", has(&orgs, "Garej Arall")),
                ],
            },
            d.elsewhere,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // And what each of them sees is what the policy promises: the ledger and
    // its claims only to the firm's own people and the cohort's staff, the
    // firm named to the public only with its consent.
    let visitor = app.client();
    let html = visitor
        .get(&format!("/en/projects/{public_project}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(FIRM) && !html.contains(CLAIMED), "{html}");
    assert!(html.contains("A small firm (Manufacturing) in Gwynedd"));
    let html = visitor
        .get(&format!("/cy/projects/{named_project}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(FIRM));
    let html = visitor
        .get(&format!("/cy/projects/{public_project}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Cwmni bach (Gweithgynhyrchu) yn ardal Gwynedd"),
        "{html}"
    );
    for d in &doors {
        let keeps = matches!(
            d.who,
            "participant for the firm"
                | "participant for the firm, token for the programme"
                | "facilitator"
                | "manager"
                | "manager, token for the programme"
                | "admin"
        );
        let (status, body) = crate::api::call(
            &app,
            "GET",
            &format!("/api/v1/projects/{public_project}/benefits"),
            Some(&d.token),
            None,
        )
        .await;
        assert_eq!(
            status == 200 && has(&body, CLAIMED),
            keeps,
            "{}: {status}",
            d.who
        );
    }
}

on_both! {
    every_door_shows_what_its_page_shows => super::every_door_shows_what_its_page_shows;
}
