//! The YAML reader's second opinion: serde-saphyr, read into the same tree
//! through its positioned (`Spanned`) deserialization, and the rule two
//! readings must follow. On every document both accept, the two trees must
//! be equal, values and byte positions alike; a document serde-saphyr
//! refuses, the reader must refuse too; and the reader may refuse more only
//! for what it refuses on purpose (anchors, aliases, tags and merge keys).
//!
//! Not used at run time: the tests (`oracle.rs`) and the fuzz target
//! `yaml_differential` check the reader with it.

use std::fmt;

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
pub fn read(text: &str) -> Option<Node> {
    let spanned = serde_saphyr::from_str_with_options::<Spanned<Oracle>>(text, options()).ok()?;
    let mut root = spanned.value.0;
    root.pos = position(text, &spanned.referenced);
    fill_positions(text, &mut root);
    upper_case_radix_is_text(text, &mut root);
    Some(root)
}

/// YAML 1.2's core schema writes integer prefixes in lower case only (`0x`,
/// `0o`, `0b`), and serde-saphyr reads `0X1F` as text at the top of a
/// document but as the integer 31 inside a list of mappings (found by the
/// `yaml_differential` fuzz target). The reader follows the schema
/// everywhere, so the oracle's one inconsistency is put right here rather
/// than copied.
fn upper_case_radix_is_text(text: &str, node: &mut Node) {
    match &mut node.value {
        Value::Int(_) => {
            let written = text.get(node.pos.offset..node.pos.offset + node.pos.len);
            if let Some(written) = written {
                let unsigned = written.trim_start_matches(['-', '+']);
                if ["0X", "0O", "0B"].iter().any(|p| unsigned.starts_with(p)) {
                    node.value = Value::String(written.to_owned());
                }
            }
        }
        Value::Seq(items) => items
            .iter_mut()
            .for_each(|item| upper_case_radix_is_text(text, item)),
        Value::Map(entries) => entries.iter_mut().for_each(|(key, value)| {
            upper_case_radix_is_text(text, key);
            upper_case_radix_is_text(text, value);
        }),
        _ => {}
    }
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

/// Checks one document; returns whether both implementations read it, or
/// how they disagree.
pub fn check(name: &str, text: &str) -> Result<bool, String> {
    let ours = parse(text);
    let theirs = read(text);
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
