//! GitLab quick actions: neutralising the ones users wrote, and writing the
//! ones `mrd` means.
//!
//! GitLab runs a quick action for every line of an issue description that
//! starts with `/` and a command name (`/close`, `/label ~x`, `/assign @me`),
//! matching the name case-insensitively, after deleting every carriage
//! return. The list of commands grows with each GitLab release, so rather
//! than match names, [`neutralise`] treats as a command any line whose first
//! non-blank character is `/` followed by a word (letters, digits, `_` or
//! `-`) that ends the line or is followed by whitespace. That covers every
//! command GitLab has or will add, in any letter case, and indented lines too
//! (GitLab does not run those today, but escaping them costs nothing).
//!
//! Such a line is changed so that it no longer starts with `/` and still
//! looks the same once rendered:
//!
//! - in ordinary text, a backslash goes before the slash (`\/close`): a
//!   CommonMark escape, rendered as `/close`;
//! - in code (fenced, indented or a code span) and raw HTML, where a
//!   backslash would be shown, a zero-width space (U+200B) goes before it.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use crate::render::markdown::RangeSet;
use crate::render::units::{Piece, each_unit};

const ZERO_WIDTH_SPACE: char = '\u{200b}';

/// Whether GitLab could read this line as a quick action.
pub fn is_command_line(line: &str) -> bool {
    let Some(rest) = line.trim_start_matches([' ', '\t']).strip_prefix('/') else {
        return false;
    };
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let word = &rest[..word_end];
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Where a line can start. GitLab's extractor (Ruby) sees a line start only
/// after a line feed, once carriage returns are deleted; the Unicode line and
/// paragraph separators are counted too, so that no reader that breaks lines
/// at them finds a command this module let through.
const LINE_ENDS: [char; 3] = ['\n', '\u{2028}', '\u{2029}'];

/// `markdown`'s lines, each with its line end.
fn lines(markdown: &str) -> impl Iterator<Item = &str> {
    markdown.split_inclusive(LINE_ENDS)
}

/// `markdown` with every line GitLab would run as a quick action made inert.
///
/// Control characters must have been made visible before (see
/// [`crate::controls`]): a later pass that removed one could uncover a line
/// start this function did not see.
pub fn neutralise(markdown: String) -> String {
    // GitLab deletes carriage returns before looking for commands, so a CR
    // could hide a line start from a line-by-line check: remove them first.
    let markdown = if markdown.contains('\r') {
        markdown.replace('\r', "")
    } else {
        markdown
    };
    if !has_command_line(&markdown) {
        return markdown;
    }
    let mut literal = RangeSet::new(literal_ranges(&markdown));
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut offset = 0;
    for line in lines(&markdown) {
        if is_command_line(line) {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            let slash = offset + indent;
            out.push_str(&line[..indent]);
            out.push(if literal.contains(slash) {
                ZERO_WIDTH_SPACE
            } else {
                '\\'
            });
            out.push_str(&line[indent..]);
        } else {
            out.push_str(line);
        }
        offset += line.len();
    }
    out
}

/// Whether any line of `markdown` is a command line, found from its
/// slashes: most text has few, and lines without one need no look.
fn has_command_line(markdown: &str) -> bool {
    memchr::memchr_iter(b'/', markdown.as_bytes()).any(|slash| {
        let before = markdown[..slash].trim_end_matches([' ', '\t']);
        let at_line_start = before.is_empty() || before.ends_with(LINE_ENDS);
        at_line_start && is_command_line(&markdown[before.len()..])
    })
}

/// Where a backslash would be shown as written: code and raw HTML.
fn literal_ranges(markdown: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    each_unit(markdown, |offset, _, piece| {
        let Piece::Parsed(events) = piece else {
            return;
        };
        ranges.extend(events.into_iter().filter_map(|(event, range)| {
            matches!(
                event,
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)
                    | Event::Code(_)
                    | Event::InlineHtml(_)
                    | Event::Html(_)
            )
            .then(|| offset + range.start..offset + range.end)
        }));
    });
    ranges
}

/// A front-matter value that cannot be written into a quick action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickActionError {
    pub field: &'static str,
    pub value: String,
    pub pos: crate::yaml::Pos,
}

impl std::fmt::Display for QuickActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} `{}` cannot be written as a GitLab quick action: it contains a double quote, a line break or a control character",
            self.field,
            self.value.escape_debug()
        )
    }
}

/// The quick actions for the front-matter's labels and milestone, one per
/// line, or an error for a value that would break out of its quotes.
pub fn quick_actions(front: &crate::assessment::FrontMatter) -> Result<String, QuickActionError> {
    let mut out = String::new();
    let quotable = |field: &'static str, value: &crate::assessment::Located<String>| {
        // A control character would be written into the label's name, where
        // no forge shows it; a line break would end the quick action.
        let unquotable = |c: char| c == '"' || c.is_control() || LINE_ENDS.contains(&c);
        if value.value.contains(unquotable) || value.value.trim().is_empty() {
            Err(QuickActionError {
                field,
                value: value.value.clone(),
                pos: value.pos,
            })
        } else {
            Ok(value.value.trim().to_string())
        }
    };
    for label in &front.labels {
        out.push_str(&format!("/label ~\"{}\"\n", quotable("label", label)?));
    }
    if let Some(milestone) = &front.milestone {
        out.push_str(&format!(
            "/milestone %\"{}\"\n",
            quotable("milestone", milestone)?
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> String {
        text.to_string()
    }

    #[test]
    fn recognises_every_command_shape_gitlab_accepts() {
        for line in [
            "/close",
            "/CLOSE",
            "/label ~bug",
            "/assign @me",
            "/unlabel ~x",
            "/close  ",
            "/close\t",
            "/clo\u{17f}e",
            "  /reopen",
            "\t/title x",
            "/remove_due_date",
            "/some-future-command arg",
        ] {
            assert!(is_command_line(line), "{line:?}");
        }
        for line in [
            "/",
            "/ close",
            "/usr/bin/env",
            "a /close",
            "`/close`",
            "\\/close",
            "//close",
            "/close/x",
            "> /close",
        ] {
            assert!(!is_command_line(line), "{line:?}");
        }
    }

    #[test]
    fn escapes_commands_in_text_with_a_backslash() {
        assert_eq!(
            neutralise(s("a\n/close\n  /label ~x\nb\n")),
            "a\n\\/close\n  \\/label ~x\nb\n"
        );
    }

    #[test]
    fn uses_a_zero_width_space_in_code_and_html() {
        assert_eq!(
            neutralise(s("```text\n/close\n```\n\n<div>\n/close\n</div>\n")),
            "```text\n\u{200b}/close\n```\n\n<div>\n\u{200b}/close\n</div>\n"
        );
        assert_eq!(neutralise(s("`x\n/close y`\n")), "`x\n\u{200b}/close y`\n");
    }

    #[test]
    fn carriage_returns_cannot_hide_a_line_start() {
        assert_eq!(
            neutralise(s("a\r/close\r\n\r/close\n")),
            "a/close\n\\/close\n"
        );
    }

    #[test]
    fn unicode_line_separators_start_a_line_too() {
        assert_eq!(
            neutralise(s("a\u{2028}/close\u{2029}/reopen\n")),
            "a\u{2028}\\/close\u{2029}\\/reopen\n"
        );
    }

    proptest::proptest! {
        /// The slash-driven scan finds a command line exactly when looking
        /// at every line does.
        #[test]
        fn the_quick_scan_agrees_with_every_line(
            text in "[ \t\n/a_\u{2028}\u{2029}x-]{0,24}"
        ) {
            proptest::prop_assert_eq!(
                has_command_line(&text),
                lines(&text).any(is_command_line)
            );
        }
    }

    #[test]
    fn neutralising_twice_changes_nothing_more() {
        let once = neutralise(s("/close\n```\n/close\n```\n"));
        assert_eq!(neutralise(once.clone()), once);
    }
}
