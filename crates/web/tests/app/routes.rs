//! Every route, for every role and for a signed-out visitor: the answer it gives.
//! Each later capability adds its rows here.

use crate::on_both;
use crate::support::{Client, TestApp, location};
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

fn rows() -> Vec<Row> {
    use Expect::*;
    vec![
        Row {
            method: "GET",
            path: "/en",
            form: &[],
            expect: public(200),
        },
        Row {
            method: "GET",
            path: "/cy",
            form: &[],
            expect: public(200),
        },
        Row {
            method: "GET",
            path: "/healthz",
            form: &[],
            expect: public(200),
        },
        Row {
            method: "GET",
            path: "/en/sign-in",
            form: &[],
            expect: public(200),
        },
        Row {
            method: "POST",
            path: "/en/sign-in",
            form: &[("email", "x")],
            expect: public(422),
        },
        Row {
            method: "POST",
            path: "/en/sign-in/link",
            form: &[("link_email", "x")],
            expect: public(422),
        },
        Row {
            method: "GET",
            path: "/en/sign-in/link/0000",
            form: &[],
            expect: public(410),
        },
        Row {
            method: "POST",
            path: "/en/sign-in/link/0000",
            form: &[],
            expect: public(410),
        },
        Row {
            method: "GET",
            path: "/cy/reset-password",
            form: &[],
            expect: public(200),
        },
        Row {
            method: "POST",
            path: "/cy/reset-password",
            form: &[("email", "")],
            expect: public(422),
        },
        Row {
            method: "GET",
            path: "/en/reset-password/0000",
            form: &[],
            expect: public(410),
        },
        Row {
            method: "POST",
            path: "/en/reset-password/0000",
            form: &[],
            expect: public(410),
        },
        Row {
            method: "GET",
            path: "/en/invitation/0000",
            form: &[],
            expect: public(410),
        },
        Row {
            method: "POST",
            path: "/en/invitation/0000",
            form: &[],
            expect: public(410),
        },
        Row {
            method: "GET",
            path: "/en/setup/0000",
            form: &[],
            expect: public(410),
        },
        Row {
            method: "POST",
            path: "/en/setup/0000",
            form: &[],
            expect: public(410),
        },
        Row {
            method: "GET",
            path: "/en/profile",
            form: &[],
            expect: |w| {
                if w == Who::Anonymous {
                    SignIn
                } else {
                    Status(200)
                }
            },
        },
        Row {
            method: "POST",
            path: "/en/profile",
            form: &[("display_name", "")],
            expect: |w| {
                if w == Who::Anonymous {
                    SignIn
                } else {
                    Status(422)
                }
            },
        },
        Row {
            method: "POST",
            path: "/en/profile/password",
            form: &[("current", "x")],
            expect: |w| {
                if w == Who::Anonymous {
                    SignIn
                } else {
                    Status(422)
                }
            },
        },
        Row {
            method: "POST",
            path: "/en/profile/sessions/999999/end",
            form: &[],
            expect: |w| {
                if w == Who::Anonymous {
                    SignIn
                } else {
                    Status(404)
                }
            },
        },
        Row {
            method: "GET",
            path: "/en/admin/users",
            form: &[],
            expect: |w| match w {
                Who::Anonymous => SignIn,
                Who::Admin => Status(200),
                _ => Status(403),
            },
        },
        Row {
            method: "POST",
            path: "/en/admin/users/invite",
            form: &[("email", "x")],
            expect: |w| match w {
                Who::Anonymous => SignIn,
                Who::Admin => Status(422),
                _ => Status(403),
            },
        },
        Row {
            method: "GET",
            path: "/en/no-such-page",
            form: &[],
            expect: |_| Status(404),
        },
        // Last: these end the session.
        Row {
            method: "POST",
            path: "/en/sign-out",
            form: &[],
            expect: |_| To("/en"),
        },
        Row {
            method: "POST",
            path: "/en/profile/sign-out-everywhere",
            form: &[],
            expect: |_| SignIn,
        },
    ]
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
/// `status`; participants and observers 403.
fn staff(w: Who, status: u16) -> Expect {
    match w {
        Who::Anonymous => Expect::SignIn,
        Who::Manager | Who::Admin | Who::Facilitator => Expect::Status(status),
        _ => Expect::Status(403),
    }
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
    let mut failures = Vec::new();
    for who in EVERYONE {
        let c = client_for(&app, who, programme, cohort).await;
        for row in rows() {
            let res = match row.method {
                "GET" => c.get(row.path).await,
                _ => c.post(row.path, row.form).await,
            };
            let status = res.status().as_u16();
            let to = location(&res);
            let got_ok = match (row.expect)(who) {
                Expect::Status(s) => status == s,
                Expect::SignIn => status == 303 && to.starts_with("/en/sign-in"),
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
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

on_both! {
    route_by_role => super::every_route_for_every_role;
}
