//! What surrounds the Markdown in a file to import: a blog engine's
//! front-matter (Jekyll, Hugo), or the JSON that `gh issue view --json` and
//! `glab issue view --output json` print, one issue or an array of them.
//!
//! Each file becomes one or more [`Document`]s: the Markdown body, plus the
//! facts the wrapper states (title, author, date, labels, milestone), which
//! are more reliable than anything read from the body. A file whose
//! front-matter is an mrd assessment's is refused: there is nothing to import.
//!
//! The file's text is taken, not borrowed: a Markdown body is the same
//! allocation (the front-matter removed in place), and a JSON issue's body
//! is moved out of the parsed JSON, so no document's text is copied.

use std::str::FromStr;

use serde_json::Value as Json;

use crate::assessment;
use crate::date::Date;
use crate::yaml::{self, Node, Value};

/// One document to import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The name used in the report: the file, and for an issue in a JSON
    /// array its number (`issues.json#42`).
    pub name: String,
    /// The Markdown to read.
    pub body: String,
    /// Lines before the body in the file (the front-matter's), added to the
    /// body's line numbers in the report.
    pub line_offset: u32,
    pub title: Option<String>,
    /// Where the title came from, for the report (`front-matter`, `gh JSON`).
    pub title_from: Option<&'static str>,
    pub author: Option<String>,
    pub created: Option<Date>,
    pub labels: Vec<String>,
    pub milestone: Option<String>,
    /// A foreign front-matter's other keys, kept as they were.
    pub extra: Vec<(Node, Node)>,
    /// The issue's number, from JSON.
    pub number: Option<u64>,
}

/// Why a file gives no document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The front-matter is an mrd assessment's.
    Assessment,
    /// JSON that is not an issue or a list of issues, with the reason.
    Json(String),
    /// Front-matter YAML that cannot be read, with line and message.
    FrontMatter(u32, String),
}

/// Keys only an mrd assessment's front-matter has.
const ASSESSMENT_KEYS: &[&str] = &["answers", "recommendation", "mrd", "confidence"];

/// The documents in one file's text.
pub fn documents(name: &str, mut text: String) -> Result<Vec<Document>, Refusal> {
    let trimmed = text.trim_start();
    if trimmed.starts_with(['{', '['])
        && let Ok(json) = serde_json::from_str::<Json>(trimmed)
    {
        drop(text);
        return issues(name, json);
    }
    let front = match assessment::split(&text) {
        Ok(split) => Some(front_matter(name, &text, &split)?),
        Err(_) => None,
    };
    Ok(vec![match front {
        Some((mut doc, body_start)) => {
            text.drain(..body_start);
            doc.body = text;
            doc
        }
        None => Document {
            name: name.to_string(),
            body: text,
            ..Document::default()
        },
    }])
}

/// The document a front-matter describes (its body left empty), and where
/// the body starts in the text.
fn front_matter(
    name: &str,
    text: &str,
    split: &assessment::Split,
) -> Result<(Document, usize), Refusal> {
    let body_start = text.len() - split.body.len();
    let line_offset = text[..body_start].matches('\n').count() as u32;
    let mut doc = Document {
        name: name.to_string(),
        line_offset,
        ..Document::default()
    };
    if split.yaml.trim().is_empty() {
        return Ok((doc, body_start));
    }
    let root = yaml::parse_at(split.yaml, split.yaml_offset).map_err(|err| {
        let line = crate::source::line_column(text, err.pos.offset).0;
        Refusal::FrontMatter(line, err.message.clone())
    })?;
    let Some(entries) = root.entries() else {
        // Not a mapping: nothing to carry, and nothing of the body is lost.
        return Ok((doc, body_start));
    };
    if entries.iter().any(|(k, _)| {
        k.as_text()
            .is_some_and(|k| ASSESSMENT_KEYS.contains(&k.as_str()))
    }) {
        return Err(Refusal::Assessment);
    }
    for (key, value) in entries {
        let name = key.as_text().unwrap_or_default();
        match name.as_str() {
            "title" if doc.title.is_none() && value.as_text().is_some() => {
                doc.title = value.as_text().map(|t| t.trim().to_string());
                doc.title_from = Some("front-matter");
            }
            "date" | "created" | "created_at" | "createdAt"
                if doc.created.is_none() && date_of(value).is_some() =>
            {
                doc.created = date_of(value);
            }
            "author" if doc.author.is_none() && author_of(value).is_some() => {
                doc.author = author_of(value);
            }
            _ => doc.extra.push((key.clone(), without_positions(value))),
        }
    }
    Ok((doc, body_start))
}

/// The first ten characters of a date or timestamp (`2024-03-01 10:00 +0100`).
fn date_of(node: &Node) -> Option<Date> {
    date_text(&node.as_text()?)
}

fn date_text(text: &str) -> Option<Date> {
    Date::from_str(text.trim().get(..10)?).ok()
}

fn author_of(node: &Node) -> Option<String> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.as_text().as_deref() == Some("name"))
            .and_then(|(_, v)| v.as_text()),
        _ => node.as_text(),
    }
    .map(|a| a.trim().to_string())
    .filter(|a| !a.is_empty())
}

/// A kept value is written anew, so positions from the old file must not
/// leak into it.
fn without_positions(node: &Node) -> Node {
    let value = match &node.value {
        Value::Seq(items) => Value::Seq(items.iter().map(without_positions).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .iter()
                .map(|(k, v)| (without_positions(k), without_positions(v)))
                .collect(),
        ),
        other => other.clone(),
    };
    Node {
        pos: Default::default(),
        value,
    }
}

/// `gh issue view --json …` or `glab issue view --output json`, one issue or
/// an array (`gh issue list --json …` prints one).
fn issues(name: &str, json: Json) -> Result<Vec<Document>, Refusal> {
    match json {
        Json::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.into_iter().enumerate() {
                let mut doc = issue(item).map_err(|reason| {
                    Refusal::Json(format!("item {} of the array: {reason}", i + 1))
                })?;
                doc.name = match doc.number {
                    Some(n) => format!("{name}#{n}"),
                    None => format!("{name}[{}]", i + 1),
                };
                out.push(doc);
            }
            Ok(out)
        }
        json => {
            let mut doc = issue(json).map_err(Refusal::Json)?;
            doc.name = name.to_string();
            Ok(vec![doc])
        }
    }
}

fn text_field<'j>(item: &'j Json, keys: &[&str]) -> Option<&'j str> {
    keys.iter().find_map(|k| item.get(*k)?.as_str())
}

fn issue(mut item: Json) -> Result<Document, String> {
    let Json::Object(fields) = &mut item else {
        return Err("an issue is a JSON object".into());
    };
    let source = if fields.contains_key("description") {
        "glab JSON"
    } else {
        "gh JSON"
    };
    // gh calls the text `body`, glab `description`; it is moved out, not copied.
    let body = ["body", "description"]
        .iter()
        .find(|k| fields.get(**k).is_some_and(Json::is_string))
        .and_then(|k| fields.remove(*k))
        .and_then(|b| match b {
            Json::String(body) => Some(body),
            _ => None,
        })
        .ok_or(
            "it has no `body` (gh issue view --json title,body,…) or `description` (glab issue view --output json)",
        )?;
    let item = &item;
    let title = text_field(item, &["title"]).map(|t| t.trim().to_string());
    let labels = item
        .get("labels")
        .and_then(Json::as_array)
        .map(|labels| {
            labels
                .iter()
                .filter_map(|l| l.as_str().or_else(|| l.get("name")?.as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let milestone = item
        .get("milestone")
        .and_then(|m| m.as_str().or_else(|| m.get("title")?.as_str()))
        .map(str::to_string);
    let author = item.get("author").and_then(|a| {
        a.as_str()
            .or_else(|| a.get("name")?.as_str().filter(|n| !n.trim().is_empty()))
            .or_else(|| text_field(a, &["login", "username"]))
            .map(str::to_string)
    });
    let created = text_field(item, &["createdAt", "created_at"]).and_then(date_text);
    let number = ["number", "iid"]
        .iter()
        .find_map(|k| item.get(*k)?.as_u64());
    Ok(Document {
        name: String::new(),
        body,
        line_offset: 0,
        title_from: title.as_ref().map(|_| source),
        title: title.filter(|t| !t.is_empty()),
        author,
        created,
        labels,
        milestone,
        extra: Vec::new(),
        number,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_markdown_is_one_document() {
        let docs = documents("a.md", "# T\n\nbody\n".into()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].body, "# T\n\nbody\n");
    }

    #[test]
    fn a_blog_s_front_matter_gives_title_date_and_keeps_the_rest() {
        let text = "---\nlayout: post\ntitle: \"Offline mode\"\ndate: 2023-04-01 10:00:00 +0000\ntags: [mobile, sync]\n---\n## Problem\n\nPain.\n";
        let doc = &documents("post.md", text.into()).unwrap()[0];
        assert_eq!(doc.title.as_deref(), Some("Offline mode"));
        assert_eq!(
            doc.created.map(|d| d.to_string()).as_deref(),
            Some("2023-04-01")
        );
        assert_eq!(doc.body, "## Problem\n\nPain.\n");
        assert_eq!(doc.line_offset, 6);
        let kept: Vec<String> = doc.extra.iter().filter_map(|(k, _)| k.as_text()).collect();
        assert_eq!(kept, ["layout", "tags"]);
    }

    #[test]
    fn an_assessment_is_refused() {
        let text = "---\ntitle: x\nanswers:\n  problem: y\n---\n";
        assert_eq!(documents("a.md", text.into()), Err(Refusal::Assessment));
    }

    #[test]
    fn gh_and_glab_json() {
        let gh = r###"{"author":{"login":"octocat","name":"Mona Lisa"},"body":"## Problem\n\nPain.","createdAt":"2024-01-02T03:04:05Z","labels":[{"name":"mrd"}],"milestone":{"title":"Q3"},"title":"Offline mode","number":42}"###;
        let doc = &documents("42.json", gh.into()).unwrap()[0];
        assert_eq!(doc.title.as_deref(), Some("Offline mode"));
        assert_eq!(doc.author.as_deref(), Some("Mona Lisa"));
        assert_eq!(doc.labels, ["mrd"]);
        assert_eq!(doc.milestone.as_deref(), Some("Q3"));
        assert_eq!(
            doc.created.map(|d| d.to_string()).as_deref(),
            Some("2024-01-02")
        );
        assert_eq!(doc.title_from, Some("gh JSON"));

        let glab = r#"[{"iid":7,"title":"A","description":"x","labels":["a","b"],"milestone":null,"author":{"username":"jo","name":""},"created_at":"2023-05-06T00:00:00.000Z"}]"#;
        let docs = documents("all.json", glab.into()).unwrap();
        assert_eq!(docs[0].name, "all.json#7");
        assert_eq!(docs[0].author.as_deref(), Some("jo"));
        assert_eq!(docs[0].labels, ["a", "b"]);
        assert_eq!(docs[0].milestone, None);

        assert!(matches!(
            documents("x.json", r#"{"title":"no body"}"#.into()),
            Err(Refusal::Json(_))
        ));
    }
}
