//! Every route, for every role and for a signed-out visitor: the answer it gives.
//! Each later capability adds its rows here.

use crate::on_both;
use crate::support::{Client, TestApp, location};
use ymarfer_app::fixtures::{Firm, Line};
use ymarfer_domain::{Lang, Role, Scope};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Participant,
    Facilitator,
    Manager,
    Observer,
    Admin,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::Participant,
    Who::Facilitator,
    Who::Manager,
    Who::Observer,
    Who::Admin,
];

/// What a route should answer: a status, and for redirects where they lead.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    Status(u16),
    /// 303 to sign in, returning afterwards.
    SignIn,
    /// 303 to exactly this place.
    To(&'static str),
}

struct Row {
    method: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    expect: fn(Who) -> Expect,
}

fn public(status: u16) -> fn(Who) -> Expect {
    match status {
        200 => |_| Expect::Status(200),
        410 => |_| Expect::Status(410),
        422 => |_| Expect::Status(422),
        _ => unreachable!(),
    }
}

/// The table: one row per route (and per interesting case of it).
#[rustfmt::skip]
fn rows() -> Vec<Row> {
    use Expect::*;
    vec![
        Row { method: "GET", path: "/", form: &[], expect: |_| To("/en") },
        Row { method: "GET", path: "/en/", form: &[], expect: |_| Status(308) },
        Row { method: "GET", path: "/cy/", form: &[], expect: |_| Status(308) },
        Row { method: "GET", path: "/static/app.css", form: &[], expect: public(200) },
        Row { method: "GET", path: "/en", form: &[], expect: public(200) },
        Row { method: "GET", path: "/cy", form: &[], expect: public(200) },
        Row { method: "GET", path: "/healthz", form: &[], expect: public(200) },
        Row { method: "GET", path: "/en/sign-in", form: &[], expect: public(200) },
        Row { method: "POST", path: "/en/sign-in", form: &[("email", "x")], expect: public(422) },
        Row { method: "POST", path: "/en/sign-in/link", form: &[("link_email", "x")], expect: public(422) },
        Row { method: "GET", path: "/en/sign-in/link/0000", form: &[], expect: public(410) },
        Row { method: "POST", path: "/en/sign-in/link/0000", form: &[], expect: public(410) },
        Row { method: "GET", path: "/cy/reset-password", form: &[], expect: public(200) },
        Row { method: "POST", path: "/cy/reset-password", form: &[("email", "")], expect: public(422) },
        Row { method: "GET", path: "/en/reset-password/0000", form: &[], expect: public(410) },
        Row { method: "POST", path: "/en/reset-password/0000", form: &[], expect: public(410) },
        Row { method: "GET", path: "/en/invitation/0000", form: &[], expect: public(410) },
        Row { method: "POST", path: "/en/invitation/0000", form: &[], expect: public(410) },
        Row { method: "GET", path: "/en/setup/0000", form: &[], expect: public(410) },
        Row { method: "POST", path: "/en/setup/0000", form: &[], expect: public(410) },
        Row { method: "GET", path: "/en/profile", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "POST", path: "/en/profile", form: &[("display_name", "")], expect: |w| anyone(w, Status(422)) },
        Row { method: "POST", path: "/en/profile/password", form: &[("current", "x")], expect: |w| anyone(w, Status(422)) },
        Row { method: "POST", path: "/en/profile/sessions/999999/end", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/admin", form: &[], expect: |_| Status(303) },
        Row { method: "GET", path: "/en/admin", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/cy/admin", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/en/admin/users", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/en/leads/waiting", form: &[], expect: |w| admins(w, 200) },
        Row { method: "POST", path: "/en/leads/999999/programme", form: &[("programme", "1")], expect: |w| admins(w, 404) },
        Row { method: "POST", path: "/en/admin/users/invite", form: &[("email", "x")], expect: |w| admins(w, 422) },
        Row { method: "GET", path: "/en/no-such-page", form: &[], expect: |_| Status(404) },
        Row { method: "GET", path: "/calendar/0000.ics", form: &[], expect: |_| Status(404) },
        // Programmes.
        Row { method: "GET", path: "/en/programmes", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/new", form: &[], expect: |w| managers(w, 200) },
        Row { method: "POST", path: "/en/programmes/new", form: &[("name_en", "")], expect: |w| managers(w, 422) },
        Row { method: "GET", path: "/en/programmes/prog", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/nope", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/en/programmes/prog/edit", form: &[], expect: |w| managers(w, 200) },
        Row { method: "POST", path: "/en/programmes/prog/edit", form: &[("name_en", "")], expect: |w| managers(w, 422) },
        Row { method: "GET", path: "/en/programmes/prog/additionality", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/cy/programmes/prog/additionality", form: &[], expect: |w| managers(w, 200) },
        Row { method: "POST", path: "/en/programmes/prog/additionality", form: &[("deadweight", "101")], expect: |w| managers(w, 422) },
        Row { method: "POST", path: "/en/programmes/prog/team", form: &[("email", "x")], expect: |w| managers(w, 422) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/new", form: &[], expect: |w| managers(w, 200) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/new", form: &[("name_en", "")], expect: |w| managers(w, 422) },
        // A cohort.
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/nope", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/edit", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/edit", form: &[("name_en", "")], expect: |w| staff(w, Status(422)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/people", form: &[("email", "x")], expect: |w| staff(w, Status(422)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/people/999999/withdraw", form: &[], expect: |w| staff(w, Status(404)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/people/999999/readmit", form: &[], expect: |w| staff(w, Status(404)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/import", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/import", form: &[("csv", "")], expect: |w| staff(w, Status(400)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/people.csv", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/calendar", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/sessions/new", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/sessions/new", form: &[("title", "")], expect: |w| staff(w, Status(422)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/sessions/1", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/sessions/999", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/sessions/1/edit", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/sessions/1/edit", form: &[("title", "")], expect: |w| staff(w, Status(422)) },
        // The session's live room (code ACD3E4).
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/sessions/1/live", form: &[], expect: |w| staff(w, To("/en/live/ACD3E4/screen")) },
        Row { method: "GET", path: "/en/live", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/cy/live?code=acd-3e4", form: &[], expect: |w| anyone(w, To("/cy/live/ACD3E4")) },
        Row { method: "GET", path: "/en/live?code=XXXXXX", form: &[], expect: |w| anyone(w, Status(422)) },
        Row { method: "GET", path: "/en/live/ACD3E4", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/cy/live/ACD3E4/screen", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/live/ACD3E4/qr.svg", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/live/ACD3E4/events", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/live/ZZZZZZ", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "POST", path: "/en/live/ACD3E4/join", form: &[], expect: |w| member(w, To("/en/live/ACD3E4")) },
        Row { method: "POST", path: "/en/live/ACD3E4/notes", form: &[("heading", "people"), ("body", "")], expect: |w| member(w, Status(422)) },
        Row { method: "POST", path: "/en/live/ACD3E4/votes", form: &[("note", "x")], expect: |w| member(w, Status(400)) },
        Row { method: "POST", path: "/en/live/ACD3E4/done", form: &[], expect: |w| member(w, Status(404)) },
        Row { method: "POST", path: "/en/live/ACD3E4/plan", form: &[("tool", "")], expect: |w| staff(w, Status(422)) },
        Row { method: "POST", path: "/en/live/ACD3E4/advance", form: &[("activity", "x")], expect: |w| staff(w, Status(400)) },
        Row { method: "POST", path: "/en/live/ACD3E4/timer", form: &[("activity", "x")], expect: |w| staff(w, Status(400)) },
        Row { method: "POST", path: "/en/live/ACD3E4/prepare", form: &[("kind", "")], expect: |w| staff(w, Status(422)) },
        Row { method: "POST", path: "/cy/live/ACD3E4/answers", form: &[], expect: |w| member(w, Status(422)) },
        Row { method: "POST", path: "/en/live/ACD3E4/places", form: &[("note", "x")], expect: |w| member(w, Status(400)) },
        Row { method: "POST", path: "/en/live/ACD3E4/templates", form: &[("template_name", "")], expect: |w| staff(w, Status(422)) },
        Row { method: "POST", path: "/cy/live/ACD3E4/templates/apply", form: &[("template", "")], expect: |w| staff(w, Status(422)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/sessions/1/attendance", form: &[], expect: |w| staff(w, To("/en/programmes/prog/cohorts/cohort-1/sessions/1?done=attendance#register-heading")) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/sets", form: &[], expect: |w| if w == Who::Observer { Status(403) } else { anyone(w, Status(200)) } },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/sets/propose", form: &[], expect: |w| staff(w, To("/en/programmes/prog/cohorts/cohort-1/sets")) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/sets/move", form: &[("user_id", "0")], expect: |w| staff(w, Status(400)) },
        // Organisations: 1 takes part in this programme, 2 only in programme B.
        Row { method: "GET", path: "/en/organisations", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "GET", path: "/en/organisations?after=1", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "GET", path: "/en/organisations/new", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "POST", path: "/en/organisations/new", form: &[("name", "")], expect: |w| staff(w, Status(422)) },
        Row { method: "GET", path: "/en/organisations/1", form: &[], expect: |w| firm(w, Status(200)) },
        Row { method: "GET", path: "/en/organisations/1/edit", form: &[], expect: |w| firm(w, Status(200)) },
        Row { method: "POST", path: "/en/organisations/1/edit", form: &[("name", "")], expect: |w| firm(w, Status(422)) },
        Row { method: "POST", path: "/en/organisations/1/innovation", form: &[("stage", "x")], expect: |w| firm(w, Status(400)) },
        Row { method: "GET", path: "/en/organisations/999999", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/en/organisations/999999/edit", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "POST", path: "/en/organisations/999999/innovation", form: &[("stage", "end")], expect: |w| anyone(w, Status(404)) },
        // Toolkit and projects (project 1 is another firm's, visible to the cohort).
        Row { method: "GET", path: "/en/toolkit", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/cy/toolkit/value-stream-map", form: &[], expect: public(200) },
        Row { method: "GET", path: "/en/toolkit/nope", form: &[], expect: |_| Status(404) },
        Row { method: "GET", path: "/en/programmes/prog/tools", form: &[], expect: |w| managers(w, 200) },
        Row { method: "POST", path: "/en/programmes/prog/tools", form: &[("definition", "x")], expect: |w| managers(w, 422) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/projects", form: &[], expect: |w| if w == Who::Observer { Status(403) } else { anyone(w, Status(200)) } },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/projects/new", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/projects/new", form: &[("title", "")], expect: |w| staff(w, Status(422)) },
        Row { method: "GET", path: "/en/projects/1", form: &[], expect: |w| project(w, Status(200), Status(200)) },
        Row { method: "GET", path: "/en/projects/999", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/en/projects/1/edit", form: &[], expect: |w| project(w, Status(200), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/edit", form: &[("title", "")], expect: |w| project(w, Status(422), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/approve", form: &[], expect: |w| project(w, Status(400), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/readings", form: &[("value", "x")], expect: |w| project(w, Status(422), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/cycles/new", form: &[], expect: |w| project(w, Status(200), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/cycles/new", form: &[("change_idea", "")], expect: |w| project(w, Status(422), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/cycles/1", form: &[], expect: |w| project(w, Status(200), Status(200)) },
        Row { method: "GET", path: "/en/projects/1/cycles/1/edit", form: &[], expect: |w| project(w, Status(200), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/cycles/9", form: &[], expect: |w| project(w, Status(404), Status(404)) },
        Row { method: "GET", path: "/en/projects/1/cycles/9/edit", form: &[], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/readings/999", form: &[], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/readings/999", form: &[("value", "x")], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/readings/999/remove", form: &[], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/tools/sipoc", form: &[], expect: |w| project(w, Status(200), Status(200)) },
        Row { method: "POST", path: "/en/projects/1/tools/sipoc", form: &[], expect: |w| project(w, Status(422), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/tools/nope", form: &[], expect: |w| project(w, Status(404), Status(404)) },
        Row { method: "GET", path: "/en/projects/1/tools/sipoc/versions/1", form: &[], expect: |w| project(w, Status(404), Status(404)) },
        // The ledger and impact.
        Row { method: "GET", path: "/en/projects/1/benefits/new", form: &[], expect: |w| project(w, Status(200), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/new", form: &[("description", "")], expect: |w| project(w, Status(422), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/benefits/999", form: &[], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/999/verify", form: &[("version", "1")], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/1/verify", form: &[("version", "x")], expect: |w| project(w, Status(400), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/1/verify", form: &[("version", "1")], expect: |w| project(w, Status(422), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/1/verify", form: &[("version", "1"), ("decision", "return"), ("note", "")], expect: |w| project(w, Status(422), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/1/verify", form: &[("version", "1"), ("decision", "maybe"), ("note", "Seen")], expect: |w| project(w, Status(422), Status(403)) },
        Row { method: "GET", path: "/cy/projects/1/benefits/1/verify", form: &[], expect: |w| project(w, Status(200), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/benefits/999/verify", form: &[], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "GET", path: "/en/programmes/prog/claims", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/claims?cohort=cohort-1", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "GET", path: "/en/projects/1/benefits/1/answer", form: &[], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/1/answer", form: &[("version", "x")], expect: |w| project(w, Status(400), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/1/answer", form: &[("version", "1"), ("answer", "The invoices")], expect: |w| project(w, To("/en/projects/1/benefits/1"), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/benefits/1/reopen", form: &[], expect: |w| project(w, Status(404), Status(403)) },
        Row { method: "POST", path: "/en/projects/1/benefits/1/reopen", form: &[("version", "x")], expect: |w| project(w, Status(400), Status(403)) },
        Row { method: "GET", path: "/en/projects/1/case-study", form: &[], expect: |w| project(w, Status(404), Status(404)) },
        Row { method: "GET", path: "/en/programmes/prog/impact", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/cy/programmes/prog/cohorts/cohort-1/impact", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/reports/impact.csv", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/reports/impact.xlsx", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/reports/impact.csv", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/cy/programmes/prog/cohorts/cohort-1/reports/impact.xlsx", form: &[], expect: |w| managers(w, 200) },
        // The funder return, its downloads and a firm's subsidy notice: the programme's managers.
        Row { method: "GET", path: "/en/programmes/prog/returns", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/cy/programmes/prog/returns", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/en/programmes/prog/returns/return.csv", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/cy/programmes/prog/returns/return.xlsx", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/en/programmes/prog/returns/return.pdf", form: &[], expect: |w| managers(w, 404) },
        Row { method: "GET", path: "/en/programmes/prog/returns/subsidy/1", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/cy/programmes/prog/returns/subsidy/1", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/en/programmes/prog/returns/subsidy/2", form: &[], expect: |w| managers(w, 404) },
        Row { method: "GET", path: "/en/programmes/prog/returns/indicators", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/cy/programmes/prog/returns/indicators", form: &[], expect: |w| managers(w, 200) },
        Row { method: "POST", path: "/en/programmes/prog/returns/indicators", form: &[("form", "add"), ("code", "")], expect: |w| managers(w, 422) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/reports/nope", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/en/programmes/prog/reports/nope", form: &[], expect: |w| anyone(w, Status(404)) },
        // The public health check, its leads and the funnel.
        Row { method: "GET", path: "/health-check", form: &[], expect: public(200) },
        Row { method: "GET", path: "/en/health-check", form: &[], expect: public(200) },
        Row { method: "GET", path: "/cy/health-check?source=council", form: &[], expect: public(200) },
        Row { method: "POST", path: "/en/health-check", form: &[], expect: |_| Status(303) },
        Row { method: "GET", path: "/en/health-check/0000/1", form: &[], expect: |_| Status(404) },
        Row { method: "POST", path: "/en/health-check/0000/1", form: &[("answer", "C")], expect: |_| Status(404) },
        Row { method: "GET", path: "/en/health-check/0000/result", form: &[], expect: |_| Status(404) },
        Row { method: "POST", path: "/en/health-check/0000/interest", form: &[("name", "x")], expect: |_| Status(404) },
        Row { method: "GET", path: "/en/health-check/0000/thanks", form: &[], expect: |_| Status(404) },
        Row { method: "GET", path: "/en/programmes/prog/leads", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/en/programmes/prog/leads/999", form: &[], expect: |w| managers(w, 404) },
        Row { method: "POST", path: "/en/programmes/prog/leads/999", form: &[("status", "new")], expect: |w| managers(w, 404) },
        Row { method: "POST", path: "/en/programmes/prog/leads/999/invite", form: &[("cohort", "1")], expect: |w| managers(w, 404) },
        Row { method: "GET", path: "/en/admin/audit", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/en/admin/smes", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/en/privacy", form: &[], expect: public(200) },
        Row { method: "GET", path: "/en/admin/users?q=example", form: &[], expect: |w| admins(w, 200) },
        Row { method: "POST", path: "/en/admin/users/999999/suspend", form: &[], expect: |w| admins(w, 404) },
        Row { method: "POST", path: "/en/admin/users/999999/reactivate", form: &[], expect: |w| admins(w, 404) },
        Row { method: "POST", path: "/en/admin/users/999999/sign-out", form: &[], expect: |w| admins(w, 404) },
        Row { method: "GET", path: "/cy/profile/data.zip", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/admin/users/999999/erase", form: &[], expect: |w| admins(w, 404) },
        Row { method: "POST", path: "/en/admin/users/999999/erase", form: &[("confirm", "x")], expect: |w| admins(w, 404) },
        Row { method: "POST", path: "/en/admin/smes", form: &[("counts", "Atlantis,5")], expect: |w| admins(w, 422) },
        Row { method: "GET", path: "/en/admin/audit?format=csv&action=sign_in", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/en/programmes/prog/audit", form: &[], expect: |w| managers(w, 200) },
        Row { method: "GET", path: "/en/programmes/prog-b/audit", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/scenarios", form: &[], expect: |w| match w {
            Who::Anonymous => SignIn,
            Who::Manager | Who::Admin | Who::Observer => Status(200),
            _ => Status(403),
        } },
        Row { method: "GET", path: "/cy/programmes/prog/scenarios?cohorts=0", form: &[], expect: |w| match w {
            Who::Anonymous => SignIn,
            Who::Manager | Who::Admin | Who::Observer => Status(422),
            _ => Status(403),
        } },
        Row { method: "GET", path: "/en/programmes/prog-b/scenarios", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/funnel", form: &[], expect: |w| match w {
            Who::Anonymous => SignIn,
            Who::Manager | Who::Admin | Who::Observer => Status(200),
            _ => Status(403),
        } },
        // Capability and follow-ups.
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/capability", form: &[], expect: |w| participants(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/capability", form: &[("stage", "x")], expect: |w| participants(w, Status(400)) },
        Row { method: "GET", path: "/cy/follow-up/0000", form: &[], expect: |_| Status(410) },
        Row { method: "POST", path: "/en/follow-up/0000", form: &[], expect: |_| Status(410) },
        // Calendars.
        Row { method: "POST", path: "/en/profile/calendar", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "POST", path: "/en/profile/calendar/revoke", form: &[], expect: |w| anyone(w, To("/en/profile?done=calendar-revoked")) },
        // Programme B, where nobody but the administrator has a role: everything
        // that belongs to it alone is hidden from programme A's people.
        Row { method: "GET", path: "/en/programmes/prog-b", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/edit", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog-b/team", form: &[("email", "x")], expect: |w| outsider(w, Status(422)) },
        Row { method: "GET", path: "/en/programmes/prog-b/additionality", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog-b/additionality", form: &[("deadweight", "x")], expect: |w| outsider(w, Status(422)) },
        Row { method: "GET", path: "/en/programmes/prog-b/tools", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/impact", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/reports/impact.csv", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/reports/impact.xlsx", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/returns", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/returns/subsidy/2", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/returns/indicators", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog-b/returns/indicators", form: &[("form", "add"), ("code", "")], expect: |w| outsider(w, Status(422)) },
        Row { method: "GET", path: "/en/programmes/prog-b/cohorts/cohort-1", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/cohorts/cohort-1/impact", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/cohorts/cohort-1/reports/impact.csv", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/cohorts/cohort-1/people.csv", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog-b/cohorts/cohort-1/people", form: &[("email", "x")], expect: |w| outsider(w, Status(422)) },
        Row { method: "GET", path: "/en/programmes/prog-b/cohorts/cohort-1/projects", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/cohorts/cohort-1/sessions/2", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/cohorts/cohort-1/capability", form: &[], expect: |w| outsider(w, Status(403)) },
        Row { method: "GET", path: "/en/organisations/2", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/organisations/2/edit", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "POST", path: "/en/organisations/2/edit", form: &[("name", "")], expect: |w| outsider(w, Status(422)) },
        Row { method: "POST", path: "/en/organisations/2/innovation", form: &[("stage", "x")], expect: |w| outsider(w, Status(400)) },
        Row { method: "GET", path: "/en/projects/2", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/projects/2/edit", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/projects/2/benefits/new", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/projects/2/benefits/1", form: &[], expect: |w| outsider(w, Status(404)) },
        Row { method: "GET", path: "/en/programmes/prog-b/claims", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/leads", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/funnel", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/projects/2/benefits/2/verify", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "POST", path: "/en/projects/2/benefits/2/verify", form: &[("version", "1"), ("note", "Invoices seen")], expect: |w| outsider(w, To("/en/projects/2?done=verified#ledger")) },
        Row { method: "GET", path: "/en/projects/2/benefits/2/reopen", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "POST", path: "/en/projects/2/benefits/2/reopen", form: &[("version", "1"), ("reason", "")], expect: |w| outsider(w, Status(422)) },
        Row { method: "POST", path: "/en/projects/2/benefits/2/reopen", form: &[("version", "1"), ("reason", "Invoices were for another site")], expect: |w| outsider(w, To("/en/projects/2?done=reopened#ledger")) },
        Row { method: "POST", path: "/en/projects/2/approve", form: &[], expect: |w| outsider(w, Status(400)) },
        Row { method: "GET", path: "/en/projects/2/case-study", form: &[], expect: |w| outsider(w, Status(404)) },
        // Last: these end the session.
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/space", form: &[], expect: |w| member(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/space?kind=tool&person=1&before=9", form: &[], expect: |w| member(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/space", form: &[("body", "")], expect: |w| member(w, Status(400)) },
        Row { method: "GET", path: "/en/attachments/1", form: &[], expect: |w| post(w, Status(200)) },
        Row { method: "GET", path: "/en/attachments/1/thumb", form: &[], expect: |w| post(w, Status(200)) },
        Row { method: "GET", path: "/en/attachments/999", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "POST", path: "/en/projects/1/attachments", form: &[], expect: |w| project(w, Status(400), Status(403)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/space/new?after=0", form: &[], expect: |w| member(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog-b/cohorts/cohort-1/space", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/posts/1", form: &[], expect: |w| post(w, Status(200)) },
        Row { method: "GET", path: "/en/posts/3", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/posts/999", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "POST", path: "/en/posts/1/comments", form: &[("body", "")], expect: |w| post(w, Status(422)) },
        Row { method: "POST", path: "/en/posts/3/comments", form: &[("body", "x")], expect: |w| outsider(w, Status(303)) },
        Row { method: "GET", path: "/en/posts/1/edit", form: &[], expect: |w| post(w, Status(403)) },
        Row { method: "POST", path: "/en/posts/1/edit", form: &[("body", "")], expect: |w| post(w, Status(403)) },
        Row { method: "POST", path: "/en/posts/2/delete", form: &[], expect: |w| moderators(w, To("/en/programmes/prog/cohorts/cohort-1/space?done=deleted")) },
        Row { method: "POST", path: "/en/posts/2/restore", form: &[], expect: |w| moderators(w, To("/en/posts/2?done=restored#item-2")) },
        Row { method: "POST", path: "/en/posts/1/react", form: &[("kind", "x")], expect: |w| post(w, Status(400)) },
        Row { method: "POST", path: "/en/posts/1/feedback", form: &[("strong", "")], expect: |w| post(w, Status(422)) },
        Row { method: "POST", path: "/en/posts/1/ask", form: &[], expect: |w| post(w, Status(403)) },
        Row { method: "POST", path: "/en/projects/1/share", form: &[("what", "x")], expect: |w| project(w, Status(400), Status(403)) },
        Row { method: "POST", path: "/en/projects/2/share", form: &[("what", "x")], expect: |w| outsider(w, Status(400)) },
        Row { method: "GET", path: "/en/notices", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/en/admin/programmes", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/cy/admin/jobs", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/en/admin/mail", form: &[], expect: |w| admins(w, 200) },
        Row { method: "GET", path: "/en/programmes/prog/alumni", form: &[], expect: |w| managers_and_admins(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/alumni", form: &[], expect: |w| managers_and_admins(w, Status(400)) },
        Row { method: "GET", path: "/en/programmes/nope/alumni", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/en/programmes/prog/cohorts/cohort-1/engagement", form: &[], expect: |w| staff(w, Status(200)) },
        Row { method: "GET", path: "/cy/programmes/prog-b/cohorts/cohort-1/engagement", form: &[], expect: |w| outsider(w, Status(200)) },
        Row { method: "GET", path: "/en/programmes/prog/showcase", form: &[], expect: |_| Status(200) },
        Row { method: "GET", path: "/cy/programmes/prog-b/showcase?waste=waiting&page=1", form: &[], expect: |_| Status(200) },
        Row { method: "GET", path: "/en/programmes/nope/showcase", form: &[], expect: |_| Status(404) },
        Row { method: "POST", path: "/en/profile/notices", form: &[("mode", "x")], expect: |w| anyone(w, Status(400)) },
        // Personal access tokens and the API's human page.
        Row { method: "GET", path: "/en/profile/tokens", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "POST", path: "/en/profile/tokens", form: &[("name", "")], expect: |w| anyone(w, Status(422)) },
        Row { method: "POST", path: "/en/profile/tokens/999999/revoke", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "GET", path: "/en/api", form: &[], expect: public(200) },
        Row { method: "GET", path: "/cy/api", form: &[], expect: public(200) },
        Row { method: "GET", path: "/en/unsubscribe/0000", form: &[], expect: |_| Status(404) },
        Row { method: "POST", path: "/cy/unsubscribe/0000", form: &[], expect: |_| Status(404) },
        Row { method: "GET", path: "/en/search?q=First", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/cy/search", form: &[], expect: |w| anyone(w, Status(200)) },
        // Snippets of what people typed, found in the other language.
        Row { method: "GET", path: "/en/search?q=aros", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "GET", path: "/cy/search?q=stall", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/sessions/1/commitments", form: &[("commitment", "")], expect: |w| member(w, Status(422)) },
        Row { method: "POST", path: "/en/programmes/prog/cohorts/cohort-1/sessions/1/check-in", form: &[("commitment", "1")], expect: |w| member(w, Status(422)) },
        Row { method: "POST", path: "/en/programmes/prog-b/cohorts/cohort-1/sessions/2/commitments", form: &[("commitment", "")], expect: |w| outsider(w, Status(422)) },
        Row { method: "GET", path: "/en/log", form: &[], expect: |w| anyone(w, Status(200)) },
        Row { method: "POST", path: "/en/log", form: &[("reflection", "")], expect: |w| anyone(w, Status(422)) },
        Row { method: "POST", path: "/en/log/999/share", form: &[], expect: |w| anyone(w, Status(404)) },
        Row { method: "POST", path: "/en/notices/read", form: &[], expect: |w| anyone(w, To("/en/notices?done=read")) },
        Row { method: "POST", path: "/en/sign-out", form: &[], expect: |_| To("/en") },
        Row { method: "POST", path: "/en/profile/sign-out-everywhere", form: &[], expect: |_| SignIn },
    ]
}

/// A project another firm owns, visible to its cohort: staff get `staff_gets`, the
/// cohort's participant `participant_gets`, observers see nothing of it.
fn project(w: Who, staff_gets: Expect, participant_gets: Expect) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Observer => Expect::Status(404),
        Who::Participant => participant_gets,
        _ => staff_gets,
    }
}

/// Organisation 1, taking part in this programme: its staff get `ok`; the
/// programme's participants and observers cannot tell it exists.
fn firm(w: Who, ok: Expect) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Participant | Who::Observer => Expect::Status(404),
        _ => ok,
    }
}

/// Something of programme B alone: the administrator gets `admin_gets`; the
/// people of programme A get 404, as if it did not exist.
fn outsider(w: Who, admin_gets: Expect) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Admin => admin_gets,
        _ => Expect::Status(404),
    }
}

/// The cohort's participants get `ok`; everyone else signed in, 403.
fn participants(w: Who, ok: Expect) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Participant => ok,
        _ => Expect::Status(403),
    }
}

/// The cohort space: its participants and staff get `ok`; the programme's
/// observer is refused.
fn member(w: Who, ok: Expect) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Observer => Expect::Status(403),
        _ => ok,
    }
}

/// An item of the cohort space by another person: the space's people get
/// `ok`; to the observer it does not exist.
fn post(w: Who, ok: Expect) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Observer => Expect::Status(404),
        _ => ok,
    }
}

/// Moderating an item of the space: its staff get `ok`, a participant 403.
fn moderators(w: Who, ok: Expect) -> Expect {
    match w {
        Who::Participant => Expect::Status(403),
        _ => post(w, ok),
    }
}

/// The alumni space of a programme with no finished cohort: its programme-wide
/// staff (the manager) and administrators get `ok`; the cohort's people and
/// the observer are refused.
fn managers_and_admins(w: Who, ok: Expect) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Manager | Who::Admin => ok,
        _ => Expect::Status(403),
    }
}

/// Anyone signed in gets `ok`; a visitor is sent to sign in.
fn anyone(w: Who, ok: Expect) -> Expect {
    if w == Who::Anonymous {
        Expect::SignIn
    } else {
        ok
    }
}

/// Administrators get `status`; everyone else signed in, 403.
fn admins(w: Who, status: u16) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Admin => Expect::Status(status),
        _ => Expect::Status(403),
    }
}

/// Programme managers and administrators get `status`; other roles 403.
fn managers(w: Who, status: u16) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Manager | Who::Admin => Expect::Status(status),
        _ => Expect::Status(403),
    }
}

/// The cohort's staff (facilitators), programme managers and administrators get
/// `ok`; participants and observers 403.
fn staff(w: Who, ok: Expect) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Manager | Who::Admin | Who::Facilitator => ok,
        _ => Expect::Status(403),
    }
}

/// A call of the JSON API, with a read-write token of the role for every
/// programme; a visitor sends none.
struct ApiRow {
    method: &'static str,
    path: &'static str,
    body: &'static str,
    expect: fn(Who) -> u16,
}

/// With a token: `ok` for those `who` admits, otherwise `refused`; 401 without.
fn api(w: Who, admits: fn(Who) -> bool, ok: u16, refused: u16) -> u16 {
    match w {
        Who::Anonymous => 401,
        w if admits(w) => ok,
        _ => refused,
    }
}

fn everyone(_: Who) -> bool {
    true
}
fn cohort_staff(w: Who) -> bool {
    matches!(w, Who::Facilitator | Who::Manager | Who::Admin)
}
fn programme_managers(w: Who) -> bool {
    matches!(w, Who::Manager | Who::Admin)
}
fn not_observer(w: Who) -> bool {
    w != Who::Observer
}
fn admin_only(w: Who) -> bool {
    w == Who::Admin
}

/// The API's table: one row per operation (and per interesting case of it).
#[rustfmt::skip]
fn api_rows() -> Vec<ApiRow> {
    vec![
        ApiRow { method: "GET", path: "/api/v1/openapi.json", body: "", expect: |_| 200 },
        ApiRow { method: "GET", path: "/api/v1/nowhere", body: "", expect: |_| 404 },
        ApiRow { method: "DELETE", path: "/api/v1/programmes", body: "", expect: |w| api(w, everyone, 405, 405) },
        ApiRow { method: "GET", path: "/api/v1/me", body: "", expect: |w| api(w, everyone, 200, 0) },
        ApiRow { method: "GET", path: "/api/v1/programmes", body: "", expect: |w| api(w, everyone, 200, 0) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog", body: "", expect: |w| api(w, everyone, 200, 0) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog-b", body: "", expect: |w| api(w, admin_only, 200, 404) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/cohorts", body: "", expect: |w| api(w, everyone, 200, 0) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/organisations", body: "", expect: |w| api(w, cohort_staff, 200, 404) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog-b/organisations", body: "", expect: |w| api(w, admin_only, 200, 404) },
        ApiRow { method: "GET", path: "/api/v1/organisations/1", body: "", expect: |w| api(w, cohort_staff, 200, 404) },
        ApiRow { method: "GET", path: "/api/v1/organisations/2", body: "", expect: |w| api(w, admin_only, 200, 404) },
        ApiRow { method: "GET", path: "/api/v1/organisations/x", body: "", expect: |w| api(w, everyone, 400, 0) },
        ApiRow { method: "PUT", path: "/api/v1/organisations/1/rate", body: r#"{"hourly_rate":"lots"}"#, expect: |w| api(w, cohort_staff, 422, 404) },
        ApiRow { method: "PUT", path: "/api/v1/organisations/2/rate", body: r#"{"hourly_rate":"lots"}"#, expect: |w| api(w, admin_only, 422, 404) },
        ApiRow { method: "POST", path: "/api/v1/programmes/prog/cohorts/cohort-1/posts", body: r#"{"body":""}"#, expect: |w| match w { Who::Observer => 403, _ => api(w, everyone, 422, 0) } },
        ApiRow { method: "POST", path: "/api/v1/programmes/prog-b/cohorts/cohort-1/posts", body: r#"{"body":""}"#, expect: |w| api(w, admin_only, 422, 404) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/impact", body: "", expect: |w| api(w, everyone, 200, 0) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/returns", body: "", expect: |w| api(w, programme_managers, 200, 403) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/returns?period=2026-q9", body: "", expect: |w| api(w, programme_managers, 400, 403) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog-b/returns", body: "", expect: |w| api(w, admin_only, 200, 404) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/leads", body: "", expect: |w| api(w, programme_managers, 200, 403) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/leads/999", body: "", expect: |w| api(w, programme_managers, 404, 403) },
        ApiRow { method: "PATCH", path: "/api/v1/programmes/prog/leads/999", body: r#"{"status":"closed"}"#, expect: |w| api(w, programme_managers, 404, 403) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/cohorts/cohort-1/projects", body: "", expect: |w| api(w, not_observer, 200, 403) },
        ApiRow { method: "GET", path: "/api/v1/programmes/prog/cohorts/cohort-1/sessions", body: "", expect: |w| api(w, everyone, 200, 0) },
        ApiRow { method: "PUT", path: "/api/v1/programmes/prog/cohorts/cohort-1/sessions/1/attendance", body: r#"{"marks":[]}"#, expect: |w| api(w, cohort_staff, 200, 403) },
        ApiRow { method: "PUT", path: "/api/v1/programmes/prog/cohorts/cohort-1/sessions/2/attendance", body: r#"{"marks":[]}"#, expect: |w| api(w, cohort_staff, 404, 403) },
        ApiRow { method: "GET", path: "/api/v1/projects/1", body: "", expect: |w| api(w, not_observer, 200, 404) },
        ApiRow { method: "GET", path: "/api/v1/projects/2", body: "", expect: |w| api(w, admin_only, 200, 404) },
        // The ledger only to those the project page shows it to: the participant sees the project, not its ledger.
        ApiRow { method: "GET", path: "/api/v1/projects/1/benefits", body: "", expect: |w| match w { Who::Participant => 403, _ => api(w, not_observer, 200, 404) } },
        ApiRow { method: "POST", path: "/api/v1/projects/1/readings", body: r#"{"taken_on":"","value":""}"#, expect: |w| match w { Who::Participant => 403, _ => api(w, cohort_staff, 422, 404) } },
        ApiRow { method: "POST", path: "/api/v1/projects/1/cycles", body: r#"{"change_idea":""}"#, expect: |w| match w { Who::Participant => 403, _ => api(w, cohort_staff, 422, 404) } },
        ApiRow { method: "POST", path: "/api/v1/projects/1/benefits", body: r#"{"description":""}"#, expect: |w| match w { Who::Participant => 403, _ => api(w, cohort_staff, 422, 404) } },
        ApiRow { method: "POST", path: "/api/v1/projects/2/benefits", body: r#"{"description":""}"#, expect: |w| api(w, admin_only, 422, 404) },
        // Reviewing a claim: the cohort's staff only; a participant may not, an observer cannot tell it exists.
        ApiRow { method: "POST", path: "/api/v1/projects/1/benefits/1/review", body: r#"{"version":1,"decision":"reject","note":""}"#, expect: |w| match w { Who::Participant => 403, _ => api(w, cohort_staff, 422, 404) } },
        ApiRow { method: "POST", path: "/api/v1/projects/1/benefits/1/answer", body: r#"{"version":1,"answer":""}"#, expect: |w| match w { Who::Participant => 403, _ => api(w, cohort_staff, 422, 404) } },
        ApiRow { method: "POST", path: "/api/v1/projects/1/benefits/999/review", body: r#"{"version":1,"decision":"verify","note":"Seen"}"#, expect: |w| match w { Who::Participant => 403, _ => api(w, cohort_staff, 404, 404) } },
        ApiRow { method: "POST", path: "/api/v1/projects/2/benefits/2/review", body: r#"{"version":1,"decision":"return","note":""}"#, expect: |w| api(w, admin_only, 422, 404) },
        ApiRow { method: "POST", path: "/api/v1/projects/2/readings", body: r#"{"taken_on":"","value":""}"#, expect: |w| api(w, admin_only, 422, 404) },
    ]
}

/// A read-write token for every programme, for the person `who` signs in as.
async fn api_token(app: &TestApp, who: Who) -> Option<String> {
    let email = match who {
        Who::Anonymous => return None,
        Who::Participant => "participant@example.com",
        Who::Facilitator => "facilitator@example.com",
        Who::Manager => "manager@example.com",
        Who::Observer => "observer@example.com",
        Who::Admin => "admin@example.com",
    };
    let user = app
        .db
        .user_by_email(&ymarfer_domain::Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap();
    Some(crate::api::token_for(app, user.id, true, None).await)
}

async fn client_for(app: &TestApp, who: Who, programme: i64, cohort: i64) -> Client {
    let c = app.client();
    let (email, role) = match who {
        Who::Anonymous => return c,
        Who::Participant => (
            "participant@example.com",
            Some((Role::Participant, Scope::Cohort { programme, cohort })),
        ),
        Who::Facilitator => (
            "facilitator@example.com",
            Some((Role::Facilitator, Scope::Cohort { programme, cohort })),
        ),
        Who::Manager => (
            "manager@example.com",
            Some((Role::ProgrammeManager, Scope::Programme(programme))),
        ),
        Who::Observer => (
            "observer@example.com",
            Some((Role::Observer, Scope::Programme(programme))),
        ),
        Who::Admin => ("admin@example.com", None),
    };
    let user = app.user(email, Lang::En, who == Who::Admin).await;
    if let Some((role, scope)) = role {
        app.db.grant(user.id, role, scope).await.unwrap();
    }
    c.sign_in(email).await;
    c
}

async fn every_route_for_every_role(app: TestApp) {
    let (programme, cohort) = app
        .db
        .create_programme_with_cohort("prog", "Programme")
        .await
        .unwrap();
    let start = chrono::Utc::now() + chrono::Duration::days(7);
    let meeting = ymarfer_store::schedule::MeetingInput {
        title: "Mapping the process".into(),
        kind: ymarfer_domain::programme::SessionKind::Workshop,
        starts_at: start,
        ends_at: start + chrono::Duration::hours(2),
        ..Default::default()
    };
    assert_eq!(app.db.create_meeting(cohort, &meeting).await.unwrap().id, 1);
    // Session 1 runs live, with a known code and one activity waiting.
    let host = app.user("host@example.com", Lang::En, false).await;
    let (live, _) = app
        .db
        .start_live(
            1,
            "ACD3E4",
            host.id,
            start + chrono::Duration::hours(2),
            &Default::default(),
        )
        .await
        .unwrap()
        .unwrap();
    app.db
        .plan_live_activity(live.id, "fishbone", ("", "en"), 3)
        .await
        .unwrap();
    let org = Firm::named("Another Firm")
        .add(&app.db, programme)
        .await
        .unwrap();
    // What people type keeps the language they wrote it in: project 1, and
    // what is done on it, in Welsh (each with the word "crempogau"), project 2
    // in English ("pancake"); pages in the other language must mark them.
    let project = ymarfer_store::projects::ProjectInput {
        title: "Crempogau heb aros".into(),
        problem: "Mae cwsmeriaid y crempogau yn aros".into(),
        aim_measure: "Munudau o aros am y crempogau".into(),
        business_function: "production".into(),
        status: ymarfer_domain::projects::ProjectStatus::Testing,
        visibility: ymarfer_domain::projects::Visibility::Cohort,
        lang: Lang::Cy,
        ..Default::default()
    };
    assert_eq!(
        app.db
            .create_project(cohort, org.id, &project, None)
            .await
            .unwrap()
            .id,
        1
    );
    let owner = app.user("owner@another.firm", Lang::En, false).await;
    app.db
        .enrol(programme, cohort, owner.id, Some(org.id), None)
        .await
        .unwrap();
    welsh_work_on_project_1(&app, owner.id).await;
    // Line 1 is on project 1; B's session 2, organisation 2, project 2 and line 2.
    let line = Line::weekly("Less waiting", 1000)
        .category(ymarfer_domain::impact::Category::LabourTime)
        .savings(ymarfer_domain::impact::SavingsType::Soft)
        .starting(chrono::Utc::now().date_naive());
    line.add(&app.db, 1, None).await.unwrap();
    let (programme_b, cohort_b) = app
        .db
        .create_programme_with_cohort("prog-b", "Programme B")
        .await
        .unwrap();
    assert_eq!(
        app.db.create_meeting(cohort_b, &meeting).await.unwrap().id,
        2
    );
    let org_b = Firm::named("Firm of B")
        .add(&app.db, programme_b)
        .await
        .unwrap();
    assert_eq!(org_b.id, 2);
    let english = ymarfer_store::projects::ProjectInput {
        title: "Less waiting at the pancake stall".into(),
        problem: "Customers of the pancake stall wait".into(),
        aim_measure: "Minutes waiting at the pancake stall".into(),
        lang: Lang::En,
        ..project.clone()
    };
    assert_eq!(
        app.db
            .create_project(cohort_b, org_b.id, &english, None)
            .await
            .unwrap()
            .id,
        2
    );
    line.add(&app.db, 2, None).await.unwrap();
    // Posts 1 and 2 by the firm's owner in the cohort; post 3 in programme B.
    for (cohort, text) in [
        (cohort, "First, from the pancake stall"),
        (cohort, "Second"),
        (cohort_b, "Of B"),
    ] {
        app.db
            .add_item(
                &ymarfer_store::space::NewItem {
                    cohort,
                    parent: None,
                    author: owner.id,
                    kind: ymarfer_domain::space::ItemKind::Post,
                    project: None,
                    tool_id: None,
                    ref_id: None,
                    body: text,
                    lang: Lang::En,
                    alumni: None,
                },
                &[],
            )
            .await
            .unwrap();
    }
    // Feedback on post 1, in Welsh.
    app.db
        .add_feedback(
            1,
            owner.id,
            &ymarfer_store::space::FeedbackInput {
                strong: "Syniad da am y crempogau".into(),
                lang: Lang::Cy,
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    // Post 4, with a photo (attachment 1).
    let photo = ymarfer_app::files::prepare("map.png", &crate::space::png()).unwrap();
    let photo = app.state.files.put(photo).await.unwrap();
    app.db
        .add_item_with(
            &ymarfer_store::space::NewItem {
                cohort,
                parent: None,
                author: owner.id,
                kind: ymarfer_domain::space::ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body: "A photo",
                lang: Lang::En,
                alumni: None,
            },
            &[],
            &[photo],
        )
        .await
        .unwrap();
    let mut failures = Vec::new();
    let href = regex::Regex::new(r##"href="(/[^"#]*)"##).unwrap();
    // Every page this test reaches is also checked for valid HTML, in both
    // languages. The pages are the same on either database, and the checker
    // takes a while, so this is done on SQLite only.
    let check_html = app.db.backend() == ymarfer_store::Backend::Sqlite;
    let mut pages = Pages::default();
    // How many pages each person reached, for the failure message.
    let mut crawled = Vec::new();
    for who in EVERYONE {
        let c = client_for(&app, who, programme, cohort).await;
        // Every link on the pages this person sees, to follow afterwards.
        let mut links = std::collections::BTreeSet::new();
        // The pages this person reached (200, HTML), by path.
        let mut reached = std::collections::BTreeSet::new();
        for row in rows() {
            let res = match row.method {
                "GET" => c.get(row.path).await,
                _ => c.post(row.path, row.form).await,
            };
            let status = res.status().as_u16();
            let to = location(&res);
            let html = res
                .headers()
                .get("content-type")
                .is_some_and(|t| t.to_str().unwrap_or_default().starts_with("text/html"));
            if row.method == "GET" && status == 200 && html {
                let body = res.text().await.unwrap_or_default();
                reached.insert(row.path.to_string());
                if check_html {
                    pages.add(who, row.path, &body);
                }
                for link in href.captures_iter(&body) {
                    let link = link[1].replace("&amp;", "&");
                    if !link.starts_with("/static/") && !link.ends_with(".ics") {
                        links.insert((row.path, link));
                    }
                }
            }
            let got_ok = match (row.expect)(who) {
                Expect::Status(s) => status == s,
                Expect::SignIn => {
                    status == 303
                        && (to.starts_with("/en/sign-in") || to.starts_with("/cy/sign-in"))
                }
                Expect::To(place) => status == 303 && to == place,
            };
            if !got_ok {
                failures.push(format!(
                    "{who:?} {} {}: expected {:?}, got {status} {to}",
                    row.method,
                    row.path,
                    (row.expect)(who)
                ));
            }
        }
        let token = api_token(&app, who).await;
        for row in api_rows() {
            let body = (!row.body.is_empty())
                .then(|| serde_json::from_str::<serde_json::Value>(row.body).unwrap());
            let (status, answer) =
                crate::api::call(&app, row.method, row.path, token.as_deref(), body).await;
            let expected = (row.expect)(who);
            if status != expected {
                failures.push(format!(
                    "{who:?} {} {}: expected {expected}, got {status} {answer}",
                    row.method, row.path
                ));
            } else if status >= 400 && answer["error"]["id"].as_str().is_none() {
                failures.push(format!(
                    "{who:?} {} {}: no error object",
                    row.method, row.path
                ));
            }
        }
        // A page shows only links its viewer may follow: every page this
        // person can reach by following links from the pages above, in both
        // languages, is fetched, and every link on each is followed. A link
        // with a query (a filter, a page of a list, a month) is followed but
        // not crawled further, so that the crawl ends.
        assert!(links.len() > 10, "{who:?} saw {} links", links.len());
        let mut followed = std::collections::BTreeMap::new();
        let mut queue: std::collections::VecDeque<(String, String)> = links
            .into_iter()
            .map(|(page, link)| (page.to_string(), link))
            .collect();
        for path in reached.clone() {
            if let Some(other) = counterpart(&path) {
                queue.push_back((path.clone(), other));
            }
        }
        while let Some((page, link)) = queue.pop_front() {
            let status = match followed.get(&link) {
                Some(s) => *s,
                None => {
                    let res = c.get(&link).await;
                    let s = res.status().as_u16();
                    followed.insert(link.clone(), s);
                    if s == 200 && is_html(&res) {
                        let body = res.text().await.unwrap_or_default();
                        if check_html {
                            pages.add(who, &link, &body);
                        }
                        reached.insert(link.clone());
                        if !link.contains('?') {
                            for found in href.captures_iter(&body) {
                                let found = found[1].replace("&amp;", "&");
                                if !found.starts_with("/static/")
                                    && !found.ends_with(".ics")
                                    && !followed.contains_key(&found)
                                {
                                    queue.push_back((link.clone(), found));
                                }
                            }
                            if let Some(other) = counterpart(&link)
                                && !followed.contains_key(&other)
                            {
                                queue.push_back((link.clone(), other));
                            }
                        }
                    }
                    s
                }
            };
            if status == 403 || status == 404 {
                failures.push(format!(
                    "{who:?}: {page} links to {link}, which answers {status}"
                ));
            }
        }
        assert!(
            followed.len() < 5_000,
            "{who:?}: the crawl did not end ({} links)",
            followed.len()
        );
        crawled.push(format!("{who:?}: {} pages", reached.len()));
    }
    assert!(
        failures.is_empty(),
        "{}\n(crawled {})",
        failures.join("\n"),
        crawled.join(", ")
    );
    if check_html {
        let both = |lang: &str| pages.list.iter().any(|(n, _)| n.contains(lang));
        assert!(
            pages.list.len() > 100 && both(" /en") && both(" /cy"),
            "only {} pages to check",
            pages.list.len()
        );
        let same = pages.same_titles();
        assert!(
            same.is_empty(),
            "{} titles name more than one page:\n{}",
            same.len(),
            same.join("\n")
        );
        let unmarked = crate::markup::unmarked_language(
            &pages.list,
            &[("cy", "crempogau"), ("en", "pancake")],
        );
        assert!(
            unmarked.is_empty(),
            "{} texts typed in one language are shown in the other without lang:\n{}",
            unmarked.len(),
            unmarked.join("\n")
        );
        let errors = crate::markup::html_errors(&pages.list);
        assert!(
            errors.is_empty(),
            "{} HTML errors in {} pages:\n{}",
            errors.len(),
            pages.list.len(),
            errors.join("\n")
        );
    }
}

/// A fishbone, a cycle, a reading and feedback on post 1, written in Welsh on
/// project 1 by its firm's `owner`.
async fn welsh_work_on_project_1(app: &TestApp, owner: i64) {
    let fishbone = ymarfer_domain::toolkit::shipped_tools()
        .unwrap()
        .into_iter()
        .find(|t| t.id == "fishbone")
        .unwrap();
    let form: Vec<(String, String)> = [
        ("effect", "Ciwiau am y crempogau"),
        ("causes[0][category]", "method"),
        ("causes[0][cause]", "Dim bwrdd archebion y crempogau"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .to_vec();
    let values = fishbone
        .validate_input(&ymarfer_domain::toolkit::RawInput::from_form(
            &fishbone, &form,
        ))
        .unwrap();
    app.db
        .save_application_recorded(
            1,
            "fishbone",
            i64::from(fishbone.version),
            (&serde_json::to_string(&values).unwrap(), Lang::Cy),
            Some(owner),
            &Default::default(),
        )
        .await
        .unwrap();
    app.db
        .create_cycle(
            1,
            &ymarfer_store::projects::CycleInput {
                change_idea: "Bwrdd archebion y crempogau".into(),
                prediction: "Crempogau heb aros".into(),
                lang: Lang::Cy,
                ..Default::default()
            },
            Some(owner),
        )
        .await
        .unwrap();
    app.db
        .record_reading(
            1,
            chrono::Utc::now().date_naive(),
            1200,
            ("Bore prysur, crempogau i 40", Lang::Cy),
            Some(owner),
            false,
            &Default::default(),
        )
        .await
        .unwrap();
}

/// The pages to check for valid HTML: each named by who saw it and its path,
/// a page seen the same by several people kept once.
#[derive(Default)]
struct Pages {
    list: Vec<(String, String)>,
    seen: std::collections::HashSet<String>,
}

impl Pages {
    /// Titles that more than one page has (pages differing only in their
    /// query, or seen by different people, are one page): each title should
    /// name its page, so a reader with many tabs, or a screen reader, knows
    /// where they are.
    fn same_titles(&self) -> Vec<String> {
        let title = regex::Regex::new(r"<title>([^<]*)</title>").unwrap();
        let mut by_title: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
            Default::default();
        for (name, html) in &self.list {
            if name.ends_with("(a fragment)") {
                continue;
            }
            let Some(t) = title.captures(html) else {
                continue;
            };
            let path = name.split(" GET ").nth(1).unwrap_or_default();
            let path = path.split('?').next().unwrap_or_default().to_string();
            by_title.entry(t[1].to_string()).or_default().insert(path);
        }
        by_title
            .into_iter()
            .filter(|(_, paths)| paths.len() > 1)
            .map(|(t, paths)| format!("{t}: {}", paths.into_iter().collect::<Vec<_>>().join(", ")))
            .collect()
    }

    fn add(&mut self, who: Who, path: &str, html: &str) {
        if !self.seen.insert(html.to_string()) {
            return;
        }
        if html
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("<!doctype html>")
        {
            self.list
                .push((format!("{who:?} GET {path}"), html.to_string()));
        } else {
            // A fragment htmx swaps into a page: checked inside the least
            // valid document, so that only its own markup can fail.
            let lang = if path.starts_with("/cy") { "cy" } else { "en" };
            self.list.push((
                format!("{who:?} GET {path} (a fragment)"),
                format!(
                    "<!DOCTYPE html><html lang=\"{lang}\"><head><title>Fragment</title></head><body>{html}</body></html>"
                ),
            ));
        }
    }
}

fn is_html(res: &reqwest::Response) -> bool {
    res.headers()
        .get("content-type")
        .is_some_and(|t| t.to_str().unwrap_or_default().starts_with("text/html"))
}

/// The same page in the other language: `/en/x` for `/cy/x` and back.
fn counterpart(path: &str) -> Option<String> {
    for (from, to) in [("/en", "/cy"), ("/cy", "/en")] {
        if let Some(rest) = path.strip_prefix(from)
            && (rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'))
        {
            return Some(format!("{to}{rest}"));
        }
    }
    None
}

on_both! {
    route_by_role => super::every_route_for_every_role;
}

/// The routes `router.rs` declares: (method, path template), with the pages'
/// routes under `/{lang}`.
fn declared_routes() -> Vec<(&'static str, String)> {
    let source = include_str!("../../src/router.rs");
    let pages_end = source.find("pub fn router(").expect("router()");
    let mut routes = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(".route(") {
        let offset = source.len() - rest.len() + at;
        let call = &rest[at + ".route(".len()..];
        let path_start = call.find('"').expect("a path") + 1;
        let path_len = call[path_start..].find('"').expect("end of path");
        let path = &call[path_start..path_start + path_len];
        // The handlers named up to the end of this call.
        let mut depth = 1;
        let end = call
            .char_indices()
            .find(|(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map(|(i, _)| i)
            .expect("end of .route(");
        let handlers = &call[..end];
        let full = if offset < pages_end {
            format!("/{{lang}}{}", if path == "/" { "" } else { path })
        } else {
            path.to_string()
        };
        for (method, marker) in [("GET", "get("), ("POST", "post(")] {
            if handlers.contains(marker) {
                routes.push((method, full.clone()));
            }
        }
        rest = &call[end..];
    }
    routes
}

/// Whether a concrete path (query ignored) fits a route template.
fn fits(template: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    if t.last().is_some_and(|s| s.starts_with("{*")) {
        return p.len() >= t.len() && t.iter().zip(&p).all(|(a, b)| a.starts_with('{') || a == b);
    }
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(a, b)| (a.starts_with('{') && !b.is_empty()) || a == b)
}

/// Every route in `router.rs` has at least one row in the table, so a new route
/// cannot go untested for every role.
#[test]
fn every_declared_route_has_rows() {
    let routes = declared_routes();
    assert!(routes.len() > 60, "parsed {} routes", routes.len());
    let rows = rows();
    let missing: Vec<String> = routes
        .iter()
        .filter(|(method, template)| {
            !rows
                .iter()
                .any(|r| r.method == *method && fits(template, r.path))
        })
        .map(|(m, t)| format!("{m} {t}"))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without rows:\n{}",
        missing.join("\n")
    );
}

/// Every operation the API's router declares has at least one row in the
/// API's table.
#[test]
fn every_api_route_has_rows() {
    let source = include_str!("../../src/api/resources/mod.rs");
    let routes_fn = &source[source.find("pub fn routes()").expect("routes()")..];
    let routes_fn = &routes_fn[..routes_fn.find("\n}").expect("end of routes()")];
    let mut declared = Vec::new();
    for call in routes_fn.split(".route(").skip(1) {
        let path = call.split('"').nth(1).expect("a path");
        for (method, marker) in [
            ("GET", "get("),
            ("POST", "post("),
            ("PUT", "put("),
            ("PATCH", "patch("),
        ] {
            if call.contains(marker) {
                declared.push((method, format!("/api/v1{path}")));
            }
        }
    }
    assert!(declared.len() >= 16, "parsed {} operations", declared.len());
    let rows = api_rows();
    let missing: Vec<String> = declared
        .iter()
        .filter(|(method, template)| {
            !rows
                .iter()
                .any(|r| r.method == *method && fits(template, r.path))
        })
        .map(|(m, t)| format!("{m} {t}"))
        .collect();
    assert!(
        missing.is_empty(),
        "API operations without rows:\n{}",
        missing.join("\n")
    );
}
