//! The form that invites a person by email to a cohort (the act is
//! `ymarfer_app::people::invite`).

use serde::Deserialize;
use ymarfer_domain::Lang;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub display_name: String,
    pub language: String,
    pub role: String,
    pub organisation: String,
}

impl InviteForm {
    pub fn new(lang: Lang) -> InviteForm {
        InviteForm {
            language: lang.code().into(),
            role: "participant".into(),
            ..InviteForm::default()
        }
    }
}
