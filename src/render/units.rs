//! Markdown cut into pieces that parse alone exactly as they parse in place,
//! so that a long text costs memory for its largest piece, not for all of it.
//!
//! pulldown-cmark builds a tree of the whole document before it yields the
//! first event: some 50 bytes a node, two nodes for a short line. A notes
//! body of ten million short lines would hold gigabytes. Yet most of a long
//! text is made of blocks that nothing before them can reach into, and
//! prose with no Markdown in it needs no parser at all. So [`each_unit`]
//! cuts the text where a new top-level block must start, parses each piece
//! alone, and does not parse at all a piece that is plain prose.
//!
//! A cut goes before a line that follows a blank line and starts, in column
//! 0, with a character that cannot continue a list (not a space or tab, not
//! `-`, `+`, `*` or a digit). After a blank line, such a line closes every
//! paragraph, list, block quote, table, indented code block and HTML block
//! of types 6 and 7, so the blocks before the cut end there whether or not
//! the text goes on. Two things could still reach over the cut, and are
//! handled: a fenced code block, or an HTML block that runs to a closing
//! string (`<!--`, `<pre>`, ...), left open at the top level, where the
//! piece is extended to the line that closes it; and link reference or
//! footnote definitions, which apply to the whole document, where a text
//! containing `]:` is not cut at all. Heading levels, the other thing that
//! depends on the whole text, are worked out by the caller over all pieces.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use crate::render::markdown::{html_block_left_open, parser_options};

/// A piece's events, with ranges relative to the piece.
pub type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// How a piece reaches the caller.
pub enum Piece<'a> {
    /// Plain prose: paragraphs of lines that start with a letter and hold no
    /// character Markdown reads (see [`is_plain_line`]), and blank lines.
    Plain,
    /// Anything else, with its events.
    Parsed(Events<'a>),
}

/// Calls `f(offset, piece_text, piece)` for each piece of `text`, in order;
/// the pieces cover `text` exactly.
pub fn each_unit<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str, Piece<'a>)) {
    if text.contains("]:") {
        f(0, text, Piece::Parsed(parse(text)));
        return;
    }
    let mut start = 0;
    while start < text.len() {
        let mut end = next_cut(text, start);
        let unit = &text[start..end];
        if unit.split('\n').all(|l| is_blank(l) || is_plain_line(l)) {
            f(start, unit, Piece::Plain);
            start = end;
            continue;
        }
        let mut events = parse(unit);
        if let Some(closer) = open_at_end(unit, &events) {
            end = line_closing(text, end, &closer).unwrap_or(text.len());
            events = parse(&text[start..end]);
        }
        f(start, &text[start..end], Piece::Parsed(events));
        start = end;
    }
}

fn parse(text: &str) -> Events<'_> {
    Parser::new_ext(text, parser_options())
        .into_offset_iter()
        .collect()
}

fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ' || b == b'\t')
}

/// A line of prose that Markdown reads as text and nothing else, whatever
/// stands around it: it starts with a letter (so it opens no block and
/// continues none but a paragraph) and holds no character that could start
/// or end an inline construct, a hard break or a tab stop.
pub fn is_plain_line(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_alphabetic)
        && !line.ends_with(char::is_whitespace)
        && !line.bytes().any(|b| {
            matches!(
                b,
                b'`' | b'*' | b'_' | b'~' | b'[' | b']' | b'<' | b'\\' | b'&' | b'\t'
            )
        })
}

/// The start of the line after `start` where a cut may go, or the text's end.
fn next_cut(text: &str, start: usize) -> usize {
    let mut after_blank = false;
    let mut at = start;
    for line in text[start..].split_inclusive('\n') {
        if at > start && after_blank && can_start_a_piece(line) {
            return at;
        }
        after_blank = is_blank(line.trim_end_matches('\n'));
        at += line.len();
    }
    text.len()
}

fn can_start_a_piece(line: &str) -> bool {
    line.bytes()
        .next()
        .is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'-' | b'+' | b'*' | b'0'..=b'9'))
}

/// What would close the piece's last top-level block, when the piece ends
/// with it still open: a fenced code block, or an HTML block that runs to a
/// closing string.
enum Closer {
    Fence { marker: u8, len: usize },
    Html(&'static str),
}

fn open_at_end(unit: &str, events: &Events<'_>) -> Option<Closer> {
    // The last top-level block: the first event whose range reaches the end
    // of the last one that starts at depth 0.
    let mut depth = 0usize;
    let mut last = None;
    for (event, range) in events {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    last = Some((tag, range));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ if depth == 0 => last = None,
            _ => {}
        }
    }
    let (tag, range) = last?;
    let block = &unit[range.clone()];
    match tag {
        Tag::CodeBlock(CodeBlockKind::Fenced(_)) => {
            let opening = block.trim_start_matches(' ');
            let marker = *opening.as_bytes().first()?;
            let len = opening.bytes().take_while(|b| *b == marker).count();
            let closed = block
                .trim_end_matches('\n')
                .rsplit('\n')
                .next()
                .filter(|_| block.trim_end_matches('\n').contains('\n'))
                .is_some_and(|last| closes_fence(last, marker, len));
            (!closed).then_some(Closer::Fence { marker, len })
        }
        Tag::HtmlBlock => html_block_left_open(block).map(Closer::Html),
        _ => None,
    }
}

/// Whether `line` closes a fence opened with `len` `marker`s (CommonMark
/// 4.5: up to three spaces, at least as many markers, then only spaces).
fn closes_fence(line: &str, marker: u8, len: usize) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let run = rest.bytes().take_while(|b| *b == marker).count();
    indent <= 3 && run >= len && rest[run..].trim_matches([' ', '\t']).is_empty()
}

/// The end (after its line break) of the first line from `from` on that
/// closes the open block.
fn line_closing(text: &str, from: usize, closer: &Closer) -> Option<usize> {
    let mut at = from;
    for line in text[from..].split_inclusive('\n') {
        at += line.len();
        let body = line.trim_end_matches('\n');
        let closes = match closer {
            Closer::Fence { marker, len } => closes_fence(body, *marker, *len),
            Closer::Html(close) => body.to_ascii_lowercase().contains(close),
        };
        if closes {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        each_unit(text, |_, piece, kind| {
            out.push((piece, matches!(kind, Piece::Plain)))
        });
        out
    }

    #[test]
    fn cuts_before_a_new_top_level_block_after_a_blank_line() {
        assert_eq!(
            pieces("Prose here.\nMore prose.\n\n# Head\n\n- a\n\n- b\n\nText\n"),
            [
                ("Prose here.\nMore prose.\n\n", true),
                ("# Head\n\n- a\n\n- b\n\n", false),
                ("Text\n", true),
            ]
        );
        // No cut inside a list item or an indented continuation.
        assert_eq!(pieces("- a\n\n  b\n\n1. c\n").len(), 1);
    }

    #[test]
    fn an_open_fence_or_html_block_extends_the_piece_to_its_close() {
        assert_eq!(
            pieces("```\ncode\n\nNot a cut\n```\nAfter\n\nNext\n"),
            [
                ("```\ncode\n\nNot a cut\n```\n", false),
                ("After\n\n", true),
                ("Next\n", true)
            ]
        );
        assert_eq!(
            pieces("<!-- open\n\nStill a comment -->\n\nText\n"),
            [
                ("<!-- open\n\nStill a comment -->\n", false),
                ("\n", true),
                ("Text\n", true)
            ]
        );
        // Never closed: the rest of the text.
        assert_eq!(pieces("~~~~\n\nA\n~~~\n\nB\n").len(), 1);
    }

    #[test]
    fn reference_definitions_keep_the_text_whole() {
        assert_eq!(
            pieces("See [x].\n\nMore\n\n[x]: https://example.com\n").len(),
            1
        );
    }

    /// Lines that open, close, continue or interrupt blocks, and prose.
    const LINES: &[&str] = &[
        "",
        "",
        "",
        "Plain words here.",
        "Another plain line",
        "Ünïcödé prose",
        "```",
        "```rust",
        "````",
        "~~~",
        "  ```",
        "<!-- open",
        "-->",
        "end -->",
        "<pre>",
        "</pre>",
        "<div>",
        "</div>",
        "<?x",
        "?>",
        "<!DOC",
        "<![CDATA[",
        "]]>",
        "<script>",
        "</script>",
        "- item",
        "* star",
        "+ plus",
        "  - nested",
        "    - deep",
        "1. one",
        "2) two",
        "> quote",
        "> ```",
        ">",
        "    code",
        "\tcode",
        "# Heading",
        "### Deep:",
        "Setext",
        "===",
        "---",
        "***",
        "| a | b |",
        "|---|---|",
        "a *em",
        "em* b",
        "`span",
        "span`",
        "__s",
        "s__",
        "x  ",
        "trailing\\",
        "/close",
        "  /label ~x",
        "- [ ] task",
        "Term[^1]",
        "[^1]: note",
        "[x]: https://example.com",
        "See [x].",
        "&amp; entity",
        "<b>inline</b> html",
        "text <!-- c --> text",
    ];

    fn document() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(proptest::sample::select(LINES), 0..40)
            .prop_map(|lines| lines.join("\n"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Cutting into pieces changes nothing: the same cleaned Markdown,
        /// the same code blocks for tidying, the same literal ranges for
        /// neutralising, as parsing the whole text.
        #[test]
        fn pieces_parse_as_the_whole(text in document()) {
            use crate::render::markdown::{clean_block, clean_block_whole};
            proptest::prop_assert_eq!(clean_block(&text, 3), clean_block_whole(&text, 3));
            let kinds = |event: &Event<'_>| match event {
                Event::Start(tag) => Some(format!("{tag:?}")),
                Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) => Some(format!("{event:?}")),
                _ => None,
            };
            let whole: Vec<_> = parse(&text)
                .into_iter()
                .filter_map(|(e, r)| kinds(&e).map(|k| (k, r)))
                .collect();
            let mut cut = Vec::new();
            each_unit(&text, |offset, piece, kind| match kind {
                Piece::Parsed(events) => cut.extend(
                    events.into_iter().filter_map(|(e, r)| {
                        kinds(&e).map(|k| (k, offset + r.start..offset + r.end))
                    }),
                ),
                Piece::Plain => cut.extend(
                    parse(piece)
                        .into_iter()
                        .filter_map(|(e, r)| kinds(&e).map(|k| (k, offset + r.start..offset + r.end))),
                ),
            });
            // Ranges of blocks that end a piece may differ in trailing blank lines.
            let trim = |v: Vec<(String, Range<usize>)>| -> Vec<(String, usize, usize)> {
                v.into_iter()
                    .map(|(k, r)| (k, r.start, r.start + text[r].trim_end_matches('\n').len()))
                    .collect()
            };
            proptest::prop_assert_eq!(trim(cut), trim(whole));
        }
    }

    #[test]
    fn plain_lines_hold_nothing_markdown_reads() {
        for line in [
            "Plain words, numbers 12 and (brackets): fine.",
            "Ünïcödé too",
            "a/close",
        ] {
            assert!(is_plain_line(line), "{line:?}");
        }
        for line in [
            "",
            "1. item",
            " indented",
            "*em*",
            "a_b",
            "x  ",
            "a\tb",
            "<b>",
            "`c`",
            "[l]",
        ] {
            assert!(!is_plain_line(line), "{line:?}");
        }
    }
}
