//! Email through a real SMTP server: the one `./scripts/test` starts (aiosmtpd,
//! writing what it receives to a maildir). Invitations, follow-ups and digests
//! arrive in each person's language with the right headers.

use crate::on_both;
use crate::support::TestApp;
use std::time::Duration;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::space::{ItemKind, NoticeKind, NotifyMode};
use ymarfer_domain::{Lang, Role, Scope};

/// Every message the SMTP server received for `to`: (subject, raw text).
async fn received(maildir: &str, to: &str, at_least: usize) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for _ in 0..50 {
        found.clear();
        let dir = std::path::Path::new(maildir).join("new");
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let raw = std::fs::read(entry.path()).unwrap_or_default();
            let Some(msg) = mail_parser::MessageParser::default().parse(&raw) else {
                continue;
            };
            let addressed = msg
                .to()
                .and_then(|a| a.first())
                .and_then(|a| a.address())
                .is_some_and(|a| a == to);
            if addressed {
                found.push((
                    msg.subject().unwrap_or_default().to_string(),
                    String::from_utf8_lossy(&raw).to_string(),
                ));
            }
        }
        if found.len() >= at_least {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    found
}

async fn invitations_followups_and_digests_over_smtp(app: TestApp) {
    let server = std::env::var("YMARFER_TEST_SMTP")
        .expect("YMARFER_TEST_SMTP names the test SMTP server; run the tests with ./scripts/test");
    let maildir = std::env::var("YMARFER_TEST_MAILDIR").expect("YMARFER_TEST_MAILDIR");
    let (host, port) = server.split_once(':').unwrap();
    let config = ymarfer_app::Config::new(
        &app.url(""),
        app.data_dir.clone(),
        "Ymarfer <noreply@example.test>",
        Some(ymarfer_app::SmtpConfig {
            host: host.into(),
            port: port.parse().unwrap(),
            username: None,
            password: None,
            security: ymarfer_app::config::SmtpSecurity::None,
        }),
    )
    .unwrap();
    let smtp = ymarfer_web::AppState::new(app.db.clone(), config).unwrap();
    // Addresses of this run alone: the server is shared by every test.
    let tag = &ymarfer_store::secret::new_secret().0[..10];
    let welsh = format!("siwan-{tag}@example.com");
    let english = format!("gareth-{tag}@example.com");

    // An invitation, in the invitee's language.
    let siwan = app.user(&welsh, Lang::Cy, false).await;
    ymarfer_app::invitations::send_invitation(&smtp, &siwan, None)
        .await
        .unwrap();
    let got = received(&maildir, &welsh, 1).await;
    assert_eq!(got.len(), 1, "the invitation arrived");
    let (subject, raw) = &got[0];
    assert_eq!(subject, "Gwahoddiad i Ymarfer");
    assert!(
        raw.contains("From: Ymarfer <noreply@example.test>"),
        "{raw}"
    );
    // As mail systems expect it, read by a parser other than the library
    // that wrote it.
    let msg = mail_parser::MessageParser::default()
        .parse(raw.as_bytes())
        .unwrap();
    let id = msg.message_id().expect("a Message-ID");
    let host = url::Url::parse(&app.url("")).unwrap();
    assert!(
        id.starts_with("mail-") && id.ends_with(&format!("@{}", host.host_str().unwrap())),
        "{id}"
    );
    assert!(msg.date().is_some(), "a Date");
    let header = |name: &str| {
        msg.header_raw(name)
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(header("MIME-Version"), "1.0");
    assert_eq!(header("Content-Language"), "cy");
    assert_eq!(header("Auto-Submitted"), "auto-generated");
    assert_eq!((msg.text_body_count(), msg.html_body_count()), (1, 1));
    let text = msg.body_text(0).unwrap();
    assert!(text.contains("/cy/invitation/"), "a Welsh link: {text}");
    let html = msg.body_html(0).unwrap();
    assert!(html.contains("<html lang=\"cy\">"), "{html}");
    let link = regex::Regex::new(r#"<a href="(http[^"]+/cy/invitation/[^"]+)">"#)
        .unwrap()
        .captures(&html)
        .unwrap_or_else(|| panic!("the link in the HTML part: {html}"))[1]
        .to_string();
    assert!(text.contains(&link), "the same link in both parts");

    // A follow-up, three months after the cohort ended.
    let (_, programme, cohort) =
        crate::support::manager(&app, &format!("rheolwr-{tag}@example.com")).await;
    let mut c = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    c.ends_on = Some(chrono::Utc::now().date_naive() - chrono::Duration::days(95));
    app.db
        .update_cohort(
            cohort,
            &ymarfer_store::programmes::CohortInput {
                slug: c.slug.clone(),
                name_en: c.name_en.clone(),
                name_cy: c.name_cy.clone(),
                starts_on: None,
                ends_on: c.ends_on,
                capacity: 10,
                delivery_mode: ymarfer_domain::programme::DeliveryMode::Online,
                region: ymarfer_domain::reference::Region::MidWales,
                cost_share_pence: None,
                language: c.language,
            },
        )
        .await
        .unwrap();
    let org = Firm::named("Melin").add(&app.db, programme).await.unwrap();
    app.db
        .enrol(programme, cohort, siwan.id, Some(org.id), None)
        .await
        .unwrap();
    let today = chrono::Utc::now().date_naive();
    let run = ymarfer_app::followups::send_due(&smtp, today)
        .await
        .unwrap();
    assert_eq!((run.sent, run.failed), (1, 0));
    let got = received(&maildir, &welsh, 2).await;
    assert!(
        got.iter().any(|(s, _)| s == "Sut mae eich newid yn mynd?"),
        "the follow-up, in Welsh: {got:?}"
    );

    // A digest, with its one-click unsubscribe.
    let gareth = app.user(&english, Lang::En, false).await;
    app.db
        .grant(
            gareth.id,
            Role::Participant,
            Scope::Cohort { programme, cohort },
        )
        .await
        .unwrap();
    app.db
        .add_item(
            &ymarfer_store::space::NewItem {
                cohort,
                parent: None,
                author: siwan.id,
                kind: ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body: "Diolch",
                lang: Lang::Cy,
                alumni: None,
            },
            &[(gareth.id, NoticeKind::Mention)],
        )
        .await
        .unwrap();
    let sent = ymarfer_app::jobs::email_notices(&smtp, NotifyMode::Daily)
        .await
        .unwrap();
    assert!(
        matches!(sent, ymarfer_app::jobs::Outcome::Emails { sent: 1.., .. }),
        "{sent:?}"
    );
    let got = received(&maildir, &english, 1).await;
    assert_eq!(got.len(), 1, "the digest arrived once");
    let (subject, raw) = &got[0];
    assert_eq!(subject, "Ymarfer: 1 new notice from your cohort");
    assert!(raw.contains("List-Unsubscribe: <http://"), "{raw}");
    assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
}

on_both! {
    smtp_delivery => super::invitations_followups_and_digests_over_smtp;
}
