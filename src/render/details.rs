//! `<details>` folds in user-written Markdown, kept balanced.
//!
//! GitHub flavour folds the notes into `<details>…</details>`. A
//! `</details>` in the notes that closes nothing the notes opened (someone
//! pasted the end of a fold, or quoted one) ends the template's fold early:
//! everything after it spills out, and the template's own `</details>` is
//! left dangling. A `<details>` the text leaves open does the opposite and
//! swallows the template's `</details>`. So a stray `</details>` is escaped
//! (`&lt;/details>`, which GitHub shows as the text `</details>`), and a fold
//! left open is closed at the end of the block. Balanced folds, and anything
//! in code or in an HTML comment, are left exactly as written.

use std::borrow::Cow;

use pulldown_cmark::Event;

use crate::render::units::{Piece, each_unit};

/// `text` with its `<details>` folds balanced, as described above;
/// borrowed when they are (or when there is none).
pub fn balance_details(text: &str) -> Cow<'_, str> {
    if !mentions_a_details_tag(text) {
        return Cow::Borrowed(text);
    }
    let mut stray = Vec::new();
    let mut open = 0usize;
    let mut in_comment = false;
    // Piece by piece, so that a long text never becomes one parse tree.
    let mut events = Vec::new();
    each_unit(text, |offset, _, piece| {
        if let Piece::Parsed(parsed) = piece {
            events.extend(parsed.into_iter().filter_map(|(event, range)| {
                matches!(event, Event::Html(_) | Event::InlineHtml(_))
                    .then(|| offset + range.start..offset + range.end)
            }));
        }
    });
    for range in events {
        let html = &text[range.clone()];
        let mut at = 0;
        while at < html.len() {
            let rest = &html[at..];
            if in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        in_comment = false;
                        at += end + 3;
                    }
                    None => break,
                }
                continue;
            }
            let Some(lt) = rest.find('<') else { break };
            let tag = &rest[lt..];
            if tag.starts_with("<!--") {
                in_comment = true;
                at += lt + 4;
                continue;
            }
            match details_tag(tag) {
                Some(Tag::Open) => open += 1,
                Some(Tag::Close) if open > 0 => open -= 1,
                Some(Tag::Close) => stray.push(range.start + at + lt),
                None => {}
            }
            at += lt + 1;
        }
    }
    if stray.is_empty() && open == 0 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8 * stray.len() + 12 * open);
    let mut copied = 0;
    for at in stray {
        out.push_str(&text[copied..at]);
        out.push_str("&lt;");
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
    for _ in 0..open {
        out.push_str("\n\n</details>");
    }
    Cow::Owned(out)
}

/// Whether `text` holds `<details` or `</details`, in any case: a cheap
/// look before any parsing (the word alone, in prose, is no tag).
fn mentions_a_details_tag(text: &str) -> bool {
    memchr::memchr_iter(b'<', text.as_bytes()).any(|lt| {
        let rest = &text.as_bytes()[lt + 1..];
        let name = rest.strip_prefix(b"/").unwrap_or(rest);
        name.len() >= 7 && name[..7].eq_ignore_ascii_case(b"details")
    })
}

enum Tag {
    Open,
    Close,
}

/// Whether `tag` (text starting at a `<`) opens or closes a `details`
/// element: the name in any case, followed by a space, `>` or `/`.
fn details_tag(tag: &str) -> Option<Tag> {
    let (kind, name) = match tag.strip_prefix("</") {
        Some(name) => (Tag::Close, name),
        None => (Tag::Open, &tag[1..]),
    };
    let ends_name = |c: char| c.is_ascii_whitespace() || c == '>' || c == '/';
    let matches = name.len() >= 7
        && name.is_char_boundary(7)
        && name[..7].eq_ignore_ascii_case("details")
        && name[7..].chars().next().is_none_or(ends_name);
    matches.then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_closing_tag_is_escaped() {
        assert_eq!(
            balance_details("Before.\n\n</details>\n\nAfter."),
            "Before.\n\n&lt;/details>\n\nAfter."
        );
        assert_eq!(
            balance_details("Inline </DETAILS > too."),
            "Inline &lt;/DETAILS > too."
        );
    }

    #[test]
    fn balanced_folds_code_and_comments_are_left_as_written() {
        for text in [
            "<details>\n<summary>Mine</summary>\n\nText.\n\n</details>",
            "Code: `</details>`",
            "```html\n</details>\n```",
            "<!-- </details> -->",
            "<!--\nold fold:\n</details>\n-->",
            "</detailsx> and <detail> are other tags",
            "No folds at all.",
        ] {
            assert_eq!(balance_details(text), text);
        }
    }

    #[test]
    fn a_fold_left_open_is_closed_and_extra_closers_are_escaped() {
        assert_eq!(
            balance_details("<details>\n\nOpen."),
            "<details>\n\nOpen.\n\n</details>"
        );
        assert_eq!(
            balance_details("<details>\n\nA.\n\n</details>\n\n</details>"),
            "<details>\n\nA.\n\n</details>\n\n&lt;/details>"
        );
    }
}
