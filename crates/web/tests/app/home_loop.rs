//! A participant's loop in one place: her home shows, for each of her firm's
//! projects, the tools applied and the one to try next, her commitments with
//! the session each is due at, the feedback asked of her and her claims as
//! they stand, and nothing of another firm's; each save lands on a page that
//! offers the next step; the navigation counts her unread notices.

use crate::support::{TestApp, location};
use reqwest::StatusCode;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::Lang;

/// A participant of the cohort for her own firm, signed in.
async fn participant(
    app: &TestApp,
    programme: i64,
    cohort: i64,
    email: &str,
    firm: &str,
) -> (i64, crate::support::Client, i64) {
    let user = app.user(email, Lang::En, false).await;
    let org = Firm::named(firm).add(&app.db, programme).await.unwrap();
    app.db
        .enrol(programme, cohort, user.id, Some(org.id), None)
        .await
        .unwrap();
    let client = app.client();
    client.sign_in(email).await;
    (user.id, client, org.id)
}

/// Claims a benefit line on a project through its form; the line's number.
async fn claim(app: &TestApp, c: &crate::support::Client, project: i64, what: &str) -> i64 {
    let res = c
        .post(
            &format!("/en/projects/{project}/benefits/new"),
            &[
                ("description", what),
                ("category", "materials"),
                ("savings_type", "hard"),
                ("frequency", "monthly"),
                ("starts_on", "2026-03-02"),
                ("status", "claimed"),
                ("amount", "100"),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/projects/{project}?done=benefit#ledger")
    );
    app.db
        .benefit_history(project)
        .await
        .unwrap()
        .into_iter()
        .find(|v| v.description == what)
        .unwrap()
        .line_id
}

/// A post in the cohort space by `author`, who asks `peer` for feedback on it.
async fn asked(
    app: &TestApp,
    cohort: i64,
    author: (i64, &crate::support::Client),
    peer: i64,
    body: &str,
) {
    let post = app
        .db
        .add_item(
            &ymarfer_store::space::NewItem {
                cohort,
                parent: None,
                author: author.0,
                kind: ymarfer_domain::space::ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body,
                lang: Lang::En,
                alumni: None,
            },
            &[],
        )
        .await
        .unwrap();
    let res = author
        .1
        .post(
            &format!("/en/posts/{post}/ask"),
            &[("peer", &peer.to_string())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "asked on post {post}");
}

async fn the_home_gathers_her_loop_and_no_other_firms(app: TestApp) {
    let (manager, programme, cohort) = crate::support::manager(&app, "rheolwr@example.com").await;
    let slug = app
        .db
        .programme_by_id(programme)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let (siwan, s, siwan_org) =
        participant(&app, programme, cohort, "siwan@becws.cymru", "Becws Siwan").await;
    let (gareth, g, gareth_org) = participant(
        &app,
        programme,
        cohort,
        "gareth@garej.cymru",
        "Garej Gareth",
    )
    .await;
    let mine = crate::support::project(
        &app,
        cohort,
        siwan_org,
        "Waiting for flour",
        "testing",
        "private",
    )
    .await
    .id;
    let his = crate::support::project(
        &app,
        cohort,
        gareth_org,
        "Parts hunting",
        "testing",
        "private",
    )
    .await
    .id;
    let meeting = |days: i64, title: &str| ymarfer_store::schedule::MeetingInput {
        title: title.into(),
        kind: ymarfer_domain::programme::SessionKind::Workshop,
        starts_at: chrono::Utc::now() + chrono::Duration::days(days),
        ends_at: chrono::Utc::now() + chrono::Duration::days(days) + chrono::Duration::hours(2),
        ..Default::default()
    };
    let first = app
        .db
        .create_meeting(cohort, &meeting(-14, "Mapping day"))
        .await
        .unwrap()
        .id;
    let next = app
        .db
        .create_meeting(cohort, &meeting(7, "Testing day"))
        .await
        .unwrap()
        .id;
    let sessions = format!("/en/programmes/{slug}/cohorts/cohort-1/sessions");

    // Her home before anything: the first tool of the toolkit is the next step.
    let home = s.get("/en").await.text().await.unwrap();
    assert!(
        home.contains(&format!(
            "href=\"/en/projects/{mine}/tools/sipoc\">apply a first tool"
        )),
        "{home}"
    );
    assert!(home.contains("none yet"), "{home}");

    // A tool saved: the page says so and offers the next tool, a cycle from
    // it and sharing it.
    let tool = format!("/en/projects/{mine}/tools/five-whys");
    let res = s
        .post(
            &tool,
            &[
                ("problem", "Bakers wait for flour"),
                ("why_1", "Deliveries come late"),
                ("root_cause", "One order a week"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{tool}?done=saved"));
    let page = s.get(&location(&res)).await.text().await.unwrap();
    assert!(page.contains("Saved") || page.contains("saved"), "{page}");
    assert!(page.contains("What next"), "{page}");
    assert!(
        page.contains(&format!(
            "href=\"/en/projects/{mine}/tools/fishbone\">Apply the next tool: Fishbone"
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!("href=\"/en/projects/{mine}/cycles/new\"")),
        "{page}"
    );
    assert!(page.contains("value=\"tool:five-whys\""), "{page}");
    // The project's list of tools marks it applied.
    let project = s
        .get(&format!("/en/projects/{mine}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        project.contains(&format!(
            "href=\"/en/projects/{mine}/tools/five-whys\" class=\"applied\">5 Whys</a> <span class=\"muted\">(applied)</span>"
        )),
        "{project}"
    );
    assert!(
        !project.contains(&format!(
            "href=\"/en/projects/{mine}/tools/sipoc\" class=\"applied\""
        )),
        "{project}"
    );

    // A cycle: a reading and sharing it are offered.
    let res = s
        .post(
            &format!("/en/projects/{mine}/cycles/new"),
            &[
                ("change_idea", "Order flour twice a week"),
                ("prediction", "No more waiting"),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/en/projects/{mine}/cycles/1?done=cycle")
    );
    let page = s.get(&location(&res)).await.text().await.unwrap();
    assert!(
        page.contains(&format!(
            "href=\"/en/projects/{mine}#reading-form\">Record a reading of your measure"
        )),
        "{page}"
    );
    assert!(page.contains("value=\"cycle:1\""), "{page}");
    // Sharing from there posts the cycle to the cohort.
    let res = s
        .post(
            &format!("/en/projects/{mine}/share"),
            &[("what", "cycle:1")],
        )
        .await;
    assert!(location(&res).contains("done=shared"), "{}", location(&res));

    // A reading: the next cycle, the savings and sharing it are offered.
    let res = s
        .post(
            &format!("/en/projects/{mine}/readings"),
            &[("taken_on", "2026-10-11"), ("value", "60")],
        )
        .await;
    let page = s.get(&location(&res)).await.text().await.unwrap();
    assert!(page.contains("The reading has been added."), "{page}");
    assert!(
        page.contains("Share this reading with your cohort"),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "href=\"/en/projects/{mine}/benefits/new\">Record what the change saved"
        )),
        "{page}"
    );

    // A commitment: the session page points to her home, which lists it.
    let res = s
        .post(
            &format!("{sessions}/{first}/commitments"),
            &[("commitment", "Weigh the flour deliveries")],
        )
        .await;
    let page = s.get(&location(&res)).await.text().await.unwrap();
    assert!(page.contains("Commitment recorded."), "{page}");
    assert!(page.contains("href=\"/en\">Go to your home page"), "{page}");
    g.post(
        &format!("{sessions}/{first}/commitments"),
        &[("commitment", "Tidy the parts shelves")],
    )
    .await;

    // Claims: one queried, one verified, one still claimed.
    let queried = claim(&app, &s, mine, "Less flour wasted").await;
    let verified = claim(&app, &s, mine, "Fewer trips to the wholesaler").await;
    let res = s
        .get(&format!("/en/projects/{mine}?done=benefit"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        res.contains("href=\"/en\">Follow your claims on your home page"),
        "{res}"
    );
    claim(&app, &s, mine, "Less gas for the oven").await;
    let acting = app.acting(manager.id).await;
    let seen = |line, note| ymarfer_app::claims::Seen {
        project: mine,
        line,
        version: 1,
        note,
    };
    ymarfer_app::claims::query(&app.state, &acting, seen(queried, "Which bills?"))
        .await
        .unwrap();
    ymarfer_app::claims::verify(&app.state, &acting, seen(verified, "Fine"))
        .await
        .unwrap();
    claim(&app, &g, his, "Fewer wasted brake pads").await;
    app.db
        .save_application(his, "sipoc", 1, "{}", Some(gareth))
        .await
        .unwrap();

    // Feedback asked of her, and asked of him.
    asked(
        &app,
        cohort,
        (gareth, &g),
        siwan,
        "Kanban board at the garage",
    )
    .await;
    asked(&app, cohort, (siwan, &s), gareth, "Flour order sheet draft").await;

    let home = s.get("/en").await.text().await.unwrap();
    // Her project, its tools and the one to try next.
    assert!(home.contains("Waiting for flour"), "{home}");
    assert!(
        home.contains(&format!(
            "<a class=\"tools-applied\" href=\"/en/projects/{mine}/tools/five-whys\">5 Whys</a>"
        )),
        "{home}"
    );
    assert!(
        home.contains(&format!(
            "Tool to try next: <a href=\"/en/projects/{mine}/tools/fishbone\">"
        )),
        "{home}"
    );
    // Her commitment, due at the next session, linked to where she checks in.
    assert!(home.contains("Weigh the flour deliveries"), "{home}");
    assert!(
        home.contains(&format!(
            "href=\"{sessions}/{next}#rhythm-heading\">check in at Testing day"
        )),
        "{home}"
    );
    // The feedback asked of her.
    assert!(
        home.contains("asked for your feedback on Kanban board at the garage"),
        "{home}"
    );
    // Her claims as they stand, with the question to answer.
    assert!(home.contains("Less flour wasted</a>: Queried"), "{home}");
    assert!(
        home.contains(&format!(
            "href=\"/en/projects/{mine}/benefits/{queried}/answer\">Answer the question"
        )),
        "{home}"
    );
    assert!(
        home.contains("Fewer trips to the wholesaler</a>: Verified"),
        "{home}"
    );
    assert!(
        home.contains("Less gas for the oven</a>: Claimed"),
        "{home}"
    );
    // Nothing of the other firm's own work (a private project, so not even
    // among the cohort's news).
    for theirs in [
        "Parts hunting",
        "Tidy the parts shelves",
        "Fewer wasted brake pads",
        "Flour order sheet draft",
    ] {
        assert!(!home.contains(theirs), "her home shows “{theirs}”");
    }
    assert!(
        !home.contains(&format!("/en/projects/{his}/tools/")),
        "{home}"
    );
    // And his home, the other way round.
    let his_home = g.get("/en").await.text().await.unwrap();
    assert!(his_home.contains("Parts hunting"), "{his_home}");
    assert!(his_home.contains("Tidy the parts shelves"), "{his_home}");
    assert!(
        his_home.contains("Fewer wasted brake pads</a>: Claimed"),
        "{his_home}"
    );
    assert!(
        his_home.contains("asked for your feedback on Flour order sheet draft"),
        "{his_home}"
    );
    for hers in [
        "Waiting for flour",
        "Weigh the flour deliveries",
        "Less flour wasted",
        "Kanban board at the garage",
    ] {
        assert!(!his_home.contains(hers), "his home shows “{hers}”");
    }

    // The navigation counts her unread notices (the query, the verification
    // and the request for feedback), on any page, until she reads them.
    let count = |html: &str| {
        html.split("<span class=\"unread-count\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .and_then(|n| n.trim().parse::<i64>().ok())
    };
    let unread = app.db.unread_notices(siwan).await.unwrap();
    assert!(unread >= 3, "{unread}");
    let page = s
        .get(&format!("/en/projects/{mine}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(count(&page), Some(unread), "{page}");
    assert!(page.contains("unread notices</span>"), "{page}");
    let cy = s.get("/cy").await.text().await.unwrap();
    assert!(cy.contains("hysbysiad heb eu darllen</span>"), "{cy}");
    let res = s.post("/en/notices/read", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let home = s.get("/en").await.text().await.unwrap();
    assert_eq!(count(&home), None, "{home}");
}

crate::on_both! {
    home_loop => super::the_home_gathers_her_loop_and_no_other_firms;
}
