//! Demo data: a realistic Welsh programme that a newcomer can sign in to at once,
//! as every role. Loading it twice changes nothing.

use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use ymarfer_app::fixtures::{self, Cohort, Line, Person, Programme, Project};
use ymarfer_domain::capability::Moment;
use ymarfer_domain::impact::net::Percent;
use ymarfer_domain::impact::{Category, Status};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::live::Stage as LiveStage;
use ymarfer_domain::programme::{
    DeliveryLanguage, DeliveryMode, SessionKind, SetCandidate, propose_sets,
};
use ymarfer_domain::projects::{ProjectStatus, Visibility};
use ymarfer_domain::reference::Region;
use ymarfer_domain::{Lang, Role, Scope};
use ymarfer_store::Db;
use ymarfer_store::organisations::Answers;
use ymarfer_store::projects::CycleInput;
use ymarfer_store::schedule::MeetingInput;
use ymarfer_store::users::User;

pub const PROGRAMME: &str = "ceic-demo";
pub const PASSWORD: &str = "ymarfer-demo-2026";

/// (email, name, language, what they are).
pub const ACCOUNTS: [(&str, &str, Lang, &str); 5] = [
    (
        "admin@ymarfer.demo",
        "Alun Admin",
        Lang::En,
        "instance administrator",
    ),
    (
        "manager@ymarfer.demo",
        "Mererid Rheolwr",
        Lang::Cy,
        "programme manager",
    ),
    (
        "facilitator@ymarfer.demo",
        "Ffion Hwylusydd",
        Lang::En,
        "facilitator of the North Wales and South East Wales cohorts",
    ),
    (
        "observer@ymarfer.demo",
        "Osian Sylwedydd",
        Lang::En,
        "observer (funder)",
    ),
    (
        "participant@ymarfer.demo",
        "Nia Cyfranogwr",
        Lang::Cy,
        "participant at Becws Llŷn, North Wales cohort (running now)",
    ),
];

/// The demo's firms and stories, as data with named fields.
#[derive(serde::Deserialize)]
struct DemoData {
    text: ByLanguage,
    firm: Vec<Firm>,
    story: Vec<Story>,
}

#[derive(serde::Deserialize)]
struct ByLanguage {
    en: Texts,
    cy: Texts,
}

impl ByLanguage {
    fn get(&self, welsh: bool) -> &Texts {
        if welsh { &self.cy } else { &self.en }
    }
}

/// Texts every session, cycle and ledger line share, in one language.
#[derive(serde::Deserialize)]
struct Texts {
    agenda: String,
    resources: String,
    happened: String,
    study_adapt: String,
    study_adopt: String,
    plan_when: String,
    plan_where: String,
    process_measures: String,
    balancing_measures: String,
    labour_line: String,
    location: String,
}

#[derive(serde::Deserialize)]
struct Firm {
    name: String,
    sector: char,
    band: EmployeeBand,
    area: String,
    hourly_rate_pence: i64,
    /// Which of the three cohorts (0, 1, 2) it joins.
    cohort: usize,
    innovation_active_at_entry: bool,
    /// The firm's own challenge project, in its cohort's language.
    title: String,
    problem: String,
    running_line: String,
}

/// A believable improvement story: a challenge project with its measure (in
/// hundredths), readings moving towards the target, a first change adapted and a
/// second adopted, a value stream, and what it saved.
#[derive(serde::Deserialize)]
struct Story {
    measure: String,
    unit: String,
    baseline: i64,
    target: i64,
    readings: Vec<i64>,
    adapted_change: String,
    adopted_change: String,
    prediction: String,
    cy: StoryCy,
    step: Vec<Step>,
    cause: Vec<Cause>,
    benefits: StoryBenefits,
}

/// A cause the story's fishbone finds, under one of its six headings.
#[derive(serde::Deserialize)]
struct Cause {
    category: String,
    en: String,
    cy: String,
}

/// A story's words in Welsh, for the Welsh-language cohort.
#[derive(serde::Deserialize)]
struct StoryCy {
    measure: String,
    unit: String,
    adapted_change: String,
    adopted_change: String,
    prediction: String,
    steps: Vec<String>,
}

/// A story's words in one language.
struct StoryWords<'a> {
    measure: &'a str,
    unit: &'a str,
    adapted_change: &'a str,
    adopted_change: &'a str,
    prediction: &'a str,
    steps: Vec<&'a str>,
}

impl Story {
    fn words(&self, welsh: bool) -> StoryWords<'_> {
        if welsh {
            StoryWords {
                measure: &self.cy.measure,
                unit: &self.cy.unit,
                adapted_change: &self.cy.adapted_change,
                adopted_change: &self.cy.adopted_change,
                prediction: &self.cy.prediction,
                steps: self.cy.steps.iter().map(String::as_str).collect(),
            }
        } else {
            StoryWords {
                measure: &self.measure,
                unit: &self.unit,
                adapted_change: &self.adapted_change,
                adopted_change: &self.adopted_change,
                prediction: &self.prediction,
                steps: self.step.iter().map(|s| s.name.as_str()).collect(),
            }
        }
    }
}

/// A value stream step: process time, lead time and %C&A as typed into the tool.
#[derive(serde::Deserialize)]
struct Step {
    name: String,
    process_time: String,
    lead_time: String,
    complete_and_accurate: String,
}

/// What a story saved: hours a week, and a second line of money a month.
#[derive(serde::Deserialize)]
struct StoryBenefits {
    hours_a_week: String,
    category: String,
    amount_a_month_pence: i64,
    energy_kwh_a_month: i64,
    waste_kg_a_week: i64,
    fuel_litres_a_month: i64,
}

fn demo_data() -> anyhow::Result<DemoData> {
    toml::from_str(include_str!("../data/demo.toml")).context("the demo data file")
}

/// Firms of the demo's leads, named as Welsh small firms are: a trade and a
/// place.
const TRADES: [&str; 9] = [
    "Becws",
    "Garej",
    "Caffi",
    "Gweithdy",
    "Argraffwyr",
    "Saer",
    "Siop Fferm",
    "Bragdy",
    "Gwesty",
];
const PLACES: [&str; 11] = [
    "Aberaeron",
    "Y Bala",
    "Llanelli",
    "Rhuthun",
    "Tregaron",
    "Bethesda",
    "Crughywel",
    "Porthmadog",
    "Llandeilo",
    "Y Trallwng",
    "Abergwaun",
];

/// The `i`th demo lead's firm: a trade and a place, each pair once in 99.
fn firm_name(i: u32) -> String {
    let i = i as usize;
    format!(
        "{} {}",
        TRADES[i % TRADES.len()],
        PLACES[(i / TRADES.len()) % PLACES.len()]
    )
}

const FIRST_NAMES: [&str; 12] = [
    "Rhys", "Carys", "Dewi", "Elin", "Gareth", "Lowri", "Iwan", "Sioned", "Tomos", "Megan", "Huw",
    "Catrin",
];
const SURNAMES: [&str; 10] = [
    "Jones",
    "Williams",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Hughes",
    "Lewis",
    "Morgan",
    "Griffiths",
];

/// The demo's account for `email`, made unless it is there already.
async fn account(
    db: &Db,
    email: &str,
    name: &str,
    lang: Lang,
    admin: bool,
    hash: &str,
) -> anyhow::Result<User> {
    Person::new(email)
        .name(name)
        .language(lang)
        .admin_if(admin)
        .add(db, hash)
        .await
}

/// Loads the demo programme unless it is there already. Returns whether it loaded.
pub async fn load(
    db: &Db,
    files: &ymarfer_app::files::Files,
    config: &ymarfer_app::Config,
) -> anyhow::Result<bool> {
    if db.programme_by_slug(PROGRAMME).await?.is_some() {
        return Ok(false);
    }
    let mut created_organisations = Vec::new();
    let loaded = match load_all(db, files, &mut created_organisations).await {
        Ok(()) => live_room(&ymarfer_app::Services::new(db.clone(), config.clone())?).await,
        Err(e) => Err(e),
    };
    match loaded {
        Ok(()) => Ok(true),
        Err(e) => {
            // Leave nothing half-loaded: the next attempt starts clean.
            if let Some(p) = db.programme_by_slug(PROGRAMME).await? {
                db.delete_programme(p.id).await?;
            }
            for id in created_organisations {
                db.delete_organisation(id).await?;
            }
            Err(e)
        }
    }
}

async fn load_all(
    db: &Db,
    files: &ymarfer_app::files::Files,
    created_organisations: &mut Vec<i64>,
) -> anyhow::Result<()> {
    let data = demo_data()?;
    let hash = ymarfer_app::passwords::hash(PASSWORD.to_string()).await?;
    let mut people = Vec::new();
    for (email, name, lang, _) in ACCOUNTS {
        people.push(account(db, email, name, lang, email.starts_with("admin@"), &hash).await?);
    }
    let [_, manager, facilitator, observer, participant] =
        <[User; 5]>::try_from(people).map_err(|_| anyhow::anyhow!("accounts"))?;

    // Every date is relative to today, so the demo always has a cohort that
    // finished long enough ago for follow-ups, one that finished recently, one
    // running now with sessions to come, and one about to start.
    let today = ymarfer_domain::uktime::today();
    let programme = Programme::new(
        PROGRAMME,
        "Circular Economy Innovation Communities (demo)",
        "Cymunedau Arloesi'r Economi Gylchol (demo)",
    )
    .description(
        "Staff from small firms across Wales apply process-innovation tools to a real problem in their own business, test changes and learn from each other.",
        "Mae staff o gwmnïau bach ledled Cymru yn defnyddio offer arloesi prosesau ar broblem go iawn yn eu busnes eu hunain, yn profi newidiadau ac yn dysgu gan ei gilydd.",
    )
    .funder("Welsh Government (demo)", "Llywodraeth Cymru (demo)")
    .dates(today - Duration::weeks(66), today + Duration::weeks(34))
    .cost(5_400_000)
    .cost_parts(3_400_000, 650_000, 250_000, 1_100_000)
    .rate(2_000)
    .capture(1000)
    .add(db, manager.id)
    .await?;
    db.grant(observer.id, Role::Observer, Scope::Programme(programme.id))
        .await?;
    // Additionality settings, so that the dashboard shows net beside gross.
    let setting = |value: i64, low: Option<i64>, high: Option<i64>, source: &str| {
        ymarfer_domain::impact::net::Setting {
            value: Percent(value),
            low: low.map(Percent),
            high: high.map(Percent),
            source: source.into(),
        }
    };
    let additionality = ymarfer_domain::impact::net::Additionality {
        deadweight: setting(
            2000,
            Some(1000),
            Some(3500),
            "Programme business case, 2025 (demo)",
        ),
        displacement: setting(
            1000,
            Some(500),
            Some(2000),
            "Regional evaluation, 2024 (demo)",
        ),
        leakage: setting(
            500,
            None,
            None,
            "Share of firms' trade outside Wales (demo)",
        ),
        substitution: setting(0, None, None, "Programme business case, 2025 (demo)"),
        persistence_year2: Percent(6000),
        persistence_year3: Percent(3000),
        persistence_source: "HM Treasury Green Book guidance (demo)".into(),
    };
    db.set_additionality_recorded(programme.id, &additionality, &|_| {
        Some(ymarfer_store::audit::NewAuditEvent::default())
    })
    .await?;

    let cohort_specs = [
        (
            "north-wales",
            "North Wales",
            "Gogledd Cymru",
            "north_wales",
            "in_person",
            today - Duration::weeks(8),
        ),
        (
            "south-east-wales",
            "South East Wales",
            "De-ddwyrain Cymru",
            "cardiff_capital",
            "blended",
            today - Duration::weeks(62),
        ),
        (
            "west-wales",
            "West Wales",
            "Gorllewin Cymru",
            "swansea_bay",
            "online",
            today - Duration::weeks(36),
        ),
        (
            "mid-wales",
            "Mid Wales",
            "Canolbarth Cymru",
            "mid_wales",
            "blended",
            today + Duration::weeks(3),
        ),
    ];
    let mut cohorts = Vec::new();
    for (i, (slug, en, cy, region, mode, start)) in cohort_specs.into_iter().enumerate() {
        let year = start.year();
        let c = Cohort::new(slug, &format!("{en} {year}"), &format!("{cy} {year}"))
            .dates(start, start + Duration::weeks(16))
            .capacity(14)
            .mode(DeliveryMode::parse(mode).context("delivery mode")?)
            .region(Region::parse(region).context("region")?)
            .language(if i == WELSH_COHORT {
                DeliveryLanguage::Welsh
            } else {
                DeliveryLanguage::English
            })
            .add(db, programme.id)
            .await?;
        cohorts.push((c, start));
    }
    for (c, _) in cohorts.iter().take(2) {
        db.grant(
            facilitator.id,
            Role::Facilitator,
            Scope::Cohort {
                programme: programme.id,
                cohort: c.id,
            },
        )
        .await?;
    }
    let west_facilitator = account(
        db,
        "gwyn.hwylusydd@ymarfer.demo",
        "Gwyn Hwylusydd",
        Lang::Cy,
        false,
        &hash,
    )
    .await?;
    for (c, _) in cohorts.iter().skip(2) {
        db.grant(
            west_facilitator.id,
            Role::Facilitator,
            Scope::Cohort {
                programme: programme.id,
                cohort: c.id,
            },
        )
        .await?;
    }

    // Firms and their people: one or two participants each.
    let mut members: Vec<Vec<(i64, char, String)>> = vec![Vec::new(); cohorts.len()];
    for (i, firm) in data.firm.iter().enumerate() {
        let active = firm.innovation_active_at_entry;
        let entry = Answers {
            new_goods_or_services: active && i % 2 == 0,
            new_business_process: active,
            ongoing_or_abandoned: active && i % 3 == 0,
            innovation_spending: active || i % 4 == 0,
        };
        let start = cohorts.get(firm.cohort).context("the firm's cohort")?.1;
        let org = fixtures::Firm::named(&firm.name)
            .companies_house(&format!("{:08}", 10_000_000 + i * 7_919))
            .sector(firm.sector)
            .band(firm.band)
            .area(&firm.area)
            .rate(firm.hourly_rate_pence)
            .entry(start - Duration::days(14), entry)
            .add(db, programme.id)
            .await?;
        created_organisations.push(org.id);
        let count = if i % 3 == 1 { 2 } else { 1 };
        for k in 0..count {
            let user = if i == 0 && k == 0 {
                participant.clone()
            } else {
                let first = FIRST_NAMES[(i + k * 5) % FIRST_NAMES.len()];
                let last = SURNAMES[(i * 3 + k) % SURNAMES.len()];
                let email = format!(
                    "{}.{}{}@ymarfer.demo",
                    first.to_lowercase(),
                    last.to_lowercase(),
                    i
                );
                let lang = if firm.cohort == WELSH_COHORT || i % 3 == 0 {
                    Lang::Cy
                } else {
                    Lang::En
                };
                account(db, &email, &format!("{first} {last}"), lang, false, &hash).await?
            };
            db.enrol(
                programme.id,
                cohorts[firm.cohort].0.id,
                user.id,
                Some(org.id),
                Some(manager.id),
            )
            .await?;
            members[firm.cohort].push((user.id, firm.sector, firm.band.as_str().to_string()));
        }
    }

    // Sessions: the five kinds, three weeks apart, with registers for those past.
    let kinds = [
        (
            "workshop",
            "Seeing the process: SIPOC and process maps",
            "Gweld y broses: SIPOC a mapiau proses",
        ),
        (
            "site_visit",
            "Site visit: where the waiting happens",
            "Ymweliad safle: lle mae'r aros yn digwydd",
        ),
        (
            "action_learning_set",
            "Action-learning set: your first test of change",
            "Set dysgu gweithredol: eich prawf newid cyntaf",
        ),
        (
            "masterclass",
            "Masterclass: measuring what changed",
            "Dosbarth meistr: mesur beth newidiodd",
        ),
        (
            "clinic",
            "Clinic: savings and next steps",
            "Clinig: arbedion a'r camau nesaf",
        ),
    ];
    let now = Utc::now();
    for (ci, (cohort, start)) in cohorts.iter().enumerate() {
        let welsh = ci == WELSH_COHORT;
        let text = data.text.get(welsh);
        for (k, (kind, en, cy)) in kinds.iter().enumerate() {
            let day = *start + Duration::weeks(3 * k as i64);
            let starts_at = Utc.from_utc_datetime(&day.and_hms_opt(9, 30, 0).context("time")?);
            let meeting = db
                .create_meeting(
                    cohort.id,
                    &MeetingInput {
                        title: if welsh { (*cy).into() } else { (*en).into() },
                        kind: SessionKind::parse(kind).context("session kind")?,
                        starts_at,
                        ends_at: starts_at + Duration::hours(3),
                        location: if cohort.delivery_mode == DeliveryMode::Online {
                            String::new()
                        } else {
                            text.location.clone()
                        },
                        online_url: if cohort.delivery_mode == DeliveryMode::InPerson {
                            String::new()
                        } else {
                            "https://meet.example.org/ymarfer-demo".into()
                        },
                        agenda: text.agenda.trim().to_string(),
                        resources: text.resources.trim().to_string(),
                    },
                )
                .await?;
            if starts_at < now {
                let marks: Vec<(i64, ymarfer_domain::programme::Attendance)> = members[ci]
                    .iter()
                    .enumerate()
                    .map(|(j, (user, _, _))| {
                        use ymarfer_domain::programme::Attendance;
                        let status = match (j + k) % 9 {
                            0 => Attendance::Apologies,
                            4 if k > 2 => Attendance::Absent,
                            _ => Attendance::Present,
                        };
                        (*user, status)
                    })
                    .collect();
                db.record_attendance(meeting.id, &marks, facilitator.id)
                    .await?;
            }
        }
        let candidates: Vec<SetCandidate> = members[ci]
            .iter()
            .map(|(id, sector, band)| SetCandidate {
                user_id: *id,
                sector: *sector,
                band: band.clone(),
            })
            .collect();
        let sets: Vec<(String, Vec<i64>)> = propose_sets(&candidates)
            .into_iter()
            .enumerate()
            .map(|(i, m)| (format!("Set {}", i + 1), m))
            .collect();
        db.replace_sets(cohort.id, &sets).await?;
    }
    let stage = |start: NaiveDate| Stage::of(start, today);
    let cohorts: Vec<(ymarfer_store::programmes::Cohort, NaiveDate, Stage)> = cohorts
        .into_iter()
        .map(|(c, start)| (c, start, stage(start)))
        .collect();
    projects(db, &cohorts, facilitator.id, &data, today).await?;
    ledger(db, &cohorts, facilitator.id, &data).await?;
    health_checks(db, programme.id, &cohorts, today).await?;
    spaces(db, &cohorts, facilitator.id, participant.id).await?;
    attachments(db, files, &cohorts).await?;
    // Approved last, as any change to a project asks for approval again.
    for (cohort, _, stage) in &cohorts {
        if *stage == Stage::Finished {
            for p in db.cohort_projects(cohort.id).await? {
                if p.visibility == Visibility::Public {
                    db.approve_public(p.id, Some(facilitator.id)).await?;
                }
            }
        }
    }
    Ok(())
}

/// A year of health checks across Wales, so the funnel has a real shape: most
/// firms micro and not innovation active, most checks finished, some leaving
/// their details; the Mid Wales cohort's firms came this way.
async fn health_checks(
    db: &Db,
    programme: i64,
    cohorts: &[(ymarfer_store::programmes::Cohort, NaiveDate, Stage)],
    today: NaiveDate,
) -> anyhow::Result<()> {
    use ymarfer_domain::health::{LeadStatus, PainPoint};
    use ymarfer_store::health::{CheckAnswers, LeadInput};
    // A small deterministic generator: the same demo every time.
    let mut seed: u64 = 0x5eed_cafe;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    const SECTORS: [&str; 8] = ["C", "G", "I", "F", "Q", "S", "H", "M"];
    const SOURCES: [&str; 4] = ["", "", "business-wales", "powys-council"];
    let open = cohorts
        .iter()
        .find(|(_, _, stage)| *stage == Stage::Starting)
        .map(|(c, _, _)| c.id);
    for i in 0..320u64 {
        let area = ymarfer_domain::reference::AREAS
            .get(next(ymarfer_domain::reference::AREAS.len() as u64) as usize)
            .map(|a| a.code.to_string());
        let band = match next(100) {
            0..=89 => EmployeeBand::Micro,
            90..=97 => EmployeeBand::Small,
            _ => EmployeeBand::Medium,
        };
        // About 7 in 10 not innovation active.
        let active = next(100) < 30;
        let answers = CheckAnswers {
            sector: Some(SECTORS[next(SECTORS.len() as u64) as usize].to_string()),
            employee_band: Some(band),
            principal_area: area,
            innovation: [
                Some(active && next(2) == 0),
                Some(active),
                Some(active && next(3) == 0),
                Some(next(4) == 0),
            ],
            pains: Some(
                PainPoint::ALL
                    .iter()
                    .copied()
                    .filter(|_| next(3) == 0)
                    .collect(),
            ),
        };
        let days_ago = next(365) as i64;
        let at = Utc.from_utc_datetime(
            &(today - Duration::days(days_ago))
                .and_hms_opt(10, (i % 60) as u32, 0)
                .context("time")?,
        );
        let completed = next(100) < 82;
        let lang = if next(3) == 0 { Lang::Cy } else { Lang::En };
        let source = SOURCES[next(SOURCES.len() as u64) as usize];
        let id = db
            .record_check(lang, source, &answers, at, completed)
            .await?;
        if completed && next(100) < 14 {
            let lead = db
                .create_lead(&LeadInput {
                    health_check_id: Some(id),
                    programme_id: Some(programme),
                    cohort_id: open,
                    name: format!(
                        "{} {}",
                        FIRST_NAMES[(i % 12) as usize],
                        SURNAMES[(i % 10) as usize]
                    ),
                    email: format!("lead{i}@ymarfer.demo"),
                    phone: String::new(),
                    organisation_name: firm_name(i as u32),
                    language: lang,
                    recheck: next(2) == 0,
                })
                .await?;
            let status = match next(4) {
                0 => LeadStatus::New,
                1 | 2 => LeadStatus::Contacted,
                _ => LeadStatus::Closed,
            };
            db.update_lead(lead.id, status, "").await?;
        }
    }
    // Firms that agreed to take the check again and did not join a cohort:
    // the comparison pool, with the checks they took again at 6 and 12 months.
    let check = |active: bool, i: u32| CheckAnswers {
        sector: Some(["C", "F", "G", "I", "M", "S"][(i % 6) as usize].to_string()),
        employee_band: Some(if i.is_multiple_of(5) {
            EmployeeBand::Small
        } else {
            EmployeeBand::Micro
        }),
        principal_area: Some(
            ["powys", "gwynedd", "cardiff", "swansea"][(i % 4) as usize].to_string(),
        ),
        innovation: [
            Some(false),
            Some(active),
            Some(false),
            Some(i.is_multiple_of(2)),
        ],
        pains: Some(vec![PainPoint::Waiting]),
    };
    for i in 0..COMPARISON_FIRMS {
        let lang = if i % 3 == 0 { Lang::Cy } else { Lang::En };
        let first = today
            .checked_sub_months(chrono::Months::new(13))
            .context("a date")?
            - Duration::days(i64::from(i));
        let at = |d: NaiveDate| -> anyhow::Result<chrono::DateTime<Utc>> {
            Ok(Utc.from_utc_datetime(&d.and_hms_opt(11, 0, 0).context("time")?))
        };
        let id = db
            .record_check(lang, "", &check(i < 3, i), at(first)?, true)
            .await?;
        let lead = db
            .create_lead(&LeadInput {
                health_check_id: Some(id),
                programme_id: Some(programme),
                cohort_id: None,
                name: format!(
                    "{} {}",
                    FIRST_NAMES[(i % 12) as usize],
                    SURNAMES[((i + 3) % 10) as usize]
                ),
                email: format!("cymharu{i}@ymarfer.demo"),
                phone: String::new(),
                organisation_name: firm_name(i + 50),
                language: lang,
                recheck: true,
            })
            .await?;
        // A few more innovate as the months pass, as firms do on their own.
        for (months, active) in [(6u32, i < 4), (12, i < 5)] {
            let again = ymarfer_store::health::Recheck {
                lead: lead.id,
                follows: Some(id),
                months,
            };
            let on = first
                .checked_add_months(chrono::Months::new(months))
                .context("a date")?;
            let (_, hash) = ymarfer_store::secret::new_secret();
            db.recheck_sent(lead.id, months, &hash).await?;
            db.record_check_again(
                lang,
                &format!("recheck-{months}"),
                &check(active, i),
                at(on)?,
                true,
                Some(&again),
            )
            .await?;
        }
        db.update_lead(lead.id, LeadStatus::Closed, "").await?;
    }
    // The Mid Wales firms found the programme through the check.
    if let Some((cohort, _, _)) = cohorts.iter().find(|(_, _, s)| *s == Stage::Starting) {
        for e in db.enrolled(cohort.id).await? {
            let Some(org) = e.organisation_id else {
                continue;
            };
            let organisation = db.organisation_by_id(org).await?.context("organisation")?;
            let answers = CheckAnswers {
                sector: Some(organisation.sic_section.clone()),
                employee_band: Some(organisation.employee_band),
                principal_area: Some(organisation.principal_area.clone()),
                innovation: [Some(false), Some(false), Some(false), Some(true)],
                pains: Some(vec![PainPoint::Waiting]),
            };
            let at = Utc.from_utc_datetime(
                &(today - Duration::days(40))
                    .and_hms_opt(9, 0, 0)
                    .context("time")?,
            );
            let id = db
                .record_check(Lang::En, "powys-council", &answers, at, true)
                .await?;
            let lead = db
                .create_lead(&LeadInput {
                    health_check_id: Some(id),
                    programme_id: Some(programme),
                    cohort_id: Some(cohort.id),
                    name: e.display_name.clone(),
                    email: e.email.clone(),
                    phone: String::new(),
                    organisation_name: organisation.name.clone(),
                    language: Lang::En,
                    recheck: true,
                })
                .await?;
            db.lead_invited(lead.id, cohort.id, org, e.user_id).await?;
            db.update_lead(lead.id, LeadStatus::Enrolled, "").await?;
        }
    }
    Ok(())
}

/// Firms in the demo's comparison pool, each with checks at 6 and 12 months.
const COMPARISON_FIRMS: u32 = 14;

/// The cohort whose sessions and projects are in Welsh.
const WELSH_COHORT: usize = 0;

/// Where a cohort is on the day the demo loads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Starting,
    Running,
    Finished,
}

impl Stage {
    fn of(start: NaiveDate, today: NaiveDate) -> Stage {
        if start > today {
            Stage::Starting
        } else if start + Duration::weeks(16) > today {
            Stage::Running
        } else {
            Stage::Finished
        }
    }
}

/// The story that fits a firm: by what it does, as its name and sector tell.
fn story_index(name: &str, sector: char) -> usize {
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["Becws", "Café", "Ice Cream", "Seafood", "Brewing", "Gwesty"]) {
        return 0;
    }
    if has(&["Garej", "Auto", "Cludiant", "Supplies"]) {
        return 1;
    }
    if has(&["Seiri", "Timber", "Adeiladwyr", "Lofts", "Wool", "Outdoor"]) {
        return 2;
    }
    if has(&["Gofal", "Care", "Vets", "Laundry"]) {
        return 3;
    }
    match sector {
        'I' => 0,
        'G' | 'H' => 1,
        'F' | 'L' | 'R' => 2,
        'Q' | 'S' => 3,
        'C' => 4,
        _ => 5,
    }
}

/// Gives each firm in a cohort that has begun its own challenge project, in the
/// cohort's language: a value stream map, cycles (one adapted, then one adopted
/// or, in a running cohort, still being tried) marked on the days the changes
/// began, and readings up to today moving towards the target.
async fn projects(
    db: &Db,
    cohorts: &[(ymarfer_store::programmes::Cohort, NaiveDate, Stage)],
    facilitator: i64,
    data: &DemoData,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let tools = ymarfer_domain::toolkit::shipped_tools().map_err(|e| anyhow::anyhow!("{e}"))?;
    let tool = |id: &str| {
        tools
            .iter()
            .find(|t| t.id == id)
            .cloned()
            .with_context(|| format!("the {id} tool"))
    };
    let vsm = tool("value-stream-map")?;
    let fishbone = tool("fishbone")?;
    for (ci, (cohort, start, stage)) in cohorts.iter().enumerate() {
        if *stage == Stage::Starting {
            continue;
        }
        let welsh = ci == WELSH_COHORT;
        let text = data.text.get(welsh);
        let written = if welsh { Lang::Cy } else { Lang::En };
        // One project a firm, started by its first participant.
        let mut started: Vec<i64> = Vec::new();
        for e in db.enrolled(cohort.id).await? {
            let Some(org) = e.organisation_id else {
                continue;
            };
            if started.contains(&org) {
                continue;
            }
            started.push(org);
            let name = e.organisation_name.clone().unwrap_or_default();
            let firm = data
                .firm
                .iter()
                .find(|f| f.name == name)
                .context("the firm's data")?;
            let story = data
                .story
                .get(story_index(&name, firm.sector))
                .context("a story for the firm")?;
            let words = story.words(welsh);
            let status = match stage {
                Stage::Finished => "sustaining",
                _ => "testing",
            };
            // Finished cohorts' firms that agreed to a case study share their
            // project with everyone (the showcase); two firms in each cohort
            // have not agreed to one.
            let consent = !started.len().is_multiple_of(5);
            let project = Project::titled(&firm.title)
                .problem(&firm.problem)
                .aim(
                    words.measure,
                    words.unit,
                    story.baseline,
                    story.target,
                    *start + Duration::weeks(20),
                )
                .measures(
                    words.measure,
                    &text.process_measures,
                    &text.balancing_measures,
                )
                .owners(&e.display_name)
                .status(ProjectStatus::parse(status).context("project status")?)
                .visibility(if *stage == Stage::Finished && consent {
                    Visibility::Public
                } else {
                    Visibility::Cohort
                })
                .case_study(consent)
                .written_in(written)
                .add(db, cohort.id, org, e.user_id)
                .await?;
            let mut form = vec![("product_family".to_string(), firm.title.clone())];
            for (i, step) in story.step.iter().enumerate() {
                let step_name = words.steps.get(i).copied().unwrap_or(step.name.as_str());
                for (column, value) in [
                    ("step", step_name),
                    ("process_time", step.process_time.as_str()),
                    ("lead_time", step.lead_time.as_str()),
                    ("pca", step.complete_and_accurate.as_str()),
                ] {
                    form.push((
                        ymarfer_domain::toolkit::cell_name("steps", i, column),
                        value.to_string(),
                    ));
                }
            }
            // The causes the team found, then the value stream they mapped.
            let baseline = ymarfer_app::i18n::format_hundredths(story.baseline);
            let mut causes = vec![(
                "effect".to_string(),
                format!("{}: {baseline} {}", words.measure, words.unit),
            )];
            for (i, c) in story.cause.iter().enumerate() {
                let text = if welsh { &c.cy } else { &c.en };
                causes.push((
                    ymarfer_domain::toolkit::cell_name("causes", i, "category"),
                    c.category.clone(),
                ));
                causes.push((
                    ymarfer_domain::toolkit::cell_name("causes", i, "cause"),
                    text.clone(),
                ));
            }
            for (t, form) in [(&fishbone, &causes), (&vsm, &form)] {
                let values = t
                    .validate(form)
                    .map_err(|e| anyhow::anyhow!("demo {}: {e:?}", t.id))?;
                db.save_application_recorded(
                    project.id,
                    &t.id,
                    i64::from(t.version),
                    (&serde_json::to_string(&values)?, written),
                    Some(e.user_id),
                    &Default::default(),
                )
                .await?;
            }
            let running = *stage == Stage::Running;
            for (n, (change, decision, study)) in [
                (
                    words.adapted_change,
                    Some("adapt"),
                    text.study_adapt.as_str(),
                ),
                (
                    words.adopted_change,
                    (!running).then_some("adopt"),
                    if running {
                        ""
                    } else {
                        text.study_adopt.as_str()
                    },
                ),
            ]
            .into_iter()
            .enumerate()
            {
                db.create_cycle(
                    project.id,
                    &CycleInput {
                        change_idea: change.into(),
                        prediction: words.prediction.into(),
                        plan_who: e.display_name.clone(),
                        plan_what: change.into(),
                        plan_when: text.plan_when.clone(),
                        plan_where: text.plan_where.clone(),
                        happened: if decision.is_some() {
                            text.happened.clone()
                        } else {
                            String::new()
                        },
                        study: study.into(),
                        decision: decision.and_then(ymarfer_domain::projects::CycleDecision::parse),
                        tested_on: Some(*start + Duration::weeks(3 + 3 * n as i64)),
                        lang: written,
                    },
                    Some(e.user_id),
                )
                .await?;
            }
            for (k, value) in story.readings.iter().enumerate() {
                let day = *start + Duration::weeks(2 + 2 * k as i64);
                if day <= today {
                    db.add_reading(project.id, day, *value, "", Some(facilitator))
                        .await?;
                }
            }
        }
    }
    Ok(())
}

/// The ledger that reproduces the article's result: savings verified for the two
/// cohorts that have finished and half of the one running, whose other lines
/// wait to be verified or are still forecast.
async fn ledger(
    db: &Db,
    cohorts: &[(ymarfer_store::programmes::Cohort, NaiveDate, Stage)],
    verifier: i64,
    data: &DemoData,
) -> anyhow::Result<()> {
    use ymarfer_domain::impact::{Hours, Quantity};
    let mut lines = Vec::new();
    for (ci, (cohort, start, stage)) in cohorts.iter().enumerate() {
        let text = data.text.get(ci == WELSH_COHORT);
        for (k, project) in db.cohort_projects(cohort.id).await?.into_iter().enumerate() {
            let org = db
                .organisation_by_id(project.organisation_id)
                .await?
                .context("organisation")?;
            let firm = data
                .firm
                .iter()
                .find(|f| f.name == org.name)
                .context("the firm's data")?;
            let sector = org.sic_section.chars().next().unwrap_or('S');
            let i = story_index(&org.name, sector);
            let b = &data.story.get(i).context("a story for the firm")?.benefits;
            let (hours, category, amount, kwh, waste, fuel) = (
                b.hours_a_week.as_str(),
                b.category.as_str(),
                b.amount_a_month_pence,
                b.energy_kwh_a_month,
                b.waste_kg_a_week,
                b.fuel_litres_a_month,
            );
            let status = match (stage, k % 10) {
                (Stage::Finished, _) | (_, 0..=4) => Status::Verified,
                (_, 5..=7) => Status::Claimed,
                _ => Status::Forecast,
            };
            let starts_on = *start + Duration::weeks(8);
            let hours = Hours::parse(hours).map_err(|e| anyhow::anyhow!("{e}"))?.0;
            lines.push((
                project.id,
                Line::hours(&text.labour_line, hours)
                    .starting(starts_on)
                    .status(status),
            ));
            lines.push((
                project.id,
                Line::monthly(&firm.running_line, amount)
                    .category(Category::parse(category).context("category")?)
                    .starting(starts_on)
                    .status(status)
                    .energy_kwh_milli(Quantity::from_whole(kwh).0)
                    .waste_kg_milli(
                        Quantity::from_whole(waste * 52 / 12).0,
                        (waste > 0).then_some("prevention"),
                    )
                    .fuel_litres_milli(Quantity::from_whole(fuel).0)
                    .factor_year((kwh + waste + fuel > 0).then_some(2024)),
            ));
            // Firms that finished say again how they innovate: a new business
            // process is now in use.
            if *stage == Stage::Finished {
                let before = db.innovation_answers(org.id).await?;
                let spent = before.first().is_some_and(|a| a.innovation_spending);
                let answers = ymarfer_store::organisations::Answers {
                    new_goods_or_services: false,
                    new_business_process: true,
                    ongoing_or_abandoned: true,
                    innovation_spending: spent,
                };
                db.record_innovation(
                    org.id,
                    "end",
                    *start + Duration::weeks(16),
                    answers,
                    org.employee_band,
                    None,
                )
                .await?;
            }
        }
    }
    Line::add_all(db, &lines, verifier).await?;
    // Capability before for every cohort that has begun, and after for those
    // that finished, with their follow-ups so far: at 3 months, and at 6 for
    // the cohort that finished longest ago.
    for (cohort, start, stage) in cohorts {
        if *stage == Stage::Starting {
            continue;
        }
        let people = db.enrolled(cohort.id).await?;
        for (j, e) in people.iter().enumerate() {
            let pre: Vec<(&str, i64)> = ymarfer_domain::capability::QUESTIONS
                .iter()
                .enumerate()
                .map(|(q, x)| (x.id, 1 + ((j + q) % 3) as i64))
                .collect();
            db.save_capability(cohort.id, e.user_id, Moment::Before, &pre)
                .await?;
            if *stage == Stage::Finished {
                let post: Vec<(&str, i64)> =
                    pre.iter().map(|(id, s)| (*id, (*s + 2).min(5))).collect();
                db.save_capability(cohort.id, e.user_id, Moment::After, &post)
                    .await?;
            }
        }
        if *stage != Stage::Finished {
            continue;
        }
        let ended = *start + Duration::weeks(16);
        let today = ymarfer_domain::uktime::today();
        for months in [3, 6, 12] {
            let due = ended
                .checked_add_months(chrono::Months::new(months))
                .context("a follow-up date")?;
            if due > today {
                break;
            }
            for e in people.iter().filter(|e| e.organisation_id.is_some()) {
                let org = e.organisation_id.unwrap_or_default();
                let (secret, _) = ymarfer_store::secret::new_secret();
                if db
                    .record_followup(cohort.id, org, Some(e.user_id), i64::from(months), &secret)
                    .await?
                {
                    // Most answer; a few have not yet answered the first.
                    if months == 3 && e.user_id % 7 == 0 {
                        continue;
                    }
                    let f = db
                        .followups_of(cohort.id)
                        .await?
                        .into_iter()
                        .find(|f| f.organisation_id == org && f.months == i64::from(months));
                    if let Some(f) = f {
                        db.complete_followup(
                            f.id,
                            e.user_id % 5 != 0,
                            i64::from(e.user_id % 3 == 0),
                        )
                        .await?;
                        // The innovation questions again: most still have a
                        // new process in use; a few have let it lapse.
                        let organisation =
                            db.organisation_by_id(org).await?.context("organisation")?;
                        let answers = ymarfer_store::organisations::Answers {
                            new_goods_or_services: org % 3 == 0,
                            new_business_process: org % 4 != 0,
                            ongoing_or_abandoned: false,
                            innovation_spending: true,
                        };
                        db.record_innovation(
                            org,
                            &format!("follow_up_{months}"),
                            due,
                            answers,
                            organisation.employee_band,
                            None,
                        )
                        .await?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// What to print so a newcomer can sign in as each role.
pub fn accounts_text(base_url: &str) -> String {
    let mut out = format!("Demo accounts (password for all: {PASSWORD}), at {base_url}:\n");
    for (email, _, _, what) in ACCOUNTS {
        out.push_str(&format!("  {email:<28} {what}\n"));
    }
    out
}

/// Words for the demo's cohort spaces, in the cohort's language: posts,
/// notes on shares, comments, feedback (strong, question, suggestion),
/// commitments with what was learnt, and reflections.
struct SpaceWords {
    posts: [&'static str; 3],
    share_notes: [&'static str; 3],
    comments: [&'static str; 4],
    feedback: [(&'static str, &'static str, &'static str); 2],
    commitments: [(&'static str, &'static str); 4],
    reflections: [&'static str; 2],
}

const SPACE_CY: SpaceWords = SpaceWords {
    posts: [
        "Oes rhywun wedi rhoi cynnig ar gardiau kanban i archebu deunyddiau? Rydyn ni'n rhedeg allan o flawd bob yn ail wythnos.",
        "Awgrym o'r ymweliad safle: tynnwch lun o'r llawr gwaith cyn newid dim. Roedd y llun 'cyn' yn werth mil o eiriau i'n rheolwr.",
        "Diolch i bawb yn y set ddysgu ddoe. Am y tro cyntaf, mae gen i fesur rwy'n ei ddeall: munudau o aros am bob archeb.",
    ],
    share_notes: [
        "Dyma ein cylch cyntaf. Mae'r canlyniad yn well na'r disgwyl, ond dim ond am wythnos y profon ni.",
        "Ein map llif gwerth: mae'r aros rhwng y ddau gam cyntaf yn fwy na'r holl amser prosesu gyda'i gilydd.",
        "Cwestiwn i'r garfan: a ddylen ni fabwysiadu hwn nawr, neu brofi am bythefnos arall?",
    ],
    comments: [
        "Rydyn ni wedi gwneud rhywbeth tebyg gyda dau fin: pan fydd un yn wag, dyna'r arwydd i archebu.",
        "Faint o amser gymerodd hi i'r staff ddod i arfer â'r drefn newydd?",
        "Syniad da. Byddwn i'n cofnodi'r darlleniadau bob dydd am bythefnos cyn penderfynu.",
        "Defnyddiol iawn – rwy'n mynd i'w drafod gyda'r tîm ddydd Llun.",
    ],
    feedback: [
        (
            "Newid bach, clir, gyda rhagfynegiad y gellir ei brofi.",
            "Pwy sy'n gyfrifol am archebu pan fydd y rheolwr i ffwrdd?",
            "Profwch ef ar un cyflenwr yn gyntaf cyn ei ehangu.",
        ),
        (
            "Mae'r map yn dangos yn glir ble mae'r amser yn mynd.",
            "A oedd yr amseroedd wedi'u mesur, neu wedi'u hamcangyfrif?",
            "Ychwanegwch y stoc sy'n aros rhwng y camau; dyna lle mae'r arian.",
        ),
    ],
    commitments: [
        (
            "Mesur yr amser aros am bob archeb am wythnos",
            "Roedd yr aros yn hirach ar ddydd Llun nag unrhyw ddiwrnod arall.",
        ),
        (
            "Gofyn i'r tîm ble maen nhw'n gwastraffu amser",
            "Cefais dri syniad na fyddwn i byth wedi'u gweld fy hun.",
        ),
        ("Profi'r drefn archebu newydd gydag un cyflenwr", ""),
        (
            "Tynnu llun o'r llawr gwaith cyn ac ar ôl",
            "Roedd y lluniau'n help i berswadio'r perchennog.",
        ),
    ],
    reflections: [
        "Dysgais fod mesur cyn newid yn troi dadl yn sgwrs. Roedd gan bawb farn am yr aros; roedd gan neb rif.",
        "Rwy'n dal i neidio'n syth at atebion. Y tro nesaf: pum 'pam' cyn unrhyw syniad.",
    ],
};

const SPACE_EN: SpaceWords = SpaceWords {
    posts: [
        "Has anyone tried kanban cards for ordering materials? We run out of packaging every other week.",
        "A tip from the site visit: photograph the shop floor before you change anything. The 'before' photo convinced our owner.",
        "Thanks to everyone in the set yesterday. For the first time I have a measure I understand: minutes of waiting per order.",
    ],
    share_notes: [
        "Our first cycle. Better than we predicted, but we only tested it for a week.",
        "Our value stream map: the wait between the first two steps is longer than all the processing time together.",
        "A question for the cohort: adopt this now, or test for another fortnight?",
    ],
    comments: [
        "We did something similar with two bins: when one is empty, that's the signal to order.",
        "How long did it take the staff to get used to the new routine?",
        "Good idea. I'd record the readings daily for a fortnight before deciding.",
        "Really useful – I'm taking this to the team on Monday.",
    ],
    feedback: [
        (
            "A small, clear change with a prediction you can test.",
            "Who places the order when the manager is away?",
            "Try it with one supplier first before rolling it out.",
        ),
        (
            "The map shows clearly where the time goes.",
            "Were the times measured, or estimated?",
            "Add the stock waiting between steps; that's where the money is.",
        ),
    ],
    commitments: [
        (
            "Measure the waiting time for every order for a week",
            "The waits were longest on Mondays.",
        ),
        (
            "Ask the team where they lose time",
            "I got three ideas I would never have seen myself.",
        ),
        ("Test the new ordering routine with one supplier", ""),
        (
            "Photograph the shop floor before and after",
            "The photos helped convince the owner.",
        ),
    ],
    reflections: [
        "Measuring before changing turned an argument into a conversation. Everyone had an opinion about the waiting; nobody had a number.",
        "I still jump straight to solutions. Next time: five whys before any idea.",
    ],
};

/// A lived-in cohort space in the running Welsh cohort and the English one
/// that finished this year: posts and shares with comments, feedback and
/// reactions, a request for feedback waiting for the demo participant,
/// commitments checked in at the next session, and her learning log.
async fn spaces(
    db: &Db,
    cohorts: &[(ymarfer_store::programmes::Cohort, NaiveDate, Stage)],
    facilitator: i64,
    participant: i64,
) -> anyhow::Result<()> {
    use ymarfer_domain::space::{CheckIn, ItemKind, Reaction};
    use ymarfer_store::space::{Backdate, FeedbackInput, NewItem};
    for (ci, words, lang) in [
        (WELSH_COHORT, &SPACE_CY, Lang::Cy),
        (2, &SPACE_EN, Lang::En),
    ] {
        let (cohort, start, _) = cohorts.get(ci).context("the demo cohort")?;
        // The space has a history: firms enrolled before the start, and what
        // they shared spread over the weeks since (never later than this morning).
        let at = |day: NaiveDate, hour: u32| {
            Utc.from_utc_datetime(&day.and_hms_opt(hour, 0, 0).unwrap_or_default())
                .min(Utc::now() - Duration::hours(6))
        };
        db.backdate(
            Backdate::Enrolments(cohort.id),
            at(*start - Duration::days(14), 9),
        )
        .await?;
        let enrolled = db.enrolled(cohort.id).await?;
        let projects = db.cohort_projects(cohort.id).await?;
        // Each project's first participant, who shares from it.
        let mut sharers = Vec::new();
        for p in projects.iter().take(3) {
            if let Some(e) = enrolled
                .iter()
                .find(|e| e.organisation_id == Some(p.organisation_id))
            {
                sharers.push((p.id, e.user_id));
            }
        }
        let people: Vec<i64> = enrolled.iter().map(|e| e.user_id).collect();
        let peer = |k: usize, not: i64| {
            people
                .iter()
                .copied()
                .filter(|p| *p != not)
                .nth(k % people.len().saturating_sub(1).max(1))
                .unwrap_or(facilitator)
        };
        let base = NewItem {
            cohort: cohort.id,
            parent: None,
            author: facilitator,
            kind: ItemKind::Post,
            project: None,
            tool_id: None,
            ref_id: None,
            body: "",
            lang,
            alumni: None,
        };
        let mut shared = Vec::new();
        for (k, (project, author)) in sharers.iter().enumerate() {
            let (kind, tool, reference) = match (k, db.cycles(*project).await?.first()) {
                (1, _) => match db.applications(*project).await?.last() {
                    Some(a) => (ItemKind::Tool, Some(a.tool_id.clone()), a.id),
                    None => continue,
                },
                (_, Some(c)) => (ItemKind::Cycle, None, c.id),
                (_, None) => continue,
            };
            let id = db
                .add_item(
                    &NewItem {
                        author: *author,
                        kind,
                        project: Some(*project),
                        tool_id: tool.as_deref(),
                        ref_id: Some(reference),
                        body: words.share_notes[k],
                        ..base.clone()
                    },
                    &[],
                )
                .await?;
            shared.push((id, *author));
        }
        for (k, body) in words.posts.iter().enumerate() {
            let author = people
                .get(k * 2 % people.len().max(1))
                .copied()
                .unwrap_or(facilitator);
            let id = db
                .add_item(
                    &NewItem {
                        author,
                        body,
                        ..base.clone()
                    },
                    &[],
                )
                .await?;
            shared.push((id, author));
        }
        let when = |k: usize| *start + Duration::days(2 + 9 * k as i64);
        for (k, (post, _)) in shared.iter().enumerate() {
            db.backdate(Backdate::Item(*post), at(when(k), 10)).await?;
        }
        for (k, (post, author)) in shared.iter().enumerate() {
            let commenter = if k % 3 == 2 {
                facilitator
            } else {
                peer(k + 1, *author)
            };
            let comment = NewItem {
                parent: Some(*post),
                author: commenter,
                kind: ItemKind::Comment,
                body: words.comments[k % 4],
                ..base.clone()
            };
            let id = db
                .add_item(
                    &comment,
                    &[(*author, ymarfer_domain::space::NoticeKind::Comment)],
                )
                .await?;
            db.backdate(Backdate::Item(id), at(when(k) + Duration::days(1), 14))
                .await?;
            db.set_reaction(*post, peer(k + 2, *author), Reaction::Useful, true)
                .await?;
            if k % 2 == 0 {
                db.set_reaction(*post, peer(k + 3, *author), Reaction::TriedToo, true)
                    .await?;
            }
        }
        for (k, (post, author)) in shared.iter().take(2).enumerate() {
            let (strong, question, suggestion) = words.feedback[k];
            let giver = peer(k + 4, *author);
            db.request_feedback(*post, *author, &[giver]).await?;
            db.add_feedback(
                *post,
                giver,
                &FeedbackInput {
                    strong: strong.into(),
                    question: question.into(),
                    suggestion: suggestion.into(),
                    checklist: vec![0, 1],
                    lang,
                },
                Some(*author),
            )
            .await?;
            db.backdate(
                Backdate::FeedbackOn(*post),
                at(when(k) + Duration::days(2), 16),
            )
            .await?;
        }
        // The demo participant has been asked for feedback, and not yet given it.
        if ci == WELSH_COHORT
            && let Some((post, author)) = shared.iter().find(|(_, a)| *a != participant)
        {
            db.request_feedback(*post, *author, &[participant]).await?;
        }
        // Commitments at each session past, checked in at the next.
        let past: Vec<_> = db
            .meetings_of(cohort.id)
            .await?
            .into_iter()
            .filter(|m| m.starts_at < Utc::now())
            .collect();
        for (s, m) in past.iter().enumerate() {
            for (k, person) in people.iter().take(4).enumerate() {
                let (body, learnt) = words.commitments[(s + k) % 4];
                let (id, _) = db
                    .make_commitment(m.id, *person, (body, lang), &Default::default())
                    .await?;
                db.backdate(Backdate::Commitment(id), m.starts_at + Duration::hours(2))
                    .await?;
                if let Some(next) = past.get(s + 1) {
                    let status = [CheckIn::Done, CheckIn::Partly, CheckIn::NotYet][(s + k) % 3];
                    db.check_in(id, *person, status, learnt, next.id).await?;
                    db.backdate(Backdate::CheckIn(id), next.starts_at + Duration::hours(1))
                        .await?;
                }
            }
        }
        if ci == WELSH_COHORT {
            for (k, body) in words.reflections.iter().enumerate() {
                let (r, _) = db
                    .reflect(participant, cohort.id, (body, lang), &Default::default())
                    .await?;
                if k == 0 {
                    db.share_reflection(r, participant).await?;
                }
            }
        }
    }
    // The alumni space: a question from this year's finished cohort, answered
    // by someone from the one before.
    let (Some(last_year), Some(this_year)) = (cohorts.get(1), cohorts.get(2)) else {
        return Ok(());
    };
    let asker = db
        .enrolled(this_year.0.id)
        .await?
        .first()
        .map(|e| e.user_id);
    let helper = db
        .enrolled(last_year.0.id)
        .await?
        .first()
        .map(|e| e.user_id);
    if let (Some(asker), Some(helper)) = (asker, helper) {
        let base = NewItem {
            cohort: this_year.0.id,
            parent: None,
            author: asker,
            kind: ItemKind::Post,
            project: None,
            tool_id: None,
            ref_id: None,
            body: "Six months on, our changeover checklist is slipping. How did you keep a new routine going after the programme?",
            lang: Lang::En,
            alumni: Some(this_year.0.programme_id),
        };
        let post = db.add_item(&base, &[]).await?;
        db.add_item(
            &NewItem {
                cohort: last_year.0.id,
                parent: Some(post),
                author: helper,
                kind: ItemKind::Comment,
                body: "We put the run chart on the wall by the machine and look at it every Monday. When it drifts, we run a new cycle.",
                ..base
            },
            &[(asker, ymarfer_domain::space::NoticeKind::Comment)],
        )
        .await?;
    }
    Ok(())
}

/// A drawing of a process map: four steps joined by arrows, with a pile of
/// work waiting before the third. A PNG.
fn process_map_png() -> anyhow::Result<Vec<u8>> {
    let (w, h) = (960u32, 360u32);
    let mut img = image::RgbImage::from_pixel(w, h, image::Rgb([255, 255, 255]));
    let green = image::Rgb([0, 87, 63]);
    let amber = image::Rgb([255, 191, 71]);
    let mut fill = |x0: u32, y0: u32, x1: u32, y1: u32, c: image::Rgb<u8>| {
        for x in x0..x1.min(w) {
            for y in y0..y1.min(h) {
                img.put_pixel(x, y, c);
            }
        }
    };
    for i in 0..4u32 {
        let x = 40 + i * 230;
        fill(x, 130, x + 150, 230, green);
        if i < 3 {
            fill(x + 150, 176, x + 230, 184, green);
        }
    }
    // Work waiting: a triangle of stock before the third step.
    for row in 0..60u32 {
        fill(440 - row / 2, 60 + row, 440 + row / 2, 61 + row, amber);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Png)?;
    Ok(out.into_inner())
}

/// A one-page PDF, as a firm might attach its written-up process.
const PROCESS_PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n4 0 obj << /Length 60 >> stream\nBT /F1 24 Tf 72 760 Td (Changeover: steps and checks) Tj ET\nendstream endobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A few files: a photo of a process map shared in each of the two spaces,
/// and a written-up process on a finished cohort's project.
async fn attachments(
    db: &Db,
    files: &ymarfer_app::files::Files,
    cohorts: &[(ymarfer_store::programmes::Cohort, NaiveDate, Stage)],
) -> anyhow::Result<()> {
    use ymarfer_domain::space::ItemKind;
    use ymarfer_store::space::NewItem;
    let png = process_map_png()?;
    for (ci, body, name, lang) in [
        (
            WELSH_COHORT,
            "Ein map proses ar y wal: mae'r pentwr o waith yn aros cyn y trydydd cam.",
            "map-proses.png",
            Lang::Cy,
        ),
        (
            2,
            "Our process map on the wall: the pile of work waits before the third step.",
            "process-map.png",
            Lang::En,
        ),
    ] {
        let Some((cohort, _, _)) = cohorts.get(ci) else {
            continue;
        };
        let Some(author) = db.enrolled(cohort.id).await?.get(1).map(|e| e.user_id) else {
            continue;
        };
        let mut photo = ymarfer_app::files::prepare(name, &png)
            .map_err(|r| anyhow::anyhow!("demo photo: {r:?}"))?;
        // Its text alternative: the words of the post say what it shows.
        photo.description = body.split(':').next().unwrap_or_default().to_string();
        photo.description_lang = lang;
        let stored = files.put(photo).await?;
        db.add_item_with(
            &NewItem {
                cohort: cohort.id,
                parent: None,
                author,
                kind: ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body,
                lang,
                alumni: None,
            },
            &[],
            &[stored],
        )
        .await?;
    }
    if let Some((cohort, _, _)) = cohorts.get(2)
        && let Some(project) = db.cohort_projects(cohort.id).await?.first()
        && let Some(author) = db
            .enrolled(cohort.id)
            .await?
            .iter()
            .find(|e| e.organisation_id == Some(project.organisation_id))
            .map(|e| e.user_id)
    {
        let pdf = ymarfer_app::files::prepare("changeover-steps.pdf", PROCESS_PDF)
            .map_err(|r| anyhow::anyhow!("demo PDF: {r:?}"))?;
        let stored = files.put(pdf).await?;
        db.attach_to_project(project.id, author, &[stored], None)
            .await?;
    }
    Ok(())
}

/// The running cohort's live sessions, through the same acts a
/// facilitator's and the participants' pages use: its last session, run live
/// and finished (each firm's causes in its own fishbone, the ranked causes
/// and a poll's result in the cohort space), and its next, live now (notes
/// written and revealed, the dot-vote under way, a poll being answered).
async fn live_room(s: &ymarfer_app::Services) -> anyhow::Result<()> {
    use ymarfer_app::acting::{Acting, Door};
    let db = &s.db;
    let programme = db
        .programme_by_slug(PROGRAMME)
        .await?
        .context("the demo programme")?;
    let cohort = db
        .cohort_by_slug(programme.id, "north-wales")
        .await?
        .context("the running cohort")?;
    let now = Utc::now();
    let meetings = db.meetings_of(cohort.id).await?;
    let (Some(last), Some(next)) = (
        meetings.iter().rev().find(|m| m.ends_at <= now),
        meetings.iter().find(|m| m.ends_at > now),
    ) else {
        return Ok(());
    };
    let person = |email: &str| {
        let email = email.to_string();
        async move {
            let user = db
                .user_by_email(&ymarfer_domain::Email::parse(&email).context("email")?)
                .await?
                .context("a demo account")?;
            let actor = db.actor(&user).await?;
            anyhow::Ok(Acting::person(Some(&actor), Door::Page, "demo"))
        }
    };
    let facilitator = person("facilitator@ymarfer.demo").await?;
    // Four of its members, the demo's participant first (so that signing in
    // as them shows the room as one who took part).
    let mut members = Vec::new();
    for e in db.enrolled(cohort.id).await? {
        if e.is_active() && e.organisation_id.is_some() {
            let user = db.user_by_id(e.user_id).await?.context("a participant")?;
            members.push((user.email.as_str() != "participant@ymarfer.demo", user));
        }
    }
    members.sort_by_key(|(later, _)| *later);
    let mut people = Vec::new();
    for (_, user) in members.iter().take(4) {
        let actor = db.actor(user).await?;
        people.push(Acting::person(Some(&actor), Door::Page, "demo"));
    }
    if people.is_empty() {
        return Ok(());
    }
    let room = LiveDemo {
        s,
        facilitator: &facilitator,
        people: &people,
    };

    // The last session: its code worked while it ran, and it has ended.
    let by = facilitator.user_id().context("the facilitator")?;
    let mut event = facilitator.event(ymarfer_domain::audit::AuditAction::LiveStarted);
    event.programme_id = Some(programme.id);
    event.subject = format!("session {} (cohort {})", last.id, cohort.id);
    let (finished, _) = db
        .start_live(last.id, "YMARF3", by, now + Duration::hours(1), &event)
        .await?
        .context("the finished live session")?;
    let code = &finished.code;
    room.join_all(code).await?;
    let causes = room
        .brainstorm(
            code,
            "Pam mae archebion yn cyrraedd yn hwyr?",
            &[
                ("people", "Dim ond un gyrrwr sy'n nabod y llwybrau gwledig"),
                (
                    "method",
                    "Archebion yn cael eu cadarnhau dros y ffôn heb daflen",
                ),
                ("machine", "Mae'r hen fan yn torri i lawr yn yr oerfel"),
                ("material", "Deunydd pacio'n cyrraedd ar fore'r danfon"),
                ("measurement", "Neb yn cofnodi amser y danfon"),
                ("environment", "Gwaith ffordd ar yr A55"),
            ],
        )
        .await?;
    room.close(code, causes, LiveStage::Voting).await?;
    let poll = room
        .poll(
            code,
            "Pa mor hyderus ydych chi y gallwch roi cynnig ar newid cyn y sesiwn nesaf?",
        )
        .await?;
    room.close(code, poll, LiveStage::Writing).await?;
    room.close(code, poll, LiveStage::Revealed).await?;
    db.set_live_ends_at(finished.id, last.ends_at).await?;

    // The next session, live now.
    let code = &ymarfer_app::live::start(s, &facilitator, &cohort, next.id)
        .await?
        .code;
    room.join_all(code).await?;
    room.brainstorm(
        code,
        "Beth sy'n achosi gwastraff deunydd pacio?",
        &[
            ("method", "Torri bocsys i faint â llaw"),
            ("material", "Cyflenwr yn anfon gormod o blastig"),
            ("people", "Neb wedi dangos i'r staff newydd sut i bacio"),
            (
                "measurement",
                "Dim cofnod o faint o focsys sy'n cael eu taflu",
            ),
        ],
    )
    .await?;
    room.poll(
        code,
        "Pa mor barod ydych chi i roi cynnig ar newid yr wythnos hon?",
    )
    .await?;
    Ok(())
}

/// The demo's facilitator and participants in a live session.
struct LiveDemo<'a> {
    s: &'a ymarfer_app::Services,
    facilitator: &'a ymarfer_app::acting::Acting,
    people: &'a [ymarfer_app::acting::Acting],
}

impl LiveDemo<'_> {
    async fn join_all(&self, code: &str) -> anyhow::Result<()> {
        for who in self.people {
            ymarfer_app::live::join(self.s, who, code).await?;
        }
        Ok(())
    }

    /// A silent brainstorm on the fishbone: the causes written (one person
    /// after another), revealed, and two dots each spent, the vote left
    /// open.
    async fn brainstorm(
        &self,
        code: &str,
        prompt: &str,
        causes: &[(&str, &str)],
    ) -> anyhow::Result<i64> {
        use ymarfer_app::live;
        let (s, f, people) = (self.s, self.facilitator, self.people);
        let id = live::plan(s, f, code, "fishbone", (prompt, Lang::Cy), 2).await?;
        live::advance(s, f, code, id, LiveStage::Ready, Lang::Cy).await?;
        anyhow::ensure!(causes.len() > 1, "a brainstorm of several causes");
        let mut notes = Vec::new();
        for (i, (heading, body)) in causes.iter().enumerate() {
            let who = &people[i % people.len()];
            let key = format!("demo-{code}-{i}");
            if let Some(n) = live::note(s, who, code, heading, body, Lang::Cy, &key).await? {
                notes.push(n);
            }
        }
        live::advance(s, f, code, id, LiveStage::Writing, Lang::Cy).await?;
        live::advance(s, f, code, id, LiveStage::Revealed, Lang::Cy).await?;
        for (i, who) in people.iter().enumerate() {
            for note in [notes[0], notes[1 + i % (notes.len() - 1)]] {
                live::vote(s, who, code, note, true).await?;
            }
        }
        Ok(id)
    }

    /// A 1–5 poll, open, and answered by everyone but one.
    async fn poll(&self, code: &str, question: &str) -> anyhow::Result<i64> {
        use ymarfer_app::live::{self, Answered, Prepared};
        use ymarfer_domain::live::Kind;
        let (s, f) = (self.s, self.facilitator);
        let id = live::prepare(
            s,
            f,
            code,
            &Prepared {
                kind: Kind::PollScale,
                prompt: question,
                lang: Lang::Cy,
                options: "",
                source: None,
            },
        )
        .await?;
        live::advance(s, f, code, id, LiveStage::Ready, Lang::Cy).await?;
        let answering = self.people.len().saturating_sub(1).max(1);
        for (i, who) in self.people.iter().take(answering).enumerate() {
            live::answer(s, who, code, Answered::Poll(vec![2 + i % 3]), Lang::Cy).await?;
        }
        Ok(id)
    }

    /// Moves an activity on from `from` (to closed, landing and posting).
    async fn close(&self, code: &str, id: i64, from: LiveStage) -> anyhow::Result<()> {
        ymarfer_app::live::advance(self.s, self.facilitator, code, id, from, Lang::Cy).await?;
        Ok(())
    }
}
