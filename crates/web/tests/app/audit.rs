//! The audit trail: sensitive acts recorded with who, when, what and from where;
//! scoped to a programme for its managers; append-only in the database itself.

use crate::on_both;
use crate::support::{TestApp, location};
use reqwest::StatusCode;
use ymarfer_domain::Lang;
use ymarfer_domain::audit::AuditAction;
use ymarfer_store::audit::AuditQuery;

async fn sensitive_acts_are_recorded(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let (_, other, _) = crate::support::manager(&app, "arall@example.com").await;

    // A refused sign-in and a good one, with the address they came from.
    let c = app.client();
    let res = c
        .post(
            "/en/sign-in",
            &[("email", "rheolwr@example.com"), ("password", "wrong")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    c.sign_in("rheolwr@example.com").await;
    let all = app
        .db
        .audit_events(&AuditQuery::default(), 100, 0)
        .await
        .unwrap();
    let failed = all
        .iter()
        .find(|e| e.action == AuditAction::SignInFailed)
        .expect("the refusal");
    assert_eq!(
        (failed.actor_id, failed.address.as_str()),
        (Some(manager.id), "127.0.0.1")
    );
    assert!(
        all.iter()
            .any(|e| e.action == AuditAction::SignIn && e.actor_id == Some(manager.id))
    );

    // A download and a role granted, in the programme.
    assert_eq!(
        c.get(&format!("/en/programmes/{slug}/reports/impact.xlsx"))
            .await
            .status(),
        StatusCode::OK
    );
    let res = c
        .post(
            &format!("/en/programmes/{slug}/team"),
            &[
                ("email", "sylwedydd@example.com"),
                ("role", "observer"),
                ("language", "cy"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mine = AuditQuery {
        programme: Some(programme),
        ..AuditQuery::default()
    };
    let events = app.db.audit_events(&mine, 100, 0).await.unwrap();
    let actions: Vec<AuditAction> = events.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [AuditAction::RoleGranted, AuditAction::ReportDownloaded]
    );
    assert_eq!(events[0].detail, "observer");

    // The manager reads her programme's trail, filters it, and exports it; the
    // export is itself recorded. Another programme's trail is not hers.
    let html = c
        .get(&format!("/en/programmes/{slug}/audit"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Role granted") && html.contains("Report downloaded"),
        "{html}"
    );
    assert!(
        !html.contains("<td>Signed in</td>"),
        "sign-ins belong to no programme"
    );
    let filtered = c
        .get(&format!("/en/programmes/{slug}/audit?action=role_granted"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        filtered.contains("sylwedydd@example.com")
            && !filtered.contains("<td>Report downloaded</td>")
    );
    let csv = c
        .get(&format!("/en/programmes/{slug}/audit?format=csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("role_granted") && csv.contains("report_downloaded"),
        "{csv}"
    );
    assert!(
        app.db
            .audit_events(&mine, 100, 0)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action == AuditAction::AuditExported)
    );
    let other_slug = app.db.programme_by_id(other).await.unwrap().unwrap().slug;
    assert_eq!(
        c.get(&format!("/en/programmes/{other_slug}/audit"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        c.get("/en/admin/audit").await.status(),
        StatusCode::FORBIDDEN
    );
    // An administrator sees everything.
    app.user("admin@example.com", Lang::En, true).await;
    let a = app.client();
    a.sign_in("admin@example.com").await;
    let html = a.get("/en/admin/audit").await.text().await.unwrap();
    assert!(html.contains("Sign-in refused") && html.contains("Role granted"));
    let _ = (cohort, location);
}

/// Nothing can change or remove a recorded act, not even a direct query.
async fn the_trail_is_append_only(app: TestApp) {
    app.user("x@example.com", Lang::En, false).await;
    let c = app.client();
    c.post(
        "/en/sign-in",
        &[("email", "x@example.com"), ("password", "no")],
    )
    .await;
    assert_eq!(
        app.db
            .audit_events(&AuditQuery::default(), 10, 0)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        app.db
            .execute_unchecked("UPDATE audit_events SET actor = 'someone else'")
            .await
            .is_err()
    );
    assert!(
        app.db
            .execute_unchecked("DELETE FROM audit_events")
            .await
            .is_err()
    );
    let e = &app
        .db
        .audit_events(&AuditQuery::default(), 10, 0)
        .await
        .unwrap()[0];
    assert_eq!(e.actor_email.as_deref(), Some("x@example.com"));
}

on_both! {
    audit_recorded => super::sensitive_acts_are_recorded;
    audit_append_only => super::the_trail_is_append_only;
}
