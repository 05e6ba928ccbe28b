//! The second trust pass's smaller findings, each pinned: an attachment
//! withdraws a public project's approval; a firm is named publicly only with
//! its consent; another programme's record is not found, even to a read-only
//! token asked to change it; a new password ends the person's API tokens; and
//! a state change from another site is refused whatever its CSRF token.

use crate::api::{call, token_for};
use crate::on_both;
use crate::support::{PASSWORD, TestApp, signed_in_with};
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::projects::{ProjectStatus, Visibility};
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::projects::ProjectInput;

fn firm(name: &str) -> Firm {
    Firm::named(name).band(EmployeeBand::Small).area("gwynedd")
}

async fn public_project(app: &TestApp, cohort: i64, org: i64, title: &str, consent: bool) -> i64 {
    let input = ProjectInput {
        title: title.into(),
        business_function: "production".into(),
        status: ProjectStatus::Testing,
        visibility: Visibility::Public,
        case_study_consent: consent,
        ..Default::default()
    };
    app.db
        .create_project(cohort, org, &input, None)
        .await
        .unwrap()
        .id
}

/// Adding a file to a public project, or removing one, is an edit like any
/// other: the approval is withdrawn until a facilitator looks again.
async fn attachments_withdraw_approval(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let org = firm("Becws Bach").add(&app.db, programme).await.unwrap();
    let id = public_project(&app, cohort, org.id, "Waiting for flour", true).await;
    app.db.approve_public(id, Some(manager.id)).await.unwrap();
    let (_, client) = signed_in_with(
        &app,
        "cyfranogwr@example.com",
        Role::Facilitator,
        Scope::Cohort { programme, cohort },
    )
    .await;
    let res = client
        .post_file(
            &format!("/en/projects/{id}/attachments"),
            &[],
            "map.png",
            crate::space::png(),
        )
        .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let project = app.db.project(id).await.unwrap().unwrap();
    assert_eq!(
        project.public_approved_by, None,
        "adding a file withdraws approval"
    );

    app.db.approve_public(id, Some(manager.id)).await.unwrap();
    let file = app.db.project_attachments(id).await.unwrap()[0].id;
    app.db.remove_attachment(file).await.unwrap();
    let project = app.db.project(id).await.unwrap().unwrap();
    assert_eq!(project.public_approved_by, None, "removing one does too");
}

/// The showcase and a public project's page describe a firm that gave no
/// consent to a case study, in both languages; the API does the same.
async fn firms_are_named_publicly_only_with_consent(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let shy = firm("Becws Cudd").add(&app.db, programme).await.unwrap();
    let proud = firm("Garej Balch").add(&app.db, programme).await.unwrap();
    let hidden = public_project(&app, cohort, shy.id, "Loaves nobody buys", false).await;
    let named = public_project(&app, cohort, proud.id, "Parts that wait", true).await;
    for id in [hidden, named] {
        app.db.approve_public(id, Some(manager.id)).await.unwrap();
    }
    let visitor = app.client();
    for (lang, described) in [
        ("en", "A small firm (Manufacturing) in Gwynedd"),
        ("cy", "Cwmni bach (Gweithgynhyrchu) yn ardal Gwynedd"),
    ] {
        let showcase = visitor
            .get(&format!("/{lang}/programmes/{slug}/showcase"))
            .await
            .text()
            .await
            .unwrap();
        assert!(showcase.contains("Loaves nobody buys") && showcase.contains("Parts that wait"));
        assert!(!showcase.contains("Becws Cudd"), "{showcase}");
        assert!(showcase.contains(described), "{showcase}");
        assert!(showcase.contains("Garej Balch"));
        let page = visitor
            .get(&format!("/{lang}/projects/{hidden}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !page.contains("Becws Cudd") && page.contains(described),
            "{page}"
        );
        let page = visitor
            .get(&format!("/{lang}/projects/{named}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Garej Balch"));
    }
    // A token of someone in another programme sees the project as the public does.
    let (other, _) = app
        .db
        .create_programme_with_cohort("arall", "Arall")
        .await
        .unwrap();
    let stranger = app.user("dieithryn@example.com", Lang::Cy, false).await;
    app.db
        .grant(stranger.id, Role::ProgrammeManager, Scope::Programme(other))
        .await
        .unwrap();
    let token = token_for(&app, stranger.id, false, None).await;
    let (status, body) = call(
        &app,
        "GET",
        &format!("/api/v1/projects/{hidden}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["organisation_name"],
        "Cwmni bach (Gweithgynhyrchu) yn ardal Gwynedd"
    );
    let (_, body) = call(
        &app,
        "GET",
        &format!("/api/v1/projects/{named}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(body["organisation_name"], "Garej Balch");
    // The programme's own staff know the firm by name.
    let own = token_for(&app, manager.id, false, None).await;
    let (_, body) = call(
        &app,
        "GET",
        &format!("/api/v1/projects/{hidden}"),
        Some(&own),
        None,
    )
    .await;
    assert_eq!(body["organisation_name"], "Becws Cudd");
}

/// A read-only token asked to change another programme's record answers as
/// if it did not exist, as for reading it; its own programme's, 403.
async fn scope_is_checked_before_write_permission(app: TestApp) {
    let (a, _) = app
        .db
        .create_programme_with_cohort("prog-a", "A")
        .await
        .unwrap();
    let (b, _) = app
        .db
        .create_programme_with_cohort("prog-b", "B")
        .await
        .unwrap();
    let manager = app.user("manager@example.com", Lang::En, false).await;
    app.db
        .grant(manager.id, Role::ProgrammeManager, Scope::Programme(a))
        .await
        .unwrap();
    let admin = app.user("admin@example.com", Lang::En, true).await;
    let lead = |programme| ymarfer_store::health::LeadInput {
        programme_id: Some(programme),
        name: "Someone".into(),
        email: "someone@example.com".into(),
        organisation_name: "A firm".into(),
        ..Default::default()
    };
    let lead_a = app.db.create_lead(&lead(a)).await.unwrap().id;
    let lead_b = app.db.create_lead(&lead(b)).await.unwrap().id;
    let change = serde_json::json!({"status": "closed", "notes": ""});
    for (token, elsewhere) in [
        (token_for(&app, manager.id, false, None).await, "prog-b"),
        (token_for(&app, manager.id, false, Some(a)).await, "prog-b"),
        (token_for(&app, admin.id, false, Some(a)).await, "prog-b"),
    ] {
        let path = format!("/api/v1/programmes/{elsewhere}/leads/{lead_b}");
        assert_eq!(call(&app, "GET", &path, Some(&token), None).await.0, 404);
        assert_eq!(
            call(&app, "PATCH", &path, Some(&token), Some(change.clone()))
                .await
                .0,
            404,
            "another programme's record is not found, even to change"
        );
        let path = format!("/api/v1/programmes/prog-a/leads/{lead_a}");
        assert_eq!(
            call(&app, "PATCH", &path, Some(&token), Some(change.clone()))
                .await
                .0,
            403
        );
    }
}

/// A new password revokes every API token of the person; the profile and the
/// tokens page say so, in both languages.
async fn tokens_end_with_a_password_change(app: TestApp) {
    let (programme, _) = app
        .db
        .create_programme_with_cohort("prog", "P")
        .await
        .unwrap();
    let (user, client) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(programme),
    )
    .await;
    for (lang, said) in [
        ("en", "revokes all your API tokens"),
        ("cy", "yn dirymu pob un"),
    ] {
        let profile = client
            .get(&format!("/{lang}/profile"))
            .await
            .text()
            .await
            .unwrap();
        assert!(profile.contains(said), "{profile}");
    }
    let tokens = client.get("/cy/profile/tokens").await.text().await.unwrap();
    assert!(tokens.contains("pan fyddwch yn newid eich cyfrinair"));
    let token = token_for(&app, user.id, true, None).await;
    assert_eq!(
        call(&app, "GET", "/api/v1/me", Some(&token), None).await.0,
        200
    );
    let res = client
        .post(
            "/en/profile/password",
            &[
                ("current", PASSWORD),
                ("password", "a brand new passphrase for wales"),
                ("confirm", "a brand new passphrase for wales"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        call(&app, "GET", "/api/v1/me", Some(&token), None).await.0,
        401
    );
    let listed = app.db.api_tokens_of(user.id).await.unwrap();
    assert!(listed.iter().all(|t| t.revoked_at.is_some()));
}

/// A state change the browser says came from another site is refused with the
/// translated 403, whatever its token; one with no such headers (a script, an
/// older browser) is judged by its token, as before.
async fn another_site_cannot_change_state(app: TestApp) {
    let (_, client) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(
            app.db
                .create_programme_with_cohort("prog", "P")
                .await
                .unwrap()
                .0,
        ),
    )
    .await;
    let token = client.csrf().await;
    let post = |headers: &[(&str, &str)], name: &'static str| {
        let mut req = client.http.post(app.url("/cy/profile")).form(&[
            ("display_name", name),
            ("language", "cy"),
            ("_csrf", &token),
        ]);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send()
    };
    let ours = app.url("");
    let ours = ours.trim_end_matches('/');
    for headers in [
        &[("origin", "https://evil.example.com")][..],
        &[("sec-fetch-site", "cross-site")][..],
        &[("origin", ours), ("sec-fetch-site", "cross-site")][..],
    ] {
        let res = post(headers, "Forged").await.unwrap();
        assert_eq!(res.status(), 403, "{headers:?}");
        let page = res.text().await.unwrap();
        assert!(page.contains("lang=\"cy\""), "translated: {page}");
    }
    let user = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("manager@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_ne!(user.display_name, "Forged");
    for (headers, name) in [
        (&[][..], "Plain"),
        (
            &[("origin", ours), ("sec-fetch-site", "same-origin")][..],
            "Same origin",
        ),
        (
            &[("origin", "null"), ("sec-fetch-site", "same-origin")][..],
            "Null origin",
        ),
    ] {
        let res = post(headers, name).await.unwrap();
        assert_eq!(res.status(), 303, "{headers:?}");
    }
}

on_both! {
    attachments_withdraw_approval => super::attachments_withdraw_approval;
    firms_are_named_publicly_only_with_consent => super::firms_are_named_publicly_only_with_consent;
    scope_is_checked_before_write_permission => super::scope_is_checked_before_write_permission;
    tokens_end_with_a_password_change => super::tokens_end_with_a_password_change;
    another_site_cannot_change_state => super::another_site_cannot_change_state;
}
