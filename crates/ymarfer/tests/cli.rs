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
/// stops it with SIGTERM and expects a clean exit.
fn serve_and_stop(database_url: Option<&str>, expect_db: &str) {
    let dir = temp_dir();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ymarfer"));
    cmd.args(["serve", "--bind", "127.0.0.1:0"])
        .env("YMARFER_DATA_DIR", &dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
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
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    for _ in 0..100 {
        if let Some(code) = child.try_wait().unwrap() {
            assert!(code.success(), "clean exit after SIGTERM: {code:?}");
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("ymarfer did not stop within 10 seconds of SIGTERM");
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
    let orgs = db.list_organisations().await.unwrap().len() as i64;
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
    assert_eq!(first.0, 3, "three cohorts");
    assert_eq!(first.1, 30, "thirty firms");
    assert!(first.2 >= 30, "their people");
    assert_eq!(first.3, 15, "five sessions a cohort");
    let db = ymarfer_store::Db::connect(&format!("sqlite://{}", dir.join("ymarfer.db").display()))
        .await
        .unwrap();
    let mut projects = 0;
    for c in db
        .cohorts_of(db.programme_by_slug("ceic-demo").await.unwrap().unwrap().id)
        .await
        .unwrap()
    {
        for p in db.cohort_projects(c.id).await.unwrap() {
            projects += 1;
            assert_eq!((p.tools, p.cycles), (1, 2), "a tool and two cycles each");
        }
    }
    assert_eq!(projects, 30, "a project for each firm");
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
        .args(["--cohort", "west-2026"])
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
        .args(["--cohort", "west-2026", "--invite"])
        .env("YMARFER_DATA_DIR", &dir));
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains(
            "Imported 1 people into ceic-demo / west-2026 (1 new accounts, invited by email)."
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
        .args(["--cohort", "west-2026"])
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
