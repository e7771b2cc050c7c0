//! The YAML reader: granit-parser's events turned into a [`Node`] tree.
//!
//! It reads everything an assessment, an answers file or `.mrd.yml` holds:
//! block and flow mappings and lists, every scalar style, comments, any line
//! ending. It refuses, as a problem with a position and words a person can
//! act on, what plain YAML does not need and hostile YAML abuses:
//!
//! - anchors, aliases, tags and merge keys (`&a`, `*a`, `!tag`, `<<`), so an
//!   alias bomb is refused at its first alias instead of being expanded;
//! - a second document in one text;
//! - nesting deeper than [`MAX_DEPTH`] and more than [`MAX_NODES`] values,
//!   far beyond any real assessment.
//!
//! Plain scalars are typed as YAML 1.2's core schema types them, the way
//! serde-saphyr (with `strict_booleans`) reads them into a typeless value, so
//! `no` stays text. Tests check every value and position against
//! serde-saphyr (`oracle.rs`).

use std::borrow::Cow;

use granit_parser::{ErrorKind, Event, Marker, Parser, ScalarStyle, ScanError, Span};

use super::{Node, Pos, SyntaxError, Value};

/// The deepest nesting of lists and mappings read. An assessment nests three
/// levels (`recommendation:` → `conditions:` → an item).
pub const MAX_DEPTH: usize = 64;
/// The most values (keys, scalars, lists and mappings) read from one text. A
/// generous real assessment has a few hundred.
pub const MAX_NODES: usize = 100_000;

const PLAIN_YAML_HELP: &str = "assessments and .mrd.yml use plain YAML: write each value out where it is used, without anchors (`&`), aliases (`*`), tags (`!`) or merge keys (`<<`)";

enum Frame {
    Seq(Pos, Vec<Node>),
    /// A mapping, with the key read and waiting for its value.
    Map(Pos, Vec<(Node, Node)>, Option<Node>),
}

/// Reads `text`, whose first byte is at `base` in its file.
pub fn read(text: &str, base: usize) -> Result<Node, SyntaxError> {
    let options = granit_parser::options! {
        emit_comments: false,
        emit_anchor_events: true,
        emit_unresolved_aliases: true,
        // The scanner looks ahead through nested flow collections; its own
        // limits stop it at our depth rather than at 255.
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH,
    };
    let mut reader = Reader {
        text,
        base,
        stack: Vec::new(),
        root: None,
        documents: 0,
        nodes: 0,
    };
    let mut parser = Parser::new_from_str_with_options(text, options);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|err| reader.scan_error(&err))?;
        if reader.event(event, &span)? {
            break;
        }
    }
    // An empty document (nothing, or only comments) is null, where it ends.
    Ok(reader.root.unwrap_or(Node {
        pos: Pos::new(base + text.len(), 0),
        value: Value::Null,
    }))
}

struct Reader<'t> {
    text: &'t str,
    base: usize,
    stack: Vec<Frame>,
    root: Option<Node>,
    documents: usize,
    nodes: usize,
}

impl Reader<'_> {
    /// Handles one event; `true` at the end of the stream.
    fn event(&mut self, event: Event<'_>, span: &Span) -> Result<bool, SyntaxError> {
        let node = match event {
            Event::StreamStart | Event::DocumentEnd | Event::Comment(..) => return Ok(false),
            Event::StreamEnd => return Ok(true),
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(self.error(
                        span,
                        "a second YAML document starts here",
                        Some("the YAML is one mapping of keys to values; remove the `---` or `...` line"),
                    ));
                }
                return Ok(false);
            }
            Event::Anchor(..) => {
                return Err(self.error(span, "YAML anchors are not read", Some(PLAIN_YAML_HELP)));
            }
            Event::Alias(..) | Event::UnresolvedAlias(..) => {
                return Err(self.error(span, "YAML aliases are not read", Some(PLAIN_YAML_HELP)));
            }
            Event::Scalar(value, style, _, tag) => {
                if tag.is_some() {
                    return Err(self.tag_error(span));
                }
                let pos = self.pos(span);
                let is_key = matches!(self.stack.last(), Some(Frame::Map(_, _, None)));
                if is_key && style == ScalarStyle::Plain && value == "<<" {
                    return Err(self.error(
                        span,
                        "YAML merge keys are not read",
                        Some(PLAIN_YAML_HELP),
                    ));
                }
                Node {
                    pos,
                    value: resolve(value, style),
                }
            }
            Event::SequenceStart(_, _, ref tag) | Event::MappingStart(_, _, ref tag) => {
                if tag.is_some() {
                    return Err(self.tag_error(span));
                }
                if self.stack.len() >= MAX_DEPTH {
                    return Err(too_deep(self.pos(span)));
                }
                let pos = self.pos(span);
                self.stack
                    .push(if matches!(event, Event::SequenceStart(..)) {
                        Frame::Seq(pos, Vec::new())
                    } else {
                        Frame::Map(pos, Vec::new(), None)
                    });
                return Ok(false);
            }
            Event::SequenceEnd | Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Seq(pos, items)) => Node {
                    pos,
                    value: Value::Seq(items),
                },
                Some(Frame::Map(pos, entries, _)) => Node {
                    pos,
                    value: Value::Map(entries),
                },
                None => return Ok(false),
            },
            // Events added to granit later are presentation, not data.
            _ => return Ok(false),
        };
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(self.error(
                span,
                &format!(
                    "the YAML has more than {} keys and values",
                    thousands(MAX_NODES)
                ),
                Some("a real assessment has a few hundred; split the file, or remove data that does not belong in it"),
            ));
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map(_, entries, pending)) => match pending.take() {
                Some(key) => entries.push((key, node)),
                None => *pending = Some(node),
            },
        }
        Ok(false)
    }

    fn pos(&self, span: &Span) -> Pos {
        let start = self.offset(&span.start);
        let end = self.offset(&span.end).max(start);
        Pos::new(self.base + start, end - start)
    }

    /// A marker's byte offset in `text`. granit knows it for text read from a
    /// string; the character index is the fallback.
    fn offset(&self, marker: &Marker) -> usize {
        match marker.byte_offset() {
            Some(offset) => offset.min(self.text.len()),
            None => self
                .text
                .char_indices()
                .nth(marker.index())
                .map_or(self.text.len(), |(i, _)| i),
        }
    }

    fn error(&self, span: &Span, message: &str, help: Option<&str>) -> SyntaxError {
        SyntaxError {
            pos: self.pos(span),
            message: message.to_string(),
            help: help.map(str::to_string),
        }
    }

    fn tag_error(&self, span: &Span) -> SyntaxError {
        let mut err = self.error(span, "YAML tags are not read", Some(PLAIN_YAML_HELP));
        if let Some(tag) = span.tag_span() {
            err.pos = self.pos(&tag);
        }
        err
    }

    fn scan_error(&self, err: &ScanError) -> SyntaxError {
        let offset = self.offset(err.marker());
        let len = self.text[offset..].chars().next().map_or(0, char::len_utf8);
        let pos = Pos::new(self.base + offset, len);
        if let ErrorKind::RecursionLimitExceeded = err.kind() {
            return too_deep(pos);
        }
        SyntaxError {
            pos,
            message: first_line(&err.info()),
            help: None,
        }
    }
}

/// `100000` as people write it: `100,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn too_deep(pos: Pos) -> SyntaxError {
    SyntaxError {
        pos,
        message: format!("the YAML is nested more than {MAX_DEPTH} levels deep"),
        help: Some("an assessment needs three levels at most; is this file generated?".into()),
    }
}

/// granit's message without the position it may append (ours is separate).
fn first_line(message: &str) -> String {
    let mut line = message.lines().next().unwrap_or(message).trim();
    if let Some(at) = line.rfind(" at line ")
        && line[at..].contains(" column ")
    {
        line = &line[..at];
    }
    line.to_string()
}

/// A scalar's value: quoted and block scalars are text; plain ones are typed
/// by YAML 1.2's core schema.
fn resolve(text: Cow<'_, str>, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        // Block and escaped scalars arrive owned: moved, not copied.
        return Value::String(text.into_owned());
    }
    match plain(&text) {
        Some(value) => value,
        None => Value::String(text.into_owned()),
    }
}

/// The value of a plain scalar that is not text: null, a boolean, an integer
/// (decimal without leading zeros, `0x`, `0o`, `0b`, `_` between digits) or
/// a float. `None` for text, which most plain scalars are, so the common case
/// returns after looking at one byte.
fn plain(text: &str) -> Option<Value> {
    let Some(&first) = text.as_bytes().first() else {
        return Some(Value::Null);
    };
    if !(first.is_ascii_digit()
        || matches!(
            first,
            b'-' | b'+' | b'.' | b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F'
        ))
    {
        return None;
    }
    match text {
        "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    if let Some(int) = integer(text) {
        return Some(Value::Int(int));
    }
    float(text).map(Value::Float)
}

/// An integer as 64 bits hold it (a negative one as `i64`, others as `u64`);
/// wider numbers are read as floats, as serde-saphyr reads them.
fn integer(text: &str) -> Option<i128> {
    let (negative, unsigned) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    // The prefixes are lower case only, as serde-saphyr reads them: `0X1F`
    // is text (found by fuzzing the two readers against each other).
    let (radix, digits) = if let Some(rest) = unsigned.strip_prefix("0x") {
        (16, rest)
    } else if let Some(rest) = unsigned.strip_prefix("0o") {
        (8, rest)
    } else if let Some(rest) = unsigned.strip_prefix("0b") {
        (2, rest)
    } else {
        // `007` is not an integer in YAML 1.2 (it reads as the float 7).
        if unsigned.len() > 1 && unsigned.starts_with('0') {
            return None;
        }
        (10, unsigned)
    };
    let magnitude = digits_value(digits, radix)?;
    if negative {
        let value = -i128::try_from(magnitude).ok()?;
        i64::try_from(value).ok().map(i128::from)
    } else {
        u64::try_from(magnitude).ok().map(i128::from)
    }
}

/// Digits in `radix`, with single `_` allowed between them.
fn digits_value(digits: &str, radix: u32) -> Option<u128> {
    let bytes = digits.as_bytes();
    let mut value: u128 = 0;
    let mut seen = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let between =
                i > 0 && bytes[i - 1] != b'_' && bytes.get(i + 1).is_some_and(|&n| n != b'_');
            if !between {
                return None;
            }
            continue;
        }
        let digit = char::from(b).to_digit(radix)?;
        value = value
            .checked_mul(u128::from(radix))?
            .checked_add(u128::from(digit))?;
        seen = true;
    }
    seen.then_some(value)
}

/// A float in YAML 1.2's spellings: `.inf`, `-.inf`, `.nan` in three cases,
/// or a decimal number (`1.5`, `.5`, `1e3`, `007`).
fn float(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    match unsigned {
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        ".inf" | ".Inf" | ".INF" => {
            return Some(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        _ => {}
    }
    // Rust also reads `inf` and `nan`, which YAML keeps as text: only
    // numerals (a digit first, or `.` and a digit) are numbers here.
    let numeral = unsigned.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || (unsigned.starts_with('.')
            && unsigned.as_bytes().get(1).is_some_and(u8::is_ascii_digit));
    if !numeral {
        return None;
    }
    text.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Value {
        read(&format!("v: {text}\n"), 0).unwrap().entries().unwrap()[0]
            .1
            .value
            .clone()
    }

    #[test]
    fn plain_scalars_are_typed_by_the_core_schema() {
        assert_eq!(value("no"), Value::String("no".into()));
        assert_eq!(value("Yes"), Value::String("Yes".into()));
        assert_eq!(value("True"), Value::Bool(true));
        assert_eq!(value("~"), Value::Null);
        assert_eq!(value(""), Value::Null);
        assert_eq!(value("+3"), Value::Int(3));
        assert_eq!(value("-0x1F"), Value::Int(-31));
        assert_eq!(value("1_000"), Value::Int(1000));
        assert_eq!(value("007"), Value::Float(7.0));
        assert_eq!(value("1e3"), Value::Float(1000.0));
        assert_eq!(value(".5"), Value::Float(0.5));
        assert_eq!(value("-.inf"), Value::Float(f64::NEG_INFINITY));
        assert_eq!(
            value("12345678901234567890"),
            Value::Int(12345678901234567890)
        );
        assert_eq!(value("99999999999999999999"), Value::Float(1e20));
        for text in [
            "2026-10-02",
            "2026-W44",
            "inf",
            "nan",
            "1_",
            "0x",
            "0X1F",
            "0O2",
            "-0B1",
            "+0X1",
            "1.2.3",
            "+",
            ".",
        ] {
            assert_eq!(value(text), Value::String(text.into()), "{text}");
        }
        assert_eq!(value("'007'"), Value::String("007".into()));
    }

    #[test]
    fn anchors_aliases_tags_and_merge_keys_are_refused_where_they_are() {
        for (text, message, at) in [
            ("a: &x 1\nb: *x\n", "YAML anchors are not read", "&x"),
            ("a: [*x]\n", "YAML aliases are not read", "*x"),
            ("a: !!str 12\n", "YAML tags are not read", "!!str"),
            ("a: !custom {b: 1}\n", "YAML tags are not read", "!custom"),
            (
                "base: {a: 1}\nc:\n  <<: {a: 2}\n",
                "YAML merge keys are not read",
                "<<",
            ),
        ] {
            let err = read(text, 0).unwrap_err();
            assert_eq!(err.message, message, "{text}");
            assert!(text[err.pos.offset..].starts_with(at), "{text}: {err:?}");
            assert!(err.help.unwrap().contains("plain YAML"));
        }
        let quoted = read("'<<': x\n", 0).unwrap();
        assert_eq!(quoted.entries().unwrap()[0].0.as_str(), Some("<<"));
    }

    #[test]
    fn limits_are_said_in_words() {
        let deep = format!("x: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = read(&deep, 0).unwrap_err();
        assert_eq!(err.message, "the YAML is nested more than 64 levels deep");
        // The scanner, looking ahead, stops at its limit of flow levels.
        assert_eq!(err.pos.offset, 3 + MAX_DEPTH);
        let block: String = (0..=MAX_DEPTH)
            .map(|i| format!("{}a:\n", "  ".repeat(i)))
            .collect();
        assert_eq!(read(&block, 0).unwrap_err().message, err.message);
        let fits: String = (0..MAX_DEPTH)
            .map(|i| format!("{}a:\n", "  ".repeat(i)))
            .collect();
        assert!(read(&fits, 0).is_ok());
        let wide = format!("x: [{}]", "1,".repeat(MAX_NODES));
        let err = read(&wide, 0).unwrap_err();
        assert_eq!(
            err.message,
            "the YAML has more than 100,000 keys and values"
        );
        assert!(err.help.is_some());
    }

    #[test]
    fn positions_are_in_the_file_and_line_endings_do_not_matter() {
        for newline in ["\n", "\r\n", "\r"] {
            let text = format!("a: 1{newline}b: |{newline}  two{newline}  lines{newline}");
            let root = read(&text, 10).unwrap();
            let entries = root.entries().unwrap();
            let b = &entries[1];
            assert_eq!(b.0.pos.offset, 10 + text.find('b').unwrap(), "{newline:?}");
            assert_eq!(b.1.as_str(), Some("two\nlines\n"), "{newline:?}");
        }
    }

    #[test]
    fn a_block_at_the_end_without_a_line_ending_keeps_its_line_feed() {
        let root = read("a: |\n  text", 0).unwrap();
        assert_eq!(root.entries().unwrap()[0].1.as_str(), Some("text\n"));
    }

    #[test]
    fn a_second_document_is_a_problem() {
        let err = read("a: 1\n---\nb: 2\n", 0).unwrap_err();
        assert_eq!(err.message, "a second YAML document starts here");
        assert_eq!(err.pos.offset, 5);
    }
}
