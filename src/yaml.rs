//! A YAML tree that remembers where every key and value came from.
//!
//! Typed serde deserialization stops at the first problem, but `mrd` must report
//! every problem of a file in one run, each at its place. So YAML is read once
//! into this loosely typed tree, every node with its byte span in the file,
//! and the typed views — the assessment, the config — are built from it by
//! hand, collecting problems instead of stopping.
//!
//! One reader reads every YAML `mrd` is given ([`reader`], over
//! granit-parser's events). Assessments and `.mrd.yml` use plain YAML:
//! anchors, aliases, tags and merge keys are reported as problems rather than
//! expanded, which removes alias bombs at their root. serde-saphyr writes YAML
//! (the `Serialize` impl below) and, in tests, is the second implementation
//! the reader is checked against.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

mod reader;

pub use crate::source::Pos;
pub use reader::{MAX_DEPTH, MAX_NODES};

/// A YAML value with the span it was read from.
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

    /// A node written by `mrd` rather than read: its position is the file's start.
    pub fn new(value: Value) -> Node {
        Node {
            pos: Pos::START,
            value,
        }
    }

    pub fn string(text: impl Into<String>) -> Node {
        Node::new(Value::String(text.into()))
    }
}

/// A YAML text that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    pub help: Option<String>,
}

/// Reads one YAML document; an empty document is `Null`. `base` is the byte
/// offset of `text` in its file, so that every position is the file's.
pub fn parse_at(text: &str, base: usize) -> Result<Node, SyntaxError> {
    reader::read(text, base)
}

/// Reads one YAML document that is a whole file.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    parse_at(text, 0)
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
mod oracle;
#[doc(hidden)]
pub mod reference;
