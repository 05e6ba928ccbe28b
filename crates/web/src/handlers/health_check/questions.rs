//! The health check's questions, one page each (`/health-check/{token}/{step}`).

use super::check::the_check;
use crate::error::{AppError, AppResult};
use crate::handlers::{ClientAddr, FormData, see_other};
use crate::page::{Page, render, render_status};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use ymarfer_app::health_checks::{self, Going};
use ymarfer_domain::Lang;
use ymarfer_domain::health::{PainPoint, QUESTIONS, Question};
use ymarfer_domain::innovation::EmployeeBand;
use ymarfer_domain::reference::SIC_SECTIONS;
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
            ymarfer_domain::reference::areas_in(lang)
                .into_iter()
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
    ClientAddr(addr): ClientAddr,
    Path((token, n)): Path<(String, usize)>,
) -> AppResult {
    if let Some(wait) = state.flood.take(&addr) {
        return Ok(AppError::too_fast(wait));
    }
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
    let going = if back { Going::Back } else { Going::On };
    if !health_checks::answer(&state, &check, question, &given, going).await? {
        let message = page.t(if question == Question::Pains {
            "error-choose-one"
        } else {
            "health-error-answer"
        });
        let answers = CheckAnswers::of(&check);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &question_page(page, &token, question, &answers, Some(message)),
        );
    }
    let to = match going {
        Going::Back => format!("health-check/{token}/{}", n.saturating_sub(1).max(1)),
        Going::On if n == QUESTIONS => format!("health-check/{token}/result"),
        Going::On => format!("health-check/{token}/{}", n + 1),
    };
    Ok(see_other(&page.href(&to)))
}
