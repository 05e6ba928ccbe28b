//! Acts in a cohort space (and a programme's alumni space): posting,
//! commenting, editing, reacting, feedback given and asked for, and moderation.
//! Each asks the policy itself. Words and files are checked by the door that
//! received them; each act checks their length again, so no door can store
//! more. A post or comment sent twice from one form (its one-time key) makes
//! one; the same reaction or feedback again changes nothing.

use crate::acting::Acting;
use crate::error::{Error, Result};
use crate::services::Services;
use ymarfer_domain::audit::AuditAction;
use ymarfer_domain::authz::PostFacts;
use ymarfer_domain::space::{self, BODY_MAX, ItemKind, NoticeKind, Reaction};
use ymarfer_domain::{Action, Lang, Resource};
use ymarfer_store::attachments::NewAttachment;
use ymarfer_store::programmes::{Cohort, Programme};
use ymarfer_store::space::{FeedbackInput, Item, Member, NewItem};

/// Whether a cohort with this last day has finished by `today`.
pub fn has_finished(ends_on: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> bool {
    ends_on.is_some_and(|end| end < today)
}

/// The finished cohorts of a programme, whose people make its alumni space.
pub async fn finished_cohorts(s: &Services, programme: i64) -> Result<Vec<i64>> {
    let today = ymarfer_domain::uktime::today();
    Ok(s.db
        .cohorts_of(programme)
        .await?
        .into_iter()
        .filter(|c| has_finished(c.ends_on, today))
        .map(|c| c.id)
        .collect())
}

/// A programme's alumni space, if the person may enter it: the programme and
/// its finished cohorts.
pub async fn alumni_of(s: &Services, acting: &Acting, slug: &str) -> Result<(Programme, Vec<i64>)> {
    let Some(programme) = s.db.programme_by_slug(slug).await? else {
        return Err(acting.unknown());
    };
    let finished = finished_cohorts(s, programme.id).await?;
    acting.may(
        Action::ViewAlumni,
        Resource::Alumni {
            programme: programme.id,
            finished: &finished,
        },
    )?;
    Ok((programme, finished))
}

/// An item (or comment) with the space it is in: its cohort and programme,
/// and for the alumni space the programme's finished cohorts.
#[derive(Debug)]
pub struct Placed {
    pub item: Item,
    pub programme: Programme,
    pub cohort: Cohort,
    pub finished: Vec<i64>,
}

impl Placed {
    /// What the policy knows of the item.
    pub fn facts(&self) -> PostFacts<'_> {
        PostFacts {
            programme: self.cohort.programme_id,
            cohort: self.cohort.id,
            author: self.item.author_id,
            alumni: self
                .item
                .alumni_programme_id
                .map(|_| self.finished.as_slice()),
        }
    }
}

/// An item (or comment) the person may do `action` to. One they may not see
/// answers as if it did not exist.
pub async fn item_for(s: &Services, acting: &Acting, id: i64, action: Action) -> Result<Placed> {
    let Some(item) =
        s.db.item(id, acting.actor.as_ref().map(|a| a.user_id))
            .await?
    else {
        return Err(acting.unknown());
    };
    let cohort =
        s.db.cohort_by_id(item.cohort_id)
            .await?
            .ok_or(Error::NotFound)?;
    let finished = match item.alumni_programme_id {
        Some(programme) => finished_cohorts(s, programme).await?,
        None => Vec::new(),
    };
    let programme =
        s.db.programme_by_id(cohort.programme_id)
            .await?
            .ok_or(Error::NotFound)?;
    let placed = Placed {
        item,
        programme,
        cohort,
        finished,
    };
    acting.may(action, Resource::Post(placed.facts()))?;
    Ok(placed)
}

/// The people who may be named or asked in an item's space.
pub async fn members_of(s: &Services, placed: &Placed) -> Result<Vec<Member>> {
    Ok(match placed.item.alumni_programme_id {
        Some(_) => {
            s.db.alumni_members(placed.programme.id, &placed.finished)
                .await?
        }
        None => {
            s.db.space_members(placed.programme.id, placed.cohort.id)
                .await?
        }
    })
}

/// The people of a space named after `@` in a text, to be told of it.
pub fn mentions(body: &str, members: &[Member]) -> Vec<(i64, NoticeKind)> {
    let people: Vec<(i64, String)> = members
        .iter()
        .map(|m| (m.user_id, m.display_name.clone()))
        .collect();
    space::mentioned(body, &people)
        .into_iter()
        .map(|id| (id, NoticeKind::Mention))
        .collect()
}

/// Words of a post, comment or feedback: at most [`BODY_MAX`] characters.
fn check_words(body: &str) -> Result<()> {
    if body.chars().count() > BODY_MAX {
        return Err(Error::Invalid("space-error-too-long"));
    }
    Ok(())
}

/// The key a form's one-time key is kept under: the person's own, so no one
/// else's form can collide with it.
fn form_key(what: &str, author: i64, once: Option<&str>) -> Option<String> {
    once.map(|k| format!("{what}:{author}:{k}"))
}

/// A post's words, in the language they were written in, with any files
/// already stored, and the form's one-time key if it came from a form.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    pub body: &'a str,
    pub lang: Lang,
    pub files: &'a [NewAttachment],
    pub once: Option<&'a str>,
}

/// Posts in a cohort's space, as someone who may (through a token, only one
/// that may write). The people of the space named after `@` are told. Its id,
/// or `None` when the same form was sent before (nothing changed).
pub async fn post(
    services: &Services,
    acting: &Acting,
    programme: i64,
    cohort: i64,
    words: Words<'_>,
) -> Result<Option<i64>> {
    acting.may(Action::PostInSpace, Resource::Cohort { programme, cohort })?;
    let author = acting.user_id().ok_or(Error::SignIn)?;
    check_words(words.body)?;
    let members = services.db.space_members(programme, cohort).await?;
    made_post(services, author, cohort, None, &members, words).await
}

/// A post by `author` in a cohort's space (or, with `alumni`, the programme's
/// alumni space), telling the people named; `None` when its form was used.
async fn made_post(
    services: &Services,
    author: i64,
    cohort: i64,
    alumni: Option<i64>,
    members: &[Member],
    words: Words<'_>,
) -> Result<Option<i64>> {
    let key = form_key("post", author, words.once);
    Ok(services
        .db
        .add_item_once(
            &NewItem {
                cohort,
                parent: None,
                author,
                kind: ItemKind::Post,
                project: None,
                tool_id: None,
                ref_id: None,
                body: words.body,
                lang: words.lang,
                alumni,
            },
            &mentions(words.body, members),
            words.files,
            key.as_deref(),
        )
        .await?)
}

/// Posts in a programme's alumni space. The item belongs to its author's
/// finished cohort (for staff, the programme's latest to finish). Its id, or
/// `None` when the same form was sent before.
pub async fn post_alumni(
    services: &Services,
    acting: &Acting,
    slug: &str,
    words: Words<'_>,
) -> Result<Option<i64>> {
    let (programme, finished) = alumni_of(services, acting, slug).await?;
    let author = acting.user_id().ok_or(Error::SignIn)?;
    check_words(words.body)?;
    let mine = acting
        .actor
        .as_ref()
        .and_then(|a| a.own_cohort_among(&finished));
    let cohort = mine
        .or_else(|| finished.last().copied())
        .ok_or(Error::NotFound)?;
    let members = services.db.alumni_members(programme.id, &finished).await?;
    made_post(
        services,
        author,
        cohort,
        Some(programme.id),
        &members,
        words,
    )
    .await
}

/// Comments on an item, telling its author and anyone named after `@`. The
/// comment's id, or `None` when the same form was sent before.
pub async fn comment(
    s: &Services,
    acting: &Acting,
    item: i64,
    body: &str,
    lang: Lang,
    once: Option<&str>,
) -> Result<Option<i64>> {
    let placed = item_for(s, acting, item, Action::ViewSpace).await?;
    let author = acting.user_id().ok_or(Error::NotFound)?;
    if placed.item.parent_id.is_some() || placed.item.is_deleted() {
        return Err(Error::NotFound);
    }
    check_words(body)?;
    let members = members_of(s, &placed).await?;
    let mut notify = mentions(body, &members);
    if let Some(to) = placed.item.author_id {
        notify.push((to, NoticeKind::Comment));
    }
    let key = form_key("comment", author, once);
    Ok(s.db
        .add_item_once(
            &NewItem {
                cohort: placed.cohort.id,
                parent: Some(item),
                author,
                kind: ItemKind::Comment,
                project: None,
                tool_id: None,
                ref_id: None,
                body,
                lang,
                alumni: placed.item.alumni_programme_id,
            },
            &notify,
            &[],
            key.as_deref(),
        )
        .await?)
}

/// Changes an item's words: its author only. The earlier words are kept as a
/// version; the same words again change nothing. True when they changed.
pub async fn edit(
    s: &Services,
    acting: &Acting,
    item: i64,
    body: &str,
    lang: Lang,
) -> Result<bool> {
    let placed = item_for(s, acting, item, Action::EditPost).await?;
    let by = acting.user_id().ok_or(Error::NotFound)?;
    if placed.item.is_deleted() {
        return Err(Error::NotFound);
    }
    check_words(body)?;
    if body == placed.item.body && lang.code() == placed.item.lang {
        return Ok(false);
    }
    s.db.edit_item(item, body, lang, by).await?;
    Ok(true)
}

/// Deletes an item softly (its author, or a moderator) or restores it (a
/// moderator), recorded in the audit trail. Doing it again changes and
/// records nothing. The item as it was.
pub async fn delete(s: &Services, acting: &Acting, item: i64) -> Result<Placed> {
    moderate(s, acting, item, true).await
}

/// Restores a deleted item: a moderator. See [`delete`].
pub async fn restore(s: &Services, acting: &Acting, item: i64) -> Result<Placed> {
    moderate(s, acting, item, false).await
}

async fn moderate(s: &Services, acting: &Acting, item: i64, delete: bool) -> Result<Placed> {
    let (action, audit) = if delete {
        (Action::DeletePost, AuditAction::PostDeleted)
    } else {
        (Action::ModerateSpace, AuditAction::PostRestored)
    };
    let placed = item_for(s, acting, item, action).await?;
    let by = acting.user_id().ok_or(Error::NotFound)?;
    let mut event = acting.event(audit);
    event.programme_id = Some(placed.programme.id);
    event.subject = format!(
        "{} {item}, cohort {}",
        placed.item.kind.as_str(),
        placed.cohort.id
    );
    s.db.set_item_deleted(item, delete.then_some(by), &event)
        .await?;
    Ok(placed)
}

/// Gives a reaction (`on`) or takes it back; the same again changes nothing.
pub async fn react(
    s: &Services,
    acting: &Acting,
    item: i64,
    kind: Reaction,
    on: bool,
) -> Result<Placed> {
    let placed = item_for(s, acting, item, Action::ViewSpace).await?;
    let me = acting.user_id().ok_or(Error::NotFound)?;
    if placed.item.is_deleted() || placed.item.kind == ItemKind::Comment {
        return Err(Error::NotFound);
    }
    s.db.set_reaction(item, me, kind, on).await?;
    Ok(placed)
}

/// Gives structured feedback on an item (at least one of its three parts),
/// telling its author and answering the giver's request for it. The same
/// feedback again records nothing. True when it was recorded.
pub async fn give_feedback(
    s: &Services,
    acting: &Acting,
    item: i64,
    input: FeedbackInput,
) -> Result<bool> {
    let placed = item_for(s, acting, item, Action::ViewSpace).await?;
    let me = acting.user_id().ok_or(Error::NotFound)?;
    if placed.item.parent_id.is_some() || placed.item.is_deleted() {
        return Err(Error::NotFound);
    }
    for words in [&input.strong, &input.question, &input.suggestion] {
        check_words(words)?;
    }
    let mut input = FeedbackInput {
        strong: input.strong.trim().to_string(),
        question: input.question.trim().to_string(),
        suggestion: input.suggestion.trim().to_string(),
        checklist: input.checklist,
        lang: input.lang,
    };
    if input.strong.is_empty() && input.question.is_empty() && input.suggestion.is_empty() {
        return Err(Error::Invalid("feedback-error-empty"));
    }
    input.checklist.sort_unstable();
    input.checklist.dedup();
    input.checklist.retain(|i| *i < 20);
    Ok(s.db
        .add_feedback(item, me, &input, placed.item.author_id)
        .await?
        .is_some())
}

/// Asks people of the item's space for feedback on it (its author only):
/// those named, and with `set`, the author's action-learning set. Anyone else
/// is ignored; asking someone again asks once. How many were newly asked.
pub async fn ask_feedback(
    s: &Services,
    acting: &Acting,
    item: i64,
    peers: &[i64],
    set: bool,
) -> Result<u64> {
    let placed = item_for(s, acting, item, Action::EditPost).await?;
    let me = acting.user_id().ok_or(Error::NotFound)?;
    if placed.item.parent_id.is_some() || placed.item.is_deleted() {
        return Err(Error::NotFound);
    }
    let members = members_of(s, &placed).await?;
    let mut asked = peers.to_vec();
    if set {
        let sets = s.db.set_members(placed.cohort.id).await?;
        if let Some(mine) = sets.iter().find(|m| m.user_id == me).map(|m| m.set_id) {
            asked.extend(sets.iter().filter(|m| m.set_id == mine).map(|m| m.user_id));
        }
    }
    asked.retain(|p| *p != me && members.iter().any(|m| m.user_id == *p));
    asked.sort_unstable();
    asked.dedup();
    if asked.is_empty() {
        return Err(Error::Invalid("feedback-ask-error-none"));
    }
    Ok(s.db.request_feedback(item, me, &asked).await?)
}

/// One of a project's records, to share with its cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// The latest version of a tool applied to the project.
    Tool(String),
    /// A test-and-learn cycle, by its number.
    Cycle(i64),
    /// The latest reading of the project's measure.
    LatestReading,
}

/// Shares one of a project's records with its cohort, with a note: someone
/// who may change the project and is of its cohort's space (staff editing a
/// project are; an administrator outside it is not). The people named after
/// `@` are told. The post's id, or `None` when that record was shared by
/// this person already (nothing changed).
pub async fn share(
    s: &Services,
    acting: &Acting,
    project: i64,
    record: &Record,
    note: &str,
    lang: Lang,
) -> Result<Option<i64>> {
    let ctx = crate::projects::project_for(s, acting, project, Action::EditProject).await?;
    acting.may(
        Action::ViewSpace,
        Resource::Cohort {
            programme: ctx.programme.id,
            cohort: ctx.cohort.id,
        },
    )?;
    let author = acting.user_id().ok_or(Error::NotFound)?;
    let note = note.trim();
    check_words(note)?;
    let (kind, tool_id, ref_id) = match record {
        Record::Tool(tool) => {
            let latest =
                s.db.applications(project)
                    .await?
                    .into_iter()
                    .filter(|a| &a.tool_id == tool)
                    .max_by_key(|a| a.version)
                    .ok_or(Error::NotFound)?;
            (ItemKind::Tool, Some(latest.tool_id), latest.id)
        }
        Record::Cycle(number) => {
            let cycle =
                s.db.cycles(project)
                    .await?
                    .into_iter()
                    .find(|c| c.number == *number)
                    .ok_or(Error::NotFound)?;
            (ItemKind::Cycle, None, cycle.id)
        }
        Record::LatestReading => {
            let latest =
                s.db.readings(project)
                    .await?
                    .into_iter()
                    .next_back()
                    .ok_or(Error::NotFound)?;
            (ItemKind::Reading, None, latest.id)
        }
    };
    let members = s.db.space_members(ctx.programme.id, ctx.cohort.id).await?;
    // The record is the key: the same version shared twice is one post.
    let key = format!("share:{author}:{}:{ref_id}", kind.as_str());
    Ok(s.db
        .add_item_once(
            &NewItem {
                cohort: ctx.cohort.id,
                parent: None,
                author,
                kind,
                project: Some(project),
                tool_id: tool_id.as_deref(),
                ref_id: Some(ref_id),
                body: note,
                lang,
                alumni: None,
            },
            &mentions(note, &members),
            &[],
            Some(&key),
        )
        .await?)
}
