//! Full-text search: SQLite's FTS5 (the `search_index` table its triggers
//! keep) or PostgreSQL's text search, over cohort-space items and projects.
//! Matches are marked with U+0001 … U+0002 in titles and snippets, for the
//! page to turn into `<mark>` after escaping.

use crate::db::Result;
use crate::{Db, with_pool};

/// What a search found: an item of a cohort space or a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Post(i64),
    Project(i64),
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub found: Found,
    pub cohort_id: i64,
    pub title: String,
    pub snippet: String,
}

/// What in a project a search found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A cycle; its key is the cycle's number.
    Cycle,
    /// The latest version of a tool application; its key is the tool.
    Tool,
    /// The latest version of a benefit line; its key is the line's id.
    Benefit,
}

#[derive(Debug, Clone)]
pub struct PartHit {
    pub part: Part,
    pub project_id: i64,
    pub cohort_id: i64,
    pub key: String,
    pub snippet: String,
    /// The language the part was written in, when it keeps one.
    pub lang: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PartRow {
    rowid: i64,
    cohort_id: i64,
    project_id: i64,
    key: Option<String>,
    snippet: String,
    lang: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    rowid: i64,
    cohort_id: i64,
    title: String,
    snippet: String,
}

/// The words of what a person typed (letters and digits only, so nothing is
/// read as syntax), each with every form sharing a Welsh radical with it
/// (see `ymarfer_domain::welsh`): "bara" finds "fara", "hasgwrn" "asgwrn".
pub fn typed_words(typed: &str) -> Vec<Vec<String>> {
    typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(ymarfer_domain::welsh::forms)
        .collect()
}

/// An FTS5 query from what a person typed: each word quoted and matched as a
/// prefix, in any of its forms; all words must match.
pub fn fts5_query(typed: &str) -> String {
    typed_words(typed)
        .iter()
        .map(|forms| {
            let any = forms
                .iter()
                .map(|f| format!("\"{f}\"*"))
                .collect::<Vec<_>>()
                .join(" OR ");
            format!("({any})")
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The same for PostgreSQL's `to_tsquery`: prefixes, any form, all words.
pub fn tsquery(typed: &str) -> String {
    typed_words(typed)
        .iter()
        .map(|forms| {
            let any = forms
                .iter()
                .map(|f| format!("{f}:*"))
                .collect::<Vec<_>>()
                .join(" | ");
            format!("({any})")
        })
        .collect::<Vec<_>>()
        .join(" & ")
}

/// A project's details and a post's thread, for the policy and the links.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostBrief {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub cohort_id: i64,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub alumni_programme_id: Option<i64>,
    /// The language it was written in.
    pub lang: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProjectBrief {
    pub id: i64,
    pub cohort_id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub visibility: String,
    pub public_approved: bool,
    /// The language its title and problem were written in.
    pub lang: String,
}

fn marks(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Db {
    /// Up to `limit` matches of `typed`, best first, after the first
    /// `offset`, in the cohorts named (`None`: everywhere).
    pub async fn search(
        &self,
        typed: &str,
        cohorts: Option<&[i64]>,
        limit: i64,
        offset: u32,
    ) -> Result<Vec<Hit>> {
        if typed.split_whitespace().next().is_none() || cohorts.is_some_and(|c| c.is_empty()) {
            return Ok(Vec::new());
        }
        let scope = |column: &str| match cohorts {
            Some(c) => format!(" AND {column} IN ({})", marks(3, c.len())),
            None => String::new(),
        };
        let rows: Vec<Row> = match self {
            Db::Sqlite(pool) => {
                let sql = format!(
                    "SELECT rowid, cohort_id, highlight(search_index, 1, char(1), char(2)) AS title, \
                     snippet(search_index, 2, char(1), char(2), '…', 24) AS snippet \
                     FROM search_index WHERE search_index MATCH $1{} \
                     ORDER BY bm25(search_index, 0.0, 4.0, 1.0) LIMIT $2 OFFSET {offset}",
                    scope("cohort_id")
                );
                let query = fts5_query(typed);
                if query.is_empty() {
                    return Ok(Vec::new());
                }
                let mut q = sqlx::query_as(&sql).bind(query).bind(limit);
                for c in cohorts.unwrap_or_default() {
                    q = q.bind(c);
                }
                q.fetch_all(pool).await?
            }
            Db::Postgres(pool) => {
                let options = "'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, HighlightAll=false'";
                let sql = format!(
                    "WITH q AS (SELECT to_tsquery('simple', $1) AS q) \
                     SELECT rowid, cohort_id, title, snippet FROM ( \
                       SELECT p.id * 2 AS rowid, p.cohort_id, '' AS title, \
                         ts_headline('simple', p.body, q.q, {options}) AS snippet, \
                         ts_rank(to_tsvector('simple', p.body), q.q)::float8 AS score \
                       FROM posts p, q WHERE p.deleted_at IS NULL AND to_tsvector('simple', p.body) @@ q.q{} \
                       UNION ALL \
                       SELECT pr.id * 2 + 1, pr.cohort_id, \
                         ts_headline('simple', pr.title, q.q, {options}), \
                         ts_headline('simple', pr.problem, q.q, {options}), \
                         (2 * ts_rank(to_tsvector('simple', pr.title || ' ' || pr.problem), q.q))::float8 \
                       FROM projects pr, q WHERE to_tsvector('simple', pr.title || ' ' || pr.problem) @@ q.q{} \
                     ) hits ORDER BY score DESC, rowid DESC LIMIT $2 OFFSET {offset}",
                    scope("p.cohort_id"),
                    scope("pr.cohort_id")
                );
                let query = tsquery(typed);
                if query.is_empty() {
                    return Ok(Vec::new());
                }
                let mut q = sqlx::query_as(&sql).bind(query).bind(limit);
                for c in cohorts.unwrap_or_default() {
                    q = q.bind(c);
                }
                q.fetch_all(pool).await?
            }
        };
        Ok(rows
            .into_iter()
            .map(|r| Hit {
                found: if r.rowid % 2 == 0 {
                    Found::Post(r.rowid / 2)
                } else {
                    Found::Project(r.rowid / 2)
                },
                cohort_id: r.cohort_id,
                title: r.title,
                snippet: r.snippet,
            })
            .collect())
    }

    /// Up to `limit` matches of `typed` in projects' cycles, tool applications
    /// and benefit lines, best first, after the first `offset`, in the
    /// cohorts named (`None`: everywhere).
    pub async fn search_parts(
        &self,
        typed: &str,
        cohorts: Option<&[i64]>,
        limit: i64,
        offset: u32,
    ) -> Result<Vec<PartHit>> {
        if cohorts.is_some_and(|c| c.is_empty()) {
            return Ok(Vec::new());
        }
        let scope = |column: &str| match cohorts {
            Some(c) => format!(" AND {column} IN ({})", marks(3, c.len())),
            None => String::new(),
        };
        let rows: Vec<PartRow> = match self {
            Db::Sqlite(pool) => {
                let query = fts5_query(typed);
                if query.is_empty() {
                    return Ok(Vec::new());
                }
                let sql = format!(
                    "SELECT search_parts.rowid AS rowid, cohort_id, project_id, \
                     snippet(search_parts, 2, char(1), char(2), '…', 24) AS snippet, \
                     CASE search_parts.rowid % 3 \
                       WHEN 0 THEN (SELECT CAST(number AS TEXT) FROM cycles WHERE id = search_parts.rowid / 3) \
                       WHEN 1 THEN (SELECT tool_id FROM tool_applications WHERE id = (search_parts.rowid - 1) / 3) \
                       ELSE CAST((search_parts.rowid - 2) / 3 AS TEXT) END AS key, \
                     CASE search_parts.rowid % 3 \
                       WHEN 0 THEN (SELECT lang FROM cycles WHERE id = search_parts.rowid / 3) \
                       WHEN 1 THEN (SELECT lang FROM tool_applications WHERE id = (search_parts.rowid - 1) / 3) \
                       END AS lang \
                     FROM search_parts WHERE search_parts MATCH $1{} \
                     ORDER BY bm25(search_parts) LIMIT $2 OFFSET {offset}",
                    scope("cohort_id")
                );
                let mut q = sqlx::query_as(&sql).bind(query).bind(limit);
                for c in cohorts.unwrap_or_default() {
                    q = q.bind(c);
                }
                q.fetch_all(pool).await?
            }
            Db::Postgres(pool) => {
                let query = tsquery(typed);
                if query.is_empty() {
                    return Ok(Vec::new());
                }
                let options = "'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, HighlightAll=false'";
                let cycle =
                    "c.change_idea || ' ' || c.prediction || ' ' || c.happened || ' ' || c.study";
                let sql = format!(
                    "WITH q AS (SELECT to_tsquery('simple', $1) AS q) \
                     SELECT rowid, cohort_id, project_id, snippet, key, lang FROM ( \
                       SELECT c.id * 3 AS rowid, p.cohort_id, p.id AS project_id, \
                         ts_headline('simple', {cycle}, q.q, {options}) AS snippet, c.number::text AS key, c.lang, \
                         ts_rank(to_tsvector('simple', {cycle}), q.q)::float8 AS score \
                       FROM cycles c JOIN projects p ON p.id = c.project_id CROSS JOIN q \
                       WHERE to_tsvector('simple', {cycle}) @@ q.q{} \
                       UNION ALL \
                       SELECT t.id * 3 + 1, p.cohort_id, p.id, ts_headline('simple', x.body, q.q, {options}), t.tool_id, t.lang, \
                         ts_rank(to_tsvector('simple', x.body), q.q)::float8 \
                       FROM tool_applications t JOIN projects p ON p.id = t.project_id \
                       CROSS JOIN LATERAL (SELECT COALESCE(string_agg(v #>> '{{}}', ' '), '') AS body \
                         FROM jsonb_path_query(t.data::jsonb, 'strict $.** ? (@.type() == \"string\")') v) x \
                       CROSS JOIN q \
                       WHERE t.version = (SELECT max(version) FROM tool_applications l \
                           WHERE l.project_id = t.project_id AND l.tool_id = t.tool_id) \
                         AND to_tsvector('simple', x.body) @@ q.q{} \
                       UNION ALL \
                       SELECT l.id * 3 + 2, p.cohort_id, p.id, ts_headline('simple', v.description, q.q, {options}), \
                         l.id::text, NULL, ts_rank(to_tsvector('simple', v.description), q.q)::float8 \
                       FROM benefit_lines l JOIN projects p ON p.id = l.project_id \
                       JOIN benefit_versions v ON v.line_id = l.id CROSS JOIN q \
                       WHERE v.version = (SELECT max(version) FROM benefit_versions w WHERE w.line_id = l.id) \
                         AND to_tsvector('simple', v.description) @@ q.q{} \
                     ) hits ORDER BY score DESC, rowid DESC LIMIT $2 OFFSET {offset}",
                    scope("p.cohort_id"),
                    scope("p.cohort_id"),
                    scope("p.cohort_id")
                );
                let mut q = sqlx::query_as(&sql).bind(query).bind(limit);
                for c in cohorts.unwrap_or_default() {
                    q = q.bind(c);
                }
                q.fetch_all(pool).await?
            }
        };
        Ok(rows
            .into_iter()
            .map(|r| PartHit {
                part: match r.rowid % 3 {
                    0 => Part::Cycle,
                    1 => Part::Tool,
                    _ => Part::Benefit,
                },
                project_id: r.project_id,
                cohort_id: r.cohort_id,
                key: r.key.unwrap_or_default(),
                snippet: r.snippet,
                lang: r.lang,
            })
            .collect())
    }

    /// Threads and authors of some posts, in one query.
    pub async fn posts_brief(&self, ids: &[i64]) -> Result<Vec<PostBrief>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT p.id, p.parent_id, p.cohort_id, p.author_id, u.display_name AS author, p.created_at, p.alumni_programme_id, p.lang \
             FROM posts p LEFT JOIN users u ON u.id = p.author_id WHERE p.id IN ({})",
            marks(1, ids.len())
        );
        Ok(with_pool!(self, |pool| {
            let mut q = sqlx::query_as(&sql);
            for id in ids {
                q = q.bind(id);
            }
            q.fetch_all(pool).await?
        }))
    }

    /// What the policy needs of some projects, in one query.
    pub async fn projects_brief(&self, ids: &[i64]) -> Result<Vec<ProjectBrief>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT p.id, p.cohort_id, p.organisation_id, o.name AS organisation, p.visibility, \
             (p.public_approved_by IS NOT NULL) AS public_approved, p.lang \
             FROM projects p JOIN organisations o ON o.id = p.organisation_id WHERE p.id IN ({})",
            marks(1, ids.len())
        );
        Ok(with_pool!(self, |pool| {
            let mut q = sqlx::query_as(&sql);
            for id in ids {
                q = q.bind(id);
            }
            q.fetch_all(pool).await?
        }))
    }

    /// The cohorts of some programmes (id, programme, last day), in one query.
    pub async fn cohort_ids_of(
        &self,
        programmes: &[i64],
    ) -> Result<Vec<(i64, i64, Option<chrono::NaiveDate>)>> {
        if programmes.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id, programme_id, ends_on FROM cohorts WHERE programme_id IN ({})",
            marks(1, programmes.len())
        );
        Ok(with_pool!(self, |pool| {
            let mut q = sqlx::query_as(&sql);
            for p in programmes {
                q = q.bind(p);
            }
            q.fetch_all(pool).await?
        }))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_words_become_quoted_prefixes() {
        assert_eq!(super::fts5_query("yn  ty"), "(\"yn\"*) AND (\"ty\"*)");
        assert_eq!(
            super::fts5_query("\"NEAR(a b)\" OR -x"),
            "(\"near\"* OR \"dear\"* OR \"ddear\"*) AND (\"a\"*) AND (\"b\"*) AND (\"or\"*) AND (\"x\"*)"
        );
        assert_eq!(super::fts5_query("  \" "), "");
        assert_eq!(super::tsquery("  '&| "), "");
    }

    #[test]
    fn each_word_is_asked_for_in_its_welsh_forms() {
        assert_eq!(
            super::fts5_query("Mam"),
            "(\"mam\"* OR \"fam\"* OR \"bam\"*)"
        );
        assert_eq!(super::tsquery("fam yn"), "(fam:* | bam:* | mam:*) & (yn:*)");
    }
}
