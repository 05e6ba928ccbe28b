//! A load run of live sessions, for `./scripts/bench`: ROOMS rooms of PHONES
//! phones each. Every phone signs in, joins its room, holds the room's event
//! stream open and adds a note every few seconds; one projector a room holds
//! the stream too and, at each event, reads its view. A note's latency is the
//! time from sending it to the first projector view that counts it. At the
//! end every note sent must be counted: none lost.
//!
//!   live_load DATABASE_URL BASE_URL ROOMS PHONES SECONDS
//!
//! The rooms, their people and their sessions are written straight into the
//! server's database (as `ymarfer synth` writes its data); everything else goes
//! through the server over HTTP, as phones would. Prints one line:
//! `RESULT notes p50_ms p95_ms p99_ms max_ms lost connections`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use ymarfer_app::fixtures::{Firm, Person};
use ymarfer_domain::live::Stage;
use ymarfer_domain::{Lang, Role, Scope};

const PASSWORD: &str = "live-load-password";

struct Room {
    code: String,
    facilitator: String,
    phones: Vec<String>,
}

async fn seed(url: &str, rooms: usize, phones: usize) -> anyhow::Result<Vec<Room>> {
    let db = ymarfer_store::Db::connect(url).await?;
    db.migrate().await?;
    let hash = ymarfer_app::passwords::hash(PASSWORD.into()).await?;
    let run = std::process::id();
    let mut made = Vec::new();
    for r in 0..rooms {
        let (programme, cohort) = db
            .create_programme_with_cohort(&format!("live-{run}-{r}"), &format!("Live {r}"))
            .await?;
        let facilitator = format!("live{run}-{r}-host@bench.ymarfer");
        let host = Person::new(&facilitator)
            .name("Host")
            .language(Lang::En)
            .add(&db, &hash)
            .await?;
        db.grant(
            host.id,
            Role::Facilitator,
            Scope::Cohort { programme, cohort },
        )
        .await?;
        let mut emails = Vec::new();
        for p in 0..phones {
            // Five people to a firm, one in three in Welsh.
            let firm = match db
                .organisation_by_name(programme, &format!("Firm {}", p / 5))
                .await?
            {
                Some(o) => o,
                None => {
                    Firm::named(&format!("Firm {}", p / 5))
                        .add(&db, programme)
                        .await?
                }
            };
            let email = format!("live{run}-{r}-{p}@bench.ymarfer");
            let person = Person::new(&email)
                .name(&format!("Phone {p}"))
                .language(if p % 3 == 0 { Lang::Cy } else { Lang::En })
                .add(&db, &hash)
                .await?;
            db.enrol(programme, cohort, person.id, Some(firm.id), None)
                .await?;
            emails.push(email);
        }
        let start = chrono::Utc::now() - chrono::Duration::minutes(5);
        let session = db
            .create_meeting(
                cohort,
                &ymarfer_store::schedule::MeetingInput {
                    title: format!("Workshop {r}"),
                    starts_at: start,
                    ends_at: start + chrono::Duration::hours(3),
                    ..Default::default()
                },
            )
            .await?;
        let (live, code) = loop {
            let code = ymarfer_domain::live::code_from(rand_bytes());
            if let Some((live, _)) = db
                .start_live(
                    session.id,
                    &code,
                    host.id,
                    session.ends_at,
                    &Default::default(),
                )
                .await?
            {
                break (live, code);
            }
        };
        let (activity, _) = db
            .plan_live_activity(live.id, "fishbone", ("Why are deliveries late?", "en"), 3)
            .await?;
        db.set_live_stage(live.id, activity, Stage::Ready, Stage::Writing)
            .await?;
        made.push(Room {
            code,
            facilitator,
            phones: emails,
        });
    }
    Ok(made)
}

fn rand_bytes() -> [u8; ymarfer_domain::live::CODE_LENGTH] {
    let secret = ymarfer_store::secret::new_secret().0;
    let mut out = [0u8; ymarfer_domain::live::CODE_LENGTH];
    for (o, b) in out.iter_mut().zip(secret.bytes()) {
        *o = b;
    }
    out
}

/// A signed-in browser-like client: its cookies, and its CSRF token.
async fn signed_in(base: &str, email: &str) -> anyhow::Result<(reqwest::Client, String)> {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let http = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    http.get(format!("{base}/en")).send().await?;
    let csrf = csrf_of(&jar, base)?;
    let res = http
        .post(format!("{base}/en/sign-in"))
        .form(&[("email", email), ("password", PASSWORD), ("_csrf", &csrf)])
        .send()
        .await?;
    anyhow::ensure!(
        res.status().is_redirection(),
        "sign-in of {email}: {}",
        res.status()
    );
    let csrf = csrf_of(&jar, base)?;
    Ok((http, csrf))
}

fn csrf_of(jar: &reqwest::cookie::Jar, base: &str) -> anyhow::Result<String> {
    use reqwest::cookie::CookieStore;
    let cookies = jar
        .cookies(&base.parse()?)
        .ok_or_else(|| anyhow::anyhow!("no cookies"))?;
    cookies
        .to_str()?
        .split("; ")
        .find_map(|c| c.strip_prefix("ymarfer_csrf="))
        .map(str::to_string)
        .ok_or_else(|| anyhow::anyhow!("no CSRF cookie"))
}

/// Holds the room's event stream open, calling `seen` at each event.
async fn listen(
    http: reqwest::Client,
    url: String,
    mut seen: impl FnMut() -> tokio::task::JoinHandle<()>,
) {
    let Ok(mut res) = http.get(&url).send().await else {
        return;
    };
    while let Ok(Some(chunk)) = res.chunk().await {
        if chunk.windows(5).any(|w| w == b"data:") {
            seen();
        }
    }
}

/// The projector's count of notes written, read from its view.
async fn counted(http: &reqwest::Client, url: &str) -> Option<usize> {
    let html = http.get(url).send().await.ok()?.text().await.ok()?;
    let at = html.find("notes written so far")?;
    let before = html[..at].trim_end();
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

#[derive(Default)]
struct Tally {
    /// Per room: the send time of each note sent (and not refused), in the
    /// order sent, which is the order the projector counts them in.
    sent: Vec<Vec<Instant>>,
    /// Per room: how many notes the server acknowledged.
    acked: Vec<usize>,
    /// Per room: how many notes the projector has been seen to count.
    shown: Vec<usize>,
    latencies: Vec<Duration>,
}

impl Tally {
    fn saw(&mut self, room: usize, count: usize, at: Instant) {
        while self.shown[room] < count.min(self.sent[room].len()) {
            let sent = self.sent[room][self.shown[room]];
            self.latencies.push(at.saturating_duration_since(sent));
            self.shown[room] += 1;
        }
    }
}

/// The tally, even if a task panicked holding it.
fn held(t: &Mutex<Tally>) -> std::sync::MutexGuard<'_, Tally> {
    t.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, base, rooms, phones, seconds] = args.as_slice() else {
        anyhow::bail!("usage: live_load DATABASE_URL BASE_URL ROOMS PHONES SECONDS");
    };
    let (rooms, phones, seconds): (usize, usize, u64) =
        (rooms.parse()?, phones.parse()?, seconds.parse()?);
    let base = base.trim_end_matches('/').to_string();
    let made = seed(url, rooms, phones).await?;
    let tally = Arc::new(Mutex::new(Tally {
        sent: vec![Vec::new(); rooms],
        acked: vec![0; rooms],
        shown: vec![0; rooms],
        ..Default::default()
    }));
    let streams = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    let mut projectors = Vec::new();
    let end = Instant::now() + Duration::from_secs(seconds) + Duration::from_secs(5);
    for (r, room) in made.iter().enumerate() {
        // The projector.
        let (http, _) = signed_in(&base, &room.facilitator).await?;
        let events = format!("{base}/en/live/{}/events", room.code);
        let screen = format!("{base}/en/live/{}/screen", room.code);
        let t = tally.clone();
        let h = http.clone();
        projectors.push((http.clone(), screen.clone()));
        streams.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        tasks.push(tokio::spawn(async move {
            let watch = tokio::spawn(listen(http.clone(), events, move || {
                let (h, screen, t) = (h.clone(), screen.clone(), t.clone());
                tokio::spawn(async move {
                    if let Some(n) = counted(&h, &screen).await {
                        held(&t).saw(r, n, Instant::now());
                    }
                })
            }));
            tokio::time::sleep_until(end.into()).await;
            watch.abort();
        }));
        // The phones.
        for (p, email) in room.phones.iter().enumerate() {
            let (http, csrf) = signed_in(&base, email).await?;
            let join = http
                .post(format!("{base}/en/live/{}/join", room.code))
                .form(&[("_csrf", csrf.as_str())])
                .send()
                .await?;
            anyhow::ensure!(join.status().is_redirection(), "join: {}", join.status());
            let events = format!("{base}/en/live/{}/events", room.code);
            let notes = format!("{base}/en/live/{}/notes", room.code);
            let t = tally.clone();
            streams.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let deadline = Instant::now() + Duration::from_secs(seconds);
            tasks.push(tokio::spawn(async move {
                let stream = tokio::spawn(listen(http.clone(), events, || tokio::spawn(async {})));
                // Spread the phones over the first seconds, then a note every 3 s or so.
                tokio::time::sleep(Duration::from_millis((p as u64 * 97) % 3000)).await;
                let mut n = 0;
                while Instant::now() < deadline {
                    n += 1;
                    let sent = Instant::now();
                    held(&t).sent[r].push(sent);
                    let key = format!("{p}-{n}");
                    let res = http
                        .post(&notes)
                        .form(&[
                            ("heading", "method"),
                            ("body", &format!("Note {n} from phone {p}")),
                            ("key", &key),
                            ("_csrf", &csrf),
                        ])
                        .send()
                        .await;
                    {
                        let mut tally = held(&t);
                        if res.is_ok_and(|r| r.status().is_redirection()) {
                            tally.acked[r] += 1;
                        } else if let Some(at) = tally.sent[r].iter().position(|s| *s == sent) {
                            tally.sent[r].remove(at);
                        }
                    }
                    tokio::time::sleep(Duration::from_millis(2500 + (p as u64 * 37) % 1000)).await;
                }
                tokio::time::sleep_until(end.into()).await;
                stream.abort();
            }));
        }
    }
    for t in tasks {
        let _ = t.await;
    }
    // Every acknowledged note must be counted on its projector at the end.
    let mut counted_at_end = 0;
    for (http, screen) in &projectors {
        counted_at_end += counted(http, screen).await.unwrap_or(0);
    }
    let tally = held(&tally);
    let sent: usize = tally.acked.iter().sum();
    let shown = counted_at_end;
    let mut l = tally.latencies.clone();
    l.sort();
    let at = |q: f64| -> f64 {
        l.get(((l.len() as f64 * q) as usize).min(l.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "RESULT {sent} {:.0} {:.0} {:.0} {:.0} {} {}",
        at(0.5),
        at(0.95),
        at(0.99),
        l.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        sent.saturating_sub(shown),
        streams.load(std::sync::atomic::Ordering::Relaxed)
    );
    Ok(())
}
