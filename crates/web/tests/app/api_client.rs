//! A client generated from the OpenAPI document by a maintained generator
//! (openapi-python-client, from PyPI, installed by `./scripts/test`), driven
//! by a short programme (`tests/client/drive.py`): the document must be
//! complete enough to generate every operation without a warning, and the
//! client must work end to end against a running server.

use crate::on_both;
use crate::support::TestApp;
use std::path::{Path, PathBuf};
use std::process::Command;
use ymarfer_app::fixtures::Firm;
use ymarfer_domain::Lang;

async fn run(mut command: Command) -> (bool, String, String) {
    let out = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .expect("the command runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn a_generated_client_works(app: TestApp) {
    let generator = PathBuf::from(std::env::var("YMARFER_TEST_OPENAPI_CLIENT").expect(
        "YMARFER_TEST_OPENAPI_CLIENT names openapi-python-client; run the tests with ./scripts/test",
    ));
    let python = generator.with_file_name("python");
    let (programme, cohort) = app
        .db
        .create_programme_with_cohort("prog-a", "Programme A")
        .await
        .unwrap();
    app.db
        .create_programme_with_cohort("prog-b", "Programme B")
        .await
        .unwrap();
    let org = Firm::named("Caffi Sian")
        .add(&app.db, programme)
        .await
        .unwrap();
    let project = app
        .db
        .create_project(
            cohort,
            org.id,
            &ymarfer_store::projects::ProjectInput {
                title: "Archebion ar amser".into(),
                business_function: "production".into(),
                lang: Lang::Cy,
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    let admin = app.user("admin@example.com", Lang::En, true).await;
    let token = crate::api::token_for(&app, admin.id, true, None).await;

    let work = std::env::temp_dir().join(format!("ymarfer-client-{}", app.addr.port()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let doc = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    std::fs::write(work.join("openapi.json"), doc).unwrap();
    std::fs::write(
        work.join("config.yml"),
        "project_name_override: ymarfer-client\npackage_name_override: ymarfer_client\npost_hooks: []\n",
    )
    .unwrap();
    let mut generate = Command::new(&generator);
    generate.current_dir(&work).args([
        "generate",
        "--path",
        "openapi.json",
        "--output-path",
        "ymarfer_client",
        "--meta",
        "none",
        "--overwrite",
        "--config",
        "config.yml",
    ]);
    let (ok, out, err) = run(generate).await;
    let said = format!("{out}\n{err}");
    assert!(ok, "the generator failed:\n{said}");
    assert!(
        !said.to_lowercase().contains("warning") && !said.contains("Unable"),
        "the generator could not take the whole document:\n{said}"
    );
    // One model for each schema: a page of programmes names its items' model.
    assert!(
        !work
            .join("ymarfer_client/models/paged_programme_out_items_item.py")
            .exists()
    );

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/client/drive.py");
    let mut drive = Command::new(&python);
    drive
        .arg(&script)
        .env("YMARFER_CLIENT_DIR", &work)
        .env("YMARFER_API", app.url("/api/v1"))
        .env("YMARFER_TOKEN", &token)
        .env("YMARFER_PROJECT", project.id.to_string());
    let (ok, out, err) = run(drive).await;
    assert!(ok, "the client's programme failed:\n{out}\n{err}");
    let seen: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(seen["programmes"], serde_json::json!(["prog-a", "prog-b"]));
    assert_eq!(seen["pages"], 2, "one programme to a page: {seen}");
    assert_eq!(seen["report"]["projects"], 1, "{seen}");
    assert_eq!(
        seen["reading"],
        serde_json::json!({"value": 4150, "lang": "cy"})
    );
    assert_eq!(seen["line"]["status"], "claimed");
    assert_eq!(
        seen["project"],
        serde_json::json!({"readings": 1, "lang": "cy"})
    );
    // What the client sent is what the server keeps.
    let readings = app.db.readings(project.id).await.unwrap();
    assert_eq!(readings.len(), 1);
    assert_eq!(
        (readings[0].note.as_str(), readings[0].lang.as_str()),
        ("Bore Llun", "cy")
    );
    let claims = app.db.claims_by_cohort(programme).await.unwrap();
    assert_eq!(
        claims.iter().map(|(_, n)| n).sum::<i64>(),
        1,
        "the claimed line waits in the claims queue"
    );
    let _ = std::fs::remove_dir_all(&work);
}

on_both! {
    generated_client => super::a_generated_client_works;
}
