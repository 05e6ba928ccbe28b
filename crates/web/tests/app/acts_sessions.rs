//! The acts on a cohort's sessions and their rhythm, walked from their rows in
//! `ymarfer_app::acts::ACTS` (see `acts.rs`): refused to someone who may not,
//! recorded once when sent twice, unchanged the second time, telling whom it
//! concerns, and through the page and the API where the act has both.

use crate::api::{call, token_for};
use crate::support::{TestApp, location};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::json;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::programme::{Attendance, SessionKind};
use ymarfer_domain::space::{CheckIn, NoticeKind};
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::audit::AuditQuery;
use ymarfer_store::programmes::Cohort;
use ymarfer_store::schedule::MeetingInput;
use ymarfer_store::users::User;

async fn events(app: &TestApp, action: AuditAction) -> Vec<ymarfer_store::audit::AuditEvent> {
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

/// A cohort with a manager (signed in at a page), a participant enrolled in
/// it (signed in too) and an observer; `tag` keeps each case's people apart.
struct Cast {
    programme: i64,
    cohort: Cohort,
    base: String,
    manager: User,
    manager_page: crate::support::Client,
    participant: User,
    participant_page: crate::support::Client,
    observer: User,
}

impl Cast {
    async fn new(app: &TestApp, tag: &str) -> Cast {
        let (manager, programme, cohort) =
            crate::support::manager(app, &format!("rheolwr.sesiwn.{tag}@example.com")).await;
        let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
        let cohort = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
        let participant = app
            .user(
                &format!("cyfranogwr.sesiwn.{tag}@example.com"),
                Lang::Cy,
                false,
            )
            .await;
        app.db
            .enrol(programme, cohort.id, participant.id, None, None)
            .await
            .unwrap();
        let observer = app
            .user(
                &format!("sylwedydd.sesiwn.{tag}@example.com"),
                Lang::En,
                false,
            )
            .await;
        app.db
            .grant(
                observer.id,
                Role::Observer,
                Scope::Cohort {
                    programme,
                    cohort: cohort.id,
                },
            )
            .await
            .unwrap();
        let manager_page = app.client();
        manager_page.sign_in(manager.email.as_str()).await;
        let participant_page = app.client();
        participant_page.sign_in(participant.email.as_str()).await;
        Cast {
            base: format!("/en/programmes/{}/cohorts/{}", p.slug, cohort.slug),
            programme,
            cohort,
            manager,
            manager_page,
            participant,
            participant_page,
            observer,
        }
    }

    async fn acting(&self, app: &TestApp, user: &User, door: Door) -> Acting {
        Acting::person(Some(&app.db.actor(user).await.unwrap()), door, "127.0.0.1")
    }

    /// A session of the cohort starting `days` from now.
    async fn session(&self, app: &TestApp, days: i64, title: &str) -> i64 {
        app.db
            .create_meeting(self.cohort.id, &meeting(days, title))
            .await
            .unwrap()
            .id
    }
}

fn meeting(days: i64, title: &str) -> MeetingInput {
    let at = Utc::now() + Duration::days(days);
    MeetingInput {
        title: title.into(),
        kind: SessionKind::Workshop,
        starts_at: at,
        ends_at: at + Duration::hours(2),
        location: "Canolfan, Caernarfon".into(),
        ..Default::default()
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

pub async fn schedule(app: &TestApp) {
    let cast = Cast::new(app, "trefnu").await;
    let by_participant = cast.acting(app, &cast.participant, Door::Page).await;
    refused(
        ymarfer_app::sessions::schedule(
            &app.state,
            &by_participant,
            &cast.cohort,
            &meeting(3, "Mapio"),
        )
        .await,
    );
    let res = cast
        .participant_page
        .post(
            &format!("{}/sessions/new", cast.base),
            &[
                ("title", "Mapio"),
                ("kind", "workshop"),
                ("starts_at", "2026-06-10T10:00"),
                ("ends_at", "2026-06-10T12:30"),
            ],
        )
        .await;
    assert!(
        matches!(res.status(), StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        res.status()
    );
    assert!(events(app, AuditAction::SessionScheduled).await.is_empty());

    // The page, twice: one session, one record.
    let form = [
        ("title", "Mapio prosesau"),
        ("kind", "workshop"),
        ("starts_at", "2026-06-10T10:00"),
        ("ends_at", "2026-06-10T12:30"),
        ("location", "Canolfan, Caernarfon"),
    ];
    let first = cast
        .manager_page
        .post(&format!("{}/sessions/new", cast.base), &form)
        .await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let again = cast
        .manager_page
        .post(&format!("{}/sessions/new", cast.base), &form)
        .await;
    assert_eq!(location(&again), location(&first), "the same session");
    assert_eq!(app.db.meetings_of(cast.cohort.id).await.unwrap().len(), 1);
    let recorded = events(app, AuditAction::SessionScheduled).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].programme_id, Some(cast.programme));
    assert!(
        recorded[0].subject.starts_with("session ") && recorded[0].detail.contains("Caernarfon"),
        "{:?}",
        recorded[0]
    );
    // Told nobody.
    assert!(
        app.db
            .notices(cast.participant.id, 50)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn edit(app: &TestApp) {
    let cast = Cast::new(app, "newid").await;
    let id = cast.session(app, 5, "Profi newid").await;
    let by_observer = cast.acting(app, &cast.observer, Door::Page).await;
    let mut moved = meeting(6, "Profi newid");
    moved.location = "Neuadd y Dref, Bangor".into();
    refused(ymarfer_app::sessions::edit(&app.state, &by_observer, &cast.cohort, id, &moved).await);
    assert!(events(app, AuditAction::SessionChanged).await.is_empty());

    // Through the page: a new place, sent twice.
    let path = format!("{}/sessions/{id}/edit", cast.base);
    let before = app.db.meeting(cast.cohort.id, id).await.unwrap().unwrap();
    let starts = ymarfer_domain::uktime::format_local_input(before.starts_at);
    let ends = ymarfer_domain::uktime::format_local_input(before.ends_at);
    let form = [
        ("title", "Profi newid"),
        ("kind", "workshop"),
        ("starts_at", starts.as_str()),
        ("ends_at", ends.as_str()),
        ("location", "Neuadd y Dref, Bangor"),
    ];
    for _ in 0..2 {
        let res = cast.manager_page.post(&path, &form).await;
        assert_eq!(
            location(&res),
            format!("{}/sessions/{id}?done=saved", cast.base)
        );
    }
    let after = app.db.meeting(cast.cohort.id, id).await.unwrap().unwrap();
    assert_eq!(after.location, "Neuadd y Dref, Bangor");
    assert_eq!(after.sequence, before.sequence + 1, "one revision, not two");
    let recorded = events(app, AuditAction::SessionChanged).await;
    assert_eq!(recorded.len(), 1);
    assert!(
        recorded[0].detail.contains("Caernarfon") && recorded[0].detail.contains("Bangor"),
        "before and after: {:?}",
        recorded[0]
    );
    // The participant is told once, with a link to the session; the manager
    // who changed it is not.
    let notices = app.db.notices(cast.participant.id, 50).await.unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].kind, NoticeKind::SessionChanged);
    let link = notices[0].session_path.clone().unwrap();
    assert!(
        cast.base
            .ends_with(link.split("/sessions/").next().unwrap())
            && link.ends_with(&format!("/sessions/{id}")),
        "{link}"
    );
    let page = cast
        .participant_page
        .get("/en/notices")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("href=\"/en/{link}\"")),
        "the notice leads to the session: {page}"
    );
    assert!(
        app.db
            .notices(cast.manager.id, 50)
            .await
            .unwrap()
            .is_empty()
    );
    // By the participant's email rhythm (daily, unless chosen otherwise), in Welsh.
    ymarfer_app::jobs::email_notices(&app.state, ymarfer_domain::space::NotifyMode::Daily)
        .await
        .unwrap();
    assert!(
        app.outbox()
            .iter()
            .any(|(to, _, body)| to == cast.participant.email.as_str()
                && body.contains("Newidiodd")
                && body.contains(&format!("/cy/{link}"))),
        "{:?}",
        app.outbox()
    );

    // A change of words alone is recorded but tells nobody.
    let mut words = meeting(0, "Profi newid eto");
    (words.starts_at, words.ends_at, words.location) =
        (after.starts_at, after.ends_at, after.location.clone());
    let manager = cast.acting(app, &cast.manager, Door::Page).await;
    let done = ymarfer_app::sessions::edit(&app.state, &manager, &cast.cohort, id, &words)
        .await
        .unwrap();
    assert!(done.changed && done.told == 0, "{done:?}");
    assert_eq!(events(app, AuditAction::SessionChanged).await.len(), 2);
    assert_eq!(
        app.db.notices(cast.participant.id, 50).await.unwrap().len(),
        1
    );
}

pub async fn take_register(app: &TestApp) {
    let cast = Cast::new(app, "cofrestr").await;
    let id = cast.session(app, -1, "Cerdded y becws").await;
    let path = format!("{}/sessions/{id}/attendance", cast.base);
    let by_participant = cast.acting(app, &cast.participant, Door::Page).await;
    let marks = [(cast.participant.id, Attendance::Present)];
    refused(
        ymarfer_app::sessions::take_register(&app.state, &by_participant, &cast.cohort, id, &marks)
            .await,
    );
    let res = cast
        .participant_page
        .post(
            &path,
            &[(&format!("status-{}", cast.participant.id), "present")],
        )
        .await;
    assert!(
        matches!(res.status(), StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        res.status()
    );
    assert!(
        events(app, AuditAction::AttendanceRecorded)
            .await
            .is_empty()
    );

    // Someone not in the cohort: refused, nothing written.
    let res = cast
        .manager_page
        .post(
            &path,
            &[(&format!("status-{}", cast.observer.id), "present")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    // The page, twice: one record, the register as sent.
    let field = format!("status-{}", cast.participant.id);
    for _ in 0..2 {
        let res = cast
            .manager_page
            .post(&path, &[(field.as_str(), "apologies")])
            .await;
        assert_eq!(
            location(&res),
            format!(
                "{}/sessions/{id}?done=attendance#register-heading",
                cast.base
            )
        );
    }
    assert_eq!(
        app.db.register_of(id).await.unwrap(),
        vec![(cast.participant.id, Attendance::Apologies)]
    );
    let recorded = events(app, AuditAction::AttendanceRecorded).await;
    assert_eq!(recorded.len(), 1);
    assert!(
        recorded[0]
            .detail
            .contains("before: 0 present, 0 apologies, 0 absent")
            && recorded[0]
                .detail
                .contains("after: 0 present, 1 apologies, 0 absent"),
        "{:?}",
        recorded[0]
    );

    // The API: the same act, the same strings; twice, one more record.
    let token = token_for(app, cast.manager.id, true, None).await;
    let api_path = format!(
        "/api/v1{}/sessions/{id}/attendance",
        cast.base.trim_start_matches("/en")
    );
    let body = json!({"marks": [{"user_id": cast.participant.id, "status": "present"}]});
    for _ in 0..2 {
        let (status, answer) = call(app, "PUT", &api_path, Some(&token), Some(body.clone())).await;
        assert_eq!(status, 200, "{answer}");
        assert_eq!(
            answer,
            json!([{"user_id": cast.participant.id, "status": "present"}])
        );
    }
    let recorded = events(app, AuditAction::AttendanceRecorded).await;
    assert_eq!(recorded.len(), 2);
    assert!(
        recorded[0].detail.contains(&format!(
            "person {} apologies → present",
            cast.participant.id
        )),
        "{:?}",
        recorded[0]
    );
    let (listed, sessions) = call(
        app,
        "GET",
        &api_path.replace(&format!("/{id}/attendance"), ""),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(listed, 200);
    assert_eq!(sessions[0]["attendance"][0]["status"], "present");
    // A mark that is none of the three is refused at the edge.
    let (status, _) = call(
        app,
        "PUT",
        &api_path,
        Some(&token),
        Some(json!({"marks": [{"user_id": cast.participant.id, "status": "late"}]})),
    )
    .await;
    assert_eq!(status, 400);
    // A read-only token may not keep the register.
    let read_only = token_for(app, cast.manager.id, false, None).await;
    let (status, _) = call(app, "PUT", &api_path, Some(&read_only), Some(body)).await;
    assert_eq!(status, 403);
    assert_eq!(events(app, AuditAction::AttendanceRecorded).await.len(), 2);
    assert!(
        app.db
            .notices(cast.participant.id, 50)
            .await
            .unwrap()
            .is_empty(),
        "nobody told"
    );
}

pub async fn commit(app: &TestApp) {
    let cast = Cast::new(app, "ymrwymo").await;
    let id = cast.session(app, -1, "Mapio").await;
    let path = format!("{}/sessions/{id}/commitments", cast.base);
    let by_observer = cast.acting(app, &cast.observer, Door::Page).await;
    refused(
        ymarfer_app::rhythm::commit(
            &app.state,
            &by_observer,
            &cast.cohort,
            id,
            "Pwyso'r blawd",
            Lang::Cy,
        )
        .await,
    );
    assert!(events(app, AuditAction::CommitmentMade).await.is_empty());
    for _ in 0..2 {
        let res = cast
            .participant_page
            .post(&path, &[("commitment", "Pwyso'r blawd bob bore")])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let mine = app
        .db
        .commitments(cast.cohort.id, cast.participant.id)
        .await
        .unwrap();
    assert_eq!(mine.len(), 1, "one commitment");
    let recorded = events(app, AuditAction::CommitmentMade).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].actor_id, Some(cast.participant.id));
    assert!(
        !recorded[0].subject.contains("blawd") && !recorded[0].detail.contains("blawd"),
        "the trail names the commitment by number only"
    );
    // Other words make another.
    let res = cast
        .participant_page
        .post(&path, &[("commitment", "Cyfrif y gwastraff")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(events(app, AuditAction::CommitmentMade).await.len(), 2);
    // Four sends at once make one.
    let participant = cast.acting(app, &cast.participant, Door::Page).await;
    let once = || {
        ymarfer_app::rhythm::commit(
            &app.state,
            &participant,
            &cast.cohort,
            id,
            "Ar yr un pryd",
            Lang::Cy,
        )
    };
    let (a, b, c, d) = tokio::join!(once(), once(), once(), once());
    let all: Vec<_> = [a, b, c, d]
        .into_iter()
        .map(|r| r.expect("each send answers"))
        .collect();
    assert_eq!(
        all.iter().filter(|m| m.new).count(),
        1,
        "one commitment made"
    );
    assert!(all.iter().all(|m| m.id == all[0].id));
    assert_eq!(events(app, AuditAction::CommitmentMade).await.len(), 3);
}

pub async fn check_in(app: &TestApp) {
    let cast = Cast::new(app, "diweddaru").await;
    let first = cast.session(app, -14, "Mapio").await;
    let next = cast.session(app, -1, "Profi").await;
    let participant = cast.acting(app, &cast.participant, Door::Page).await;
    let made = ymarfer_app::rhythm::commit(
        &app.state,
        &participant,
        &cast.cohort,
        first,
        "Pwyso'r blawd",
        Lang::Cy,
    )
    .await
    .unwrap();
    // Not someone else's.
    let manager = cast.acting(app, &cast.manager, Door::Page).await;
    let other = ymarfer_app::rhythm::check_in(
        &app.state,
        &manager,
        &cast.cohort,
        next,
        made.id,
        CheckIn::Done,
        "",
    )
    .await;
    assert!(
        matches!(other, Err(ymarfer_app::Error::NotFound)),
        "{other:?}"
    );
    let by_observer = cast.acting(app, &cast.observer, Door::Page).await;
    refused(
        ymarfer_app::rhythm::check_in(
            &app.state,
            &by_observer,
            &cast.cohort,
            next,
            made.id,
            CheckIn::Done,
            "",
        )
        .await,
    );
    assert!(
        events(app, AuditAction::CommitmentCheckedIn)
            .await
            .is_empty()
    );
    let path = format!("{}/sessions/{next}/check-in", cast.base);
    let commitment = made.id.to_string();
    for _ in 0..2 {
        let res = cast
            .participant_page
            .post(
                &path,
                &[
                    ("commitment", commitment.as_str()),
                    ("status", "partly"),
                    ("note", "Bob yn ail fore"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let mine = app
        .db
        .commitments(cast.cohort.id, cast.participant.id)
        .await
        .unwrap();
    assert_eq!(mine[0].status(), Some(CheckIn::Partly));
    let recorded = events(app, AuditAction::CommitmentCheckedIn).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].detail, "partly");
}

pub async fn reflect(app: &TestApp) {
    let cast = Cast::new(app, "myfyrio").await;
    let by_observer = cast.acting(app, &cast.observer, Door::Page).await;
    refused(
        ymarfer_app::rhythm::reflect(&app.state, &by_observer, &cast.cohort, "Dysgais", Lang::Cy)
            .await,
    );
    assert!(events(app, AuditAction::ReflectionAdded).await.is_empty());
    let cohort = cast.cohort.id.to_string();
    for _ in 0..2 {
        let res = cast
            .participant_page
            .post(
                "/en/log",
                &[
                    ("reflection", "Dysgais i fesur cyn newid"),
                    ("cohort", cohort.as_str()),
                ],
            )
            .await;
        assert_eq!(location(&res), "/en/log?done=reflected");
    }
    assert_eq!(
        app.db.reflections(cast.participant.id).await.unwrap().len(),
        1
    );
    let recorded = events(app, AuditAction::ReflectionAdded).await;
    assert_eq!(recorded.len(), 1);
    assert!(!recorded[0].subject.contains("Dysgais"));
    // Four sends at once make one.
    let participant = cast.acting(app, &cast.participant, Door::Page).await;
    let once =
        || ymarfer_app::rhythm::reflect(&app.state, &participant, &cast.cohort, "Eto", Lang::Cy);
    let (a, b, c, d) = tokio::join!(once(), once(), once(), once());
    let all: Vec<_> = [a, b, c, d]
        .into_iter()
        .map(|r| r.expect("each send answers"))
        .collect();
    assert_eq!(
        all.iter().filter(|m| m.new).count(),
        1,
        "one reflection made"
    );
    assert!(all.iter().all(|m| m.id == all[0].id));
    assert_eq!(
        app.db.reflections(cast.participant.id).await.unwrap().len(),
        2
    );
    assert!(
        app.db
            .notices(cast.manager.id, 50)
            .await
            .unwrap()
            .is_empty(),
        "private: nobody told"
    );
}

pub async fn share_reflection(app: &TestApp) {
    let cast = Cast::new(app, "rhannu").await;
    let participant = cast.acting(app, &cast.participant, Door::Page).await;
    let made = ymarfer_app::rhythm::reflect(
        &app.state,
        &participant,
        &cast.cohort,
        "Mesur yn gyntaf.",
        Lang::Cy,
    )
    .await
    .unwrap();
    let manager = cast.acting(app, &cast.manager, Door::Page).await;
    let other = ymarfer_app::rhythm::share_reflection(&app.state, &manager, made.id).await;
    assert!(
        matches!(other, Err(ymarfer_app::Error::NotFound)),
        "not someone else's: {other:?}"
    );
    assert!(events(app, AuditAction::ReflectionShared).await.is_empty());
    let path = format!("/en/log/{}/share", made.id);
    let first = cast.participant_page.post(&path, &[]).await;
    let again = cast.participant_page.post(&path, &[]).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&again), location(&first), "the same post");
    assert_eq!(events(app, AuditAction::ReflectionShared).await.len(), 1);
    let items = app
        .db
        .stream(cast.cohort.id, &Default::default(), cast.participant.id)
        .await
        .unwrap()
        .0;
    assert_eq!(items.len(), 1, "one post");
}

/// Making and stopping secret calendar links (both acts, walked together once).
pub async fn calendar_links(app: &TestApp) {
    use ymarfer_app::sessions::{Calendar, make_calendar_link, revoke_calendar_link};
    if !events(app, AuditAction::CalendarLinkMade).await.is_empty() {
        return;
    }
    let cast = Cast::new(app, "calendr").await;
    let by_participant = cast.acting(app, &cast.participant, Door::Page).await;
    refused(make_calendar_link(&app.state, &by_participant, Calendar::Cohort(&cast.cohort)).await);
    let visitor = Acting::person(None, Door::Page, "");
    let signed_out = revoke_calendar_link(&app.state, &visitor).await;
    assert!(
        matches!(signed_out, Err(ymarfer_app::Error::SignIn)),
        "{signed_out:?}"
    );
    assert!(events(app, AuditAction::CalendarLinkMade).await.is_empty());

    // The cohort's link, from its page: recorded without the secret.
    let res = cast
        .manager_page
        .post(&format!("{}/calendar", cast.base), &[])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let secret = html
        .split("/calendar/")
        .nth(1)
        .and_then(|rest| rest.split(".ics").next())
        .unwrap()
        .to_string();
    let recorded = events(app, AuditAction::CalendarLinkMade).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].programme_id, Some(cast.programme));
    assert!(!recorded[0].subject.contains(&secret) && !recorded[0].detail.contains(&secret));
    assert_eq!(
        app.client()
            .get(&format!("/calendar/{secret}.ics"))
            .await
            .status(),
        StatusCode::OK
    );

    // One's own link from the profile, then stopped twice: one record.
    let res = cast
        .participant_page
        .post("/en/profile/calendar", &[])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(events(app, AuditAction::CalendarLinkMade).await.len(), 2);
    for _ in 0..2 {
        let res = cast
            .participant_page
            .post("/en/profile/calendar/revoke", &[])
            .await;
        assert_eq!(location(&res), "/en/profile?done=calendar-revoked");
        assert_eq!(events(app, AuditAction::CalendarLinkRevoked).await.len(), 1);
    }
    // The cohort's link is not the person's to stop.
    assert_eq!(
        app.client()
            .get(&format!("/calendar/{secret}.ics"))
            .await
            .status(),
        StatusCode::OK
    );
}
