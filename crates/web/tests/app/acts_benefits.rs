//! The ledger's acts, walked from their rows in the acts table: a saving
//! claimed through the page and the API is one line however often it is
//! sent, a line changed records its figures before and after once, and
//! someone who may not is refused.

use crate::api::{call, token_for};
use crate::support::{TestApp, signed_in_with};
use reqwest::StatusCode;
use serde_json::json;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Role, Scope};

/// A participant of a cohort whose firm has a project, signed in, and someone
/// of another programme.
struct Ledger {
    programme: i64,
    project: i64,
    participant: (i64, crate::support::Client),
    outsider: i64,
}

async fn ledger(app: &TestApp, tag: &str) -> Ledger {
    let (_, programme, cohort) =
        crate::support::manager(app, &format!("rheolwr.{tag}@example.com")).await;
    let (_, elsewhere, other) =
        crate::support::manager(app, &format!("arall.{tag}@example.com")).await;
    let org = Firm::named(&format!("Becws {tag}"))
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    let (participant, client) = signed_in_with(
        app,
        &format!("cyfranogwr.{tag}@example.com"),
        Role::Participant,
        Scope::Cohort { programme, cohort },
    )
    .await;
    app.db
        .enrol(programme, cohort, participant.id, Some(org.id), None)
        .await
        .unwrap();
    let project = crate::support::project(app, cohort, org.id, "Less waiting", "testing", "cohort")
        .await
        .id;
    let (outsider, _) = signed_in_with(
        app,
        &format!("dieithryn.{tag}@example.com"),
        Role::Participant,
        Scope::Cohort {
            programme: elsewhere,
            cohort: other,
        },
    )
    .await;
    Ledger {
        programme,
        project,
        participant: (participant.id, client),
        outsider: outsider.id,
    }
}

fn form(amount: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("description", "Less waiting at the ovens"),
        ("category", "labour_time"),
        ("savings_type", "soft"),
        ("frequency", "weekly"),
        ("starts_on", "2026-01-05"),
        ("status", "claimed"),
        ("amount", amount),
    ]
}

async fn lines(app: &TestApp, project: i64) -> Vec<ymarfer_store::ledger::BenefitVersion> {
    app.db.benefit_history(project).await.unwrap()
}

/// Walks one act of the ledger.
pub async fn benefit_act(app: &TestApp, name: &str) {
    let tag = name.replace("::", "-").replace('_', "-");
    match name {
        "benefits::add" => add(app, &tag).await,
        "benefits::change" => change(app, &tag).await,
        "projects::attach" => attach(app, &tag).await,
        other => panic!("no case for {other}"),
    }
}

async fn add(app: &TestApp, tag: &str) {
    let l = ledger(app, tag).await;
    let new = format!("/en/projects/{}/benefits/new", l.project);
    let sent = form("120.50");
    for _ in 0..2 {
        let res = l.participant.1.post(&new, &sent).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let held = lines(app, l.project).await;
    assert_eq!(held.len(), 1, "one line for the same claim sent twice");
    let events = app.trail(l.programme, AuditAction::LineClaimed).await;
    assert_eq!(events.len(), 1);
    assert!(
        events[0]
            .detail
            .contains("claimed: labour_time weekly £120.50"),
        "{}",
        events[0].detail
    );
    // The same claim through the API is the same line, given back unchanged;
    // another is a new line.
    let token = token_for(app, l.participant.0, true, None).await;
    let api = format!("/api/v1/projects/{}/benefits", l.project);
    let body = json!({
        "description": "  less waiting at the ovens", "category": "labour_time", "savings_type": "soft",
        "frequency": "weekly", "starts_on": "2026-01-05", "status": "claimed", "amount": "120.50"
    });
    let (status, same) = call(app, "POST", &api, Some(&token), Some(body.clone())).await;
    assert_eq!(status, 200, "{same}");
    assert_eq!(same["line_id"], held[0].line_id);
    let mut other = body;
    other["description"] = "Fewer trips to the store".into();
    let (status, made) = call(app, "POST", &api, Some(&token), Some(other)).await;
    assert_eq!(status, 201, "{made}");
    assert_eq!(lines(app, l.project).await.len(), 2);
    assert_eq!(
        app.trail(l.programme, AuditAction::LineClaimed).await.len(),
        2
    );
    // Someone of another programme does not find the project.
    let input = ymarfer_store::ledger::BenefitInput::default();
    let refused =
        ymarfer_app::benefits::add(&app.state, &app.acting(l.outsider).await, l.project, &input)
            .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::NotFound)),
        "{refused:?}"
    );
}

async fn change(app: &TestApp, tag: &str) {
    let l = ledger(app, tag).await;
    let new = format!("/en/projects/{}/benefits/new", l.project);
    let sent = form("120.50");
    l.participant.1.post(&new, &sent).await;
    let line = lines(app, l.project).await[0].line_id;
    let path = format!("/en/projects/{}/benefits/{line}", l.project);
    let changed = form("95.00");
    for _ in 0..2 {
        let res = l.participant.1.post(&path, &changed).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let versions = lines(app, l.project).await;
    assert_eq!(
        versions.len(),
        2,
        "one new version for the change sent twice"
    );
    assert_eq!(versions[1].amount_pence, Some(9500));
    let events = app.trail(l.programme, AuditAction::LineChanged).await;
    assert_eq!(events.len(), 1);
    assert!(
        events[0].detail.contains("£120.50")
            && events[0].detail.contains("→")
            && events[0].detail.contains("£95.00"),
        "{}",
        events[0].detail
    );
    let refused = ymarfer_app::benefits::change(
        &app.state,
        &app.acting(l.outsider).await,
        l.project,
        line,
        &ymarfer_store::ledger::BenefitInput::default(),
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::NotFound)),
        "{refused:?}"
    );
}

/// A photo attached from the project page's form: sent twice, one file.
async fn attach(app: &TestApp, tag: &str) {
    let l = ledger(app, tag).await;
    let page = l
        .participant
        .1
        .get(&format!("/en/projects/{}", l.project))
        .await
        .text()
        .await
        .unwrap();
    let at = page
        .find("name=\"once\" value=\"")
        .expect("the upload form's key");
    let rest = &page[at + "name=\"once\" value=\"".len()..];
    let once = rest[..rest.find('"').unwrap()].to_string();
    let path = format!("/en/projects/{}/attachments", l.project);
    for _ in 0..2 {
        let res = l
            .participant
            .1
            .post_file(&path, &[("once", &once)], "bench.png", crate::space::png())
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(
        app.db.project_attachments(l.project).await.unwrap().len(),
        1
    );
    // A fresh showing of the form attaches again.
    let res = l
        .participant
        .1
        .post_file(
            &path,
            &[("once", "another-key-of-sixteen")],
            "bench.png",
            crate::space::png(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.db.project_attachments(l.project).await.unwrap().len(),
        2
    );
    let prepared = ymarfer_app::files::prepare_in_turn("x.png".into(), crate::space::png().into())
        .await
        .unwrap()
        .unwrap();
    let refused = ymarfer_app::projects::attach(
        &app.state,
        &app.acting(l.outsider).await,
        l.project,
        prepared,
        None,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::NotFound)),
        "{refused:?}"
    );
}
