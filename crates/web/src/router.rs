//! Every route Ymarfer answers, in one place.

use crate::handlers::{
    account, additionality, admin, api_docs, attachments, audit, auth, benefits, capability,
    claims, cohorts, cycles, engagement, followup, health, health_check, home, impact, leads, live,
    operations, organisations, people, privacy, programmes, projects, readings, reference, returns,
    rhythm, scenarios, search, sessions, sets, showcase, space, tokens, tools,
};
use crate::state::AppState;
use crate::{assets, csrf, error, security, session};
use axum::extract::{MatchedPath, Request};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::{Extension, Router};
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tracing::Span;
use ymarfer_domain::Lang;

/// The pages, the same under `/en` and `/cy`.
fn pages() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route(
            "/sign-in",
            get(auth::signing::sign_in_page).post(auth::signing::sign_in),
        )
        .route("/sign-in/link", post(auth::signing::request_link))
        .route(
            "/sign-in/link/{token}",
            get(auth::signing::link_page).post(auth::signing::use_link),
        )
        .route("/sign-out", post(auth::signing::sign_out))
        .route(
            "/health-check",
            get(health_check::start::intro).post(health_check::start::start),
        )
        .route(
            "/health-check/{token}/result",
            get(health_check::result::result),
        )
        .route(
            "/health-check/{token}/interest",
            post(health_check::result::interest),
        )
        .route(
            "/health-check/{token}/thanks",
            get(health_check::result::thanks),
        )
        .route(
            "/health-check/{token}/{n}",
            get(health_check::questions::question).post(health_check::questions::answer),
        )
        .route("/programmes/{p}/leads", get(leads::list))
        .route(
            "/programmes/{p}/leads/{id}",
            get(leads::show).post(leads::update),
        )
        .route("/programmes/{p}/leads/{id}/invite", post(leads::invite))
        .route("/programmes/{p}/funnel", get(leads::funnel))
        .route("/programmes/{p}/scenarios", get(scenarios::planner))
        .route("/programmes/{p}/audit", get(audit::programme))
        .route("/admin/audit", get(audit::site))
        .route("/admin/smes", get(reference::form).post(reference::save))
        .route(
            "/programmes/{p}/cohorts/{c}/space",
            get(space::stream::stream).post(space::stream::create_post),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/space/new",
            get(space::stream::new_items),
        )
        .route("/posts/{id}", get(space::item::show))
        .route("/posts/{id}/comments", post(space::item::comment))
        .route(
            "/posts/{id}/edit",
            get(space::item::edit_form).post(space::item::edit),
        )
        .route("/posts/{id}/delete", post(space::item::delete))
        .route("/posts/{id}/restore", post(space::item::restore))
        .route("/posts/{id}/react", post(space::item::react))
        .route("/posts/{id}/feedback", post(space::item::give_feedback))
        .route("/posts/{id}/ask", post(space::item::ask_feedback))
        .route("/projects/{id}/share", post(space::share::share))
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/{s}/commitments",
            post(rhythm::commit),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/{s}/check-in",
            post(rhythm::check_in),
        )
        .route("/log", get(rhythm::log).post(rhythm::add_to_log))
        .route("/log/{id}/share", post(rhythm::share_reflection))
        .route("/attachments/{id}", get(attachments::file))
        .route("/attachments/{id}/thumb", get(attachments::thumb))
        .route(
            "/projects/{id}/attachments",
            post(attachments::attach_to_project),
        )
        .route("/search", get(search::search))
        .route("/profile/notices", post(space::notices::set_notify))
        .route("/profile/tokens", get(tokens::list).post(tokens::create))
        .route("/profile/tokens/{id}/revoke", post(tokens::revoke))
        .route("/api", get(api_docs::page))
        .route(
            "/unsubscribe/{token}",
            get(space::notices::unsubscribe_page).post(space::notices::unsubscribe),
        )
        .route("/programmes/{p}/showcase", get(showcase::showcase))
        .route(
            "/programmes/{p}/cohorts/{c}/engagement",
            get(engagement::engagement),
        )
        .route(
            "/programmes/{p}/alumni",
            get(space::alumni::alumni).post(space::alumni::alumni_post),
        )
        .route("/admin/programmes", get(operations::programmes))
        .route("/admin/jobs", get(operations::jobs))
        .route("/admin/mail", get(operations::mail))
        .route("/notices", get(space::notices::notices))
        .route("/notices/read", post(space::notices::read_notices))
        .route("/privacy", get(privacy::notice))
        .route("/admin/users/{id}/{what}", post(admin::account_action))
        .route("/profile/data.zip", get(privacy::my_data))
        .route(
            "/admin/users/{id}/erase",
            get(privacy::erase_form).post(privacy::erase),
        )
        .route(
            "/reset-password",
            get(auth::journeys::reset_request_page).post(auth::journeys::reset_request),
        )
        .route(
            "/reset-password/{token}",
            get(auth::journeys::reset_page).post(auth::journeys::reset),
        )
        .route(
            "/invitation/{token}",
            get(auth::journeys::invitation_page).post(auth::journeys::accept_invitation),
        )
        .route(
            "/setup/{token}",
            get(auth::journeys::setup_page).post(auth::journeys::setup),
        )
        .route(
            "/profile",
            get(account::profile).post(account::update_profile),
        )
        .route("/profile/password", post(account::change_password))
        .route("/profile/sessions/{id}/end", post(account::end_session))
        .route(
            "/profile/sign-out-everywhere",
            post(account::sign_out_everywhere),
        )
        .route("/admin", get(admin::index))
        .route("/admin/users", get(admin::users))
        .route("/leads/waiting", get(leads::waiting))
        .route("/leads/{id}/programme", post(leads::assign))
        .route("/admin/users/invite", post(admin::invite))
        .route("/profile/calendar", post(sessions::new_person_feed))
        .route(
            "/profile/calendar/revoke",
            post(sessions::revoke_person_feed),
        )
        .route("/programmes", get(programmes::list))
        .route(
            "/programmes/new",
            get(programmes::new_form).post(programmes::create),
        )
        .route("/programmes/{p}", get(programmes::show))
        .route(
            "/programmes/{p}/edit",
            get(programmes::edit_form).post(programmes::update),
        )
        .route(
            "/programmes/{p}/additionality",
            get(additionality::form).post(additionality::save),
        )
        .route("/programmes/{p}/team", post(programmes::add_team_member))
        .route(
            "/programmes/{p}/cohorts/new",
            get(cohorts::new_form).post(cohorts::create),
        )
        .route("/programmes/{p}/cohorts/{c}", get(cohorts::show))
        .route(
            "/programmes/{p}/cohorts/{c}/edit",
            get(cohorts::edit_form).post(cohorts::update),
        )
        .route("/programmes/{p}/cohorts/{c}/people", post(people::invite))
        .route(
            "/programmes/{p}/cohorts/{c}/people/{u}/withdraw",
            post(people::withdraw),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/people/{u}/readmit",
            post(people::readmit),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/import",
            get(people::import_form).post(people::import),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/people.csv",
            get(people::export),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/calendar",
            post(sessions::new_cohort_feed),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/new",
            get(sessions::new_form).post(sessions::create),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/{s}",
            get(sessions::show),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/{s}/edit",
            get(sessions::edit_form).post(sessions::update),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/{s}/live",
            post(live::start),
        )
        .route("/live", get(live::find))
        .route("/live/{code}", get(live::room))
        .route("/live/{code}/screen", get(live::screen))
        .route("/live/{code}/qr.svg", get(live::qr))
        .route("/live/{code}/events", get(live::events))
        .route("/live/{code}/join", post(live::join))
        .route("/live/{code}/notes", post(live::note))
        .route("/live/{code}/votes", post(live::vote))
        .route("/live/{code}/done", post(live::done))
        .route("/live/{code}/plan", post(live::plan))
        .route("/live/{code}/advance", post(live::advance))
        .route("/live/{code}/timer", post(live::timer))
        .route("/live/{code}/prepare", post(live::prepare))
        .route("/live/{code}/answers", post(live::answer))
        .route("/live/{code}/places", post(live::place))
        .route("/live/{code}/templates", post(live::save_template))
        .route("/live/{code}/templates/apply", post(live::apply_template))
        .route(
            "/programmes/{p}/cohorts/{c}/sessions/{s}/attendance",
            post(sessions::record_attendance),
        )
        .route("/programmes/{p}/cohorts/{c}/sets", get(sets::show))
        .route(
            "/programmes/{p}/cohorts/{c}/sets/propose",
            post(sets::propose),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/sets/move",
            post(sets::move_member),
        )
        .route(
            "/programmes/{p}/tools",
            get(tools::programme::programme_tools).post(tools::programme::add_programme_tool),
        )
        .route("/programmes/{p}/cohorts/{c}/projects", get(projects::list))
        .route(
            "/programmes/{p}/cohorts/{c}/projects/new",
            get(projects::new_form).post(projects::create),
        )
        .route("/projects/{id}", get(projects::show))
        .route(
            "/projects/{id}/edit",
            get(projects::edit_form).post(projects::update),
        )
        .route("/projects/{id}/approve", post(projects::approve))
        .route("/projects/{id}/case-study", get(projects::case_study))
        .route("/projects/{id}/readings", post(readings::add_reading))
        .route(
            "/projects/{id}/cycles/new",
            get(cycles::new_cycle_form).post(cycles::create_cycle),
        )
        .route(
            "/projects/{id}/cycles/{n}",
            get(cycles::cycle_page).post(cycles::update_cycle),
        )
        .route("/projects/{id}/cycles/{n}/edit", get(cycles::cycle_form))
        .route(
            "/projects/{id}/readings/{reading}",
            get(readings::reading_form).post(readings::correct_reading),
        )
        .route(
            "/projects/{id}/readings/{reading}/remove",
            post(readings::remove_reading),
        )
        .route(
            "/projects/{id}/tools/{tool}",
            get(tools::apply::apply_form).post(tools::apply::apply),
        )
        .route(
            "/projects/{id}/tools/{tool}/versions/{v}",
            get(tools::apply::version),
        )
        .route(
            "/projects/{id}/benefits/new",
            get(benefits::lines::new_form).post(benefits::lines::create),
        )
        .route(
            "/projects/{id}/benefits/{line}",
            get(benefits::lines::edit_form).post(benefits::lines::update),
        )
        .route(
            "/projects/{id}/benefits/{line}/verify",
            get(benefits::review::verify_form).post(benefits::review::verify),
        )
        .route(
            "/projects/{id}/benefits/{line}/answer",
            get(benefits::answer::answer_form).post(benefits::answer::answer),
        )
        .route(
            "/projects/{id}/benefits/{line}/reopen",
            get(benefits::review::reopen_form).post(benefits::review::reopen),
        )
        .route("/programmes/{p}/claims", get(claims::queue))
        .route("/programmes/{p}/returns", get(returns::page))
        .route(
            "/programmes/{p}/returns/subsidy/{org}",
            get(returns::notice),
        )
        .route(
            "/programmes/{p}/returns/indicators",
            get(returns::indicators).post(returns::save_indicators),
        )
        .route("/programmes/{p}/returns/{file}", get(returns::download))
        .route("/programmes/{p}/impact", get(impact::programme_dashboard))
        .route(
            "/programmes/{p}/reports/{file}",
            get(impact::programme_download),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/impact",
            get(impact::cohort_dashboard),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/reports/{file}",
            get(impact::cohort_download),
        )
        .route(
            "/programmes/{p}/cohorts/{c}/capability",
            get(capability::capability_form).post(capability::save_capability),
        )
        .route(
            "/follow-up/{token}",
            get(followup::followup_form).post(followup::followup_answer),
        )
        .route("/toolkit", get(tools::toolkit::list))
        .route("/toolkit/{tool}", get(tools::toolkit::guide))
        .route("/organisations", get(organisations::listing::list))
        .route(
            "/organisations/new",
            get(organisations::record::new_form).post(organisations::record::create),
        )
        .route("/organisations/{id}", get(organisations::record::show))
        .route(
            "/organisations/{id}/edit",
            get(organisations::record::edit_form).post(organisations::record::update),
        )
        .route(
            "/organisations/{id}/innovation",
            post(organisations::record::record_innovation),
        )
        .route_layer(axum::middleware::from_fn(crate::page::remember_language))
}

/// Logs name the route a request matched (`/calendar/{file}`), never the path
/// itself, so that secrets in links (calendar feeds, emailed tokens) stay out
/// of the logs.
async fn record_route(req: Request, next: axum::middleware::Next) -> axum::response::Response {
    if let Some(route) = req.extensions().get::<MatchedPath>() {
        Span::current().record("route", route.as_str());
    }
    next.run(req).await
}

pub fn router(state: AppState) -> Router {
    let trace = TraceLayer::new_for_http()
        .make_span_with(|req: &Request| {
            let id = req
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-")
                .to_string();
            tracing::info_span!("request", id = %id, method = %req.method(), route = tracing::field::Empty)
        })
        .on_request(())
        .on_response(|res: &axum::response::Response, latency: Duration, _: &Span| {
            tracing::info!(status = res.status().as_u16(), ms = latency.as_millis() as u64, "served");
        });
    let app = Router::new()
        .route("/", get(home::pick_language))
        .route(
            "/en/",
            get(|| async { axum::response::Redirect::permanent("/en") }),
        )
        .route(
            "/cy/",
            get(|| async { axum::response::Redirect::permanent("/cy") }),
        )
        .route("/admin", get(home::admin_in_language))
        .route("/healthz", get(health::healthz))
        // The health check's first screen offers both languages, Welsh first.
        .route(
            "/health-check",
            get(health_check::start::choose).layer(Extension(Lang::Cy)),
        )
        .route("/static/{*path}", get(assets::serve))
        .route("/calendar/{file}", get(sessions::feed))
        .nest("/en", pages().layer(Extension(Lang::En)))
        .nest("/cy", pages().layer(Extension(Lang::Cy)))
        .route_layer(axum::middleware::from_fn(record_route))
        .fallback(error::fallback)
        .layer(axum::middleware::from_fn(
            crate::edge::refuse_control_characters,
        ))
        .layer(from_fn_with_state(state.clone(), csrf::protect))
        .layer(from_fn_with_state(state.clone(), security::partner_framing))
        .layer(from_fn_with_state(
            state.clone(),
            crate::error_page::render_errors,
        ))
        .layer(from_fn_with_state(state.clone(), session::load_viewer));
    // The API authenticates by token, never by cookie: outside the pages'
    // sessions, CSRF checks and HTML error pages.
    let mut app = app.nest("/api/v1", crate::api::router(state.clone()));
    for layer in security::layers() {
        app = app.layer(layer);
    }
    app.layer(axum::extract::DefaultBodyLimit::max(csrf::MAX_BODY))
        .layer(RequestBodyLimitLayer::new(csrf::MAX_BODY))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(trace)
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}
