//! The acts on organisations, each walked from its row in the acts table:
//! refused to someone who may not, done once when sent twice, and recorded
//! with what changed before and after.

use crate::support::{Client, TestApp, location, signed_in_with};
use reqwest::StatusCode;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::{Role, Scope};

/// A programme with a manager signed in, and a facilitator of another.
struct Firms {
    programme: i64,
    manager: Client,
    outsider: (i64, Client),
}

async fn firms(app: &TestApp, tag: &str) -> Firms {
    let (_, programme, _) =
        crate::support::manager(app, &format!("rheolwr.{tag}@example.com")).await;
    let (_, elsewhere, _) = crate::support::manager(app, &format!("arall.{tag}@example.com")).await;
    let manager = app.client();
    manager.sign_in(&format!("rheolwr.{tag}@example.com")).await;
    let (outsider, client) = signed_in_with(
        app,
        &format!("hwylusydd.{tag}@example.com"),
        Role::Facilitator,
        Scope::Programme(elsewhere),
    )
    .await;
    Firms {
        programme,
        manager,
        outsider: (outsider.id, client),
    }
}

fn new_firm(programme: &str) -> Vec<(&'static str, String)> {
    vec![
        ("programme", programme.to_string()),
        ("name", "Garej Glan".into()),
        ("companies_house", "1234567".into()),
        ("sector", "G".into()),
        ("employee_band", "small".into()),
        ("principal_area", "wrexham".into()),
        ("hourly_rate", "28.50".into()),
        ("asked_on", "2026-09-01".into()),
        ("q4", "yes".into()),
    ]
}

async fn post(c: &Client, path: &str, form: &[(&str, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    c.post(path, &form).await
}

/// Walks one act on organisations.
pub async fn organisation_act(app: &TestApp, name: &str) {
    let tag = name.replace("::", "-").replace('_', "-");
    match name {
        "organisations::add" => add(app, &tag).await,
        "organisations::edit" => edit(app, &tag).await,
        "organisations::record_innovation" => record_innovation(app, &tag).await,
        other => panic!("no case for {other}"),
    }
}

async fn add(app: &TestApp, tag: &str) {
    let f = firms(app, tag).await;
    let form = new_firm(&f.programme.to_string());
    let first = post(&f.manager, "/en/organisations/new", &form).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let again = post(&f.manager, "/en/organisations/new", &form).await;
    // Sent twice: the second finds the first and says so.
    assert!(
        location(&again).ends_with("?done=exists"),
        "{}",
        location(&again)
    );
    assert!(location(&again).starts_with(&location(&first)));
    assert_eq!(
        app.db
            .programme_organisations(f.programme)
            .await
            .unwrap()
            .len(),
        1
    );
    let events = app.trail(f.programme, AuditAction::OrganisationAdded).await;
    assert_eq!(events.len(), 1);
    assert!(
        events[0].detail.contains("yes to innovation spending"),
        "{}",
        events[0].detail
    );
    // Someone of another programme may not add to this one.
    let res = post(&f.outsider.1, "/en/organisations/new", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = ymarfer_app::organisations::add(
        &app.state,
        &app.acting(f.outsider.0).await,
        f.programme,
        &Default::default(),
        (chrono::Utc::now().date_naive(), Default::default()),
    )
    .await;
    // (as if the programme were not there: it is not theirs to know of)
    assert!(
        matches!(refused, Err(ymarfer_app::Error::NotFound)),
        "{refused:?}"
    );
    assert_eq!(
        app.db
            .programme_organisations(f.programme)
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn edit(app: &TestApp, tag: &str) {
    let f = firms(app, tag).await;
    let path = location(
        &post(
            &f.manager,
            "/en/organisations/new",
            &new_firm(&f.programme.to_string()),
        )
        .await,
    );
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let edit = format!("/en/organisations/{id}/edit");
    let mut form = new_firm("");
    form.retain(|(k, _)| *k != "programme");
    for (k, v) in form.iter_mut() {
        match *k {
            "name" => *v = "Garej Glan Cyf".into(),
            "hourly_rate" => *v = "30.00".into(),
            _ => {}
        }
    }
    form.push(("q2", "yes".into()));
    for _ in 0..2 {
        let res = post(&f.manager, &edit, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let org = app.db.organisation_by_id(id).await.unwrap().unwrap();
    assert_eq!(
        (org.name.as_str(), org.hourly_rate_pence),
        ("Garej Glan Cyf", Some(3000))
    );
    // One event for the details and one for the rate, however often it is sent.
    let changed = app
        .trail(f.programme, AuditAction::OrganisationChanged)
        .await;
    assert_eq!(changed.len(), 1);
    assert!(
        changed[0]
            .detail
            .contains("name Garej Glan → Garej Glan Cyf")
            && changed[0].detail.contains("new business process"),
        "{}",
        changed[0].detail
    );
    let rate = app
        .trail(f.programme, AuditAction::OrganisationRateChanged)
        .await;
    assert_eq!(rate.len(), 1);
    assert!(
        rate[0].detail.contains("£28.50 → £30.00"),
        "{}",
        rate[0].detail
    );
    // A name another of the programme's firms has is refused, with its message.
    let other = new_firm(&f.programme.to_string())
        .into_iter()
        .map(|(k, v)| {
            if k == "name" {
                (k, "Becws Bach".to_string())
            } else {
                (k, v)
            }
        })
        .collect::<Vec<_>>();
    post(&f.manager, "/en/organisations/new", &other).await;
    let clash: Vec<(&str, String)> = form
        .iter()
        .map(|(k, v)| {
            if *k == "name" {
                (*k, "Becws Bach".to_string())
            } else {
                (*k, v.clone())
            }
        })
        .collect();
    let res = post(&f.manager, &edit, &clash).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let org = app.db.organisation_by_id(id).await.unwrap().unwrap();
    assert_eq!(org.name, "Garej Glan Cyf", "nothing is half-saved");
    // Someone of another programme does not find it.
    let res = post(&f.outsider.1, &edit, &form).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

async fn record_innovation(app: &TestApp, tag: &str) {
    let f = firms(app, tag).await;
    let path = location(
        &post(
            &f.manager,
            "/en/organisations/new",
            &new_firm(&f.programme.to_string()),
        )
        .await,
    );
    let form = [
        ("stage", "end".to_string()),
        ("asked_on", "2027-01-15".to_string()),
        ("q2", "yes".to_string()),
    ];
    for _ in 0..2 {
        let res = post(&f.manager, &format!("{path}/innovation"), &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let answers = app.db.innovation_answers(id).await.unwrap();
    assert_eq!(answers.len(), 2, "entry and one end: {answers:?}");
    let events = app
        .trail(f.programme, AuditAction::InnovationRecorded)
        .await;
    assert_eq!(events.len(), 1);
    assert!(
        events[0]
            .detail
            .contains("end on 2027-01-15: yes to new business process"),
        "{}",
        events[0].detail
    );
    let res = post(&f.outsider.1, &format!("{path}/innovation"), &form).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
