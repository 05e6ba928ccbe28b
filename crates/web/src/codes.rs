//! The schema of each stored code the API reads or writes: a string that
//! takes only the code's values, each named in English and Welsh, made from
//! the one list the domain declares (`coded_enum!`'s `ALL`), so the contract
//! and the code never disagree. Each is a named component, referenced by
//! every field that carries it.

use ymarfer_app::i18n::Tr;
use ymarfer_domain::Lang;

/// A string schema taking `values`, each `(code, message id)`, described by
/// what it is and what each value means in both languages.
fn coded(
    what: &str,
    values: impl IntoIterator<Item = (&'static str, &'static str)>,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    let values: Vec<(&str, &str)> = values.into_iter().collect();
    let meanings: Vec<String> = values
        .iter()
        .map(|(code, message)| {
            format!(
                "`{code}`: {} / {}",
                Tr(Lang::En).t(message),
                Tr(Lang::Cy).t(message)
            )
        })
        .collect();
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(values.iter().map(|(code, _)| *code)))
        .description(Some(format!("{what} {}.", meanings.join("; "))))
        .into()
}

/// Declares a component schema per coded type: `Name => domain type, "what it is"`.
macro_rules! code_schemas {
    ($($name:ident => $ty:ty, $what:literal;)+) => {$(
        #[doc = $what]
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                coded($what, <$ty>::ALL.iter().map(|v| (v.as_str(), v.message_id())))
            }
        }

        impl utoipa::ToSchema for $name {}
    )+};
}

code_schemas! {
    Category => ymarfer_domain::impact::Category, "What a saving is of.";
    SavingsType => ymarfer_domain::impact::SavingsType, "Hard (seen in the accounts) or soft (capacity freed, cost avoided).";
    Frequency => ymarfer_domain::impact::Frequency, "How often a saving recurs.";
    LineStatus => ymarfer_domain::impact::Status, "Where a benefit line stands.";
    ProjectStatus => ymarfer_domain::projects::ProjectStatus, "Where a challenge project stands.";
    Visibility => ymarfer_domain::projects::Visibility, "Who may see a project.";
    SessionKind => ymarfer_domain::programme::SessionKind, "The kind of a cohort's session.";
    EmployeeBand => ymarfer_domain::innovation::EmployeeBand, "A firm's size by employees.";
    LeadStatus => ymarfer_domain::health::LeadStatus, "Where a lead stands.";
    InnovationStage => ymarfer_domain::innovation::Stage, "When a firm's innovation answers were given.";
    DeliveryLanguage => ymarfer_domain::programme::DeliveryLanguage, "The language a cohort is run in.";
    DeliveryMode => ymarfer_domain::programme::DeliveryMode, "How a cohort meets.";
    Region => ymarfer_domain::reference::Region, "A region of Wales.";
    Attendance => ymarfer_domain::programme::Attendance, "A mark on a session's register.";
}

/// What a person may say of a new line: a forecast or a claim (verifying is a
/// separate, recorded act).
pub struct ClaimStatus;

impl utoipa::PartialSchema for ClaimStatus {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use ymarfer_domain::impact::Status;
        coded(
            "A new line's status.",
            [Status::Forecast, Status::Claimed].map(|s| (s.as_str(), s.message_id())),
        )
    }
}

impl utoipa::ToSchema for ClaimStatus {}

/// A reviewer's decision on a claim.
pub struct ReviewDecision;

impl utoipa::PartialSchema for ReviewDecision {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        coded(
            "A reviewer's decision.",
            ymarfer_app::claims::Decision::ALL.map(|d| (d.code(), d.message_id())),
        )
    }
}

impl utoipa::ToSchema for ReviewDecision {}

/// A language of the interface and of what people write: `en` or `cy`.
pub struct Language;

impl utoipa::PartialSchema for Language {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        coded(
            "A language.",
            Lang::ALL.iter().map(|l| (l.code(), language_name(*l))),
        )
    }
}

impl utoipa::ToSchema for Language {}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "language-en",
        Lang::Cy => "language-cy",
    }
}
