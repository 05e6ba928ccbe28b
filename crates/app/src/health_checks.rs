//! The public health check: anyone may start one, and its link is the proof
//! for every answer after. Starting is throttled by network address (kept
//! only hashed); each screen's answer is understood here, so a page and any
//! other door save the same thing.

use crate::error::Result;
use crate::services::Services;
use ymarfer_domain::Lang;
use ymarfer_domain::health::{PainPoint, QUESTIONS, Question};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::reference::AREAS;
use ymarfer_store::health::{CheckAnswers, HealthCheck};
use ymarfer_store::throttle::Attempt;

/// The throttle's account for health checks: the address is what counts.
const EVERYONE: &str = "health-check";

/// A partner's tag, kept short and plain.
pub fn clean_source(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect::<String>()
        .to_lowercase()
}

/// An invitation's token: hexadecimal, as issued.
pub fn clean_token(s: &str) -> String {
    s.chars().filter(char::is_ascii_hexdigit).take(64).collect()
}

/// Starts a check in the person's language, tagged with the partner that sent
/// them (`source`) and, when taken again at a lead's invitation (`again`, the
/// invitation's token), joined to that lead's others and to the check it follows, with the months
/// since (see [`crate::comparison`]). Answers the new check's
/// token, or none when this network address started too many lately.
pub async fn start(
    s: &Services,
    language: Lang,
    source: &str,
    again: &str,
    address: &str,
) -> Result<Option<String>> {
    // The address is kept only hashed, and only for the throttling window.
    let address = ymarfer_store::secret::hash_secret(address);
    if s.db
        .throttled(Attempt::HealthCheck, EVERYONE, &address)
        .await?
    {
        return Ok(None);
    }
    s.db.record_attempt(Attempt::HealthCheck, EVERYONE, &address, false)
        .await?;
    // An invitation's link is used once: once a check taken from it is
    // completed, a new one stands alone.
    let again = match clean_token(again).as_str() {
        "" => None,
        again => s.db.recheck_invitation(again).await?,
    };
    let token =
        s.db.start_check(language, &clean_source(source), again.as_ref())
            .await?;
    Ok(Some(token))
}

/// Which way the person goes from a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Going {
    Back,
    On,
}

/// Saves the answer `given` to one question of the check: a good answer is
/// kept whichever way the person goes, and going on from the last question
/// completes the check. False when going on with an answer not understood:
/// nothing is saved. The same answer again saves the same answers.
pub async fn answer(
    s: &Services,
    check: &HealthCheck,
    question: Question,
    given: &[&str],
    going: Going,
) -> Result<bool> {
    let mut answers = CheckAnswers::of(check);
    let understood = understand(&mut answers, question, given);
    match (understood, going) {
        (true, _) => {
            let last = going == Going::On && Question::at(QUESTIONS) == Some(question);
            s.db.save_check(check.id, &answers, last).await?;
            Ok(true)
        }
        // Going back loses nothing and saves nothing.
        (false, Going::Back) => Ok(true),
        (false, Going::On) => Ok(false),
    }
}

/// Sets the answer to `question` from what was given; false when it is not
/// an answer to that question.
fn understand(answers: &mut CheckAnswers, question: Question, given: &[&str]) -> bool {
    let one = given.first().copied();
    match question {
        Question::Sector => one
            .and_then(ymarfer_domain::reference::sic_section)
            .map(|s| answers.sector = Some(s.to_string()))
            .is_some(),
        Question::Band => one
            .and_then(EmployeeBand::parse)
            .map(|b| answers.employee_band = Some(b))
            .is_some(),
        Question::Area => one
            .and_then(|a| AREAS.iter().find(|x| x.code == a))
            .map(|a| answers.principal_area = Some(a.code.to_string()))
            .is_some(),
        Question::Pains => {
            // Any number of pain points, none included; an unknown one is refused.
            let pains: Option<Vec<PainPoint>> = given.iter().map(|p| PainPoint::parse(p)).collect();
            pains.map(|p| answers.pains = Some(p)).is_some()
        }
        q => {
            let yes = match one {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            };
            match (q.innovation_index(), yes) {
                (Some(i), Some(yes)) => {
                    answers.innovation[i] = Some(yes);
                    true
                }
                _ => false,
            }
        }
    }
}
