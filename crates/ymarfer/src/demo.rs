//! Demo data: a realistic Welsh programme that a newcomer can sign in to at once,
//! as every role. Loading it twice changes nothing.

use anyhow::Context;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ymarfer_domain::capability::Moment;
use ymarfer_domain::impact::{Category, Frequency, SavingsType, Status};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::programme::{SessionKind, SetCandidate, propose_sets};
use ymarfer_domain::projects::{ProjectStatus, Visibility};
use ymarfer_domain::{Email, Lang, Role, Scope};
use ymarfer_store::Db;
use ymarfer_store::ledger::BenefitInput;
use ymarfer_store::organisations::{Answers, OrganisationInput};
use ymarfer_store::programmes::{CohortInput, ProgrammeInput};
use ymarfer_store::projects::{CycleInput, ProjectInput};
use ymarfer_store::schedule::MeetingInput;
use ymarfer_store::users::{NewUser, User};

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
        "facilitator of the North and South East cohorts",
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
        "participant at Becws Llŷn, North Wales cohort",
    ),
];

/// The demo's firms and stories, as data with named fields.
#[derive(serde::Deserialize)]
struct DemoData {
    firm: Vec<Firm>,
    story: Vec<Story>,
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
}

/// A believable improvement story: a challenge project with its measure (in
/// hundredths), readings moving towards the target, a first change adapted and a
/// second adopted, a value stream, and what it saved.
#[derive(serde::Deserialize)]
struct Story {
    title: String,
    problem: String,
    measure: String,
    unit: String,
    baseline: i64,
    target: i64,
    readings: Vec<i64>,
    adapted_change: String,
    adopted_change: String,
    step: Vec<Step>,
    benefits: StoryBenefits,
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

async fn account(
    db: &Db,
    email: &str,
    name: &str,
    lang: Lang,
    admin: bool,
    hash: &str,
) -> anyhow::Result<User> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Some(u) = db.user_by_email(&email).await? {
        return Ok(u);
    }
    Ok(db
        .create_user(NewUser {
            email: &email,
            display_name: name,
            language: lang,
            is_admin: admin,
            password_hash: Some(hash),
        })
        .await?)
}

fn date(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).context("a demo date")
}

/// Loads the demo programme unless it is there already. Returns whether it loaded.
pub async fn load(db: &Db) -> anyhow::Result<bool> {
    if db.programme_by_slug(PROGRAMME).await?.is_some() {
        return Ok(false);
    }
    let mut created_organisations = Vec::new();
    match load_all(db, &mut created_organisations).await {
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

async fn load_all(db: &Db, created_organisations: &mut Vec<i64>) -> anyhow::Result<()> {
    let data = demo_data()?;
    let hash = ymarfer_web::passwords::hash(PASSWORD.to_string()).await?;
    let mut people = Vec::new();
    for (email, name, lang, _) in ACCOUNTS {
        people.push(account(db, email, name, lang, email.starts_with("admin@"), &hash).await?);
    }
    let [_, manager, facilitator, observer, participant] =
        <[User; 5]>::try_from(people).map_err(|_| anyhow::anyhow!("accounts"))?;

    let programme = db
        .create_programme(
            &ProgrammeInput {
                slug: PROGRAMME.into(),
                name_en: "Circular Economy Innovation Communities (demo)".into(),
                name_cy: "Cymunedau Arloesi'r Economi Gylchol (demo)".into(),
                description_en: "Staff from small firms across Wales apply process-innovation tools to a real problem in their own business, test changes and learn from each other.".into(),
                description_cy: "Mae staff o gwmnïau bach ledled Cymru yn defnyddio offer arloesi prosesau ar broblem go iawn yn eu busnes eu hunain, yn profi newidiadau ac yn dysgu gan ei gilydd.".into(),
                funder: "Welsh Government (demo)".into(),
                starts_on: Some(date(2025, 9, 1)?),
                ends_on: Some(date(2026, 8, 31)?),
                cost_pence: 5_400_000,
                cost_delivery_pence: Some(3_400_000),
                cost_venues_pence: Some(650_000),
                cost_materials_pence: Some(250_000),
                cost_in_kind_pence: Some(1_100_000),
                default_hourly_rate_pence: 2_000,
                capture_factor_thousandths: 1000,
            },
            manager.id,
        )
        .await?;
    db.grant(observer.id, Role::Observer, Scope::Programme(programme.id))
        .await?;

    let cohort_specs = [
        (
            "north-2025",
            "North Wales 2025",
            "Gogledd Cymru 2025",
            "north_wales",
            "in_person",
            date(2025, 9, 15)?,
        ),
        (
            "south-east-2025",
            "South East Wales 2025",
            "De-ddwyrain Cymru 2025",
            "cardiff_capital",
            "blended",
            date(2025, 10, 6)?,
        ),
        (
            "west-2026",
            "West and Mid Wales 2026",
            "Gorllewin a Chanolbarth Cymru 2026",
            "swansea_bay",
            "online",
            date(2026, 1, 12)?,
        ),
    ];
    let mut cohorts = Vec::new();
    for (slug, en, cy, region, mode, start) in cohort_specs {
        let c = db
            .create_cohort(
                programme.id,
                &CohortInput {
                    slug: slug.into(),
                    name_en: en.into(),
                    name_cy: cy.into(),
                    starts_on: Some(start),
                    ends_on: Some(start + Duration::weeks(16)),
                    capacity: 14,
                    delivery_mode: mode.into(),
                    region: region.into(),
                    cost_share_pence: None,
                },
            )
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
    db.grant(
        west_facilitator.id,
        Role::Facilitator,
        Scope::Cohort {
            programme: programme.id,
            cohort: cohorts[2].0.id,
        },
    )
    .await?;

    // Firms and their people: one or two participants each.
    let mut members: Vec<Vec<(i64, char, String)>> = vec![Vec::new(); 3];
    for (i, firm) in data.firm.iter().enumerate() {
        let active = firm.innovation_active_at_entry;
        let entry = Answers {
            new_goods_or_services: active && i % 2 == 0,
            new_business_process: active,
            ongoing_or_abandoned: active && i % 3 == 0,
            innovation_spending: active || i % 4 == 0,
        };
        let start = cohorts.get(firm.cohort).context("the firm's cohort")?.1;
        let org = db
            .create_organisation(
                &OrganisationInput {
                    name: firm.name.clone(),
                    companies_house: Some(format!("{:08}", 10_000_000 + i * 7_919)),
                    sic_section: firm.sector.to_string(),
                    employee_band: firm.band,
                    principal_area: firm.area.clone(),
                    hourly_rate_pence: Some(firm.hourly_rate_pence),
                },
                Some((start - Duration::days(14), entry)),
                Some(programme.id),
            )
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
                let lang = if i % 3 == 0 { Lang::Cy } else { Lang::En };
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
        let welsh = ci == 0;
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
                        location: if cohort.delivery_mode == "online" { String::new() } else { "M-SParc, Gaerwen".into() },
                        online_url: if cohort.delivery_mode == "in_person" { String::new() } else { "https://meet.example.org/ymarfer-demo".into() },
                        agenda: "1. Welcome and check-in / Croeso\n2. The tool, applied to your own process\n3. Pairs: what will you test before next time?".into(),
                        resources: "- [SIPOC guide](https://ymarfer.example/toolkit/sipoc)".into(),
                    },
                )
                .await?;
            if starts_at < now {
                let marks: Vec<(i64, String)> = members[ci]
                    .iter()
                    .enumerate()
                    .map(|(j, (user, _, _))| {
                        let status = match (j + k) % 9 {
                            0 => "apologies",
                            4 if k > 2 => "absent",
                            _ => "present",
                        };
                        (*user, status.to_string())
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
    projects(db, &cohorts, facilitator.id, &data.story).await?;
    ledger(db, &cohorts, facilitator.id, &data.story).await?;
    Ok(())
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

/// Gives each demo firm a challenge project with a value stream map, two cycles
/// (one adapted, one adopted) and readings that move towards the target.
async fn projects(
    db: &Db,
    cohorts: &[(ymarfer_store::programmes::Cohort, NaiveDate)],
    facilitator: i64,
    stories: &[Story],
) -> anyhow::Result<()> {
    let vsm = ymarfer_domain::toolkit::shipped_tools()
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .into_iter()
        .find(|t| t.id == "value-stream-map")
        .context("the value stream map tool")?;
    for (cohort, start) in cohorts {
        for e in db.enrolled(cohort.id).await? {
            let Some(org) = e.organisation_id else {
                continue;
            };
            if db
                .cohort_projects(cohort.id)
                .await?
                .iter()
                .any(|p| p.organisation_id == org)
            {
                continue;
            }
            let sector = e
                .sic_section
                .as_deref()
                .and_then(|s| s.chars().next())
                .unwrap_or('S');
            let name = e.organisation_name.clone().unwrap_or_default();
            let story = stories
                .get(story_index(&name, sector))
                .context("a story for the firm")?;
            let (title, problem, measure, unit) =
                (&story.title, &story.problem, &story.measure, &story.unit);
            let status = if *start < date(2026, 1, 1)? {
                "sustaining"
            } else {
                "testing"
            };
            let project = db
                .create_project(
                    cohort.id,
                    org,
                    &ProjectInput {
                        title: title.clone(),
                        problem: problem.clone(),
                        business_function: "production".into(),
                        aim_measure: measure.clone(),
                        aim_unit: unit.clone(),
                        aim_baseline: Some(story.baseline),
                        aim_target: Some(story.target),
                        aim_by: Some(*start + Duration::weeks(20)),
                        outcome_measures: measure.clone(),
                        process_measures: "How often the new way is followed".into(),
                        balancing_measures: "Staff overtime; customer complaints".into(),
                        owners: e.display_name.clone(),
                        status: ProjectStatus::parse(status).context("project status")?,
                        visibility: Visibility::Cohort,
                        case_study_consent: true,
                    },
                    Some(e.user_id),
                )
                .await?;
            let mut form = vec![("product_family".to_string(), title.clone())];
            for (i, step) in story.step.iter().enumerate() {
                for (column, value) in [
                    ("step", &step.name),
                    ("process_time", &step.process_time),
                    ("lead_time", &step.lead_time),
                    ("pca", &step.complete_and_accurate),
                ] {
                    form.push((
                        ymarfer_domain::toolkit::cell_name("steps", i, column),
                        value.clone(),
                    ));
                }
            }
            let values = vsm
                .validate(&form)
                .map_err(|e| anyhow::anyhow!("demo value stream map: {e:?}"))?;
            let data = serde_json::to_string(&values)?;
            db.save_application(
                project.id,
                &vsm.id,
                i64::from(vsm.version),
                &data,
                Some(e.user_id),
            )
            .await?;
            for (change, decision, study) in [
                (
                    &story.adapted_change,
                    "adapt",
                    "Better, but not yet what we predicted.",
                ),
                (
                    &story.adopted_change,
                    "adopt",
                    "It worked and the team wants to keep it.",
                ),
            ] {
                db.create_cycle(
                    project.id,
                    &CycleInput {
                        change_idea: change.clone(),
                        prediction: format!("{measure} falls towards the target"),
                        plan_who: e.display_name.clone(),
                        plan_what: change.clone(),
                        plan_when: "Two weeks".into(),
                        plan_where: "On site".into(),
                        happened: "Tried for two weeks and measured daily.".into(),
                        study: study.into(),
                        decision: Some(decision.into()),
                    },
                    Some(e.user_id),
                )
                .await?;
            }
            for (k, value) in story.readings.iter().enumerate() {
                db.add_reading(
                    project.id,
                    *start + Duration::weeks(2 + 3 * k as i64),
                    *value,
                    "",
                    Some(facilitator),
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// The ledger that reproduces the article's result: savings verified for the two
/// cohorts that have finished and half of the third, the rest claimed or forecast.
async fn ledger(
    db: &Db,
    cohorts: &[(ymarfer_store::programmes::Cohort, NaiveDate)],
    verifier: i64,
    stories: &[Story],
) -> anyhow::Result<()> {
    use ymarfer_domain::impact::{Hours, Quantity};
    let mut lines = Vec::new();
    let mut statuses = Vec::new();
    for (ci, (cohort, start)) in cohorts.iter().enumerate() {
        for (k, project) in db.cohort_projects(cohort.id).await?.into_iter().enumerate() {
            let org = db
                .organisation_by_id(project.organisation_id)
                .await?
                .context("organisation")?;
            let sector = org.sic_section.chars().next().unwrap_or('S');
            let i = story_index(&org.name, sector);
            let b = &stories.get(i).context("a story for the firm")?.benefits;
            let (hours, category, amount, kwh, waste, fuel) = (
                b.hours_a_week.as_str(),
                b.category.as_str(),
                b.amount_a_month_pence,
                b.energy_kwh_a_month,
                b.waste_kg_a_week,
                b.fuel_litres_a_month,
            );
            let status = match (ci, k % 10) {
                (0 | 1, _) | (2, 0..=4) => Status::Verified,
                (2, 5..=7) => Status::Claimed,
                _ => Status::Forecast,
            };
            let starts_on = *start + Duration::weeks(8);
            let hours = Hours::parse(hours).map_err(|e| anyhow::anyhow!("{e}"))?.0;
            lines.push((
                project.id,
                BenefitInput {
                    description: "Staff time saved by the new way of working".into(),
                    category: Category::LabourTime,
                    savings_type: SavingsType::Soft,
                    frequency: Frequency::Weekly,
                    starts_on,
                    status,
                    hours_hundredths: Some(hours),
                    ..BenefitInput::default()
                },
            ));
            statuses.push(status);
            lines.push((
                project.id,
                BenefitInput {
                    description: "Running costs saved".into(),
                    category: Category::parse(category).context("category")?,
                    savings_type: SavingsType::Hard,
                    frequency: Frequency::Monthly,
                    starts_on,
                    status,
                    amount_pence: Some(amount),
                    energy_kwh_milli: Quantity::from_whole(kwh).0,
                    waste_kg_milli: Quantity::from_whole(waste * 52 / 12).0,
                    waste_level: (waste > 0).then(|| "prevention".to_string()),
                    fuel_litres_milli: Quantity::from_whole(fuel).0,
                    factor_year: (kwh + waste + fuel > 0).then_some(2024),
                    ..BenefitInput::default()
                },
            ));
            statuses.push(status);
            // Firms that finished say again how they innovate: a new business
            // process is now in use.
            if status == Status::Verified {
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
                )
                .await?;
            }
        }
    }
    db.add_benefit_lines(&lines, Some(verifier), true).await?;
    // Capability before and after for the cohorts that have finished, and their
    // follow-ups so far.
    for (ci, (cohort, _)) in cohorts.iter().enumerate().take(2) {
        let people = db.enrolled(cohort.id).await?;
        for (j, e) in people.iter().enumerate() {
            let pre: Vec<(&str, i64)> = ymarfer_domain::capability::QUESTIONS
                .iter()
                .enumerate()
                .map(|(q, x)| (x.id, 1 + ((j + q) % 3) as i64))
                .collect();
            let post: Vec<(&str, i64)> = pre.iter().map(|(id, s)| (*id, (*s + 2).min(5))).collect();
            db.save_capability(cohort.id, e.user_id, Moment::Before, &pre)
                .await?;
            db.save_capability(cohort.id, e.user_id, Moment::After, &post)
                .await?;
        }
        if ci == 0 {
            for e in people.iter().filter(|e| e.organisation_id.is_some()) {
                let org = e.organisation_id.unwrap_or_default();
                let (secret, _) = ymarfer_store::secret::new_secret();
                if db
                    .record_followup(cohort.id, org, Some(e.user_id), 3, &secret)
                    .await?
                {
                    let f = db
                        .followups_of(cohort.id)
                        .await?
                        .into_iter()
                        .find(|f| f.organisation_id == org && f.months == 3);
                    if let Some(f) = f {
                        db.complete_followup(
                            f.id,
                            e.user_id % 5 != 0,
                            i64::from(e.user_id % 3 == 0),
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
