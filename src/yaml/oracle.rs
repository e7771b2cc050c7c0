//! The reader checked against a second YAML implementation: serde-saphyr,
//! read into the same tree through its positioned (`Spanned`)
//! deserialization. On every document both accept, the two trees must be
//! equal, values and byte positions alike; a document serde-saphyr refuses,
//! the reader must refuse too; and the reader may refuse more only for what
//! it refuses on purpose (anchors, aliases, tags and merge keys).
//!
//! Checked on every fixture and example, on generated documents full of
//! YAML hazards (proptest), and on the benchmark corpus:
//! `MRD_YAML_CORPUS=DIR cargo test --release --lib yaml::oracle -- --ignored`.

use std::fmt;

use proptest::prelude::*;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::{Node, Pos, Value, parse};
use crate::source::{LineColumn, LineIndex};

/// A node as serde-saphyr reads it.
struct Oracle(Node);

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::PassThrough,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_nodes: 1_000_000,
            max_depth: 1_000,
        },
    }
}

/// serde-saphyr's reading of `text`, positions as byte spans; `None` when it
/// refuses the text.
fn oracle(text: &str) -> Option<Node> {
    let spanned = serde_saphyr::from_str_with_options::<Spanned<Oracle>>(text, options()).ok()?;
    let mut root = spanned.value.0;
    root.pos = position(text, &spanned.referenced);
    fill_positions(text, &mut root);
    Some(root)
}

/// A location's byte span; `usize::MAX` when serde-saphyr does not know it
/// (filled in from line and column afterwards, by `fill_positions`).
fn location(loc: &serde_saphyr::Location) -> Pos {
    Pos {
        offset: loc.span().byte_offset().map_or(usize::MAX, |o| o as usize),
        len: loc.span().byte_len().unwrap_or(0) as usize,
    }
}

/// The root's span, which serde-saphyr gives in lines and characters.
fn position(text: &str, loc: &serde_saphyr::Location) -> Pos {
    let index = LineIndex::new(text);
    let offset = index.offset(
        LineColumn {
            line: loc.line().max(1) as u32,
            column: loc.column().max(1) as u32,
        },
        text,
    );
    let chars = loc.span().len() as usize;
    let len = text[offset..]
        .char_indices()
        .nth(chars)
        .map_or(text.len() - offset, |(i, _)| i);
    Pos { offset, len }
}

fn fill_positions(text: &str, node: &mut Node) {
    if node.pos.offset == usize::MAX {
        node.pos = Pos::new(text.len(), 0);
    }
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| fill_positions(text, n)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            fill_positions(text, k);
            fill_positions(text, v);
        }),
        _ => {}
    }
}

fn child(spanned: Spanned<Oracle>) -> Node {
    let mut node = spanned.value.0;
    node.pos = location(&spanned.referenced);
    node
}

impl<'de> Deserialize<'de> for Oracle {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;

        impl<'de> Visitor<'de> for NodeVisitor {
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
                Oracle::deserialize(d).map(|o| o.0.value)
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
                while let Some(item) = seq.next_element::<Spanned<Oracle>>()? {
                    items.push(child(item));
                }
                Ok(Value::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<Spanned<Oracle>, Spanned<Oracle>>()? {
                    entries.push((child(k), child(v)));
                }
                Ok(Value::Map(entries))
            }
        }

        let value = deserializer.deserialize_any(NodeVisitor)?;
        Ok(Oracle(Node::new(value)))
    }
}

/// What the reader refuses on purpose, by the start of its message.
const REFUSED_ON_PURPOSE: &[&str] = &[
    "YAML anchors",
    "YAML aliases",
    "YAML tags",
    "YAML merge keys",
];

/// Checks one document; returns whether both implementations read it.
fn check(name: &str, text: &str) -> Result<bool, String> {
    let ours = parse(text);
    let theirs = oracle(text);
    match (ours, theirs) {
        (Ok(ours), Some(theirs)) => {
            // NaN is not equal to itself; compare what the tree says.
            if format!("{ours:?}") != format!("{theirs:?}") {
                return Err(format!(
                    "{name}: the reader and serde-saphyr differ on {text:?}\n reader: {ours:?}\n saphyr: {theirs:?}"
                ));
            }
            Ok(true)
        }
        (Ok(ours), None) => Err(format!(
            "{name}: the reader accepts what serde-saphyr refuses: {text:?}\n reader: {ours:?}"
        )),
        (Err(err), Some(_)) => {
            if REFUSED_ON_PURPOSE
                .iter()
                .any(|m| err.message.starts_with(m))
            {
                Ok(false)
            } else {
                Err(format!(
                    "{name}: the reader refuses what serde-saphyr reads: {text:?}: {err:?}"
                ))
            }
        }
        (Err(_), None) => Ok(false),
    }
}

/// The front-matter of every assessment under `dir`, recursively, and every
/// `.yml` file.
fn documents(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            if path.is_dir() {
                documents(&path, out);
            }
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        match path.extension().and_then(|e| e.to_str()) {
            Some("md") => {
                if let Ok(split) = crate::assessment::split(text) {
                    out.push((path.display().to_string(), split.yaml.to_string()));
                }
            }
            Some("yml" | "yaml") => out.push((path.display().to_string(), text.to_string())),
            _ => {}
        }
    }
}

#[test]
fn fixtures_and_examples_read_exactly_as_serde_saphyr_reads_them() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    documents(&root.join("examples"), &mut files);
    documents(&root.join("tests/fixtures"), &mut files);
    let snippets = [
        "a: 1\nb: -2\nc: 0\nd: 007\ne: 1.5\nf: 1e3\ng: .inf\nh: +3\ni: 0x1F\nj: 1_000\nk: 0b101\n",
        "t: true\nf: false\nn: null\ne:\nno: no\ny: Yes\nT: TRUE\nnan: nan\n~: tilde key\n",
        "date: 2026-10-02\nweek: 2026-W44\nv: 12345678901234567890\nw: 99999999999999999999\n",
        "s: 'single'\nd: \"double\\n\\u00e9\"\nb: |\n  block\n  text\nf: >\n  folded\n  text\n",
        "list: [a, b, {c: d}]\nblock:\n  - x\n  - y: z\n    w: v\n  - - nested\n",
        "é: ü\nkey: \"multi\n  line\"\nplain: multi\n  line plain\n",
        "a: 1\na: 2\n",
        "? [complex]\n: key\n? {a: b}\n: map key\n",
        "# only a comment\nx: y # trailing\n",
        "title: Title #1\nlist: # why\n  - a # first\n",
        "crlf: yes\r\nblock: |\r\n  one\r\n  two\r\nquoted: \"a\r\n  b\"\r\n",
        "lone: cr\rblock: |\r  one\r  two\rnext: 1\r",
        "tab:\tvalue\nempty_block: |\nnext: 1\nkeep: |+\n  text\n\n",
        "answers:\n  problem: >-\n    folded\n    lines\n\n    paragraph\n  x: 'it''s'\n",
        "end: |\n  no final newline",
        "end: >\n  folded at the end",
        "- a\n- b\n",
        "just text\n",
        "",
        "   \n# nothing\n",
        "---\na: 1\n",
        "---\na: 1\n...\n",
        "a: 1\n---\nb: 2\n",
        "'<<': not a merge key\n",
        "a: [1, 2,\n  3]\nb: {x: 1,\n  y: 2}\n",
        "indent: |2\n    two more\n",
        "bad: [unclosed\n",
        "title: \"unclosed\nfoo: bar\n",
        "a: b: c\n",
        "a:\n- b\n-c\n",
    ];
    for snippet in snippets {
        files.push((format!("snippet {snippet:?}"), snippet.to_string()));
    }
    let mut read = 0;
    let failures: Vec<String> = files
        .iter()
        .filter_map(|(name, text)| match check(name, text) {
            Ok(both) => {
                read += usize::from(both);
                None
            }
            Err(err) => Some(err),
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        read * 2 > files.len(),
        "only {read} of {} read",
        files.len()
    );
}

/// `MRD_YAML_CORPUS=/tmp/corpus cargo test --release --lib yaml::oracle -- --ignored`
/// checks a generated corpus (bench/generate.py) the same way.
#[test]
#[ignore]
fn a_corpus_reads_exactly_as_serde_saphyr_reads_it() {
    let dir = std::env::var("MRD_YAML_CORPUS").expect("MRD_YAML_CORPUS");
    let mut files = Vec::new();
    documents(std::path::Path::new(&dir), &mut files);
    let mut read = 0;
    for (name, text) in &files {
        read += usize::from(check(name, text).unwrap());
    }
    assert_eq!(read, files.len(), "every generated file reads");
}

/// Plain scalars that YAML readers disagree about.
fn hazard() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "no",
        "Yes",
        "on",
        "y",
        "true",
        "True",
        "FALSE",
        "null",
        "~",
        "",
        "007",
        "-007",
        "+3",
        "0x1F",
        "0o17",
        "0b11",
        "1_000",
        "1e3",
        "1.5",
        ".5",
        "5.",
        ".inf",
        "-.Inf",
        ".nan",
        "nan",
        "inf",
        "2026-10-02",
        "2026-W44",
        "44",
        "-",
        "--",
        "...x",
        "é ü",
        "12345678901234567890",
        "99999999999999999999",
        "-9223372036854775809",
        "a #b",
        "x:y",
        "😀",
        "TODO",
        "a  b",
    ])
    .prop_map(str::to_string)
}

/// A scalar value in one of YAML's styles, at an indentation.
fn scalar(indent: usize) -> impl Strategy<Value = String> {
    let pad = " ".repeat(indent + 2);
    prop_oneof![
        hazard(),
        hazard().prop_map(|h| format!("'{}'", h.replace('\'', "''"))),
        hazard().prop_map(|h| format!("\"{}\\t\\u00e9\"", h.replace('"', "\\\""))),
        (
            prop::sample::select(vec!["|", ">", "|-", ">+", "|2", ">-"]),
            prop::collection::vec("[a-zé ]{0,12}", 1..4)
        )
            .prop_map(move |(header, lines)| {
                let body: Vec<String> = lines.iter().map(|l| format!("{pad}x{l}")).collect();
                format!("{header}\n{}", body.join("\n"))
            }),
        prop::collection::vec(hazard(), 0..4).prop_map(|items| format!("[{}]", items.join(", "))),
        Just("&anchor value".to_string()),
        Just("*alias".to_string()),
        Just("!!str 12".to_string()),
    ]
}

/// A small document: keys with scalars, nested mappings, lists and lists of
/// mappings, with comments, blank lines and any line ending.
fn document() -> impl Strategy<Value = String> {
    let entry = (
        prop::sample::select(vec![
            "title", "no", "1", "answers", "é", "<<", "'quoted'", "a b",
        ]),
        prop_oneof![
            4 => scalar(0),
            1 => prop::collection::vec((prop::sample::select(vec!["problem", "x", "y"]), scalar(2)), 1..3)
                .prop_map(|entries| {
                    let lines: Vec<String> = entries.iter().map(|(k, v)| format!("  {k}: {v}")).collect();
                    format!("\n{}", lines.join("\n"))
                }),
            1 => prop::collection::vec(scalar(2), 1..3).prop_map(|items| {
                let lines: Vec<String> = items.iter().map(|v| format!("  - {v}")).collect();
                format!("\n{}", lines.join("\n"))
            }),
            1 => prop::collection::vec((hazard(), hazard()), 1..3).prop_map(|pairs| {
                let lines: Vec<String> = pairs
                    .iter()
                    .map(|(a, b)| format!("  - name: '{a}'\n    date: {b}"))
                    .collect();
                format!("\n{}", lines.join("\n"))
            }),
        ],
        prop::sample::select(vec!["", " # comment", "  "]),
    );
    (
        prop::collection::vec(entry, 1..6),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(entries, newline, final_newline, comment_line)| {
            let mut lines: Vec<String> = Vec::new();
            if comment_line {
                lines.push("# a comment".into());
            }
            for (key, value, trailer) in entries {
                let trailer = if value.contains('\n') || value.ends_with('|') {
                    ""
                } else {
                    trailer
                };
                lines.push(format!("{key}: {value}{trailer}"));
            }
            let mut text = lines.join("\n").replace('\n', newline);
            if final_newline {
                text.push_str(newline);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("MRD_YAML_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
    ))]
    #[test]
    fn generated_documents_read_exactly_as_serde_saphyr_reads_them(text in document()) {
        check("generated", &text).map_err(TestCaseError::fail)?;
    }
}
