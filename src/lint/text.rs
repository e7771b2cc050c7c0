//! Small judgements about answer text that several rules share.

use crate::source::Pos;

/// The answer's words, counted up to `limit`: whitespace-separated runs
/// containing a letter or digit (so a lone `-` bullet or `|` is not a word).
pub fn word_count(text: &str, limit: usize) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(limit)
        .count()
}

/// What [`normalized`] trims from both ends: Markdown decoration, closing
/// punctuation and spaces.
pub const DECORATION: &[char] = &['*', '_', '`', '"', '\'', '.', '!', ':', '-', ' ', '>'];

/// Lowercase, whitespace collapsed, and Markdown decoration and closing
/// punctuation trimmed: what a reader sees when comparing two texts.
pub fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Lint normalizes the opening words of every answer: ASCII text (most
    // of it) is split and lowercased without the Unicode tables.
    if text.is_ascii() {
        for word in text.split_ascii_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out.make_ascii_lowercase();
    } else {
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    let trimmed = out.trim_matches(DECORATION);
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// The position of `needle` inside the value that starts at `value` (a
/// `|` block, a quoted or plain scalar), so a finding can point at the line
/// inside a long answer. `None` when the text is not found as written (a `>`
/// block folds lines), and the caller points at the value instead.
pub fn locate(source: &str, value: Pos, needle: &str) -> Option<Pos> {
    let needle = needle.trim();
    if needle.is_empty() || value.offset > source.len() {
        return None;
    }
    let end = if value.len == 0 {
        source.len()
    } else {
        (value.offset + value.len).min(source.len())
    };
    let region = source.get(value.offset..end)?;
    let at = region.find(needle)?;
    Some(Pos::new(value.offset + at, needle.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(word_count("- Two words\n  -", 10), 2);
        assert_eq!(word_count("one two three", 2), 2);
        assert_eq!(word_count("", 10), 0);
    }

    #[test]
    fn normalizes_case_space_and_decoration() {
        assert_eq!(normalized("  **TODO**.\n"), "todo");
        assert_eq!(normalized("Fill   in\n the gap"), "fill in the gap");
        assert_eq!(normalized("ÉTÉ Straße İ"), "été straße i\u{307}");
    }

    #[test]
    fn locates_a_line_inside_a_block_value() {
        let source = "a: 1\nanswers:\n  problem: |\n    First.\n    ## Heading\n";
        let value = Pos::new(source.find('|').unwrap(), 0);
        let pos = locate(source, value, "## Heading").unwrap();
        assert_eq!(crate::source::line_column(source, pos.offset), (5, 5));
        assert_eq!(&source[pos.offset..pos.offset + pos.len], "## Heading");
    }
}
