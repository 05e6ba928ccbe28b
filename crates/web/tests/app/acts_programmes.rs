//! The acts on programmes, cohorts, the people in them and leads, each walked
//! from its row in `ymarfer_app::acts::ACTS` by `acts.rs`: refused to someone
//! who may not, recorded once however often it is sent, nothing changed the
//! second time, the person concerned told, and a second door where it has one.

use crate::support::{TestApp, location};
use reqwest::StatusCode;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_app::fixtures::Firm;
use ymarfer_app::programmes::Invitee;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::health::LeadStatus;
use ymarfer_domain::{Email, Lang, Role, Scope};
use ymarfer_store::audit::{AuditEvent, AuditQuery};
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

async fn count(app: &TestApp, action: AuditAction) -> usize {
    events(app, action).await.len()
}

/// How many emails went to `to`.
fn mails_to(app: &TestApp, to: &str) -> usize {
    app.outbox().iter().filter(|(t, _, _)| t == to).count()
}

async fn acting_as(app: &TestApp, user: &User, door: Door) -> Acting {
    Acting::person(Some(&app.db.actor(user).await.unwrap()), door, "127.0.0.1")
}

/// A participant of the cohort, acting as themselves.
async fn participant(app: &TestApp, email: &str, programme: i64, cohort: i64) -> Acting {
    let user = app.user(email, Lang::En, false).await;
    app.db
        .grant(
            user.id,
            Role::Participant,
            Scope::Cohort { programme, cohort },
        )
        .await
        .unwrap();
    acting_as(app, &user, Door::Page).await
}

/// A programme manager with a programme of one cohort, signed in at a page:
/// (manager, programme slug, cohort slug, programme id, cohort id, client).
struct Setting {
    manager: User,
    slug: String,
    cslug: String,
    programme: i64,
    cohort: i64,
    client: crate::support::Client,
}

async fn setting(app: &TestApp, tag: &str) -> Setting {
    let email = format!("rheolwr.{tag}@example.com");
    let (manager, programme, cohort) = crate::support::manager(app, &email).await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let c = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    let client = app.client();
    client.sign_in(&email).await;
    Setting {
        manager,
        slug: p.slug,
        cslug: c.slug,
        programme,
        cohort,
        client,
    }
}

fn refused<T: std::fmt::Debug>(r: Result<T, ymarfer_app::Error>) {
    assert!(
        matches!(
            r,
            Err(ymarfer_app::Error::Forbidden | ymarfer_app::Error::NotFound)
        ),
        "{r:?}"
    );
}

fn programme_form<'a>(slug: &'a str, cost: &'a str, rate: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("slug", slug),
        ("name_en", "Act programme"),
        ("name_cy", "Rhaglen act"),
        ("cost", cost),
        ("hourly_rate", rate),
        ("capture_factor", "0.8"),
    ]
}

pub async fn create_programme(app: &TestApp) {
    let s = setting(app, "creu").await;
    let before = count(app, AuditAction::ProgrammeCreated).await;
    let someone = participant(app, "cyfranogwr.creu@example.com", s.programme, s.cohort).await;
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: "act-refused".into(),
        name_en: "No".into(),
        name_cy: "Na".into(),
        cost_pence: 100,
        default_hourly_rate_pence: 2500,
        capture_factor_thousandths: 1000,
        ..Default::default()
    };
    refused(ymarfer_app::programmes::create(&app.state, &someone, &input).await);
    assert!(
        app.db
            .programme_by_slug("act-refused")
            .await
            .unwrap()
            .is_none()
    );

    let form = programme_form("act-newydd", "1000", "25");
    let res = s.client.post("/en/programmes/new", &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/en/programmes/act-newydd");
    let recorded = events(app, AuditAction::ProgrammeCreated).await;
    assert_eq!(recorded.len(), before + 1);
    assert_eq!(recorded[0].subject, "act-newydd");
    assert!(
        recorded[0].detail.contains("£1,000.00"),
        "{:?}",
        recorded[0]
    );
    assert_eq!(recorded[0].actor_id, Some(s.manager.id));

    // Sent again: refused with a clear message, in either language; nothing made.
    let res = s.client.post("/en/programmes/new", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("already in use"));
    let res = s.client.post("/cy/programmes/new", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("cael ei ddefnyddio eisoes")
    );
    assert_eq!(count(app, AuditAction::ProgrammeCreated).await, before + 1);
    let mut again = input.clone();
    again.slug = "act-newydd".into();
    let manager = acting_as(app, &s.manager, Door::Page).await;
    let r = ymarfer_app::programmes::create(&app.state, &manager, &again).await;
    assert!(
        matches!(r, Err(ymarfer_app::Error::Invalid("error-slug-taken"))),
        "{r:?}"
    );
    assert_eq!(count(app, AuditAction::ProgrammeCreated).await, before + 1);
}

pub async fn edit_programme(app: &TestApp) {
    let s = setting(app, "golygu").await;
    let changed = count(app, AuditAction::ProgrammeChanged).await;
    let rates = count(app, AuditAction::RatesChanged).await;
    let someone = participant(app, "cyfranogwr.golygu@example.com", s.programme, s.cohort).await;
    let p = app.db.programme_by_id(s.programme).await.unwrap().unwrap();
    let input = ymarfer_store::programmes::ProgrammeInput {
        slug: p.slug.clone(),
        name_en: "Changed".into(),
        name_cy: "Wedi newid".into(),
        cost_pence: 100_000,
        default_hourly_rate_pence: 3000,
        capture_factor_thousandths: 800,
        ..Default::default()
    };
    refused(ymarfer_app::programmes::edit(&app.state, &someone, s.programme, &input).await);
    assert_eq!(count(app, AuditAction::ProgrammeChanged).await, changed);

    let path = format!("/en/programmes/{}/edit", s.slug);
    let form = programme_form("", "1000", "30");
    for _ in 0..2 {
        let res = s.client.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(app, AuditAction::ProgrammeChanged).await, changed + 1);
        assert_eq!(count(app, AuditAction::RatesChanged).await, rates + 1);
    }
    let p = app.db.programme_by_id(s.programme).await.unwrap().unwrap();
    assert_eq!(p.cost_pence, 100_000);
    assert_eq!(p.default_hourly_rate_pence, 3000);
    assert_eq!(p.capture_factor_thousandths, 800);
    let what = &events(app, AuditAction::ProgrammeChanged).await[0];
    assert!(what.detail.contains("cost £0.00 → £1,000.00"), "{what:?}");
    let figures = &events(app, AuditAction::RatesChanged).await[0];
    assert!(
        figures.detail.contains("→ £30.00") && figures.detail.contains("→ 0.800"),
        "{figures:?}"
    );
    assert!(
        figures.detail.contains("claimed first-year total"),
        "{figures:?}"
    );
}

pub async fn add_to_team(app: &TestApp) {
    let s = setting(app, "tim").await;
    let before = count(app, AuditAction::RoleGranted).await;
    let someone = participant(app, "cyfranogwr.tim@example.com", s.programme, s.cohort).await;
    let invitee = Invitee {
        email: Email::parse("hwylusydd.tim@example.com").unwrap(),
        name: "Hwylusydd".into(),
        language: Lang::Cy,
    };
    refused(
        ymarfer_app::programmes::add_to_team(
            &app.state,
            &someone,
            s.programme,
            &invitee,
            Role::Facilitator,
        )
        .await,
    );
    assert_eq!(mails_to(app, "hwylusydd.tim@example.com"), 0);
    let form = [
        ("email", "hwylusydd.tim@example.com"),
        ("display_name", "Hwylusydd"),
        ("language", "cy"),
        ("role", "facilitator"),
    ];
    for _ in 0..2 {
        let res = s
            .client
            .post(&format!("/en/programmes/{}/team", s.slug), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(app, AuditAction::RoleGranted).await, before + 1);
        assert_eq!(
            mails_to(app, "hwylusydd.tim@example.com"),
            1,
            "invited once, in Welsh"
        );
    }
}

fn cohort_form<'a>(slug: &'a str, share: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("slug", slug),
        ("name_en", "Act cohort"),
        ("name_cy", "Carfan act"),
        ("capacity", "12"),
        ("delivery_mode", "blended"),
        ("language", "both"),
        ("region", "north_wales"),
        ("cost_share", share),
    ]
}

pub async fn create_cohort(app: &TestApp) {
    let s = setting(app, "carfan").await;
    let before = count(app, AuditAction::CohortCreated).await;
    let someone = participant(app, "cyfranogwr.carfan@example.com", s.programme, s.cohort).await;
    let input = ymarfer_store::programmes::CohortInput {
        slug: "act-refused".into(),
        name_en: "No".into(),
        name_cy: "Na".into(),
        capacity: 5,
        ..Default::default()
    };
    refused(ymarfer_app::cohorts::create(&app.state, &someone, s.programme, &input).await);

    let path = format!("/en/programmes/{}/cohorts/new", s.slug);
    let form = cohort_form("act-carfan", "");
    let res = s.client.post(&path, &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(count(app, AuditAction::CohortCreated).await, before + 1);
    let made = app
        .db
        .cohort_by_slug(s.programme, "act-carfan")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        made.delivery_mode,
        ymarfer_domain::programme::DeliveryMode::Blended
    );
    assert_eq!(made.region, ymarfer_domain::reference::Region::NorthWales);
    // Stored as the same codes as ever.
    let token = crate::api::token_for(app, s.manager.id, false, None).await;
    let (status, body) = crate::api::call(
        app,
        "GET",
        &format!("/api/v1/programmes/{}/cohorts", s.slug),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let listed = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["slug"] == "act-carfan")
        .cloned()
        .unwrap();
    assert_eq!(listed["delivery_mode"], "blended");
    assert_eq!(listed["region"], "north_wales");

    let res = s.client.post(&path, &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("already in use"));
    assert_eq!(count(app, AuditAction::CohortCreated).await, before + 1);
    assert_eq!(app.db.cohorts_of(s.programme).await.unwrap().len(), 2);
}

pub async fn edit_cohort(app: &TestApp) {
    let s = setting(app, "golygu.carfan").await;
    let before = count(app, AuditAction::CohortChanged).await;
    let someone = participant(app, "cyfranogwr.gc@example.com", s.programme, s.cohort).await;
    let input = ymarfer_store::programmes::CohortInput {
        slug: s.cslug.clone(),
        name_en: "No".into(),
        name_cy: "Na".into(),
        capacity: 5,
        ..Default::default()
    };
    refused(ymarfer_app::cohorts::edit(&app.state, &someone, s.cohort, &input).await);
    assert_eq!(count(app, AuditAction::CohortChanged).await, before);

    let path = format!("/en/programmes/{}/cohorts/{}/edit", s.slug, s.cslug);
    let mut form = cohort_form("", "250");
    form.push(("confirm_share", "yes"));
    for _ in 0..2 {
        let res = s.client.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(app, AuditAction::CohortChanged).await, before + 1);
    }
    let c = app.db.cohort_by_id(s.cohort).await.unwrap().unwrap();
    assert_eq!(c.cost_share_pence, Some(25_000));
    assert_eq!(c.capacity, 12);
    let what = &events(app, AuditAction::CohortChanged).await[0];
    assert!(
        what.detail
            .contains("share of the programme's cost £0.00 → £250.00"),
        "{what:?}"
    );
}

/// A firm of the programme and `n` participants enrolled for it.
async fn enrolled(app: &TestApp, s: &Setting, tag: &str, n: usize) -> (i64, Vec<User>) {
    let org = Firm::named(&format!("Cwmni {tag}"))
        .area("gwynedd")
        .add(&app.db, s.programme)
        .await
        .unwrap();
    let mut people = Vec::new();
    for i in 0..n {
        let user = app
            .user(&format!("{tag}.{i}@example.com"), Lang::En, false)
            .await;
        app.db
            .enrol(s.programme, s.cohort, user.id, Some(org.id), None)
            .await
            .unwrap();
        people.push(user);
    }
    (org.id, people)
}

pub async fn invite_to_cohort(app: &TestApp) {
    let s = setting(app, "gwahodd").await;
    let (org, _) = enrolled(app, &s, "gwahodd", 0).await;
    let before = count(app, AuditAction::ParticipantEnrolled).await;
    let someone = participant(app, "cyfranogwr.gwahodd@example.com", s.programme, s.cohort).await;
    let invitee = Invitee {
        email: Email::parse("newydd.gwahodd@example.com").unwrap(),
        name: "Newydd".into(),
        language: Lang::Cy,
    };
    refused(
        ymarfer_app::people::invite(
            &app.state,
            &someone,
            s.cohort,
            &invitee,
            Role::Participant,
            Some(org),
        )
        .await,
    );
    assert_eq!(mails_to(app, "newydd.gwahodd@example.com"), 0);
    let org = org.to_string();
    let form = [
        ("email", "newydd.gwahodd@example.com"),
        ("display_name", "Newydd"),
        ("language", "cy"),
        ("role", "participant"),
        ("organisation", org.as_str()),
    ];
    let path = format!("/en/programmes/{}/cohorts/{}/people", s.slug, s.cslug);
    for _ in 0..2 {
        let res = s.client.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            count(app, AuditAction::ParticipantEnrolled).await,
            before + 1
        );
        assert_eq!(mails_to(app, "newydd.gwahodd@example.com"), 1);
    }
    assert!(
        app.outbox()
            .iter()
            .any(|(to, subject, _)| to == "newydd.gwahodd@example.com"
                && subject.starts_with("Gwahoddiad i'r garfan ")),
        "told in their language"
    );
    let active = app.db.enrolled(s.cohort).await.unwrap();
    assert_eq!(active.iter().filter(|e| e.is_active()).count(), 1);
}

pub async fn withdraw_and_readmit(app: &TestApp, readmit: bool) {
    let tag = if readmit { "derbyn" } else { "tynnu" };
    let s = setting(app, tag).await;
    let (_, people) = enrolled(app, &s, tag, 1).await;
    let person = &people[0];
    let (withdrawn, readmitted) = (
        count(app, AuditAction::ParticipantWithdrawn).await,
        count(app, AuditAction::ParticipantReadmitted).await,
    );
    let someone = participant(
        app,
        &format!("cyfranogwr.{tag}@example.com"),
        s.programme,
        s.cohort,
    )
    .await;
    refused(ymarfer_app::people::withdraw(&app.state, &someone, s.cohort, person.id).await);
    assert_eq!(
        count(app, AuditAction::ParticipantWithdrawn).await,
        withdrawn
    );
    let base = format!(
        "/en/programmes/{}/cohorts/{}/people/{}",
        s.slug, s.cslug, person.id
    );
    let is_active = || async {
        app.db
            .enrolled(s.cohort)
            .await
            .unwrap()
            .iter()
            .any(|e| e.user_id == person.id && e.is_active())
    };
    // Sent twice: the second finds nobody active to withdraw (a 404, as the
    // page always answered) and changes and records nothing.
    for expected in [StatusCode::SEE_OTHER, StatusCode::NOT_FOUND] {
        let res = s.client.post(&format!("{base}/withdraw"), &[]).await;
        assert_eq!(res.status(), expected);
        assert_eq!(
            count(app, AuditAction::ParticipantWithdrawn).await,
            withdrawn + 1
        );
        assert!(!is_active().await);
    }
    let manager = acting_as(app, &s.manager, Door::Page).await;
    assert!(
        !ymarfer_app::people::withdraw(&app.state, &manager, s.cohort, person.id)
            .await
            .unwrap(),
        "withdrawn already: nothing to do"
    );
    if !readmit {
        // Nobody who was never enrolled is withdrawn.
        let res = s
            .client
            .post(
                &format!(
                    "/en/programmes/{}/cohorts/{}/people/{}/withdraw",
                    s.slug, s.cslug, s.manager.id
                ),
                &[],
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        return;
    }
    refused(ymarfer_app::people::readmit(&app.state, &someone, s.cohort, person.id).await);
    for expected in [StatusCode::SEE_OTHER, StatusCode::NOT_FOUND] {
        let res = s.client.post(&format!("{base}/readmit"), &[]).await;
        assert_eq!(res.status(), expected);
        assert_eq!(
            count(app, AuditAction::ParticipantReadmitted).await,
            readmitted + 1
        );
        assert!(is_active().await);
    }
}

pub async fn propose_sets(app: &TestApp) {
    let s = setting(app, "setiau").await;
    enrolled(app, &s, "setiau", 5).await;
    let before = count(app, AuditAction::SetsProposed).await;
    let someone = participant(app, "cyfranogwr.setiau@example.com", s.programme, s.cohort).await;
    refused(ymarfer_app::cohorts::propose_sets(&app.state, &someone, s.cohort, Lang::En).await);
    let path = format!("/en/programmes/{}/cohorts/{}/sets/propose", s.slug, s.cslug);
    for _ in 0..2 {
        let res = s.client.post(&path, &[]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(app, AuditAction::SetsProposed).await, before + 1);
    }
    assert!(!app.db.set_names(s.cohort).await.unwrap().is_empty());
}

pub async fn place_in_set(app: &TestApp) {
    let s = setting(app, "symud").await;
    let (_, people) = enrolled(app, &s, "symud", 4).await;
    let manager = acting_as(app, &s.manager, Door::Page).await;
    ymarfer_app::cohorts::propose_sets(&app.state, &manager, s.cohort, Lang::En)
        .await
        .unwrap();
    let before = count(app, AuditAction::SetMemberMoved).await;
    let someone = participant(app, "cyfranogwr.symud@example.com", s.programme, s.cohort).await;
    refused(
        ymarfer_app::people::place_in_set(&app.state, &someone, s.cohort, people[0].id, None).await,
    );
    let path = format!("/en/programmes/{}/cohorts/{}/sets/move", s.slug, s.cslug);
    let user = people[0].id.to_string();
    for _ in 0..2 {
        let res = s
            .client
            .post(&path, &[("user_id", user.as_str()), ("set_id", "")])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(app, AuditAction::SetMemberMoved).await, before + 1);
    }
    assert!(
        !app.db
            .set_members(s.cohort)
            .await
            .unwrap()
            .iter()
            .any(|m| m.user_id == people[0].id)
    );
    // A set not the cohort's is refused.
    let res = s
        .client
        .post(&path, &[("user_id", user.as_str()), ("set_id", "999999")])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(count(app, AuditAction::SetMemberMoved).await, before + 1);
}

fn lead_input(email: &str, programme: i64) -> ymarfer_store::health::LeadInput {
    ymarfer_store::health::LeadInput {
        health_check_id: None,
        programme_id: Some(programme),
        cohort_id: None,
        name: "Nia".into(),
        email: email.into(),
        phone: String::new(),
        organisation_name: format!("Becws {email}"),
        language: Lang::Cy,
        recheck: false,
    }
}

pub async fn set_lead_status(app: &TestApp) {
    let s = setting(app, "statws").await;
    let lead = app
        .db
        .create_lead(&lead_input("statws@example.com", s.programme))
        .await
        .unwrap();
    let before = count(app, AuditAction::LeadStatusChanged).await;
    let someone = participant(app, "cyfranogwr.statws@example.com", s.programme, s.cohort).await;
    refused(
        ymarfer_app::leads::set_status(
            &app.state,
            &someone,
            s.programme,
            lead.id,
            LeadStatus::Closed,
            "",
        )
        .await,
    );
    let path = format!("/en/programmes/{}/leads/{}", s.slug, lead.id);
    let form = [("status", "contacted"), ("notes", "Rang")];
    for _ in 0..2 {
        let res = s.client.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(app, AuditAction::LeadStatusChanged).await, before + 1);
    }
    let recorded = &events(app, AuditAction::LeadStatusChanged).await[0];
    assert!(
        recorded.detail.contains("status new → contacted"),
        "{recorded:?}"
    );

    // The API's door: the same act; the same change again records nothing.
    let token = crate::api::token_for(app, s.manager.id, true, None).await;
    let api = format!("/api/v1/programmes/{}/leads/{}", s.slug, lead.id);
    for key in ["statws-1", "statws-2"] {
        let res = reqwest::Client::new()
            .patch(app.url(&api))
            .bearer_auth(&token)
            .header("idempotency-key", key)
            .json(&serde_json::json!({"status": "closed", "notes": "Rang", "cohort": ""}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["status"], "closed");
        assert_eq!(count(app, AuditAction::LeadStatusChanged).await, before + 2);
    }
    assert_eq!(
        events(app, AuditAction::LeadStatusChanged).await[0].actor_id,
        Some(s.manager.id)
    );
    // A read-only token may not.
    let read = crate::api::token_for(app, s.manager.id, false, None).await;
    let res = reqwest::Client::new()
        .patch(app.url(&api))
        .bearer_auth(&read)
        .header("idempotency-key", "statws-3")
        .json(&serde_json::json!({"status": "new", "notes": "", "cohort": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(app, AuditAction::LeadStatusChanged).await, before + 2);
}

pub async fn invite_lead(app: &TestApp) {
    let s = setting(app, "arwain.gwahodd").await;
    let lead = app
        .db
        .create_lead(&lead_input("arweinydd@example.com", s.programme))
        .await
        .unwrap();
    let before = count(app, AuditAction::LeadInvited).await;
    let someone = participant(app, "cyfranogwr.ag@example.com", s.programme, s.cohort).await;
    refused(ymarfer_app::leads::invite(&app.state, &someone, s.programme, lead.id, s.cohort).await);
    assert_eq!(mails_to(app, "arweinydd@example.com"), 0);
    let path = format!("/en/programmes/{}/leads/{}/invite", s.slug, lead.id);
    let cohort = s.cohort.to_string();
    let form = [
        ("status", "new"),
        ("notes", ""),
        ("cohort", cohort.as_str()),
    ];
    for _ in 0..2 {
        let res = s.client.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(app, AuditAction::LeadInvited).await, before + 1);
        assert_eq!(
            mails_to(app, "arweinydd@example.com"),
            1,
            "the invitation is sent once"
        );
    }
    let now = app.db.lead_by_id(lead.id).await.unwrap().unwrap();
    assert_eq!(now.status, LeadStatus::Invited);
    assert_eq!(now.cohort_id, Some(s.cohort));
    let active: Vec<_> = app
        .db
        .enrolled(s.cohort)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.is_active() && e.email == "arweinydd@example.com")
        .collect();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].organisation_id, now.organisation_id);
}

pub async fn set_additionality(app: &TestApp) {
    use ymarfer_domain::impact::net::{Additionality, Percent, Setting};
    let s = setting(app, "ychwanegedd").await;
    let before = count(app, AuditAction::AdditionalityChanged).await;
    let someone = participant(
        app,
        "cyfranogwr.ychwanegedd@example.com",
        s.programme,
        s.cohort,
    )
    .await;
    let settings = Additionality {
        deadweight: Setting {
            value: Percent(2000),
            ..Setting::default()
        },
        ..Additionality::default()
    };
    refused(
        ymarfer_app::programmes::set_additionality(&app.state, &someone, s.programme, &settings)
            .await,
    );
    assert_eq!(
        count(app, AuditAction::AdditionalityChanged).await,
        before,
        "refused, nothing recorded"
    );
    assert_eq!(
        app.db.additionality_of(s.programme).await.unwrap(),
        Additionality::default()
    );
    // Through the page, refused to the participant too.
    let path = format!("/en/programmes/{}/additionality", s.slug);
    let stranger = app.client();
    stranger.sign_in("cyfranogwr.ychwanegedd@example.com").await;
    let form = [
        ("deadweight", "20"),
        ("deadweight_low", "15"),
        ("deadweight_high", "30"),
        ("deadweight_source", "Programme business case, 2025"),
        ("displacement", "10.5"),
        ("leakage", ""),
        ("substitution", "0"),
        ("persistence_year2", "50"),
        ("persistence_year3", "25"),
        ("persistence_source", "Evaluation guide"),
    ];
    let res = stranger.post(&path, &form).await;
    assert!(
        matches!(res.status(), StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        res.status()
    );
    // A bad figure is refused with a translated message, and nothing saved.
    let mut bad = form.to_vec();
    bad[0] = ("deadweight", "120");
    let res = s.client.post(&path, &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Enter a percentage from 0 to 100")
    );
    let res = s.client.post(&path.replace("/en/", "/cy/"), &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Rhowch ganran o 0 i 100")
    );
    let mut upside_down = form.to_vec();
    upside_down[1] = ("deadweight_low", "25");
    let res = s.client.post(&path, &upside_down).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The low value must be no more than the value")
    );
    assert_eq!(count(app, AuditAction::AdditionalityChanged).await, before);

    // The same settings twice: saved once, one event.
    for _ in 0..2 {
        let res = s.client.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            count(app, AuditAction::AdditionalityChanged).await,
            before + 1
        );
    }
    let saved = app.db.additionality_of(s.programme).await.unwrap();
    assert_eq!(saved.deadweight.value, Percent(2000));
    assert_eq!(saved.deadweight.low, Some(Percent(1500)));
    assert_eq!(saved.deadweight.high, Some(Percent(3000)));
    assert_eq!(saved.deadweight.source, "Programme business case, 2025");
    assert_eq!(saved.displacement.value, Percent(1050));
    assert_eq!(saved.leakage.value, Percent(0));
    assert_eq!(
        (saved.persistence_year2, saved.persistence_year3),
        (Percent(5000), Percent(2500))
    );
    let recorded = &events(app, AuditAction::AdditionalityChanged).await[0];
    assert_eq!(recorded.actor_id, Some(s.manager.id));
    assert_eq!(recorded.subject, s.slug);
    assert!(
        recorded.detail.contains(
            "deadweight 0.00%, source \"\" → 20.00% (15.00–30.00%), source \"Programme business case, 2025\""
        ) && recorded.detail.contains("displacement 0.00%, source \"\" → 10.50%, source \"\"")
            && recorded
                .detail
                .contains("persistence year 2 0.00%, year 3 0.00%, source \"\" → year 2 50.00%, year 3 25.00%, source \"Evaluation guide\""),
        "{recorded:?}"
    );
    assert!(!recorded.detail.contains("leakage"), "{recorded:?}");

    // The act itself, with the same settings: nothing new.
    let manager = acting_as(app, &s.manager, Door::Page).await;
    let again =
        ymarfer_app::programmes::set_additionality(&app.state, &manager, s.programme, &saved)
            .await
            .unwrap();
    assert!(!again);
    assert_eq!(
        count(app, AuditAction::AdditionalityChanged).await,
        before + 1
    );
    // The form shows what is saved, in Welsh too.
    let html = s
        .client
        .get(&path.replace("/en/", "/cy/"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Gosodiadau ychwanegedd")
            && html.contains("value=\"20.00\"")
            && html.contains("value=\"15.00\"")
            && html.contains("Programme business case, 2025"),
        "{html}"
    );
}

/// A programme's indicator sets chosen by its manager: refused to a
/// participant, recorded once when sent twice.
pub async fn set_indicator_sets(app: &TestApp) {
    use ymarfer_domain::returns::IndicatorSet;
    let s = setting(app, "setiau-dangosyddion").await;
    let p = app.db.programme_by_id(s.programme).await.unwrap().unwrap();
    let someone = participant(
        app,
        "cyfranogwr.setiau-dangosyddion@example.com",
        s.programme,
        s.cohort,
    )
    .await;
    let before = count(app, AuditAction::IndicatorSetsChanged).await;
    refused(
        ymarfer_app::returns::set_indicator_sets(&app.state, &someone, &p, &[IndicatorSet::Eu])
            .await,
    );
    assert_eq!(count(app, AuditAction::IndicatorSetsChanged).await, before);
    let manager = acting_as(app, &s.manager, Door::Page).await;
    for _ in 0..2 {
        ymarfer_app::returns::set_indicator_sets(&app.state, &manager, &p, &[IndicatorSet::Eu])
            .await
            .unwrap();
    }
    assert_eq!(
        count(app, AuditAction::IndicatorSetsChanged).await,
        before + 1,
        "sent twice, recorded once"
    );
}

/// A fund's own indicator added by the manager: refused to a participant,
/// recorded once when sent twice.
pub async fn add_indicator(app: &TestApp) {
    use ymarfer_domain::returns::EvidenceRule;
    let s = setting(app, "dangosydd").await;
    let p = app.db.programme_by_id(s.programme).await.unwrap().unwrap();
    let someone = participant(
        app,
        "cyfranogwr.dangosydd@example.com",
        s.programme,
        s.cohort,
    )
    .await;
    let input = ymarfer_store::returns::IndicatorInput {
        code: "FUND-01".into(),
        rule: Some(EvidenceRule::Supported),
        hours: None,
        name_en: "Firms supported".into(),
        name_cy: "Cwmnïau a gefnogwyd".into(),
        definition_en: "Firms that took part.".into(),
        definition_cy: "Cwmnïau a gymerodd ran.".into(),
    };
    let before = count(app, AuditAction::IndicatorAdded).await;
    refused(ymarfer_app::returns::add_indicator(&app.state, &someone, &p, &input).await);
    assert_eq!(count(app, AuditAction::IndicatorAdded).await, before);
    let manager = acting_as(app, &s.manager, Door::Page).await;
    assert!(
        ymarfer_app::returns::add_indicator(&app.state, &manager, &p, &input)
            .await
            .unwrap()
    );
    assert!(
        !ymarfer_app::returns::add_indicator(&app.state, &manager, &p, &input)
            .await
            .unwrap()
    );
    assert_eq!(
        count(app, AuditAction::IndicatorAdded).await,
        before + 1,
        "sent twice, recorded once"
    );
}
