use regex::Regex;
use reqwest::cookie::{CookieStore, Jar};
use reqwest::redirect::Policy;
use reqwest::{Response, StatusCode};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use ymarfer_app::Config;
use ymarfer_app::fixtures::{Person, Project};
use ymarfer_domain::Lang;
use ymarfer_store::users::User;
use ymarfer_store::{Backend, Db};
use ymarfer_web::AppState;

pub const PASSWORD: &str = "llanfair pwll gwyngyll";

pub struct TestApp {
    pub addr: SocketAddr,
    pub db: Db,
    pub data_dir: PathBuf,
    pub state: AppState,
    /// The database's address, for a second server on the same database.
    pub db_url: String,
}

/// Runs an async test body once per backend.
#[macro_export]
macro_rules! on_both {
    ($($name:ident => $body:path;)*) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    $body($crate::support::TestApp::spawn(ymarfer_store::Backend::Sqlite).await.unwrap()).await;
                }
                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = $crate::support::TestApp::spawn(ymarfer_store::Backend::Postgres).await {
                        $body(app).await;
                    }
                }
            }
        )*
    };
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        TestApp::spawn_with(backend, None).await
    }

    /// As [`TestApp::spawn`], keeping attached files at `attachments` (`s3://BUCKET`).
    pub async fn spawn_with(backend: Backend, attachments: Option<String>) -> Option<TestApp> {
        TestApp::spawn_configured(backend, |c| c.with_attachments(attachments)).await
    }

    /// As [`TestApp::spawn`], with the configuration changed by `configure`.
    pub async fn spawn_configured(
        backend: Backend,
        configure: impl FnOnce(Config) -> Config,
    ) -> Option<TestApp> {
        let (db, db_url) = ymarfer_store::testing::fresh_db(backend).await?;
        let data_dir = std::env::temp_dir().join(format!(
            "ymarfer-web-test-{}",
            &ymarfer_store::secret::new_secret().0[..12]
        ));
        std::fs::create_dir_all(&data_dir).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let config = Config::new(
            &format!("http://{addr}"),
            data_dir.clone(),
            "Ymarfer <noreply@example.test>",
            None,
        )
        .unwrap();
        let config = configure(config);
        let state = AppState::new(db.clone(), config).unwrap();
        let serve_state = state.clone();
        tokio::spawn(async move {
            ymarfer_web::serve(listener, serve_state, std::future::pending())
                .await
                .unwrap();
        });
        Some(TestApp {
            addr,
            db,
            data_dir,
            state,
            db_url,
        })
    }

    /// A second server on the same database (its own pool) and the same
    /// attached-file store, as a second process behind a load balancer would be.
    pub async fn second_server(
        &self,
        configure: impl FnOnce(Config) -> Config,
    ) -> (AppState, String) {
        let db = Db::connect(&self.db_url).await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let config = Config::new(
            &format!("http://{}", self.addr),
            self.data_dir.clone(),
            "Ymarfer <noreply@example.test>",
            None,
        )
        .unwrap()
        .with_attachments(self.state.config.attachments.clone());
        let state = AppState::new(db, configure(config)).unwrap();
        let serve_state = state.clone();
        tokio::spawn(async move {
            ymarfer_web::serve(listener, serve_state, std::future::pending())
                .await
                .unwrap();
        });
        (state, format!("http://{addr}"))
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn client(&self) -> Client {
        let jar = Arc::new(Jar::default());
        let http = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(Policy::none())
            .user_agent("ymarfer-tests")
            .build()
            .unwrap();
        Client {
            http,
            jar,
            base: self.url(""),
        }
    }

    /// A user with a password, and optionally admin.
    pub async fn user(&self, email: &str, lang: Lang, admin: bool) -> User {
        let hash = ymarfer_app::passwords::hash(PASSWORD.into()).await.unwrap();
        Person::new(email)
            .language(lang)
            .admin_if(admin)
            .add(&self.db, &hash)
            .await
            .unwrap()
    }

    /// A person acting at a page, for calling an act directly.
    pub async fn acting(&self, user: i64) -> ymarfer_app::acting::Acting {
        let user = self.db.user_by_id(user).await.unwrap().unwrap();
        let actor = self.db.actor(&user).await.unwrap();
        ymarfer_app::acting::Acting::person(
            Some(&actor),
            ymarfer_app::acting::Door::Page,
            "127.0.0.1",
        )
    }

    /// The audit events of one kind in one programme's trail, newest first.
    pub async fn trail(
        &self,
        programme: i64,
        action: ymarfer_domain::audit::AuditAction,
    ) -> Vec<ymarfer_store::audit::AuditEvent> {
        self.db
            .audit_events(
                &ymarfer_store::audit::AuditQuery {
                    programme: Some(programme),
                    action: Some(action),
                    ..Default::default()
                },
                100,
                0,
            )
            .await
            .unwrap()
    }

    /// Every email written to the outbox, oldest first: (to, subject, text body).
    pub fn outbox(&self) -> Vec<(String, String, String)> {
        let dir = self.data_dir.join("outbox");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let raw = std::fs::read(&p).unwrap();
                let msg = mail_parser::MessageParser::default().parse(&raw).unwrap();
                let to = msg
                    .to()
                    .and_then(|a| a.first())
                    .and_then(|a| a.address())
                    .unwrap_or("")
                    .to_string();
                let subject = msg.subject().unwrap_or("").to_string();
                let body = msg.body_text(0).unwrap_or_default().to_string();
                (to, subject, body)
            })
            .collect()
    }

    /// The path of the first link in the newest email to `to`.
    pub fn emailed_link(&self, to: &str) -> String {
        let mail = self
            .outbox()
            .into_iter()
            .rev()
            .find(|(t, _, _)| t == to)
            .expect("an email to that address");
        let re = Regex::new(r"https?://[^\s]+").unwrap();
        let link = re.find(&mail.2).expect("a link in the email").as_str();
        link.strip_prefix(&format!("http://{}", self.addr))
            .unwrap()
            .to_string()
    }
}

pub struct Client {
    pub http: reqwest::Client,
    jar: Arc<Jar>,
    base: String,
}

impl Client {
    /// The same browser (its cookies) talking to another server.
    pub fn at(&self, base: &str) -> Client {
        Client {
            http: self.http.clone(),
            jar: self.jar.clone(),
            base: base.trim_end_matches('/').to_string(),
        }
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = self.base.parse().unwrap();
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split(';')
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    pub async fn get(&self, path: &str) -> Response {
        self.http
            .get(format!("{}{}", self.base, path))
            .send()
            .await
            .unwrap()
    }

    /// The CSRF token, fetching a page first if this client has none yet.
    pub async fn csrf(&self) -> String {
        if self.cookie("ymarfer_csrf").is_none() {
            self.get("/en").await;
        }
        self.cookie("ymarfer_csrf").expect("csrf cookie")
    }

    /// Posts a form with its CSRF token, as a browser would.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Response {
        let token = self.csrf().await;
        let mut fields: Vec<(&str, &str)> = form.to_vec();
        fields.push(("_csrf", &token));
        self.http
            .post(format!("{}{}", self.base, path))
            .form(&fields)
            .send()
            .await
            .unwrap()
    }

    /// Posts a multipart form with a file named `filename` in the field `file`
    /// (sent as an octet stream: the server must judge it by its content).
    pub async fn post_file(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        filename: &str,
        bytes: Vec<u8>,
    ) -> Response {
        let token = self.csrf().await;
        let mut form = reqwest::multipart::Form::new().text("_csrf", token);
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        let part = reqwest::multipart::Part::bytes(bytes).file_name(filename.to_string());
        form = form.part("file", part);
        self.http
            .post(format!("{}{}", self.base, path))
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    /// Posts a multipart form (a file upload), with its CSRF token.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, Vec<u8>)>,
    ) -> Response {
        let token = self.csrf().await;
        let mut form = reqwest::multipart::Form::new().text("_csrf", token);
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        if let Some((name, bytes)) = file {
            let part = reqwest::multipart::Part::bytes(bytes)
                .file_name("people.csv")
                .mime_str("text/csv")
                .unwrap();
            form = form.part(name.to_string(), part);
        }
        self.http
            .post(format!("{}{}", self.base, path))
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    pub async fn sign_in(&self, email: &str) {
        let res = self
            .post("/en/sign-in", &[("email", email), ("password", PASSWORD)])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
    }
}

/// A person holding `role` in `scope`, and a client signed in as them.
pub async fn signed_in_with(
    app: &TestApp,
    email: &str,
    role: ymarfer_domain::Role,
    scope: ymarfer_domain::Scope,
) -> (User, Client) {
    let user = app.user(email, Lang::En, false).await;
    app.db.grant(user.id, role, scope).await.unwrap();
    let client = app.client();
    client.sign_in(email).await;
    (user, client)
}

/// A user who manages a programme already, so may start another.
pub async fn manager(app: &TestApp, email: &str) -> (User, i64, i64) {
    let user = app.user(email, Lang::En, false).await;
    let (programme, cohort) = app
        .db
        .create_programme_with_cohort(&format!("seed-{}", user.id), "Seed")
        .await
        .unwrap();
    app.db
        .grant(
            user.id,
            ymarfer_domain::Role::ProgrammeManager,
            ymarfer_domain::Scope::Programme(programme),
        )
        .await
        .unwrap();
    (user, programme, cohort)
}

/// A challenge project of the organisation in the cohort, with just what tests need.
pub async fn project(
    app: &TestApp,
    cohort: i64,
    organisation: i64,
    title: &str,
    status: &str,
    visibility: &str,
) -> ymarfer_store::projects::Project {
    Project::titled(title)
        .status(ymarfer_domain::projects::ProjectStatus::parse(status).unwrap())
        .visibility(ymarfer_domain::projects::Visibility::parse(visibility).unwrap())
        .add(&app.db, cohort, organisation, None)
        .await
        .unwrap()
}

pub fn location(res: &Response) -> String {
    res.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}
