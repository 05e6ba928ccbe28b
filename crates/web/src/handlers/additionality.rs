//! A programme's additionality settings (`/programmes/{p}/additionality`):
//! deadweight, displacement, leakage and substitution with their ranges and
//! sources, and the persistence profile, which take verified value from
//! gross to net.

use super::{FormData, see_other};
use crate::context;
use crate::error::AppResult;
use crate::forms::FieldErrors;
use crate::page::{Page, Viewer, render, render_status};
use crate::parse;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use ymarfer_app::acting::{Acting, Door};
use ymarfer_domain::Action;
use ymarfer_domain::impact::net::{Additionality, Percent, Setting};

/// The four settings' fields: value, low, high, source.
const SETTINGS: [[&str; 4]; 4] = [
    [
        "deadweight",
        "deadweight_low",
        "deadweight_high",
        "deadweight_source",
    ],
    [
        "displacement",
        "displacement_low",
        "displacement_high",
        "displacement_source",
    ],
    ["leakage", "leakage_low", "leakage_high", "leakage_source"],
    [
        "substitution",
        "substitution_low",
        "substitution_high",
        "substitution_source",
    ],
];

/// One setting's row of the form, as typed.
pub struct SettingRow {
    /// Its fields' names: value, low, high, source.
    pub names: [&'static str; 4],
    pub code: &'static str,
    pub value: String,
    pub low: String,
    pub high: String,
    pub source: String,
}

#[derive(Template)]
#[template(path = "programmes/additionality.html")]
struct FormPage {
    page: Page,
    action: String,
    back: String,
    settings: Vec<SettingRow>,
    persistence_year2: String,
    persistence_year3: String,
    persistence_source: String,
    errors: FieldErrors,
}

impl FormPage {
    fn error(&self, name: &str) -> Option<String> {
        self.errors.get(name).map(|e| e.to_string())
    }
}

fn typed(p: Option<Percent>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}

fn rows_of(a: &Additionality) -> Vec<SettingRow> {
    SETTINGS
        .iter()
        .zip(a.settings())
        .map(|(names, (_, s))| SettingRow {
            names: *names,
            code: names[0],
            value: s.value.to_string(),
            low: typed(s.low),
            high: typed(s.high),
            source: s.source.clone(),
        })
        .collect()
}

fn form_page(
    page: Page,
    p: &ymarfer_store::programmes::Programme,
    settings: Vec<SettingRow>,
    persistence: (String, String, String),
    errors: FieldErrors,
) -> FormPage {
    let slug = &p.slug;
    let action = page.href(&format!("programmes/{slug}/additionality"));
    let back = page.href(&format!("programmes/{slug}/impact"));
    let mut page = page;
    page.title = page.t1(
        "additionality-page-title",
        "name",
        page.pick(&p.name_en, &p.name_cy),
    );
    FormPage {
        page,
        action,
        back,
        settings,
        persistence_year2: persistence.0,
        persistence_year3: persistence.1,
        persistence_source: persistence.2,
        errors,
    }
}

pub async fn form(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let a = state.db.additionality_of(p.id).await?;
    let persistence = (
        a.persistence_year2.to_string(),
        a.persistence_year3.to_string(),
        a.persistence_source.clone(),
    );
    render(&form_page(
        page,
        &p,
        rows_of(&a),
        persistence,
        FieldErrors::default(),
    ))
}

/// Reads a percentage field: empty is `empty`; anything else from 0 to 100
/// with at most two decimals, or a translated error on the field.
fn percent(
    page: &Page,
    errors: &mut FieldErrors,
    name: &'static str,
    typed: &str,
    empty: Option<Percent>,
) -> Option<Percent> {
    if typed.trim().is_empty() {
        return empty;
    }
    match Percent::parse(typed) {
        Ok(p) => Some(p),
        Err(e) => {
            errors.add(name, page.t(&e.to_string()));
            None
        }
    }
}

pub async fn save(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(slug): Path<String>,
    FormData(pairs): FormData<Vec<(String, String)>>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let tr = page.tr;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut errors = FieldErrors::default();
    let mut rows = Vec::new();
    let mut settings = Vec::new();
    for names in SETTINGS {
        let [code, low_name, high_name, source_name] = names;
        let row = SettingRow {
            names,
            code,
            value: get(code),
            low: get(low_name),
            high: get(high_name),
            source: get(source_name),
        };
        let value = percent(&page, &mut errors, code, &row.value, Some(Percent::ZERO));
        let low = percent(&page, &mut errors, low_name, &row.low, None);
        let high = percent(&page, &mut errors, high_name, &row.high, None);
        let source = parse::text(tr, &mut errors, source_name, &row.source, 200, false);
        let setting = Setting {
            value: value.unwrap_or_default(),
            low,
            high,
            source,
        };
        if errors.is_empty() && !setting.in_order() {
            errors.add(low_name, page.t("error-additionality-range"));
        }
        settings.push(setting);
        rows.push(row);
    }
    let typed_persistence = (
        get("persistence_year2"),
        get("persistence_year3"),
        get("persistence_source"),
    );
    let year2 = percent(
        &page,
        &mut errors,
        "persistence_year2",
        &typed_persistence.0,
        Some(Percent::ZERO),
    );
    let year3 = percent(
        &page,
        &mut errors,
        "persistence_year3",
        &typed_persistence.1,
        Some(Percent::ZERO),
    );
    let persistence_source = parse::text(
        tr,
        &mut errors,
        "persistence_source",
        &typed_persistence.2,
        200,
        false,
    );
    let (Some(year2), Some(year3), true) = (year2, year3, errors.is_empty()) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(page, &p, rows, typed_persistence, errors),
        );
    };
    let mut settings = settings.into_iter();
    let mut next = || settings.next().unwrap_or_default();
    let a = Additionality {
        deadweight: next(),
        displacement: next(),
        leakage: next(),
        substitution: next(),
        persistence_year2: year2,
        persistence_year3: year3,
        persistence_source,
    };
    let acting = Acting::person(viewer.actor(), Door::Page, addr);
    ymarfer_app::programmes::set_additionality(&state, &acting, p.id, &a).await?;
    Ok(see_other(
        &page.href(&format!("programmes/{slug}?done=saved")),
    ))
}
