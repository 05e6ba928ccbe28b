//! Scaling out: two servers sharing one PostgreSQL database and one S3
//! bucket serve the same people. A person signs in through one and carries
//! on through the other; a photo posted through one is served by the other;
//! sign-in throttling and API rate limits count across both; each scheduled
//! job's run happens once.

use crate::support::{PASSWORD, TestApp, location, signed_in_with};
use std::collections::BTreeSet;
use ymarfer_domain::{Lang, Role, Scope};

async fn two_servers_serve_the_same_people() {
    let bucket = std::env::var("YMARFER_TEST_S3_BUCKET").expect(
        "YMARFER_TEST_S3_BUCKET names the S3-compatible test bucket; run the tests with ./scripts/test",
    );
    let Some(a) = TestApp::spawn_configured(ymarfer_store::Backend::Postgres, |c| {
        c.with_attachments(Some(format!("s3://{bucket}")))
            .with_api_limit(4)
    })
    .await
    else {
        panic!("no PostgreSQL for this test: set YMARFER_TEST_POSTGRES_URL or run ./scripts/test");
    };
    let (b_state, b) = a.second_server(|c| c.with_api_limit(4)).await;

    // Signed in through A, carrying on through B with the same cookies.
    let (programme, cohort) =
        a.db.create_programme_with_cohort("dau", "Dau")
            .await
            .unwrap();
    let (user, at_a) = signed_in_with(
        &a,
        "cyfranogwr@example.com",
        Role::Participant,
        Scope::Cohort { programme, cohort },
    )
    .await;
    a.db.update_profile(user.id, "Nia Bwlch", Lang::Cy)
        .await
        .unwrap();
    let at_b = at_a.at(&b);
    let home = at_b.get("/cy").await;
    assert_eq!(home.status(), 200);
    assert!(
        home.text().await.unwrap().contains("Nia Bwlch"),
        "signed in at B"
    );

    // A photo posted through B (its CSRF token from A's page) is served by A.
    let space = "/en/programmes/dau/cohorts/cohort-1/space";
    let res = at_b
        .post_file(
            space,
            &[("body", "Ein bwrdd"), ("lang", "cy")],
            "bwrdd.png",
            crate::space::png(),
        )
        .await;
    assert_eq!(res.status(), 303, "{}", location(&res));
    let item: i64 = location(&res)
        .rsplit_once("item-")
        .and_then(|(_, id)| id.parse().ok())
        .unwrap();
    let file = a.db.attachments_of_posts(&[item]).await.unwrap().remove(0);
    let from_a = at_a.get(&format!("/en/attachments/{}", file.id)).await;
    assert_eq!(from_a.status(), 200);
    let from_b = at_b.get(&format!("/en/attachments/{}", file.id)).await;
    assert_eq!(from_a.bytes().await.unwrap(), from_b.bytes().await.unwrap());

    // Signing out through A ends the session at B too.
    let res = at_a.post("/en/sign-out", &[]).await;
    assert_eq!(res.status(), 303);
    let res = at_b.get("/en/profile").await;
    assert_eq!(res.status(), 303, "signed out everywhere");

    // Wrong passwords are counted across both servers: after five (at A and
    // B in turn), even the right one is refused for a while, at either.
    a.user("targed@example.com", Lang::En, false).await;
    let visitor = a.client();
    for i in 0..5 {
        let c = if i % 2 == 0 {
            visitor.at(&a.url(""))
        } else {
            visitor.at(&b)
        };
        let res = c
            .post(
                "/en/sign-in",
                &[
                    ("email", "targed@example.com"),
                    ("password", "anghywir iawn"),
                ],
            )
            .await;
        assert_eq!(res.status(), 401, "attempt {i}");
    }
    let res = visitor
        .at(&b)
        .post(
            "/en/sign-in",
            &[("email", "targed@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 429);

    // An API token's limit (four a minute here) holds across both.
    let token = crate::api::token_for(&a, user.id, false, None).await;
    for base in [a.url(""), b.clone(), a.url(""), b.clone()] {
        let res = reqwest::Client::new()
            .get(format!("{base}/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
    let res = reqwest::Client::new()
        .get(format!("{b}/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);

    // Both run the scheduled jobs at once: each job's slot runs once.
    let now = chrono::Utc::now();
    let (x, y) = tokio::join!(
        ymarfer_app::jobs::run_due(&a.state, now),
        ymarfer_app::jobs::run_due(&b_state, now)
    );
    let ran: Vec<_> = x
        .unwrap()
        .into_iter()
        .chain(y.unwrap())
        .map(|r| (r.job, r.slot))
        .collect();
    let once: BTreeSet<_> = ran.iter().map(|(j, s)| (j.as_str(), s.clone())).collect();
    assert_eq!(once.len(), ran.len(), "a job ran twice: {ran:?}");
    assert!(!ran.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_postgres() {
    two_servers_serve_the_same_people().await;
}
