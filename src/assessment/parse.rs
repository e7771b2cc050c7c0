//! Reading an assessment: front-matter split, YAML, then the typed view.
//!
//! Reading never stops at the first problem. Each field that cannot be read
//! becomes a diagnostic with its position and the rest of the file is still
//! read, so one run tells the user everything that is wrong.

use std::borrow::Cow;
use std::collections::HashMap;

use super::frontmatter::{SplitError, split};
use super::{
    Answer, Assessment, Choice, Confidence, ConfidenceEntry, Decision, FORMAT_VERSION, Field,
    FrontMatter, Located, Recommendation, RecommendationField, Status,
};
use crate::date::Date;
use crate::diagnostic::rules::{INVALID_FRONT_MATTER, MISSING_FRONT_MATTER};
use crate::diagnostic::{Diagnostic, RecommendationPart, Subject};
use crate::source::{LineIndex, Pos, Source};
use crate::yaml::{self, Node, Value};

/// The result of reading a file: the assessment when its YAML could be read
/// (possibly with fields missing), and every problem found, as findings of
/// the reading rules (invalid-front-matter, missing-front-matter).
#[derive(Clone, Debug)]
pub struct Parsed {
    pub assessment: Option<Assessment>,
    pub problems: Vec<Diagnostic>,
}

/// A problem with the front-matter's content (MRD001).
fn invalid(pos: Pos, message: impl Into<String>) -> Diagnostic {
    Diagnostic::rule(&INVALID_FRONT_MATTER, pos, message)
}

/// Reads a whole assessment file.
pub fn parse(source: &Source) -> Parsed {
    let parts = match split(&source.text) {
        Ok(parts) => parts,
        Err(SplitError::Missing) => {
            let problem = Diagnostic::rule(
                &MISSING_FRONT_MATTER,
                Pos::START,
                "the file has no front-matter",
            )
            .help("an assessment starts with a `---` line, its YAML answers, and a closing `---` line");
            return Parsed {
                assessment: None,
                problems: vec![problem],
            };
        }
        Err(SplitError::Unclosed) => {
            let problem = Diagnostic::rule(
                &MISSING_FRONT_MATTER,
                Pos::new(0, 3),
                "the front-matter opened here is never closed",
            )
            .help("add a line with `---` after the last YAML line");
            return Parsed {
                assessment: None,
                problems: vec![problem],
            };
        }
    };
    let (front, problems) = parse_front_matter(&source.text, parts.yaml_offset, parts.yaml.len());
    Parsed {
        assessment: front.map(|front| Assessment {
            front,
            body: parts.body.to_string(),
            bom: source.bom,
            crlf: parts.crlf,
        }),
        problems,
    }
}

/// Reads front-matter YAML on its own: the `len` bytes of `text` from
/// `offset` (the body of an assessment's fences), or a whole `--answers`
/// file. Positions are `text`'s.
pub fn parse_front_matter(
    text: &str,
    offset: usize,
    len: usize,
) -> (Option<FrontMatter>, Vec<Diagnostic>) {
    let root = match yaml::parse_at(&text[offset..offset + len], offset) {
        Ok(root) => root,
        Err(err) => {
            let problem = invalid(err.pos, err.message).help(err.help.unwrap_or_else(|| {
                "fix the YAML syntax; every other check waits until the front-matter can be read"
                    .into()
            }));
            return (None, vec![problem]);
        }
    };
    let mut reader = Reader {
        text,
        ..Reader::default()
    };
    let front = reader.front_matter(root);
    let mut problems = reader.problems;
    problems.sort_by_key(Diagnostic::offset);
    (Some(front), problems)
}

#[derive(Default)]
struct Reader<'t> {
    /// The file's text, for the line a duplicate key was first set on.
    text: &'t str,
    index: Option<LineIndex>,
    problems: Vec<Diagnostic>,
    invalid: Vec<String>,
}

/// The text of a key, borrowed when it is a string (nearly always).
fn key_name(key: &Node) -> Option<Cow<'_, str>> {
    match &key.value {
        Value::String(s) => Some(Cow::Borrowed(s)),
        _ => key.as_text().map(Cow::Owned),
    }
}

/// The text of a key the reader is done with, moved out of its node rather
/// than copied (nearly every key is a string).
fn take_key(key: &mut Node) -> String {
    match &mut key.value {
        Value::String(s) => std::mem::take(s),
        _ => key.as_text().unwrap_or_default(),
    }
}

/// What a problem at `path` (`answers.problem`, `recommendation.rationale`,
/// `labels[0]`) is about.
fn subject(path: &str) -> Subject {
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    let head = head.split('[').next().unwrap_or(head);
    let rest = rest.split('[').next().unwrap_or(rest);
    match (Field::from_key(head), RecommendationField::from_key(rest)) {
        (Some(Field::Title), _) => Subject::Title,
        (Some(Field::Answers), _) if !rest.is_empty() => Subject::Answer(rest.to_string()),
        (Some(Field::Confidence), _) if !rest.is_empty() => Subject::Confidence(rest.to_string()),
        (Some(Field::Recommendation), Some(RecommendationField::Decision)) => {
            Subject::Recommendation(RecommendationPart::Decision)
        }
        (Some(Field::Recommendation), Some(RecommendationField::Rationale)) => {
            Subject::Recommendation(RecommendationPart::Rationale)
        }
        (Some(Field::Recommendation), Some(RecommendationField::Conditions)) => {
            Subject::Recommendation(RecommendationPart::Conditions)
        }
        (Some(Field::Recommendation), _) => Subject::Recommendation(RecommendationPart::Block),
        _ => Subject::File,
    }
}

/// Mappings with more entries than this find duplicate keys through a hash
/// map; smaller ones (every mapping a real assessment has) by a scan, which
/// costs no allocation.
const SCANNED_KEYS: usize = 16;

/// The tree is the reader's to take apart: answers are moved out of it,
/// not copied, since it is dropped as soon as the typed view exists.
impl Reader<'_> {
    fn front_matter(&mut self, root: Node) -> FrontMatter {
        let mut front = FrontMatter::default();
        let entries = match root.value {
            Value::Map(entries) => entries,
            Value::Null => Vec::new(),
            ref other => {
                self.problems.push(
                    invalid(
                        root.pos,
                        format!(
                            "the front-matter is {}, not a mapping of keys to values",
                            other.kind()
                        ),
                    )
                    .help("write `key: value` lines, starting with `title:`"),
                );
                Vec::new()
            }
        };
        for (key, value) in self.unique_entries(entries, "") {
            let name = key_name(&key).unwrap_or_default().into_owned();
            let path = name.as_str();
            match Field::from_key(path) {
                Some(Field::Version) => front.version = self.version(&value),
                Some(Field::Title) => front.title = self.text(value, path),
                Some(Field::Author) => front.author = self.text(value, path),
                Some(Field::Milestone) => front.milestone = self.text(value, path),
                Some(Field::Created) => front.created = self.date(value, path),
                Some(Field::Decided) => front.decided = self.date(value, path),
                Some(Field::Status) => front.status = self.choice::<Status>(value, path),
                Some(Field::Labels) => front.labels = self.text_list(value, path),
                Some(Field::Answers) => {
                    front.answers_pos = Some(key.pos);
                    front.answers = self.answers(value);
                }
                Some(Field::Confidence) => front.confidence = self.confidence(value),
                Some(Field::Recommendation) => {
                    front.recommendation = self.recommendation(key.pos, value)
                }
                // The file's lint settings are the linter's to read; like
                // unknown keys, they are kept as written.
                Some(Field::FileSettings) | None => {
                    front.keys.push(Located::new(name, key.pos));
                    front.extra.push((key, value));
                    continue;
                }
            }
            front.keys.push(Located::new(name, key.pos));
        }
        front.invalid = std::mem::take(&mut self.invalid);
        front
    }

    /// The entries of a mapping with duplicates reported and dropped (the
    /// first one counts, as the one a reader meets first).
    fn unique_entries(&mut self, entries: Vec<(Node, Node)>, parent: &str) -> Vec<(Node, Node)> {
        let mut unique: Vec<(Node, Node)> = Vec::with_capacity(entries.len());
        let mut index: HashMap<String, Pos> = HashMap::new();
        let many = entries.len() > SCANNED_KEYS;
        for (key, value) in entries {
            let Some(name) = key_name(&key) else {
                self.problems.push(
                    invalid(
                        key.pos,
                        format!("a key must be text, not {}", key.value.kind()),
                    )
                    .about(subject(parent.trim_end_matches('.'))),
                );
                continue;
            };
            let first = if many {
                index.get(name.as_ref()).copied()
            } else {
                unique
                    .iter()
                    .find(|(seen, _)| key_name(seen).as_deref() == Some(name.as_ref()))
                    .map(|(seen, _)| seen.pos)
            };
            if let Some(first) = first {
                let line = self.line(first);
                let path = format!("{parent}{name}");
                self.problems.push(
                    invalid(key.pos, format!("duplicate key `{path}`"))
                        .help(format!(
                            "`{name}` is first set on line {line}; keep one of the two"
                        ))
                        .about(subject(&path)),
                );
                continue;
            }
            if many {
                index.insert(name.into_owned(), key.pos);
            }
            unique.push((key, value));
        }
        unique
    }

    /// The line of a position, for messages that name another place.
    fn line(&mut self, pos: Pos) -> u32 {
        let text = self.text;
        let index = self.index.get_or_insert_with(|| LineIndex::new(text));
        index.line_column(pos.offset, text).line
    }

    fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        self.invalid.push(path.to_string());
        self.problems.push(
            invalid(
                node.pos,
                format!("`{path}` must be {expected}, found {}", node.value.kind()),
            )
            .about(subject(path)),
        );
    }

    /// Text fields take any scalar: a milestone of `44` is text to a reader.
    /// An empty value counts as absent.
    fn text(&mut self, node: Node, path: &str) -> Option<Located<String>> {
        let pos = node.pos;
        match node.value {
            Value::Null => None,
            Value::String(text) => Some(Located::new(text, pos)),
            Value::Seq(_) | Value::Map(_) => {
                self.wrong_type(&node, path, "text");
                None
            }
            _ => node.as_text().map(|text| Located::new(text, pos)),
        }
    }

    fn version(&mut self, node: &Node) -> Option<Located<u32>> {
        match node.value {
            Value::Int(v) if v == i128::from(FORMAT_VERSION) => {
                Some(Located::new(FORMAT_VERSION, node.pos))
            }
            Value::Null => None,
            _ => {
                self.invalid.push("mrd".into());
                let shown = node
                    .as_text()
                    .unwrap_or_else(|| node.value.kind().to_string());
                self.problems.push(
                    invalid(node.pos, format!("unsupported format version `{shown}`"))
                    .help(format!(
                        "this version of mrd reads format version {FORMAT_VERSION}; remove the key or write `mrd: {FORMAT_VERSION}`"
                    )),
                );
                None
            }
        }
    }

    fn date(&mut self, node: Node, path: &str) -> Option<Located<Date>> {
        let text = self.text(node, path)?;
        match text.value.parse::<Date>() {
            Ok(date) => Some(Located::new(date, text.pos)),
            Err(err) => {
                self.invalid.push(path.to_string());
                self.problems.push(
                    invalid(text.pos, format!("invalid date in `{path}`: {err}"))
                        .help("write an ISO date such as 2026-10-02")
                        .about(subject(path)),
                );
                None
            }
        }
    }

    fn choice<T: Choice>(&mut self, node: Node, path: &str) -> Option<Located<T>> {
        let text = self.text(node, path)?;
        match T::parse_choice(&text.value) {
            Some(value) => Some(Located::new(value, text.pos)),
            None => {
                self.invalid.push(path.to_string());
                self.problems.push(
                    invalid(
                        text.pos,
                        format!("invalid value `{}` for `{path}`", text.value.trim()),
                    )
                    .help(format!("`{path}` is one of: {}", T::spellings()))
                    .about(subject(path)),
                );
                None
            }
        }
    }

    fn text_list(&mut self, node: Node, path: &str) -> Vec<Located<String>> {
        match node.value {
            Value::Null => Vec::new(),
            Value::Seq(items) => items
                .into_iter()
                .enumerate()
                .filter_map(|(i, item)| self.text(item, &format!("{path}[{i}]")))
                .collect(),
            // One label written without brackets is still one label.
            _ => self.text(node, path).into_iter().collect(),
        }
    }

    fn mapping(&mut self, node: Node, path: &str) -> Vec<(Node, Node)> {
        match node.value {
            Value::Map(entries) => self.unique_entries(entries, &format!("{path}.")),
            Value::Null => Vec::new(),
            _ => {
                self.wrong_type(&node, path, "a mapping of keys to values");
                Vec::new()
            }
        }
    }

    fn answers(&mut self, node: Node) -> Vec<Answer> {
        let mut answers = Vec::new();
        for (mut key, value) in self.mapping(node, "answers") {
            let name = take_key(&mut key);
            let text = match &value.value {
                Value::Null => Some(Located::new(String::new(), value.pos)),
                Value::Seq(_) | Value::Map(_) => {
                    self.wrong_type(
                        &value,
                        &format!("answers.{name}"),
                        "Markdown text (use `|` for several lines)",
                    );
                    None
                }
                _ => self.text(value, "answers"),
            };
            if let Some(text) = text {
                answers.push(Answer {
                    key: Located::new(name, key.pos),
                    text,
                });
            }
        }
        answers
    }

    fn confidence(&mut self, node: Node) -> Vec<ConfidenceEntry> {
        let mut entries = Vec::new();
        for (mut key, value) in self.mapping(node, "confidence") {
            let name = take_key(&mut key);
            let level = if let Value::String(text) = &value.value
                && let Some(level) = Confidence::parse_choice(text)
            {
                // The usual case, without building the path for a message.
                Some(Located::new(level, value.pos))
            } else {
                self.choice::<Confidence>(value, &format!("confidence.{name}"))
            };
            if let Some(level) = level {
                entries.push(ConfidenceEntry {
                    key: Located::new(name, key.pos),
                    level,
                });
            }
        }
        entries
    }

    fn recommendation(&mut self, pos: Pos, node: Node) -> Option<Recommendation> {
        if let Value::String(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_) = node.value {
            self.wrong_type(
                &node,
                "recommendation",
                "a mapping with `decision:` and `rationale:`",
            );
            return None;
        }
        let mut recommendation = Recommendation {
            pos,
            ..Recommendation::default()
        };
        for (key, value) in self.mapping(node, "recommendation") {
            let field = key_name(&key)
                .as_deref()
                .and_then(RecommendationField::from_key);
            let path = |field: RecommendationField| format!("recommendation.{}", field.key());
            match field {
                Some(RecommendationField::Decision) => {
                    recommendation.decision =
                        self.choice::<Decision>(value, &path(RecommendationField::Decision))
                }
                Some(RecommendationField::Rationale) => {
                    let path = path(RecommendationField::Rationale);
                    recommendation.rationale = match &value.value {
                        Value::Seq(_) | Value::Map(_) => {
                            self.wrong_type(&value, &path, "Markdown text");
                            None
                        }
                        _ => self.text(value, &path),
                    }
                }
                Some(RecommendationField::Conditions) => {
                    recommendation.conditions =
                        self.text_list(value, &path(RecommendationField::Conditions))
                }
                None => recommendation.extra.push((key, value)),
            }
        }
        Some(recommendation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Parsed {
        parse(&Source::from_text("t.md", text))
    }

    #[test]
    fn reads_every_field_of_the_format() {
        let parsed = read(
            "---\nmrd: 1\ntitle: T\nauthor: A\ncreated: 2026-10-02\nstatus: review\ndecided: 2026-10-20\nlabels: [x, y]\nmilestone: 2026-W44\nanswers:\n  problem: |\n    Pain.\nconfidence:\n  problem: high\nrecommendation:\n  decision: No-Go\n  rationale: Because.\n  conditions: [c1]\nextra_key: {a: 1}\n---\nbody\n",
        );
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let a = parsed.assessment.unwrap();
        let f = &a.front;
        assert_eq!(f.version.as_ref().unwrap().value, 1);
        assert_eq!(f.title_text(), Some("T"));
        assert_eq!(f.created.as_ref().unwrap().value.to_string(), "2026-10-02");
        assert_eq!(f.status.as_ref().unwrap().value, Status::Review);
        assert_eq!(f.decided.as_ref().unwrap().value.to_string(), "2026-10-20");
        assert_eq!(f.labels.len(), 2);
        assert_eq!(f.milestone.as_ref().unwrap().value, "2026-W44");
        assert_eq!(f.answer_text("problem"), Some("Pain.\n"));
        assert_eq!(f.confidence_of("problem"), Some(Confidence::High));
        assert_eq!(f.decision(), Some(Decision::NoGo));
        assert_eq!(f.recommendation.as_ref().unwrap().conditions[0].value, "c1");
        assert_eq!(f.extra.len(), 1);
        assert_eq!(a.body, "body\n");
    }

    #[test]
    fn duplicate_keys_are_found_in_small_and_large_mappings() {
        for size in [3, 40] {
            let mut yaml = String::from("---\ntitle: T\nanswers:\n");
            for i in 0..size {
                yaml.push_str(&format!("  key{i}: text\n"));
            }
            yaml.push_str("  key1: again\n---\n");
            let parsed = read(&yaml);
            let duplicates: Vec<_> = parsed
                .problems
                .iter()
                .filter(|p| p.message.starts_with("duplicate key"))
                .collect();
            assert_eq!(duplicates.len(), 1, "{size} keys: {:?}", parsed.problems);
            let at = crate::source::line_column(&yaml, duplicates[0].offset());
            assert_eq!(at.0, 4 + size as u32, "{size} keys");
            assert_eq!(duplicates[0].subject, Subject::Answer("key1".into()));
            assert_eq!(duplicates[0].message, "duplicate key `answers.key1`");
            assert!(duplicates[0].help.as_ref().unwrap().contains("line 5"));
            let answers = &parsed.assessment.unwrap().front.answers;
            assert_eq!(answers.len(), size, "{size} keys");
            assert_eq!(answers[1].text.value, "text", "the first one counts");
        }
    }

    #[test]
    fn positions_are_in_file_coordinates() {
        let parsed = read("---\ntitle: T\nstatus: maybe\n---\n");
        let problem = &parsed.problems[0];
        assert_eq!(problem.message, "invalid value `maybe` for `status`");
        assert_eq!(problem.offset(), "---\ntitle: T\nstatus: ".len());
        assert_eq!(problem.span.unwrap().len, "maybe".len());
    }

    #[test]
    fn reports_every_problem_in_one_pass() {
        let parsed = read(
            "---\ntitle: [a]\ncreated: 2026-02-30\nstatus: maybe\nanswers:\n  problem: [x]\n  problem: y\nconfidence:\n  problem: sure\nrecommendation:\n  decision: perhaps\n---\n",
        );
        let text = "---\ntitle: [a]\ncreated: 2026-02-30\nstatus: maybe\nanswers:\n  problem: [x]\n  problem: y\nconfidence:\n  problem: sure\nrecommendation:\n  decision: perhaps\n---\n";
        let found: Vec<_> = parsed
            .problems
            .iter()
            .map(|p| {
                let line = crate::source::line_column(text, p.offset()).0;
                (
                    p.message.split(' ').next().unwrap().to_string(),
                    line,
                    p.subject.clone(),
                )
            })
            .collect();
        let answer = || Subject::Answer("problem".into());
        assert_eq!(
            found,
            [
                ("`title`".to_string(), 2, Subject::Title),
                ("invalid".to_string(), 3, Subject::File),
                ("invalid".to_string(), 4, Subject::File),
                ("`answers.problem`".to_string(), 6, answer()),
                ("duplicate".to_string(), 7, answer()),
                (
                    "invalid".to_string(),
                    9,
                    Subject::Confidence("problem".into())
                ),
                (
                    "invalid".to_string(),
                    11,
                    Subject::Recommendation(RecommendationPart::Decision)
                ),
            ]
        );
        assert!(parsed.problems.iter().all(|p| p.code() == "MRD001"));
        let front = parsed.assessment.unwrap().front;
        assert!(front.is_invalid("answers.problem"));
        assert!(front.is_invalid("recommendation.decision"));
    }
}
