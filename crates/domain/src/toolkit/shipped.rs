//! The toolkit shipped with Ymarfer.

use super::*;

// ---------------------------------------------------------------------------
// The shipped toolkit
// ---------------------------------------------------------------------------

/// The twelve tools shipped in `toolkit/`, file name (= tool id) and source,
/// in teaching order.
pub const SHIPPED: [(&str, &str); 12] = [
    ("sipoc", include_str!("../../../../toolkit/sipoc.toml")),
    (
        "process-map",
        include_str!("../../../../toolkit/process-map.toml"),
    ),
    (
        "value-stream-map",
        include_str!("../../../../toolkit/value-stream-map.toml"),
    ),
    (
        "eight-wastes",
        include_str!("../../../../toolkit/eight-wastes.toml"),
    ),
    (
        "five-whys",
        include_str!("../../../../toolkit/five-whys.toml"),
    ),
    (
        "fishbone",
        include_str!("../../../../toolkit/fishbone.toml"),
    ),
    (
        "impact-effort",
        include_str!("../../../../toolkit/impact-effort.toml"),
    ),
    (
        "model-for-improvement",
        include_str!("../../../../toolkit/model-for-improvement.toml"),
    ),
    ("pdsa", include_str!("../../../../toolkit/pdsa.toml")),
    (
        "driver-diagram",
        include_str!("../../../../toolkit/driver-diagram.toml"),
    ),
    ("a3", include_str!("../../../../toolkit/a3.toml")),
    (
        "waste-hierarchy",
        include_str!("../../../../toolkit/waste-hierarchy.toml"),
    ),
];

/// Parses the shipped tools, in teaching order. An error here is a bug in
/// `toolkit/` (the tests parse every file).
pub fn shipped_tools() -> Result<Vec<Tool>, ToolError> {
    SHIPPED
        .iter()
        .map(|(file, source)| {
            let shipped = |error| ToolError::Shipped {
                file,
                error: Box::new(error),
            };
            let tool = Tool::parse(source).map_err(shipped)?;
            if tool.id != *file {
                return Err(shipped(ToolError::Invalid(vec![ToolIssue {
                    at: "id".into(),
                    problem: Problem::IdNotFileName((*file).to_string()),
                }])));
            }
            Ok(tool)
        })
        .collect()
}
