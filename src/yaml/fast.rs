//! The second reader, for what the line reader (`block.rs`) declines: plain
//! mappings, lists and text, read straight from the YAML parser's events.
//!
//! serde-saphyr reads every YAML a user can write, but its positioned
//! (`Spanned`) deserialization costs most of `mrd lint`'s time. This path
//! builds the same tree, with the same positions, from granit-parser's events
//! (the parser serde-saphyr itself uses), and declines — returning `None` so
//! the caller uses serde-saphyr — whenever a document has anything whose
//! reading it does not reproduce exactly: a syntax error, an anchor, alias,
//! tag or merge key, a scalar that might be a number other than a plain
//! integer, a non-scalar key, several documents, or deep nesting. The
//! equivalence of the two paths is tested on every fixture and example.

use std::borrow::Cow;

use granit_parser::{Event, Parser, ScalarStyle, Span};

use super::{Node, Pos, Value};

/// Nesting at which the fast path hands over, well below serde-saphyr's
/// budget, so serde-saphyr reports any document too deep to read.
const MAX_DEPTH: usize = 48;
/// Node count at which the fast path hands over, for the same reason.
const MAX_NODES: usize = 50_000;

enum Frame {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Node, Node)>, Option<Node>),
}

/// The tree of `text`, or `None` when serde-saphyr must read it.
pub fn parse(text: &str) -> Option<Node> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    let mut nodes = 0;
    while let Some(result) = parser.next_event() {
        let (event, span) = result.ok()?;
        let node = match event {
            // Comments are events because serde-saphyr enables granit's
            // `comments` feature; they carry nothing the tree keeps.
            Event::StreamStart | Event::DocumentEnd | Event::Comment(..) => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Scalar(text, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                Node {
                    pos: position(&span),
                    value: resolve(text, style)?,
                }
            }
            Event::SequenceStart(_, anchor, tag) => {
                if anchor != 0 || tag.is_some() || stack.len() >= MAX_DEPTH {
                    return None;
                }
                stack.push(Frame::Seq(position(&span), Vec::new()));
                continue;
            }
            Event::MappingStart(_, anchor, tag) => {
                if anchor != 0 || tag.is_some() || stack.len() >= MAX_DEPTH {
                    return None;
                }
                stack.push(Frame::Map(position(&span), Vec::new(), None));
                continue;
            }
            Event::SequenceEnd => match stack.pop()? {
                Frame::Seq(pos, items) => Node {
                    pos,
                    value: Value::Seq(items),
                },
                Frame::Map(..) => return None,
            },
            Event::MappingEnd => match stack.pop()? {
                Frame::Map(pos, entries, None) => Node {
                    pos,
                    value: Value::Map(entries),
                },
                _ => return None,
            },
            _ => return None,
        };
        nodes += 1;
        if nodes > MAX_NODES {
            return None;
        }
        match stack.last_mut() {
            None => {
                if root.replace(node).is_some() {
                    return None;
                }
            }
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map(_, entries, pending)) => match pending.take() {
                Some(key) => entries.push((key, node)),
                None => {
                    // Complex keys and merge keys (`<<`) are serde-saphyr's.
                    match &node.value {
                        Value::Seq(_) | Value::Map(_) => return None,
                        Value::String(key) if key == "<<" => return None,
                        _ => {}
                    }
                    *pending = Some(node);
                }
            },
        }
    }
    if !stack.is_empty() {
        return None;
    }
    root
}

fn position(span: &Span) -> Pos {
    let start = span.start.byte_offset();
    let end = span.end.byte_offset();
    Pos {
        line: span.start.line() as u32,
        column: span.start.col() as u32 + 1,
        offset: start.unwrap_or(usize::MAX),
        len: match (start, end) {
            (Some(start), Some(end)) => end.saturating_sub(start),
            _ => 0,
        },
    }
}

/// A scalar's value as serde-saphyr reads it into `Value` with
/// `strict_booleans`, for the forms this path is sure of; `None` otherwise.
fn resolve(scalar: Cow<'_, str>, style: ScalarStyle) -> Option<Value> {
    if style != ScalarStyle::Plain {
        // Block and escaped scalars arrive owned: moved, not copied.
        return Some(Value::String(scalar.into_owned()));
    }
    plain(scalar.as_ref())
}

/// A plain (unquoted) scalar's value, for the forms both fast paths are sure
/// of; `None` for anything serde-saphyr might read differently.
pub(super) fn plain(text: &str) -> Option<Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" => return Some(Value::Bool(true)),
        "false" => return Some(Value::Bool(false)),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
        let digits = text.strip_prefix('-').unwrap_or(text);
        let plain_integer = !digits.is_empty()
            && digits.len() <= 18
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if plain_integer {
            return text.parse::<i64>().ok().map(|v| Value::Int(v.into()));
        }
        if is_date(text) {
            return Some(Value::String(text.to_string()));
        }
        return None;
    }
    let special = ["true", "false", "inf", "infinity", "nan"]
        .iter()
        .any(|word| text.eq_ignore_ascii_case(word));
    if special || text.trim() != text {
        return None;
    }
    Some(Value::String(text.to_string()))
}

/// `2026-10-02`: text to serde-saphyr's typeless reading, and common here.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
