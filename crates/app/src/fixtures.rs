//! Records built the way the product builds them, for the demo and the tests.
//!
//! Each builder starts from sensible defaults, takes chainable setters for what
//! matters to its caller, and writes through the same store functions the
//! product uses, so a fixture can never hold a record the product could not:
//!
//! ```ignore
//! let firm = Firm::named("Becws").sector('C').band(Micro).area("gwynedd").add(db, programme).await?;
//! let project = Project::titled("Bara").add(db, cohort, firm.id, None).await?;
//! let line = Line::monthly("Less waste", 10_000).verified().add(db, project.id, manager).await?;
//! ```
//!
//! They are not acts: they ask no policy and leave no audit events, as they set
//! up the world in which acts are then tried. The synthetic data generator does
//! not use them, as it writes hundreds of thousands of rows in bulk.

use chrono::NaiveDate;
use ymarfer_domain::impact::{Category, Frequency, SavingsType, Status};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::programme::{DeliveryLanguage, DeliveryMode};
use ymarfer_domain::projects::{ProjectStatus, Visibility};
use ymarfer_domain::reference::Region;
use ymarfer_domain::{Email, Lang};
use ymarfer_store::Db;
use ymarfer_store::ledger::BenefitInput;
use ymarfer_store::organisations::{Answers, Organisation, OrganisationInput};
use ymarfer_store::programmes::{CohortInput, ProgrammeInput};
use ymarfer_store::projects::ProjectInput;
use ymarfer_store::users::{NewUser, User};

/// A person with an account and a password.
#[derive(Debug, Clone)]
pub struct Person {
    email: String,
    name: String,
    language: Lang,
    admin: bool,
}

impl Person {
    /// "Test Person", in English, not an administrator.
    pub fn new(email: &str) -> Person {
        Person {
            email: email.to_string(),
            name: "Test Person".to_string(),
            language: Lang::En,
            admin: false,
        }
    }

    /// The name they go by.
    pub fn name(mut self, name: &str) -> Person {
        self.name = name.to_string();
        self
    }

    /// The language they read the product in.
    pub fn language(mut self, language: Lang) -> Person {
        self.language = language;
        self
    }

    /// Reading the product in Welsh.
    pub fn welsh(self) -> Person {
        self.language(Lang::Cy)
    }

    /// An instance administrator.
    pub fn admin(self) -> Person {
        self.admin_if(true)
    }

    /// An instance administrator when `admin` holds.
    pub fn admin_if(mut self, admin: bool) -> Person {
        self.admin = admin;
        self
    }

    /// The person with this email, made with the password whose hash is given
    /// unless they have an account already.
    pub async fn add(&self, db: &Db, password_hash: &str) -> anyhow::Result<User> {
        let email = Email::parse(&self.email).map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(u) = db.user_by_email(&email).await? {
            return Ok(u);
        }
        Ok(db
            .create_user(NewUser {
                email: &email,
                display_name: &self.name,
                language: self.language,
                is_admin: self.admin,
                password_hash: Some(password_hash),
            })
            .await?)
    }
}

/// A programme, managed by the person who starts it.
#[derive(Debug, Clone)]
pub struct Programme {
    input: ProgrammeInput,
}

impl Programme {
    /// A programme with no dates or costs yet, valuing time saved at £20 an
    /// hour, all of it captured.
    pub fn new(slug: &str, name_en: &str, name_cy: &str) -> Programme {
        Programme {
            input: ProgrammeInput {
                slug: slug.to_string(),
                name_en: name_en.to_string(),
                name_cy: name_cy.to_string(),
                default_hourly_rate_pence: 2_000,
                capture_factor_thousandths: 1_000,
                ..Default::default()
            },
        }
    }

    /// What it is, in English and in Welsh.
    pub fn description(mut self, en: &str, cy: &str) -> Programme {
        self.input.description_en = en.to_string();
        self.input.description_cy = cy.to_string();
        self
    }

    /// Who funds it, named in English and in Welsh.
    pub fn funder(mut self, en: &str, cy: &str) -> Programme {
        self.input.funder = en.to_string();
        self.input.funder_cy = cy.to_string();
        self
    }

    /// When it runs.
    pub fn dates(mut self, starts_on: NaiveDate, ends_on: NaiveDate) -> Programme {
        self.input.starts_on = Some(starts_on);
        self.input.ends_on = Some(ends_on);
        self
    }

    /// What it costs in all, in pence.
    pub fn cost(mut self, pence: i64) -> Programme {
        self.input.cost_pence = pence;
        self
    }

    /// Its cost in parts, in pence: delivery, venues, materials and in kind.
    pub fn cost_parts(
        mut self,
        delivery: i64,
        venues: i64,
        materials: i64,
        in_kind: i64,
    ) -> Programme {
        self.input.cost_delivery_pence = Some(delivery);
        self.input.cost_venues_pence = Some(venues);
        self.input.cost_materials_pence = Some(materials);
        self.input.cost_in_kind_pence = Some(in_kind);
        self
    }

    /// The hourly rate for time saved where a firm has none, in pence.
    pub fn rate(mut self, pence: i64) -> Programme {
        self.input.default_hourly_rate_pence = pence;
        self
    }

    /// How much of a saving the programme may claim, in thousandths.
    pub fn capture(mut self, thousandths: i64) -> Programme {
        self.input.capture_factor_thousandths = thousandths;
        self
    }

    /// The programme, started (and so managed) by `manager`.
    pub async fn add(
        &self,
        db: &Db,
        manager: i64,
    ) -> anyhow::Result<ymarfer_store::programmes::Programme> {
        Ok(db.create_programme(&self.input, manager).await?)
    }
}

/// A cohort of a programme.
#[derive(Debug, Clone)]
pub struct Cohort {
    input: CohortInput,
}

impl Cohort {
    /// A cohort of twelve in English, with no dates yet.
    pub fn new(slug: &str, name_en: &str, name_cy: &str) -> Cohort {
        Cohort {
            input: CohortInput {
                slug: slug.to_string(),
                name_en: name_en.to_string(),
                name_cy: name_cy.to_string(),
                capacity: 12,
                language: DeliveryLanguage::English,
                ..Default::default()
            },
        }
    }

    /// When it runs.
    pub fn dates(mut self, starts_on: NaiveDate, ends_on: NaiveDate) -> Cohort {
        self.input.starts_on = Some(starts_on);
        self.input.ends_on = Some(ends_on);
        self
    }

    /// How many places it has.
    pub fn capacity(mut self, places: i64) -> Cohort {
        self.input.capacity = places;
        self
    }

    /// How it meets.
    pub fn mode(mut self, mode: DeliveryMode) -> Cohort {
        self.input.delivery_mode = mode;
        self
    }

    /// Where it meets.
    pub fn region(mut self, region: Region) -> Cohort {
        self.input.region = region;
        self
    }

    /// The language it is delivered in.
    pub fn language(mut self, language: DeliveryLanguage) -> Cohort {
        self.input.language = language;
        self
    }

    /// The cohort, in the programme.
    pub async fn add(
        &self,
        db: &Db,
        programme: i64,
    ) -> anyhow::Result<ymarfer_store::programmes::Cohort> {
        Ok(db.create_cohort(programme, &self.input).await?)
    }
}

/// A firm (an organisation) taking part in a programme.
#[derive(Debug, Clone)]
pub struct Firm {
    input: OrganisationInput,
    entry: Option<(NaiveDate, Answers)>,
}

impl Firm {
    /// A micro manufacturer in Powys, using the programme's hourly rate, with
    /// no answers about innovation yet.
    pub fn named(name: &str) -> Firm {
        Firm {
            input: OrganisationInput {
                name: name.to_string(),
                sic_section: "C".to_string(),
                employee_band: EmployeeBand::Micro,
                principal_area: "powys".to_string(),
                ..Default::default()
            },
            entry: None,
        }
    }

    /// Its SIC section, a letter.
    pub fn sector(mut self, section: char) -> Firm {
        self.input.sic_section = section.to_string();
        self
    }

    /// How many people it employs.
    pub fn band(mut self, band: EmployeeBand) -> Firm {
        self.input.employee_band = band;
        self
    }

    /// Its principal area's code (`gwynedd`).
    pub fn area(mut self, area: &str) -> Firm {
        self.input.principal_area = area.to_string();
        self
    }

    /// Its own hourly rate for time saved, in pence.
    pub fn rate(mut self, pence: i64) -> Firm {
        self.input.hourly_rate_pence = Some(pence);
        self
    }

    /// Its Companies House number.
    pub fn companies_house(mut self, number: &str) -> Firm {
        self.input.companies_house = Some(number.to_string());
        self
    }

    /// Its answers to the innovation questions when it joined, on `asked_on`.
    pub fn entry(mut self, asked_on: NaiveDate, answers: Answers) -> Firm {
        self.entry = Some((asked_on, answers));
        self
    }

    /// What the firm's form would hold, to change it later.
    pub fn input(&self) -> OrganisationInput {
        self.input.clone()
    }

    /// The firm, in the programme when one is given.
    pub async fn add(
        &self,
        db: &Db,
        programme: impl Into<Option<i64>>,
    ) -> anyhow::Result<Organisation> {
        Ok(db
            .create_organisation(&self.input, self.entry, programme.into())
            .await?)
    }
}

/// A firm's challenge project in its cohort.
#[derive(Debug, Clone)]
pub struct Project {
    input: ProjectInput,
}

impl Project {
    /// A production project, with the default status and visibility and no aim yet.
    pub fn titled(title: &str) -> Project {
        Project {
            input: ProjectInput {
                title: title.to_string(),
                business_function: "production".to_string(),
                ..Default::default()
            },
        }
    }

    /// Where it is in its life.
    pub fn status(mut self, status: ProjectStatus) -> Project {
        self.input.status = status;
        self
    }

    /// Who may see it.
    pub fn visibility(mut self, visibility: Visibility) -> Project {
        self.input.visibility = visibility;
        self
    }

    /// The problem it takes on.
    pub fn problem(mut self, problem: &str) -> Project {
        self.input.problem = problem.to_string();
        self
    }

    /// Its aim: a measure in a unit, from a baseline to a target (in
    /// hundredths), by a day.
    pub fn aim(
        mut self,
        measure: &str,
        unit: &str,
        baseline: i64,
        target: i64,
        by: NaiveDate,
    ) -> Project {
        self.input.aim_measure = measure.to_string();
        self.input.aim_unit = unit.to_string();
        self.input.aim_baseline = Some(baseline);
        self.input.aim_target = Some(target);
        self.input.aim_by = Some(by);
        self
    }

    /// Its outcome, process and balancing measures.
    pub fn measures(mut self, outcome: &str, process: &str, balancing: &str) -> Project {
        self.input.outcome_measures = outcome.to_string();
        self.input.process_measures = process.to_string();
        self.input.balancing_measures = balancing.to_string();
        self
    }

    /// Who owns it, as the team writes it.
    pub fn owners(mut self, owners: &str) -> Project {
        self.input.owners = owners.to_string();
        self
    }

    /// The language its words are written in.
    pub fn written_in(mut self, lang: ymarfer_domain::Lang) -> Project {
        self.input.lang = lang;
        self
    }

    /// Whether the firm agreed to a case study.
    pub fn case_study(mut self, consent: bool) -> Project {
        self.input.case_study_consent = consent;
        self
    }

    /// The project of the organisation in the cohort, started by `by`.
    pub async fn add(
        &self,
        db: &Db,
        cohort: i64,
        organisation: i64,
        by: impl Into<Option<i64>>,
    ) -> anyhow::Result<ymarfer_store::projects::Project> {
        Ok(db
            .create_project(cohort, organisation, &self.input, by.into())
            .await?)
    }
}

/// A line of a project's benefits ledger.
#[derive(Debug, Clone)]
pub struct Line {
    input: BenefitInput,
}

impl Line {
    /// Money saved, hard, on materials, claimed from today.
    fn money(description: &str, frequency: Frequency, pence: i64) -> Line {
        Line {
            input: BenefitInput {
                description: description.to_string(),
                category: Category::Materials,
                savings_type: SavingsType::Hard,
                frequency,
                starts_on: ymarfer_domain::uktime::today(),
                status: Status::Claimed,
                amount_pence: Some(pence),
                ..BenefitInput::default()
            },
        }
    }

    /// `pence` saved every month (hard, on materials, claimed from today).
    pub fn monthly(description: &str, pence: i64) -> Line {
        Line::money(description, Frequency::Monthly, pence)
    }

    /// `pence` saved every week (hard, on materials, claimed from today).
    pub fn weekly(description: &str, pence: i64) -> Line {
        Line::money(description, Frequency::Weekly, pence)
    }

    /// `pence` saved every year (hard, on materials, claimed from today).
    pub fn yearly(description: &str, pence: i64) -> Line {
        Line::money(description, Frequency::Annually, pence)
    }

    /// `pence` saved once (hard, on materials, claimed from today).
    pub fn once(description: &str, pence: i64) -> Line {
        Line::money(description, Frequency::OneOff, pence)
    }

    /// Hours saved every week, in hundredths, valued at the firm's or
    /// programme's rate (soft, labour time, claimed from today).
    pub fn hours(description: &str, hundredths: i64) -> Line {
        Line {
            input: BenefitInput {
                description: description.to_string(),
                category: Category::LabourTime,
                savings_type: SavingsType::Soft,
                frequency: Frequency::Weekly,
                starts_on: ymarfer_domain::uktime::today(),
                status: Status::Claimed,
                hours_hundredths: Some(hundredths),
                ..BenefitInput::default()
            },
        }
    }

    /// What it says was saved.
    pub fn description(mut self, description: &str) -> Line {
        self.input.description = description.to_string();
        self
    }

    /// The day it starts saving.
    pub fn starting(mut self, day: NaiveDate) -> Line {
        self.input.starts_on = day;
        self
    }

    /// What kind of saving it is.
    pub fn category(mut self, category: Category) -> Line {
        self.input.category = category;
        self
    }

    /// Hard (cash) or soft.
    pub fn savings(mut self, savings_type: SavingsType) -> Line {
        self.input.savings_type = savings_type;
        self
    }

    /// How often it saves.
    pub fn frequency(mut self, frequency: Frequency) -> Line {
        self.input.frequency = frequency;
        self
    }

    /// How sure it is.
    pub fn status(mut self, status: Status) -> Line {
        self.input.status = status;
        self
    }

    /// Verified, by whoever adds it.
    pub fn verified(self) -> Line {
        self.status(Status::Verified)
    }

    /// Claimed, waiting to be verified.
    pub fn claimed(self) -> Line {
        self.status(Status::Claimed)
    }

    /// Forecast, not yet happening.
    pub fn forecast(self) -> Line {
        self.status(Status::Forecast)
    }

    /// Its own hourly rate for the hours saved, in pence.
    pub fn rate(mut self, pence: i64) -> Line {
        self.input.hourly_rate_pence = Some(pence);
        self
    }

    /// Energy saved, in thousandths of a kWh.
    pub fn energy_kwh_milli(mut self, milli: i64) -> Line {
        self.input.energy_kwh_milli = milli;
        self
    }

    /// Waste avoided, in thousandths of a kg, at its level of the hierarchy.
    pub fn waste_kg_milli(mut self, milli: i64, level: Option<&str>) -> Line {
        self.input.waste_kg_milli = milli;
        self.input.waste_level = level.map(str::to_string);
        self
    }

    /// Fuel saved, in thousandths of a litre.
    pub fn fuel_litres_milli(mut self, milli: i64) -> Line {
        self.input.fuel_litres_milli = milli;
        self
    }

    /// The year of the carbon factors its quantities are converted with.
    pub fn factor_year(mut self, year: Option<i64>) -> Line {
        self.input.factor_year = year;
        self
    }

    /// The line as the ledger's store takes it.
    pub fn input(&self) -> BenefitInput {
        self.input.clone()
    }

    /// Adds the line to the project as added by `by`, returning its id. A
    /// verified line stays verified only when `by` names its verifier.
    pub async fn add(
        &self,
        db: &Db,
        project: i64,
        by: impl Into<Option<i64>>,
    ) -> anyhow::Result<i64> {
        let ids = Line::add_all(db, &[(project, self.clone())], by).await?;
        ids.first()
            .copied()
            .ok_or_else(|| anyhow::anyhow!("no line added"))
    }

    /// Adds lines to their projects (`(project, line)`) in one transaction, as
    /// added by `by`, returning their ids in order. Verified lines stay
    /// verified, with `by` as their verifier, only when `by` is given.
    pub async fn add_all(
        db: &Db,
        lines: &[(i64, Line)],
        by: impl Into<Option<i64>>,
    ) -> anyhow::Result<Vec<i64>> {
        let inputs: Vec<(i64, BenefitInput)> = lines
            .iter()
            .map(|(project, line)| (*project, line.input.clone()))
            .collect();
        Ok(db.add_benefit_lines(&inputs, by.into(), true).await?)
    }
}
