//! One's own account as an act: the password changed on the profile ends
//! every other session and revokes the person's API tokens, recorded with how
//! many of each; the same form sent again changes nothing.

use crate::api::{call, token_for};
use crate::support::{PASSWORD, TestApp, location};
use reqwest::StatusCode;
use ymarfer_domain::Lang;
use ymarfer_domain::audit::AuditAction;
use ymarfer_store::audit::AuditQuery;

pub async fn change_password(app: &TestApp) {
    let user = app.user("cyfrinair@example.com", Lang::En, false).await;
    let c = app.client();
    c.sign_in("cyfrinair@example.com").await;
    let phone = app.client();
    phone.sign_in("cyfrinair@example.com").await;
    let token = token_for(app, user.id, false, None).await;
    assert_eq!(
        call(app, "GET", "/api/v1/me", Some(&token), None).await.0,
        200
    );
    let form = [
        ("current", PASSWORD),
        ("password", "a newer password 1"),
        ("confirm", "a newer password 1"),
    ];
    let res = c.post("/en/profile/password", &form).await;
    assert_eq!(location(&res), "/en/profile?done=password");
    // Sent again, the current password is no longer right: nothing changes.
    let again = c.post("/en/profile/password", &form).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("Your current password is not right.")
    );
    // The phone is signed out, the token revoked, this device kept.
    assert_eq!(
        phone.get("/en/profile").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(c.get("/en/profile").await.status(), StatusCode::OK);
    assert_eq!(
        call(app, "GET", "/api/v1/me", Some(&token), None).await.0,
        401
    );
    let trail = app
        .db
        .audit_events(
            &AuditQuery {
                action: Some(AuditAction::PasswordChanged),
                actor: Some(user.id),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(
        trail[0].detail,
        "1 other sessions ended, 1 API tokens revoked"
    );
    // A new password that breaks the rules names its field.
    let res = c
        .post(
            "/en/profile/password",
            &[
                ("current", "a newer password 1"),
                ("password", "short"),
                ("confirm", "short"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = ymarfer_app::accounts::change_password(
        &app.state,
        &ymarfer_app::acting::Acting::person(None, ymarfer_app::acting::Door::Page, ""),
        PASSWORD.into(),
        "another password 22".into(),
        "another password 22",
        None,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::SignIn)),
        "{refused:?}"
    );
}

/// One's name and language, the notices marked read and how they come by
/// email: each the same again changes nothing, and each is one's own.
pub async fn profile_and_notices(app: &TestApp, name: &str) {
    let email = format!(
        "proffil.{}@example.com",
        name.replace("::", "-").replace('_', "-")
    );
    let user = app.user(&email, Lang::En, false).await;
    let c = app.client();
    c.sign_in(&email).await;
    let nobody = ymarfer_app::acting::Acting::person(None, ymarfer_app::acting::Door::Page, "");
    match name {
        "accounts::update_profile" => {
            let form = [("display_name", "Huw ap Dafydd"), ("language", "cy")];
            for _ in 0..2 {
                let res = c.post("/en/profile", &form).await;
                assert_eq!(location(&res), "/cy/profile?done=saved");
            }
            let saved = app.db.user_by_id(user.id).await.unwrap().unwrap();
            assert_eq!(
                (saved.display_name.as_str(), saved.lang()),
                ("Huw ap Dafydd", Lang::Cy)
            );
            let res = c
                .post("/cy/profile", &[("display_name", " "), ("language", "cy")])
                .await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert!(res.text().await.unwrap().contains("Rhowch eich enw."));
            let refused =
                ymarfer_app::accounts::update_profile(&app.state, &nobody, "Neb", Lang::En).await;
            assert!(
                matches!(refused, Err(ymarfer_app::Error::SignIn)),
                "{refused:?}"
            );
        }
        "accounts::read_notices" => {
            let acting = app.acting(user.id).await;
            ymarfer_app::accounts::read_notices(&app.state, &acting)
                .await
                .unwrap();
            for _ in 0..2 {
                let res = c.post("/en/notices/read", &[]).await;
                assert_eq!(location(&res), "/en/notices?done=read");
            }
            assert_eq!(app.db.unread_notices(user.id).await.unwrap(), 0);
            let refused = ymarfer_app::accounts::read_notices(&app.state, &nobody).await;
            assert!(
                matches!(refused, Err(ymarfer_app::Error::SignIn)),
                "{refused:?}"
            );
        }
        _ => {
            for _ in 0..2 {
                let res = c.post("/en/profile/notices", &[("mode", "weekly")]).await;
                assert_eq!(res.status(), StatusCode::SEE_OTHER);
            }
            assert_eq!(
                app.db.notify_mode(user.id).await.unwrap(),
                ymarfer_domain::space::NotifyMode::Weekly
            );
            let res = c.post("/en/profile/notices", &[("mode", "hourly")]).await;
            assert_eq!(res.status(), StatusCode::BAD_REQUEST);
            let refused = ymarfer_app::accounts::set_notify_mode(
                &app.state,
                &nobody,
                ymarfer_domain::space::NotifyMode::Off,
            )
            .await;
            assert!(
                matches!(refused, Err(ymarfer_app::Error::SignIn)),
                "{refused:?}"
            );
        }
    }
}

/// A participant's own view of their capability, at the cohort's start:
/// every question on the scale, the same again changing nothing, and only a
/// participant of the cohort answering.
pub async fn answer_capability(app: &TestApp) {
    let (_, programme, cohort) = crate::support::manager(app, "rheolwr.gallu@example.com").await;
    let (user, c) = crate::support::signed_in_with(
        app,
        "gallu@example.com",
        ymarfer_domain::Role::Participant,
        ymarfer_domain::Scope::Cohort { programme, cohort },
    )
    .await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let co = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    let path = format!("/en/programmes/{}/cohorts/{}/capability", p.slug, co.slug);
    let mut form: Vec<(&str, &str)> = ymarfer_domain::capability::QUESTIONS
        .iter()
        .map(|q| (q.id, "3"))
        .collect();
    form.push(("stage", "pre"));
    for _ in 0..2 {
        let res = c.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let answers = app.db.capability_of(cohort).await.unwrap();
    let mine: Vec<_> = answers.iter().filter(|a| a.user_id == user.id).collect();
    assert_eq!(mine.len(), ymarfer_domain::capability::QUESTIONS.len());
    // A score off the scale is refused by the page and by the act.
    let mut bad = form.clone();
    bad[0].1 = "9";
    assert_eq!(
        c.post(&path, &bad).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let refused = ymarfer_app::capability::answer(
        &app.state,
        &app.acting(user.id).await,
        programme,
        cohort,
        ymarfer_domain::capability::Moment::After,
        &[("map_process", 9)],
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Invalid(_))),
        "{refused:?}"
    );
    // The programme's manager is not a participant: refused.
    let manager = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("rheolwr.gallu@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    let refused = ymarfer_app::capability::answer(
        &app.state,
        &app.acting(manager.id).await,
        programme,
        cohort,
        ymarfer_domain::capability::Moment::Before,
        &[],
    )
    .await;
    assert!(
        matches!(
            refused,
            Err(ymarfer_app::Error::Forbidden | ymarfer_app::Error::NotFound)
        ),
        "{refused:?}"
    );
}
