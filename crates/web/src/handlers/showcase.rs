//! A programme's showcase (`/programmes/{p}/showcase`): its projects approved
//! as public, open to anyone, filtered by sector, size, tool and the wastes
//! found, so a firm can find someone like itself who solved the same problem.
//! Each says what the firm changed and what it saved (verified, first year).

use crate::error::{AppError, AppResult};
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use std::collections::HashMap;
use ymarfer_domain::Pence;
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::reference::SIC_SECTIONS;
use ymarfer_domain::toolkit::ToolValues;
use ymarfer_store::programmes::Programme;
use ymarfer_store::showcase::ShowcaseProject;

/// Projects a page of the showcase lists.
const PAGE: usize = 20;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Filters {
    sector: String,
    band: String,
    tool: String,
    waste: String,
    page: usize,
}

pub struct Entry {
    pub p: ShowcaseProject,
    pub sector: String,
    pub band: String,
    pub area: String,
    pub tools: Vec<String>,
    /// Each change adopted, with its `lang` mark.
    pub changes: Vec<(String, &'static str)>,
    pub saved: Option<String>,
    pub wastes: Vec<String>,
    pub href: String,
    pub case_study: Option<String>,
    /// The firm by name, only with its consent to a case study.
    pub named: bool,
    /// Its name, or a description without it.
    pub firm: String,
}

#[derive(Template)]
#[template(path = "showcase.html")]
struct ShowcasePage {
    page: Page,
    programme: Programme,
    filters: Filters,
    entries: Vec<Entry>,
    total: usize,
    sectors: Vec<(String, String)>,
    bands: Vec<(&'static str, String)>,
    tools: Vec<(String, String)>,
    wastes: Vec<(String, String)>,
    next: Option<String>,
}

impl ShowcasePage {
    /// The filters are never wrong: whatever is chosen narrows the list.
    fn no_error(&self) -> Option<&'static str> {
        None
    }
}

pub async fn showcase(
    State(state): State<AppState>,
    page: Page,
    Path(slug): Path<String>,
    Query(filters): Query<Filters>,
) -> AppResult {
    // Public projects are for anyone; the programme only names whose they are.
    let programme = state
        .db
        .programme_by_slug(&slug)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let lang = page.lang;
    let toolkit = crate::views::toolkit::tools_for(&state, programme.id).await?;
    let tool_name = |id: &str| {
        toolkit
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    // The eight wastes, named as the walk names them.
    let wastes: Vec<(String, String)> = toolkit
        .iter()
        .find(|t| t.id == "eight-wastes")
        .and_then(|t| t.fields.iter().find(|f| f.id == "wastes"))
        .and_then(|f| f.column("waste"))
        .map(|c| match &c.kind {
            ymarfer_domain::toolkit::FieldKind::Choice { options } => options
                .iter()
                .map(|o| {
                    let label = if lang == ymarfer_domain::Lang::Cy {
                        &o.cy
                    } else {
                        &o.en
                    };
                    let short = label.split(':').next().unwrap_or(label).to_string();
                    (o.id.clone(), short)
                })
                .collect(),
            _ => Vec::new(),
        })
        .unwrap_or_default();
    let data = state.db.showcase(programme.id).await?;
    let lines = state.db.current_public_lines(programme.id).await?;
    let mut by_project: HashMap<i64, Vec<_>> = HashMap::new();
    for l in lines {
        by_project.entry(l.project_id).or_default().push(l);
    }
    let mut entries = Vec::new();
    for p in data.projects {
        let tools: Vec<String> = data
            .tools
            .iter()
            .filter(|(id, _)| *id == p.id)
            .map(|(_, t)| t.clone())
            .collect();
        let found: Vec<String> = data
            .waste_walks
            .iter()
            .filter(|(id, _)| *id == p.id)
            .filter_map(|(_, json)| serde_json::from_str::<ToolValues>(json).ok())
            .flat_map(|v| {
                v.rows("wastes")
                    .iter()
                    .filter_map(|r| r.choice("waste").map(str::to_string))
                    .collect::<Vec<_>>()
            })
            .collect();
        let keep = (filters.sector.is_empty() || p.sic_section == filters.sector)
            && (filters.band.is_empty() || p.employee_band == filters.band)
            && (filters.tool.is_empty() || tools.contains(&filters.tool))
            && (filters.waste.is_empty() || found.contains(&filters.waste));
        if !keep {
            continue;
        }
        let verified = match by_project.get(&p.id) {
            Some(lines) => {
                ymarfer_app::report::summary(&programme, lines, Pence(0))?
                    .first_year
                    .verified
            }
            None => Pence(0),
        };
        let mut waste_names: Vec<String> = wastes
            .iter()
            .filter(|(id, _)| found.contains(id))
            .map(|(_, n)| n.clone())
            .collect();
        waste_names.dedup();
        let named = p.case_study_consent;
        let firm = if named {
            p.organisation.clone()
        } else {
            ymarfer_app::i18n::describe_firm(
                page.tr,
                &p.sic_section,
                EmployeeBand::parse(&p.employee_band),
                &p.principal_area,
            )
        };
        entries.push(Entry {
            named,
            firm,
            sector: SIC_SECTIONS
                .iter()
                .find(|(l, _, _)| l.to_string() == p.sic_section)
                .map(|(_, en, cy)| page.pick(en, cy).to_string())
                .unwrap_or_else(|| p.sic_section.clone()),
            band: EmployeeBand::parse(&p.employee_band)
                .map(|b| page.t(b.message_id()))
                .unwrap_or_default(),
            area: ymarfer_domain::reference::area(&p.principal_area)
                .map(|a| a.name(lang).to_string())
                .unwrap_or_default(),
            tools: tools.iter().map(|t| tool_name(t)).collect(),
            changes: data
                .adopted
                .iter()
                .filter(|(id, _, _)| *id == p.id)
                .map(|(_, c, l)| (c.clone(), page.lang_of(l)))
                .collect(),
            saved: (verified.0 > 0).then(|| page.money(&verified.0)),
            wastes: waste_names,
            href: page.href(&format!("projects/{}", p.id)),
            case_study: p
                .case_study_consent
                .then(|| page.href(&format!("projects/{}/case-study", p.id))),
            p,
        });
    }
    let total = entries.len();
    let start = filters.page.saturating_mul(PAGE);
    let next = (total > start + PAGE).then(|| {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("sector", &filters.sector),
            ("band", &filters.band),
            ("tool", &filters.tool),
            ("waste", &filters.waste),
        ] {
            if !v.is_empty() {
                q.append_pair(k, v);
            }
        }
        q.append_pair("page", &(filters.page + 1).to_string());
        page.href(&format!(
            "programmes/{}/showcase?{}",
            programme.slug,
            q.finish()
        ))
    });
    let entries: Vec<Entry> = entries.into_iter().skip(start).take(PAGE).collect();
    let sectors = SIC_SECTIONS
        .iter()
        .map(|(l, en, cy)| (l.to_string(), format!("{l} – {}", page.pick(en, cy))))
        .collect();
    let bands = EmployeeBand::ALL
        .iter()
        .map(|b| (b.as_str(), page.t(b.message_id())))
        .collect();
    let tools = toolkit
        .iter()
        .map(|t| (t.id.clone(), t.name.get(lang).to_string()))
        .collect();
    let mut page = page;
    page.title = page.t1(
        "showcase-title",
        "programme",
        page.pick(&programme.name_en, &programme.name_cy),
    );
    render(&ShowcasePage {
        page,
        programme,
        filters,
        entries,
        total,
        sectors,
        bands,
        tools,
        wastes,
        next,
    })
}
