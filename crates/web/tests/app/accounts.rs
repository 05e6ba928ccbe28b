//! Signing in and out, emailed links, resets, invitations, setup, profile.

use crate::on_both;
use crate::support::{PASSWORD, TestApp, location};
use reqwest::StatusCode;
use ymarfer_domain::Lang;
use ymarfer_domain::audit::AuditAction;

async fn events(app: &TestApp, action: AuditAction) -> Vec<ymarfer_store::audit::AuditEvent> {
    app.db
        .audit_events(
            &ymarfer_store::audit::AuditQuery {
                action: Some(action),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap()
}

async fn password_sign_in_and_out(app: TestApp) {
    app.user("owain@example.com", Lang::En, false).await;
    let c = app.client();
    let res = c.get("/en/profile").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/en/sign-in?next=%2Fen%2Fprofile");

    let res = c
        .post(
            "/en/sign-in",
            &[
                ("email", "owain@example.com"),
                ("password", "wrong password!"),
                ("next", "/en/profile"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let html = res.text().await.unwrap();
    assert!(html.contains("The email address or password is not right."));
    assert!(
        html.contains("value=\"owain@example.com\""),
        "the email typed is kept"
    );

    let before = c.csrf().await;
    let res = c
        .post(
            "/en/sign-in",
            &[
                ("email", "OWAIN@example.com"),
                ("password", PASSWORD),
                ("next", "/en/profile"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/en/profile");
    let session_cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("ymarfer_session="))
        .unwrap();
    assert!(session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Lax"));
    assert_ne!(c.csrf().await, before, "a new CSRF token at sign-in");
    let html = c.get("/en/profile").await.text().await.unwrap();
    assert!(html.contains("owain@example.com") && html.contains("You are signed in on 1 device."));

    // An open redirect is not possible.
    let other = app.client();
    let res = other
        .post(
            "/en/sign-in",
            &[
                ("email", "owain@example.com"),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/en");

    let res = c.post("/en/sign-out", &[]).await;
    assert_eq!(location(&res), "/en");
    assert_eq!(c.get("/en/profile").await.status(), StatusCode::SEE_OTHER);
    // The other session is untouched.
    assert_eq!(other.get("/en/profile").await.status(), StatusCode::OK);
}

async fn repeated_failures_are_throttled(app: TestApp) {
    app.user("gwen@example.com", Lang::Cy, false).await;
    let c = app.client();
    for _ in 0..5 {
        let res = c
            .post(
                "/cy/sign-in",
                &[
                    ("email", "gwen@example.com"),
                    ("password", "not the password"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // Even the right password is refused while throttled, with a translated message.
    let res = c
        .post(
            "/cy/sign-in",
            &[("email", "gwen@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Bu gormod o ymgeisiau i fewngofnodi")
    );
    let res = c
        .post(
            "/en/sign-in",
            &[("email", "gwen@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("There have been too many attempts to sign in")
    );
}

async fn emailed_sign_in_link(app: TestApp) {
    app.user("dafydd@example.com", Lang::Cy, false).await;
    let c = app.client();
    let res = c
        .post("/en/sign-in/link", &[("link_email", "nobody@example.com")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(app.outbox().is_empty(), "no email for an unknown address");
    let res = c
        .post("/en/sign-in/link", &[("link_email", "dafydd@example.com")])
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("If dafydd@example.com has an account")
    );
    let mails = app.outbox();
    assert_eq!(mails.len(), 1);
    let (to, subject, body) = &mails[0];
    assert_eq!(to, "dafydd@example.com");
    assert_eq!(
        subject, "Eich dolen mewngofnodi i Ymarfer",
        "in the recipient's language"
    );
    assert!(body.contains("Annwyl Test Person,"));
    let link = app.emailed_link("dafydd@example.com");
    assert!(link.starts_with("/cy/sign-in/link/"));
    // Following the link only shows a button: a mail scanner cannot use it up.
    let res = c.get(&link).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("Parhau i fewngofnodi"));
    let res = c.post(&link, &[]).await;
    assert_eq!(location(&res), "/cy");
    assert_eq!(c.get("/cy/profile").await.status(), StatusCode::OK);
    let signed_in = events(&app, AuditAction::SignIn).await;
    assert_eq!(signed_in.len(), 1, "signing in by a link is recorded");
    assert_eq!(signed_in[0].detail, "link");
    assert_eq!(
        signed_in[0].actor_id,
        app.db
            .user_by_email(&ymarfer_domain::Email::parse("dafydd@example.com").unwrap())
            .await
            .unwrap()
            .map(|u| u.id)
    );
    // Used once, never again.
    let again = app.client();
    assert_eq!(again.get(&link).await.status(), StatusCode::GONE);
    assert_eq!(again.post(&link, &[]).await.status(), StatusCode::GONE);
    assert_eq!(
        again.get("/cy/profile").await.status(),
        StatusCode::SEE_OTHER
    );
    // A bad address is explained, and kept.
    let res = c
        .post("/cy/sign-in/link", &[("link_email", "dim-at")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Rhowch gyfeiriad e-bost yn y fformat cywir")
            && html.contains("value=\"dim-at\"")
    );
}

async fn password_reset_ends_other_sessions(app: TestApp) {
    app.user("eleri@example.com", Lang::En, false).await;
    let elsewhere = app.client();
    elsewhere.sign_in("eleri@example.com").await;
    let c = app.client();
    c.post("/en/reset-password", &[("email", "eleri@example.com")])
        .await;
    let link = app.emailed_link("eleri@example.com");
    assert!(link.starts_with("/en/reset-password/"));
    let (_, subject, _) = app.outbox().pop().unwrap();
    assert_eq!(subject, "Reset your Ymarfer password");
    let res = c
        .post(&link, &[("password", "short"), ("confirm", "short")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("at least 10 characters"));
    let res = c
        .post(
            &link,
            &[
                ("password", "a brand new password"),
                ("confirm", "a different one!!"),
            ],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The two passwords do not match")
    );
    // The form sent from two tabs at once: the link works once.
    let other_tab = app.client();
    let form = [
        ("password", "a brand new password"),
        ("confirm", "a brand new password"),
    ];
    let (first, second) = tokio::join!(c.post(&link, &form), other_tab.post(&link, &form));
    let mut answers = [first.status(), second.status()];
    let c = if answers[0] == StatusCode::SEE_OTHER {
        &c
    } else {
        &other_tab
    };
    answers.sort();
    assert_eq!(answers, [StatusCode::SEE_OTHER, StatusCode::GONE]);
    let changed = events(&app, AuditAction::PasswordChanged).await;
    assert_eq!(changed.len(), 1, "one password set");
    assert!(
        changed[0]
            .detail
            .starts_with("by a reset link: 1 sessions ended"),
        "{}",
        changed[0].detail
    );
    assert_eq!(
        c.get("/en/profile").await.status(),
        StatusCode::OK,
        "signed in after reset"
    );
    assert_eq!(
        elsewhere.get("/en/profile").await.status(),
        StatusCode::SEE_OTHER,
        "other sessions ended"
    );
    assert_eq!(c.get(&link).await.status(), StatusCode::GONE);
    let fresh = app.client();
    let res = fresh
        .post(
            "/en/sign-in",
            &[
                ("email", "eleri@example.com"),
                ("password", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn invitation_in_the_invitees_language(app: TestApp) {
    app.user("admin@example.com", Lang::En, true).await;
    let admin = app.client();
    admin.sign_in("admin@example.com").await;
    let res = admin
        .post(
            "/en/admin/users/invite",
            &[
                ("email", "not an email"),
                ("display_name", "Siân"),
                ("language", "cy"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("value=\"not an email\"") && html.contains("value=\"Siân\""),
        "what was typed is kept"
    );
    let res = admin
        .post(
            "/en/admin/users/invite",
            &[
                ("email", "sian@example.com"),
                ("display_name", "Siân"),
                ("language", "cy"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/en/admin/users?invited=sian%40example.com");
    let html = admin.get(&location(&res)).await.text().await.unwrap();
    assert!(
        html.contains("An invitation has been sent to sian@example.com.")
            && html.contains("Invited")
    );
    let res = admin
        .post(
            "/en/admin/users/invite",
            &[("email", "SIAN@example.com"), ("language", "en")],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Someone already has an account with this email address.")
    );

    let (_, subject, body) = app.outbox().pop().unwrap();
    assert_eq!(subject, "Gwahoddiad i Ymarfer");
    assert!(body.contains("Annwyl Siân,"));
    let link = app.emailed_link("sian@example.com");
    assert!(link.starts_with("/cy/invitation/"));
    let c = app.client();
    let html = c.get(&link).await.text().await.unwrap();
    assert!(html.contains("Derbyn eich gwahoddiad") && html.contains("sian@example.com"));
    let res = c
        .post(
            &link,
            &[
                ("display_name", "Siân Jones"),
                ("password", "bara brith a the"),
                ("confirm", "bara brith a the"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/cy");
    let html = c.get("/cy/profile").await.text().await.unwrap();
    assert!(html.contains("value=\"Siân Jones\""));
}

async fn first_administrator_setup(app: TestApp) {
    let link = ymarfer_app::setup_link_if_needed(&app.state)
        .await
        .unwrap()
        .unwrap();
    let path = link
        .strip_prefix(&format!("http://{}", app.addr))
        .unwrap()
        .to_string();
    let c = app.client();
    let res = c
        .post(
            &path,
            &[
                ("email", "bad"),
                ("display_name", "Rhian"),
                ("password", "a good long password"),
                ("confirm", "a good long password"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = c
        .post(
            &path,
            &[
                ("email", "rhian@example.com"),
                ("display_name", "Rhian"),
                ("password", "a good long password"),
                ("confirm", "a good long password"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/en/admin/users");
    assert_eq!(c.get("/en/admin/users").await.status(), StatusCode::OK);
    assert!(
        ymarfer_app::setup_link_if_needed(&app.state)
            .await
            .unwrap()
            .is_none(),
        "no setup link once an admin exists"
    );
    assert_eq!(app.client().get(&path).await.status(), StatusCode::GONE);
}

async fn profile_and_sessions(app: TestApp) {
    app.user("huw@example.com", Lang::En, false).await;
    let phone = app.client();
    phone.sign_in("huw@example.com").await;
    let c = app.client();
    c.sign_in("huw@example.com").await;
    // A bad form keeps what was typed.
    let long = "n".repeat(101);
    let res = c
        .post(
            "/en/profile",
            &[("display_name", &long), ("language", "cy")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("The name must be 100 characters or fewer.") && html.contains(&long));
    assert!(
        html.contains("value=\"cy\" checked"),
        "the language chosen is kept"
    );
    let res = c
        .post(
            "/en/profile",
            &[("display_name", "Huw Edwards"), ("language", "xx")],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose English or Welsh.")
    );
    // A good one saves, and the profile then speaks the chosen language.
    let res = c
        .post(
            "/en/profile",
            &[("display_name", "Huw ap Dafydd"), ("language", "cy")],
        )
        .await;
    assert_eq!(location(&res), "/cy/profile?done=saved");
    let html = c.get("/cy/profile?done=saved").await.text().await.unwrap();
    assert!(html.contains("Mae eich proffil wedi&#39;i gadw.") && html.contains("Huw ap Dafydd"));
    assert!(html.contains("Rydych wedi mewngofnodi ar 2 ddyfais."));
    // Password change checks the current one.
    let res = c
        .post(
            "/cy/profile/password",
            &[
                ("current", "wrong"),
                ("password", "newer password 1"),
                ("confirm", "newer password 1"),
            ],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Nid yw eich cyfrinair presennol yn gywir.")
    );
    let res = c
        .post(
            "/cy/profile/password",
            &[
                ("current", PASSWORD),
                ("password", "newer password 1"),
                ("confirm", "newer password 1"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/cy/profile?done=password");
    // Sign out everywhere ends the phone's session too.
    let res = c.post("/cy/profile/sign-out-everywhere", &[]).await;
    assert_eq!(location(&res), "/cy/sign-in");
    assert_eq!(
        phone.get("/en/profile").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(c.get("/en/profile").await.status(), StatusCode::SEE_OTHER);
}

/// The administration index lists every administration page, in the
/// navigation of an administrator only; `/admin` finds it.
async fn administration_index(app: TestApp) {
    let me = app.user("gweinyddwr@example.com", Lang::Cy, true).await;
    let other = app.user("arall@example.com", Lang::Cy, false).await;
    let admin = app.client();
    admin.sign_in("gweinyddwr@example.com").await;
    let res = admin.get("/admin").await;
    // Signed in on an English page: the language asked for last.
    assert_eq!(location(&res), "/en/admin");
    let html = admin.get("/cy/admin").await.text().await.unwrap();
    assert!(html.contains("<title>Gweinyddu – Ymarfer</title>"));
    for area in [
        "admin/users",
        "leads/waiting",
        "admin/programmes",
        "admin/jobs",
        "admin/mail",
        "admin/audit",
        "admin/smes",
    ] {
        assert!(
            html.contains(&format!("href=\"/cy/{area}\"")),
            "{area} is listed"
        );
    }
    let home = admin.get("/cy").await.text().await.unwrap();
    assert!(home.contains("href=\"/cy/admin\""), "in the navigation");
    assert!(
        home.contains("Rydych chi&#39;n gofalu am Ymarfer gyfan") && !home.contains("carfan eto"),
        "an administrator's home leads to administration, not to a cohort they lack"
    );
    // The people page offers to erase others, never one's own account.
    let people = admin.get("/cy/admin/users").await.text().await.unwrap();
    assert!(people.contains(&format!("/cy/admin/users/{}/erase", other.id)));
    assert!(!people.contains(&format!("/cy/admin/users/{}/erase", me.id)));
    // Someone who looks after nothing here is refused, and not shown the way.
    app.user("person@example.com", Lang::En, false).await;
    let person = app.client();
    person.sign_in("person@example.com").await;
    assert_eq!(
        person.get("/en/admin").await.status(),
        StatusCode::FORBIDDEN
    );
    let home = person.get("/en").await.text().await.unwrap();
    assert!(!home.contains("href=\"/en/admin\""));
    assert!(
        home.contains("href=\"/en/notices\""),
        "notices are in everyone's navigation"
    );
}

on_both! {
    administration => super::administration_index;
    password_sign_in => super::password_sign_in_and_out;
    throttling => super::repeated_failures_are_throttled;
    sign_in_link => super::emailed_sign_in_link;
    reset => super::password_reset_ends_other_sessions;
    invitation => super::invitation_in_the_invitees_language;
    setup => super::first_administrator_setup;
    profile => super::profile_and_sessions;
}
