//! Writes through the JSON API: an `Idempotency-Key` makes a retry replay the
//! first answer and change nothing; an organisation's hourly rate and a post in
//! a cohort's space, by the same acts as their pages; and a ledger line's
//! figures, enough to recompute its first-year value.

use crate::api::{call, token_for};
use crate::on_both;
use crate::support::{TestApp, signed_in_with};
use serde_json::{Value, json};
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::{Role, Scope};
use ymarfer_store::audit::AuditQuery;

/// Sends a request with a key, and returns the status, the body and whether
/// it was a replay.
async fn keyed(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    key: &str,
    body: Value,
) -> (u16, Value, bool) {
    let res = reqwest::Client::new()
        .request(method.parse().unwrap(), app.url(path))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let replayed = res.headers().contains_key("idempotent-replayed");
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::Null),
        replayed,
    )
}

fn assert_error(body: &Value, status: u16, id: &str) {
    let e = &body["error"];
    assert_eq!(e["status"], status, "{body}");
    assert_eq!(e["id"], id, "{body}");
    let (en, cy) = (
        e["message"]["en"].as_str().unwrap(),
        e["message"]["cy"].as_str().unwrap(),
    );
    assert!(!en.is_empty() && !cy.is_empty() && en != cy, "{body}");
}

/// The same key twice: one reading, the same answer. The same key for another
/// body: 422. Without a key, each request acts.
async fn a_key_makes_a_retry_change_nothing(app: TestApp) {
    let (a, ca) = app
        .db
        .create_programme_with_cohort("prog-a", "A")
        .await
        .unwrap();
    let (user, _) = signed_in_with(
        &app,
        "facilitator@example.com",
        Role::Facilitator,
        Scope::Cohort {
            programme: a,
            cohort: ca,
        },
    )
    .await;
    let org = Firm::named("Firm A").add(&app.db, a).await.unwrap();
    let p = crate::support::project(&app, ca, org.id, "Less waiting", "testing", "cohort").await;
    let token = token_for(&app, user.id, true, None).await;
    let readings = format!("/api/v1/projects/{}/readings", p.id);
    let reading = json!({"taken_on": "2026-01-05", "value": "12.5", "note": "Monday"});

    let (s1, b1, r1) = keyed(&app, "POST", &readings, &token, "key-1", reading.clone()).await;
    assert_eq!(s1, 201, "{b1}");
    assert!(!r1);
    let (s2, b2, r2) = keyed(&app, "POST", &readings, &token, "key-1", reading.clone()).await;
    assert_eq!((s2, &b2), (201, &b1));
    assert!(r2, "a replay says so");
    assert_eq!(app.db.readings(p.id).await.unwrap().len(), 1);

    // The same key for a different request: refused, nothing changes.
    let other = json!({"taken_on": "2026-01-06", "value": "13", "note": "Tuesday"});
    let (s3, b3, _) = keyed(&app, "POST", &readings, &token, "key-1", other.clone()).await;
    assert_eq!(s3, 422);
    assert_error(&b3, 422, "api-error-idempotency-mismatch");
    assert_eq!(app.db.readings(p.id).await.unwrap().len(), 1);

    // A refused body is answered the same way again.
    let bad = json!({"taken_on": "2099-01-01", "value": "lots"});
    let (s4, b4, _) = keyed(&app, "POST", &readings, &token, "key-2", bad.clone()).await;
    let (s5, b5, r5) = keyed(&app, "POST", &readings, &token, "key-2", bad).await;
    assert_eq!((s4, s5), (422, 422));
    assert_eq!(b4, b5);
    assert!(r5);

    // A key of another token is its own.
    let second = token_for(&app, user.id, true, None).await;
    let (s6, _, r6) = keyed(&app, "POST", &readings, &second, "key-1", other.clone()).await;
    assert_eq!(s6, 201);
    assert!(!r6);
    assert_eq!(app.db.readings(p.id).await.unwrap().len(), 2);

    // A key that is not 1 to 255 visible characters is refused.
    let long = "k".repeat(256);
    for bad_key in [long.as_str(), "two words"] {
        let (s, b, _) = keyed(&app, "POST", &readings, &token, bad_key, other.clone()).await;
        assert_eq!(s, 400, "{bad_key}");
        assert_error(&b, 400, "api-error-idempotency-key");
    }
    assert_eq!(app.db.readings(p.id).await.unwrap().len(), 2);

    // Without a key, each request acts.
    for _ in 0..2 {
        let (s, _) = call(&app, "POST", &readings, Some(&token), Some(other.clone())).await;
        assert_eq!(s, 201);
    }
    assert_eq!(app.db.readings(p.id).await.unwrap().len(), 4);

    // A key a day old is forgotten: the same request acts again.
    app.db
        .execute_unchecked("UPDATE idempotency_keys SET created_at = '2000-01-01 00:00:00+00:00'")
        .await
        .unwrap();
    let (s7, _, r7) = keyed(&app, "POST", &readings, &token, "key-1", reading).await;
    assert_eq!(s7, 201);
    assert!(!r7);
    assert_eq!(app.db.readings(p.id).await.unwrap().len(), 5);
}

/// The store's keys: claimed once, pending until answered, replayed after,
/// refused for another request, and released after a fault.
async fn keys_are_claimed_once(app: TestApp) {
    use ymarfer_store::idempotency::Claim;
    let user = app
        .user("someone@example.com", ymarfer_domain::Lang::En, false)
        .await;
    let token: i64 = app
        .db
        .create_api_token(
            user.id,
            "t",
            ymarfer_domain::authz::TokenScope {
                write: true,
                programme: None,
            },
            chrono::Utc::now() + chrono::Duration::days(1),
            &ymarfer_store::audit::NewAuditEvent::default(),
        )
        .await
        .unwrap()
        .unwrap()
        .0
        .id;
    let now = chrono::Utc::now();
    let db = &app.db;
    assert_eq!(
        db.claim_idempotency_key(token, "k", "h1", now)
            .await
            .unwrap(),
        Claim::Fresh
    );
    assert_eq!(
        db.claim_idempotency_key(token, "k", "h1", now)
            .await
            .unwrap(),
        Claim::Pending
    );
    assert_eq!(
        db.claim_idempotency_key(token, "k", "h2", now)
            .await
            .unwrap(),
        Claim::Mismatch
    );
    db.answer_idempotency_key(token, "k", 201, "{\"id\":1}")
        .await
        .unwrap();
    assert_eq!(
        db.claim_idempotency_key(token, "k", "h1", now)
            .await
            .unwrap(),
        Claim::Answered {
            status: 201,
            body: "{\"id\":1}".into()
        }
    );
    // An answered key is not released.
    db.release_idempotency_key(token, "k").await.unwrap();
    assert!(matches!(
        db.claim_idempotency_key(token, "k", "h1", now)
            .await
            .unwrap(),
        Claim::Answered { .. }
    ));
    // A pending one is, and may be claimed again.
    assert_eq!(
        db.claim_idempotency_key(token, "j", "h1", now)
            .await
            .unwrap(),
        Claim::Fresh
    );
    db.release_idempotency_key(token, "j").await.unwrap();
    assert_eq!(
        db.claim_idempotency_key(token, "j", "h1", now)
            .await
            .unwrap(),
        Claim::Fresh
    );
    // A day later, both are forgotten.
    let later = now + chrono::Duration::hours(25);
    assert_eq!(
        db.claim_idempotency_key(token, "k", "h2", later)
            .await
            .unwrap(),
        Claim::Fresh
    );
}

/// Changing a firm's rate through the API moves the claimed values and writes
/// one audit event with the figures before and after; a participant and a
/// read-only token are refused, and change nothing.
pub(crate) async fn the_rate_changes_through_the_api(app: TestApp) {
    let (a, ca) = app
        .db
        .create_programme_with_cohort("prog-a", "A")
        .await
        .unwrap();
    let programme = app.db.programme_by_id(a).await.unwrap().unwrap();
    let (manager, _) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(a),
    )
    .await;
    let (participant, _) = signed_in_with(
        &app,
        "participant@example.com",
        Role::Participant,
        Scope::Cohort {
            programme: a,
            cohort: ca,
        },
    )
    .await;
    let org = Firm::named("Firm A").add(&app.db, a).await.unwrap();
    let p = crate::support::project(&app, ca, org.id, "Less waiting", "testing", "cohort").await;
    let token = token_for(&app, manager.id, true, None).await;
    let benefits = format!("/api/v1/projects/{}/benefits", p.id);
    let line = json!({
        "description": "Less waiting", "category": "labour_time", "savings_type": "soft",
        "frequency": "weekly", "starts_on": "2026-01-05", "status": "claimed", "hours": "10"
    });
    let (status, body) = call(&app, "POST", &benefits, Some(&token), Some(line)).await;
    assert_eq!(status, 201, "{body}");
    let first_year = |ledger: &Value| ledger[0]["versions"][0]["first_year_pence"].as_i64();
    let (_, ledger) = call(&app, "GET", &benefits, Some(&token), None).await;
    let before = first_year(&ledger).unwrap();
    assert_eq!(
        before,
        programme.default_hourly_rate_pence * 520 * programme.capture_factor_thousandths / 1000
    );

    let rate = format!("/api/v1/organisations/{}/rate", org.id);
    let events = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            db.audit_events(&AuditQuery::default(), 100, 0)
                .await
                .unwrap()
                .into_iter()
                .filter(|e| e.action.as_str() == "organisation_rate_changed")
                .collect::<Vec<_>>()
        }
    };
    // A participant may not; nor may a read-only token of the manager's.
    let theirs = token_for(&app, participant.id, true, None).await;
    let (status, body) = call(
        &app,
        "PUT",
        &rate,
        Some(&theirs),
        Some(json!({"hourly_rate": "30"})),
    )
    .await;
    assert!(status == 403 || status == 404, "{status} {body}");
    let read_only = token_for(&app, manager.id, false, None).await;
    let (status, body) = call(
        &app,
        "PUT",
        &rate,
        Some(&read_only),
        Some(json!({"hourly_rate": "30"})),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert_error(&body, 403, "api-error-forbidden");
    // A refused rate names its field in both languages.
    let (status, body) = call(
        &app,
        "PUT",
        &rate,
        Some(&token),
        Some(json!({"hourly_rate": "lots"})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["field"], "hourly_rate");
    assert!(events(&app).await.is_empty());
    assert_eq!(
        app.db
            .organisation_by_id(org.id)
            .await
            .unwrap()
            .unwrap()
            .hourly_rate_pence,
        None
    );

    let (status, body) = call(
        &app,
        "PUT",
        &rate,
        Some(&token),
        Some(json!({"hourly_rate": "30"})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let after = 3000 * 520 * programme.capture_factor_thousandths / 1000;
    assert_eq!(body["hourly_rate_pence"], 3000);
    assert_eq!(body["previous_hourly_rate_pence"], Value::Null);
    assert_eq!(body["claimed_before_pence"], before);
    assert_eq!(body["claimed_after_pence"], after);
    let (_, ledger) = call(&app, "GET", &benefits, Some(&token), None).await;
    assert_eq!(first_year(&ledger), Some(after));
    let trail = events(&app).await;
    assert_eq!(trail.len(), 1, "one event");
    let tr = ymarfer_app::i18n::Tr(ymarfer_domain::Lang::En);
    assert!(
        trail[0].detail.contains(&format!(
            "hourly rate the programme's → £30.00; claimed first-year total {} → {}",
            tr.money(ymarfer_domain::Pence(before)),
            tr.money(ymarfer_domain::Pence(after))
        )),
        "{}",
        trail[0].detail
    );
    assert_eq!(trail[0].actor_id, Some(manager.id));
    // The same rate again moves nothing and records nothing.
    let (status, _) = call(
        &app,
        "PUT",
        &rate,
        Some(&token),
        Some(json!({"hourly_rate": "30"})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(events(&app).await.len(), 1);
}

/// A post through the API is on the space's page, and its mention tells the
/// person named; an observer and a read-only token may not post.
pub(crate) async fn a_post_through_the_api_is_in_the_space(app: TestApp) {
    let (a, ca) = app
        .db
        .create_programme_with_cohort("prog-a", "A")
        .await
        .unwrap();
    let programme = app.db.programme_by_id(a).await.unwrap().unwrap();
    let cohort = app.db.cohort_by_id(ca).await.unwrap().unwrap();
    let (participant, client) = signed_in_with(
        &app,
        "participant@example.com",
        Role::Participant,
        Scope::Cohort {
            programme: a,
            cohort: ca,
        },
    )
    .await;
    let posts = format!(
        "/api/v1/programmes/{}/cohorts/{}/posts",
        programme.slug, cohort.slug
    );
    let read_only = token_for(&app, participant.id, false, None).await;
    let (status, body) = call(
        &app,
        "POST",
        &posts,
        Some(&read_only),
        Some(json!({"body": "Helo"})),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    let token = token_for(&app, participant.id, true, None).await;
    let (status, body) = call(
        &app,
        "POST",
        &posts,
        Some(&token),
        Some(json!({"body": "  "})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["field"], "body");
    let (status, body) = call(
        &app,
        "POST",
        &posts,
        Some(&token),
        Some(json!({"body": "Our kanban board halved the waiting", "lang": "en"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["lang"], "en");
    let page = client
        .get(&format!(
            "/en/programmes/{}/cohorts/{}/space",
            programme.slug, cohort.slug
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Our kanban board halved the waiting"));
    assert!(page.contains(&format!("item-{}", body["id"])));
}

/// Each version in the ledger carries its figures, so its first-year value
/// can be recomputed from the API alone, before and after verification.
async fn a_line_recomputes_from_its_figures(app: TestApp) {
    let (a, ca) = app
        .db
        .create_programme_with_cohort("prog-a", "A")
        .await
        .unwrap();
    let (user, _) = signed_in_with(
        &app,
        "facilitator@example.com",
        Role::Facilitator,
        Scope::Cohort {
            programme: a,
            cohort: ca,
        },
    )
    .await;
    let org = Firm::named("Firm A")
        .rate(2750)
        .add(&app.db, a)
        .await
        .unwrap();
    let p = crate::support::project(&app, ca, org.id, "Less waiting", "testing", "cohort").await;
    let token = token_for(&app, user.id, true, None).await;
    let benefits = format!("/api/v1/projects/{}/benefits", p.id);
    for line in [
        json!({"description": "Hours", "category": "labour_time", "savings_type": "soft",
               "frequency": "monthly", "starts_on": "2026-01-05", "status": "claimed", "hours": "3.33"}),
        json!({"description": "Own rate", "category": "labour_time", "savings_type": "soft",
               "frequency": "quarterly", "starts_on": "2026-01-05", "status": "forecast",
               "hours": "7.5", "hourly_rate": "41.10"}),
        json!({"description": "Money", "category": "materials", "savings_type": "hard",
               "frequency": "weekly", "starts_on": "2026-01-05", "status": "claimed", "amount": "12.34"}),
    ] {
        let (status, body) = call(&app, "POST", &benefits, Some(&token), Some(line)).await;
        assert_eq!(status, 201, "{body}");
    }
    let (_, ledger) = call(&app, "GET", &benefits, Some(&token), None).await;
    let lines = ledger.as_array().unwrap();
    assert_eq!(lines.len(), 3);
    let periods = |f: &str| match f {
        "weekly" => 52,
        "monthly" => 12,
        "quarterly" => 4,
        "annually" | "one_off" => 1,
        other => panic!("{other}"),
    };
    for line in lines {
        let v = &line["versions"][0];
        let n: i128 = periods(v["frequency"].as_str().unwrap());
        let expected = match v["amount_pence"].as_i64() {
            Some(amount) => {
                assert!(v["valued_rate_pence"].is_null() && v["capture_thousandths"].is_null());
                i128::from(amount) * n
            }
            None => {
                let hours = i128::from(v["hours_hundredths"].as_i64().unwrap());
                let rate = i128::from(v["valued_rate_pence"].as_i64().unwrap());
                let capture = i128::from(v["capture_thousandths"].as_i64().unwrap());
                // Rounded half away from zero, once.
                (hours * rate * capture * n + 50_000) / 100_000
            }
        };
        assert_eq!(
            i128::from(v["first_year_pence"].as_i64().unwrap()),
            expected,
            "{v}"
        );
    }
    // Rates as they resolve: the firm's, and the line's own.
    assert_eq!(lines[0]["versions"][0]["valued_rate_pence"], 2750);
    assert_eq!(lines[1]["versions"][0]["valued_rate_pence"], 4110);
}

on_both! {
    api_idempotent_replay => super::a_key_makes_a_retry_change_nothing;
    api_idempotency_store => super::keys_are_claimed_once;
    api_rate_change => super::the_rate_changes_through_the_api;
    api_space_post => super::a_post_through_the_api_is_in_the_space;
    api_ledger_figures => super::a_line_recomputes_from_its_figures;
}
