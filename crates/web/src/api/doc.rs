//! The OpenAPI 3.1 document, generated from the operations themselves.

use super::resources;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, Server};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ymarfer API",
        description = "Programmes, cohorts, organisations, projects (with their tools, cycles and readings), the benefits ledger with its versions, impact reports, leads with their health checks, and attendance. Authenticate with a personal access token made on your profile: `Authorization: Bearer ymf_…`. Every answer is what the token's person may see, narrowed by the token's scope.",
        license(name = "AGPL-3.0-or-later"),
    ),
    paths(
        resources::me,
        resources::programmes,
        resources::programme,
        resources::cohorts,
        resources::organisations,
        resources::organisation,
        resources::projects,
        resources::project,
        resources::add_reading,
        resources::benefits,
        resources::add_benefit,
        resources::review_benefit,
        resources::add_cycle,
        resources::impact,
        resources::leads,
        resources::lead,
        resources::change_lead,
        resources::sessions,
        resources::record_attendance,
    ),
    modifiers(&Security),
    tags(
        (name = "account", description = "The token's person"),
        (name = "programmes", description = "Programmes and their cohorts"),
        (name = "organisations", description = "The firms taking part"),
        (name = "projects", description = "Each firm's challenge, its tools, cycles, readings and ledger"),
        (name = "impact", description = "Verified impact, by the impact method"),
        (name = "leads", description = "Firms reached by the health check"),
        (name = "sessions", description = "Cohort sessions and attendance"),
    ),
)]
struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A personal access token, `ymf_…`"))
                    .build(),
            ),
        );
        doc.servers = Some(vec![Server::new("/api/v1")]);
    }
}

/// The document served at `/api/v1/openapi.json`.
pub fn openapi() -> Document {
    ApiDoc::openapi()
}

/// Each operation: its method, path and id, in the document's order (for the
/// human page, which names each in the reader's language).
pub fn operations() -> Vec<(String, String, String)> {
    let doc = openapi();
    let mut out = Vec::new();
    for (path, item) in doc.paths.paths.iter() {
        let ops = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, op) in ops {
            if let Some(op) = op {
                out.push((
                    method.to_string(),
                    path.clone(),
                    op.operation_id.clone().unwrap_or_default(),
                ));
            }
        }
    }
    out
}
