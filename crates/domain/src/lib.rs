//! Ymarfer's domain: pure types and rules. No I/O lives here.

pub mod audit;
pub mod authz;
pub mod bounds;
pub mod capability;
pub mod code;
pub mod comparison;
pub mod csvout;
pub mod decimal;
pub mod email;
pub mod engagement;
pub mod evidence;
pub mod followup;
pub mod health;
pub mod impact;
pub mod import;
pub mod innovation;
pub mod jobs;
pub mod lang;
pub mod ledger;
pub mod live;
pub mod money;
pub mod password;
pub mod programme;
pub mod projects;
pub mod reference;
pub mod returns;
pub mod scenario;
pub mod space;
pub mod toolkit;
pub mod uktime;
pub mod welsh;

pub use authz::{Action, Actor, Decision, Membership, Resource, Role, Scope, can};
pub use code::UnknownCode;
pub use email::Email;
pub use lang::Lang;
pub use money::Pence;
