//! A programme's funder return (`/programmes/{p}/returns`): each indicator for
//! a quarter with its count and the firms behind it, each firm's value of
//! support against the subsidy limit; its downloads
//! (`/returns/{file}`); and a firm's subsidy notice (`/returns/subsidy/{org}`).

use crate::context;
use crate::error::{AppError, AppResult};
use crate::page::{Page, Viewer, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use ymarfer_app::acting::Door;
use ymarfer_app::returns::{FirmSupport, FundersReturn};
use ymarfer_domain::returns::{self, EvidenceRule, Quarter, SubsidyLevel};
use ymarfer_domain::{Action, Pence};
use ymarfer_store::programmes::Programme;

#[derive(serde::Deserialize, Default)]
pub struct PeriodQuery {
    /// A quarter's code, such as `2026-q1`.
    period: Option<String>,
}

/// The quarter asked for; the current one when none is, or one that is not a quarter.
fn quarter_of(q: &PeriodQuery) -> Quarter {
    q.period
        .as_deref()
        .and_then(Quarter::parse)
        .unwrap_or_else(ymarfer_app::returns::default_quarter)
}

/// One indicator as the page shows it.
pub struct Row {
    pub code: String,
    pub name: String,
    pub definition: String,
    pub count: String,
    pub firms: Vec<String>,
    pub evidence: String,
}

/// One firm's value of support as the page shows it.
pub struct SupportRow {
    pub name: String,
    pub companies_house: String,
    pub hours: String,
    pub value: String,
    pub level: String,
    pub warning: bool,
    pub notice: String,
    pub notice_label: String,
}

#[derive(Template)]
#[template(path = "programmes/returns.html")]
struct ReturnPage {
    page: Page,
    programme: Programme,
    intro: String,
    caption: String,
    /// (code, label, chosen) for each quarter to pick.
    quarters: Vec<(String, String, bool)>,
    csv: String,
    xlsx: String,
    rows: Vec<Row>,
    support_intro: String,
    support_caption: String,
    support: Vec<SupportRow>,
    warnings: Vec<String>,
    /// Where the indicators reported are chosen, for those who may.
    indicators_link: Option<String>,
}

/// The quarters from the programme's start to now, newest first (at most 40).
fn quarters(p: &Programme, chosen: Quarter) -> Vec<(String, String, bool)> {
    let now = ymarfer_app::returns::default_quarter();
    let first = Quarter::containing(p.starts_on.unwrap_or_else(|| p.created_at.date_naive()));
    let mut out = Vec::new();
    let mut q = now.max(chosen);
    while out.len() < 40 {
        out.push((q.code(), q.label(), q == chosen));
        if q <= first.min(chosen) {
            break;
        }
        q = q.previous();
    }
    out
}

fn years_text(r: &FundersReturn) -> String {
    match (r.subsidy_years.first(), r.subsidy_years.last()) {
        (Some(a), Some(b)) => format!(
            "{}–{}",
            returns::financial_year_label(*a),
            returns::financial_year_label(*b)
        ),
        _ => String::new(),
    }
}

pub async fn page(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::DownloadReports).await?;
    let quarter = quarter_of(&q);
    let acting = viewer.acting(Door::Page, "");
    let r = ymarfer_app::returns::quarterly_return(&state, &acting, &p, quarter).await?;
    let name = page.pick(&p.name_en, &p.name_cy).to_string();
    let mut page = page;
    page.title = page.t1("returns-title", "name", &name);
    let tr = page.tr;
    let rows = r
        .indicators
        .iter()
        .map(|i| {
            let rule = EvidenceRule::parse(&i.rule).unwrap_or(EvidenceRule::Manual);
            let mut evidence = tr.t(rule.message_id());
            if let Some(h) = i.hours {
                evidence = format!(
                    "{evidence} {}",
                    tr.t1("returns-hours-needed", "hours", &h.to_string())
                );
            }
            Row {
                code: i.code.clone(),
                name: tr.pick(&i.name_en, &i.name_cy).to_string(),
                definition: tr.pick(&i.definition_en, &i.definition_cy).to_string(),
                count: i
                    .count
                    .map_or_else(|| tr.t("returns-not-computed"), |c| c.to_string()),
                firms: i.firms.iter().map(|f| f.name.clone()).collect(),
                evidence,
            }
        })
        .collect();
    let limit = tr.money(returns::MFA_LIMIT);
    let mut warnings = Vec::new();
    let support = r
        .firms
        .iter()
        .map(|f| {
            let value = tr.money(Pence(f.value_pence));
            let key = match f.level {
                SubsidyLevel::Near => Some("returns-warning-near"),
                SubsidyLevel::Over => Some("returns-warning-over"),
                SubsidyLevel::Clear => None,
            };
            if let Some(key) = key {
                warnings.push(tr.args(
                    key,
                    &[
                        ("firm", f.firm.name.clone()),
                        ("value", value.clone()),
                        ("limit", limit.clone()),
                    ],
                ));
            }
            let org = f.firm.organisation_ids.first().copied().unwrap_or(0);
            SupportRow {
                name: f.firm.name.clone(),
                companies_house: f.firm.companies_house.clone().unwrap_or_default(),
                hours: ymarfer_app::returns::hours_text(f.support_minutes_in_period),
                value,
                level: tr.t(f.level.message_id()),
                warning: f.level != SubsidyLevel::Clear,
                notice: page.href(&format!("programmes/{slug}/returns/subsidy/{org}")),
                notice_label: tr.t1("returns-notice-link", "firm", &f.firm.name),
            }
        })
        .collect();
    let years = years_text(&r);
    let period = quarter.code();
    let indicators_link = context::may_programme(&viewer, Action::ManageProgramme, p.id)
        .then(|| page.href(&format!("programmes/{slug}/returns/indicators")));
    render(&ReturnPage {
        intro: tr.t1("returns-intro", "period", &r.period_label),
        caption: tr.t1("returns-caption", "period", &r.period_label),
        quarters: quarters(&p, quarter),
        csv: page.href(&format!(
            "programmes/{slug}/returns/return.csv?period={period}"
        )),
        xlsx: page.href(&format!(
            "programmes/{slug}/returns/return.xlsx?period={period}"
        )),
        rows,
        support_intro: tr.args(
            "returns-support-intro",
            &[("years", years.clone()), ("limit", limit)],
        ),
        support_caption: tr.t1("returns-support-caption", "years", &years),
        support,
        warnings,
        indicators_link,
        programme: p,
        page,
    })
}

/// `return.csv` or `return.xlsx` for a quarter.
pub async fn download(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path((slug, file)): Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::DownloadReports).await?;
    if file != "return.csv" && file != "return.xlsx" {
        return Err(AppError::NOT_FOUND);
    }
    let quarter = quarter_of(&q);
    let acting = viewer.acting(Door::Page, addr.clone());
    let r = ymarfer_app::returns::quarterly_return(&state, &acting, &p, quarter).await?;
    let name = format!("{}-return-{}", p.slug, quarter.code());
    let act = ymarfer_app::audit::Act::new(
        ymarfer_domain::audit::AuditAction::ReportDownloaded,
        Some(p.id),
        format!("{name}-{file}"),
    );
    ymarfer_app::audit::record(&state, viewer.user_id(), &addr, act).await?;
    if file == "return.csv" {
        return Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.csv\""),
                ),
            ],
            ymarfer_app::returns::to_csv(&r, page.tr)?,
        )
            .into_response());
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.xlsx\""),
            ),
        ],
        ymarfer_app::returns::to_xlsx(&r, page.tr)?,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "programmes/subsidy_notice.html")]
struct NoticePage {
    page: Page,
    returns_href: String,
    statement: String,
    funder: Option<String>,
    company: Option<String>,
    window: String,
    years: Vec<(String, String)>,
    total: String,
    limit: String,
    warning: Option<String>,
}

pub async fn notice(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path((slug, org)): Path<(String, i64)>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::DownloadReports).await?;
    let acting = viewer.acting(Door::Page, "");
    let today = ymarfer_domain::uktime::today();
    let f: FirmSupport = ymarfer_app::returns::subsidy_of(&state, &acting, &p, org, today).await?;
    let tr = page.tr;
    let mut page = page;
    page.title = tr.t1("subsidy-notice-title", "firm", &f.firm.name);
    let value = tr.money(Pence(f.value_pence));
    let limit = tr.money(returns::MFA_LIMIT);
    let mfa = returns::mfa_years(today);
    let years_label = format!(
        "{}–{}",
        returns::financial_year_label(mfa[0]),
        returns::financial_year_label(mfa[2])
    );
    let funder = tr.pick(&p.funder, &p.funder_cy).trim().to_string();
    let warning = match f.level {
        SubsidyLevel::Clear => None,
        SubsidyLevel::Near => Some("returns-warning-near"),
        SubsidyLevel::Over => Some("returns-warning-over"),
    }
    .map(|key| {
        tr.args(
            key,
            &[
                ("firm", f.firm.name.clone()),
                ("value", value.clone()),
                ("limit", limit.clone()),
            ],
        )
    });
    render(&NoticePage {
        returns_href: page.href(&format!("programmes/{slug}/returns")),
        statement: tr.args(
            "subsidy-notice-statement",
            &[
                ("programme", tr.pick(&p.name_en, &p.name_cy).to_string()),
                ("firm", f.firm.name.clone()),
                ("value", value.clone()),
            ],
        ),
        funder: (!funder.is_empty()).then(|| tr.t1("subsidy-notice-funder", "funder", &funder)),
        company: f
            .firm
            .companies_house
            .as_deref()
            .map(|n| tr.t1("subsidy-notice-company", "number", n)),
        window: tr.args(
            "subsidy-notice-window",
            &[("years", years_label), ("day", tr.day(today))],
        ),
        years: mfa
            .iter()
            .map(|y| {
                (
                    returns::financial_year_label(*y),
                    tr.money(Pence(
                        f.value_by_year_pence.get(y).copied().unwrap_or_default(),
                    )),
                )
            })
            .collect(),
        total: value,
        limit: tr.t1("subsidy-notice-limit", "limit", &limit),
        warning,
        page,
    })
}

/// The indicator form as typed.
#[derive(Default, Clone)]
pub struct IndicatorForm {
    pub code: String,
    pub name_en: String,
    pub name_cy: String,
    pub definition_en: String,
    pub definition_cy: String,
    pub rule: String,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "programmes/indicators.html")]
struct IndicatorsPage {
    page: Page,
    action: String,
    back: String,
    notice: Option<String>,
    /// (code, name, chosen) for each shipped set.
    sets: Vec<(String, String, bool)>,
    /// (code, name, how it is counted) for each indicator the programme added.
    added: Vec<(String, String, String)>,
    rules: Vec<(String, String)>,
    form: IndicatorForm,
    errors: crate::forms::FieldErrors,
}

impl IndicatorsPage {
    fn error(&self, name: &str) -> Option<String> {
        self.errors.get(name).map(|e| e.to_string())
    }
}

async fn indicators_page(
    state: &AppState,
    page: Page,
    p: Programme,
    notice: Option<String>,
    form: IndicatorForm,
    errors: crate::forms::FieldErrors,
) -> Result<IndicatorsPage, AppError> {
    let chosen = state.db.indicator_sets_of(p.id).await?;
    let added = state.db.custom_indicators(p.id).await?;
    let tr = page.tr;
    let mut page = page;
    page.title = tr.t1("indicators-title", "name", tr.pick(&p.name_en, &p.name_cy));
    Ok(IndicatorsPage {
        action: page.href(&format!("programmes/{}/returns/indicators", p.slug)),
        back: page.href(&format!("programmes/{}/returns", p.slug)),
        notice,
        sets: returns::IndicatorSet::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_string(),
                    tr.t(s.message_id()),
                    chosen.contains(s),
                )
            })
            .collect(),
        added: added
            .iter()
            .map(|i| {
                (
                    i.code.clone(),
                    tr.pick(&i.name_en, &i.name_cy).to_string(),
                    tr.t(i.rule.message_id()),
                )
            })
            .collect(),
        rules: EvidenceRule::ALL
            .iter()
            .map(|r| (r.as_str().to_string(), tr.t(r.message_id())))
            .collect(),
        form,
        errors,
        page,
    })
}

#[derive(serde::Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn indicators(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<DoneQuery>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let notice = page.done_notice(q.done.as_deref());
    render(
        &indicators_page(
            &state,
            page,
            p,
            notice,
            IndicatorForm::default(),
            Default::default(),
        )
        .await?,
    )
}

/// Saves the indicator sets (`form=sets`) or adds an indicator (`form=add`).
pub async fn save_indicators(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    super::ClientAddr(addr): super::ClientAddr,
    Path(slug): Path<String>,
    super::FormData(pairs): super::FormData<Vec<(String, String)>>,
) -> AppResult {
    let p = context::programme(&state, &viewer, &slug, Action::ManageProgramme).await?;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let acting = viewer.acting(Door::Page, addr);
    let done = page.href(&format!("programmes/{slug}/returns/indicators?done=saved"));
    if get("form") == "sets" {
        let sets: Vec<returns::IndicatorSet> = pairs
            .iter()
            .filter(|(n, _)| n == "set")
            .filter_map(|(_, v)| returns::IndicatorSet::parse(v))
            .collect();
        ymarfer_app::returns::set_indicator_sets(&state, &acting, &p, &sets).await?;
        return Ok(super::see_other(&done));
    }
    let tr = page.tr;
    let form = IndicatorForm {
        code: get("code"),
        name_en: get("name_en"),
        name_cy: get("name_cy"),
        definition_en: get("definition_en"),
        definition_cy: get("definition_cy"),
        rule: get("rule"),
        hours: get("hours"),
    };
    let mut errors = crate::forms::FieldErrors::default();
    let code = crate::parse::text(tr, &mut errors, "code", &form.code, 20, true);
    let name_en = crate::parse::text(tr, &mut errors, "name_en", &form.name_en, 200, true);
    let name_cy = crate::parse::text(tr, &mut errors, "name_cy", &form.name_cy, 200, true);
    let definition_en = crate::parse::text(
        tr,
        &mut errors,
        "definition_en",
        &form.definition_en,
        2000,
        false,
    );
    let definition_cy = crate::parse::text(
        tr,
        &mut errors,
        "definition_cy",
        &form.definition_cy,
        2000,
        false,
    );
    let rule = EvidenceRule::parse(form.rule.trim());
    if rule.is_none() {
        errors.add("rule", tr.t("error-indicator-rule"));
    }
    let hours = (rule == Some(EvidenceRule::SupportedHoursMin))
        .then(|| crate::parse::whole(tr, &mut errors, "hours", &form.hours, 1, 10_000));
    if errors.is_empty() {
        let input = ymarfer_store::returns::IndicatorInput {
            code,
            rule,
            hours,
            name_en,
            name_cy,
            definition_en,
            definition_cy,
        };
        match ymarfer_app::returns::add_indicator(&state, &acting, &p, &input).await {
            Ok(_) => return Ok(super::see_other(&done)),
            Err(ymarfer_app::Error::Invalid(id)) => {
                let field = match id {
                    "error-indicator-names" => "name_en",
                    "error-indicator-hours" => "hours",
                    "error-indicator-rule" => "rule",
                    "error-too-long" => "definition_en",
                    _ => "code",
                };
                errors.add(field, tr.t(id));
            }
            Err(e) => return Err(e.into()),
        }
    }
    crate::page::render_status(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        &indicators_page(&state, page, p, None, form, errors).await?,
    )
}
