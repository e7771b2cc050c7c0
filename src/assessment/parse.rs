//! Reading an assessment: front-matter split, YAML, then the typed view.
//!
//! Reading never stops at the first problem. Each field that cannot be read
//! becomes a `Problem` with its position and the rest of the file is still
//! read, so one run tells the user everything that is wrong.

use std::borrow::Cow;
use std::collections::HashMap;

use super::frontmatter::{SplitError, split};
use super::{
    Answer, Assessment, Choice, Confidence, ConfidenceEntry, Decision, FORMAT_VERSION, FrontMatter,
    Located, Recommendation, Status,
};
use crate::date::Date;
use crate::source::Source;
use crate::yaml::{self, Node, Pos, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file does not start with `---`.
    NoFrontMatter,
    /// The opening `---` is never closed.
    UnclosedFrontMatter,
    /// The YAML cannot be read at all.
    Syntax,
    /// A list where text was expected, and the like.
    WrongType,
    /// A value outside its set (status, decision, confidence) or format version.
    InvalidValue,
    InvalidDate,
    DuplicateKey,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub pos: Pos,
    pub message: String,
    pub help: Option<String>,
}

impl Problem {
    fn new(kind: ProblemKind, pos: Pos, message: impl Into<String>) -> Problem {
        Problem {
            kind,
            pos,
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}

/// The result of reading a file: the assessment when its YAML could be read
/// (possibly with fields missing), and every problem found.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub assessment: Option<Assessment>,
    pub problems: Vec<Problem>,
}

const START: Pos = Pos {
    line: 1,
    column: 1,
    offset: 0,
    len: 3,
};

/// Reads a whole assessment file.
pub fn parse(source: &Source) -> Parsed {
    let parts = match split(&source.text) {
        Ok(parts) => parts,
        Err(SplitError::Missing) => {
            let problem = Problem::new(
                ProblemKind::NoFrontMatter,
                Pos { len: 0, ..START },
                "the file has no front-matter",
            )
            .help("an assessment starts with a `---` line, its YAML answers, and a closing `---` line");
            return Parsed {
                assessment: None,
                problems: vec![problem],
            };
        }
        Err(SplitError::Unclosed) => {
            let problem = Problem::new(
                ProblemKind::UnclosedFrontMatter,
                START,
                "the front-matter opened here is never closed",
            )
            .help("add a line with `---` after the last YAML line");
            return Parsed {
                assessment: None,
                problems: vec![problem],
            };
        }
    };
    let (front, problems) = parse_front_matter(parts.yaml, parts.yaml_line, parts.yaml_offset);
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

/// Reads front-matter YAML on its own (the body of an assessment's fences, or
/// an `--answers` file). `first_line` and `offset` place the YAML in its file
/// so that positions are the file's.
pub fn parse_front_matter(
    yaml_text: &str,
    first_line: u32,
    offset: usize,
) -> (Option<FrontMatter>, Vec<Problem>) {
    let shift = |mut pos: Pos| {
        pos.line += first_line - 1;
        pos.offset += offset;
        pos
    };
    let mut root = match yaml::parse(yaml_text) {
        Ok(root) => root,
        Err(err) => {
            let problem = Problem::new(ProblemKind::Syntax, shift(err.pos), err.message).help(
                "fix the YAML syntax; every other check waits until the front-matter can be read",
            );
            return (None, vec![problem]);
        }
    };
    yaml::fix_positions(yaml_text, &mut root);
    shift_tree(&mut root, &shift);

    let mut reader = Reader::default();
    let front = reader.front_matter(root);
    let mut problems = reader.problems;
    problems.sort_by_key(|p| (p.pos.line, p.pos.column));
    (Some(front), problems)
}

fn shift_tree(node: &mut Node, shift: &impl Fn(Pos) -> Pos) {
    node.pos = shift(node.pos);
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| shift_tree(n, shift)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            shift_tree(k, shift);
            shift_tree(v, shift);
        }),
        _ => {}
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    invalid: Vec<String>,
}

/// The text of a key, borrowed when it is a string (nearly always).
fn key_name(key: &Node) -> Option<Cow<'_, str>> {
    match &key.value {
        Value::String(s) => Some(Cow::Borrowed(s)),
        _ => key.as_text().map(Cow::Owned),
    }
}

/// Mappings with more entries than this find duplicate keys through a hash
/// map; smaller ones (every mapping a real assessment has) by a scan, which
/// costs no allocation.
const SCANNED_KEYS: usize = 16;

/// The tree is the reader's to take apart: answers are moved out of it,
/// not copied, since it is dropped as soon as the typed view exists.
impl Reader {
    fn front_matter(&mut self, root: Node) -> FrontMatter {
        let mut front = FrontMatter::default();
        let entries = match root.value {
            Value::Map(entries) => entries,
            Value::Null => Vec::new(),
            ref other => {
                self.problems.push(
                    Problem::new(
                        ProblemKind::WrongType,
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
            match name.as_str() {
                "mrd" => front.version = self.version(&value),
                "title" => front.title = self.text(value, "title"),
                "author" => front.author = self.text(value, "author"),
                "milestone" => front.milestone = self.text(value, "milestone"),
                "created" => front.created = self.date(value, "created"),
                "decided" => front.decided = self.date(value, "decided"),
                "status" => front.status = self.choice::<Status>(value, "status"),
                "labels" => front.labels = self.text_list(value, "labels"),
                "answers" => {
                    front.answers_pos = Some(key.pos);
                    front.answers = self.answers(value);
                }
                "confidence" => front.confidence = self.confidence(value),
                "recommendation" => front.recommendation = self.recommendation(key.pos, value),
                _ => {
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
                self.problems.push(Problem::new(
                    ProblemKind::WrongType,
                    key.pos,
                    format!("a key must be text, not {}", key.value.kind()),
                ));
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
                self.problems.push(
                    Problem::new(
                        ProblemKind::DuplicateKey,
                        key.pos,
                        format!("duplicate key `{parent}{name}`"),
                    )
                    .help(format!(
                        "`{name}` is first set on line {}; keep one of the two",
                        first.line
                    )),
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

    fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        self.invalid.push(path.to_string());
        self.problems.push(Problem::new(
            ProblemKind::WrongType,
            node.pos,
            format!("`{path}` must be {expected}, found {}", node.value.kind()),
        ));
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
                    Problem::new(
                        ProblemKind::InvalidValue,
                        node.pos,
                        format!("unsupported format version `{shown}`"),
                    )
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
                    Problem::new(
                        ProblemKind::InvalidDate,
                        text.pos,
                        format!("invalid date in `{path}`: {err}"),
                    )
                    .help("write an ISO date such as 2026-10-02"),
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
                    Problem::new(
                        ProblemKind::InvalidValue,
                        text.pos,
                        format!("invalid value `{}` for `{path}`", text.value.trim()),
                    )
                    .help(format!("`{path}` is one of: {}", T::spellings())),
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
        for (key, value) in self.mapping(node, "answers") {
            let name = key_name(&key).unwrap_or_default().into_owned();
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
        for (key, value) in self.mapping(node, "confidence") {
            let name = key_name(&key).unwrap_or_default().into_owned();
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
            match key_name(&key).unwrap_or_default().as_ref() {
                "decision" => {
                    recommendation.decision =
                        self.choice::<Decision>(value, "recommendation.decision")
                }
                "rationale" => {
                    recommendation.rationale = match &value.value {
                        Value::Seq(_) | Value::Map(_) => {
                            self.wrong_type(&value, "recommendation.rationale", "Markdown text");
                            None
                        }
                        _ => self.text(value, "recommendation.rationale"),
                    }
                }
                "conditions" => {
                    recommendation.conditions = self.text_list(value, "recommendation.conditions")
                }
                _ => recommendation.extra.push((key, value)),
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
                .filter(|p| p.kind == ProblemKind::DuplicateKey)
                .collect();
            assert_eq!(duplicates.len(), 1, "{size} keys: {:?}", parsed.problems);
            assert_eq!(duplicates[0].pos.line, 4 + size as u32, "{size} keys");
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
        assert_eq!(problem.kind, ProblemKind::InvalidValue);
        assert_eq!((problem.pos.line, problem.pos.column), (3, 9));
        assert_eq!(problem.pos.offset, "---\ntitle: T\nstatus: ".len());
    }

    #[test]
    fn reports_every_problem_in_one_pass() {
        let parsed = read(
            "---\ntitle: [a]\ncreated: 2026-02-30\nstatus: maybe\nanswers:\n  problem: [x]\n  problem: y\nconfidence:\n  problem: sure\nrecommendation:\n  decision: perhaps\n---\n",
        );
        let kinds: Vec<_> = parsed
            .problems
            .iter()
            .map(|p| (p.kind, p.pos.line))
            .collect();
        assert_eq!(
            kinds,
            [
                (ProblemKind::WrongType, 2),
                (ProblemKind::InvalidDate, 3),
                (ProblemKind::InvalidValue, 4),
                (ProblemKind::WrongType, 6),
                (ProblemKind::DuplicateKey, 7),
                (ProblemKind::InvalidValue, 9),
                (ProblemKind::InvalidValue, 11),
            ]
        );
        let front = parsed.assessment.unwrap().front;
        assert!(front.is_invalid("answers.problem"));
        assert!(front.is_invalid("recommendation.decision"));
    }
}
