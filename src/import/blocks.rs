//! Markdown as a stream of top-level blocks with their source ranges,
//! through pulldown-cmark. Importing works on blocks, never on raw lines, so a
//! `1.` inside a code fence or a `**bold**` inside a list is never mistaken for
//! a question.
//!
//! pulldown-cmark builds a tree of its whole input before the first event,
//! and that tree costs up to ten times the text when a document is made of
//! many short blocks or lines. So the text is parsed a window at a time
//! (about [`WINDOW`] bytes, ending at a line end). CommonMark decides block
//! structure line by line from what came before, so a block that starts in
//! a window's parse starts at the same place in the whole text's parse, and
//! the blocks before it are final: each window gives its blocks up to the
//! last one that reads the same when parsed afresh from its first line
//! ([`Blocks::starts_afresh`]), and the next window starts there. A
//! paragraph longer than a window is followed from window to window (see
//! [`Blocks::follow`]). A list, table or quote longer than a window is
//! parsed whole, in windows that double until it ends.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Heading(u8),
    Paragraph,
    /// A list, with the source range of each of its items.
    List(Vec<Range<usize>>),
    /// An HTML block made only of comments (template guidance).
    Comment,
    /// A thematic break (`---`).
    Rule,
    /// A table: each row (the header first) as its cells' source ranges.
    Table(Vec<Vec<Range<usize>>>),
    /// Anything else: code, tables, quotes, other HTML.
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// How much text one parse reads, unless a block is longer.
const WINDOW: usize = 16 * 1024;

/// The top-level blocks of a text, in order, parsed a window at a time.
pub struct Blocks<'a> {
    text: &'a str,
    /// Where the next window starts: the first line of a top-level block,
    /// or, while following a paragraph, a line that continues it.
    at: usize,
    /// The start of the paragraph being followed across windows.
    paragraph: Option<usize>,
    /// A paragraph that could not be followed, so it is parsed whole.
    whole: Option<usize>,
    window: usize,
    ready: std::vec::IntoIter<Block>,
}

impl<'a> Blocks<'a> {
    pub fn new(text: &'a str) -> Blocks<'a> {
        Blocks::with_window(text, WINDOW)
    }

    /// With windows of `window` bytes: tests use tiny ones, so that every
    /// block boundary is a window boundary somewhere.
    fn with_window(text: &'a str, window: usize) -> Blocks<'a> {
        Blocks {
            text,
            at: 0,
            paragraph: None,
            whole: None,
            window: window.max(1),
            ready: Vec::new().into_iter(),
        }
    }

    /// Parses the next window: the blocks known to be final, possibly none
    /// (the window then moved on).
    fn read_window(&mut self) -> Vec<Block> {
        let len = self.text.len();
        let mut reach = self.window;
        loop {
            let end = self.line_at_or_after(self.at.saturating_add(reach));
            let mut blocks = parse(self.text, self.at, end);
            if let Some(start) = self.paragraph {
                match self.follow(start, &mut blocks, end) {
                    Follow::Continues => match self.continuing_line(self.at, end) {
                        Some(line) => {
                            self.at = line;
                            return Vec::new();
                        }
                        None => {
                            reach = reach.saturating_mul(2);
                            continue;
                        }
                    },
                    Follow::Ended(block) => {
                        self.paragraph = None;
                        self.at = self.line_at_or_after(block.range.end);
                        return vec![block];
                    }
                    Follow::Lost => {
                        // Not what a continuing line gives: read the
                        // paragraph whole instead.
                        self.paragraph = None;
                        self.whole = Some(start);
                        reach = (end - start).saturating_mul(2);
                        self.at = self.line_start(start);
                        continue;
                    }
                }
            }
            if end >= len {
                self.at = len;
                return blocks;
            }
            // The blocks before the last one that starts afresh are final;
            // that one and those after it are parsed again.
            if let Some(k) = (1..blocks.len())
                .rev()
                .find(|&k| self.starts_afresh(&blocks[k]))
            {
                let line = self.line_start(blocks[k].range.start);
                if line > self.at {
                    blocks.truncate(k);
                    self.at = line;
                    return blocks;
                }
            }
            if blocks.len() > 1 {
                reach = reach.saturating_mul(2);
                continue;
            }
            let Some(last) = blocks.last() else {
                // Only blank lines or link definitions so far.
                reach = reach.saturating_mul(2);
                continue;
            };
            // One block fills the window: a long paragraph is followed, any
            // other block is read in a larger window.
            if last.kind == Kind::Paragraph
                && self.whole != Some(last.range.start)
                && last.range.end == end
                && let Some(line) = self.continuing_line(self.at, end)
            {
                self.paragraph = Some(last.range.start);
                self.at = line;
                return Vec::new();
            }
            reach = reach.saturating_mul(2);
        }
    }

    /// Whether a block that starts in a window's parse (not first) can be
    /// parsed again on its own from its first line. A paragraph (or a setext
    /// heading or a table, which start as one) may have begun on a line
    /// above with link definitions (`[a]: /url`), which leave no block: then
    /// its lines were read as a paragraph's continuation, and a line such as
    /// `2. x` that continues a paragraph starts a list when read afresh. So
    /// those qualify only after a blank line. Any other block interrupts
    /// whatever was open, and reads the same afresh.
    fn starts_afresh(&self, block: &Block) -> bool {
        let line = self.line_start(block.range.start);
        let paragraph_like = match block.kind {
            Kind::Paragraph | Kind::Table(_) => true,
            Kind::Heading(_) => !self.text[line..].trim_start_matches(' ').starts_with('#'),
            _ => false,
        };
        !paragraph_like || (line > 0 && self.last_line_blank(line))
    }

    /// A window that starts on a line continuing the paragraph that starts
    /// at `start`. Such a line can only be paragraph text, whether it
    /// continues a paragraph or starts one, and every line after it is read
    /// the same way in both cases, so the window's first block is the rest
    /// of the paragraph: still going at the window's end, or ended in it
    /// (as a paragraph, or as a setext heading when underlined).
    fn follow(&self, start: usize, blocks: &mut Vec<Block>, end: usize) -> Follow {
        let Some(first) = blocks.first() else {
            return Follow::Lost;
        };
        let expected = first.range.start == self.at
            && matches!(first.kind, Kind::Paragraph | Kind::Heading(1 | 2));
        if !expected {
            return Follow::Lost;
        }
        if blocks.len() == 1
            && first.kind == Kind::Paragraph
            && end < self.text.len()
            && first.range.end == end
        {
            return Follow::Continues;
        }
        let mut block = blocks.swap_remove(0);
        block.range.start = start;
        Follow::Ended(block)
    }

    /// The last line in `(from, to]` that can only continue a paragraph: it
    /// starts with a letter (no block starts so) and has no `|` (so it
    /// cannot be a table's header when read as a paragraph's first line).
    /// `to` is a line start before the end of the text.
    fn continuing_line(&self, from: usize, to: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut line = to;
        while line > from {
            let end = memchr::memchr(b'\n', &bytes[line..]).map_or(bytes.len(), |i| line + i);
            if bytes[line].is_ascii_alphabetic()
                && memchr::memchr(b'|', &bytes[line..end]).is_none()
            {
                return Some(line);
            }
            line = self.line_start(line - 1);
        }
        None
    }

    /// Whether the line that ends at `end` (exclusive) is blank.
    fn last_line_blank(&self, end: usize) -> bool {
        let start = self.line_start(end.saturating_sub(1));
        self.text[start..end].trim().is_empty()
    }

    /// The start of the line `offset` is on.
    fn line_start(&self, offset: usize) -> usize {
        memchr::memrchr(b'\n', &self.text.as_bytes()[..offset]).map_or(0, |i| i + 1)
    }

    /// `offset` if a line starts there, else the start of the next line (or
    /// the end of the text).
    fn line_at_or_after(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        if offset >= bytes.len() {
            return bytes.len();
        }
        if offset == 0 || bytes[offset - 1] == b'\n' {
            return offset;
        }
        memchr::memchr(b'\n', &bytes[offset..]).map_or(bytes.len(), |i| offset + i + 1)
    }
}

enum Follow {
    /// The paragraph goes on past the window.
    Continues,
    /// The paragraph ended in the window: the whole block.
    Ended(Block),
    /// The window did not start as a continuing line does.
    Lost,
}

impl Iterator for Blocks<'_> {
    type Item = Block;

    fn next(&mut self) -> Option<Block> {
        loop {
            if let Some(block) = self.ready.next() {
                return Some(block);
            }
            if self.at >= self.text.len() && self.paragraph.is_none() {
                return None;
            }
            self.ready = self.read_window().into_iter();
        }
    }
}

/// The top-level blocks of `text[from..to]`, with ranges in `text`.
fn parse(text: &str, from: usize, to: usize) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let piece = &text[from..to];
    let shift = |r: Range<usize>| r.start + from..r.end + from;
    let mut out: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(piece, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = match tag {
                        Tag::Heading { level, .. } => Kind::Heading(level as u8),
                        Tag::Paragraph => Kind::Paragraph,
                        Tag::List(_) => Kind::List(Vec::new()),
                        Tag::Table(_) => Kind::Table(Vec::new()),
                        Tag::HtmlBlock if is_comment(&piece[range.clone()]) => Kind::Comment,
                        _ => Kind::Other,
                    };
                    out.push(Block {
                        kind,
                        range: shift(range),
                    });
                } else if depth == 1
                    && matches!(tag, Tag::Item)
                    && let Some(Block {
                        kind: Kind::List(items),
                        ..
                    }) = out.last_mut()
                {
                    items.push(shift(range));
                } else if let Some(Block {
                    kind: Kind::Table(rows),
                    ..
                }) = out.last_mut()
                {
                    match tag {
                        Tag::TableHead | Tag::TableRow if depth == 1 => rows.push(Vec::new()),
                        Tag::TableCell if depth == 2 => {
                            if let Some(row) = rows.last_mut() {
                                row.push(shift(range));
                            }
                        }
                        _ => {}
                    }
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Rule if depth == 0 => out.push(Block {
                kind: Kind::Rule,
                range: shift(range),
            }),
            // Other leaf events at the top (rare: stray HTML) are kept as text.
            _ if depth == 0 => out.push(Block {
                kind: Kind::Other,
                range: shift(range),
            }),
            _ => {}
        }
    }
    out
}

/// Whether an HTML block is nothing but `<!-- ... -->` comments.
fn is_comment(html: &str) -> bool {
    let mut rest = html.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix("<!--") else {
            return false;
        };
        let Some(end) = after.find("-->") else {
            return false;
        };
        rest = after[end + 3..].trim_start();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn blocks(text: &str) -> Vec<Block> {
        Blocks::new(text).collect()
    }

    #[test]
    fn splits_top_level_blocks_and_list_items() {
        let text = "# T\n\n**1. Q?**\nanswer\n\n1. one\n2. two\n\n<!-- hint -->\n\n---\n\n```\n1. no\n```\n";
        let kinds: Vec<_> = blocks(text).into_iter().map(|b| b.kind).collect();
        assert!(matches!(kinds[0], Kind::Heading(1)));
        assert_eq!(kinds[1], Kind::Paragraph);
        let Kind::List(items) = &kinds[2] else {
            panic!("{kinds:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(kinds[3], Kind::Comment);
        assert_eq!(kinds[4], Kind::Rule);
        assert_eq!(kinds[5], Kind::Other);
        assert_eq!(kinds.len(), 6);
    }

    #[test]
    fn tables_keep_their_cells() {
        let text = "| Question | Answer |\n| --- | --- |\n| Problem | Pain. |\n| Why now | A rule changed. |\n";
        let blocks = blocks(text);
        let Kind::Table(rows) = &blocks[0].kind else {
            panic!("{blocks:?}")
        };
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(|c| text[c.clone()].trim()).collect())
            .collect();
        assert_eq!(
            cells,
            [
                vec!["Question", "Answer"],
                vec!["Problem", "Pain."],
                vec!["Why now", "A rule changed."]
            ]
        );
    }

    /// Windows as small as one byte give the blocks one parse of the whole
    /// text gives, on the shapes where a window boundary could matter.
    #[test]
    fn windows_give_the_blocks_of_one_parse() {
        let cases = [
            "# T\n\nOne paragraph\nof three\nlines.\n\n## Next\n\nText.\n",
            "A long paragraph\nwith 2. a number\n    and an indented line\nand | a pipe\nthen more text\n\nAfter.\n",
            "Underlined\nheading text\n---\n\nText.\n",
            "Para\n- a list that interrupts\n- it\n\n1. one\n\n2. two\n\n# H\n",
            "```\n# not a heading\n\nstill code\n```\n\ntext\n",
            "<!--\nguidance\n\n# inside\n-->\n\n| a | b |\n| - | - |\n| c | d |\n\n> quote\n> more\n\n    code\n    code\n\n[a]: /u\n'title\n# x\n'\n\n[a]\n",
            "\n\n\n\ntext after blank lines\n",
            "first\nsecond\nthird",
        ];
        for text in cases {
            let whole = parse(text, 0, text.len());
            for window in [1, 2, 3, 5, 8, 13, 40] {
                let windowed: Vec<Block> = Blocks::with_window(text, window).collect();
                assert_eq!(windowed, whole, "window {window}: {text:?}");
            }
        }
    }

    fn line() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "# Heading",
            "## 3. How big is the opportunity?",
            "Plain text line",
            "more text, with **bold**",
            "2. numbered",
            "1. first",
            "- item",
            "  - nested item",
            "    indented",
            "> quoted",
            "| a | b |",
            "| --- | --- |",
            "---",
            "===",
            "```",
            "~~~",
            "<!-- note -->",
            "<!--",
            "-->",
            "<div>",
            "[a]: /url",
            "'title'",
            "[^1]: a footnote",
            "  text after two spaces",
            "\tTabbed",
            "* star item",
            "+ plus item",
            "1) paren item",
            "   > quote",
            "<pre>",
            "</pre>",
            "Text with a | pipe",
            "[link][a] and text",
            "",
            "",
            "",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_window_gives_the_blocks_of_one_parse(
            lines in prop::collection::vec(line(), 0..80),
            window in 1usize..48,
        ) {
            let text = lines.join("\n");
            let whole = parse(&text, 0, text.len());
            let windowed: Vec<Block> = Blocks::with_window(&text, window).collect();
            prop_assert_eq!(windowed, whole, "{:?}", text);
        }
    }
}
