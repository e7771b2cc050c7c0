//! A YAML tree that remembers where every key and value came from.
//!
//! Typed serde deserialization stops at the first problem, but `mrd` must report
//! every problem of a file in one run, each with its line and column. So YAML is
//! read once into this loosely typed tree (through serde-saphyr, which gives the
//! positions and guards against alias bombs and deep nesting), and the typed
//! views — the assessment, the config — are built from it by hand, collecting
//! problems instead of stopping.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_saphyr::Spanned;

mod block;
mod fast;

/// Where a node starts, in the coordinates of the parsed YAML text.
///
/// Lines and columns are 1-based and count characters, as editors do; `offset`
/// and `len` are in bytes so callers can slice the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub len: usize,
}

/// A YAML value with the position of its first character.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    String(String),
    Seq(Vec<Node>),
    /// Entries in document order. Duplicate keys are kept so that they can be
    /// reported with both positions.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// The name of this kind of value in messages ("expected a string, found a list").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::String(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl Node {
    /// The text of a scalar, for fields that hold text: YAML reads `2026` or
    /// `1.5` as numbers, but in a title or milestone they are just text.
    pub fn as_text(&self) -> Option<String> {
        match &self.value {
            Value::String(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn entries(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The key text of a mapping entry; non-string keys have none.
    pub fn key_text(&self) -> Option<String> {
        self.as_text()
    }

    pub fn string(pos: Pos, text: impl Into<String>) -> Node {
        Node {
            pos,
            value: Value::String(text.into()),
        }
    }
}

/// A YAML text that could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// Limits that keep hostile input from costing more than a real document could.
/// A generous real assessment has a few hundred nodes and no aliases.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_nodes: 100_000,
            max_depth: 64,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 10_000,
        },
    }
}

/// Parses one YAML document. An empty document is `Null`.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Node {
            pos: Pos {
                line: 1,
                column: 1,
                offset: 0,
                len: 0,
            },
            value: Value::Null,
        });
    }
    // Three readers, quickest first: each declines what it is not sure of,
    // and all three build the same tree (tested in `block` and below).
    if let Some(node) = block::parse(text).or_else(|| fast::parse(text)) {
        return Ok(node);
    }
    parse_with_serde_saphyr(text)
}

/// The reference reader alone, positions completed: what [`parse`] must
/// return whichever reader it uses (the reader differential in
/// fuzz/fuzz_targets/yaml_differential.rs compares the two).
#[doc(hidden)]
pub fn parse_reference(text: &str) -> Result<Node, SyntaxError> {
    if text.trim().is_empty() {
        return parse(text);
    }
    let mut node = parse_with_serde_saphyr(text)?;
    fix_positions(text, &mut node);
    Ok(node)
}

/// The reference reader: serde-saphyr, with its budgets and messages. Every
/// document the fast path declines (errors, anchors, aliases, tags, unusual
/// numbers, deep nesting) is read here.
fn parse_with_serde_saphyr(text: &str) -> Result<Node, SyntaxError> {
    match serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options()) {
        Ok(spanned) => {
            let mut node = spanned.value;
            node.pos = position(text, &spanned.referenced);
            Ok(node)
        }
        Err(err) => Err(syntax_error(text, &err)),
    }
}

fn syntax_error(text: &str, err: &serde_saphyr::Error) -> SyntaxError {
    let pos = err
        .location()
        .map(|loc| position(text, &loc))
        .unwrap_or(Pos {
            line: 1,
            column: 1,
            offset: 0,
            len: 0,
        });
    SyntaxError {
        pos,
        message: clean_message(&err.without_snippet().to_string()),
    }
}

/// serde-saphyr prefixes messages with "line N column M: " and sometimes
/// "error: "; our diagnostics carry the position separately.
fn clean_message(message: &str) -> String {
    let mut rest = message.trim();
    rest = rest.strip_prefix("error: ").unwrap_or(rest);
    if let Some(after) = rest.strip_prefix("line ")
        && let Some((_, tail)) = after.split_once(": ")
        && after.contains(" column ")
    {
        rest = tail;
    }
    let mut first_line = rest.lines().next().unwrap_or(rest);
    if let Some(at) = first_line.rfind(" at line ")
        && first_line[at..].contains(", column ")
    {
        first_line = &first_line[..at];
    }
    first_line.trim().to_string()
}

/// Turns serde-saphyr's character-based location into a position with byte
/// offsets. The byte offset is recomputed from line and column because
/// serde-saphyr does not always know it (errors, for instance).
fn position(text: &str, loc: &serde_saphyr::Location) -> Pos {
    let line = loc.line().max(1) as u32;
    let column = loc.column().max(1) as u32;
    let offset = byte_offset(text, line, column);
    let chars = loc.span().len() as usize;
    let len = text[offset..]
        .char_indices()
        .nth(chars)
        .map_or(text.len() - offset, |(i, _)| i);
    Pos {
        line,
        column,
        offset,
        len,
    }
}

/// The byte offset of a 1-based (line, character column) in `text`, clamped
/// to the text's end.
pub fn byte_offset(text: &str, line: u32, column: u32) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_text = &text[start..];
    let line_end = line_text.find('\n').unwrap_or(line_text.len());
    start
        + line_text[..line_end]
            .char_indices()
            .nth(column.saturating_sub(1) as usize)
            .map_or(line_end, |(i, _)| i)
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Node {
            pos: Pos::default(),
            value: Value::deserialize(deserializer)?,
        })
    }
}

/// Children are read as `Spanned<Node>` so each carries its own position;
/// positions are relative to the text and fixed up by `Spanned`.
fn spanned_child(spanned: Spanned<Node>) -> Node {
    let mut node = spanned.value;
    let loc = spanned.referenced;
    node.pos = Pos {
        line: loc.line() as u32,
        column: loc.column() as u32,
        offset: loc.span().byte_offset().unwrap_or(u64::MAX) as usize,
        len: loc.span().byte_len().unwrap_or(0) as usize,
    };
    node
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;

        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
                Value::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Int(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Int(v.into()))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
                Ok(Value::Int(v))
            }
            fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Value, E> {
                i128::try_from(v)
                    .map(Value::Int)
                    .map_err(|_| E::custom("integer too large"))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::String(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::String(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<Node>>()? {
                    items.push(spanned_child(item));
                }
                Ok(Value::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<Spanned<Node>, Spanned<Node>>()? {
                    entries.push((spanned_child(key), spanned_child(value)));
                }
                Ok(Value::Map(entries))
            }
        }

        deserializer.deserialize_any(ValueVisitor)
    }
}

/// Positions inside the tree come from serde-saphyr's byte offsets, which are
/// exact for string input; this recomputes any it could not give.
pub(crate) fn fix_positions(text: &str, node: &mut Node) {
    if node.pos.offset == usize::MAX || node.pos.offset > text.len() {
        node.pos.offset = byte_offset(text, node.pos.line, node.pos.column);
        node.pos.len = 0;
    }
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| fix_positions(text, n)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            fix_positions(text, k);
            fix_positions(text, v);
        }),
        _ => {}
    }
}

/// Writing ignores positions: a rewritten file gets fresh ones when read back.
impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Int(i) => serializer.serialize_i128(*i),
            Value::Float(f) => serializer.serialize_f64(*f),
            Value::String(s) => serializer.serialize_str(s),
            Value::Seq(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Node {
        let mut node = parse(text).expect("valid YAML");
        fix_positions(text, &mut node);
        node
    }

    #[test]
    fn keys_and_values_carry_their_positions() {
        let node = parsed("title: Hello\nanswers:\n  problem: |\n    Two\n    lines\n");
        let entries = node.entries().unwrap();
        assert_eq!(entries[0].0.pos.line, 1);
        assert_eq!(entries[0].1.pos.column, 8);
        let answers = entries[1].1.entries().unwrap();
        assert_eq!(answers[0].0.pos.line, 3);
        assert_eq!(answers[0].0.pos.column, 3);
        assert_eq!(answers[0].1.as_str(), Some("Two\nlines\n"));
    }

    #[test]
    fn yaml_1_1_booleans_stay_text() {
        let node = parsed("answer: no\n");
        assert_eq!(node.entries().unwrap()[0].1.as_str(), Some("no"));
    }

    #[test]
    fn duplicate_keys_are_kept_for_reporting() {
        let node = parsed("a: 1\na: 2\n");
        assert_eq!(node.entries().unwrap().len(), 2);
    }

    #[test]
    fn syntax_errors_have_a_position_and_a_short_message() {
        let err = parse("title: \"unclosed\nfoo: bar\n").unwrap_err();
        assert_eq!((err.pos.line, err.pos.column), (1, 8));
        assert_eq!(err.message, "unclosed quote");
    }

    #[test]
    fn byte_offsets_count_multibyte_characters() {
        let text = "é: x\nkey: ü";
        assert_eq!(byte_offset(text, 2, 6), text.find('ü').unwrap());
    }

    /// Both readers on one YAML text, positions fixed as callers fix them.
    fn both(text: &str) -> (Option<Node>, Node) {
        let fast = fast::parse(text).map(|mut node| {
            fix_positions(text, &mut node);
            node
        });
        let mut slow = parse_with_serde_saphyr(text).expect("valid YAML");
        fix_positions(text, &mut slow);
        (fast, slow)
    }

    /// The front-matter of every assessment under `dir`, recursively.
    fn front_matters(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                front_matters(&path, out);
            } else if path.extension().is_some_and(|e| e == "md")
                && let Ok(text) = std::fs::read_to_string(&path)
                && let Ok(split) = crate::assessment::split(&text)
            {
                out.push((path.display().to_string(), split.yaml.to_string()));
            }
        }
    }

    /// Checks both quick readers against serde-saphyr on every document, and
    /// returns how many each read itself: (line reader, event reader).
    fn assert_same_reading(files: &[(String, String)]) -> (usize, usize) {
        let (mut block_count, mut fast_count) = (0, 0);
        for (name, yaml) in files {
            if parse_with_serde_saphyr(yaml).is_err() {
                assert!(
                    fast::parse(yaml).is_none(),
                    "{name}: the event reader accepted what serde-saphyr refuses"
                );
                assert!(
                    block::parse(yaml).is_none(),
                    "{name}: the line reader accepted what serde-saphyr refuses"
                );
                continue;
            }
            let (fast, slow) = both(yaml);
            if let Some(fast) = fast {
                assert_eq!(fast, slow, "{name}: the event reader differs");
                fast_count += 1;
            }
            if let Some(block) = block::parse(yaml) {
                assert_eq!(block, slow, "{name}: the line reader differs");
                block_count += 1;
            }
        }
        (block_count, fast_count)
    }

    #[test]
    fn the_fast_path_reads_exactly_what_serde_saphyr_reads() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        front_matters(&root.join("examples"), &mut files);
        front_matters(&root.join("tests/fixtures"), &mut files);
        let snippets = [
            "a: 1\nb: -2\nc: 0\nd: 007\ne: 1.5\nf: 1e3\ng: .inf\nh: +3\ni: 0x1F\n",
            "t: true\nf: false\nn: null\ne:\nno: no\ny: Yes\nT: TRUE\nnan: nan\n",
            "date: 2026-10-02\nweek: 2026-W44\nv: 12345678901234567890\n",
            "s: 'single'\nd: \"double\\n\"\nb: |\n  block\n  text\nf: >\n  folded\n  text\n",
            "list: [a, b, {c: d}]\nblock:\n  - x\n  - y: z\n",
            "anchor: &a x\nalias: *a\n",
            "tagged: !!str 12\n",
            "<<: {a: 1}\n",
            "é: ü\nkey: \"multi\n  line\"\nplain: multi\n  line plain\n",
            "a: 1\na: 2\n",
            "? [complex]\n: key\n",
            "# only a comment\nx: y # trailing\n",
            "title: Title #1\nlist: # why\n  - a # first\n",
            "crlf: yes\r\nblock: |\r\n  one\r\n  two\r\nquoted: \"a\r\n  b\"\r\n",
            "tab:\tvalue\nempty_block: |\nnext: 1\nkeep: |+\n  text\n\n",
            "answers:\n  problem: >-\n    folded\n    lines\n\n    paragraph\n  x: 'it''s'\n",
        ];
        for snippet in snippets {
            files.push((format!("snippet {snippet:?}"), snippet.to_string()));
        }
        let (block, fast) = assert_same_reading(&files);
        for (reader, count) in [("line", block), ("event", fast)] {
            assert!(
                count * 2 > files.len(),
                "the {reader} reader read only {count} of {} documents",
                files.len()
            );
        }
    }

    /// `MRD_FAST_PATH_CORPUS=/tmp/corpus cargo test --release -- --ignored`
    /// checks a generated corpus (bench/generate.py) the same way.
    #[test]
    #[ignore]
    fn the_fast_path_reads_a_corpus_exactly_as_serde_saphyr() {
        let dir = std::env::var("MRD_FAST_PATH_CORPUS").expect("MRD_FAST_PATH_CORPUS");
        let mut files = Vec::new();
        front_matters(std::path::Path::new(&dir), &mut files);
        assert_eq!(
            assert_same_reading(&files),
            (files.len(), files.len()),
            "every generated file takes both quick readers"
        );
    }

    #[test]
    fn hostile_documents_are_refused_not_expanded() {
        let deep = format!("x: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(&deep).is_err());
        let mut bomb = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for i in 1..9u8 {
            let (prev, cur) = ((b'a' + i - 1) as char, (b'a' + i) as char);
            bomb.push_str(&format!(
                "{cur}: &{cur} [{}]\n",
                vec![format!("*{prev}"); 9].join(",")
            ));
        }
        assert!(parse(&bomb).is_err());
    }
}
