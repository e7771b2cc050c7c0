//! Making user-written Markdown (answers, rationale, notes) safe to place
//! inside a larger document.
//!
//! An answer is written on its own, but printed under a question's heading,
//! between other answers. Left as written it could break the document around
//! it: an `# H1` would outrank the question, an unclosed code fence or
//! `<!--` would swallow every later question, a list glued to a paragraph
//! would fail markdownlint. [`clean_block`] rewrites only what is needed,
//! using pulldown-cmark to find the structure (so code stays code):
//!
//! - top-level blocks are separated by exactly one blank line;
//! - headings become ATX headings, demoted to start at `heading_base`, and
//!   never jump more than one level;
//! - top-level code blocks are re-emitted as backtick fences with a language
//!   (`text` when none was given), so an unclosed fence is closed and
//!   indented code becomes fenced;
//! - an HTML block left open (`<!--`, `<pre>`, `<script>`, ...) is closed;
//! - a stray `</details>` is escaped and a `<details>` left open is closed
//!   (`crate::render::details`), so GitHub's fold around the notes holds;
//! - nested bullet lists are indented two spaces per level;
//! - `*`/`+` bullets become `-`, `_em_` becomes `*em*`, `__strong__` becomes
//!   `**strong**`, hard breaks written as two trailing spaces become `\`;
//! - tabs outside code are expanded, trailing spaces removed.
//!
//! The words, links and code of the answer are never changed.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Tag, TagEnd};

use crate::controls::{first_hidden_control, make_visible};
use crate::render::details::balance_details;
use crate::render::units::{Piece, each_unit};

/// Stands for a line break inserted by an edit until `reindent_bullets` has
/// run (see `blank_lines_around`). User text cannot contain it: NUL is
/// replaced on input, as CommonMark does.
const LINE_BREAK: char = '\0';

/// The parser options used everywhere in rendering: what GitHub and GitLab
/// both understand.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// Byte ranges of a text (code blocks, say), asked about positions that only
/// grow: each question costs amortised constant time, so a pass over every
/// line of a large text stays linear however many ranges it has.
pub struct RangeSet {
    /// Sorted, disjoint, non-empty.
    ranges: Vec<Range<usize>>,
    next: usize,
}

impl RangeSet {
    /// From ranges in any order, possibly nested or overlapping.
    pub fn new(mut ranges: Vec<Range<usize>>) -> RangeSet {
        ranges.retain(|r| r.start < r.end);
        ranges.sort_unstable_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        RangeSet {
            ranges: merged,
            next: 0,
        }
    }

    /// Whether `pos` is in one of the ranges; `pos` must not be smaller than
    /// in the previous call.
    pub fn contains(&mut self, pos: usize) -> bool {
        while self.ranges.get(self.next).is_some_and(|r| r.end <= pos) {
            self.next += 1;
        }
        self.ranges.get(self.next).is_some_and(|r| r.start <= pos)
    }
}

/// One top-level block of the input, cleaned.
enum Chunk<'a> {
    Heading {
        level: u8,
        text: String,
    },
    /// Borrowed from the input where nothing in it changes (plain prose).
    Other(Cow<'a, str>),
}

/// Cleans one user-written Markdown block; headings in it start at level
/// `heading_base` (clamped to 6). Returns text without a trailing newline.
pub fn clean_block(text: &str, heading_base: u8) -> String {
    let text = normalise_for_markdown(text);
    let mut chunks = Vec::new();
    each_unit(&text, |_, unit, piece| match piece {
        Piece::Plain => push_plain(&mut chunks, unit),
        Piece::Parsed(events) => clean_unit(unit, &events, heading_base, &mut chunks),
    });
    balanced(assemble(chunks, heading_base))
}

/// `cleaned` with its `<details>` folds balanced (see [`balance_details`]),
/// without a copy when they are.
fn balanced(cleaned: String) -> String {
    let changed = match balance_details(&cleaned) {
        Cow::Owned(text) => Some(text),
        Cow::Borrowed(_) => None,
    };
    changed.unwrap_or(cleaned)
}

/// [`clean_block`] with the whole text parsed at once: what cutting it into
/// pieces must not change.
#[cfg(test)]
pub fn clean_block_whole(text: &str, heading_base: u8) -> String {
    let text = normalise_for_markdown(text);
    let events: Vec<_> = pulldown_cmark::Parser::new_ext(&text, parser_options())
        .into_offset_iter()
        .collect();
    let mut chunks = Vec::new();
    clean_unit(&text, &events, heading_base, &mut chunks);
    balanced(assemble(chunks, heading_base))
}

/// Plain prose (see [`each_unit`]) as parsing would leave it: its paragraphs.
fn push_plain<'a>(chunks: &mut Vec<Chunk<'a>>, unit: &'a str) {
    let mut paragraph_start = None;
    let mut at = 0;
    for line in unit.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, paragraph_start) {
            (false, None) => paragraph_start = Some(at),
            (true, Some(start)) => {
                chunks.push(Chunk::Other(unit[start..at].trim_end_matches('\n').into()));
                paragraph_start = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some(start) = paragraph_start {
        chunks.push(Chunk::Other(unit[start..].trim_end_matches('\n').into()));
    }
}

/// The chunks of one piece of text that parses alone, from its events.
fn clean_unit(
    text: &str,
    events: &[(Event<'_>, Range<usize>)],
    heading_base: u8,
    chunks: &mut Vec<Chunk<'_>>,
) {
    let mut covered = 0;
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        // The end of this top-level block in `events`.
        let end = match event {
            Event::Start(_) => matching_end(events, i),
            _ => i,
        };
        let block = &events[i..=end];
        if range.start > covered {
            // Text no event covers: link reference definitions, kept as written.
            push_other(chunks, &text[covered..range.start]);
        }
        let range = range.start..range.end.max(covered);
        covered = covered.max(range.end);
        chunks.push(match event {
            Event::Start(Tag::Heading { level, .. }) => Chunk::Heading {
                level: heading_number(*level),
                text: heading_text(text, block),
            },
            Event::Start(Tag::CodeBlock(kind)) => Chunk::Other(fence(kind, block).into()),
            // One style of thematic break in the whole document (MD035).
            Event::Rule => Chunk::Other("---".into()),
            Event::Start(Tag::HtmlBlock) => {
                Chunk::Other(close_html_block(&text[range.clone()]).into())
            }
            Event::Start(Tag::List(None)) => {
                let edited = edit_inline(text, range.clone(), block, heading_base);
                Chunk::Other(reindent_bullets(text, range.clone(), block, &edited).into())
            }
            _ => Chunk::Other(edit_inline(text, range.clone(), block, heading_base).into()),
        });
        i = end + 1;
    }
    if covered < text.len() {
        push_other(chunks, &text[covered..]);
    }
}

/// Line endings as LF, and every other control character made visible
/// (NUL becomes U+FFFD, as CommonMark says), before anything looks at lines.
/// Borrowed when there is nothing to change, as in most text.
pub fn normalise_for_markdown(text: &str) -> Cow<'_, str> {
    // A lone CR ends a line for CommonMark; GitLab deletes it before looking
    // for quick actions. Making it `\n` keeps both readings the same.
    let lf = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    match lf {
        Cow::Borrowed(text) => make_visible(text),
        Cow::Owned(text) if first_hidden_control(&text).is_none() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(make_visible(&text).into_owned()),
    }
}

fn push_other(chunks: &mut Vec<Chunk<'_>>, text: &str) {
    let text = text.trim_matches('\n');
    if !text.trim().is_empty() {
        chunks.push(Chunk::Other(tidy_lines(text).into()));
    }
}

fn matching_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (offset, (event, _)) in events[start..].iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return start + offset;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The heading's inline source (emphasis, code and links kept), on one line.
fn heading_text(text: &str, block: &[(Event<'_>, Range<usize>)]) -> String {
    let inner = &block[1..block.len().saturating_sub(1)];
    let start = inner.iter().map(|(_, r)| r.start).min();
    let end = inner.iter().map(|(_, r)| r.end).max();
    match (start, end) {
        (Some(start), Some(end)) if start < end => {
            let edited = edit_inline(text, start..end, inner, 6);
            // Trailing punctuation makes a heading read as a sentence (MD026).
            one_line(&edited)
                .trim_end_matches(['.', ',', ';', ':', '!'])
                .to_string()
        }
        _ => String::new(),
    }
}

/// A code block as a backtick fence long enough for its content, with a
/// language, always closed.
fn fence(kind: &CodeBlockKind<'_>, block: &[(Event<'_>, Range<usize>)]) -> String {
    let mut code = String::new();
    for (event, _) in block {
        if let Event::Text(t) = event {
            code.push_str(t);
        }
    }
    let info = match kind {
        CodeBlockKind::Fenced(info) => info.trim().replace('`', ""),
        CodeBlockKind::Indented => String::new(),
    };
    let info = if info.is_empty() {
        "text".to_string()
    } else {
        info
    };
    let longest_run = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat((longest_run + 1).max(3));
    if !code.is_empty() && !code.ends_with('\n') {
        code.push('\n');
    }
    // Trailing spaces inside code are invisible and fail markdownlint (MD009).
    let code: String = code
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    format!("{ticks}{info}\n{code}{ticks}")
}

/// The closing string of an HTML block of the types (CommonMark 4.6, 1 to
/// 5) that run until one rather than to a blank line: left open, they
/// swallow the document. `None` for the other types.
pub fn html_block_closer(html: &str) -> Option<&'static str> {
    let lower = html.trim_start().to_ascii_lowercase();
    if lower.starts_with("<!--") {
        Some("-->")
    } else if lower.starts_with("<![cdata[") {
        Some("]]>")
    } else if lower.starts_with("<?") {
        Some("?>")
    } else if lower.starts_with("<!") {
        Some(">")
    } else {
        ["pre", "script", "style", "textarea"]
            .into_iter()
            .find(|tag| {
                lower.get(1..).is_some_and(|l| l.starts_with(tag))
                    && lower[1 + tag.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| c == '>' || c.is_whitespace())
            })
            .map(|tag| match tag {
                "pre" => "</pre>",
                "script" => "</script>",
                "style" => "</style>",
                _ => "</textarea>",
            })
    }
}

/// The closing string `html` still needs, if it is an HTML block that runs
/// to one and does not contain it after its opening `<`.
pub fn html_block_left_open(html: &str) -> Option<&'static str> {
    let closer = html_block_closer(html)?;
    let lower = html.trim_start().to_ascii_lowercase();
    (!lower.get(1..).unwrap_or_default().contains(closer)).then_some(closer)
}

fn close_html_block(html: &str) -> String {
    let html = tidy_lines(html.trim_end_matches('\n'));
    match html_block_left_open(&html) {
        Some(closer) => format!("{html}\n{closer}"),
        None => html,
    }
}

/// The source of `range` with the marker rewrites described in the module
/// documentation applied.
fn edit_inline(
    text: &str,
    range: Range<usize>,
    events: &[(Event<'_>, Range<usize>)],
    heading_base: u8,
) -> String {
    // (position, bytes replaced, replacement), applied from the end.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let bytes = text.as_bytes();
    let mut lists: Vec<bool> = Vec::new(); // true = ordered
    for (event, r) in events {
        match event {
            Event::Start(Tag::List(first)) => lists.push(first.is_some()),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) if lists.last() == Some(&false) => {
                let at = r.start + count_leading(&bytes[r.start..r.end], b' ');
                if matches!(bytes.get(at), Some(b'*' | b'+')) {
                    edits.push((at, 1, "-".into()));
                }
            }
            Event::Start(Tag::Emphasis) if bytes.get(r.start) == Some(&b'_') && r.len() >= 2 => {
                edits.push((r.start, 1, "*".into()));
                edits.push((r.end - 1, 1, "*".into()));
            }
            Event::Start(Tag::Strong) if bytes.get(r.start) == Some(&b'_') && r.len() >= 4 => {
                edits.push((r.start, 2, "**".into()));
                edits.push((r.end - 2, 2, "**".into()));
            }
            Event::HardBreak if bytes.get(r.start) == Some(&b' ') => {
                edits.push((r.start, r.len(), "\\\n".into()));
            }
            Event::Start(Tag::Heading { .. }) => {
                nested_heading(text, r, heading_base, &range, &mut edits)
            }
            // Top-level code blocks never get here (see `fence`): this one is nested.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let at = r.start + count_leading(&bytes[r.start..r.end], b' ');
                let last = text[..r.end].trim_end_matches('\n').len();
                // The block's last character, which may be wider than a byte
                // (`~~~ﬀ`, found by the render fuzz target).
                if let Some((last_char, _)) = text[..last].char_indices().next_back()
                    && at <= last_char
                {
                    blank_lines_around(text, &range, at, last_char, &mut edits);
                }
                if info.trim().is_empty() {
                    // A nested fence without a language (MD040): say `text`.
                    if let Some(&fence_char @ (b'`' | b'~')) = bytes.get(at) {
                        let run = count_leading(&bytes[at..r.end], fence_char);
                        let line_end = text[at..r.end].find('\n').map_or(r.end, |n| at + n);
                        edits.push((at + run, line_end - at - run, "text".into()));
                    }
                }
            }
            _ => {}
        }
    }
    edits.retain(|(at, len, _)| *at >= range.start && at + len <= range.end);
    // Built front to back in one pass (a text with many edits stays linear).
    // Of two edits at one place, the one pushed later comes first: an
    // inserted blank line goes before a replaced list marker.
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (edits[i].0, std::cmp::Reverse(i)));
    let mut out = String::with_capacity(range.len() + 16);
    let mut cursor = range.start;
    for i in order {
        let (at, len, replacement) = &edits[i];
        if *at >= cursor {
            out.push_str(&text[cursor..*at]);
            cursor = *at;
        }
        out.push_str(replacement);
        cursor = cursor.max(at + len);
    }
    out.push_str(&text[cursor..range.end]);
    tidy_lines(out.trim_matches('\n'))
}

/// Nested bullet lists indented two spaces per level (markdownlint MD007),
/// whatever indentation the author used: each item's lines move by the
/// same amount as its marker, so its content and children keep their place
/// relative to it. Lists under an ordered list keep their indentation, as
/// their content column depends on the number's width.
///
/// `edited` is `edit_inline`'s output for `range`: its lines correspond one
/// to one to the source lines (no edit adds or removes a line).
fn reindent_bullets(
    text: &str,
    range: Range<usize>,
    events: &[(Event<'_>, Range<usize>)],
    edited: &str,
) -> String {
    let block = &text[range.clone()];
    // Where each line of the block starts, to find an offset's line by
    // binary search (counting line breaks each time would be quadratic).
    let line_starts: Vec<usize> = std::iter::once(range.start)
        .chain(memchr::memchr_iter(b'\n', block.as_bytes()).map(|i| range.start + i + 1))
        .collect();
    // Counted in bytes: an offset just before a range's end may be inside a character.
    let line_of = |offset: usize| {
        let offset = offset.clamp(range.start, range.end);
        line_starts.partition_point(|&start| start <= offset) - 1
    };
    let line_count = block.trim_end_matches('\n').split('\n').count();
    let mut shift: Vec<isize> = vec![0; block.split('\n').count()];
    // For each open list: whether it and every list around it is a bullet list.
    let mut lists: Vec<bool> = Vec::new();
    // For each open item: how far it moves.
    let mut items: Vec<isize> = Vec::new();
    for (event, r) in events {
        match event {
            Event::Start(Tag::List(first)) => {
                let all_bullets = first.is_none() && lists.last().copied().unwrap_or(true);
                lists.push(all_bullets);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                let inherited = items.last().copied().unwrap_or(0);
                // pulldown-cmark may start a nested item at the preceding line break.
                let item_start = r.start + text[r.start..].len()
                    - text[r.start..].trim_start_matches('\n').len();
                let first_line = line_of(item_start);
                let line_start = line_starts[first_line];
                let before = &text[line_start..item_start.max(line_start)];
                // Measured as `edited` has it: tabs expanded.
                let line = tidy_lines(text[line_start..].split('\n').next().unwrap_or_default());
                let marker_column = line.len() - line.trim_start_matches(' ').len();
                // The item must start its line, or moving the line would move another item.
                let starts_line = before.trim().is_empty();
                let delta = match lists.last() {
                    Some(true) if starts_line => {
                        2 * (lists.len() as isize - 1) - marker_column as isize
                    }
                    _ => inherited,
                };
                let last_line = line_of(r.end.saturating_sub(1).max(r.start));
                for slot in shift.iter_mut().take(last_line + 1).skip(first_line) {
                    *slot = delta;
                }
                items.push(delta);
            }
            Event::End(TagEnd::Item) => {
                items.pop();
            }
            _ => {}
        }
    }
    let lines: Vec<&str> = edited.split('\n').collect();
    if lines.len() != line_count {
        return edited.to_string();
    }
    let mut out = Vec::with_capacity(lines.len());
    for (line, delta) in lines.into_iter().zip(shift) {
        // (`shift` may be one longer: the block's final newline.) An edited
        // line may hold inserted line breaks: each part moves.
        let moved: Vec<String> = line
            .split(LINE_BREAK)
            .map(|part| {
                let indent = part.len() - part.trim_start_matches(' ').len();
                if part.trim().is_empty() || delta == 0 {
                    part.to_string()
                } else if delta < 0 {
                    part[indent.min(delta.unsigned_abs())..].to_string()
                } else {
                    format!("{}{part}", " ".repeat(delta.unsigned_abs()))
                }
            })
            .collect();
        out.push(moved.join(&LINE_BREAK.to_string()));
    }
    out.join("\n")
}

/// A heading inside a block quote or list item (top-level headings are
/// rebuilt by `assemble`): an ATX heading is set to `level`, so it can
/// neither outrank the question nor skip a level, and gets blank lines
/// around it inside its container. Setext headings are left as written.
fn nested_heading(
    text: &str,
    r: &Range<usize>,
    level: u8,
    block: &Range<usize>,
    edits: &mut Vec<(usize, usize, String)>,
) {
    let bytes = text.as_bytes();
    let hashes_at = r.start + count_leading(&bytes[r.start..r.end], b' ');
    let run = count_leading(&bytes[hashes_at..r.end], b'#');
    if run == 0 {
        return;
    }
    edits.push((hashes_at, run, "#".repeat(usize::from(level.clamp(1, 6)))));
    blank_lines_around(text, block, hashes_at, hashes_at, edits);
}

/// Blank lines, in the container's own terms (`>` for a quote), before the
/// line holding `start` and after the line holding `end`, where missing
/// (MD022, MD031), between lines of the top-level `block` only: the blocks
/// around it are separated by a blank line anyway. Inserted line breaks are
/// written as [`LINE_BREAK`] so that `reindent_bullets` still sees one
/// edited line per source line.
fn blank_lines_around(
    text: &str,
    block: &Range<usize>,
    start: usize,
    end: usize,
    edits: &mut Vec<(usize, usize, String)>,
) {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..start];
    // The container's blank line: its `>` markers, without list markers.
    let blank = prefix
        .chars()
        .filter(|c| *c == '>')
        .map(|_| ">")
        .collect::<Vec<_>>()
        .join(" ");
    let is_blank = |line: &str| line.chars().all(|c| c == '>' || c.is_whitespace());
    // On a list item's first line, the blank line goes between items.
    if line_start > block.start {
        let previous_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        if !is_blank(&text[previous_start..line_start - 1]) {
            edits.push((line_start, 0, format!("{blank}{LINE_BREAK}")));
        }
    }
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if line_end + 1 < block.end {
        let next_end = text[line_end + 1..]
            .find('\n')
            .map_or(text.len(), |i| line_end + 1 + i);
        if !is_blank(&text[line_end + 1..next_end]) {
            edits.push((line_end, 0, format!("{LINE_BREAK}{blank}")));
        }
    }
}

fn count_leading(bytes: &[u8], byte: u8) -> usize {
    bytes.iter().take_while(|b| **b == byte).count()
}

/// Tabs expanded to the next multiple of four (as CommonMark reads them),
/// trailing whitespace removed.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut column = 0;
        for c in line.trim_end().chars() {
            if c == '\t' {
                let spaces = 4 - column % 4;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            } else {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

fn assemble(chunks: Vec<Chunk<'_>>, heading_base: u8) -> String {
    let base = heading_base.clamp(1, 6);
    let lowest = chunks
        .iter()
        .filter_map(|c| match c {
            Chunk::Heading { level, .. } => Some(*level),
            Chunk::Other(_) => None,
        })
        .min()
        .unwrap_or(1);
    let mut previous = base - 1;
    let mut parts = Vec::new();
    for chunk in chunks {
        match chunk {
            Chunk::Heading { text, .. } if text.is_empty() => {}
            Chunk::Heading { level, text } => {
                let wanted = base + (level - lowest);
                let level = wanted.min(previous + 1).clamp(base, 6);
                previous = level;
                parts.push(Cow::Owned(format!(
                    "{} {text}",
                    "#".repeat(usize::from(level))
                )));
            }
            Chunk::Other(text) => parts.push(text),
        }
    }
    let joined = parts.join("\n\n");
    // Line breaks inserted by edits (see `blank_lines_around`).
    if joined.contains(LINE_BREAK) {
        joined.replace(LINE_BREAK, "\n")
    } else {
        joined
    }
}

/// Collapses a value meant for one line (a title, a condition) to one line:
/// whitespace, line breaks included, becomes single spaces, and the control
/// characters left are made visible.
pub fn one_line(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    make_visible(&line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_demoted_and_never_skip_a_level() {
        assert_eq!(
            clean_block("# Top\ntext\n### Deep\n## Mid", 3),
            "### Top\n\ntext\n\n#### Deep\n\n#### Mid"
        );
        assert_eq!(clean_block("## Risks:\n", 3), "### Risks");
        assert_eq!(clean_block("Setext\n======\n", 3), "### Setext");
        assert_eq!(
            clean_block("###### Six\n# One", 5),
            "##### Six\n\n##### One"
        );
    }

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        assert_eq!(
            clean_block("Intro:\n- a\n- b\nAfter\n```\ncode\n```\nEnd", 3),
            "Intro:\n\n- a\n- b\nAfter\n\n```text\ncode\n```\n\nEnd"
        );
        assert_eq!(clean_block("a\n\n\n\nb", 3), "a\n\nb");
        assert_eq!(clean_block("***\n\n_ _ _", 3), "---\n\n---");
    }

    #[test]
    fn code_blocks_are_closed_fenced_and_keep_their_content() {
        assert_eq!(
            clean_block("```rust\nfn x() {}", 3),
            "```rust\nfn x() {}\n```"
        );
        assert_eq!(
            clean_block("text\n\n    indented\n", 3),
            "text\n\n```text\nindented\n```"
        );
        assert_eq!(clean_block("~~~\n```\n~~~", 3), "````text\n```\n````");
        assert_eq!(
            clean_block("```\n# not a heading\n\n\n\nx\n```", 3),
            "```text\n# not a heading\n\n\n\nx\n```"
        );
    }

    #[test]
    fn open_html_blocks_are_closed() {
        assert_eq!(
            clean_block("<!-- hide the rest", 3),
            "<!-- hide the rest\n-->"
        );
        assert_eq!(clean_block("<pre>\nx", 3), "<pre>\nx\n</pre>");
        assert_eq!(clean_block("<!-- ok -->", 3), "<!-- ok -->");
        assert_eq!(clean_block("<div>\nx\n</div>", 3), "<div>\nx\n</div>");
    }

    #[test]
    fn markers_are_made_consistent_without_changing_words() {
        assert_eq!(
            clean_block("* one _two_ __three__\n* four  \n  five\tsix  ", 3),
            "- one *two* **three**\n- four\\\n  five  six"
        );
        assert_eq!(
            clean_block("snake_case_name and `_code_`", 3),
            "snake_case_name and `_code_`"
        );
    }

    #[test]
    fn nested_bullets_are_indented_two_spaces_per_level() {
        assert_eq!(
            clean_block(
                "- a\n    - b\n      more b\n        - c\n    - d\n\n  back in a",
                3
            ),
            "- a\n  - b\n    more b\n    - c\n  - d\n\n  back in a"
        );
        assert_eq!(
            clean_block("  - a\n\n        code under a\n", 3),
            "- a\n\n      code under a"
        );
        // Under a numbered item, the content column depends on the number.
        assert_eq!(clean_block("1. a\n   - b\n", 3), "1. a\n   - b");
        assert_eq!(clean_block("- a\n\t- b\n", 3), "- a\n  - b");
    }

    #[test]
    fn headings_in_quotes_and_items_are_demoted_with_blank_lines() {
        assert_eq!(
            clean_block("> quote\n> # Title\n> more\n\n- # In item\n  text", 3),
            "> quote\n>\n> ### Title\n>\n> more\n\n- ### In item\n\n  text"
        );
        assert_eq!(clean_block("> ```\n> x\n> ```", 3), "> ```text\n> x\n> ```");
        assert_eq!(
            clean_block("> a\n> ```\n> x\n> ```\n> b", 3),
            "> a\n>\n> ```text\n> x\n> ```\n>\n> b"
        );
        assert_eq!(
            clean_block("- # h\n  text\n- a\n    - b\n- # h2", 3),
            "- ### h\n\n  text\n- a\n  - b\n\n- ### h2"
        );
        assert_eq!(clean_block("nul\0here", 3), "nul\u{fffd}here");
    }

    #[test]
    fn link_reference_definitions_are_kept() {
        assert_eq!(
            clean_block("See [x].\n\n[x]: https://example.com\n", 3),
            "See [x].\n\n[x]: https://example.com"
        );
    }

    #[test]
    fn range_sets_merge_nested_ranges_and_answer_in_order() {
        let mut set = RangeSet::new(vec![10..20, 0..3, 12..25, 30..30, 2..4]);
        let inside: Vec<usize> = (0..32).filter(|&p| set.contains(p)).collect();
        let expected: Vec<usize> = (0..4).chain(10..25).collect();
        assert_eq!(inside, expected);
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(clean_block("a\r\nb\rc", 3), "a\nb\nc");
    }
}
