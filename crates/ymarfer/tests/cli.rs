//! The `ymarfer` command as an operator uses it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn ymarfer() -> Command {
    // Bounded, so that a command that wrongly keeps running fails the test.
    let mut c = Command::new("timeout");
    c.args(["-s", "KILL", "30", env!("CARGO_BIN_EXE_ymarfer")]);
    for var in [
        "YMARFER_DATABASE_URL",
        "YMARFER_DATA_DIR",
        "YMARFER_BIND",
        "YMARFER_BASE_URL",
        "YMARFER_SMTP_HOST",
        "YMARFER_SMTP_SECURITY",
    ] {
        c.env_remove(var);
    }
    c
}

fn temp_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "ymarfer-cli-{}",
        &ymarfer_store::secret::new_secret().0[..12]
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(c: &mut Command) -> (Output, String, String) {
    let out = c.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    (out, stdout, stderr)
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["migrate", "--help"],
        vec!["demo", "--help"],
        vec!["import", "--help"],
        vec!["import", "people", "--help"],
        vec!["user", "--help"],
        vec!["user", "add", "--help"],
        vec!["version", "--help"],
        vec!["copy", "--help"],
    ] {
        let (out, stdout, _) = run(ymarfer().args(&args));
        assert!(out.status.success(), "{args:?}");
        assert!(stdout.contains("Usage:"), "{args:?}: {stdout}");
    }
    let (_, stdout, _) = run(ymarfer().arg("--help"));
    assert!(stdout.contains("YMARFER_DATABASE_URL") && stdout.contains("YMARFER_SMTP_HOST"));
    let (out, stdout, _) = run(ymarfer().arg("version"));
    assert!(out.status.success() && stdout.starts_with("ymarfer "));
}

#[test]
fn bad_configuration_is_a_clear_error_not_a_panic() {
    let dir = temp_dir();
    let cases: [(&str, &str, &str); 4] = [
        (
            "YMARFER_BIND",
            "not-an-address",
            "invalid value 'not-an-address'",
        ),
        (
            "YMARFER_DATABASE_URL",
            "mysql://localhost/x",
            "unsupported database URL",
        ),
        (
            "YMARFER_BASE_URL",
            "ftp://example",
            "YMARFER_BASE_URL must be an http:// or https:// URL",
        ),
        (
            "YMARFER_SMTP_SECURITY",
            "ssl",
            "YMARFER_SMTP_SECURITY must be one of",
        ),
    ];
    for (var, value, message) in cases {
        let (out, _, stderr) = run(ymarfer()
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env("YMARFER_DATA_DIR", &dir)
            .env(var, value));
        assert!(!out.status.success(), "{var}");
        assert!(stderr.contains(message), "{var}: {stderr}");
        assert!(!stderr.contains("panicked"), "{var}: {stderr}");
    }
}

#[test]
fn user_add_prints_an_invitation_link() {
    let dir = temp_dir();
    let (out, stdout, stderr) = run(ymarfer()
        .args([
            "user",
            "add",
            "--admin",
            "--language",
            "cy",
            "Gweinyddwr@Example.com",
        ])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("gweinyddwr@example.com as an administrator"),
        "{stdout}"
    );
    assert!(
        stdout.contains("http://127.0.0.1:8080/cy/invitation/"),
        "{stdout}"
    );
    let (out, _, stderr) = run(ymarfer()
        .args(["user", "add", "gweinyddwr@example.com"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(
        !out.status.success() && stderr.contains("already has an account"),
        "{stderr}"
    );
    let (out, _, stderr) = run(ymarfer()
        .args(["user", "add", "not-an-email"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(
        !out.status.success() && stderr.contains("is not a valid email address"),
        "{stderr}"
    );
}

fn http_get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

/// Starts `ymarfer serve` on a free port, checks health and the setup link, then
/// stops it with SIGTERM and expects a clean exit. Its log names routes, never
/// the secrets that links carry.
fn serve_and_stop(database_url: Option<&str>, expect_db: &str) {
    let dir = temp_dir();
    let log_path = dir.join("serve.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ymarfer"));
    cmd.args(["serve", "--bind", "127.0.0.1:0"])
        .env("YMARFER_DATA_DIR", &dir)
        .env("YMARFER_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::from(log));
    if let Some(url) = database_url {
        cmd.env("YMARFER_DATABASE_URL", url);
    }
    let mut child = cmd.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let base = first
        .strip_prefix("Ymarfer is serving at ")
        .expect(&first)
        .trim_end_matches('/')
        .to_string();
    let addr = base.strip_prefix("http://").unwrap().to_string();
    assert!(
        lines
            .next()
            .unwrap()
            .unwrap()
            .contains("No administrator yet")
    );
    let link = lines.next().unwrap().unwrap();
    assert!(
        link.trim().starts_with(&format!("{base}/en/setup/")),
        "{link}"
    );
    let health = http_get(&addr, "/healthz");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(
        health.contains(&format!("\"database\":\"{expect_db}\"")),
        "{health}"
    );
    assert!(http_get(&addr, "/cy").contains("<html lang=\"cy\">"));
    let secret = "9f".repeat(32);
    assert!(http_get(&addr, &format!("/calendar/{secret}.ics")).starts_with("HTTP/1.1 404"));
    assert!(http_get(&addr, &format!("/en/sign-in/link/{secret}")).starts_with("HTTP/1.1 410"));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    for _ in 0..100 {
        if let Some(code) = child.try_wait().unwrap() {
            assert!(code.success(), "clean exit after SIGTERM: {code:?}");
            let log = std::fs::read_to_string(&log_path).unwrap();
            assert!(log.contains("/calendar/{file}"), "routes are logged: {log}");
            assert!(log.contains("/en/sign-in/link/{token}"), "{log}");
            assert!(!log.contains(&secret), "no secret in the log: {log}");
            assert!(
                !log.contains('\u{1b}'),
                "no colour codes into a file: {log}"
            );
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("ymarfer did not stop within 10 seconds of SIGTERM");
}

/// With `YMARFER_LOG_FORMAT=json` each line of the log is a JSON object, and
/// each request is one line with its method, route, status and latency; the
/// secret a link carries in its path or query string is in none of them.
#[test]
fn request_logs_can_be_json() {
    let dir = temp_dir();
    let log_path = dir.join("serve.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ymarfer"));
    cmd.args(["serve", "--bind", "127.0.0.1:0", "--no-jobs"])
        .env("YMARFER_DATA_DIR", &dir)
        .env("YMARFER_LOG", "info")
        .env("YMARFER_LOG_FORMAT", "json")
        .env_remove("YMARFER_DATABASE_URL")
        .stderr(Stdio::from(log));
    let (mut child, addr) = start_serving(cmd);
    let secret = "7e".repeat(32);
    assert!(http_get(&addr, "/healthz").starts_with("HTTP/1.1 200"));
    assert!(
        http_get(&addr, &format!("/en/sign-in/link/{secret}?next={secret}"))
            .starts_with("HTTP/1.1 410")
    );
    let mut lines: Vec<serde_json::Value> = Vec::new();
    for _ in 0..50 {
        let text = std::fs::read_to_string(&log_path).unwrap();
        lines = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        if lines.iter().filter(|l| l["message"] == "served").count() >= 2 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    let served: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["message"] == "served").collect();
    assert_eq!(served.len(), 2, "{lines:?}");
    let health = served[0];
    assert_eq!(health["status"], 200, "{health}");
    assert!(health["ms"].is_u64(), "{health}");
    assert_eq!(health["span"]["method"], "GET", "{health}");
    assert_eq!(health["span"]["route"], "/healthz", "{health}");
    assert_eq!(served[1]["status"], 410, "{}", served[1]);
    assert_eq!(
        served[1]["span"]["route"], "/en/sign-in/link/{token}",
        "{}",
        served[1]
    );
    let text = std::fs::read_to_string(&log_path).unwrap();
    assert!(!text.contains(&secret), "no secret in the log: {text}");
}

#[test]
fn serves_on_sqlite_and_stops_cleanly() {
    serve_and_stop(None, "sqlite");
}

#[tokio::test(flavor = "multi_thread")]
async fn serves_on_postgres() {
    if let Some((db, url)) =
        ymarfer_store::testing::fresh_db(ymarfer_store::Backend::Postgres).await
    {
        db.close().await;
        tokio::task::spawn_blocking(move || serve_and_stop(Some(&url), "postgres"))
            .await
            .unwrap();
    }
}

async fn counts(dir: &std::path::Path) -> (i64, i64, i64, i64) {
    let db = ymarfer_store::Db::connect(&format!("sqlite://{}", dir.join("ymarfer.db").display()))
        .await
        .unwrap();
    let orgs = db
        .organisations_page(&ymarfer_store::organisations::InProgrammes::All, 0, 1)
        .await
        .unwrap()
        .1;
    let programme = db.programme_by_slug("ceic-demo").await.unwrap().unwrap();
    let cohorts = db.cohorts_of(programme.id).await.unwrap();
    let mut people = 0;
    let mut sessions = 0;
    for c in &cohorts {
        people += db.enrolled(c.id).await.unwrap().len() as i64;
        sessions += db.meetings_of(c.id).await.unwrap().len() as i64;
    }
    db.close().await;
    (cohorts.len() as i64, orgs, people, sessions)
}

#[tokio::test]
async fn demo_loads_once_and_names_its_accounts() {
    let dir = temp_dir();
    let (out, stdout, stderr) = run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("Demo programme loaded.")
            && stdout.contains("manager@ymarfer.demo")
            && stdout.contains("ymarfer-demo-2026")
    );
    let first = counts(&dir).await;
    assert_eq!(first.0, 4, "four cohorts");
    assert_eq!(first.1, 34, "thirty-four firms");
    assert!(first.2 >= 34, "their people");
    assert_eq!(first.3, 20, "five sessions a cohort");
    let db = ymarfer_store::Db::connect(&format!("sqlite://{}", dir.join("ymarfer.db").display()))
        .await
        .unwrap();
    let mut projects = 0;
    let mut titles = Vec::new();
    let now = chrono::Utc::now();
    for c in db
        .cohorts_of(db.programme_by_slug("ceic-demo").await.unwrap().unwrap().id)
        .await
        .unwrap()
    {
        let mut landed = 0;
        for p in db.cohort_projects(c.id).await.unwrap() {
            projects += 1;
            // The running cohort's live session added a fishbone version to
            // the firms that wrote in it.
            if c.slug == "north-wales" && p.tools == 3 {
                landed += 1;
            } else {
                assert_eq!(p.tools, 2, "two tools each");
            }
            assert_eq!(p.cycles, 2, "two cycles each");
            titles.push(p.title.clone());
        }
        if c.slug == "north-wales" {
            assert!(
                landed >= 2,
                "{landed} firms' fishbones from the live session"
            );
            // Its last session ran live and has ended: the causes and the
            // poll closed and posted.
            let meetings = db.meetings_of(c.id).await.unwrap();
            let last = meetings.iter().rev().find(|m| m.ends_at <= now).unwrap();
            let finished = db
                .live_of_session(last.id)
                .await
                .unwrap()
                .expect("finished");
            assert!(finished.ends_at <= now, "its code has expired");
            let activities = db.live_activities(finished.id).await.unwrap();
            assert_eq!(activities.len(), 2);
            for a in &activities {
                assert_eq!(a.stage, ymarfer_domain::live::Stage::Closed);
                assert!(a.post_id.is_some(), "the result is posted");
            }
            // Its next session is live: the causes revealed and being voted
            // on, a poll being answered now.
            let next = meetings.iter().find(|m| m.ends_at > now).unwrap();
            let live = db.live_of_session(next.id).await.unwrap().expect("live");
            let activities = db.live_activities(live.id).await.unwrap();
            assert_eq!(activities.len(), 2);
            assert_eq!(activities[0].stage, ymarfer_domain::live::Stage::Voting);
            assert!(!db.live_notes(activities[0].id).await.unwrap().is_empty());
            assert!(
                db.live_notes(activities[0].id)
                    .await
                    .unwrap()
                    .iter()
                    .any(|n| n.votes > 0),
                "dots spent"
            );
            assert_eq!(activities[1].stage, ymarfer_domain::live::Stage::Writing);
            assert_eq!(live.current_activity, Some(activities[1].id));
            assert!(!db.live_answers(activities[1].id).await.unwrap().is_empty());
        }
        // Dates are relative to today: one cohort is running, with sessions
        // past and to come; one is about to start.
        let meetings = db.meetings_of(c.id).await.unwrap();
        let past = meetings.iter().filter(|m| m.starts_at < now).count();
        match c.slug.as_str() {
            "north-wales" => assert_eq!(past, 3, "running: three sessions held, two to come"),
            "mid-wales" => assert_eq!(past, 0, "starting soon"),
            _ => assert_eq!(past, 5, "finished"),
        }
    }
    assert_eq!(
        projects, 30,
        "a project for each firm in the cohorts that have begun"
    );
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 30, "each project has its own title");
    assert!(
        titles
            .iter()
            .any(|t| t == "Ciw'r bore wrth gownter y becws"),
        "the Welsh cohort works in Welsh"
    );
    // A year of health checks gives the funnel a real shape.
    let programme = db.programme_by_slug("ceic-demo").await.unwrap().unwrap();
    let funnel = db
        .funnel(
            programme.id,
            chrono::DateTime::from_timestamp(0, 0).unwrap(),
            now + chrono::Duration::days(1),
            now.date_naive(),
        )
        .await
        .unwrap();
    // Alike checks come counted together.
    let count = |keep: &dyn Fn(&ymarfer_store::health::FunnelRow) -> bool| -> i64 {
        funnel.iter().filter(|r| keep(r)).map(|r| r.n).sum()
    };
    let all = count(&|_| true);
    assert!(all > 300, "{all} checks");
    let completed = count(&|r| r.completed);
    let interest = count(&|r| r.lead_status.is_some());
    let enrolled = count(&|r| r.enrolled);
    assert!(
        completed < all && interest < completed && enrolled >= 4 && enrolled < interest,
        "{completed} {interest} {enrolled}"
    );
    // Every kept figure matches the records; one altered by hand is named.
    let (out, stdout, stderr) = run(ymarfer().arg("check").env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("Every kept figure matches"), "{stdout}");
    db.execute_unchecked(
        "UPDATE peer_savings SET value_pence = value_pence + 100 \
         WHERE organisation_id = (SELECT MIN(organisation_id) FROM peer_savings)",
    )
    .await
    .unwrap();
    let (out, _, stderr) = run(ymarfer().arg("check").env("YMARFER_DATA_DIR", &dir));
    assert!(!out.status.success());
    assert!(
        stderr.contains("peer savings") && stderr.contains("1 kept figures differ"),
        "{stderr}"
    );
    db.execute_unchecked(
        "UPDATE peer_savings SET value_pence = value_pence - 100 \
         WHERE organisation_id = (SELECT MIN(organisation_id) FROM peer_savings)",
    )
    .await
    .unwrap();
    db.close().await;
    let (out, stdout, _) = run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success() && stdout.contains("already present"));
    assert_eq!(counts(&dir).await, first, "loading again changes nothing");
}

#[tokio::test]
async fn import_people_from_the_command_line() {
    let dir = temp_dir();
    run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    let header = "email,name,language,organisation,companies_house,sector,employee_band,area,hourly_rate_gbp\n";
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, format!("{header}x@example.com,X,en,Firm,,C,micro,Atlantis,\n,No Email,en,Firm,,C,micro,Powys,\n")).unwrap();
    let (out, _, stderr) = run(ymarfer()
        .args(["import", "people"])
        .arg(&bad)
        .args(["--cohort", "west-wales"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(!out.status.success());
    assert!(
        stderr.contains("line 2: The area “Atlantis” is not a Welsh principal area"),
        "{stderr}"
    );
    assert!(stderr.contains("line 3: The email is empty."), "{stderr}");
    assert!(stderr.contains("nothing was imported"));
    let before = counts(&dir).await;
    let good = dir.join("good.csv");
    std::fs::write(&good, format!("{header}newydd@example.cymru,Siôn Newydd,cy,Crochenwaith Cei,,C,micro,Ceredigion,19.50\n")).unwrap();
    let (out, stdout, stderr) = run(ymarfer()
        .args(["import", "people"])
        .arg(&good)
        .args(["--cohort", "west-wales", "--invite"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains(
            "Imported 1 people into ceic-demo / west-wales (1 new accounts, invited by email)."
        ),
        "{stdout}"
    );
    let after = counts(&dir).await;
    assert_eq!((after.1, after.2), (before.1 + 1, before.2 + 1));
    let outbox: Vec<_> = std::fs::read_dir(dir.join("outbox")).unwrap().collect();
    assert_eq!(outbox.len(), 1, "one invitation written");
    let (out, _, stderr) = run(ymarfer()
        .args(["import", "people"])
        .arg(&good)
        .args(["--cohort", "west-wales"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(
        !out.status.success() && stderr.contains("newydd@example.cymru is already enrolled"),
        "{stderr}"
    );
    let (out, _, stderr) = run(ymarfer()
        .args(["import", "people"])
        .arg(&good)
        .args(["--cohort", "nope"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(
        !out.status.success() && stderr.contains("no cohort called \"nope\""),
        "{stderr}"
    );
}

fn report_json(dir: &std::path::Path) -> serde_json::Value {
    let (out, stdout, stderr) = run(ymarfer()
        .args([
            "report",
            "impact",
            "--programme",
            "ceic-demo",
            "--format",
            "json",
        ])
        .env("YMARFER_DATA_DIR", dir));
    assert!(out.status.success(), "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn the_demo_reproduces_the_article() {
    let dir = temp_dir();
    run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    let r = report_json(&dir);
    // The comparison group: the demo's firms that took the health check again
    // without joining, beside the participants' 6-month follow-ups; at 12
    // months no cohort has reached its follow-up yet, so it is withheld.
    let six = &r["comparison"]["horizons"][0];
    assert_eq!(
        (&six["months"], &six["withheld"]),
        (&6.into(), &false.into()),
        "{six}"
    );
    assert!(
        six["participants"]["firms"].as_u64().unwrap() >= 10
            && six["comparison"]["firms"].as_u64().unwrap() >= 10
            && six["difference_in_differences_points"].is_f64(),
        "{six}"
    );
    let twelve = &r["comparison"]["horizons"][1];
    assert_eq!(twelve["withheld"], true, "{twelve}");
    assert_eq!(twelve["participants"]["firms"], 0, "{twelve}");
    assert!(
        twelve["comparison"]["firms"].as_u64().unwrap() >= 10,
        "{twelve}"
    );
    let verified = r["first_year_pence"]["verified"].as_i64().unwrap();
    assert!(verified > 14_800_000, "over £148,000 verified: {r}");
    assert!(r["roi_verified"].as_f64().unwrap() >= 3.0, "{r}");
    assert_eq!(r["roi_display"], "3.0 : 1");
    assert!(
        r["first_year_pence"]["claimed"].as_i64().unwrap() > 0,
        "some claimed lines wait to be verified: {r}"
    );
    assert_eq!(r["cost_pence"], 5_400_000);
    for key in [
        "programme",
        "net_return_pct",
        "payback_months",
        "organisations",
        "participants",
        "projects",
        "co2e_kg_first_year",
        "by_category",
    ] {
        assert!(!r[key].is_null(), "{key} in {r}");
    }
    let by_category: i64 = r["by_category"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_i64().unwrap())
        .sum();
    assert_eq!(
        by_category, verified,
        "categories add up to the verified total"
    );
    let (out, stdout, _) = run(ymarfer()
        .args([
            "report",
            "impact",
            "--programme",
            "ceic-demo",
            "--format",
            "csv",
        ])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(
        out.status.success() && stdout.contains(&format!("first_year_verified_pence,{verified}"))
    );
    let xlsx = dir.join("impact.xlsx");
    let (out, _, stderr) = run(ymarfer()
        .args([
            "report",
            "impact",
            "--programme",
            "ceic-demo",
            "--cohort",
            "north-wales",
            "--format",
            "xlsx",
            "--output",
        ])
        .arg(&xlsx)
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
    let (out, _, stderr) = run(ymarfer()
        .args(["report", "impact", "--programme", "nope"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(!out.status.success() && stderr.contains("no programme called \"nope\""));
}

#[test]
fn a_hand_built_ledger_imports_to_hand_worked_totals() {
    let dir = temp_dir();
    run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    let before = report_json(&dir);
    let header = "organisation,project,description,category,savings_type,frequency,start_date,status,amount_gbp,hours,hourly_rate_gbp,energy_kwh,waste_kg,fuel_litres\n";
    let bad = dir.join("bad-ledger.csv");
    std::fs::write(
        &bad,
        format!(
            "{header}Becws Llŷn,No such project,X,materials,hard,weekly,2026-01-05,verified,10,,,,,\n\
             Becws Llŷn,Ciw'r bore wrth gownter y becws,X,labour_time,soft,weekly,2026-01-05,verified,,-2,,,,\n\
             Becws Llŷn,Ciw'r bore wrth gownter y becws,X,materials,hard,weekly,31/02/2026,verified,10,,,,,\n\
             Becws Llŷn,Ciw'r bore wrth gownter y becws,X,materials,hard,weekly,2026-01-05,verified,,,,,,\n\
             Becws Llŷn,Ciw'r bore wrth gownter y becws,X,materials,hard,weekly,2026-01-05,claimed,-10,,,,,\n\
             Becws Llŷn,Ciw'r bore wrth gownter y becws,X,bara,hard,weekly,2026-01-05,claimed,10,,,,,\n"
        ),
    )
    .unwrap();
    let (out, _, stderr) = run(ymarfer()
        .args(["import", "ledger"])
        .arg(&bad)
        .args(["--programme", "ceic-demo"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(!out.status.success());
    assert!(
        stderr.contains("line 2: There is no project “Becws Llŷn / No such project”"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 3: “-2” is not a number of hours"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 4: “31/02/2026” is not a real date."),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 5: Give either amount_gbp or hours"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 6: “-10” is not an amount in pounds."),
        "a saving is never negative: {stderr}"
    );
    assert!(
        stderr.contains(
            "line 7: category “bara” is not one of: labour_time (Labour time), materials (Materials)"
        ),
        "coded values name what they accept: {stderr}"
    );
    assert_eq!(
        report_json(&dir)["first_year_pence"],
        before["first_year_pence"],
        "nothing imported"
    );

    // By hand, with the programme's capture factor 1.0:
    //   £12.50 a week, verified                       → 12.50 × 52       = £650.00
    //   1.5 h a month at £20.00, verified             → 1.5 × 20 × 12    = £360.00
    //   £999.99 once, claimed                         →                    £999.99
    //   2.25 h a quarter at Becws Llŷn's £16.50, forecast → 2.25 × 16.50 × 4 = £148.50
    let good = dir.join("ledger.csv");
    std::fs::write(
        &good,
        format!(
            "{header}Becws Llŷn,Ciw'r bore wrth gownter y becws,Flour bought to demand,materials,hard,weekly,2026-01-05,verified,12.50,,,,,\n\
             becws llŷn,ciw'r bore wrth gownter y becws,Rota planning,labour_time,soft,monthly,05/01/2026,verified,,1.5,20.00,,,\n\
             Becws Llŷn,Ciw'r bore wrth gownter y becws,New shelving avoided,avoided_cost,hard,one_off,2026-01-05,claimed,999.99,,,,,\n\
             Becws Llŷn,Ciw'r bore wrth gownter y becws,Cleaning rota,labour_time,soft,quarterly,2026-01-05,forecast,,2.25,,,,\n\
             Becws Llŷn,Ciw'r bore wrth gownter y becws,Rota'r bore,Amser llafur,Meddal,Bob mis,2026-01-05,Wedi’i ddilysu,,1,,,,\n"
        ),
    )
    .unwrap();
    // Only the programme's staff may be named as verifier.
    let (out, _, stderr) = run(ymarfer()
        .args(["import", "ledger"])
        .arg(&good)
        .args(["--programme", "ceic-demo"])
        .args(["--verified-by", "participant@ymarfer.demo"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(!out.status.success());
    assert!(
        stderr.contains("participant@ymarfer.demo may not verify savings in ceic-demo"),
        "{stderr}"
    );
    assert_eq!(
        report_json(&dir)["first_year_pence"],
        before["first_year_pence"],
        "nothing imported"
    );

    let (out, stdout, stderr) = run(ymarfer()
        .args(["import", "ledger"])
        .arg(&good)
        .args(["--programme", "ceic-demo"])
        .args(["--verified-by", "manager@ymarfer.demo"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("Imported 5 benefit lines into ceic-demo."));
    let after = report_json(&dir);
    let delta = |k: &str| {
        after["first_year_pence"][k].as_i64().unwrap()
            - before["first_year_pence"][k].as_i64().unwrap()
    };
    // Welsh names are read too: 1 h a month at £16.50, verified → £198.00.
    assert_eq!(delta("verified"), 65_000 + 36_000 + 19_800);
    assert_eq!(delta("claimed"), 99_999);
    assert_eq!(delta("forecast"), 14_850);

    // Without a named verifier, lines the file calls verified come in as claimed.
    let unverified = dir.join("ledger-unverified.csv");
    std::fs::write(
        &unverified,
        std::fs::read_to_string(&good)
            .unwrap()
            .replace(",2026-01-05,", ",2026-02-02,")
            .replace(",05/01/2026,", ",02/02/2026,"),
    )
    .unwrap();
    let (out, _, stderr) = run(ymarfer()
        .args(["import", "ledger"])
        .arg(&unverified)
        .args(["--programme", "ceic-demo"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    let again = report_json(&dir);
    let delta = |k: &str| {
        again["first_year_pence"][k].as_i64().unwrap()
            - after["first_year_pence"][k].as_i64().unwrap()
    };
    assert_eq!(delta("verified"), 0, "no verifier, nothing verified");
    assert_eq!(delta("claimed"), 65_000 + 36_000 + 19_800 + 99_999);
}

/// Importing the same ledger file twice changes nothing the second time and
/// says why; a line repeated within a file is a bad line; a file that adds to
/// lines already imported adds only its new lines. On the database at `url`,
/// or on SQLite in a fresh data directory.
fn a_ledger_imported_twice_counts_once(url: Option<&str>) {
    let dir = temp_dir();
    let cmd = |args: &[&str]| {
        let mut c = ymarfer();
        c.args(args).env("YMARFER_DATA_DIR", &dir);
        if let Some(url) = url {
            c.env("YMARFER_DATABASE_URL", url);
        }
        c
    };
    let (out, _, stderr) = run(&mut cmd(&["demo"]));
    assert!(out.status.success(), "{stderr}");
    let report = || {
        let (out, stdout, stderr) = run(&mut cmd(&[
            "report",
            "impact",
            "--programme",
            "ceic-demo",
            "--format",
            "json",
        ]));
        assert!(out.status.success(), "{stderr}");
        stdout
    };
    let header = "organisation,project,description,category,savings_type,frequency,start_date,status,amount_gbp,hours,hourly_rate_gbp,energy_kwh,waste_kg,fuel_litres\n";
    let line1 = "Becws Llŷn,Ciw'r bore wrth gownter y becws,Flour bought to demand,materials,hard,weekly,2026-01-05,verified,12.50,,,,,\n";
    let line2 = "Becws Llŷn,Ciw'r bore wrth gownter y becws,Rota planning,labour_time,soft,monthly,2026-01-05,verified,,1.5,20.00,,,\n";
    let import = |file: &std::path::Path| {
        run(&mut cmd(&[
            "import",
            "ledger",
            file.to_str().unwrap(),
            "--programme",
            "ceic-demo",
            "--verified-by",
            "manager@ymarfer.demo",
        ]))
    };

    // The same line twice in one file: named, nothing imported.
    let twice = dir.join("twice.csv");
    std::fs::write(
        &twice,
        format!("{header}{line1}{}", line1.replace("Flour", " flour")),
    )
    .unwrap();
    let before = report();
    let (out, _, stderr) = import(&twice);
    assert!(!out.status.success());
    assert!(
        stderr.contains("line 3: This line repeats line 2: one saving, written twice."),
        "{stderr}"
    );
    assert_eq!(report(), before, "nothing imported");

    let file = dir.join("ledger.csv");
    std::fs::write(&file, format!("{header}{line1}")).unwrap();
    let (out, stdout, stderr) = import(&file);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("Imported 1 benefit lines into ceic-demo."),
        "{stdout}"
    );
    let once = report();
    assert_ne!(once, before);

    // The same file again: refused, naming when and by whom; the report is
    // byte for byte what it was.
    let (out, _, stderr) = import(&file);
    assert!(!out.status.success());
    assert!(
        stderr.contains("This file was imported into ceic-demo on ")
            && stderr.contains(" by Mererid Rheolwr <manager@ymarfer.demo>.")
            && stderr.contains(
                "Importing it again would count its savings twice, so nothing was imported."
            ),
        "{stderr}"
    );
    assert_eq!(report(), once, "the report is unchanged");

    // A longer file holding the first line again adds only its new line.
    let more = dir.join("more.csv");
    std::fs::write(&more, format!("{header}{line1}{line2}")).unwrap();
    let (out, stdout, stderr) = import(&more);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("Imported 1 benefit lines into ceic-demo.")
            && stdout.contains("1 line(s) were in the ledger already"),
        "{stdout}"
    );
    let both: serde_json::Value = serde_json::from_str(&report()).unwrap();
    let first: serde_json::Value = serde_json::from_str(&once).unwrap();
    assert_eq!(
        both["first_year_pence"]["verified"].as_i64().unwrap()
            - first["first_year_pence"]["verified"].as_i64().unwrap(),
        36_000,
        "only the rota line is new: 1.5 h × £20 × 12"
    );
}

#[test]
fn a_ledger_imported_twice_counts_once_on_sqlite() {
    a_ledger_imported_twice_counts_once(None);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ledger_imported_twice_counts_once_on_postgres() {
    if let Some((db, url)) =
        ymarfer_store::testing::fresh_db(ymarfer_store::Backend::Postgres).await
    {
        db.close().await;
        tokio::task::spawn_blocking(move || a_ledger_imported_twice_counts_once(Some(&url)))
            .await
            .unwrap();
    }
}

/// Starts `serve` and returns it with the address it serves at; what it prints
/// is read to the end in the background, so that it never writes to a closed pipe.
fn start_serving(mut cmd: Command) -> (std::process::Child, String) {
    let mut child = cmd.stdout(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = first
        .strip_prefix("Ymarfer is serving at http://")
        .expect(&first)
        .trim_end_matches('/')
        .to_string();
    std::thread::spawn(move || lines.for_each(drop));
    (child, addr)
}

/// Backs up a database while `serve` runs on it, restores the copy elsewhere,
/// and finds every table the same.
#[tokio::test]
async fn backup_and_restore_round_trip() {
    let dir = temp_dir();
    run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    let mut serve = Command::new(env!("CARGO_BIN_EXE_ymarfer"));
    // No scheduled jobs, so nothing writes after the copy is made and the
    // database can be compared with it afterwards.
    serve
        .args(["serve", "--bind", "127.0.0.1:0", "--no-jobs"])
        .env("YMARFER_DATA_DIR", &dir)
        .stderr(Stdio::null());
    let (mut child, addr) = start_serving(serve);
    assert!(http_get(&addr, "/healthz").starts_with("HTTP/1.1 200"));
    let copy = dir.join("copy.db");
    let (out, stdout, stderr) = run(ymarfer()
        .arg("backup")
        .arg(&copy)
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.starts_with("Backed up "), "{stdout}");
    let (out, _, stderr) = run(ymarfer()
        .arg("backup")
        .arg(&copy)
        .env("YMARFER_DATA_DIR", &dir));
    assert!(
        !out.status.success() && stderr.contains("exists already"),
        "{stderr}"
    );
    let _ = child.kill();
    let _ = child.wait();

    let digests = |d: PathBuf| async move {
        let db =
            ymarfer_store::Db::connect(&format!("sqlite://{}", d.join("ymarfer.db").display()))
                .await
                .unwrap();
        let t = db.sqlite_digests().await.unwrap();
        db.close().await;
        t
    };
    let original = digests(dir.clone()).await;
    let elsewhere = temp_dir();
    let (out, stdout, stderr) = run(ymarfer()
        .arg("restore")
        .arg(&copy)
        .env("YMARFER_DATA_DIR", &elsewhere));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.starts_with("Restored "), "{stdout}");
    let restored = digests(elsewhere.clone()).await;
    assert!(original.len() >= 25, "{} tables", original.len());
    assert!(
        original
            .iter()
            .any(|t| t.table == "benefit_versions" && t.rows > 50)
    );
    assert_eq!(original, restored, "every table, every row");

    // Anything else is refused, and nothing is changed.
    let junk = dir.join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    let (out, _, stderr) = run(ymarfer()
        .arg("restore")
        .arg(&junk)
        .env("YMARFER_DATA_DIR", &elsewhere));
    assert!(
        !out.status.success() && stderr.contains("is not a backup"),
        "{stderr}"
    );
    assert_eq!(digests(elsewhere).await, restored);
}

/// Posts to a server; the `Location` of its answer, or `None` once it is gone.
fn http_post(addr: &str, path: &str, forwarded_for: &str) -> Option<String> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nX-Forwarded-For: {forwarded_for}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    if !out.starts_with("HTTP/1.1 303") {
        return None;
    }
    out.lines().find_map(|l| {
        let (name, value) = l.split_once(": ")?;
        name.eq_ignore_ascii_case("location")
            .then(|| value.to_string())
    })
}

/// Kills `serve` with SIGKILL while it takes writes, and finds every write it
/// acknowledged in the database afterwards.
async fn writes_survive_sigkill(database_url: Option<String>) {
    let dir = temp_dir();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ymarfer"));
    cmd.args([
        "serve",
        "--bind",
        "127.0.0.1:0",
        "--trusted-proxy",
        "127.0.0.1",
    ])
    .env("YMARFER_DATA_DIR", &dir)
    .stderr(Stdio::null());
    if let Some(url) = &database_url {
        cmd.env("YMARFER_DATABASE_URL", url);
    }
    let (mut child, addr) = start_serving(cmd);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|t| {
            let (addr, stop) = (addr.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut acknowledged = Vec::new();
                let mut i = 0u32;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    i += 1;
                    // Each from its own address, so no throttle applies.
                    let from = format!("10.{t}.{}.{}", i / 250, i % 250);
                    match http_post(&addr, "/en/health-check", &from) {
                        Some(location) => acknowledged.push(location),
                        None => break,
                    }
                }
                acknowledged
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    let killed = Command::new("kill")
        .args(["-KILL", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let _ = child.wait();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let acknowledged: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert!(acknowledged.len() > 20, "{} writes", acknowledged.len());
    let url =
        database_url.unwrap_or_else(|| format!("sqlite://{}", dir.join("ymarfer.db").display()));
    let db = ymarfer_store::Db::connect(&url).await.unwrap();
    let mut missing = 0;
    for location in &acknowledged {
        // /en/health-check/TOKEN/1
        let token = location.split('/').nth(3).unwrap();
        if db.check_by_token(token).await.unwrap().is_none() {
            missing += 1;
        }
    }
    db.close().await;
    assert_eq!(missing, 0, "of {} acknowledged writes", acknowledged.len());
}

#[tokio::test]
async fn acknowledged_writes_survive_sigkill_on_sqlite() {
    writes_survive_sigkill(None).await;
}

#[tokio::test]
async fn acknowledged_writes_survive_sigkill_on_postgres() {
    if let Some((db, url)) =
        ymarfer_store::testing::fresh_db(ymarfer_store::Backend::Postgres).await
    {
        db.close().await;
        writes_survive_sigkill(Some(url)).await;
    }
}

/// The demo on SQLite, copied to PostgreSQL: every table matches value by
/// value, the impact report reads the same from either, and a second copy
/// into the now full database is refused.
#[tokio::test(flavor = "multi_thread")]
async fn copy_from_sqlite_to_postgres() {
    let Some((target, url)) =
        ymarfer_store::testing::fresh_db(ymarfer_store::Backend::Postgres).await
    else {
        return;
    };
    target.close().await;
    let dir = temp_dir();
    run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    let before = report_json(&dir);
    let (out, stdout, stderr) = run(ymarfer()
        .args(["copy", "--to", &url])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("every table matches"), "{stdout}");
    assert!(stderr.contains("rows of posts"), "{stderr}");

    // Checked here too, table by table.
    let sqlite =
        ymarfer_store::Db::connect(&format!("sqlite://{}", dir.join("ymarfer.db").display()))
            .await
            .unwrap();
    let pg = ymarfer_store::Db::connect(&url).await.unwrap();
    let sides = sqlite.compare_copy(&pg).await.unwrap();
    assert!(sides.len() > 40, "{} tables", sides.len());
    for (a, b) in &sides {
        assert_eq!(a, b, "{}", a.table);
    }
    assert!(
        sides
            .iter()
            .any(|(a, _)| a.table == "benefit_versions" && a.rows > 10)
    );

    // The same report from PostgreSQL.
    let (out, stdout, stderr) = run(ymarfer()
        .args([
            "report",
            "impact",
            "--programme",
            "ceic-demo",
            "--format",
            "json",
        ])
        .env("YMARFER_DATA_DIR", &dir)
        .env("YMARFER_DATABASE_URL", &url));
    assert!(out.status.success(), "{stderr}");
    let after: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(before, after);

    // New rows on PostgreSQL get new ids: the sequences carry on.
    let (out, _, stderr) = run(ymarfer()
        .args(["user", "add", "newydd@example.com", "--name", "Newydd"])
        .env("YMARFER_DATA_DIR", &dir)
        .env("YMARFER_DATABASE_URL", &url));
    assert!(out.status.success(), "{stderr}");

    // Copying again into a database that holds rows is refused, and changes nothing.
    let (out, _, stderr) = run(ymarfer()
        .args(["copy", "--to", &url])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(!out.status.success());
    assert!(stderr.contains("already holds rows"), "{stderr}");
    sqlite.close().await;
    pg.close().await;
}

/// `ymarfer synth` makes the same data for the same seed, on SQLite and on
/// PostgreSQL, and the pages serve it.
#[tokio::test(flavor = "multi_thread")]
async fn synth_is_seeded_and_served() {
    let digests = |dir: PathBuf| async move {
        let db =
            ymarfer_store::Db::connect(&format!("sqlite://{}", dir.join("ymarfer.db").display()))
                .await
                .unwrap();
        let d = db.sqlite_digests().await.unwrap();
        db.close().await;
        // Passwords are hashed with a fresh salt each time, and migrations
        // record when they ran.
        d.into_iter()
            .filter(|t| t.table != "users" && !t.table.starts_with("_sqlx"))
            .collect::<Vec<_>>()
    };
    let (a, b) = (temp_dir(), temp_dir());
    for dir in [&a, &b] {
        let (out, stdout, stderr) = run(ymarfer()
            .args(["synth", "--scale", "0.01", "--seed", "7"])
            .env("YMARFER_DATA_DIR", dir));
        assert!(out.status.success(), "{stderr}");
        assert!(
            stdout.contains("organisations") && stdout.contains("posts"),
            "{stdout}"
        );
        let (out, _, stderr) = run(ymarfer().arg("check").env("YMARFER_DATA_DIR", dir));
        assert!(out.status.success(), "synth data's kept figures: {stderr}");
    }
    let (da, db) = (digests(a.clone()).await, digests(b).await);
    assert_eq!(da, db, "the same seed, the same data");
    let posts = da.iter().find(|t| t.table == "posts").unwrap();
    assert_eq!(posts.rows, 10_000);
    // Into a database that holds data already: refused.
    let (out, _, stderr) = run(ymarfer()
        .args(["synth", "--scale", "0.01"])
        .env("YMARFER_DATA_DIR", &a));
    assert!(
        !out.status.success() && stderr.contains("empty database"),
        "{stderr}"
    );

    // On PostgreSQL too, and a manager's pages answer.
    if let Some((pg, url)) =
        ymarfer_store::testing::fresh_db(ymarfer_store::Backend::Postgres).await
    {
        pg.close().await;
        let dir = temp_dir();
        let (out, _, stderr) = run(ymarfer()
            .args(["synth", "--scale", "0.01", "--seed", "7"])
            .env("YMARFER_DATA_DIR", &dir)
            .env("YMARFER_DATABASE_URL", &url));
        assert!(out.status.success(), "{stderr}");
        let (out, _, stderr) = run(ymarfer()
            .arg("check")
            .env("YMARFER_DATA_DIR", &dir)
            .env("YMARFER_DATABASE_URL", &url));
        assert!(out.status.success(), "synth data's kept figures: {stderr}");
        let (out, stdout, stderr) = run(ymarfer()
            .args([
                "report",
                "impact",
                "--programme",
                "synth-1",
                "--format",
                "json",
            ])
            .env("YMARFER_DATA_DIR", &dir)
            .env("YMARFER_DATABASE_URL", &url));
        assert!(out.status.success(), "{stderr}");
        let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(report["organisations"], 500);
        assert!(report["first_year_pence"]["verified"].as_i64().unwrap() > 0);
    }
}

/// Logs written anywhere but a terminal (a file, a pipe, a journal) carry no
/// colour codes.
#[test]
fn logs_into_a_file_have_no_colour_codes() {
    let dir = temp_dir();
    let (out, _, stderr) = run(ymarfer()
        .args(["migrate"])
        .env("YMARFER_LOG", "debug")
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("DEBUG"), "something was logged: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "no escape codes: {stderr:?}");
}

/// The scenario planner on the demo resamples every firm taking part, those
/// with nothing verified as zeros, so its middle return sits among what the
/// demo's cohorts actually returned, not above them all.
#[tokio::test]
async fn the_demo_planner_sits_among_its_cohorts() {
    use ymarfer_domain::impact::roi_hundredths;
    let dir = temp_dir();
    run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    let db = ymarfer_store::Db::connect(&format!("sqlite://{}", dir.join("ymarfer.db").display()))
        .await
        .unwrap();
    let p = db.programme_by_slug("ceic-demo").await.unwrap().unwrap();
    let savings = ymarfer_app::report::verified_per_organisation(&db, &p)
        .await
        .unwrap();
    assert_eq!(
        savings.len(),
        30,
        "every firm of the cohorts that have begun, not only those with savings verified"
    );
    let without = savings.iter().filter(|s| s.0 == 0).count();
    assert!(without > 0, "some firms have nothing verified yet");
    // The planner's starting assumptions: the programme's own four cohorts a year.
    let a = ymarfer_domain::scenario::Assumptions {
        cohorts_per_year: 4,
        cohort_size: 12,
        cost_per_cohort: ymarfer_domain::Pence(p.cost_pence / 4),
        years: 5,
        not_innovating_pct: 72,
        dropout_pct: 10,
        target_pct: 5,
    };
    let projection = ymarfer_domain::scenario::project(&a, &savings, 192_240).unwrap();
    let actual: Vec<i64> = ymarfer_app::report::cohort_returns(&db, &p)
        .await
        .unwrap()
        .iter()
        .filter_map(|r| r.roi_hundredths())
        .collect();
    assert!(actual.len() >= 3, "{actual:?}");
    let middle =
        roi_hundredths(projection.savings_per_year.median, projection.cost_per_year).unwrap();
    let (low, high) = (*actual.iter().min().unwrap(), *actual.iter().max().unwrap());
    assert!(
        low <= middle && middle <= high,
        "the middle return {middle} lies among the cohorts' {actual:?}"
    );
    db.close().await;
}

/// The demo's funder return for this quarter is not empty: the running
/// cohort's firms took part, each is counted once, and each firm's value of
/// support is its share of its cohort's cost.
#[tokio::test]
async fn the_demo_has_a_funder_return() {
    let dir = temp_dir();
    run(ymarfer().arg("demo").env("YMARFER_DATA_DIR", &dir));
    let db = ymarfer_store::Db::connect(&format!("sqlite://{}", dir.join("ymarfer.db").display()))
        .await
        .unwrap();
    let p = db.programme_by_slug("ceic-demo").await.unwrap().unwrap();
    let config = ymarfer_app::config::Config::new(
        "http://localhost:8080",
        dir.clone(),
        "Ymarfer <noreply@example.org>",
        None,
    )
    .unwrap();
    let services = ymarfer_app::Services::new(db, config).unwrap();
    let r = ymarfer_app::returns::quarterly_return(
        &services,
        &ymarfer_app::acting::Acting::command_line(),
        &p,
        ymarfer_app::returns::default_quarter(),
    )
    .await
    .unwrap();
    let supported = r
        .indicators
        .iter()
        .find(|i| i.code == "UKSPF-ENT-NFS")
        .unwrap();
    let n = supported.count.unwrap();
    assert!(n > 0, "the running cohort's firms took part");
    let mut keys: Vec<&str> = supported.firms.iter().map(|f| f.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len() as i64, n, "each firm once");
    assert!(r.firms.iter().all(|f| f.value_pence > 0));
}
