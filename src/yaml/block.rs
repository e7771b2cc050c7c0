//! The quickest reader, for the YAML nearly every assessment is: block
//! mappings of `key: value` lines, block lists of one-line items, one-line
//! plain, quoted and `[a, b]` values, and `|` / `>` blocks of text.
//!
//! Such a document can be read line by line, with no tokenizer, in a fraction
//! of the time a general YAML parser needs, and reading the YAML was most of
//! `mrd lint`'s time. This reader builds the same tree, with the same
//! positions, as the event reader in `fast.rs` and as serde-saphyr, and
//! declines — returning `None`, so the next reader takes the document — at
//! the first thing it is not sure of: a tab, a carriage return or another
//! control character, a multi-line plain or quoted scalar, an escape, an
//! anchor, alias or tag, a flow mapping, a compact mapping in a list, a block
//! header with an indentation indicator or a comment, a block that starts
//! with a blank line, any indentation it does not expect, and anything that
//! would be a syntax error. Being sure is cheap: everything odd goes to the
//! readers that handle all of YAML. The equivalence is tested on every
//! fixture and example and on generated documents full of such hazards.

use std::cell::Cell;

use super::fast::plain;
use super::{Node, Pos, Value};

/// Nesting at which this reader hands over; the same as the event reader's.
const MAX_DEPTH: usize = 48;
/// Node count at which this reader hands over; the same as the event reader's.
const MAX_NODES: usize = 50_000;

/// The tree of `text`, or `None` when another reader must read it.
pub fn parse(text: &str) -> Option<Node> {
    let bytes = text.as_bytes();
    // One branch-free pass the compiler vectorizes: this runs on every byte
    // of every file.
    let (mut control, mut high) = (0u8, 0u8);
    for &b in bytes {
        // Tabs, CR and other control characters have rules of their own.
        control |= u8::from(b < 0x20 && b != b'\n') | u8::from(b == 0x7f);
        high |= b & 0x80;
    }
    if control != 0 {
        return None;
    }
    let ascii = high == 0;
    if !ascii && has_unusual(bytes) {
        return None;
    }
    let mut reader = Reader {
        text,
        bytes,
        ascii,
        line_start: 0,
        line_end: 0,
        indent: 0,
        line: 1,
        nodes: 0,
        counted: Cell::new((0, 0)),
    };
    reader.measure_line();
    reader.skip_blank_and_comment_lines();
    if reader.at_end() || reader.indent != 0 {
        return None;
    }
    let root = reader.mapping(0, 0)?;
    reader.at_end().then_some(root)
}

/// Whether UTF-8 `bytes` hold a character YAML treats specially or refuses:
/// C1 controls (NEL among them, a line break in YAML 1.1), the line and
/// paragraph separators, the byte-order mark and the non-characters. Their
/// encodings start with 0xC2, 0xE2 or 0xEF, which in valid UTF-8 only ever
/// start a character, so a vectorized search for those three bytes finds
/// every candidate.
fn has_unusual(bytes: &[u8]) -> bool {
    memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).any(|at| {
        let next = &bytes[at + 1..];
        match bytes[at] {
            0xc2 => matches!(next.first(), Some(0x80..=0x9f)),
            0xe2 => matches!(next, [0x80, 0xa8 | 0xa9, ..]),
            _ => matches!(next, [0xbb, 0xbf, ..] | [0xbf, 0xbe | 0xbf, ..]),
        }
    })
}

/// Block headers this reader knows: `|` or `>`, then an optional chomping
/// indicator.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Chomp {
    Clip,
    Strip,
    Keep,
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    ascii: bool,
    /// Byte offset of the first line not yet read.
    line_start: usize,
    /// Where that line ends (its `\n`, or the end of the text).
    line_end: usize,
    /// The number of spaces it starts with.
    indent: usize,
    /// Its 1-based number.
    line: u32,
    nodes: usize,
    /// The last (offset, 0-based column) `pos` counted, for non-ASCII text.
    counted: Cell<(usize, usize)>,
}

impl Reader<'_> {
    fn at_end(&self) -> bool {
        self.line_start >= self.bytes.len()
    }

    /// Finds the current line's end and indentation, once per line.
    fn measure_line(&mut self) {
        let rest = &self.bytes[self.line_start..];
        self.line_end =
            memchr::memchr(b'\n', rest).map_or(self.bytes.len(), |i| self.line_start + i);
        self.indent = rest.iter().take_while(|&&b| b == b' ').count();
    }

    fn next_line(&mut self) {
        self.line_start = (self.line_end + 1).min(self.bytes.len());
        self.line += 1;
        self.measure_line();
    }

    /// Whether the current line holds only spaces.
    fn is_blank(&self) -> bool {
        self.line_start + self.indent == self.line_end
    }

    fn skip_blank_and_comment_lines(&mut self) {
        while !self.at_end() {
            let first = self.line_start + self.indent;
            if first != self.line_end && self.bytes[first] != b'#' {
                return;
            }
            self.next_line();
        }
    }

    fn count_node(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= MAX_NODES).then_some(())
    }

    /// The position of `len` bytes at `offset` on the current line.
    fn pos(&self, offset: usize, len: usize) -> Pos {
        let column = if self.ascii {
            offset - self.line_start
        } else {
            // Characters are counted on from the last position asked for on
            // this line, so a long line of many items (`[a, b, …]`) costs
            // one pass, not one per item.
            let (from, column) = match self.counted.get() {
                (at, column) if at >= self.line_start && at <= offset => (at, column),
                _ => (self.line_start, 0),
            };
            let column = column + self.text[from..offset].chars().count();
            self.counted.set((offset, column));
            column
        };
        Pos {
            line: self.line,
            column: column as u32 + 1,
            offset,
            len,
        }
    }

    /// Moves to the next line with content and says whether it belongs to
    /// the block indented by `indent`: `Some(false)` when the block has
    /// ended (the text, or a line less indented), `None` when the line is
    /// indented deeper, which is a continuation or an error.
    fn continues_block(&mut self, indent: usize) -> Option<bool> {
        self.skip_blank_and_comment_lines();
        if self.at_end() || self.indent < indent {
            return Some(false);
        }
        (self.indent == indent).then_some(true)
    }

    /// A block mapping whose keys are indented by `indent` spaces, starting
    /// on the current line.
    fn mapping(&mut self, indent: usize, depth: usize) -> Option<Node> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.count_node()?;
        let mut entries = Vec::new();
        let mut start = None;
        while self.continues_block(indent)? {
            let key_start = self.line_start + indent;
            let key_len = key_length(&self.bytes[key_start..]);
            let colon = key_start + key_len;
            let end = self.line_end;
            if key_len == 0
                || self.bytes.get(colon) != Some(&b':')
                || (colon + 1 < end && self.bytes[colon + 1] != b' ')
            {
                return None;
            }
            let key_text = &self.text[key_start..colon];
            if !matches!(plain(key_text)?, Value::String(_)) {
                return None;
            }
            let key = Node::string(self.pos(key_start, key_len), key_text);
            self.count_node()?;
            start.get_or_insert(Pos { len: 0, ..key.pos });
            let value_start = skip_spaces(self.bytes, colon + 1, end);
            let value = if value_start == end || self.bytes[value_start] == b'#' {
                let null = Node {
                    pos: self.pos(colon, 0),
                    value: Value::Null,
                };
                self.next_line();
                self.nested(indent, depth)?.unwrap_or(null)
            } else {
                self.inline_value(value_start, end, indent, true)?
            };
            self.count_node()?;
            entries.push((key, value));
        }
        Some(Node {
            pos: start?,
            value: Value::Map(entries),
        })
    }

    /// What follows a key with nothing after its colon: a mapping or list
    /// indented below it, a list at its own indentation, or nothing.
    fn nested(&mut self, indent: usize, depth: usize) -> Option<Option<Node>> {
        self.skip_blank_and_comment_lines();
        if self.at_end() {
            return Some(None);
        }
        let line_indent = self.indent;
        let dash = self.starts_item(line_indent);
        if line_indent > indent {
            let node = if dash {
                self.sequence(line_indent, depth + 1, false)?
            } else {
                self.mapping(line_indent, depth + 1)?
            };
            Some(Some(node))
        } else if line_indent == indent && dash {
            Some(Some(self.sequence(line_indent, depth + 1, true)?))
        } else {
            Some(None)
        }
    }

    /// Whether the current line is a list item (`- ` or a lone `-`) at `indent`.
    fn starts_item(&self, indent: usize) -> bool {
        let at = self.line_start + indent;
        self.bytes.get(at) == Some(&b'-')
            && matches!(self.bytes.get(at + 1), None | Some(b' ' | b'\n'))
    }

    /// A block list whose dashes are indented by `indent` spaces. An
    /// `indentless` list (dashes under its key's first letter) starts, as the
    /// YAML parser reports it, at its first item rather than its first dash.
    fn sequence(&mut self, indent: usize, depth: usize, indentless: bool) -> Option<Node> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.count_node()?;
        let mut items = Vec::new();
        let mut start = None;
        while self.continues_block(indent)? {
            if !self.starts_item(indent) {
                break;
            }
            let end = self.line_end;
            let value_start = skip_spaces(self.bytes, self.line_start + indent + 1, end);
            // Empty items, nested blocks, blocks of text and compact mappings
            // (`- key: value`) are the other readers'; `inline_value` refuses
            // the last two.
            if value_start == end {
                return None;
            }
            if start.is_none() && !indentless {
                start = Some(self.pos(self.line_start + indent, 0));
            }
            let item = self.inline_value(value_start, end, indent, false)?;
            self.count_node()?;
            start.get_or_insert(Pos { len: 0, ..item.pos });
            items.push(item);
        }
        Some(Node {
            pos: start?,
            value: Value::Seq(items),
        })
    }

    /// The value starting at `start` on the current line, which ends at
    /// `end`; `indent` is the enclosing mapping's or list's. Consumes the
    /// line, and a block scalar's lines.
    fn inline_value(
        &mut self,
        start: usize,
        end: usize,
        indent: usize,
        in_mapping: bool,
    ) -> Option<Node> {
        let node = match self.bytes[start] {
            b'|' | b'>' if in_mapping => return self.block_scalar(start, end, indent),
            b'"' => {
                let close = start + 1 + memchr::memchr(b'"', &self.bytes[start + 1..end])?;
                let inner = &self.text[start + 1..close];
                if inner.contains('\\') {
                    return None;
                }
                self.after_value(close + 1, end)?;
                Node::string(self.pos(start, close + 1 - start), inner)
            }
            b'\'' => {
                let (value, close) = single_quoted(&self.text[start + 1..end])?;
                let close = start + 1 + close;
                self.after_value(close + 1, end)?;
                Node::string(self.pos(start, close + 1 - start), value)
            }
            b'[' => self.flow_sequence(start, end)?,
            b'{' | b'}' | b']' | b',' | b'-' | b'?' | b':' | b'#' | b'&' | b'*' | b'!' | b'|'
            | b'>' | b'%' | b'@' | b'`' => return None,
            _ => {
                let text = &self.text[start..end];
                let comment = text.find(" #");
                let text = comment.map_or(text, |at| &text[..at]).trim_end_matches(' ');
                if text.ends_with(':') || text.contains(": ") {
                    return None;
                }
                Node {
                    pos: self.pos(start, text.len()),
                    value: plain(text)?,
                }
            }
        };
        self.next_line();
        Some(node)
    }

    /// Checks that only spaces, or spaces and a comment, follow a value that
    /// ends at `at` on a line ending at `end`.
    fn after_value(&self, at: usize, end: usize) -> Option<()> {
        let rest = &self.text[at..end];
        let trimmed = rest.trim_start_matches(' ');
        (trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len()))
            .then_some(())
    }

    /// `[a, b]` on one line, with plain items that need no second look.
    fn flow_sequence(&mut self, start: usize, end: usize) -> Option<Node> {
        self.count_node()?;
        let mut items = Vec::new();
        let mut at = skip_spaces(self.bytes, start + 1, end);
        if self.bytes.get(at) == Some(&b']') {
            self.after_value(at + 1, end)?;
            return Some(Node {
                pos: self.pos(start, 1),
                value: Value::Seq(items),
            });
        }
        loop {
            let item_end = at
                + self.bytes[at..end]
                    .iter()
                    .position(|&b| matches!(b, b',' | b']'))?;
            let text = self.text[at..item_end].trim_end_matches(' ');
            let safe = !text.is_empty()
                && !text.starts_with(['-', '?'])
                && !text.bytes().any(|b| {
                    matches!(
                        b,
                        b'[' | b'{'
                            | b'}'
                            | b'#'
                            | b'&'
                            | b'*'
                            | b'!'
                            | b'|'
                            | b'>'
                            | b'\''
                            | b'"'
                            | b'%'
                            | b'@'
                            | b'`'
                            | b':'
                    )
                });
            if !safe {
                return None;
            }
            items.push(Node {
                pos: self.pos(at, text.len()),
                value: plain(text)?,
            });
            self.count_node()?;
            if self.bytes[item_end] == b']' {
                self.after_value(item_end + 1, end)?;
                break;
            }
            at = skip_spaces(self.bytes, item_end + 1, end);
            if at == end || self.bytes[at] == b']' {
                return None;
            }
        }
        Some(Node {
            pos: self.pos(start, 1),
            value: Value::Seq(items),
        })
    }

    /// A `|` or `>` block whose header is at `start` on the current line,
    /// under a key indented by `indent`.
    fn block_scalar(&mut self, start: usize, end: usize, indent: usize) -> Option<Node> {
        let literal = self.bytes[start] == b'|';
        let header = self.text[start + 1..end].trim_end_matches(' ');
        let chomp = match header {
            "" => Chomp::Clip,
            "-" => Chomp::Strip,
            "+" => Chomp::Keep,
            _ => return None,
        };
        self.next_line();
        if self.at_end() || self.is_blank() {
            return None;
        }
        let content_indent = self.indent;
        if content_indent <= indent {
            return None;
        }
        let first = self.line_start + content_indent;
        let mut pos = self.pos(first, 0);
        let mut value = String::new();
        // Line breaks seen since the last content line, not yet written.
        let mut breaks = 0usize;
        let mut seen_content = false;
        let stop = loop {
            if self.at_end() {
                break self.bytes.len();
            }
            let line_indent = self.indent;
            let line_end = self.line_end;
            if self.line_start + line_indent == line_end {
                if line_indent > content_indent {
                    return None;
                }
                breaks += 1;
                self.next_line();
                continue;
            }
            if line_indent < content_indent {
                break self.line_start + line_indent;
            }
            if !literal && line_indent > content_indent {
                return None;
            }
            if seen_content {
                // A folded block joins adjacent lines with a space; each
                // blank line between them is one line break.
                if literal {
                    push_breaks(&mut value, breaks);
                } else if breaks == 1 {
                    value.push(' ');
                } else {
                    push_breaks(&mut value, breaks - 1);
                }
            }
            value.push_str(&self.text[self.line_start + content_indent..line_end]);
            seen_content = true;
            // The break ending this line (if it has one) counts with the
            // blank lines after it.
            breaks = usize::from(line_end < self.bytes.len());
            self.next_line();
        };
        match chomp {
            Chomp::Strip => {}
            Chomp::Clip => push_breaks(&mut value, breaks.min(1)),
            Chomp::Keep => push_breaks(&mut value, breaks),
        }
        pos.len = stop - first;
        Some(Node {
            pos,
            value: Value::String(value),
        })
    }
}

fn push_breaks(value: &mut String, n: usize) {
    value.extend(std::iter::repeat_n('\n', n));
}

/// The length of a key this reader accepts at the start of `bytes`: a letter
/// or `_`, then letters, digits, `_` and `-`.
fn key_length(bytes: &[u8]) -> usize {
    match bytes.first() {
        Some(b) if b.is_ascii_alphabetic() || *b == b'_' => bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
            .count(),
        _ => 0,
    }
}

fn skip_spaces(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at < end && bytes[at] == b' ' {
        at += 1;
    }
    at
}

/// The value of a single-quoted scalar whose text (after the opening quote)
/// is `rest`, and the offset of its closing quote in `rest`.
fn single_quoted(rest: &str) -> Option<(String, usize)> {
    let mut value = String::new();
    let mut from = 0;
    loop {
        let quote = from + rest[from..].find('\'')?;
        value.push_str(&rest[from..quote]);
        if rest.as_bytes().get(quote + 1) == Some(&b'\'') {
            value.push('\'');
            from = quote + 2;
        } else {
            return Some((value, quote));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{fast, fix_positions, parse_with_serde_saphyr};
    use super::*;

    /// A small deterministic generator, so a failure names a reproducible seed.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            // xorshift64*
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
        /// Mostly one of the first `usual` items, sometimes any: one hazard
        /// in a document is enough to test, a dozen make it unreadable.
        fn pick_mostly<'a>(&mut self, items: &[&'a str], usual: usize) -> &'a str {
            if self.chance(92) {
                items[self.below(usual)]
            } else {
                self.pick(items)
            }
        }
    }

    const KEYS: &[&str] = &[
        "a",
        "title",
        "target_market",
        "b-c",
        "_x",
        "k1",
        "problem",
        "null",
        "true",
        "Yes",
        "é",
        "\"q\"",
        "a b",
        "-x",
        "1",
        "on",
    ];
    const PLAIN: &[&str] = &[
        "hello",
        "two words",
        "Title #1",
        "a # comment",
        "a:b",
        "http://x.y/z",
        "12",
        "2026-10-02",
        "2026-W44",
        "true",
        "no",
        "~",
        "null",
        "é ü",
        "50%",
        "$1.2M",
        "a: b",
        "007",
        "-3",
        "1.5",
        "1e3",
        "0x1F",
        "True",
        "x:",
        "[not flow",
        "trailing  ",
        "a #",
        "it's",
        "–",
        "@at",
        "`tick`",
        "*star",
        "&amp",
        "!bang",
        "%pct",
        "?q",
        "- dash",
        ">gt",
        "|pipe",
        "{x}",
        "a,b",
        "a]",
        "nan",
        ".inf",
        "a\tb",
        "a\rb",
        "a\u{85}b",
        "#hash",
        "a  b",
    ];
    const QUOTED: &[&str] = &[
        "\"x\"",
        "'it''s'",
        "\"a # b\"",
        "'a' # c",
        "\"esc\\n\"",
        "\"\"",
        "\"it's\"",
        "\"a\" # c",
        "\"a\"x",
        "\"multi",
        "'x'",
        "''",
        "'open",
        "'a'#c",
        "\"é\"",
        "'a\"b'",
    ];
    const FLOW: &[&str] = &[
        "[]",
        "[a]",
        "[a, b]",
        "[ a , b ]",
        "[a,b]",
        "[a, ]",
        "[a, [b]]",
        "[1, 2026-10-02, true]",
        "[a: b]",
        "['q']",
        "[a] # c",
        "{}",
        "{a: 1}",
        "[a,",
        "[ ]",
    ];
    const HEADERS: &[&str] = &[
        "|", "|-", "|+", ">", ">-", ">+", "|2", "| # c", ">  ", "|-  ",
    ];
    const TEXT: &[&str] = &[
        "words here",
        "more words",
        "# not a comment",
        "- item",
        "key: value",
        "  indented",
        "trailing ",
        "é ü",
        "x",
        "a #b",
    ];

    fn spaces(n: usize) -> String {
        " ".repeat(n)
    }

    fn scalar(rng: &mut Rng) -> String {
        match rng.below(10) {
            0..=4 => rng.pick_mostly(PLAIN, 16).to_string(),
            5..=7 => rng.pick_mostly(QUOTED, 4).to_string(),
            _ => rng.pick_mostly(FLOW, 5).to_string(),
        }
    }

    fn filler(rng: &mut Rng, out: &mut String, indent: usize) {
        for _ in 0..rng.below(3) {
            match rng.below(4) {
                0 => out.push('\n'),
                1 => out.push_str(&format!("{}\n", spaces(rng.below(6)))),
                2 => out.push_str(&format!("{}# note\n", spaces(indent))),
                _ => out.push_str(&format!("{}# odd\n", spaces(rng.below(6)))),
            }
        }
    }

    fn block(rng: &mut Rng, out: &mut String, indent: usize) {
        out.push_str(rng.pick_mostly(HEADERS, 6));
        out.push('\n');
        let content = match rng.below(8) {
            0 => indent,
            1 => indent + 1,
            _ => indent + 2,
        };
        if rng.chance(10) {
            out.push('\n');
        }
        for _ in 0..1 + rng.below(4) {
            match rng.below(6) {
                0 => out.push('\n'),
                1 => out.push_str(&format!("{}\n", spaces(rng.below(content + 3)))),
                2 => out.push_str(&format!("{}  {}\n", spaces(content), rng.pick(TEXT))),
                _ => out.push_str(&format!("{}{}\n", spaces(content), rng.pick(TEXT))),
            }
        }
        for _ in 0..rng.below(3) {
            out.push_str(&format!("{}\n", spaces(rng.below(content + 1))));
        }
    }

    fn mapping(rng: &mut Rng, out: &mut String, indent: usize, depth: usize) {
        for _ in 0..1 + rng.below(4) {
            filler(rng, out, indent);
            let shift = usize::from(rng.chance(2));
            out.push_str(&format!(
                "{}{}:",
                spaces(indent + shift),
                rng.pick_mostly(KEYS, 7)
            ));
            match rng.below(12) {
                0..=4 => out.push_str(&format!(" {}\n", scalar(rng))),
                5 | 6 => {
                    out.push(' ');
                    block(rng, out, indent);
                }
                7 | 8 if depth < 4 => {
                    out.push('\n');
                    let step = if rng.chance(10) { 0 } else { 1 + rng.below(3) };
                    mapping(rng, out, indent + step, depth + 1);
                }
                9 | 10 if depth < 4 => {
                    out.push_str(if rng.chance(20) { " # c\n" } else { "\n" });
                    let step = if rng.chance(50) { 0 } else { 2 };
                    sequence(rng, out, indent + step, depth + 1);
                }
                _ => out.push_str(if rng.chance(50) { "\n" } else { "  # empty\n" }),
            }
        }
    }

    fn sequence(rng: &mut Rng, out: &mut String, indent: usize, depth: usize) {
        for _ in 0..1 + rng.below(3) {
            filler(rng, out, indent);
            out.push_str(&format!("{}-", spaces(indent)));
            match rng.below(10) {
                0..=5 => out.push_str(&format!(" {}\n", scalar(rng))),
                6 if rng.chance(30) => {
                    out.push_str(&format!(" {}: {}\n", rng.pick(KEYS), scalar(rng)))
                }
                7 => {
                    out.push(' ');
                    block(rng, out, indent);
                }
                8 if depth < 4 && rng.chance(30) => {
                    out.push('\n');
                    mapping(rng, out, indent + 2, depth + 1);
                }
                9 if rng.chance(30) => out.push('\n'),
                _ => out.push_str(&format!(" {}\n", rng.pick_mostly(PLAIN, 16))),
            }
        }
    }

    #[test]
    fn a_long_line_of_many_items_is_read_in_one_pass() {
        // 20,000 items of 100 characters on one 4 MB line: counting each
        // item's column from the line start would count 40 GB of text.
        let item = "é".repeat(100);
        let items = vec![item.as_str(); 20_000].join(", ");
        let text = format!("labels: [{items}]\nnext: x\n");
        let node = parse(&text).expect("read by the line reader");
        let entries = node.entries().unwrap();
        let Value::Seq(labels) = &entries[0].1.value else {
            panic!("a list")
        };
        assert_eq!(labels.len(), 20_000);
        assert_eq!(labels[1].pos.column, 10 + 102);
        assert_eq!(labels[19_999].pos.column, 10 + 102 * 19_999);
        assert_eq!((entries[1].1.pos.line, entries[1].1.pos.column), (2, 7));
    }

    #[test]
    fn finds_exactly_the_unusual_characters() {
        let unusual = |c: char| {
            matches!(
                c,
                '\u{80}'
                    ..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            )
        };
        let edges = "\u{85}\u{9f}\u{a0}\u{2027}\u{2028}\u{2029}\u{feff}\u{fffd}\u{fffe}\u{ffff}–é";
        for c in ('\u{80}'..='\u{10ffff}').step_by(7).chain(edges.chars()) {
            let text = format!("a: x{c}y\n");
            assert_eq!(has_unusual(text.as_bytes()), unusual(c), "{c:?}");
        }
    }

    /// Every document the line reader accepts, among thousands generated from
    /// the hazards above, reads exactly as serde-saphyr reads it, positions
    /// included; and it accepts enough of them for that to mean something.
    #[test]
    fn reads_generated_documents_exactly_as_serde_saphyr() {
        let cases: u64 = std::env::var("MRD_BLOCK_CASES").map_or(3000, |n| n.parse().unwrap());
        let mut accepted = 0;
        for seed in 1..=cases {
            let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
            let mut text = String::new();
            mapping(&mut rng, &mut text, 0, 0);
            let Some(block) = parse(&text) else { continue };
            accepted += 1;
            let mut reference = parse_with_serde_saphyr(&text).unwrap_or_else(|err| {
                panic!("seed {seed}: accepted what serde-saphyr refuses ({err:?}):\n{text}")
            });
            fix_positions(&text, &mut reference);
            assert_eq!(block, reference, "seed {seed}:\n{text}");
            assert_eq!(
                fast::parse(&text).as_ref(),
                Some(&block),
                "seed {seed}:\n{text}"
            );
        }
        eprintln!("the line reader read {accepted} of {cases} generated documents");
        assert!(
            accepted * 5 > cases,
            "only {accepted} of {cases} generated documents were read by the line reader"
        );
    }
}
