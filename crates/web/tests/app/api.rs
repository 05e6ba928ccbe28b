//! The JSON API: personal access tokens made and revoked on the profile, the
//! token's scope (read-only, one programme), paging, ETags, the error shape,
//! the rate limit, and the OpenAPI document kept under review.

use crate::on_both;
use crate::support::{TestApp, signed_in_with};
use serde_json::Value;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::authz::TokenScope;
use ymarfer_domain::{Lang, Role, Scope};

/// A token for the person, made straight in the database.
pub async fn token_for(app: &TestApp, user: i64, write: bool, programme: Option<i64>) -> String {
    static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    app.db
        .create_api_token(
            user,
            &format!("test {n}"),
            TokenScope { write, programme },
            chrono::Utc::now() + chrono::Duration::days(1),
            &ymarfer_store::audit::NewAuditEvent::default(),
        )
        .await
        .unwrap()
        .expect("a fresh name")
        .1
}

/// Sends a request with the token (if any) and returns the status and JSON body.
pub async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let http = reqwest::Client::new();
    let mut req = http.request(method.parse().unwrap(), app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// The error shape: status, a message id, and its text in both languages.
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

async fn two_programmes(app: &TestApp) -> (i64, i64, i64, i64) {
    let (a, ca) = app
        .db
        .create_programme_with_cohort("prog-a", "A")
        .await
        .unwrap();
    let (b, cb) = app
        .db
        .create_programme_with_cohort("prog-b", "B")
        .await
        .unwrap();
    (a, ca, b, cb)
}

/// A token is made on the profile and shown once; it reads as its person; once
/// revoked it does nothing. Making and revoking are in the audit trail.
async fn tokens_are_made_shown_once_and_revoked(app: TestApp) {
    let (a, _, _, _) = two_programmes(&app).await;
    let (user, client) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(a),
    )
    .await;
    // Refused input keeps what was typed and makes nothing.
    let res = client
        .post(
            "/en/profile/tokens",
            &[
                ("name", ""),
                ("access", "admin"),
                ("programme", "99999"),
                ("days", "5"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    for message in [
        "Give the token a name.",
        "Choose read only, or read and change.",
        "Choose a programme you can see, or every programme.",
        "Choose how long the token lasts.",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert!(app.db.api_tokens_of(user.id).await.unwrap().is_empty());

    let res = client
        .post(
            "/cy/profile/tokens",
            &[
                ("name", "Power BI"),
                ("access", "read"),
                ("programme", &a.to_string()),
                ("days", "30"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    let secret = regex::Regex::new(r#"value="(ymf_[0-9a-f]{64})""#)
        .unwrap()
        .captures(&page)
        .expect("the secret, shown once")[1]
        .to_string();
    assert!(page.contains("Copïwch ef nawr"));
    // Only its hash is kept, and the list never shows it again.
    let list = client.get("/en/profile/tokens").await.text().await.unwrap();
    assert!(!list.contains(&secret));
    assert!(list.contains("Power BI") && list.contains("Read only") && list.contains("Never"));

    let (status, me) = call(&app, "GET", "/api/v1/me", Some(&secret), None).await;
    assert_eq!(status, 200);
    assert_eq!(me["user_id"], user.id);
    assert_eq!(me["write"], false);
    assert_eq!(me["programme_id"], a);
    let list = client.get("/en/profile/tokens").await.text().await.unwrap();
    assert!(!list.contains("Never"), "the last use is shown");

    // Another person cannot revoke it.
    let (_, other) = signed_in_with(
        &app,
        "other@example.com",
        Role::ProgrammeManager,
        Scope::Programme(a),
    )
    .await;
    let id = app.db.api_tokens_of(user.id).await.unwrap()[0].id;
    let res = other
        .post(&format!("/en/profile/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(
        call(&app, "GET", "/api/v1/me", Some(&secret), None).await.0,
        200
    );

    let res = client
        .post(&format!("/en/profile/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let (status, body) = call(&app, "GET", "/api/v1/me", Some(&secret), None).await;
    assert_eq!(status, 401);
    assert_error(&body, 401, "api-error-token");

    let trail = app
        .db
        .audit_events(&ymarfer_store::audit::AuditQuery::default(), 100, 0)
        .await
        .unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert!(
        actions.contains(&"token_created") && actions.contains(&"token_revoked"),
        "{actions:?}"
    );
}

/// The API takes no cookie: a signed-in browser without a token gets 401, and
/// a write without a token changes nothing.
async fn the_api_ignores_cookies(app: TestApp) {
    let (a, _, _, _) = two_programmes(&app).await;
    let (_, client) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(a),
    )
    .await;
    let res = client.get("/api/v1/programmes").await;
    assert_eq!(res.status(), 401);
    assert!(res.headers().get("www-authenticate").is_some());
    let (status, body) = call(
        &app,
        "GET",
        "/api/v1/programmes",
        Some("ymf_not-a-token"),
        None,
    )
    .await;
    assert_eq!(status, 401);
    assert_error(&body, 401, "api-error-token");
}

/// A token limited to one programme reads it, and gets 404 for every record of
/// another, even for an administrator; a read-only token changes nothing.
async fn a_token_for_one_programme_sees_no_other(app: TestApp) {
    let (a, ca, b, cb) = two_programmes(&app).await;
    let admin = app.user("admin@example.com", Lang::En, true).await;
    let org_a = Firm::named("Firm A").add(&app.db, a).await.unwrap();
    let org_b = Firm::named("Firm B").add(&app.db, b).await.unwrap();
    let pa = crate::support::project(&app, ca, org_a.id, "A's", "testing", "cohort").await;
    let pb = crate::support::project(&app, cb, org_b.id, "B's", "testing", "cohort").await;
    let lead_b = app
        .db
        .create_lead(&ymarfer_store::health::LeadInput {
            programme_id: Some(b),
            name: "Lowri".into(),
            email: "lowri@example.com".into(),
            organisation_name: "Firm C".into(),
            ..Default::default()
        })
        .await
        .unwrap();

    let only_a = token_for(&app, admin.id, true, Some(a)).await;
    let (status, list) = call(&app, "GET", "/api/v1/programmes", Some(&only_a), None).await;
    assert_eq!(status, 200);
    let slugs: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["prog-a"]);
    for path in [
        "/api/v1/programmes/prog-a".to_string(),
        "/api/v1/programmes/prog-a/cohorts".into(),
        "/api/v1/programmes/prog-a/organisations".into(),
        "/api/v1/programmes/prog-a/impact".into(),
        "/api/v1/programmes/prog-a/leads".into(),
        "/api/v1/programmes/prog-a/cohorts/cohort-1/projects".into(),
        "/api/v1/programmes/prog-a/cohorts/cohort-1/sessions".into(),
        format!("/api/v1/organisations/{}", org_a.id),
        format!("/api/v1/projects/{}", pa.id),
        format!("/api/v1/projects/{}/benefits", pa.id),
    ] {
        assert_eq!(
            call(&app, "GET", &path, Some(&only_a), None).await.0,
            200,
            "{path}"
        );
    }
    for path in [
        "/api/v1/programmes/prog-b".to_string(),
        "/api/v1/programmes/prog-b/cohorts".into(),
        "/api/v1/programmes/prog-b/organisations".into(),
        "/api/v1/programmes/prog-b/impact".into(),
        "/api/v1/programmes/prog-b/leads".into(),
        format!("/api/v1/programmes/prog-b/leads/{}", lead_b.id),
        "/api/v1/programmes/prog-b/cohorts/cohort-1/projects".into(),
        "/api/v1/programmes/prog-b/cohorts/cohort-1/sessions".into(),
        format!("/api/v1/organisations/{}", org_b.id),
        format!("/api/v1/projects/{}", pb.id),
        format!("/api/v1/projects/{}/benefits", pb.id),
    ] {
        let (status, body) = call(&app, "GET", &path, Some(&only_a), None).await;
        assert_eq!(status, 404, "{path}");
        assert_error(&body, 404, "api-error-not-found");
    }
    let change = serde_json::json!({"status": "closed", "notes": ""});
    let path = format!("/api/v1/programmes/prog-b/leads/{}", lead_b.id);
    assert_eq!(
        call(&app, "PATCH", &path, Some(&only_a), Some(change.clone()))
            .await
            .0,
        404
    );
    assert_eq!(
        app.db
            .lead_by_id(lead_b.id)
            .await
            .unwrap()
            .unwrap()
            .status
            .as_str(),
        "new"
    );

    // The same person with a token for everything sees B, and a read-only one
    // may not change it.
    let all_read = token_for(&app, admin.id, false, None).await;
    assert_eq!(call(&app, "GET", &path, Some(&all_read), None).await.0, 200);
    let (status, body) = call(&app, "PATCH", &path, Some(&all_read), Some(change.clone())).await;
    assert_eq!(status, 403);
    assert_error(&body, 403, "api-error-forbidden");
    assert_eq!(
        app.db
            .lead_by_id(lead_b.id)
            .await
            .unwrap()
            .unwrap()
            .status
            .as_str(),
        "new"
    );
    let all_write = token_for(&app, admin.id, true, None).await;
    let (status, body) = call(&app, "PATCH", &path, Some(&all_write), Some(change)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "closed");
    assert_eq!(
        app.db
            .lead_by_id(lead_b.id)
            .await
            .unwrap()
            .unwrap()
            .status
            .as_str(),
        "closed"
    );
}

/// Lists come a page at a time by cursor; a bad cursor or limit is a 400 in the
/// API's shape.
async fn lists_page_by_cursor(app: TestApp) {
    let (a, _, _, _) = two_programmes(&app).await;
    let (user, _) = signed_in_with(
        &app,
        "manager@example.com",
        Role::ProgrammeManager,
        Scope::Programme(a),
    )
    .await;
    let mut made = Vec::new();
    for i in 0..5 {
        made.push(
            Firm::named(&format!("Firm {i}"))
                .add(&app.db, a)
                .await
                .unwrap()
                .id,
        );
    }
    let token = token_for(&app, user.id, false, None).await;
    let mut seen = Vec::new();
    let mut path = "/api/v1/programmes/prog-a/organisations?limit=2".to_string();
    let mut pages = 0;
    loop {
        let (status, body) = call(&app, "GET", &path, Some(&token), None).await;
        assert_eq!(status, 200, "{body}");
        pages += 1;
        for o in body["items"].as_array().unwrap() {
            seen.push(o["id"].as_i64().unwrap());
        }
        match body["next"].as_str() {
            Some(next) => {
                path = format!("/api/v1/programmes/prog-a/organisations?limit=2&after={next}")
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, made);
    for (query, id) in [
        ("limit=0", "api-error-limit"),
        ("limit=201", "api-error-limit"),
        ("after=bm9wZQ", "api-error-cursor"),
        ("limit=x", "api-error-bad-request"),
    ] {
        let (status, body) = call(
            &app,
            "GET",
            &format!("/api/v1/programmes/prog-a/organisations?{query}"),
            Some(&token),
            None,
        )
        .await;
        assert_eq!(status, 400, "{query}");
        assert_error(&body, 400, id);
    }
}

/// A GET answer carries an ETag; sent back, it answers 304 until the record
/// changes.
async fn answers_carry_etags(app: TestApp) {
    let (a, ca, _, _) = two_programmes(&app).await;
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
    let http = reqwest::Client::new();
    let url = app.url(&format!("/api/v1/projects/{}", p.id));
    let first = http.get(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let again = http
        .get(&url)
        .bearer_auth(&token)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.text().await.unwrap().is_empty());

    // A reading through the API: refused fields are named in both languages.
    let readings = format!("/api/v1/projects/{}/readings", p.id);
    let (status, body) = call(
        &app,
        "POST",
        &readings,
        Some(&token),
        Some(serde_json::json!({"taken_on": "2099-01-01", "value": "lots"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_error(&body, 422, "api-error-invalid");
    let fields: Vec<&str> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["taken_on", "value"]);
    assert_ne!(
        body["error"]["fields"][0]["message"]["en"],
        body["error"]["fields"][0]["message"]["cy"]
    );
    let (status, body) = call(
        &app,
        "POST",
        &readings,
        Some(&token),
        Some(serde_json::json!("not an object")),
    )
    .await;
    assert_eq!(status, 400);
    assert_error(&body, 400, "api-error-bad-body");
    assert!(app.db.readings(p.id).await.unwrap().is_empty());
    let (status, body) = call(
        &app,
        "POST",
        &readings,
        Some(&token),
        Some(serde_json::json!({"taken_on": "2026-01-05", "value": "12.5", "note": "Monday"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["value_hundredths"], 1250);
    // A cycle and a benefit line, by the same rules as the forms.
    let cycles = format!("/api/v1/projects/{}/cycles", p.id);
    let (status, body) = call(
        &app,
        "POST",
        &cycles,
        Some(&token),
        Some(serde_json::json!({"prediction": "Faster"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["fields"][0]["field"], "change_idea");
    let (status, body) = call(
        &app,
        "POST",
        &cycles,
        Some(&token),
        Some(serde_json::json!({"change_idea": "A kanban board", "tested_on": "2026-01-05"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["number"], 1);
    let benefits = format!("/api/v1/projects/{}/benefits", p.id);
    let line = serde_json::json!({
        "description": "Less waiting", "category": "labour_time", "savings_type": "soft",
        "frequency": "weekly", "starts_on": "2026-01-05", "status": "claimed", "amount": "120.50"
    });
    // Verifying is a separate, recorded act: a line cannot arrive verified.
    let mut verified = line.clone();
    verified["status"] = "verified".into();
    let (status, body) = call(&app, "POST", &benefits, Some(&token), Some(verified)).await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["fields"][0]["field"], "status");
    let (status, body) = call(&app, "POST", &benefits, Some(&token), Some(line)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["versions"][0]["status"], "claimed");
    assert_eq!(body["versions"][0]["amount_pence"], 12050);
    let (_, ledger) = call(&app, "GET", &benefits, Some(&token), None).await;
    assert_eq!(ledger[0]["line_id"], body["line_id"]);
    let changed = http
        .get(&url)
        .bearer_auth(&token)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
    let project: Value = changed.json().await.unwrap();
    assert_eq!(project["readings"][0]["note"], "Monday");
}

/// Each token may make so many requests a minute; beyond that, 429 with
/// Retry-After, counted in the database so that it holds across servers.
async fn tokens_are_rate_limited(app: TestApp) {
    let (a, _, _, _) = two_programmes(&app).await;
    let user = app.user("manager@example.com", Lang::En, false).await;
    app.db
        .grant(user.id, Role::ProgrammeManager, Scope::Programme(a))
        .await
        .unwrap();
    let token = token_for(&app, user.id, false, None).await;
    let other = token_for(&app, user.id, false, None).await;
    for _ in 0..5 {
        assert_eq!(
            call(&app, "GET", "/api/v1/me", Some(&token), None).await.0,
            200
        );
    }
    let http = reqwest::Client::new();
    let res = http
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers()["retry-after"], "60");
    let body: Value = res.json().await.unwrap();
    assert_error(&body, 429, "api-error-rate");
    // Another token is counted on its own.
    assert_eq!(
        call(&app, "GET", "/api/v1/me", Some(&other), None).await.0,
        200
    );
}

async fn rate_limited_app(backend: ymarfer_store::Backend) -> Option<TestApp> {
    TestApp::spawn_configured(backend, |c| c.with_api_limit(5)).await
}

mod rate_limit {
    #[tokio::test]
    async fn sqlite() {
        let app = super::rate_limited_app(ymarfer_store::Backend::Sqlite)
            .await
            .unwrap();
        super::tokens_are_rate_limited(app).await;
    }
    #[tokio::test]
    async fn postgres() {
        if let Some(app) = super::rate_limited_app(ymarfer_store::Backend::Postgres).await {
            super::tokens_are_rate_limited(app).await;
        }
    }
}

on_both! {
    tokens_lifecycle => super::tokens_are_made_shown_once_and_revoked;
    api_ignores_cookies => super::the_api_ignores_cookies;
    api_token_scope => super::a_token_for_one_programme_sees_no_other;
    api_paging => super::lists_page_by_cursor;
    api_etags_and_writes => super::answers_carry_etags;
}

/// The OpenAPI document is generated from the code and kept in the repository,
/// so a change to the API shows in review. `UPDATE_SNAPSHOTS=1` rewrites it.
#[test]
fn the_openapi_document_is_under_review() {
    let doc = ymarfer_web::api::openapi();
    let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["openapi"], "3.1.0");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/openapi.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == json,
        "the API changed: review it, then rewrite tests/openapi.json with UPDATE_SNAPSHOTS=1"
    );
}

/// What every operation may answer (no valid token, too many requests) is
/// declared once among the components, and each operation names it there.
#[test]
fn shared_answers_are_declared_once() {
    let value: Value = serde_json::to_value(ymarfer_web::api::openapi()).unwrap();
    let mut operations = 0;
    for (path, item) in value["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            operations += 1;
            for (status, name) in [("401", "Unauthorised"), ("429", "TooManyRequests")] {
                assert_eq!(
                    op["responses"][status]["$ref"],
                    format!("#/components/responses/{name}"),
                    "{method} {path} answers {status} by reference"
                );
            }
        }
    }
    assert!(operations >= 16, "{operations} operations");
    for name in ["Unauthorised", "TooManyRequests"] {
        let answer = &value["components"]["responses"][name];
        assert_eq!(
            answer["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ErrorBody",
            "{name}"
        );
    }
}

/// Every operation is described on the human page in both languages.
#[test]
fn every_operation_is_described_in_both_languages() {
    let ops = ymarfer_web::api::operations();
    assert!(ops.len() >= 16, "{} operations", ops.len());
    for (_, path, id) in ops {
        assert!(!id.is_empty(), "{path} has no operation id");
        let key = format!("api-op-{}", id.replace('_', "-"));
        for lang in [Lang::En, Lang::Cy] {
            assert!(
                ymarfer_app::i18n::Tr(lang).try_t(&key).is_some(),
                "{key} in {lang:?}"
            );
        }
    }
}

/// Schemathesis (from PyPI; `./scripts/test` installs it and names it in
/// `YMARFER_TEST_SCHEMATHESIS`) drives every operation of the OpenAPI
/// document, with a read-write token of each role, and finds no 5xx, no
/// undocumented status and no answer that breaks the schema.
async fn the_api_survives_fuzzing(app: TestApp) {
    let schemathesis = std::env::var("YMARFER_TEST_SCHEMATHESIS").expect(
        "YMARFER_TEST_SCHEMATHESIS names the schemathesis program; run the tests with ./scripts/test",
    );
    let (a, ca, b, cb) = two_programmes(&app).await;
    let org_a = Firm::named("Firm A").add(&app.db, a).await.unwrap();
    let org_b = Firm::named("Firm B").add(&app.db, b).await.unwrap();
    crate::support::project(&app, ca, org_a.id, "A's", "testing", "cohort").await;
    crate::support::project(&app, cb, org_b.id, "B's", "testing", "cohort").await;
    app.db
        .create_lead(&ymarfer_store::health::LeadInput {
            programme_id: Some(a),
            name: "Lowri".into(),
            email: "lowri@example.com".into(),
            organisation_name: "Firm C".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let start = chrono::Utc::now();
    app.db
        .create_meeting(
            ca,
            &ymarfer_store::schedule::MeetingInput {
                title: "Mapping".into(),
                starts_at: start,
                ends_at: start + chrono::Duration::hours(2),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let people = [
        (
            "participant@example.com",
            Some((
                Role::Participant,
                Scope::Cohort {
                    programme: a,
                    cohort: ca,
                },
            )),
            false,
        ),
        (
            "facilitator@example.com",
            Some((
                Role::Facilitator,
                Scope::Cohort {
                    programme: a,
                    cohort: ca,
                },
            )),
            false,
        ),
        (
            "manager@example.com",
            Some((Role::ProgrammeManager, Scope::Programme(a))),
            false,
        ),
        (
            "observer@example.com",
            Some((Role::Observer, Scope::Programme(a))),
            false,
        ),
        ("admin@example.com", None, true),
    ];
    let work = std::env::temp_dir().join(format!("ymarfer-fuzz-{}", app.addr.port()));
    std::fs::create_dir_all(&work).unwrap();
    // Records that exist, so that the fuzzer reaches past "not found". Every
    // check runs; reads must accept every request the document allows, while
    // a write may refuse one for a rule a schema cannot state (exactly one of
    // an amount or hours; an Idempotency-Key reused for another change), with
    // a 422 that names it.
    std::fs::write(
        work.join("schemathesis.toml"),
        "[parameters]\np = \"prog-a\"\nc = \"cohort-1\"\ns = 1\nid = 1\n\n\
         [[operations]]\ninclude-method = [\"POST\", \"PUT\", \"PATCH\", \"DELETE\"]\n\
         checks.positive_data_acceptance.expected-statuses = \
         [\"2xx\", \"3xx\", \"401\", \"403\", \"404\", \"409\", \"422\", \"429\"]\n",
    )
    .unwrap();
    for (email, role, admin) in people {
        let user = app.user(email, Lang::En, admin).await;
        if let Some((role, scope)) = role {
            app.db.grant(user.id, role, scope).await.unwrap();
        }
        let token = token_for(&app, user.id, true, None).await;
        let mut command = std::process::Command::new(&schemathesis);
        command.current_dir(&work).args([
            "run",
            &app.url("/api/v1/openapi.json"),
            "--url",
            &app.url("/api/v1"),
            "--header",
            &format!("Authorization: Bearer {token}"),
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "25",
            "--seed",
            "20261201",
            "--workers",
            "1",
            "--no-color",
            "--suppress-health-check",
            "all",
        ]);
        let out = tokio::task::spawn_blocking(move || command.output())
            .await
            .unwrap()
            .expect("schemathesis runs");
        let report = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        eprintln!("{email}:\n{report}");
        assert!(out.status.success(), "{email}:\n{report}");
        // It did test: every operation was reached.
        let n = ymarfer_web::api::operations().len();
        assert!(
            report.contains(&format!("{n} selected / {n} total")),
            "{email}: not every operation was tested:\n{report}"
        );
    }
}

async fn fuzzable_app(backend: ymarfer_store::Backend) -> Option<TestApp> {
    TestApp::spawn_configured(backend, |c| c.with_api_limit(1_000_000)).await
}

mod fuzz {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        let app = super::fuzzable_app(ymarfer_store::Backend::Sqlite)
            .await
            .unwrap();
        super::the_api_survives_fuzzing(app).await;
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        if let Some(app) = super::fuzzable_app(ymarfer_store::Backend::Postgres).await {
            super::the_api_survives_fuzzing(app).await;
        }
    }
}
