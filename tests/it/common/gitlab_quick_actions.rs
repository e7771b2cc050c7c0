//! GitLab's own rule for finding quick actions in an issue description,
//! ported from `lib/gitlab/quick_actions/extractor.rb` (gitlab-org/gitlab) so
//! that tests and fuzz targets can check `mrd`'s output against what GitLab
//! would run, independently of the neutraliser in `src/render/gitlab.rs`.
//!
//! The Ruby extractor deletes every `\r`, then matches, in multi-line mode:
//!
//! ```text
//! ^\/(?<cmd>NAME|NAME|...)(?:[ ](?<arg>[^\n]*))?(?:\s*\n|$)
//! ```
//!
//! with the names compiled under `Regexp::IGNORECASE`. Three details of Ruby
//! (Onigmo) matter and are ported exactly:
//!
//! - `^` and `$` are line anchors at `\n` only: no other character (not
//!   `\v`, `\f`, NEL, LS or PS) starts a line;
//! - `\s` is ASCII whitespace only: `[ \t\n\v\f\r]`;
//! - case-insensitive matching uses Unicode case folding, multi-character
//!   folds included, so `ſ` (U+017F) matches `s`, the Kelvin sign (U+212A)
//!   matches `k`, and ligatures such as `ﬀ` (U+FB00) match `ff`.
//!
//! Two choices make the port stricter than GitLab, never laxer:
//!
//! - Names: GitLab's list grows with each release, so any name is assumed to
//!   exist. Every name GitLab has is made of `a-z`, `0-9` and `_`, so a
//!   command here is `/` followed by characters whose case folding is made
//!   of those, then a space, or ASCII whitespace up to the end of the line.
//! - Context: GitLab (since 16.x, through its Markdown pipeline) looks only
//!   in paragraphs, skipping code blocks, HTML blocks and block quotes;
//!   older versions skipped them with regular expressions. The port looks at
//!   every line, so a command is found wherever it stands.

/// A quick action GitLab would run: the 1-based line, the name as written,
/// and the argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub line: usize,
    pub name: String,
    pub arg: String,
}

/// Ruby's `\s`: ASCII whitespace.
fn ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
}

/// Whether `c` could be part of a command name under Unicode case folding.
fn folds_into_a_name(c: char) -> bool {
    let folded = unicase::UniCase::unicode(c.to_string()).to_folded_case();
    !folded.is_empty()
        && folded
            .chars()
            .all(|f| f.is_ascii_lowercase() || f.is_ascii_digit() || f == '_')
}

/// Every quick action GitLab would find in `description`, whatever its
/// command names (see the module documentation).
pub fn extract(description: &str) -> Vec<Command> {
    let content = description.replace('\r', "");
    let mut found = Vec::new();
    for (n, line) in content.split('\n').enumerate() {
        let Some(rest) = line.strip_prefix('/') else {
            continue;
        };
        let name_end = rest
            .char_indices()
            .find(|(_, c)| !folds_into_a_name(*c))
            .map_or(rest.len(), |(i, _)| i);
        if name_end == 0 {
            continue;
        }
        let (name, after) = rest.split_at(name_end);
        let arg = if let Some(arg) = after.strip_prefix(' ') {
            arg
        } else if after.chars().all(ruby_space) {
            ""
        } else {
            continue;
        };
        found.push(Command {
            line: n + 1,
            name: name.to_string(),
            arg: arg.to_string(),
        });
    }
    found
}
