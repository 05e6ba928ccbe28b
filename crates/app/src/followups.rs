//! Sending the follow-ups that are due (`ymarfer followups send`, daily).

use crate::i18n::Tr;
use crate::mail::Outgoing;
use crate::services::Services;
use chrono::NaiveDate;
use ymarfer_domain::Lang;

/// What a run of the follow-ups did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowupRun {
    pub sent: usize,
    pub reminded: usize,
    /// Firms from the health check asked to take it again (at 6 and 12 months).
    pub rechecks: usize,
    /// Leads that never enrolled, forgotten after the retention period.
    pub leads_forgotten: u64,
    /// Emails that could not be sent; they are tried again at the next run.
    pub failed: usize,
}

/// How long a firm has to take the check again once its 12-month invitation
/// went, before the details it left are forgotten (the checks themselves stay,
/// with nothing personal).
pub const RECHECK_ANSWER_DAYS: i64 = 60;

/// Sends the follow-ups that are due on `today` (3, 6 and 12 months after each
/// cohort's end) and reminds, once, those unanswered after two weeks. A
/// follow-up is recorded as sent only once its email has gone; one that fails is
/// logged, counted, and tried again at the next run, and the others carry on.
pub async fn send_due(state: &Services, today: NaiveDate) -> anyhow::Result<FollowupRun> {
    let mut run = FollowupRun::default();
    for p in state.db.programmes_visible_to(0, true).await? {
        for c in state.db.cohorts_of(p.id).await? {
            let Some(end) = c.ends_on else { continue };
            let people = state.db.enrolled(c.id).await?;
            let started = state.db.followups_of(c.id).await?;
            for months in ymarfer_domain::followup::due(end, today) {
                let mut orgs: Vec<(i64, i64)> = people
                    .iter()
                    .filter(|e| e.is_active())
                    .filter_map(|e| Some((e.organisation_id?, e.user_id)))
                    .collect();
                orgs.sort_unstable();
                orgs.dedup_by_key(|(o, _)| *o);
                for (org, user) in orgs {
                    if started
                        .iter()
                        .any(|f| f.organisation_id == org && f.months == months)
                    {
                        continue;
                    }
                    let (secret, _) = ymarfer_store::secret::new_secret();
                    match email(state, user, months, &secret, "email-followup").await {
                        Ok(()) => {
                            if state
                                .db
                                .record_followup(c.id, org, Some(user), months, &secret)
                                .await?
                            {
                                run.sent += 1;
                            }
                        }
                        Err(e) => {
                            tracing::error!(error = %format!("{e:#}"), cohort = c.id, organisation = org, months, "follow-up could not be sent");
                            run.failed += 1;
                        }
                    }
                }
            }
            for f in started {
                let overdue = ymarfer_domain::followup::reminder_due(f.sent_at.date_naive(), today);
                if f.completed_at.is_some() || f.reminded_at.is_some() || !overdue {
                    continue;
                }
                let (secret, _) = ymarfer_store::secret::new_secret();
                let sent = match f.user_id {
                    Some(user) => {
                        email(state, user, f.months, &secret, "email-followup-reminder").await
                    }
                    None => Ok(()),
                };
                match sent {
                    Ok(()) => {
                        state.db.record_reminder(f.id, &secret).await?;
                        run.reminded += 1;
                    }
                    Err(e) => {
                        tracing::error!(error = %format!("{e:#}"), followup = f.id, "reminder could not be sent");
                        run.failed += 1;
                    }
                }
            }
        }
    }
    // Details left by firms that never enrolled are kept only so long; those
    // of a firm that agreed to take the check again, until its 12-month
    // invitation has had time to be answered.
    let midnight = today
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc())
        .unwrap_or_else(chrono::Utc::now);
    let cutoff = midnight - chrono::Duration::days(state.config.lead_retention_days);
    let invited_again = midnight - chrono::Duration::days(RECHECK_ANSWER_DAYS);
    run.leads_forgotten = state.db.forget_old_leads(cutoff, invited_again).await?;
    // Firms that agreed, asked to take the health check again.
    for (lead, months) in state.db.due_rechecks(today).await? {
        let (secret, hash) = ymarfer_store::secret::new_secret();
        let lang = Lang::parse(&lead.language).unwrap_or_default();
        let tr = Tr(lang);
        let link = state.config.link(
            lang,
            &format!("health-check?source=recheck-{months}&again={secret}"),
        );
        let body = format!(
            "{}\n\n{}\n\n{}\n",
            tr.t1("email-greeting", "name", &lead.name),
            tr.args(
                "email-recheck-body",
                &[
                    ("months", months.to_string()),
                    ("organisation", lead.organisation_name.clone()),
                    ("link", link),
                ],
            ),
            tr.t("email-signature")
        );
        let sent = crate::outbox::post(
            state,
            Outgoing {
                to: lead.email.clone(),
                subject: tr.t("email-recheck-subject"),
                body,
                unsubscribe: None,
                lang: tr.0,
            },
        )
        .await;
        match sent {
            Ok(()) => {
                state.db.recheck_sent(lead.id, months, &hash).await?;
                run.rechecks += 1;
            }
            Err(e) => {
                tracing::error!(error = %format!("{e:#}"), lead = lead.id, months, "invitation to take the check again could not be sent");
                run.failed += 1;
            }
        }
    }
    Ok(run)
}

async fn email(
    state: &Services,
    user: i64,
    months: i64,
    secret: &str,
    key: &str,
) -> anyhow::Result<()> {
    let Some(user) = state.db.user_by_id(user).await? else {
        return Ok(());
    };
    let tr = Tr(user.lang());
    let link = state
        .config
        .link(user.lang(), &format!("follow-up/{secret}"));
    let body = format!(
        "{}\n\n{}\n\n{}\n",
        tr.t1("email-greeting", "name", user.name()),
        tr.args(
            &format!("{key}-body"),
            &[("link", link), ("months", months.to_string())]
        ),
        tr.t("email-signature")
    );
    crate::outbox::post(
        state,
        Outgoing {
            to: user.email.clone(),
            subject: tr.t(&format!("{key}-subject")),
            body,
            unsubscribe: None,
            lang: tr.0,
        },
    )
    .await
}

/// What a firm answered in its follow-up.
#[derive(Debug, Clone)]
pub struct Answered {
    pub answers: ymarfer_store::organisations::Answers,
    /// Actual amounts (pence) for forecast lines of the firm's projects.
    pub actuals: Vec<(i64, i64)>,
    pub still_in_use: bool,
    pub new_projects: i64,
    /// Per project: would the firm have made the change without the
    /// programme? Only the firm's own projects in the cohort count.
    pub counterfactuals: Vec<(i64, ymarfer_domain::impact::net::Counterfactual)>,
}

/// Records a firm's answers to its follow-up. The link it was sent is the
/// proof (it names the firm and the person it was sent to), so this act takes
/// no signed-in person; the trail names that person. Everything is written in
/// one transaction with its audit event; a follow-up answered already
/// changes nothing (false). Only the firm's own forecast lines may be given
/// actual figures; any other line is ignored.
pub async fn answer(
    s: &Services,
    followup: &ymarfer_store::capability::Followup,
    answered: &Answered,
) -> crate::Result<bool> {
    let org =
        s.db.organisation_by_id(followup.organisation_id)
            .await?
            .ok_or(crate::Error::NotFound)?;
    let forecast: Vec<i64> = forecasts(s, followup)
        .await?
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    let actuals: Vec<(i64, i64)> = answered
        .actuals
        .iter()
        .copied()
        .filter(|(line, _)| forecast.contains(line))
        .collect();
    let own: Vec<i64> = projects(s, followup)
        .await?
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let mut counterfactuals: Vec<(i64, ymarfer_domain::impact::net::Counterfactual)> = answered
        .counterfactuals
        .iter()
        .copied()
        .filter(|(p, _)| own.contains(p))
        .collect();
    counterfactuals.sort_unstable_by_key(|(p, _)| *p);
    counterfactuals.dedup_by_key(|(p, _)| *p);
    let stage = format!("follow_up_{}", followup.months);
    let event = ymarfer_store::audit::NewAuditEvent {
        actor_id: followup.user_id,
        actor: "the follow-up link".to_string(),
        action: Some(ymarfer_domain::audit::AuditAction::FollowupAnswered),
        programme_id: org.programme_id,
        subject: format!(
            "follow-up {} at {} months, organisation {} ({})",
            followup.id, followup.months, org.id, org.name
        ),
        detail: format!(
            "still in use: {}; {} new projects; {} actual figures for forecast lines{}",
            if answered.still_in_use { "yes" } else { "no" },
            answered.new_projects,
            actuals.len(),
            counterfactuals
                .iter()
                .map(|(p, a)| format!(
                    "; project {p} without the programme: {} (deadweight {}%)",
                    a.as_str(),
                    a.deadweight()
                ))
                .collect::<String>()
        ),
        address: String::new(),
    };
    let answer = ymarfer_store::capability::FollowupAnswer {
        followup: followup.id,
        organisation: org.id,
        stage: &stage,
        answers: answered.answers,
        band: org.employee_band,
        actuals: &actuals,
        by: followup.user_id,
        still_in_use: answered.still_in_use,
        new_projects: answered.new_projects,
        counterfactuals: &counterfactuals,
    };
    Ok(s.db.answer_followup(&answer, &event).await?)
}

/// The firm's projects in the follow-up's cohort, each with its title, for
/// the follow-up to ask whether the change would have happened anyway.
pub async fn projects(
    s: &Services,
    f: &ymarfer_store::capability::Followup,
) -> crate::Result<Vec<(i64, String)>> {
    Ok(s.db
        .cohort_projects(f.cohort_id)
        .await?
        .into_iter()
        .filter(|p| p.organisation_id == f.organisation_id)
        .map(|p| (p.id, p.title))
        .collect())
}

/// The firm's lines still forecast in the cohort's projects, each with its
/// description and project, for the follow-up to ask their actual figures.
pub async fn forecasts(
    s: &Services,
    f: &ymarfer_store::capability::Followup,
) -> crate::Result<Vec<(i64, String)>> {
    // Two queries whatever the firm holds: its projects in the cohort, and
    // the current version of each of its lines.
    let titles: std::collections::HashMap<i64, String> =
        s.db.cohort_projects(f.cohort_id)
            .await?
            .into_iter()
            .filter(|p| p.organisation_id == f.organisation_id)
            .map(|p| (p.id, p.title))
            .collect();
    let out =
        s.db.organisation_lines(f.organisation_id)
            .await?
            .into_iter()
            .filter(|(_, l)| l.v.status == ymarfer_domain::impact::Status::Forecast)
            .filter_map(|(_, l)| {
                let title = titles.get(&l.project_id)?;
                Some((l.v.line_id, format!("{} ({title})", l.v.description)))
            })
            .collect();
    Ok(out)
}
