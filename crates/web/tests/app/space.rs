//! The cohort space over HTTP: who sees it, posting and comments, shares from a
//! project, structured feedback and requests for it, edits, deletion and
//! restoring, reactions, notices, and refused input.

use crate::on_both;
use crate::support::{Client, TestApp, location, signed_in_with};
use reqwest::StatusCode;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::{Lang, Role, Scope};

/// A programme with two cohorts; two participants of the first (with their
/// firms), one of the second, an observer, a facilitator, and a facilitator of
/// another programme.
struct Space {
    cohort: i64,
    base: String,
    siwan: (i64, Client),
    gareth: (i64, Client),
    facilitator: (i64, Client),
    outsiders: Vec<(&'static str, Client)>,
    siwan_project: i64,
}

async fn named(
    app: &TestApp,
    email: &'static str,
    name: &str,
    role: Role,
    scope: Scope,
) -> (i64, Client) {
    let (user, client) = signed_in_with(app, email, role, scope).await;
    app.db
        .update_profile(user.id, name, Lang::En)
        .await
        .unwrap();
    (user.id, client)
}

async fn participant(
    app: &TestApp,
    programme: i64,
    cohort: i64,
    email: &'static str,
    name: &str,
    firm: &str,
) -> (i64, Client, i64) {
    let user = app.user(email, Lang::En, false).await;
    app.db
        .update_profile(user.id, name, Lang::En)
        .await
        .unwrap();
    let org = Firm::named(firm)
        .area("gwynedd")
        .add(&app.db, programme)
        .await
        .unwrap();
    app.db
        .enrol(programme, cohort, user.id, Some(org.id), None)
        .await
        .unwrap();
    let client = app.client();
    client.sign_in(email).await;
    (user.id, client, org.id)
}

async fn space(app: &TestApp) -> Space {
    let (_, programme, cohort) = crate::support::manager(app, "rheolwr@example.com").await;
    let other = app
        .db
        .create_cohort(
            programme,
            &ymarfer_store::programmes::CohortInput {
                slug: "cohort-2".into(),
                name_en: "Second".into(),
                name_cy: "Ail".into(),
                capacity: 12,
                delivery_mode: ymarfer_domain::programme::DeliveryMode::InPerson,
                region: ymarfer_domain::reference::Region::NorthWales,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (siwan, siwan_client, siwan_org) = participant(
        app,
        programme,
        cohort,
        "siwan@becws.cymru",
        "Siwan Evans",
        "Becws Siwan",
    )
    .await;
    let (gareth, gareth_client, _) = participant(
        app,
        programme,
        cohort,
        "gareth@garej.cymru",
        "Gareth Jones",
        "Garej Gareth",
    )
    .await;
    let (_, elsewhere, _) = participant(
        app,
        programme,
        other.id,
        "nia@fferm.cymru",
        "Nia Other",
        "Fferm Nia",
    )
    .await;
    let in_cohort = Scope::Cohort { programme, cohort };
    let facilitator = named(
        app,
        "hwylusydd@example.com",
        "Hywel Facilitator",
        Role::Facilitator,
        in_cohort,
    )
    .await;
    let (_, observer) = named(
        app,
        "observer@example.com",
        "Olwen Observer",
        Role::Observer,
        in_cohort,
    )
    .await;
    let (_, p2, _) = crate::support::manager(app, "arall@example.com").await;
    let (_, stranger) = named(
        app,
        "stranger@example.com",
        "Steffan Stranger",
        Role::Facilitator,
        Scope::Programme(p2),
    )
    .await;
    let project = crate::support::project(
        app,
        cohort,
        siwan_org,
        "Waiting for flour",
        "testing",
        "private",
    )
    .await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    Space {
        cohort,
        base: format!("/en/programmes/{slug}/cohorts/cohort-1/space"),
        siwan: (siwan, siwan_client),
        gareth: (gareth, gareth_client),
        facilitator,
        outsiders: vec![
            ("participant of another cohort", elsewhere),
            ("observer", observer),
            ("staff of another programme", stranger),
            ("signed-out visitor", app.client()),
        ],
        siwan_project: project.id,
    }
}

/// Turned away: sent to sign in, forbidden, or told it does not exist.
fn refused(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::FORBIDDEN | StatusCode::NOT_FOUND | StatusCode::SEE_OTHER
    )
}

/// The id an answer's `#item-N` names.
fn item_id(res: &reqwest::Response) -> i64 {
    let to = location(res);
    to.rsplit_once("item-")
        .and_then(|(_, id)| id.parse().ok())
        .unwrap_or_else(|| panic!("no item in {to}"))
}

async fn who_sees_the_space(app: TestApp) {
    let s = space(&app).await;
    let res = s
        .siwan
        .1
        .post_multipart(
            &s.base,
            &[
                (
                    "body",
                    "Has anyone tried a kanban card for flour orders? @Gareth Jones and @Nia Other",
                ),
                ("lang", "en"),
            ],
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let post = item_id(&res);
    // Her peer sees it in the stream and on its own page, and was told of the mention.
    let stream = s.gareth.1.get(&s.base).await.text().await.unwrap();
    assert!(stream.contains("kanban card for flour orders"), "{stream}");
    // The fragment htmx polls tells of items newer than the page.
    let fresh = s
        .gareth
        .1
        .get(&format!("{}/new?after=0", s.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(fresh.contains("1 new item – show it"), "{fresh}");
    let none = s
        .gareth
        .1
        .get(&format!("{}/new?after={post}", s.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(!none.contains("new item"), "{none}");
    let page = s.gareth.1.get(&format!("/en/posts/{post}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let notices = s.gareth.1.get("/en/notices").await.text().await.unwrap();
    assert!(notices.contains("Siwan Evans mentioned you"), "{notices}");
    // Naming someone outside the space tells them nothing, in the app or by email.
    let nia = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse("nia@fferm.cymru").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(app.db.notices(nia.id, 10).await.unwrap().is_empty());
    app.db
        .set_notify_mode(nia.id, ymarfer_domain::space::NotifyMode::Immediate)
        .await
        .unwrap();
    ymarfer_app::jobs::email_notices(&app.state, ymarfer_domain::space::NotifyMode::Immediate)
        .await
        .unwrap();
    assert!(
        !app.outbox()
            .iter()
            .any(|(to, _, _)| to == "nia@fferm.cymru"),
        "no email to someone outside the space"
    );
    let comment = s
        .gareth
        .1
        .post(
            &format!("/en/posts/{post}/comments"),
            &[("body", "Yes – we use two bins."), ("lang", "en")],
        )
        .await;
    assert_eq!(comment.status(), StatusCode::SEE_OTHER);
    let comment = item_id(&comment);
    // Nobody outside the cohort sees any of it, by any address.
    for (who, c) in &s.outsiders {
        let stream = c.get(&s.base).await;
        assert!(
            refused(stream.status()),
            "{who} got {} for the stream",
            stream.status()
        );
        for path in [
            format!("/en/posts/{post}"),
            format!("/en/posts/{comment}"),
            format!("/en/posts/{post}/edit"),
            format!("{}/new?after=0", s.base),
        ] {
            let res = c.get(&path).await;
            assert!(
                refused(res.status()),
                "{who} got {} for {path}",
                res.status()
            );
            let body = res.text().await.unwrap();
            assert!(
                !body.contains("kanban") && !body.contains("two bins"),
                "{who} saw it at {path}"
            );
        }
        for path in [
            format!("/en/posts/{post}/comments"),
            format!("/en/posts/{post}/react"),
            format!("/en/posts/{post}/feedback"),
            format!("/en/posts/{post}/delete"),
        ] {
            let res = c
                .post(
                    &path,
                    &[
                        ("body", "intruder"),
                        ("kind", "useful"),
                        ("strong", "intruder"),
                    ],
                )
                .await;
            assert!(
                refused(res.status()) && !location(&res).contains("done="),
                "{who} could post to {path}: {}",
                res.status()
            );
        }
        let notices = c.get("/en/notices").await.text().await.unwrap_or_default();
        assert!(!notices.contains("Siwan Evans"), "{who} was told of it");
    }
    let (items, _) = app
        .db
        .stream(s.cohort, &Default::default(), s.siwan.0)
        .await
        .unwrap();
    assert_eq!(items.len(), 1, "nothing an outsider tried was stored");
    assert_eq!(items[0].comments, 1);
    assert_eq!(items[0].useful, 0);
}

async fn feedback_edits_and_moderation(app: TestApp) {
    let s = space(&app).await;
    let project = s.siwan_project;
    app.db
        .create_cycle(
            project,
            &ymarfer_store::projects::CycleInput {
                change_idea: "Order flour on Mondays".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    // Siwan shares her cycle from her project page, with a note.
    let page = s
        .siwan
        .1
        .get(&format!("/en/projects/{project}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Share with my cohort") && page.contains("value=\"cycle:1\""),
        "{page}"
    );
    let res = s
        .siwan
        .1
        .post(
            &format!("/en/projects/{project}/share"),
            &[("what", "cycle:1"), ("share_note", "What do you think?")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = location(&res);
    let post: i64 = to
        .trim_start_matches("/en/posts/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // Gareth may not share from her project.
    let res = s
        .gareth
        .1
        .post(
            &format!("/en/projects/{project}/share"),
            &[("what", "cycle:1")],
        )
        .await;
    assert!(matches!(
        res.status(),
        StatusCode::NOT_FOUND | StatusCode::FORBIDDEN
    ));
    let stream = s.gareth.1.get(&s.base).await.text().await.unwrap();
    assert!(
        stream.contains("Cycle 1: Order flour on Mondays"),
        "{stream}"
    );
    // The project is private, so her peer is not linked to it.
    assert!(
        !stream.contains(&format!("href=\"/en/projects/{project}")),
        "{stream}"
    );

    // She asks Gareth; he sees the request, and answers it with structured feedback.
    let res = s
        .siwan
        .1
        .post(
            &format!("/en/posts/{post}/ask"),
            &[("peer", &s.gareth.0.to_string())],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/posts/{post}?done=asked#ask-heading")
    );
    let his = s.gareth.1.get(&s.base).await.text().await.unwrap();
    assert!(
        his.contains("Siwan Evans asked for your feedback on “Waiting for flour”"),
        "{his}"
    );
    let empty = s
        .gareth
        .1
        .post(&format!("/en/posts/{post}/feedback"), &[("strong", " ")])
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains("Write at least one of")
    );
    assert!(
        app.db.feedback_on(post).await.unwrap().is_empty(),
        "nothing stored"
    );
    let res = s
        .gareth
        .1
        .post(
            &format!("/en/posts/{post}/feedback"),
            &[
                ("strong", "A clear, small change."),
                ("question", "Who places the order?"),
                ("suggestion", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        app.db
            .open_requests(s.gareth.0, None)
            .await
            .unwrap()
            .is_empty(),
        "request answered"
    );
    let item = s
        .siwan
        .1
        .get(&format!("/en/posts/{post}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(item.contains("Feedback from Gareth Jones") && item.contains("Who places the order?"));
    assert!(item.contains("has given feedback"));
    let notices = s.siwan.1.get("/en/notices").await.text().await.unwrap();
    assert!(
        notices.contains("Gareth Jones gave you feedback"),
        "{notices}"
    );

    // A reaction is given, then taken back.
    s.gareth
        .1
        .post(&format!("/en/posts/{post}/react"), &[("kind", "tried")])
        .await;
    let item = app.db.item(post, Some(s.gareth.0)).await.unwrap().unwrap();
    assert_eq!((item.tried, item.mine_tried), (1, 1));
    s.gareth
        .1
        .post(&format!("/en/posts/{post}/react"), &[("kind", "tried:off")])
        .await;
    assert_eq!(app.db.item(post, None).await.unwrap().unwrap().tried, 0);
    let bad = s
        .gareth
        .1
        .post(&format!("/en/posts/{post}/react"), &[("kind", "love")])
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    // Only the author edits; the earlier words are kept.
    let res = s
        .gareth
        .1
        .post(&format!("/en/posts/{post}/edit"), &[("body", "hijacked")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = s
        .siwan
        .1
        .post(
            &format!("/en/posts/{post}/edit"),
            &[("body", "What do you all think?"), ("lang", "en")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let item = s
        .siwan
        .1
        .get(&format!("/en/posts/{post}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        item.contains("What do you all think?")
            && item.contains("Earlier versions")
            && item.contains("What do you think?")
    );

    // A participant may not delete a peer's item; the facilitator may, and restore it.
    let res = s
        .gareth
        .1
        .post(&format!("/en/posts/{post}/delete"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = s
        .facilitator
        .1
        .post(&format!("/en/posts/{post}/delete"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let stream = s.gareth.1.get(&s.base).await.text().await.unwrap();
    assert!(
        stream.contains("This item was removed.") && !stream.contains("What do you all think?")
    );
    // The facilitator sees who gives and who receives; participants do not.
    let engagement = s.base.replace("/space", "/engagement");
    let page = s.facilitator.1.get(&engagement).await.text().await.unwrap();
    let row = |name: &str| {
        let at = page
            .find(&format!("<td>{name}"))
            .unwrap_or_else(|| panic!("{name}: {page}"));
        page[at..].split("</tr>").next().unwrap().to_string()
    };
    // Siwan shared one item and received one piece of feedback; Gareth gave it.
    assert!(row("Siwan Evans").contains("<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"), "{}", row("Siwan Evans"));
    assert!(row("Gareth Jones").contains("<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">0</td>"), "{}", row("Gareth Jones"));
    assert!(!page.contains("Nia Other"), "another cohort's participant");
    assert_eq!(
        s.gareth.1.get(&engagement).await.status(),
        StatusCode::FORBIDDEN
    );
    let res = s
        .siwan
        .1
        .post(&format!("/en/posts/{post}/restore"), &[])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "only a moderator restores"
    );
    let res = s
        .facilitator
        .1
        .post(&format!("/en/posts/{post}/restore"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        s.gareth
            .1
            .get(&s.base)
            .await
            .text()
            .await
            .unwrap()
            .contains("What do you all think?")
    );
}

async fn markup_is_inert_and_bad_input_refused(app: TestApp) {
    let s = space(&app).await;
    let empty = s
        .siwan
        .1
        .post_multipart(&s.base, &[("body", "   "), ("lang", "en")], None)
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().await.unwrap().contains("error-summary"));
    let long = "x".repeat(5001);
    let res = s
        .siwan
        .1
        .post_multipart(&s.base, &[("body", long.as_str())], None)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (items, _) = app
        .db
        .stream(s.cohort, &Default::default(), 0)
        .await
        .unwrap();
    assert!(items.is_empty(), "nothing stored");
    let res = s
        .siwan
        .1
        .post_multipart(
            &s.base,
            &[("body", "**ok** [go](javascript:alert(3))\n\n<script>alert(1)</script><img src=x onerror=alert(2)>"), ("lang", "cy")], None)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = s.gareth.1.get(&s.base).await.text().await.unwrap();
    assert!(page.contains("<strong>ok</strong>"));
    assert!(
        !page.contains("<script>alert(1)")
            && !page.contains("onerror=")
            && !page.contains("javascript:alert")
    );
    // Written in Welsh, on an English page: marked as such.
    assert!(page.contains("<div class=\"prose\" lang=\"cy\">"), "{page}");
    let cy = s
        .gareth
        .1
        .get(&s.base.replace("/en/", "/cy/"))
        .await
        .text()
        .await
        .unwrap();
    assert!(cy.contains("gofod y garfan") && !cy.contains("<div class=\"prose\" lang=\"cy\">"));
}

async fn commitments_check_ins_and_the_learning_log(app: TestApp) {
    let s = space(&app).await;
    let meeting = |days: i64, title: &str| ymarfer_store::schedule::MeetingInput {
        title: title.into(),
        kind: ymarfer_domain::programme::SessionKind::Workshop,
        starts_at: chrono::Utc::now() + chrono::Duration::days(days),
        ends_at: chrono::Utc::now() + chrono::Duration::days(days) + chrono::Duration::hours(2),
        ..Default::default()
    };
    let first = app
        .db
        .create_meeting(s.cohort, &meeting(-14, "Mapping"))
        .await
        .unwrap()
        .id;
    let next = app
        .db
        .create_meeting(s.cohort, &meeting(7, "Testing"))
        .await
        .unwrap()
        .id;
    let sessions = s.base.trim_end_matches("/space").to_string() + "/sessions";
    // A commitment at a session that has begun; not at one still to come.
    let res = s
        .siwan
        .1
        .post(
            &format!("{sessions}/{first}/commitments"),
            &[("commitment", "Weigh the flour deliveries")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let early = s
        .siwan
        .1
        .post(
            &format!("{sessions}/{next}/commitments"),
            &[("commitment", "Too soon")],
        )
        .await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        early
            .text()
            .await
            .unwrap()
            .contains("This session has not begun yet")
    );
    let (_, observer) = &s.outsiders[1];
    let res = observer
        .post(
            &format!("{sessions}/{first}/commitments"),
            &[("commitment", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let mine = app.db.commitments(s.cohort, s.siwan.0).await.unwrap();
    assert_eq!(mine.len(), 1, "only the one accepted is stored");
    // The next session's page asks her to check in; it asks Gareth nothing.
    let page = s
        .siwan
        .1
        .get(&format!("{sessions}/{next}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("You said: “Weigh the flour deliveries”. How did it go?"),
        "{page}"
    );
    let his = s
        .gareth
        .1
        .get(&format!("{sessions}/{next}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!his.contains("Weigh the flour"));
    let commitment = mine[0].id.to_string();
    let res = s
        .gareth
        .1
        .post(
            &format!("{sessions}/{next}/check-in"),
            &[("commitment", &commitment), ("status", "done")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "not his to check in on"
    );
    let res = s
        .siwan
        .1
        .post(
            &format!("{sessions}/{next}/check-in"),
            &[("commitment", &commitment), ("note", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = s
        .siwan
        .1
        .post(
            &format!("{sessions}/{next}/check-in"),
            &[
                ("commitment", &commitment),
                ("status", "partly"),
                ("note", "Two of three suppliers weighed"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = s
        .siwan
        .1
        .get(&format!("{sessions}/{next}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Already checked in")
            && page.contains("<strong>Partly</strong>: Two of three suppliers weighed")
    );

    // The learning log is hers alone until she shares a reflection.
    let res = s
        .siwan
        .1
        .post(
            "/en/log",
            &[("reflection", "Measure first"), ("cohort", "999")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = s
        .siwan
        .1
        .post(
            "/en/log",
            &[
                ("reflection", "Measuring first changed the argument."),
                ("cohort", &s.cohort.to_string()),
            ],
        )
        .await;
    assert_eq!(location(&res), "/en/log?done=reflected");
    assert!(
        !s.gareth
            .1
            .get(&s.base)
            .await
            .text()
            .await
            .unwrap()
            .contains("Measuring first")
    );
    assert!(
        !s.gareth
            .1
            .get("/en/log")
            .await
            .text()
            .await
            .unwrap()
            .contains("Measuring first")
    );
    let reflection = app.db.reflections(s.siwan.0).await.unwrap()[0].id;
    let res = s
        .gareth
        .1
        .post(&format!("/en/log/{reflection}/share"), &[])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "only its writer shares it"
    );
    let res = s
        .siwan
        .1
        .post(&format!("/en/log/{reflection}/share"), &[])
        .await;
    assert!(location(&res).ends_with("?done=shared"));
    let stream = s.gareth.1.get(&s.base).await.text().await.unwrap();
    assert!(
        stream.contains("Measuring first changed the argument.") && stream.contains("Reflection")
    );
}

/// A small PNG with something drawn on it.
pub fn png() -> Vec<u8> {
    let mut img = image::RgbImage::new(64, 48);
    for (x, _, p) in img.enumerate_pixels_mut() {
        *p = image::Rgb([(x * 4) as u8, 90, 60]);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Every object the store holds, by walking the local folder.
fn stored_files(app: &TestApp) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            walk(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    walk(&app.data_dir.join("attachments"))
}

async fn attachments_are_checked_and_guarded(app: TestApp) {
    let s = space(&app).await;
    // A file whose name lies about what it is, and one over the limit: refused
    // with a clear message, and nothing stored.
    let lying = s
        .siwan
        .1
        .post_file(
            &s.base,
            &[("body", "Our map"), ("lang", "en")],
            "map.jpg",
            b"<html><script>alert(1)</script></html>".to_vec(),
        )
        .await;
    assert_eq!(lying.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = lying.text().await.unwrap();
    assert!(
        page.contains("is not a JPEG, PNG or WebP photo, or a PDF"),
        "{page}"
    );
    assert!(page.contains("Our map"), "what she typed is kept");
    let mut big = png();
    big.resize(10 * 1024 * 1024 + 10, 0);
    let res = s
        .siwan
        .1
        .post_file(&s.base, &[("body", "Big"), ("lang", "en")], "big.png", big)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("larger than 10 MB"));
    let (items, _) = app
        .db
        .stream(s.cohort, &Default::default(), 0)
        .await
        .unwrap();
    assert!(items.is_empty(), "no post stored");
    assert_eq!(stored_files(&app), 0, "no file stored");

    // A photo of the process map, with a filename that tries to be markup.
    let res = s
        .siwan
        .1
        .post_file(
            &s.base,
            &[("body", "Our process map"), ("lang", "en")],
            "<img src=x onerror=alert(1)>.png",
            png(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let post = item_id(&res);
    let files = app.db.attachments_of_posts(&[post]).await.unwrap();
    assert_eq!(files.len(), 1);
    let file = &files[0];
    assert_eq!(
        (file.content_type.as_str(), file.width, file.height),
        ("image/png", Some(64), Some(48))
    );
    assert_eq!(stored_files(&app), 2, "the photo and its thumbnail");
    let stream = s.gareth.1.get(&s.base).await.text().await.unwrap();
    assert!(stream.contains(&format!("src=\"/en/attachments/{}/thumb\"", file.id)));
    assert!(
        !stream.contains("<img src=x")
            && stream.contains("Photo: &#60;img src=x onerror=alert(1)&#62;.png"),
        "{stream}"
    );
    // Described in words, in Welsh, the words are its text alternative,
    // marked as Welsh on the English page; too many words are refused.
    let welsh = s.base.replacen("/en/", "/cy/", 1);
    let long = "gair ".repeat(70);
    let too_long = s
        .siwan
        .1
        .post_file(
            &welsh,
            &[
                ("body", "Ein map"),
                ("lang", "cy"),
                ("file_description", &long),
            ],
            "map.png",
            png(),
        )
        .await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = s
        .siwan
        .1
        .post_file(
            &welsh,
            &[
                ("body", "Ein map"),
                ("lang", "cy"),
                ("file_description", "Map proses ar wal y gweithdy"),
            ],
            "map.png",
            png(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let described = app.db.attachments_of_posts(&[item_id(&res)]).await.unwrap();
    assert_eq!(
        (
            described[0].description.as_str(),
            described[0].description_lang.as_str()
        ),
        ("Map proses ar wal y gweithdy", "cy")
    );
    let stream = s.gareth.1.get(&s.base).await.text().await.unwrap();
    assert!(
        stream.contains("alt=\"Map proses ar wal y gweithdy\" lang=\"cy\""),
        "{stream}"
    );
    let ffrwd = s.gareth.1.get(&welsh).await.text().await.unwrap();
    assert!(
        ffrwd.contains("alt=\"Map proses ar wal y gweithdy\" loading"),
        "{ffrwd}"
    );
    for path in [
        format!("/en/attachments/{}", file.id),
        format!("/en/attachments/{}/thumb", file.id),
    ] {
        let res = s.gareth.1.get(&path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.headers()["content-type"], "image/png");
        assert!(
            res.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("sandbox")
        );
        let bytes = res.bytes().await.unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
        for (who, c) in &s.outsiders {
            let res = c.get(&path).await;
            assert!(
                refused(res.status()),
                "{who} got {} for {path}",
                res.status()
            );
        }
    }
    assert_eq!(
        s.gareth.1.get("/en/attachments/999999").await.status(),
        StatusCode::NOT_FOUND
    );

    // A PDF on a private project: its people and staff see it, a peer does not.
    let project = s.siwan_project;
    let res = s
        .siwan
        .1
        .post_file(
            &format!("/en/projects/{project}/attachments"),
            &[],
            "flow.pdf",
            PDF.to_vec(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let pdf = app.db.project_attachments(project).await.unwrap()[0].id;
    let res = s.facilitator.1.get(&format!("/en/attachments/{pdf}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(
        s.gareth
            .1
            .get(&format!("/en/attachments/{pdf}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let res = s
        .gareth
        .1
        .post_file(
            &format!("/en/projects/{project}/attachments"),
            &[],
            "x.pdf",
            PDF.to_vec(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = s
        .siwan
        .1
        .post_file(
            &format!("/en/projects/{project}/attachments"),
            &[],
            "x.pdf",
            b"MZ\x90\x00 not a pdf".to_vec(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.db.project_attachments(project).await.unwrap().len(), 1);

    // Deleted with its post, a file is hidden from the cohort but not from a moderator.
    s.siwan
        .1
        .post(&format!("/en/posts/{post}/delete"), &[])
        .await;
    let path = format!("/en/attachments/{}", file.id);
    assert_eq!(s.gareth.1.get(&path).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(s.facilitator.1.get(&path).await.status(), StatusCode::OK);
}

/// Attachments round-trip through an S3-compatible server: the one
/// `./scripts/test` starts and names in YMARFER_TEST_S3_BUCKET.
async fn attachments_in_an_s3_bucket(backend: ymarfer_store::Backend) {
    let bucket = std::env::var("YMARFER_TEST_S3_BUCKET").expect(
        "YMARFER_TEST_S3_BUCKET names the S3-compatible test bucket; run the tests with ./scripts/test",
    );
    let Some(app) = TestApp::spawn_with(backend, Some(format!("s3://{bucket}"))).await else {
        panic!("no PostgreSQL for this test: set YMARFER_TEST_POSTGRES_URL or run ./scripts/test");
    };
    let s = space(&app).await;
    let res = s
        .siwan
        .1
        .post_file(
            &s.base,
            &[("body", "In the bucket"), ("lang", "en")],
            "shelf.png",
            png(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let post = item_id(&res);
    let file = app
        .db
        .attachments_of_posts(&[post])
        .await
        .unwrap()
        .remove(0);
    let bytes = s
        .gareth
        .1
        .get(&format!("/en/attachments/{}", file.id))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    assert_eq!(stored_files(&app), 0, "nothing in the local folder");
    // The bytes are in the bucket, under the recorded key.
    use object_store::ObjectStore;
    let bucket = object_store::aws::AmazonS3Builder::from_env()
        .with_bucket_name(&bucket)
        .build()
        .unwrap();
    let raw = bucket
        .get(&object_store::path::Path::from(file.object_key.as_str()))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(raw, bytes);
}

mod s3 {
    #[tokio::test]
    async fn sqlite() {
        super::attachments_in_an_s3_bucket(ymarfer_store::Backend::Sqlite).await;
    }
    #[tokio::test]
    async fn postgres() {
        super::attachments_in_an_s3_bucket(ymarfer_store::Backend::Postgres).await;
    }
}

async fn search_finds_only_what_the_viewer_may_see(app: TestApp) {
    let s = space(&app).await;
    let res = s
        .siwan
        .1
        .post_multipart(
            &s.base,
            &[
                ("body", "Blawd yn hwyr bob dydd Llun, eto."),
                ("lang", "cy"),
            ],
            None,
        )
        .await;
    let post = item_id(&res);
    let res = s
        .gareth
        .1
        .post(
            &format!("/en/posts/{post}/comments"),
            &[
                ("body", "Our flour order arrives late too."),
                ("lang", "en"),
            ],
        )
        .await;
    let comment = item_id(&res);
    let gone = s
        .gareth
        .1
        .post_multipart(
            &s.base,
            &[("body", "Blawd: a post I took back"), ("lang", "cy")],
            None,
        )
        .await;
    let gone = item_id(&gone);
    s.gareth
        .1
        .post(&format!("/en/posts/{gone}/delete"), &[])
        .await;

    let page = s
        .gareth
        .1
        .get("/en/search?q=blawd")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("1 result"), "{page}");
    assert!(page.contains(&format!("href=\"/en/posts/{post}#item-{post}\"")));
    assert!(page.contains("<mark>Blawd</mark> yn hwyr"), "{page}");
    assert!(!page.contains("took back"), "a removed post is not found");
    // Her project is private: her peer's search does not find it; hers does.
    let his = s
        .gareth
        .1
        .get("/en/search?q=flour")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        his.contains(&format!("/en/posts/{post}#item-{comment}")),
        "the comment, in its thread"
    );
    assert!(
        !his.contains(&format!("/en/projects/{}", s.siwan_project)),
        "{his}"
    );
    let hers = s
        .siwan
        .1
        .get("/cy/search?q=flour")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        hers.contains(&format!("/cy/projects/{}", s.siwan_project))
            && hers.contains("Waiting for <mark>flour</mark>"),
        "{hers}"
    );
    // Welsh mutations: a mutated form finds the radical and the reverse.
    let res = s
        .siwan
        .1
        .post_multipart(
            &s.base,
            &[("body", "Mae hasgwrn pysgodyn yn y fara."), ("lang", "cy")],
            None,
        )
        .await;
    let fish = item_id(&res);
    for q in ["asgwrn+pysgodyn", "bara", "hasgwrn", "mara", "Asgwrn"] {
        let found = s
            .gareth
            .1
            .get(&format!("/en/search?q={q}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            found.contains(&format!("/en/posts/{fish}#item-{fish}")),
            "{q}: {found}"
        );
    }
    let found = s
        .gareth
        .1
        .get("/en/search?q=asgwrn+pysgodyn")
        .await
        .text()
        .await
        .unwrap();
    assert!(found.contains("<mark>hasgwrn</mark>"), "{found}");
    assert!(found.contains("1 result"), "{found}");
    for q in ["flawd", "mlawd"] {
        let found = s
            .gareth
            .1
            .get(&format!("/en/search?q={q}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            found.contains(&format!("/en/posts/{post}#item-{post}")),
            "{q} finds Blawd: {found}"
        );
    }
    let none = s
        .gareth
        .1
        .get("/en/search?q=cath")
        .await
        .text()
        .await
        .unwrap();
    assert!(none.contains("0 results"), "{none}");
    for (who, c) in &s.outsiders {
        for q in ["fara", "asgwrn"] {
            let body = c
                .get(&format!("/en/search?q={q}"))
                .await
                .text()
                .await
                .unwrap();
            assert!(!body.contains("/en/posts/"), "{who} found {q}");
        }
        let res = c.get("/en/search?q=blawd").await;
        let body = res.text().await.unwrap();
        assert!(
            !body.contains("hwyr") && !body.contains("/en/posts/"),
            "{who} found it"
        );
    }
    // Whatever is typed is only words: no syntax, no markup.
    for q in [
        "\"blawd",
        "NEAR(blawd hwyr)",
        "blawd*",
        "<script>alert(1)</script>",
        "-",
        "AND OR",
    ] {
        let res = s
            .gareth
            .1
            .get(&format!(
                "/en/search?q={}",
                url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
            ))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{q}");
        assert!(
            !res.text().await.unwrap().contains("<script>alert(1)"),
            "{q}"
        );
    }
}

async fn search_finds_project_parts_for_whoever_may_see_them(app: TestApp) {
    let s = space(&app).await;
    let project = s.siwan_project;
    let siwan = &s.siwan.1;
    for (path, form) in [
        (
            format!("/en/projects/{project}/cycles/new"),
            vec![
                ("change_idea", "Symud y popty"),
                ("prediction", "Llai o aros"),
            ],
        ),
        (
            format!("/en/projects/{project}/tools/five-whys"),
            vec![
                ("problem", "Mae'r archebion yn hwyr"),
                ("why_1", "Parts arrive late"),
                ("root_cause", "Dim trefn stoc"),
            ],
        ),
        (
            format!("/en/projects/{project}/benefits/new"),
            vec![
                ("description", "Llai o wastraff cig"),
                ("category", "labour_time"),
                ("savings_type", "soft"),
                ("frequency", "weekly"),
                ("starts_on", "2026-01-05"),
                ("status", "claimed"),
                ("amount", "12.50"),
            ],
        ),
    ] {
        let res = siwan.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
    }
    // Mutated forms find each part; the private project's parts only by her.
    for (q, href) in [
        ("bopty", format!("/en/projects/{project}/cycles/1")),
        ("threfn", format!("/en/projects/{project}/tools/five-whys")),
        ("nghig", format!("/en/projects/{project}\"")),
    ] {
        let hers = siwan
            .get(&format!("/en/search?q={q}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(hers.contains(&format!("href=\"{href}")), "{q}: {hers}");
        assert!(hers.contains("1 result"), "{q}: {hers}");
        let his = s
            .gareth
            .1
            .get(&format!("/en/search?q={q}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(his.contains("0 results"), "{q}: {his}");
        for (who, c) in &s.outsiders {
            let body = c
                .get(&format!("/en/search?q={q}"))
                .await
                .text()
                .await
                .unwrap();
            assert!(!body.contains("/en/projects/"), "{who} found {q}");
        }
    }
    let cy = siwan
        .get("/cy/search?q=wastraff")
        .await
        .text()
        .await
        .unwrap();
    assert!(cy.contains("Llinell fudd"), "{cy}");
}

async fn the_alumni_space_spans_finished_cohorts(app: TestApp) {
    let (_, programme, running) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let today = chrono::Utc::now().date_naive();
    let mut finished = Vec::new();
    for (slug, weeks) in [("spring", 40), ("autumn", 10)] {
        let c = app
            .db
            .create_cohort(
                programme,
                &ymarfer_store::programmes::CohortInput {
                    slug: slug.into(),
                    name_en: slug.into(),
                    name_cy: slug.into(),
                    starts_on: Some(today - chrono::Duration::weeks(weeks + 16)),
                    ends_on: Some(today - chrono::Duration::weeks(weeks)),
                    capacity: 12,
                    delivery_mode: ymarfer_domain::programme::DeliveryMode::InPerson,
                    region: ymarfer_domain::reference::Region::NorthWales,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        finished.push(c.id);
    }
    let (_, spring, _) = participant(
        &app,
        programme,
        finished[0],
        "a@spring.cymru",
        "Alys Spring",
        "Spring Ltd",
    )
    .await;
    let (_, autumn, _) = participant(
        &app,
        programme,
        finished[1],
        "b@autumn.cymru",
        "Bryn Autumn",
        "Autumn Ltd",
    )
    .await;
    let (_, still, _) = participant(
        &app,
        programme,
        running,
        "c@running.cymru",
        "Cai Running",
        "Running Ltd",
    )
    .await;
    let (_, staff) = named(
        &app,
        "ffion@example.com",
        "Ffion Staff",
        Role::Facilitator,
        Scope::Programme(programme),
    )
    .await;
    let (_, observer) = named(
        &app,
        "obs@example.com",
        "Osian Observer",
        Role::Observer,
        Scope::Programme(programme),
    )
    .await;
    let alumni = format!("/en/programmes/{slug}/alumni");

    let res = spring
        .post_multipart(
            &alumni,
            &[
                (
                    "body",
                    "Still using the kanban cards. Anyone tried them for invoices? @Bryn Autumn",
                ),
                ("lang", "en"),
            ],
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let post = item_id(&res);
    // Alumni of another finished cohort see it, are told of the mention, and answer.
    let page = autumn.get(&alumni).await.text().await.unwrap();
    assert!(
        page.contains("kanban cards") && page.contains("the alumni space"),
        "{page}"
    );
    assert!(
        autumn
            .get("/en/notices")
            .await
            .text()
            .await
            .unwrap()
            .contains("Alys Spring mentioned you")
    );
    let res = autumn
        .post(
            &format!("/en/posts/{post}/comments"),
            &[("body", "Yes: two bins for paperwork."), ("lang", "en")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let thread = autumn
        .get(&format!("/en/posts/{post}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        thread.contains("two bins for paperwork") && thread.contains(&format!("href=\"{alumni}\""))
    );
    // Not in the author's own cohort's stream.
    let (own, _) = app
        .db
        .stream(finished[0], &Default::default(), 0)
        .await
        .unwrap();
    assert!(own.is_empty());
    // A cohort still running, an observer and a visitor see none of it.
    for (who, c) in [
        ("still running", &still),
        ("observer", &observer),
        ("visitor", &app.client()),
    ] {
        for path in [alumni.clone(), format!("/en/posts/{post}")] {
            let res = c.get(&path).await;
            assert!(refused(res.status()), "{who}: {} for {path}", res.status());
            assert!(!res.text().await.unwrap().contains("kanban"), "{who}");
        }
        let res = c
            .post_multipart(&alumni, &[("body", "intruder")], None)
            .await;
        assert!(refused(res.status()), "{who}");
    }
    let res = still.get("/en/search?q=kanban").await.text().await.unwrap();
    assert!(!res.contains("/en/posts/"), "nor by searching");
    // The programme's staff moderate it.
    let res = autumn.post(&format!("/en/posts/{post}/delete"), &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = staff.post(&format!("/en/posts/{post}/delete"), &[]).await;
    assert_eq!(
        crate::support::location(&res),
        format!("{alumni}?done=deleted")
    );
    // Their home leads there once their cohort has finished; not before.
    assert!(
        spring
            .get("/en")
            .await
            .text()
            .await
            .unwrap()
            .contains(&format!("href=\"{alumni}\""))
    );
    assert!(
        !still
            .get("/en")
            .await
            .text()
            .await
            .unwrap()
            .contains(&format!("href=\"{alumni}\""))
    );
}

/// A search with more matches than a page lists them a page at a time, the
/// best first, each match once; a bad page number is a clear refusal.
async fn search_pages_through_many_matches(app: TestApp) {
    let s = space(&app).await;
    for i in 0..45 {
        let body = format!("Crwst rhif {i} wedi llosgi");
        app.db
            .add_item(
                &ymarfer_store::space::NewItem {
                    cohort: s.cohort,
                    parent: None,
                    author: s.siwan.0,
                    kind: ymarfer_domain::space::ItemKind::Post,
                    project: None,
                    tool_id: None,
                    ref_id: None,
                    body: &body,
                    lang: Lang::Cy,
                    alumni: None,
                },
                &[],
            )
            .await
            .unwrap();
    }
    let c = &s.gareth.1;
    let first = c.get("/en/search?q=crwst").await.text().await.unwrap();
    assert!(first.contains("40 results"), "{first}");
    assert!(
        first.contains("href=\"/en/search?q=crwst&#38;page=2\" rel=\"next\""),
        "{first}"
    );
    assert!(!first.contains("rel=\"prev\""));
    let second = c
        .get("/en/search?q=crwst&page=2")
        .await
        .text()
        .await
        .unwrap();
    assert!(second.contains("5 results"), "{second}");
    assert!(
        second.contains("href=\"/en/search?q=crwst&#38;page=1\" rel=\"prev\""),
        "{second}"
    );
    assert!(!second.contains("rel=\"next\""));
    // Each of the 45 once, across the two pages.
    for i in 0..45 {
        let needle = format!("rhif {i} wedi");
        assert_eq!(
            first.matches(&needle).count() + second.matches(&needle).count(),
            1,
            "{needle}"
        );
    }
    // In Welsh, the same pages, named in Welsh.
    let cy = c.get("/cy/search?q=crwst").await.text().await.unwrap();
    assert!(
        cy.contains("aria-label=\"Tudalennau o ganlyniadau\""),
        "{cy}"
    );
    assert!(
        cy.contains("href=\"/cy/search?q=crwst&#38;page=2\" rel=\"next\""),
        "{cy}"
    );
    for bad in ["0", "26", "dau"] {
        let res = c.get(&format!("/en/search?q=crwst&page={bad}")).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
}

on_both! {
    space_search_pages => super::search_pages_through_many_matches;
    space_files => super::attachments_are_checked_and_guarded;
    space_alumni => super::the_alumni_space_spans_finished_cohorts;
    space_search => super::search_finds_only_what_the_viewer_may_see;
    space_search_parts => super::search_finds_project_parts_for_whoever_may_see_them;
    space_rhythm => super::commitments_check_ins_and_the_learning_log;
    space_visibility => super::who_sees_the_space;
    space_feedback => super::feedback_edits_and_moderation;
    space_inert => super::markup_is_inert_and_bad_input_refused;
}
