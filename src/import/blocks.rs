//! Markdown as a flat list of top-level blocks with their source ranges,
//! through pulldown-cmark. Importing works on blocks, never on raw lines, so a
//! `1.` inside a code fence or a `**bold**` inside a list is never mistaken for
//! a question.

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

pub fn blocks(text: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut out: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = match tag {
                        Tag::Heading { level, .. } => Kind::Heading(level as u8),
                        Tag::Paragraph => Kind::Paragraph,
                        Tag::List(_) => Kind::List(Vec::new()),
                        Tag::Table(_) => Kind::Table(Vec::new()),
                        Tag::HtmlBlock if is_comment(&text[range.clone()]) => Kind::Comment,
                        _ => Kind::Other,
                    };
                    out.push(Block {
                        kind,
                        range: range.clone(),
                    });
                } else if depth == 1
                    && matches!(tag, Tag::Item)
                    && let Some(Block {
                        kind: Kind::List(items),
                        ..
                    }) = out.last_mut()
                {
                    items.push(range.clone());
                } else if let Some(Block {
                    kind: Kind::Table(rows),
                    ..
                }) = out.last_mut()
                {
                    match tag {
                        Tag::TableHead | Tag::TableRow if depth == 1 => rows.push(Vec::new()),
                        Tag::TableCell if depth == 2 => {
                            if let Some(row) = rows.last_mut() {
                                row.push(range.clone());
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
                range,
            }),
            // Other leaf events at the top (rare: stray HTML) are kept as text.
            _ if depth == 0 => out.push(Block {
                kind: Kind::Other,
                range,
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
}
