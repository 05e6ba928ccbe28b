//! `ymarfer synth`: a realistic national dataset, the same for the same seed,
//! for measuring Ymarfer at the scale of Wales. At scale 1: 267,000
//! organisations over the 22 principal areas (95% micro), five years of
//! programmes with 50,000 participants in cohorts of twelve, a project each
//! with ten benefit lines, twenty posts and comments each, and 300,000 health
//! checks. Everyone's password is [`PASSWORD`].

use anyhow::Context;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use ymarfer_domain::Pence;
use ymarfer_domain::impact::{CaptureFactor, Category, Frequency, PerPeriod};
use ymarfer_domain::innovation::OsloFunction;
use ymarfer_domain::reference::{AREAS, SIC_SECTIONS};
use ymarfer_store::Db;
use ymarfer_store::bulk::Cell;

const POST_COLUMNS: &[&str] = &[
    "id",
    "cohort_id",
    "parent_id",
    "author_id",
    "kind",
    "body",
    "lang",
    "created_at",
];
const HEALTH_CHECK_COLUMNS: &[&str] = &[
    "id",
    "token_hash",
    "language",
    "sector",
    "employee_band",
    "principal_area",
    "new_goods_or_services",
    "new_business_process",
    "ongoing_or_abandoned",
    "innovation_spending",
    "pains",
    "created_at",
    "completed_at",
];

/// Every generated account's password.
pub const PASSWORD: &str = "synth data only";

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub organisations: i64,
    pub participants: i64,
    pub programmes: i64,
    pub lines_per_project: i64,
    pub items_per_participant: i64,
    pub health_checks: i64,
}

impl Scale {
    /// Wales (1.0), or a fraction of it.
    pub fn wales(f: f64) -> Scale {
        let n = |x: f64| ((x * f).round() as i64).max(1);
        Scale {
            organisations: n(267_000.0).max(n(50_000.0)),
            participants: n(50_000.0),
            programmes: n(20.0).min(20),
            lines_per_project: 10,
            items_per_participant: 20,
            health_checks: n(300_000.0),
        }
    }
}

/// What was made, table by table.
pub struct Summary {
    pub rows: Vec<(&'static str, usize)>,
}

/// The day the generated years end on, so that a seed always gives the same data.
fn anchor() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .unwrap_or_else(Utc::now)
}

/// Picks by weight.
fn weighted<'a, T>(rng: &mut ChaCha8Rng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut at = rng.random_range(0..total.max(1));
    for (item, w) in items {
        if at < *w {
            return item;
        }
        at -= w;
    }
    &items[0].0
}

const FIRST: [&str; 16] = [
    "Siân", "Gareth", "Elin", "Dafydd", "Megan", "Rhys", "Catrin", "Owain", "Ffion", "Tomos",
    "Sarah", "James", "Emma", "David", "Nia", "Iwan",
];
const LAST: [&str; 12] = [
    "Jones",
    "Davies",
    "Williams",
    "Evans",
    "Thomas",
    "Roberts",
    "Hughes",
    "Lewis",
    "Morgan",
    "Griffiths",
    "Price",
    "Owen",
];
const TRADE: [&str; 12] = [
    "Bakery",
    "Joinery",
    "Engineering",
    "Print",
    "Dairy",
    "Garage",
    "Brewery",
    "Fabrication",
    "Bindery",
    "Packaging",
    "Kitchens",
    "Textiles",
];
const PLACE: [&str; 12] = [
    "Teifi",
    "Menai",
    "Taf",
    "Dyfi",
    "Conwy",
    "Tywi",
    "Wysg",
    "Clwyd",
    "Gwendraeth",
    "Ogwr",
    "Cynon",
    "Nedd",
];
const TITLES: [&str; 8] = [
    "Cut waiting between orders and dispatch",
    "Stop re-keying job sheets",
    "Halve changeover time on the main line",
    "Fewer trips to the store room",
    "Right first time on invoices",
    "Less stock ageing on the shelves",
    "Shorter quote turnaround",
    "Lower energy use overnight",
];
const SAY: [&str; 8] = [
    "We mapped the process on the wall and found four hand-offs nobody owned.",
    "Tried a kanban board this week: fewer interruptions already.",
    "Mae'r bwrdd kanban yn gweithio: llai o aros rhwng archebion.",
    "Our changeover is down from 40 to 25 minutes after the SMED session.",
    "Anyone else measuring waiting time by hand? Happy to share our sheet.",
    "Fe wnaethon ni ail-drefnu'r storfa yn ôl y 5S: llai o chwilio.",
    "The fishbone pointed at the paperwork, not the people.",
    "Next cycle: test the new checklist with two staff for a week.",
];

/// Weights of SIC sections among Welsh SMEs (roughly).
const SECTORS: [(char, u32); 12] = [
    ('F', 19),
    ('G', 15),
    ('M', 12),
    ('A', 9),
    ('I', 8),
    ('N', 7),
    ('C', 6),
    ('S', 6),
    ('H', 5),
    ('J', 5),
    ('Q', 4),
    ('P', 4),
];

/// Generates the dataset into `db`, which must hold no organisations yet.
pub async fn generate(
    db: &Db,
    scale: Scale,
    seed: u64,
    mut progress: impl FnMut(&'static str, usize),
) -> anyhow::Result<Summary> {
    anyhow::ensure!(
        db.max_id("organisations").await? == 0 && db.max_id("programmes").await? == 0,
        "synth needs an empty database: this one holds organisations or programmes already"
    );
    debug_assert!(SIC_SECTIONS.len() >= 12);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let now = anchor();
    let hash = ymarfer_app::passwords::hash(PASSWORD.to_string()).await?;
    let mut summary = Vec::new();
    let mut put = async |table: &'static str, columns: &[&str], rows: Vec<Vec<Cell>>| {
        let n = rows.len();
        db.insert_rows(table, columns, &rows)
            .await
            .with_context(|| format!("inserting into {table}"))?;
        progress(table, n);
        summary.push((table, n));
        anyhow::Ok(())
    };

    // Organisations: 95% micro, 4% small, 1% medium, by area and sector.
    let areas: Vec<(&str, u32)> = AREAS
        .iter()
        .enumerate()
        .map(|(i, a)| {
            (
                a.code,
                if a.code == "cardiff" {
                    30
                } else {
                    8 + (i as u32 % 5) * 2
                },
            )
        })
        .collect();
    let bands = [("micro", 95), ("small", 4), ("medium", 1)];
    // Organisation n is participant n's firm (below), in that participant's
    // programme; the rest belong to no programme yet.
    let programme_of_firm = |id: i64| {
        if id <= scale.participants {
            Cell::Int((id - 1) / 12 % scale.programmes + 1)
        } else {
            Cell::Null(ymarfer_store::bulk::Kind::Int)
        }
    };
    let mut orgs = Vec::with_capacity(scale.organisations as usize);
    for id in 1..=scale.organisations {
        let name = format!(
            "{} {} {}",
            PLACE[rng.random_range(0..PLACE.len())],
            TRADE[rng.random_range(0..TRADE.len())],
            id
        );
        orgs.push(vec![
            Cell::Int(id),
            name.into(),
            weighted(&mut rng, &SECTORS).to_string().into(),
            (*weighted(&mut rng, &bands)).into(),
            (*weighted(&mut rng, &areas)).into(),
            (now - Duration::days(rng.random_range(0..2000))).into(),
            programme_of_firm(id),
        ]);
    }

    // Programmes over five years, and cohorts of twelve.
    let cohorts = (scale.participants + 11) / 12;
    let start = |p: i64| {
        now.date_naive() - Duration::days(365 * 5)
            + Duration::days(p * 365 * 5 / scale.programmes.max(1))
    };
    let mut rows = Vec::new();
    for p in 1..=scale.programmes {
        let starts: NaiveDate = start(p - 1);
        let per = (cohorts + scale.programmes - 1) / scale.programmes.max(1);
        rows.push(vec![
            Cell::Int(p),
            format!("synth-{p}").into(),
            format!("Process innovation {p}").into(),
            format!("Arloesi prosesau {p}").into(),
            starts.into(),
            (starts + Duration::days(365)).into(),
            Cell::Int(per * 1_500_000),
            "Llywodraeth Cymru".into(),
            now.into(),
        ]);
    }
    put(
        "programmes",
        &[
            "id",
            "slug",
            "name_en",
            "name_cy",
            "starts_on",
            "ends_on",
            "cost_pence",
            "funder",
            "created_at",
        ],
        rows,
    )
    .await?;
    let programme_of = |c: i64| (c - 1) % scale.programmes + 1;
    let mut rows = Vec::new();
    for c in 1..=cohorts {
        let p = programme_of(c);
        let starts = start(p - 1) + Duration::days(rng.random_range(0..200));
        rows.push(vec![
            Cell::Int(c),
            Cell::Int(p),
            format!("cohort-{c}").into(),
            format!("Cohort {c}").into(),
            format!("Carfan {c}").into(),
            starts.into(),
            (starts + Duration::days(120)).into(),
            Cell::Int(14),
            (if c % 5 == 0 { "cy" } else { "both" }).into(),
            now.into(),
        ]);
    }
    put(
        "cohorts",
        &[
            "id",
            "programme_id",
            "slug",
            "name_en",
            "name_cy",
            "starts_on",
            "ends_on",
            "capacity",
            "language",
            "created_at",
        ],
        rows,
    )
    .await?;
    put(
        "organisations",
        &[
            "id",
            "name",
            "sic_section",
            "employee_band",
            "principal_area",
            "created_at",
            "programme_id",
        ],
        orgs,
    )
    .await?;

    // People: participants, a facilitator per cohort, two managers and an
    // observer per programme, one administrator.
    let mut users = Vec::new();
    let mut memberships = Vec::new();
    let mut person = |email: String, admin: bool, rng: &mut ChaCha8Rng| {
        let id = users.len() as i64 + 1;
        let name = format!(
            "{} {}",
            FIRST[rng.random_range(0..FIRST.len())],
            LAST[rng.random_range(0..LAST.len())]
        );
        let lang = if rng.random_range(0..5) == 0 {
            "cy"
        } else {
            "en"
        };
        users.push(vec![
            Cell::Int(id),
            email.into(),
            name.into(),
            hash.clone().into(),
            lang.into(),
            Cell::Bool(admin),
            now.into(),
        ]);
        id
    };
    let mut participant_ids = Vec::new();
    for n in 1..=scale.participants {
        participant_ids.push(person(
            format!("participant{n}@synth.ymarfer"),
            false,
            &mut rng,
        ));
    }
    let mut facilitators = Vec::new();
    for c in 1..=cohorts {
        facilitators.push(person(
            format!("facilitator{c}@synth.ymarfer"),
            false,
            &mut rng,
        ));
    }
    let mut staff = Vec::new();
    for p in 1..=scale.programmes {
        for (role, k) in [
            ("programme_manager", 1),
            ("programme_manager", 2),
            ("observer", 1),
        ] {
            let who = if role == "observer" {
                "observer"
            } else {
                "manager"
            };
            staff.push((
                person(format!("{who}{p}-{k}@synth.ymarfer"), false, &mut rng),
                role,
                p,
            ));
        }
    }
    person("admin@synth.ymarfer".into(), true, &mut rng);
    put(
        "users",
        &[
            "id",
            "email",
            "display_name",
            "password_hash",
            "language",
            "is_admin",
            "created_at",
        ],
        users,
    )
    .await?;
    let cohort_of = |n: usize| n as i64 / 12 + 1;
    for (n, u) in participant_ids.iter().enumerate() {
        let c = cohort_of(n);
        memberships.push(vec![
            Cell::Int(*u),
            Cell::Int(programme_of(c)),
            Cell::Int(c),
            "participant".into(),
            now.into(),
        ]);
    }
    for (i, u) in facilitators.iter().enumerate() {
        let c = i as i64 + 1;
        memberships.push(vec![
            Cell::Int(*u),
            Cell::Int(programme_of(c)),
            Cell::Int(c),
            "facilitator".into(),
            now.into(),
        ]);
    }
    for (u, role, p) in &staff {
        memberships.push(vec![
            Cell::Int(*u),
            Cell::Int(*p),
            Cell::Null(ymarfer_store::bulk::Kind::Int),
            (*role).into(),
            now.into(),
        ]);
    }
    put(
        "memberships",
        &["user_id", "programme_id", "cohort_id", "role", "created_at"],
        memberships,
    )
    .await?;

    // Enrolments: participant n speaks for organisation n, their programme's
    // record, with its answers at entry (28% innovation active).
    let mut enrolments = Vec::new();
    let mut answers = Vec::new();
    for (n, u) in participant_ids.iter().enumerate() {
        let c = cohort_of(n);
        let org = n as i64 + 1;
        enrolments.push(vec![
            Cell::Int(c),
            Cell::Int(*u),
            Cell::Int(org),
            "active".into(),
            now.into(),
        ]);
        let active = rng.random_range(0..100) < 28;
        answers.push(vec![
            Cell::Int(org),
            "entry".into(),
            start(programme_of(c) - 1).into(),
            Cell::Bool(active && rng.random_bool(0.5)),
            Cell::Bool(active),
            Cell::Bool(rng.random_bool(0.1)),
            Cell::Bool(rng.random_bool(0.2)),
            "micro".into(),
            now.into(),
        ]);
    }
    put(
        "enrolments",
        &[
            "cohort_id",
            "user_id",
            "organisation_id",
            "status",
            "created_at",
        ],
        enrolments,
    )
    .await?;
    put(
        "innovation_answers",
        &[
            "organisation_id",
            "stage",
            "asked_on",
            "new_goods_or_services",
            "new_business_process",
            "ongoing_or_abandoned",
            "innovation_spending",
            "employee_band",
            "created_at",
        ],
        answers,
    )
    .await?;

    // A project each, with its ledger: 60% of lines verified.
    let statuses = [
        ("testing", 30),
        ("implementing", 30),
        ("sustaining", 25),
        ("defining", 10),
        ("closed", 5),
    ];
    let functions: Vec<(&str, u32)> = OsloFunction::ALL.iter().map(|f| (f.as_str(), 1)).collect();
    let mut projects = Vec::new();
    let mut lines = Vec::new();
    let mut versions = Vec::new();
    let mut line_id = 0;
    for (n, u) in participant_ids.iter().enumerate() {
        let id = n as i64 + 1;
        let c = cohort_of(n);
        let created: DateTime<Utc> = now - Duration::days(rng.random_range(30..1800));
        projects.push(vec![
            Cell::Int(id),
            Cell::Int(c),
            Cell::Int(id),
            TITLES[rng.random_range(0..TITLES.len())].into(),
            (*weighted(&mut rng, &functions)).into(),
            (*weighted(&mut rng, &statuses)).into(),
            (if rng.random_range(0..10) == 0 {
                "public"
            } else {
                "cohort"
            })
            .into(),
            Cell::Int(*u),
            created.into(),
            created.into(),
        ]);
        let verifier = facilitators[(c - 1) as usize];
        for _ in 0..scale.lines_per_project {
            line_id += 1;
            let roll = rng.random_range(0..10);
            let status = match roll {
                0..=5 => "verified",
                6..=8 => "claimed",
                _ => "forecast",
            };
            let verified = status == "verified";
            let category = Category::ALL[rng.random_range(0..Category::ALL.len())];
            let frequency = [
                Frequency::Weekly,
                Frequency::Monthly,
                Frequency::OneOff,
                Frequency::Annually,
            ][rng.random_range(0..4)];
            // Per period, from tens of pounds (weekly) to thousands (one-off).
            let amount: i64 = match frequency {
                Frequency::Weekly => rng.random_range(2_000..15_000),
                Frequency::Monthly => rng.random_range(5_000..60_000),
                _ => rng.random_range(20_000..400_000),
            };
            // An amount, so neither rate nor capture factor changes its value.
            let value = ymarfer_domain::impact::first_year_value(
                PerPeriod::Amount(Pence(amount)),
                frequency,
                CaptureFactor(1000),
            )
            .0;
            let starts_on = (created + Duration::days(30)).date_naive();
            lines.push(vec![
                Cell::Int(line_id),
                Cell::Int(id),
                created.into(),
                Cell::Int(programme_of(c)),
                Cell::Int(c),
                Cell::Int(id),
                status.into(),
                category.as_str().into(),
                frequency.as_str().into(),
                starts_on.into(),
                Cell::Int(value),
                Cell::Int(0),
            ]);
            versions.push(vec![
                Cell::Int(line_id),
                Cell::Int(1),
                "Time saved on the process".into(),
                category.as_str().into(),
                (if rng.random_bool(0.7) { "hard" } else { "soft" }).into(),
                frequency.as_str().into(),
                starts_on.into(),
                status.into(),
                Cell::Int(amount),
                Cell::from(verified.then_some(verifier)),
                Cell::from(verified.then(|| created + Duration::days(90))),
                Cell::from(verified.then_some(1000_i64)),
                Cell::Int(*u),
                created.into(),
                Cell::Int(value),
                Cell::Int(0),
            ]);
        }
    }
    put(
        "projects",
        &[
            "id",
            "cohort_id",
            "organisation_id",
            "title",
            "business_function",
            "status",
            "visibility",
            "created_by",
            "created_at",
            "updated_at",
        ],
        projects,
    )
    .await?;
    put(
        "benefit_lines",
        &[
            "id",
            "project_id",
            "created_at",
            "programme_id",
            "cohort_id",
            "organisation_id",
            "status",
            "category",
            "frequency",
            "starts_on",
            "first_year_pence",
            "co2e_grams",
        ],
        lines,
    )
    .await?;
    put(
        "benefit_versions",
        &[
            "line_id",
            "version",
            "description",
            "category",
            "savings_type",
            "frequency",
            "starts_on",
            "status",
            "amount_pence",
            "verified_by",
            "verified_at",
            "capture_thousandths",
            "created_by",
            "created_at",
            "first_year_pence",
            "co2e_grams",
        ],
        versions,
    )
    .await?;

    // The cohort spaces: half posts, half comments on a post of the same cohort.
    let mut items = Vec::new();
    let mut last_post: Vec<i64> = vec![0; cohorts as usize + 1];
    let mut item_id = 0;
    for round in 0..scale.items_per_participant {
        for (n, u) in participant_ids.iter().enumerate() {
            let c = cohort_of(n);
            item_id += 1;
            let comment = round % 2 == 1 && last_post[c as usize] > 0;
            let body = SAY[rng.random_range(0..SAY.len())];
            let lang = if body.contains("Mae'r") || body.contains("Fe wnaethon") {
                "cy"
            } else {
                "en"
            };
            let at = now
                - Duration::minutes((scale.items_per_participant - round) * 600 + n as i64 % 600);
            items.push(vec![
                Cell::Int(item_id),
                Cell::Int(c),
                Cell::from(comment.then(|| last_post[c as usize])),
                Cell::Int(*u),
                (if comment { "comment" } else { "post" }).into(),
                body.into(),
                lang.into(),
                at.into(),
            ]);
            if !comment {
                last_post[c as usize] = item_id;
            }
        }
        if items.len() >= 200_000 {
            put("posts", POST_COLUMNS, std::mem::take(&mut items)).await?;
        }
    }
    put("posts", POST_COLUMNS, items).await?;

    // Health checks from firms not (yet) taking part.
    let pains = [
        "waiting",
        "rework",
        "paperwork",
        "stock",
        "energy",
        "handoffs",
    ];
    let mut checks = Vec::new();
    for i in 1..=scale.health_checks {
        let done = rng.random_range(0..10) < 8;
        let at = now - Duration::minutes(rng.random_range(0..60 * 24 * 1800));
        let yes = |rng: &mut ChaCha8Rng, p: f64| Cell::from(done.then(|| rng.random_bool(p)));
        checks.push(vec![
            Cell::Int(i),
            format!("{:064x}", i as u64 ^ seed).into(),
            (if rng.random_range(0..4) == 0 {
                "cy"
            } else {
                "en"
            })
            .into(),
            weighted(&mut rng, &SECTORS).to_string().into(),
            (*weighted(&mut rng, &bands)).into(),
            (*weighted(&mut rng, &areas)).into(),
            yes(&mut rng, 0.15),
            yes(&mut rng, 0.2),
            yes(&mut rng, 0.05),
            yes(&mut rng, 0.1),
            Cell::from(done.then(|| pains[rng.random_range(0..pains.len())].to_string())),
            at.into(),
            Cell::from(done.then_some(at + Duration::minutes(4))),
        ]);
        if checks.len() >= 100_000 {
            put(
                "health_checks",
                HEALTH_CHECK_COLUMNS,
                std::mem::take(&mut checks),
            )
            .await?;
        }
    }
    put("health_checks", HEALTH_CHECK_COLUMNS, checks).await?;

    db.carry_on_ids(&[
        "organisations",
        "programmes",
        "cohorts",
        "users",
        "memberships",
        "enrolments",
        "innovation_answers",
        "projects",
        "benefit_lines",
        "benefit_versions",
        "posts",
        "health_checks",
    ])
    .await?;
    // Statistics for the query planners, as after any bulk load.
    db.analyse().await?;
    // Totals by table, each table once.
    let mut rows: Vec<(&'static str, usize)> = Vec::new();
    for (t, n) in summary {
        match rows.iter_mut().find(|(r, _)| *r == t) {
            Some(r) => r.1 += n,
            None => rows.push((t, n)),
        }
    }
    Ok(Summary { rows })
}
