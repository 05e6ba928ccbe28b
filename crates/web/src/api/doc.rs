//! The OpenAPI 3.1 document, generated from the operations themselves.

use super::resources::{
    account, benefits, impact, leads, organisations, programmes, projects, sessions, space,
};
use serde_json::json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as Document, Ref, ResponseBuilder, Server};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ymarfer API",
        description = "Programmes, cohorts, organisations, projects (with their tools, cycles and readings), the benefits ledger with its versions, impact reports, leads with their health checks, attendance, and posts in each cohort's space. Every write takes an `Idempotency-Key` header, so a retry changes nothing twice. Authenticate with a personal access token made on your profile: `Authorization: Bearer ymf_…`. Every answer is what the token's person may see, narrowed by the token's scope.",
        license(name = "AGPL-3.0-or-later"),
    ),
    paths(
        account::me,
        programmes::programmes,
        programmes::programme,
        programmes::cohorts,
        organisations::organisations,
        organisations::organisation,
        organisations::change_rate,
        projects::projects,
        projects::project,
        projects::add_reading,
        benefits::benefits,
        benefits::add_benefit,
        benefits::review_benefit,
        benefits::answer_query,
        projects::add_cycle,
        impact::impact,
        impact::funder_return,
        leads::leads,
        leads::lead,
        leads::change_lead,
        sessions::sessions,
        sessions::record_attendance,
        space::add_post,
    ),
    modifiers(&Security, &SharedResponses, &Idempotency),
    tags(
        (name = "account", description = "The token's person"),
        (name = "programmes", description = "Programmes and their cohorts"),
        (name = "organisations", description = "The firms taking part"),
        (name = "projects", description = "Each firm's challenge, its tools, cycles, readings and ledger"),
        (name = "impact", description = "Verified impact, by the impact method"),
        (name = "leads", description = "Firms reached by the health check"),
        (name = "sessions", description = "Cohort sessions and attendance"),
        (name = "space", description = "Each cohort's space"),
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

/// An answer carrying the error shape.
fn error_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

/// The answers every operation may give, declared once among the components
/// and named by each by reference: no valid token (401), and too many
/// requests this minute (429).
struct SharedResponses;

/// The shared answers: (status, component name, description).
pub const SHARED_RESPONSES: [(&str, &str, &str); 2] = [
    ("401", "Unauthorised", "No valid token"),
    ("429", "TooManyRequests", "Too many requests this minute"),
];

impl Modify for SharedResponses {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        for (_, name, description) in SHARED_RESPONSES {
            components
                .responses
                .insert(name.to_string(), error_response(description).into());
        }
        for item in doc.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                for (status, name, _) in SHARED_RESPONSES {
                    op.responses
                        .responses
                        .insert(status.to_string(), Ref::from_response_name(name).into());
                }
            }
        }
    }
}

/// The `Idempotency-Key` header, declared once among the components and named
/// by every write, each of which may also answer 409 while the same key's
/// first request is still being acted on.
struct Idempotency;

impl Modify for Idempotency {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        // utoipa has no parameters among the components: they are written as
        // they appear in the document.
        components
            .extensions
            .get_or_insert_with(Default::default)
            .insert(
                "parameters".to_string(),
                json!({
                    "IdempotencyKey": {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": false,
                        "description": "Any 1 to 255 visible ASCII characters, new for each change you mean to make (a UUID will do). A retry with the same key, by the same token, of the same request (method, path and body) is answered with the first answer and changes nothing; the same key for a different request is refused (422). Keys are kept for 24 hours.",
                        "schema": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 255,
                            "pattern": "^[\\x21-\\x7E]+$"
                        }
                    }
                }),
            );
        let conflict = error_response(
            "The same key's first request is still being acted on; try again shortly",
        );
        for item in doc.paths.paths.values_mut() {
            for op in [
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                // The operation's own parameters, then the header by reference.
                let mut parameters = serde_json::to_value(op.parameters.take().unwrap_or_default())
                    .unwrap_or_else(|_| json!([]));
                if let Some(list) = parameters.as_array_mut() {
                    list.push(json!({"$ref": "#/components/parameters/IdempotencyKey"}));
                }
                op.extensions
                    .get_or_insert_with(Default::default)
                    .insert("parameters".to_string(), parameters);
                // An operation that answers 409 for its own reason keeps it,
                // with this one added to its description.
                match op.responses.responses.get_mut("409") {
                    Some(utoipa::openapi::RefOr::T(own)) => {
                        own.description = format!(
                            "{}; or the same key's first request is still being acted on",
                            own.description
                        );
                    }
                    _ => {
                        op.responses
                            .responses
                            .insert("409".to_string(), conflict.clone().into());
                    }
                }
            }
        }
    }
}

/// The document served at `/api/v1/openapi.json`.
pub fn openapi() -> Document {
    use utoipa::openapi::{RefOr, Schema};
    let mut doc = ApiDoc::openapi();
    // A code a body may leave out (its field is not required) has no
    // default a client could send: the empty string the form starts from is
    // none of its values, and a generated client would refuse the schema.
    if let Some(components) = doc.components.as_mut() {
        let named: Vec<String> = components.schemas.keys().cloned().collect();
        for (name, schema) in components.schemas.iter_mut() {
            let RefOr::T(Schema::Object(object)) = schema else {
                continue;
            };
            // A page of a list names its items' schema rather than holding a
            // copy of it, so a generated client has one model of each.
            if let Some(item) = name.strip_prefix("Paged_")
                && named.iter().any(|n| n == item)
                && let Some(RefOr::T(Schema::Array(items))) = object.properties.get_mut("items")
            {
                items.items = utoipa::openapi::schema::ArrayItems::RefOrSchema(Box::new(
                    RefOr::Ref(utoipa::openapi::Ref::from_schema_name(item)),
                ));
            }
            for property in object.properties.values_mut() {
                if let RefOr::T(Schema::OneOf(coded)) = property
                    && coded.default == Some(json!(""))
                {
                    coded.default = None;
                }
            }
        }
    }
    doc
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
