//! The acts of a cohort space, each walked from its row in the acts table:
//! refused to someone who may not, done once when its form is sent twice,
//! recorded, and telling whom it concerns. The page is the door people use;
//! the act itself is called beside it where the case needs a refusal the page
//! would not offer.

use crate::support::{Client, TestApp, location, signed_in_with};
use reqwest::StatusCode;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::space::{ItemKind, NoticeKind, Reaction};
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::space::NewItem;

/// A cohort with its space: an author and a peer (participants), a
/// facilitator, and a participant of another programme.
struct Space {
    programme: i64,
    cohort: i64,
    base: String,
    author: (i64, Client),
    peer: (i64, Client),
    facilitator: (i64, Client),
    outsider: (i64, Client),
    /// A post by the author.
    post: i64,
}

async fn space(app: &TestApp, tag: &str) -> Space {
    let (_, programme, cohort) =
        crate::support::manager(app, &format!("rheolwr.{tag}@example.com")).await;
    let (_, elsewhere, other) =
        crate::support::manager(app, &format!("arall.{tag}@example.com")).await;
    let _ = elsewhere;
    let in_cohort = Scope::Cohort { programme, cohort };
    let person = |who: &str| format!("{who}.{tag}@example.com");
    let named = |email: String, name: &'static str, role: Role, scope: Scope| async move {
        let (user, client) = signed_in_with(app, &email, role, scope).await;
        app.db
            .update_profile(user.id, name, Lang::En)
            .await
            .unwrap();
        (user.id, client)
    };
    let author = named(person("awdur"), "Alys Awdur", Role::Participant, in_cohort).await;
    let peer = named(
        person("cyfoed"),
        "Bryn Cyfoed",
        Role::Participant,
        in_cohort,
    )
    .await;
    let facilitator = named(
        person("hwylusydd"),
        "Ffion Hwylusydd",
        Role::Facilitator,
        Scope::Programme(programme),
    )
    .await;
    let outsider = named(
        person("dieithryn"),
        "Dai Dieithryn",
        Role::Participant,
        Scope::Cohort {
            programme: elsewhere,
            cohort: other,
        },
    )
    .await;
    let p = app.db.programme_by_id(programme).await.unwrap().unwrap();
    let c = app.db.cohort_by_id(cohort).await.unwrap().unwrap();
    let base = format!("/en/programmes/{}/cohorts/{}/space", p.slug, c.slug);
    let post = app
        .db
        .add_item(
            &NewItem {
                cohort,
                parent: None,
                author: author.0,
                kind: ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body: "We timed the changeover: 40 minutes.",
                lang: Lang::En,
                alumni: None,
            },
            &[],
        )
        .await
        .unwrap();
    Space {
        programme,
        cohort,
        base,
        author,
        peer,
        facilitator,
        outsider,
        post,
    }
}

/// The one-time key the page's form carries.
fn once_in(html: &str) -> String {
    let at = html
        .find("name=\"once\" value=\"")
        .expect("the form carries a one-time key");
    let rest = &html[at + "name=\"once\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

async fn notices_of(app: &TestApp, user: i64, kind: NoticeKind) -> usize {
    app.db
        .notices(user, 50)
        .await
        .unwrap()
        .iter()
        .filter(|n| n.kind == kind)
        .count()
}

/// Walks one act of the space.
pub async fn space_act(app: &TestApp, name: &str) {
    // Each case has people of its own, named after the act.
    let tag = name.trim_start_matches("space::").replace('_', "-");
    match name {
        "space::post_alumni" => post_alumni(app, &tag).await,
        "space::comment" => comment(app, &tag).await,
        "space::edit" => edit(app, &tag).await,
        "space::delete" | "space::restore" => delete_and_restore(app, &tag).await,
        "space::react" => react(app, &tag).await,
        "space::give_feedback" => give_feedback(app, &tag).await,
        "space::ask_feedback" => ask_feedback(app, &tag).await,
        "space::share" => share(app, &tag).await,
        other => panic!("no case for {other}"),
    }
}

/// A post sent twice from one showing of the stream's form makes one post.
pub async fn a_post_sent_twice_is_one_post(app: &TestApp) {
    let s = space(app, "post").await;
    let page = s.peer.1.get(&s.base).await.text().await.unwrap();
    let once = once_in(&page);
    let before = app
        .db
        .stream(s.cohort, &Default::default(), 0)
        .await
        .unwrap()
        .0
        .len();
    for _ in 0..2 {
        let res = s
            .peer
            .1
            .post_multipart(
                &s.base,
                &[
                    ("body", "Trying a kanban board for invoices"),
                    ("lang", "en"),
                    ("once", &once),
                ],
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let after = app
        .db
        .stream(s.cohort, &Default::default(), 0)
        .await
        .unwrap()
        .0;
    assert_eq!(after.len(), before + 1, "one post for one form");
    // A fresh showing of the form posts again.
    let page = s.peer.1.get(&s.base).await.text().await.unwrap();
    assert_ne!(once_in(&page), once, "each showing has its own key");
}

async fn comment(app: &TestApp, tag: &str) {
    let s = space(app, tag).await;
    let path = format!("/en/posts/{}", s.post);
    let page = s.peer.1.get(&path).await.text().await.unwrap();
    let once = once_in(&page);
    let form = [
        ("body", "How did you time it? @Ffion Hwylusydd"),
        ("lang", "en"),
        ("once", once.as_str()),
    ];
    for _ in 0..2 {
        let res = s.peer.1.post(&format!("{path}/comments"), &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(app.db.comments(s.post, 0).await.unwrap().len(), 1);
    // The author hears once, and so does the person named.
    assert_eq!(notices_of(app, s.author.0, NoticeKind::Comment).await, 1);
    assert_eq!(
        notices_of(app, s.facilitator.0, NoticeKind::Mention).await,
        1
    );
    // Someone outside the space cannot comment, by the page or the act.
    let res = s.outsider.1.post(&format!("{path}/comments"), &form).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let refused = ymarfer_app::space::comment(
        &app.state,
        &app.acting(s.outsider.0).await,
        s.post,
        "hello",
        Lang::En,
        None,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::NotFound)),
        "{refused:?}"
    );
    // Too many words are refused by the act itself, whatever the door checked.
    let long = "a".repeat(ymarfer_domain::space::BODY_MAX + 1);
    let refused = ymarfer_app::space::comment(
        &app.state,
        &app.acting(s.peer.0).await,
        s.post,
        &long,
        Lang::En,
        None,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Invalid(_))),
        "{refused:?}"
    );
    assert_eq!(app.db.comments(s.post, 0).await.unwrap().len(), 1);
}

async fn edit(app: &TestApp, tag: &str) {
    let s = space(app, tag).await;
    let path = format!("/en/posts/{}/edit", s.post);
    let form = [
        ("body", "We timed the changeover: 35 minutes."),
        ("lang", "en"),
    ];
    for _ in 0..2 {
        let res = s.author.1.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let item = app.db.item(s.post, None).await.unwrap().unwrap();
    assert_eq!(item.body, "We timed the changeover: 35 minutes.");
    assert_eq!(
        app.db.item_versions(s.post).await.unwrap().len(),
        1,
        "the same words again keep no second version"
    );
    // Only the author edits.
    let res = s
        .peer
        .1
        .post(&path, &[("body", "hijacked"), ("lang", "en")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let refused = ymarfer_app::space::edit(
        &app.state,
        &app.acting(s.peer.0).await,
        s.post,
        "hijacked",
        Lang::En,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Forbidden)),
        "{refused:?}"
    );
}

async fn delete_and_restore(app: &TestApp, tag: &str) {
    let s = space(app, tag).await;
    let delete = format!("/en/posts/{}/delete", s.post);
    let restore = format!("/en/posts/{}/restore", s.post);
    // A peer may neither delete nor restore another's post.
    assert_eq!(
        s.peer.1.post(&delete, &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        s.peer.1.post(&restore, &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    // The facilitator deletes it; sent twice, one event.
    for _ in 0..2 {
        let res = s.facilitator.1.post(&delete, &[]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", location(&res));
    }
    assert!(
        app.db
            .item(s.post, None)
            .await
            .unwrap()
            .unwrap()
            .is_deleted()
    );
    assert_eq!(
        app.trail(s.programme, AuditAction::PostDeleted).await.len(),
        1
    );
    // The author cannot restore it; the facilitator can, once.
    let refused =
        ymarfer_app::space::restore(&app.state, &app.acting(s.author.0).await, s.post).await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::Forbidden)),
        "{refused:?}"
    );
    for _ in 0..2 {
        let res = s.facilitator.1.post(&restore, &[]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    assert!(
        !app.db
            .item(s.post, None)
            .await
            .unwrap()
            .unwrap()
            .is_deleted()
    );
    assert_eq!(
        app.trail(s.programme, AuditAction::PostRestored)
            .await
            .len(),
        1
    );
    // Each is recorded with who, in which programme.
    let trail = app.trail(s.programme, AuditAction::PostDeleted).await;

    assert_eq!(trail[0].actor_id, Some(s.facilitator.0));
    assert_eq!(trail[0].programme_id, Some(s.programme));
}

async fn react(app: &TestApp, tag: &str) {
    let s = space(app, tag).await;
    let path = format!("/en/posts/{}/react", s.post);
    for _ in 0..2 {
        let res = s.peer.1.post(&path, &[("kind", "useful")]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let item = app.db.item(s.post, Some(s.peer.0)).await.unwrap().unwrap();
    assert_eq!((item.useful, item.mine_useful), (1, 1), "given once");
    // The button now takes it back, and says so.
    let page = s
        .peer
        .1
        .get(&format!("/en/posts/{}", s.post))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("value=\"useful:off\""), "{page}");
    for _ in 0..2 {
        s.peer.1.post(&path, &[("kind", "useful:off")]).await;
    }
    assert_eq!(app.db.item(s.post, None).await.unwrap().unwrap().useful, 0);
    assert_eq!(
        s.peer.1.post(&path, &[("kind", "love")]).await.status(),
        StatusCode::BAD_REQUEST
    );
    let refused = ymarfer_app::space::react(
        &app.state,
        &app.acting(s.outsider.0).await,
        s.post,
        Reaction::Useful,
        true,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::NotFound)),
        "{refused:?}"
    );
}

async fn give_feedback(app: &TestApp, tag: &str) {
    let s = space(app, tag).await;
    let path = format!("/en/posts/{}/feedback", s.post);
    let form = [
        ("strong", "Timing it is a good start"),
        ("question", "Who does the changeover?"),
        ("suggestion", ""),
        ("check", "0"),
    ];
    for _ in 0..2 {
        let res = s.peer.1.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(app.db.feedback_on(s.post).await.unwrap().len(), 1);
    assert_eq!(notices_of(app, s.author.0, NoticeKind::Feedback).await, 1);
    // Empty feedback is refused with its message, by the act too.
    let res = s.peer.1.post(&path, &[("strong", " ")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = ymarfer_app::space::give_feedback(
        &app.state,
        &app.acting(s.peer.0).await,
        s.post,
        Default::default(),
    )
    .await;
    assert!(
        matches!(
            refused,
            Err(ymarfer_app::Error::Invalid("feedback-error-empty"))
        ),
        "{refused:?}"
    );
    assert_eq!(
        s.outsider.1.post(&path, &form).await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn ask_feedback(app: &TestApp, tag: &str) {
    let s = space(app, tag).await;
    let path = format!("/en/posts/{}/ask", s.post);
    let peer = s.peer.0.to_string();
    let outsider = s.outsider.0.to_string();
    for _ in 0..2 {
        let res = s
            .author
            .1
            .post(&path, &[("peer", &peer), ("peer", &outsider)])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    // The peer is asked once and told once; someone outside the space is not.
    assert_eq!(
        notices_of(app, s.peer.0, NoticeKind::FeedbackRequest).await,
        1
    );
    assert_eq!(
        notices_of(app, s.outsider.0, NoticeKind::FeedbackRequest).await,
        0
    );
    // Only the author asks.
    let res = s
        .peer
        .1
        .post(&path, &[("peer", &s.author.0.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Asking nobody says so.
    let res = s.author.1.post(&path, &[]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = res.text().await.unwrap();
    assert!(
        text.contains("Choose at least one person to ask."),
        "{text}"
    );
}

async fn post_alumni(app: &TestApp, tag: &str) {
    let s = space(app, tag).await;
    let today = chrono::Utc::now().date_naive();
    let finished = app
        .db
        .create_cohort(
            s.programme,
            &ymarfer_store::programmes::CohortInput {
                slug: "gorffenedig".into(),
                name_en: "Finished".into(),
                name_cy: "Gorffenedig".into(),
                starts_on: Some(today - chrono::Duration::weeks(30)),
                ends_on: Some(today - chrono::Duration::weeks(10)),
                capacity: 12,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (alum, client) = signed_in_with(
        app,
        &format!("cyn.aelod.{tag}@example.com"),
        Role::Participant,
        Scope::Cohort {
            programme: s.programme,
            cohort: finished.id,
        },
    )
    .await;
    let slug = app
        .db
        .programme_by_id(s.programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let alumni = format!("/en/programmes/{slug}/alumni");
    let page = client.get(&alumni).await.text().await.unwrap();
    let once = once_in(&page);
    for _ in 0..2 {
        let res = client
            .post_multipart(
                &alumni,
                &[
                    ("body", "Still using the cards"),
                    ("lang", "en"),
                    ("once", &once),
                ],
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let mine = app
        .db
        .alumni_stream(s.programme, &Default::default(), alum.id)
        .await
        .unwrap()
        .0;
    assert_eq!(
        mine.iter()
            .filter(|i| i.body == "Still using the cards")
            .count(),
        1
    );
    // A participant of a running cohort is not an alumnus.
    let refused = ymarfer_app::space::post_alumni(
        &app.state,
        &app.acting(s.peer.0).await,
        &slug,
        ymarfer_app::space::Words {
            body: "hello",
            lang: Lang::En,
            files: &[],
            once: None,
        },
    )
    .await;
    assert!(refused.is_err(), "{refused:?}");
}

async fn share(app: &TestApp, tag: &str) {
    let s = space(app, tag).await;
    // The author's firm, with a project and a reading of its measure.
    let org = Firm::named(&format!("Becws {tag}"))
        .area("gwynedd")
        .add(&app.db, s.programme)
        .await
        .unwrap();
    app.db
        .enrol(s.programme, s.cohort, s.author.0, Some(org.id), None)
        .await
        .unwrap();
    let project =
        crate::support::project(app, s.cohort, org.id, "Changeovers", "testing", "cohort")
            .await
            .id;
    app.db
        .add_reading(
            project,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            4000,
            "",
            None,
        )
        .await
        .unwrap();
    let path = format!("/en/projects/{project}/share");
    let form = [
        ("what", "reading"),
        ("share_note", "Down from 55 minutes @Bryn Cyfoed"),
    ];
    for _ in 0..2 {
        let res = s.author.1.post(&path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let shared: Vec<_> = app
        .db
        .stream(s.cohort, &Default::default(), 0)
        .await
        .unwrap()
        .0
        .into_iter()
        .filter(|i| i.kind == ItemKind::Reading)
        .collect();
    assert_eq!(shared.len(), 1, "the same reading shared twice is one post");
    assert_eq!(notices_of(app, s.peer.0, NoticeKind::Mention).await, 1);
    // A peer may not share from another's project; nor may someone outside.
    assert_eq!(
        s.peer.1.post(&path, &form).await.status(),
        StatusCode::FORBIDDEN
    );
    let refused = ymarfer_app::space::share(
        &app.state,
        &app.acting(s.outsider.0).await,
        project,
        &ymarfer_app::space::Record::LatestReading,
        "",
        Lang::En,
    )
    .await;
    assert!(
        matches!(refused, Err(ymarfer_app::Error::NotFound)),
        "{refused:?}"
    );
    // A record the project does not have is not found.
    let res = s.author.1.post(&path, &[("what", "cycle:9")]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
