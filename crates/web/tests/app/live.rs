//! Live sessions, through the pages a facilitator and a room of phones use:
//! start, plan, write in silence, reveal, vote, "I'm done", the timer, and
//! closing, which lands each firm's notes in its own fishbone and the ranked
//! result in the cohort space. Every screen learns of each change from the
//! events stream, on any server.

use crate::on_both;
use crate::support::{Client, TestApp, location};
use reqwest::StatusCode;
use ymarfer_app::fixtures::{Firm, Person, Project};
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::programme::Attendance;
use ymarfer_domain::{Lang, Role, Scope};

/// A programme "byw" whose cohort meets now for two hours, with a
/// facilitator, two firms' participants (one Welsh), an observer and a
/// participant of another cohort.
pub struct Room {
    pub cohort: i64,
    pub session: i64,
    pub firms: [i64; 2],
    pub projects: [i64; 2],
    pub facilitator: i64,
    pub people: [i64; 2],
}

pub async fn room(app: &TestApp) -> Room {
    let hash = ymarfer_app::passwords::hash(crate::support::PASSWORD.into())
        .await
        .unwrap();
    let (programme, cohort) = app
        .db
        .create_programme_with_cohort("byw", "Byw")
        .await
        .unwrap();
    let (_, other_cohort) = app
        .db
        .create_programme_with_cohort("arall", "Arall")
        .await
        .unwrap();
    let person = |email: &str, name: &str, lang: Lang| {
        let hash = hash.clone();
        let (email, name) = (email.to_string(), name.to_string());
        async move {
            Person::new(&email)
                .name(&name)
                .language(lang)
                .add(&app.db, &hash)
                .await
                .unwrap()
        }
    };
    let facilitator = person("hwylusydd@example.com", "Ffion Facilitator", Lang::En).await;
    app.db
        .grant(
            facilitator.id,
            Role::Facilitator,
            Scope::Cohort { programme, cohort },
        )
        .await
        .unwrap();
    let observer = person("observer@example.com", "Owen Observer", Lang::En).await;
    app.db
        .grant(observer.id, Role::Observer, Scope::Programme(programme))
        .await
        .unwrap();
    let stranger = person("stranger@example.com", "Sam Stranger", Lang::En).await;
    app.db
        .grant(
            stranger.id,
            Role::Participant,
            Scope::Cohort {
                programme: programme + 1,
                cohort: other_cohort,
            },
        )
        .await
        .unwrap();
    let mut firms = [0; 2];
    let mut projects = [0; 2];
    let mut people = [0; 2];
    for (i, (email, name, lang, firm)) in [
        ("alys@example.com", "Alys Baker", Lang::En, "Bakery One"),
        ("bryn@example.com", "Bryn Pobydd", Lang::Cy, "Becws Dau"),
    ]
    .into_iter()
    .enumerate()
    {
        let user = person(email, name, lang).await;
        let org = Firm::named(firm).add(&app.db, programme).await.unwrap();
        app.db
            .enrol(programme, cohort, user.id, Some(org.id), None)
            .await
            .unwrap();
        let project = Project::titled(&format!("{firm}: late deliveries"))
            .problem("Deliveries arrive late")
            .add(&app.db, cohort, org.id, None)
            .await
            .unwrap();
        firms[i] = org.id;
        projects[i] = project.id;
        people[i] = user.id;
    }
    let start = chrono::Utc::now() - chrono::Duration::minutes(10);
    let session = app
        .db
        .create_meeting(
            cohort,
            &ymarfer_store::schedule::MeetingInput {
                title: "Workshop 3: causes".into(),
                starts_at: start,
                ends_at: start + chrono::Duration::hours(2),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    Room {
        cohort,
        session,
        firms,
        projects,
        facilitator: facilitator.id,
        people,
    }
}

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    c.sign_in(email).await;
    c
}

/// The join code a start redirected to.
fn code_of(location: &str) -> String {
    location
        .trim_start_matches("/en/live/")
        .trim_end_matches("/screen")
        .to_string()
}

/// Starts the room's live session and plans a fishbone brainstorm; the code.
pub async fn started(app: &TestApp, r: &Room, f: &Client) -> String {
    let res = f
        .post(
            &format!(
                "/en/programmes/byw/cohorts/cohort-1/sessions/{}/live",
                r.session
            ),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let code = code_of(&location(&res));
    assert_eq!(code.len(), 6, "{code}");
    let res = f
        .post(
            &format!("/en/live/{code}/plan"),
            &[
                ("tool", "fishbone"),
                ("prompt", "Why are deliveries late?"),
                ("votes", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let _ = app;
    code
}

async fn a_room_writes_reveals_votes_and_lands_in_each_firms_fishbone(app: TestApp) {
    let r = room(&app).await;
    let f = signed_in(&app, "hwylusydd@example.com").await;
    let code = started(&app, &r, &f).await;
    // Started again, the same room; planned again, the same activity.
    let res = f
        .post(
            &format!(
                "/en/programmes/byw/cohorts/cohort-1/sessions/{}/live",
                r.session
            ),
            &[],
        )
        .await;
    assert_eq!(code_of(&location(&res)), code);
    f.post(
        &format!("/en/live/{code}/plan"),
        &[
            ("tool", "fishbone"),
            ("prompt", "Why are deliveries late?"),
            ("votes", "1"),
        ],
    )
    .await;
    let live = app.db.live_by_code(&code).await.unwrap().unwrap();
    let activities = app.db.live_activities(live.id).await.unwrap();
    assert_eq!(activities.len(), 1);
    let activity = activities[0].id.to_string();
    // A tool with no headings cannot be brainstormed onto; refused, said why.
    let res = f
        .post(
            &format!("/en/live/{code}/plan"),
            &[("tool", "five-whys"), ("prompt", ""), ("votes", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose a tool with headings to write under")
    );

    // The session page leads to the room; the projector view shows the code and its QR.
    let session_page = f
        .get(&format!(
            "/en/programmes/byw/cohorts/cohort-1/sessions/{}",
            r.session
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(session_page.contains(&format!("/en/live/{code}")));
    let screen = f
        .get(&format!("/en/live/{code}/screen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(screen.contains(&code));
    let qr = f.get(&format!("/en/live/{code}/qr.svg")).await;
    assert_eq!(qr.headers()["content-type"], "image/svg+xml");
    assert!(qr.text().await.unwrap().contains("<svg"));

    // Opened for writing.
    let res = f
        .post(
            &format!("/en/live/{code}/advance"),
            &[("activity", &activity), ("from", "ready")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // The phones join (marked present once), by code from the join page too.
    let a = signed_in(&app, "alys@example.com").await;
    let b = signed_in(&app, "bryn@example.com").await;
    let res = a
        .get(&format!("/en/live?code={}", code.to_lowercase()))
        .await;
    assert_eq!(location(&res), format!("/en/live/{code}"));
    let res = a.get("/en/live?code=XXXXXX").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    for (c, lang) in [(&a, "en"), (&b, "cy")] {
        for _ in 0..2 {
            let res = c.post(&format!("/{lang}/live/{code}/join"), &[]).await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
        }
    }
    let register = app.db.register_of(r.session).await.unwrap();
    assert_eq!(
        register,
        vec![
            (r.people[0], Attendance::Present),
            (r.people[1], Attendance::Present)
        ]
    );

    // Notes: sent twice with one key is one note; an empty one is refused, kept.
    for _ in 0..2 {
        let res = a
            .post(
                &format!("/en/live/{code}/notes"),
                &[
                    ("heading", "people"),
                    ("body", "Only one driver knows the routes"),
                    ("key", "alys-1"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let res = a
        .post(
            &format!("/en/live/{code}/notes"),
            &[("heading", "people"), ("body", " "), ("key", "alys-2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = b
        .post(
            &format!("/cy/live/{code}/notes"),
            &[
                ("heading", "method"),
                ("body", "Dim taflen daith ysgrifenedig"),
                ("key", "bryn-1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let notes = app.db.live_notes(activities[0].id).await.unwrap();
    assert_eq!(notes.len(), 2);

    // Silent: each phone sees its own note only; the projector only a count.
    let phone = a
        .get(&format!("/en/live/{code}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(phone.contains("Only one driver knows the routes"));
    assert!(!phone.contains("Dim taflen daith"), "{phone}");
    let screen = f
        .get(&format!("/en/live/{code}/screen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(screen.contains("2 notes written so far"), "{screen}");

    // Revealed: everyone's notes, each marked with the language it was written in.
    f.post(
        &format!("/en/live/{code}/advance"),
        &[("activity", &activity), ("from", "writing")],
    )
    .await;
    let phone = a
        .get(&format!("/en/live/{code}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        phone.contains("<span lang=\"cy\">Dim taflen daith ysgrifenedig</span>"),
        "{phone}"
    );
    // Writing has closed.
    let res = a
        .post(
            &format!("/en/live/{code}/notes"),
            &[
                ("heading", "people"),
                ("body", "Too late"),
                ("key", "alys-3"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The vote: one each. Voting twice for a note is one vote; another
    // note, with none left, is refused and said so.
    f.post(
        &format!("/en/live/{code}/advance"),
        &[("activity", &activity), ("from", "revealed")],
    )
    .await;
    let (alys_note, bryn_note) = (notes[0].id.to_string(), notes[1].id.to_string());
    for note in [&bryn_note, &bryn_note] {
        let res = a
            .post(
                &format!("/en/live/{code}/votes"),
                &[("note", note), ("on", "1")],
            )
            .await;
        assert_eq!(location(&res), format!("/en/live/{code}#board"));
    }
    let res = a
        .post(
            &format!("/en/live/{code}/votes"),
            &[("note", &alys_note), ("on", "1")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/live/{code}?done=live-no-votes#board")
    );
    let res = b
        .post(
            &format!("/cy/live/{code}/votes"),
            &[("note", &bryn_note), ("on", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let notes = app.db.live_notes(activities[0].id).await.unwrap();
    assert_eq!((notes[0].votes, notes[1].votes), (0, 2));
    let phone = a
        .get(&format!("/en/live/{code}?done=live-no-votes"))
        .await
        .text()
        .await
        .unwrap();
    assert!(phone.contains("You have spent all your votes"), "{phone}");
    assert!(phone.contains("You have 0 votes left."), "{phone}");

    // "I'm done", twice, counts once; the timer shows on every screen.
    for _ in 0..2 {
        a.post(&format!("/en/live/{code}/done"), &[]).await;
    }
    f.post(
        &format!("/en/live/{code}/timer"),
        &[("activity", &activity), ("minutes", "5")],
    )
    .await;
    let screen = f
        .get(&format!("/en/live/{code}/screen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(screen.contains("2 joined · 1 finished"), "{screen}");
    assert!(screen.contains("Time is up at"), "{screen}");
    let res = f
        .post(
            &format!("/en/live/{code}/timer"),
            &[("activity", &activity), ("minutes", "600")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Closed, twice: landed once. Each firm's fishbone has its own note.
    for _ in 0..2 {
        let res = f
            .post(
                &format!("/en/live/{code}/advance"),
                &[("activity", &activity), ("from", "voting")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    for (project, mine, theirs) in [
        (
            r.projects[0],
            "Only one driver knows the routes",
            "Dim taflen",
        ),
        (
            r.projects[1],
            "Dim taflen daith ysgrifenedig",
            "Only one driver",
        ),
    ] {
        let apps = app.db.applications(project).await.unwrap();
        assert_eq!(apps.len(), 1, "one new version");
        assert_eq!(apps[0].tool_id, "fishbone");
        assert!(apps[0].data.contains(mine), "{}", apps[0].data);
        assert!(!apps[0].data.contains(theirs), "{}", apps[0].data);
        assert!(apps[0].data.contains("Deliveries arrive late"));
    }
    let landed = app
        .trail(
            app.db
                .cohort_by_id(r.cohort)
                .await
                .unwrap()
                .unwrap()
                .programme_id,
            AuditAction::LiveLanded,
        )
        .await;
    assert_eq!(landed.len(), 1);
    // The cohort space has the ranked result: the most voted first.
    let space = a
        .get("/en/programmes/byw/cohorts/cohort-1/space")
        .await
        .text()
        .await
        .unwrap();
    let first = space
        .find("Dim taflen daith ysgrifenedig")
        .expect("ranked first");
    let second = space
        .find("Only one driver knows the routes")
        .expect("ranked second");
    assert!(first < second, "{space}");
    let _ = r.firms;
    let _ = r.facilitator;
}

async fn only_the_cohort_joins_and_the_room_is_told_of_each_change(app: TestApp) {
    let r = room(&app).await;
    let f = signed_in(&app, "hwylusydd@example.com").await;
    let code = started(&app, &r, &f).await;
    // Someone of another cohort cannot tell the room exists; an observer may
    // watch but not join; signed out, sign in first.
    let s = signed_in(&app, "stranger@example.com").await;
    assert_eq!(
        s.get(&format!("/en/live/{code}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.post(&format!("/en/live/{code}/join"), &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    let o = signed_in(&app, "observer@example.com").await;
    assert_eq!(
        o.get(&format!("/en/live/{code}/screen")).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        o.post(&format!("/en/live/{code}/join"), &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let anon = app.client();
    let res = anon.get(&format!("/en/live/{code}")).await;
    assert!(location(&res).contains("sign-in"), "{}", location(&res));
    // A participant may not run the room.
    let a = signed_in(&app, "alys@example.com").await;
    let live = app.db.live_by_code(&code).await.unwrap().unwrap();
    let activity = app.db.live_activities(live.id).await.unwrap()[0]
        .id
        .to_string();
    assert_eq!(
        a.post(
            &format!("/en/live/{code}/advance"),
            &[("activity", &activity), ("from", "ready")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );

    // A screen on a second server hears of a change made through the first.
    let (_, second) = app.second_server(|c| c).await;
    let cookie = format!(
        "ymarfer_session={}",
        f.cookie("ymarfer_session").expect("session cookie")
    );
    let mut stream = reqwest::Client::new()
        .get(format!("{second}/en/live/{code}/events"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    let first = tokio::time::timeout(std::time::Duration::from_secs(10), stream.chunk())
        .await
        .expect("the current version at once")
        .unwrap()
        .unwrap();
    let first = String::from_utf8_lossy(&first).to_string();
    assert!(
        first.contains(&format!("data: {}", live.version)),
        "{first}"
    );
    let res = f
        .post(
            &format!("/en/live/{code}/advance"),
            &[("activity", &activity), ("from", "ready")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let moved = app.db.live_version(live.id).await.unwrap().unwrap();
    assert!(moved > live.version);
    // Keep-alive comments may come first; the new version comes within seconds.
    let mut seen = String::new();
    let heard = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        while let Some(chunk) = stream.chunk().await.unwrap() {
            seen.push_str(&String::from_utf8_lossy(&chunk));
            if seen.contains(&format!("data: {moved}")) {
                return true;
            }
        }
        false
    })
    .await;
    assert_eq!(heard, Ok(true), "{seen}");

    // A session that has ended cannot start a live room.
    let start = chrono::Utc::now() - chrono::Duration::hours(3);
    let past = app
        .db
        .create_meeting(
            r.cohort,
            &ymarfer_store::schedule::MeetingInput {
                title: "Workshop 1".into(),
                starts_at: start,
                ends_at: start + chrono::Duration::hours(2),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let res = f
        .post(
            &format!(
                "/en/programmes/byw/cohorts/cohort-1/sessions/{}/live",
                past.id
            ),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(app.db.live_of_session(past.id).await.unwrap().is_none());
}

/// A page as a person sees it, kept to check as HTML.
async fn seen(c: &Client, path: &str, pages: &mut Vec<(String, String)>) -> String {
    let res = c.get(path).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let html = res.text().await.unwrap();
    pages.push((path.to_string(), html.clone()));
    html
}

/// The id of the last activity of a room's running order.
async fn last_activity(app: &TestApp, code: &str) -> String {
    let live = app.db.live_by_code(code).await.unwrap().unwrap();
    app.db
        .live_activities(live.id)
        .await
        .unwrap()
        .last()
        .unwrap()
        .id
        .to_string()
}

async fn a_poll_and_a_round_of_the_room_land_in_the_cohort_space(app: TestApp) {
    let r = room(&app).await;
    let f = signed_in(&app, "hwylusydd@example.com").await;
    let code = started(&app, &r, &f).await;
    let a = signed_in(&app, "alys@example.com").await;
    let b = signed_in(&app, "bryn@example.com").await;
    for c in [&a, &b] {
        c.post(&format!("/en/live/{code}/join"), &[]).await;
    }
    let mut pages = Vec::new();
    let prepare = format!("/en/live/{code}/prepare");

    // A poll needs its question and from two to ten options; refused, said
    // why and kept as typed.
    let res = f
        .post(
            &prepare,
            &[
                ("kind", "poll_single"),
                ("question", ""),
                ("options", "Yes\nNo"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Write the question the room answers."),
        "{html}"
    );
    assert!(html.contains(">Yes\nNo</textarea>"), "{html}");
    let res = f
        .post(
            &prepare,
            &[
                ("kind", "poll_single"),
                ("question", "Do you use a run sheet?"),
                ("options", "Only one"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Give from 2 to 10 options")
    );
    // Sent twice, one poll.
    for _ in 0..2 {
        let res = f
            .post(
                &prepare,
                &[
                    ("kind", "poll_multiple"),
                    ("question", "What slows your deliveries?"),
                    ("options", "Traffic\nLoading the van\nPaperwork\n"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let live = app.db.live_by_code(&code).await.unwrap().unwrap();
    assert_eq!(app.db.live_activities(live.id).await.unwrap().len(), 2);
    let poll = last_activity(&app, &code).await;
    f.post(
        &format!("/en/live/{code}/advance"),
        &[("activity", &poll), ("from", "ready")],
    )
    .await;

    // Each phone answers; a second answer replaces the first.
    let answers = format!("/en/live/{code}/answers");
    let res = a.post(&answers, &[("choice", "0"), ("choice", "2")]).await;
    assert_eq!(
        location(&res),
        format!("/en/live/{code}?done=live-answer-saved#answer")
    );
    a.post(&answers, &[("choice", "1")]).await;
    let res = b
        .post(
            &format!("/cy/live/{code}/answers"),
            &[("choice", "1"), ("choice", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // An option the poll does not have, or none, is refused and said so.
    let res = a.post(&answers, &[("choice", "7")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose one of the options.")
    );
    let res = a.post(&answers, &[]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let phone = seen(&a, &format!("/en/live/{code}"), &mut pages).await;
    assert!(
        phone.contains("name=\"choice\" id=\"choice-1\" value=\"1\" checked"),
        "{phone}"
    );
    assert!(!phone.contains("value=\"0\" checked"), "{phone}");
    seen(&b, &format!("/cy/live/{code}"), &mut pages).await;
    // Until shown, the projector counts who has answered, not what.
    let screen = seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    assert!(
        screen.contains("2 people have answered so far."),
        "{screen}"
    );
    assert!(!screen.contains("How the room answered"), "{screen}");

    // Shown: each option's count, as a bar and a number.
    f.post(
        &format!("/en/live/{code}/advance"),
        &[("activity", &poll), ("from", "writing")],
    )
    .await;
    let screen = seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    assert!(screen.contains("How the room answered"), "{screen}");
    for (option, count) in [("Traffic", 0), ("Loading the van", 2), ("Paperwork", 1)] {
        assert!(
            screen.contains(&format!(
                "<th scope=\"row\">{option}</th><td><meter min=\"0\" max=\"2\" value=\"{count}\" aria-hidden=\"true\"></meter> {count}</td>"
            )),
            "{option}: {screen}"
        );
    }
    let screen_cy = seen(&f, &format!("/cy/live/{code}/screen"), &mut pages).await;
    assert!(screen_cy.contains("Sut atebodd yr ystafell"), "{screen_cy}");
    seen(&b, &format!("/cy/live/{code}"), &mut pages).await;
    // Answering has closed.
    let res = a.post(&answers, &[("choice", "0")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Closed twice: one post in the cohort space, with the counts.
    for _ in 0..2 {
        let res = f
            .post(
                &format!("/en/live/{code}/advance"),
                &[("activity", &poll), ("from", "revealed")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let space = a
        .get("/en/programmes/byw/cohorts/cohort-1/space")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        space.matches("What slows your deliveries?").count(),
        1,
        "{space}"
    );
    assert!(space.contains("<td>Loading the van</td>"), "{space}");
    assert!(space.contains("██████████ 2"), "{space}");
    let programme = app
        .db
        .cohort_by_id(r.cohort)
        .await
        .unwrap()
        .unwrap()
        .programme_id;
    assert_eq!(app.trail(programme, AuditAction::LiveLanded).await.len(), 1);

    // A round of the room: one line each, the last one sent standing.
    f.post(
        &prepare,
        &[
            ("kind", "round"),
            ("question", "One thing you will try this week"),
            ("options", ""),
        ],
    )
    .await;
    let round = last_activity(&app, &code).await;
    f.post(
        &format!("/en/live/{code}/advance"),
        &[("activity", &round), ("from", "ready")],
    )
    .await;
    let res = a.post(&answers, &[("line", "Write a run sheet")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    a.post(&answers, &[("line", "Write a run sheet tonight")])
        .await;
    b.post(
        &format!("/cy/live/{code}/answers"),
        &[("line", "Galw pob gyrrwr ddydd Llun")],
    )
    .await;
    let res = a.post(&answers, &[("line", "  ")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let phone = seen(&a, &format!("/en/live/{code}"), &mut pages).await;
    assert!(
        phone.contains("value=\"Write a run sheet tonight\""),
        "{phone}"
    );
    assert!(
        !phone.contains("Galw pob gyrrwr"),
        "hidden until shown: {phone}"
    );
    f.post(
        &format!("/en/live/{code}/advance"),
        &[("activity", &round), ("from", "writing")],
    )
    .await;
    let screen = seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    assert!(
        screen.contains("<span lang=\"cy\">Galw pob gyrrwr ddydd Llun</span>"),
        "{screen}"
    );
    assert!(
        screen.contains("<span>Write a run sheet tonight</span>"),
        "{screen}"
    );
    assert!(
        !screen.contains("<span>Write a run sheet</span>"),
        "{screen}"
    );
    seen(&b, &format!("/cy/live/{code}"), &mut pages).await;
    f.post(
        &format!("/en/live/{code}/advance"),
        &[("activity", &round), ("from", "revealed")],
    )
    .await;
    let space = a
        .get("/en/programmes/byw/cohorts/cohort-1/space")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        space.contains("One thing you will try this week"),
        "{space}"
    );
    assert!(
        space.contains("<span lang=\"cy\">Galw pob gyrrwr ddydd Llun</span> (Bryn Pobydd)"),
        "{space}"
    );
    assert_eq!(app.trail(programme, AuditAction::LiveLanded).await.len(), 2);

    let errors = crate::markup::html_errors(&pages);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

async fn the_room_places_a_brainstorms_ideas_by_impact_and_effort(app: TestApp) {
    let r = room(&app).await;
    let f = signed_in(&app, "hwylusydd@example.com").await;
    let code = started(&app, &r, &f).await;
    let brainstorm = last_activity(&app, &code).await;
    let advance = |activity: String, from: &'static str| {
        let f = &f;
        let code = code.clone();
        async move {
            let res = f
                .post(
                    &format!("/en/live/{code}/advance"),
                    &[("activity", &activity), ("from", from)],
                )
                .await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
        }
    };
    advance(brainstorm.clone(), "ready").await;
    let a = signed_in(&app, "alys@example.com").await;
    let b = signed_in(&app, "bryn@example.com").await;
    for c in [&a, &b] {
        c.post(&format!("/en/live/{code}/join"), &[]).await;
    }
    a.post(
        &format!("/en/live/{code}/notes"),
        &[
            ("heading", "people"),
            ("body", "Only one driver knows the routes"),
            ("key", "a1"),
        ],
    )
    .await;
    b.post(
        &format!("/cy/live/{code}/notes"),
        &[
            ("heading", "method"),
            ("body", "Dim taflen daith ysgrifenedig"),
            ("key", "b1"),
        ],
    )
    .await;
    // Not yet revealed: its ideas cannot be placed.
    let prepare = format!("/en/live/{code}/prepare");
    let res = f
        .post(&prepare, &[("kind", "placement"), ("source", &brainstorm)])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose a brainstorm whose notes have been revealed.")
    );
    advance(brainstorm.clone(), "writing").await;
    let res = f
        .post(&prepare, &[("kind", "placement"), ("source", &brainstorm)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let placement = last_activity(&app, &code).await;
    advance(placement.clone(), "ready").await;
    let live = app.db.live_by_code(&code).await.unwrap().unwrap();
    let notes = app
        .db
        .live_notes(brainstorm.parse().unwrap())
        .await
        .unwrap();
    let (driver, sheet) = (notes[0].id.to_string(), notes[1].id.to_string());

    // Each places each idea; placing again moves it.
    let places = format!("/en/live/{code}/places");
    for (c, note, impact, effort) in [
        (&a, &driver, "high", "low"),
        (&a, &sheet, "high", "high"),
        (&b, &driver, "high", "low"),
        (&b, &sheet, "low", "high"),
        (&a, &sheet, "low", "high"),
    ] {
        let res = c
            .post(
                &places,
                &[("note", note), ("impact", impact), ("effort", effort)],
            )
            .await;
        assert_eq!(location(&res), format!("/en/live/{code}#idea-{note}"));
    }
    // Without its effort, it is not placed, and the phone says why.
    let res = a
        .post(&places, &[("note", &driver), ("impact", "low")])
        .await;
    assert_eq!(
        location(&res),
        format!("/en/live/{code}?done=live-place-both#idea-{driver}")
    );
    let mut pages = Vec::new();
    let phone = seen(
        &a,
        &format!("/en/live/{code}?done=live-place-both"),
        &mut pages,
    )
    .await;
    assert!(phone.contains("Choose the idea"), "{phone}");
    assert!(
        phone.contains(&format!("id=\"effort-high-{sheet}\" checked")),
        "{phone}"
    );
    seen(&b, &format!("/cy/live/{code}"), &mut pages).await;
    seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    assert_eq!(
        app.db
            .live_places(placement.parse().unwrap())
            .await
            .unwrap()
            .len(),
        2
    );

    // Shown: each idea in the quadrant most placed it in, with the count.
    advance(placement.clone(), "writing").await;
    let screen = seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    let quick = screen.find("Quick wins: high impact, low effort").unwrap();
    let thankless = screen
        .find("Thankless tasks: low impact, high effort")
        .unwrap();
    let driver_at = screen.find("Only one driver knows the routes").unwrap();
    let sheet_at = screen
        .find("<span lang=\"cy\">Dim taflen daith ysgrifenedig</span> <span class=\"muted\">(<span lang=\"cy\">wedi&#39;i osod yma gan 2 o 2</span> / placed here by 2 of 2)</span>")
        .expect("placed by both");
    assert!(
        quick < driver_at && driver_at < thankless && thankless < sheet_at,
        "{screen}"
    );
    seen(&b, &format!("/cy/live/{code}"), &mut pages).await;
    seen(&f, &format!("/cy/live/{code}/screen"), &mut pages).await;

    // Closed: the post lists the ideas by quadrant.
    advance(placement, "revealed").await;
    let space = a
        .get("/en/programmes/byw/cohorts/cohort-1/space")
        .await
        .text()
        .await
        .unwrap();
    let quick = space.find("Quick wins: high impact, low effort").unwrap();
    let driver_at = space
        .find("Only one driver knows the routes (placed here by 2 of 2)")
        .unwrap();
    let thankless = space
        .find("Thankless tasks: low impact, high effort")
        .unwrap();
    assert!(quick < driver_at && driver_at < thankless, "{space}");
    // The brainstorm, left revealed while the room placed its ideas, is
    // offered to the facilitator to move on from where it was left.
    let screen = seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    let offered = format!(
        "<input type=\"hidden\" name=\"activity\" value=\"{brainstorm}\">\n    <input type=\"hidden\" name=\"from\" value=\"revealed\">\n    <button type=\"submit\">Open the vote"
    );
    assert!(screen.contains(&offered), "{screen}");
    advance(brainstorm.clone(), "revealed").await;
    advance(brainstorm.clone(), "voting").await;
    let activities = app.db.live_activities(live.id).await.unwrap();
    assert!(
        activities
            .iter()
            .all(|a| a.stage == ymarfer_domain::live::Stage::Closed)
    );
    let screen = seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    assert!(!screen.contains("Open the vote"), "nothing left to move on");
    let errors = crate::markup::html_errors(&pages);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

on_both! {
    live_room => super::a_room_writes_reveals_votes_and_lands_in_each_firms_fishbone;
    live_poll_and_round => super::a_poll_and_a_round_of_the_room_land_in_the_cohort_space;
    live_placement => super::the_room_places_a_brainstorms_ideas_by_impact_and_effort;
    live_who_and_events => super::only_the_cohort_joins_and_the_room_is_told_of_each_change;
}

/// Each live act as the acts table promises it: refused to those it is not
/// for, and sent twice, done once.
pub async fn act_keeps_its_promises(app: &TestApp, name: &str) {
    use ymarfer_app::live;
    use ymarfer_domain::live::{Kind, Quadrant, Stage};
    let r = room(app).await;
    let acting = |email: &'static str| async move {
        let user = app
            .db
            .user_by_email(&ymarfer_domain::Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap();
        app.acting(user.id).await
    };
    let staff = acting("hwylusydd@example.com").await;
    let alys = acting("alys@example.com").await;
    let observer = acting("observer@example.com").await;
    let cohort = app.db.cohort_by_id(r.cohort).await.unwrap().unwrap();
    let refused = |e: ymarfer_app::Error| {
        assert!(
            matches!(
                e,
                ymarfer_app::Error::Forbidden | ymarfer_app::Error::NotFound
            ),
            "{name}: {e:?}"
        )
    };
    if name == "live::start" {
        refused(
            live::start(&app.state, &alys, &cohort, r.session)
                .await
                .unwrap_err(),
        );
        let first = live::start(&app.state, &staff, &cohort, r.session)
            .await
            .unwrap();
        let again = live::start(&app.state, &staff, &cohort, r.session)
            .await
            .unwrap();
        assert_eq!(first.code, again.code);
        let started = app
            .trail(cohort.programme_id, AuditAction::LiveStarted)
            .await;
        assert_eq!(started.len(), 1);
        return;
    }
    let code = live::start(&app.state, &staff, &cohort, r.session)
        .await
        .unwrap()
        .code;
    let plan = |who| live::plan(&app.state, who, &code, "fishbone", ("Why?", Lang::En), 2);
    if name == "live::plan" {
        refused(plan(&alys).await.unwrap_err());
        assert_eq!(plan(&staff).await.unwrap(), plan(&staff).await.unwrap());
        return;
    }
    let prepared = |who, kind| {
        let code = code.clone();
        async move {
            live::prepare(
                &app.state,
                who,
                &code,
                &live::Prepared {
                    kind,
                    prompt: "Which?",
                    lang: Lang::En,
                    options: "One\nTwo",
                    source: None,
                },
            )
            .await
        }
    };
    if name == "live::prepare" {
        refused(prepared(&alys, Kind::PollSingle).await.unwrap_err());
        assert_eq!(
            prepared(&staff, Kind::PollSingle).await.unwrap(),
            prepared(&staff, Kind::PollSingle).await.unwrap()
        );
        return;
    }
    if name == "live::save_template" || name == "live::apply_template" {
        let save = |who| live::save_template(&app.state, who, &code, "Ours");
        if name == "live::save_template" {
            refused(save(&alys).await.unwrap_err());
            plan(&staff).await.unwrap();
            assert_eq!(save(&staff).await.unwrap(), save(&staff).await.unwrap());
            return;
        }
        plan(&staff).await.unwrap();
        let template = save(&staff).await.unwrap();
        let apply = |who| live::apply_template(&app.state, who, &code, template, "k");
        refused(apply(&alys).await.unwrap_err());
        assert!(apply(&staff).await.unwrap());
        assert!(!apply(&staff).await.unwrap());
        let live_id = app.db.live_by_code(&code).await.unwrap().unwrap().id;
        assert_eq!(app.db.live_activities(live_id).await.unwrap().len(), 2);
        return;
    }
    if name == "live::answer" {
        let poll = prepared(&staff, Kind::PollSingle).await.unwrap();
        live::advance(&app.state, &staff, &code, poll, Stage::Ready, Lang::En)
            .await
            .unwrap();
        let answer = |who| {
            live::answer(
                &app.state,
                who,
                &code,
                live::Answered::Poll(vec![1]),
                Lang::En,
            )
        };
        refused(answer(&observer).await.unwrap_err());
        assert!(answer(&alys).await.unwrap());
        assert!(
            !answer(&alys).await.unwrap(),
            "the same answer again changes nothing"
        );
        assert_eq!(app.db.live_answers(poll).await.unwrap().len(), 1);
        return;
    }
    let activity = plan(&staff).await.unwrap();
    let advance = |who, from| live::advance(&app.state, who, &code, activity, from, Lang::En);
    match name {
        "live::advance" => {
            refused(advance(&alys, Stage::Ready).await.unwrap_err());
            assert!(advance(&staff, Stage::Ready).await.unwrap());
            assert!(!advance(&staff, Stage::Ready).await.unwrap());
        }
        "live::timer" => {
            refused(
                live::timer(&app.state, &alys, &code, activity, Some(5))
                    .await
                    .unwrap_err(),
            );
            live::timer(&app.state, &staff, &code, activity, Some(5))
                .await
                .unwrap();
            let set = app
                .db
                .live_activities(app.db.live_by_code(&code).await.unwrap().unwrap().id);
            assert!(set.await.unwrap()[0].timer_ends_at.is_some());
        }
        "live::join" => {
            refused(live::join(&app.state, &observer, &code).await.unwrap_err());
            assert!(live::join(&app.state, &alys, &code).await.unwrap());
            assert!(!live::join(&app.state, &alys, &code).await.unwrap());
            assert_eq!(app.db.register_of(r.session).await.unwrap().len(), 1);
        }
        "live::note" | "live::vote" | "live::done" => {
            advance(&staff, Stage::Ready).await.unwrap();
            let note =
                |who| live::note(&app.state, who, &code, "people", "A cause", Lang::En, "k1");
            if name == "live::note" {
                refused(note(&observer).await.unwrap_err());
                assert!(note(&alys).await.unwrap().is_some());
                assert!(note(&alys).await.unwrap().is_none());
                return;
            }
            let id = note(&alys).await.unwrap().unwrap();
            if name == "live::done" {
                refused(live::done(&app.state, &observer, &code).await.unwrap_err());
                assert!(live::done(&app.state, &alys, &code).await.unwrap());
                assert!(!live::done(&app.state, &alys, &code).await.unwrap());
                return;
            }
            advance(&staff, Stage::Writing).await.unwrap();
            advance(&staff, Stage::Revealed).await.unwrap();
            refused(
                live::vote(&app.state, &observer, &code, id, true)
                    .await
                    .unwrap_err(),
            );
            for _ in 0..2 {
                live::vote(&app.state, &alys, &code, id, true)
                    .await
                    .unwrap();
            }
            let live_id = app.db.live_by_code(&code).await.unwrap().unwrap().id;
            let a = app.db.live_activities(live_id).await.unwrap()[0].id;
            assert_eq!(app.db.live_notes(a).await.unwrap()[0].votes, 1);
        }
        "live::place" => {
            advance(&staff, Stage::Ready).await.unwrap();
            let id = live::note(
                &app.state,
                &alys,
                &code,
                "people",
                "A cause",
                Lang::En,
                "k1",
            )
            .await
            .unwrap()
            .unwrap();
            advance(&staff, Stage::Writing).await.unwrap();
            let placement = live::prepare(
                &app.state,
                &staff,
                &code,
                &live::Prepared {
                    kind: Kind::Placement,
                    prompt: "",
                    lang: Lang::En,
                    options: "",
                    source: Some(activity),
                },
            )
            .await
            .unwrap();
            live::advance(&app.state, &staff, &code, placement, Stage::Ready, Lang::En)
                .await
                .unwrap();
            let place = |who| live::place(&app.state, who, &code, id, Quadrant::QuickWin);
            refused(place(&observer).await.unwrap_err());
            assert!(place(&alys).await.unwrap());
            assert!(!place(&alys).await.unwrap());
            assert_eq!(
                app.db.live_places(placement).await.unwrap(),
                vec![(id, Quadrant::QuickWin, 1)]
            );
        }
        other => panic!("no live case for {other}"),
    }
}

async fn guessing_codes_is_throttled(app: TestApp) {
    let r = room(&app).await;
    let f = signed_in(&app, "hwylusydd@example.com").await;
    let code = started(&app, &r, &f).await;
    let a = signed_in(&app, "alys@example.com").await;
    // Ten codes that open nothing, each said so.
    for i in 0..10 {
        let guess = if i % 2 == 0 {
            "/en/live?code=XXXXXX"
        } else {
            "/en/live/ACD3E4"
        };
        let res = a.get(guess).await;
        assert!(
            matches!(
                res.status(),
                StatusCode::UNPROCESSABLE_ENTITY | StatusCode::NOT_FOUND
            ),
            "{guess}: {}",
            res.status()
        );
    }
    // Then no code is tried at all, the right one neither, and the page says
    // why in the person's language.
    let res = a.get("/en/live?code=XXXXXX").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.text().await.unwrap().contains("Wait 15 minutes"));
    let res = a.get(&format!("/cy/live/{code}")).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = res.text().await.unwrap();
    assert!(html.contains("Gormod o ymdrechion"), "{html}");
    let res = a.post(&format!("/en/live/{code}/join"), &[]).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // Someone else at the same address, under its own limit, still joins.
    let b = signed_in(&app, "bryn@example.com").await;
    let res = b.get(&format!("/en/live?code={code}")).await;
    assert_eq!(location(&res), format!("/en/live/{code}"));
    assert_eq!(
        b.post(&format!("/en/live/{code}/join"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
}

async fn the_projector_speaks_the_cohorts_languages_beside_the_meeting_link(app: TestApp) {
    let r = room(&app).await;
    let start = chrono::Utc::now() - chrono::Duration::minutes(5);
    let online = app
        .db
        .create_meeting(
            r.cohort,
            &ymarfer_store::schedule::MeetingInput {
                title: "Online check-in".into(),
                starts_at: start,
                ends_at: start + chrono::Duration::hours(1),
                online_url: "https://meet.example.com/byw-3".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let f = signed_in(&app, "hwylusydd@example.com").await;
    let res = f
        .post(
            &format!("/en/programmes/byw/cohorts/cohort-1/sessions/{online}/live"),
            &[],
        )
        .await;
    let code = code_of(&location(&res));
    let a = signed_in(&app, "alys@example.com").await;
    let mut pages = Vec::new();
    // The meeting link beside the phone view and the projector view.
    let link = "<a href=\"https://meet.example.com/byw-3\" rel=\"noopener noreferrer\">";
    let phone = seen(&a, &format!("/en/live/{code}"), &mut pages).await;
    assert!(
        phone.contains(&format!("{link}Join the meeting online</a>")),
        "{phone}"
    );
    // A cohort working in both languages: the projector speaks both, Welsh
    // first, each marked; the controls stay in the facilitator's language.
    let screen = seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    assert!(
        screen.contains(&format!(
            "{link}<span lang=\"cy\">Ymuno â&#39;r cyfarfod ar-lein</span> / Join the meeting online</a>"
        )),
        "{screen}"
    );
    assert!(
        screen.contains("<span lang=\"cy\">Nid oes dim yn rhedeg eto."),
        "{screen}"
    );
    assert!(
        screen.contains("/cy/live a theipio</span> / Join on your phone"),
        "{screen}"
    );
    assert!(screen.contains("Running the room"), "{screen}");
    // The same in Welsh: the English part is the one marked.
    let screen = seen(&f, &format!("/cy/live/{code}/screen"), &mut pages).await;
    assert!(
        screen.contains(
            "Ymuno â&#39;r cyfarfod ar-lein / <span lang=\"en\">Join the meeting online</span>"
        ),
        "{screen}"
    );
    // A Welsh cohort: the projector speaks Welsh on an English page.
    let cohort = app.db.cohort_by_id(r.cohort).await.unwrap().unwrap();
    app.db
        .update_cohort(
            cohort.id,
            &ymarfer_store::programmes::CohortInput {
                slug: cohort.slug.clone(),
                name_en: cohort.name_en.clone(),
                name_cy: cohort.name_cy.clone(),
                starts_on: cohort.starts_on,
                ends_on: cohort.ends_on,
                capacity: cohort.capacity,
                delivery_mode: cohort.delivery_mode,
                region: cohort.region,
                cost_share_pence: cohort.cost_share_pence,
                language: ymarfer_domain::programme::DeliveryLanguage::Welsh,
            },
        )
        .await
        .unwrap();
    let screen = seen(&f, &format!("/en/live/{code}/screen"), &mut pages).await;
    assert!(
        screen.contains(&format!(
            "{link}<span lang=\"cy\">Ymuno â&#39;r cyfarfod ar-lein</span></a>"
        )),
        "{screen}"
    );
    assert!(!screen.contains("Nothing is running yet"), "{screen}");
    assert!(screen.contains("Running the room"), "{screen}");
    // The phone stays in its person's language.
    let phone = seen(&a, &format!("/en/live/{code}"), &mut pages).await;
    assert!(phone.contains("Nothing is running yet"), "{phone}");
    // A session with no link shows none.
    let code2 = started(&app, &r, &f).await;
    let screen = seen(&f, &format!("/en/live/{code2}/screen"), &mut pages).await;
    assert!(!screen.contains("live-meeting"), "{screen}");
    let errors = crate::markup::html_errors(&pages);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

async fn a_running_order_is_saved_and_applied_to_another_session(app: TestApp) {
    let r = room(&app).await;
    let f = signed_in(&app, "hwylusydd@example.com").await;
    // Session one: a brainstorm, a poll, and a placement of the brainstorm.
    let code = started(&app, &r, &f).await;
    let brainstorm = last_activity(&app, &code).await;
    f.post(
        &format!("/en/live/{code}/prepare"),
        &[
            ("kind", "poll_scale"),
            ("question", "How sure are you of the cause?"),
            ("options", ""),
        ],
    )
    .await;
    // A placement prepared before its brainstorm is revealed is refused; so
    // a template's placement waits for its brainstorm (see below).
    for from in ["ready", "writing"] {
        f.post(
            &format!("/en/live/{code}/advance"),
            &[("activity", &brainstorm), ("from", from)],
        )
        .await;
    }
    f.post(
        &format!("/en/live/{code}/prepare"),
        &[("kind", "placement"), ("source", &brainstorm)],
    )
    .await;
    // A name is needed; then saved twice under one name, one template.
    let save = format!("/en/live/{code}/templates");
    let res = f.post(&save, &[("template_name", " ")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    for _ in 0..2 {
        let res = f
            .post(&save, &[("template_name", "Workshop 3: causes")])
            .await;
        assert_eq!(
            location(&res),
            format!("/en/live/{code}/screen?done=live-template-saved#controls")
        );
    }
    let programme = app
        .db
        .cohort_by_id(r.cohort)
        .await
        .unwrap()
        .unwrap()
        .programme_id;
    let templates = app.db.live_templates(programme).await.unwrap();
    assert_eq!(templates.len(), 1);
    assert_eq!(templates[0].items, 3);
    let template = templates[0].id.to_string();
    // A participant cannot save one.
    let a = signed_in(&app, "alys@example.com").await;
    assert_eq!(
        a.post(&save, &[("template_name", "Mine")]).await.status(),
        StatusCode::FORBIDDEN
    );

    // Session two, later the same day: applied, twice with one form, once.
    let start = chrono::Utc::now() - chrono::Duration::minutes(1);
    let later = app
        .db
        .create_meeting(
            r.cohort,
            &ymarfer_store::schedule::MeetingInput {
                title: "Workshop 4: countermeasures".into(),
                starts_at: start,
                ends_at: start + chrono::Duration::hours(2),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
    let res = f
        .post(
            &format!("/en/programmes/byw/cohorts/cohort-1/sessions/{later}/live"),
            &[],
        )
        .await;
    let code2 = code_of(&location(&res));
    let mut pages = Vec::new();
    let screen = seen(&f, &format!("/cy/live/{code2}/screen"), &mut pages).await;
    assert!(
        screen.contains("Workshop 3: causes (3 gweithgaredd)"),
        "{screen}"
    );
    for _ in 0..2 {
        let res = f
            .post(
                &format!("/en/live/{code2}/templates/apply"),
                &[("template", &template), ("key", "apply-1")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let live2 = app.db.live_by_code(&code2).await.unwrap().unwrap();
    let order = app.db.live_activities(live2.id).await.unwrap();
    assert_eq!(order.len(), 3, "{order:?}");
    assert_eq!(order[0].tool_id, "fishbone");
    assert_eq!(order[0].prompt, "Why are deliveries late?");
    assert_eq!(order[1].kind, ymarfer_domain::live::Kind::PollScale);
    assert_eq!(order[1].options().len(), 5);
    assert_eq!(order[2].kind, ymarfer_domain::live::Kind::Placement);
    assert_eq!(
        order[2].source_id,
        Some(order[0].id),
        "places its own brainstorm"
    );
    assert!(
        order
            .iter()
            .all(|a| a.stage == ymarfer_domain::live::Stage::Ready)
    );
    // Its placement cannot open before its brainstorm is revealed.
    let res = f
        .post(
            &format!("/en/live/{code2}/advance"),
            &[("activity", &order[2].id.to_string()), ("from", "ready")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let screen = seen(&f, &format!("/en/live/{code2}/screen"), &mut pages).await;
    assert!(
        screen.contains("How sure are you of the cause?"),
        "{screen}"
    );

    // A template of another programme is not there to apply.
    let (other_programme, _) = app
        .db
        .create_programme_with_cohort("eraill", "Eraill")
        .await
        .unwrap();
    let host = app.user("host@example.com", Lang::En, false).await;
    let (foreign, _) = app
        .db
        .save_live_template(other_programme, "Theirs", host.id, &[])
        .await
        .unwrap();
    let res = f
        .post(
            &format!("/en/live/{code2}/templates/apply"),
            &[("template", &foreign.to_string()), ("key", "apply-2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let errors = crate::markup::html_errors(&pages);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

on_both! {
    live_templates => super::a_running_order_is_saved_and_applied_to_another_session;
    live_throttled => super::guessing_codes_is_throttled;
    live_languages_and_link => super::the_projector_speaks_the_cohorts_languages_beside_the_meeting_link;
}
