//! What a page offers after a save: the natural next step in a participant's
//! loop (a tool, then a test-and-learn cycle, readings, savings), and sharing
//! what was saved with the cohort.

use crate::context;
use crate::page::{Page, Viewer};
use ymarfer_app::projects::ProjectCtx;
use ymarfer_domain::Action;
use ymarfer_domain::toolkit::{Tool, next_in_sequence};

/// The next steps a page offers after a save.
pub struct NextSteps {
    /// (text, link) of each step.
    pub links: Vec<(String, String)>,
    /// A one-button form sharing what was saved with the cohort: (action,
    /// what to share, the button's text).
    pub share: Option<(String, String, String)>,
}

/// Whether the viewer may share the project's records with its cohort.
fn may_share(viewer: &Viewer, ctx: &ProjectCtx) -> bool {
    ctx.can_edit() && context::may(viewer, Action::ViewSpace, ctx.programme.id, ctx.cohort.id)
}

impl NextSteps {
    fn share(
        page: &Page,
        viewer: &Viewer,
        ctx: &ProjectCtx,
        what: String,
        label: &str,
    ) -> Option<(String, String, String)> {
        may_share(viewer, ctx).then(|| {
            (
                page.href(&format!("projects/{}/share", ctx.project.id)),
                what,
                page.t(label),
            )
        })
    }

    /// After a tool is saved: the tool the toolkit suggests next, a
    /// test-and-learn cycle from what it showed, and sharing it.
    pub fn after_tool(
        page: &Page,
        viewer: &Viewer,
        ctx: &ProjectCtx,
        tools: &[Tool],
        applied: &[&str],
        tool: &str,
    ) -> NextSteps {
        let id = ctx.project.id;
        let order: Vec<&str> = tools.iter().map(|t| t.id.as_str()).collect();
        let mut links = Vec::new();
        if let Some(next) = next_in_sequence(&order, applied).map(|i| &tools[i]) {
            links.push((
                page.t1("next-tool", "tool", page.text(&next.name)),
                page.href(&format!("projects/{id}/tools/{}", next.id)),
            ));
        }
        links.push((
            page.t("next-cycle-from-tool"),
            page.href(&format!("projects/{id}/cycles/new")),
        ));
        links.push((
            page.t("next-back-to-project"),
            page.href(&format!("projects/{id}")),
        ));
        NextSteps {
            links,
            share: Self::share(page, viewer, ctx, format!("tool:{tool}"), "next-share-tool"),
        }
    }

    /// After a cycle is saved: a reading of the measure, and sharing it.
    pub fn after_cycle(page: &Page, viewer: &Viewer, ctx: &ProjectCtx, number: i64) -> NextSteps {
        let id = ctx.project.id;
        NextSteps {
            links: vec![
                (
                    page.t("next-reading"),
                    page.href(&format!("projects/{id}#reading-form")),
                ),
                (
                    page.t("next-back-to-project"),
                    page.href(&format!("projects/{id}")),
                ),
            ],
            share: Self::share(
                page,
                viewer,
                ctx,
                format!("cycle:{number}"),
                "next-share-cycle",
            ),
        }
    }

    /// After a reading: the next cycle, the savings it shows, and sharing it.
    pub fn after_reading(page: &Page, viewer: &Viewer, ctx: &ProjectCtx) -> NextSteps {
        let id = ctx.project.id;
        let mut links = vec![(
            page.t("next-cycle"),
            page.href(&format!("projects/{id}/cycles/new")),
        )];
        if ctx.sees_ledger() {
            links.push((
                page.t("next-benefit"),
                page.href(&format!("projects/{id}/benefits/new")),
            ));
        }
        NextSteps {
            links,
            share: Self::share(page, viewer, ctx, "reading".into(), "next-share-reading"),
        }
    }

    /// After a benefit line is saved or a question answered: where to follow
    /// the claim, and another line.
    pub fn after_claim(page: &Page, ctx: &ProjectCtx) -> NextSteps {
        let id = ctx.project.id;
        let mut links = vec![(
            page.t("next-follow-claim"),
            format!("/{}", page.lang.code()),
        )];
        if ctx.can_edit() {
            links.push((
                page.t("next-another-benefit"),
                page.href(&format!("projects/{id}/benefits/new")),
            ));
        }
        NextSteps { links, share: None }
    }

    /// The steps offered after the save named by a project page's `?done=`.
    pub fn on_project(
        page: &Page,
        viewer: &Viewer,
        ctx: &ProjectCtx,
        done: Option<&str>,
    ) -> Option<NextSteps> {
        if !ctx.can_edit() {
            return None;
        }
        match done? {
            "reading" => Some(Self::after_reading(page, viewer, ctx)),
            "benefit" | "answered" => Some(Self::after_claim(page, ctx)),
            _ => None,
        }
    }
}
