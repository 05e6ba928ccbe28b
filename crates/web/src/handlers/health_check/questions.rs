//! The health check's questions, one page each (`/health-check/{token}/{step}`).

use super::check::*;
use crate::error::{AppError, AppResult};
use crate::handlers::{FormData, see_other};
use crate::page::{Page, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use ymarfer_domain::Lang;
use ymarfer_domain::health::{PainPoint, QUESTIONS, Question};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::reference::{AREAS, SIC_SECTIONS};
use ymarfer_store::health::CheckAnswers;

#[derive(Template)]
#[template(path = "health/question.html")]
struct QuestionPage {
    page: Page,
    token: String,
    question: Question,
    number: usize,
    total: usize,
    /// The choices of a one-answer question (code, text), or of the pain points.
    choices: Vec<(String, String)>,
    /// What is chosen now.
    chosen: Vec<String>,
    error: Option<String>,
}

impl QuestionPage {
    fn multiple(&self) -> bool {
        self.question == Question::Pains
    }
    fn is_chosen(&self, code: &str) -> bool {
        self.chosen.iter().any(|c| c == code)
    }
    fn percent(&self) -> usize {
        (self.number - 1) * 100 / self.total
    }
}

fn question_page(
    page: Page,
    token: &str,
    question: Question,
    answers: &CheckAnswers,
    error: Option<String>,
) -> QuestionPage {
    let tr = page.tr;
    let lang = page.lang;
    // Welsh answers yes and no with the question's own verb, so each question
    // names its answers.
    let yes_no = || {
        let q = question.message_id();
        vec![
            ("yes".to_string(), tr.t(&format!("{q}-yes"))),
            ("no".to_string(), tr.t(&format!("{q}-no"))),
        ]
    };
    let (choices, chosen) = match question {
        Question::Sector => (
            SIC_SECTIONS
                .iter()
                .map(|(l, en, cy)| {
                    (
                        l.to_string(),
                        if lang == Lang::En { en } else { cy }.to_string(),
                    )
                })
                .collect(),
            answers.sector.clone().into_iter().collect(),
        ),
        Question::Band => (
            EmployeeBand::ALL
                .iter()
                .map(|b| (b.as_str().to_string(), tr.t(b.message_id())))
                .collect(),
            answers
                .employee_band
                .map(|b| b.as_str().to_string())
                .into_iter()
                .collect(),
        ),
        Question::Area => (
            AREAS
                .iter()
                .map(|a| (a.code.to_string(), a.name(lang).to_string()))
                .collect(),
            answers.principal_area.clone().into_iter().collect(),
        ),
        Question::Pains => (
            PainPoint::ALL
                .iter()
                .map(|p| (p.as_str().to_string(), tr.t(p.message_id())))
                .collect(),
            answers
                .pains
                .iter()
                .flatten()
                .map(|p| p.as_str().to_string())
                .collect(),
        ),
        q => (
            yes_no(),
            q.innovation_index()
                .and_then(|i| answers.innovation[i])
                .map(|yes| if yes { "yes" } else { "no" }.to_string())
                .into_iter()
                .collect(),
        ),
    };
    let mut page = page;
    page.title = tr.args(
        "health-question-title",
        &[
            ("number", question.number().to_string()),
            ("total", QUESTIONS.to_string()),
        ],
    );
    QuestionPage {
        page,
        token: token.to_string(),
        number: question.number(),
        total: QUESTIONS,
        question,
        choices,
        chosen,
        error,
    }
}

pub async fn question(
    State(state): State<AppState>,
    page: Page,
    Path((token, n)): Path<(String, usize)>,
) -> AppResult {
    let check = the_check(&state, &token).await?;
    let question = Question::at(n).ok_or(AppError::NOT_FOUND)?;
    render(&question_page(
        page,
        &token,
        question,
        &CheckAnswers::of(&check),
        None,
    ))
}

/// The answer to one screen, and which way the person is going.
pub async fn answer(
    State(state): State<AppState>,
    page: Page,
    Path((token, n)): Path<(String, usize)>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> AppResult {
    let check = the_check(&state, &token).await?;
    let question = Question::at(n).ok_or(AppError::NOT_FOUND)?;
    let back = form.iter().any(|(k, _)| k == "back");
    let given: Vec<&str> = form
        .iter()
        .filter(|(k, _)| k == "answer")
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    let mut answers = CheckAnswers::of(&check);
    let tr = page.tr;
    let one = given.first().copied();
    let understood = match question {
        Question::Sector => one
            .and_then(ymarfer_domain::reference::sic_section)
            .map(|s| {
                answers.sector = Some(s.to_string());
            }),
        Question::Band => one.and_then(EmployeeBand::parse).map(|b| {
            answers.employee_band = Some(b);
        }),
        Question::Area => one
            .and_then(|a| AREAS.iter().find(|x| x.code == a))
            .map(|a| {
                answers.principal_area = Some(a.code.to_string());
            }),
        Question::Pains => {
            // Any number of pain points, none included; an unknown one is refused.
            let pains: Option<Vec<PainPoint>> = given.iter().map(|p| PainPoint::parse(p)).collect();
            pains.map(|p| {
                answers.pains = Some(p);
            })
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
                    Some(())
                }
                _ => None,
            }
        }
    };
    if back {
        // Going back keeps a good answer and loses nothing else.
        if understood.is_some() {
            state.db.save_check(check.id, &answers, false).await?;
        }
        let to = n.saturating_sub(1).max(1);
        return Ok(see_other(&page.href(&format!("health-check/{token}/{to}"))));
    }
    if understood.is_none() {
        let message = tr.t(if question == Question::Pains {
            "error-choose-one"
        } else {
            "health-error-answer"
        });
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &question_page(page, &token, question, &answers, Some(message)),
        );
    }
    let last = n == QUESTIONS;
    state.db.save_check(check.id, &answers, last).await?;
    let to = if last {
        format!("health-check/{token}/result")
    } else {
        format!("health-check/{token}/{}", n + 1)
    };
    Ok(see_other(&page.href(&to)))
}
