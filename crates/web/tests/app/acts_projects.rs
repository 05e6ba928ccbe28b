//! The acts on a challenge project, walked from their rows in
//! `ymarfer_app::acts::ACTS` (see `acts.rs`): starting, changing and approving
//! a project, saving a tool, beginning and changing a test-and-learn cycle,
//! and recording a reading. Each is refused to someone who may not, recorded
//! once when sent twice, changes nothing the second time, tells whom it
//! concerns, and is reached through its page and (where it has one) the API.

use crate::api::token_for;
use crate::support::{TestApp, location};
use reqwest::StatusCode;
use serde_json::{Value, json};
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::audit::{AuditEvent, AuditQuery};
use ymarfer_store::organisations::Organisation;
use ymarfer_store::users::User;

async fn events(app: &TestApp, action: AuditAction) -> Vec<AuditEvent> {
    app.db
        .audit_events(
            &AuditQuery {
                action: Some(action),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap()
}

/// A programme with a cohort and its manager, who is the cohort's staff.
struct Place {
    manager: User,
    programme: i64,
    cohort: i64,
    /// `/en/programmes/{p}/cohorts/{c}`.
    base: String,
}

async fn place(app: &TestApp, tag: &str) -> Place {
    let (manager, programme, cohort) =
        crate::support::manager(app, &format!("rheolwr.prosiect.{tag}@example.com")).await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let c = app.db.cohorts_of(programme).await.unwrap().remove(0);
    Place {
        manager,
        programme,
        cohort,
        base: format!("/en/programmes/{}/cohorts/{}", p.slug, c.slug),
    }
}

/// A firm of the programme and a participant enrolled for it in the cohort.
async fn firm(app: &TestApp, at: &Place, tag: &str) -> (Organisation, User) {
    let org = Firm::named(&format!("Cwmni {tag}"))
        .area("gwynedd")
        .add(&app.db, at.programme)
        .await
        .unwrap();
    let person = app
        .user(&format!("prosiect.{tag}@example.com"), Lang::Cy, false)
        .await;
    app.db
        .grant(
            person.id,
            Role::Participant,
            Scope::Cohort {
                programme: at.programme,
                cohort: at.cohort,
            },
        )
        .await
        .unwrap();
    app.db
        .enrol(at.programme, at.cohort, person.id, Some(org.id), None)
        .await
        .unwrap();
    (org, person)
}

async fn acting(app: &TestApp, user: &User) -> Acting {
    Acting::person(Some(&app.db.actor(user).await.unwrap()), Door::Page, "")
}

fn refused<T: std::fmt::Debug>(result: Result<T, ymarfer_app::Error>) {
    assert!(
        matches!(
            result,
            Err(ymarfer_app::Error::Forbidden | ymarfer_app::Error::NotFound)
        ),
        "{result:?}"
    );
}

/// Sends an API request with a token and an `Idempotency-Key`.
async fn keyed(app: &TestApp, path: &str, token: &str, key: &str, body: Value) -> (u16, Value) {
    let res = reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn project_form<'a>(org: &'a str, title: &'a str, problem: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("organisation", org),
        ("title", title),
        ("problem", problem),
        ("business_function", "production"),
        ("aim_baseline", "60"),
        ("status", "defining"),
        ("visibility", "cohort"),
    ]
}

pub async fn start(app: &TestApp) {
    let at = place(app, "cychwyn").await;
    let (org, person) = firm(app, &at, "cychwyn").await;
    let (_, stranger) = firm(app, &at, "cychwyn.arall").await;
    let input = ymarfer_store::projects::ProjectInput {
        title: "Llai o aros".into(),
        problem: "Aros am rannau".into(),
        business_function: "production".into(),
        ..Default::default()
    };

    // Someone of another firm may not start a project for this one.
    refused(
        ymarfer_app::projects::start(
            &app.state,
            &acting(app, &stranger).await,
            at.cohort,
            org.id,
            &input,
        )
        .await,
    );
    assert!(events(app, AuditAction::ProjectStarted).await.is_empty());

    // Through the page, twice: one project, one record.
    let c = app.client();
    c.sign_in(&person.email).await;
    let new = format!("{}/projects/new", at.base);
    let org_id = org.id.to_string();
    let form = project_form(&org_id, "Llai o aros", "Aros am rannau");
    let first = location(&c.post(&new, &form).await);
    assert!(first.starts_with("/en/projects/"), "{first}");
    let again = location(&c.post(&new, &form).await);
    assert_eq!(again, first, "the second send finds the project made");
    assert_eq!(app.db.cohort_projects(at.cohort).await.unwrap().len(), 1);
    let recorded = events(app, AuditAction::ProjectStarted).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].programme_id, Some(at.programme));
    assert_eq!(recorded[0].actor_id, Some(person.id));

    // Another problem under the same title is refused, saying why.
    let res = c
        .post(
            &new,
            &project_form(&org_id, "Llai o aros", "Rhywbeth arall"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("This firm has a project with this title in the cohort already.")
    );
    assert_eq!(app.db.cohort_projects(at.cohort).await.unwrap().len(), 1);
    assert_eq!(events(app, AuditAction::ProjectStarted).await.len(), 1);

    // The cohort's staff may start one for any firm enrolled.
    let staff = acting(app, &at.manager).await;
    let other = ymarfer_store::projects::ProjectInput {
        title: "Stoc".into(),
        ..input.clone()
    };
    // Sent four times at once, as a double tap on a slow line does: every
    // send answers with the one project made.
    let together = ymarfer_store::projects::ProjectInput {
        title: "Ar yr un pryd".into(),
        ..input.clone()
    };
    let once = || ymarfer_app::projects::start(&app.state, &staff, at.cohort, org.id, &together);
    let (a, b, c2, d) = tokio::join!(once(), once(), once(), once());
    let all: Vec<_> = [a, b, c2, d]
        .into_iter()
        .map(|r| r.expect("each send answers"))
        .collect();
    assert_eq!(all.iter().filter(|s| s.new).count(), 1, "one project made");
    assert!(all.iter().all(|s| s.project.id == all[0].project.id));
    let started = ymarfer_app::projects::start(&app.state, &staff, at.cohort, org.id, &other)
        .await
        .unwrap();
    assert!(started.new);
    assert_eq!(events(app, AuditAction::ProjectStarted).await.len(), 3);
}

pub async fn edit(app: &TestApp) {
    let at = place(app, "newid").await;
    let (org, person) = firm(app, &at, "newid").await;
    let (_, stranger) = firm(app, &at, "newid.arall").await;
    let p = crate::support::project(app, at.cohort, org.id, "Stoc", "testing", "cohort").await;
    let mut input = ymarfer_store::projects::ProjectInput::of(&p);
    input.status = ymarfer_domain::projects::ProjectStatus::Implementing;

    // Someone who sees the project but is not of its firm may not change it.
    refused(
        ymarfer_app::projects::edit(&app.state, &acting(app, &stranger).await, p.id, &input).await,
    );
    assert!(events(app, AuditAction::ProjectChanged).await.is_empty());

    let c = app.client();
    c.sign_in(&person.email).await;
    let org_id = org.id.to_string();
    let mut form = project_form(&org_id, "Stoc", "Aros am rannau");
    form.retain(|(k, _)| !matches!(*k, "status" | "aim_baseline"));
    form.push(("status", "implementing"));
    let edit = format!("/en/projects/{}/edit", p.id);
    for _ in 0..2 {
        let res = c.post(&edit, &form).await;
        assert_eq!(location(&res), format!("/en/projects/{}?done=saved", p.id));
        let recorded = events(app, AuditAction::ProjectChanged).await;
        assert_eq!(recorded.len(), 1, "the same form again records nothing");
        assert!(
            recorded[0].detail.contains("status testing → implementing"),
            "{:?}",
            recorded[0]
        );
    }
    let now = app.db.project(p.id).await.unwrap().unwrap();
    assert_eq!(
        now.status,
        ymarfer_domain::projects::ProjectStatus::Implementing
    );
}

pub async fn approve(app: &TestApp) {
    let at = place(app, "cymeradwyo").await;
    let (org, person) = firm(app, &at, "cymeradwyo").await;
    let p = crate::support::project(app, at.cohort, org.id, "Stoc", "testing", "public").await;
    let hidden = crate::support::project(app, at.cohort, org.id, "Cudd", "testing", "cohort").await;

    // The firm's own people may not approve their project.
    refused(ymarfer_app::projects::approve(&app.state, &acting(app, &person).await, p.id).await);
    assert!(events(app, AuditAction::ProjectApproved).await.is_empty());

    let staff = app.client();
    staff.sign_in(&at.manager.email).await;
    // A project not made public cannot be approved.
    let res = staff
        .post(&format!("/en/projects/{}/approve", hidden.id), &[])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    let notices = app.db.notices(person.id, 50).await.unwrap().len();
    for _ in 0..2 {
        let res = staff
            .post(&format!("/en/projects/{}/approve", p.id), &[])
            .await;
        assert_eq!(
            location(&res),
            format!("/en/projects/{}?done=approved", p.id)
        );
        assert_eq!(events(app, AuditAction::ProjectApproved).await.len(), 1);
        assert_eq!(
            app.db.notices(person.id, 50).await.unwrap().len(),
            notices + 1,
            "the firm's person is told once"
        );
    }
    let told = app.db.notices(person.id, 50).await.unwrap();
    assert_eq!(
        told[0].kind,
        ymarfer_domain::space::NoticeKind::ProjectApproved
    );
    assert_eq!(
        app.db
            .project(p.id)
            .await
            .unwrap()
            .unwrap()
            .public_approved_by,
        Some(at.manager.id)
    );
}

pub async fn apply_tool(app: &TestApp) {
    let at = place(app, "offeryn").await;
    let (org, person) = firm(app, &at, "offeryn").await;
    let (_, stranger) = firm(app, &at, "offeryn.arall").await;
    let p = crate::support::project(app, at.cohort, org.id, "Stoc", "testing", "cohort").await;
    let tool = ymarfer_app::tools::shipped()
        .iter()
        .find(|t| t.id == "five-whys")
        .unwrap();
    let form = vec![
        ("problem".to_string(), "Orders ship late".to_string()),
        ("why_1".to_string(), "Parts are missing".to_string()),
        ("root_cause".to_string(), "No reorder point".to_string()),
    ];
    let values = tool
        .validate_input(&ymarfer_domain::toolkit::RawInput::from_form(tool, &form))
        .unwrap();

    refused(
        ymarfer_app::tools::apply(
            &app.state,
            &acting(app, &stranger).await,
            p.id,
            &values,
            Lang::En,
        )
        .await,
    );
    assert!(events(app, AuditAction::ToolApplied).await.is_empty());

    let c = app.client();
    c.sign_in(&person.email).await;
    let path = format!("/en/projects/{}/tools/five-whys", p.id);
    let sent: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    for _ in 0..2 {
        let res = c.post(&path, &sent).await;
        assert_eq!(location(&res), format!("{path}?done=saved"));
        assert_eq!(app.db.applications(p.id).await.unwrap().len(), 1);
        let recorded = events(app, AuditAction::ToolApplied).await;
        assert_eq!(recorded.len(), 1, "the same tool again makes no version");
        assert_eq!(recorded[0].detail, "version 1");
    }
    // A change is a second version, recorded.
    let saved = ymarfer_app::tools::apply(
        &app.state,
        &acting(app, &person).await,
        p.id,
        &tool
            .validate_input(&ymarfer_domain::toolkit::RawInput::from_form(
                tool,
                &[
                    ("problem".to_string(), "Orders ship late".to_string()),
                    ("why_1".to_string(), "Parts arrive late".to_string()),
                    ("root_cause".to_string(), "No reorder point".to_string()),
                ],
            ))
            .unwrap(),
        Lang::En,
    )
    .await
    .unwrap();
    assert_eq!((saved.version, saved.new), (2, true));
    assert_eq!(events(app, AuditAction::ToolApplied).await.len(), 2);
}

fn cycle_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("change_idea", "Label the shelves"),
        ("prediction", "Searching drops to 40 minutes"),
    ]
}

pub async fn start_cycle(app: &TestApp) {
    let at = place(app, "cylch").await;
    let (org, person) = firm(app, &at, "cylch").await;
    let (_, stranger) = firm(app, &at, "cylch.arall").await;
    let p = crate::support::project(app, at.cohort, org.id, "Stoc", "testing", "cohort").await;
    let input = ymarfer_store::projects::CycleInput {
        change_idea: "Label the shelves".into(),
        ..Default::default()
    };
    refused(
        ymarfer_app::cycles::start(&app.state, &acting(app, &stranger).await, p.id, &input).await,
    );
    assert!(events(app, AuditAction::CycleStarted).await.is_empty());

    // The page, twice: one cycle.
    let c = app.client();
    c.sign_in(&person.email).await;
    let new = format!("/en/projects/{}/cycles/new", p.id);
    for _ in 0..2 {
        let res = c.post(&new, &cycle_form()).await;
        assert_eq!(
            location(&res),
            format!("/en/projects/{}/cycles/1?done=cycle", p.id)
        );
        assert_eq!(app.db.cycles(p.id).await.unwrap().len(), 1);
        assert_eq!(events(app, AuditAction::CycleStarted).await.len(), 1);
    }

    // The API, the same act: a retry with its key begins nothing more.
    let token = token_for(app, person.id, true, None).await;
    let path = format!("/api/v1/projects/{}/cycles", p.id);
    let body = json!({"change_idea": "Colour the bins", "decision": ""});
    let (s1, b1) = keyed(app, &path, &token, "cycle-1", body.clone()).await;
    assert_eq!(s1, 201, "{b1}");
    assert_eq!(b1["number"], 2);
    let (s2, b2) = keyed(app, &path, &token, "cycle-1", body).await;
    assert_eq!((s2, &b2), (201, &b1));
    assert_eq!(app.db.cycles(p.id).await.unwrap().len(), 2);
    let recorded = events(app, AuditAction::CycleStarted).await;
    assert_eq!(recorded.len(), 2);
    assert!(
        recorded[0].subject.starts_with("cycle 2 of project"),
        "{:?}",
        recorded[0]
    );
}

pub async fn update_cycle(app: &TestApp) {
    let at = place(app, "penderfynu").await;
    let (org, person) = firm(app, &at, "penderfynu").await;
    let (_, stranger) = firm(app, &at, "penderfynu.arall").await;
    let p = crate::support::project(app, at.cohort, org.id, "Stoc", "testing", "cohort").await;
    let begun = ymarfer_app::cycles::start(
        &app.state,
        &acting(app, &person).await,
        p.id,
        &ymarfer_store::projects::CycleInput {
            change_idea: "Label the shelves".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(begun.cycle.number, 1);
    let decided = ymarfer_store::projects::CycleInput {
        change_idea: "Label the shelves".into(),
        study: "Searching took 35 minutes".into(),
        decision: Some(ymarfer_domain::projects::CycleDecision::Adopt),
        ..Default::default()
    };
    refused(
        ymarfer_app::cycles::update(&app.state, &acting(app, &stranger).await, p.id, 1, &decided)
            .await,
    );
    assert!(events(app, AuditAction::CycleChanged).await.is_empty());

    let c = app.client();
    c.sign_in(&person.email).await;
    let path = format!("/en/projects/{}/cycles/1", p.id);
    let form = [
        ("change_idea", "Label the shelves"),
        ("study", "Searching took 35 minutes"),
        ("decision", "adopt"),
    ];
    for _ in 0..2 {
        let res = c.post(&path, &form).await;
        assert_eq!(location(&res), format!("{path}?done=cycle"));
        let recorded = events(app, AuditAction::CycleChanged).await;
        assert_eq!(recorded.len(), 1, "the same form again records nothing");
        assert_eq!(recorded[0].detail, "decision undecided → adopt");
    }
    let cycle = app.db.cycles(p.id).await.unwrap().remove(0);
    assert_eq!(
        cycle.decision,
        Some(ymarfer_domain::projects::CycleDecision::Adopt)
    );
}

pub async fn record_reading(app: &TestApp) {
    let at = place(app, "darlleniad").await;
    let (org, person) = firm(app, &at, "darlleniad").await;
    let (_, stranger) = firm(app, &at, "darlleniad.arall").await;
    let p = crate::support::project(app, at.cohort, org.id, "Stoc", "testing", "cohort").await;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let reading = || ymarfer_app::readings::NewReading {
        taken_on: day,
        value: 1250,
        note: "Monday",
        lang: Lang::En,
    };
    refused(
        ymarfer_app::readings::record(&app.state, &acting(app, &stranger).await, p.id, reading())
            .await,
    );
    assert!(events(app, AuditAction::ReadingRecorded).await.is_empty());

    let c = app.client();
    c.sign_in(&person.email).await;
    let path = format!("/en/projects/{}/readings", p.id);
    let form = [
        ("taken_on", "2026-01-05"),
        ("value", "12.5"),
        ("note", "Monday"),
    ];
    for _ in 0..2 {
        let res = c.post(&path, &form).await;
        assert_eq!(
            location(&res),
            format!("/en/projects/{}?done=reading#measures", p.id)
        );
        assert_eq!(app.db.readings(p.id).await.unwrap().len(), 1);
        let recorded = events(app, AuditAction::ReadingRecorded).await;
        assert_eq!(recorded.len(), 1, "one reading, one record");
        assert_eq!(recorded[0].programme_id, Some(at.programme));
    }

    // The API, the same act: a retry with its key records nothing more.
    let token = token_for(app, person.id, true, None).await;
    let api = format!("/api/v1/projects/{}/readings", p.id);
    let body = json!({"taken_on": "2026-01-12", "value": "11", "note": "Monday"});
    let (s1, b1) = keyed(app, &api, &token, "reading-1", body.clone()).await;
    assert_eq!(s1, 201, "{b1}");
    let (s2, b2) = keyed(app, &api, &token, "reading-1", body).await;
    assert_eq!((s2, &b2), (201, &b1));
    assert_eq!(app.db.readings(p.id).await.unwrap().len(), 2);
    assert_eq!(events(app, AuditAction::ReadingRecorded).await.len(), 2);
}

/// Correcting and removing a reading (both acts, walked together).
pub async fn correct_and_remove_reading(app: &TestApp) {
    if !events(app, AuditAction::ReadingCorrected).await.is_empty() {
        return;
    }
    let at = place(app, "cywiro").await;
    let (org, person) = firm(app, &at, "cywiro").await;
    let (_, stranger) = firm(app, &at, "cywiro.arall").await;
    let p = crate::support::project(app, at.cohort, org.id, "Stoc", "testing", "cohort").await;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let recorded = ymarfer_app::readings::record(
        &app.state,
        &acting(app, &person).await,
        p.id,
        ymarfer_app::readings::NewReading {
            taken_on: day,
            value: 1250,
            note: "Monday",
            lang: Lang::En,
        },
    )
    .await
    .unwrap();
    let to = || ymarfer_app::readings::NewReading {
        taken_on: day,
        value: 1300,
        note: "Monday",
        lang: Lang::En,
    };
    let stranger = acting(app, &stranger).await;
    refused(ymarfer_app::readings::correct(&app.state, &stranger, p.id, recorded.id, to()).await);
    refused(ymarfer_app::readings::remove(&app.state, &stranger, p.id, recorded.id).await);
    assert!(events(app, AuditAction::ReadingCorrected).await.is_empty());
    assert!(events(app, AuditAction::ReadingRemoved).await.is_empty());

    let c = app.client();
    c.sign_in(&person.email).await;
    let path = format!("/en/projects/{}/readings/{}", p.id, recorded.id);
    let form = [
        ("taken_on", "2026-01-05"),
        ("value", "13"),
        ("note", "Monday"),
    ];
    for _ in 0..2 {
        let res = c.post(&path, &form).await;
        assert_eq!(
            location(&res),
            format!("/en/projects/{}?done=reading-corrected#measures", p.id)
        );
        let done = events(app, AuditAction::ReadingCorrected).await;
        assert_eq!(done.len(), 1, "the same correction again records nothing");
        assert_eq!(done[0].detail, "value 12.5 → 13");
        assert_eq!(app.db.reading_history(p.id).await.unwrap().len(), 1);
    }
    assert_eq!(app.db.readings(p.id).await.unwrap()[0].value, 1300);

    for _ in 0..2 {
        let res = c.post(&format!("{path}/remove"), &[]).await;
        assert_eq!(
            location(&res),
            format!("/en/projects/{}?done=reading-removed#measures", p.id)
        );
        assert_eq!(events(app, AuditAction::ReadingRemoved).await.len(), 1);
        assert!(app.db.readings(p.id).await.unwrap().is_empty());
        assert_eq!(app.db.reading_history(p.id).await.unwrap().len(), 2);
    }
    // A reading the project never had is not found.
    let res = c
        .post(
            &format!("/en/projects/{}/readings/999999/remove", p.id),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

pub async fn add_programme_tool(app: &TestApp) {
    let at = place(app, "offeryn.rhaglen").await;
    let (_, person) = firm(app, &at, "offeryn.rhaglen").await;
    let definition = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../toolkit/sipoc.toml"
    ))
    .unwrap()
    .replacen("id = \"sipoc\"", "id = \"daily-huddle\"", 1);

    // A participant may not add to the programme's toolkit.
    refused(
        ymarfer_app::tools::add_to_programme(
            &app.state,
            &acting(app, &person).await,
            at.programme,
            &definition,
        )
        .await,
    );
    assert!(
        events(app, AuditAction::ProgrammeToolAdded)
            .await
            .is_empty()
    );

    let c = app.client();
    c.sign_in(&at.manager.email).await;
    let slug = app
        .db
        .programme_by_id(at.programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let path = format!("/en/programmes/{slug}/tools");
    for _ in 0..2 {
        let res = c.post(&path, &[("definition", definition.as_str())]).await;
        assert_eq!(location(&res), format!("{path}?done=saved"));
        let recorded = events(app, AuditAction::ProgrammeToolAdded).await;
        assert_eq!(
            recorded.len(),
            1,
            "the same definition again records nothing"
        );
        assert_eq!(
            (recorded[0].subject.as_str(), recorded[0].detail.as_str()),
            ("tool daily-huddle", "version 1")
        );
        assert_eq!(app.db.programme_tools(at.programme).await.unwrap().len(), 1);
    }
    // A shipped tool's id is refused by the act too.
    let shipped = definition.replacen("id = \"daily-huddle\"", "id = \"sipoc\"", 1);
    let clash = ymarfer_app::tools::add_to_programme(
        &app.state,
        &acting(app, &at.manager).await,
        at.programme,
        &shipped,
    )
    .await;
    assert!(
        matches!(
            clash,
            Err(ymarfer_app::Error::Invalid("programme-tools-clash"))
        ),
        "{clash:?}"
    );
}
