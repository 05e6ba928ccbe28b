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
