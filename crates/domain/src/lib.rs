//! Ymarfer's domain: pure types and rules. No I/O lives here.

pub mod authz;
pub mod email;
pub mod lang;
pub mod money;
pub mod password;

pub use authz::{Action, Actor, Decision, Membership, Resource, Role, Scope, can};
pub use email::Email;
pub use lang::Lang;
pub use money::Pence;
