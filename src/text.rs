//! Small text utilities shared by printers: word wrapping for guidance text
//! printed to a terminal or written into generated files, and escaping for
//! HTML and XML documents.

/// Which markup text is escaped for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// HTML: every character is kept; `'` becomes `&#39;`.
    Html,
    /// XML 1.0 (JUnit reports): `'` becomes `&apos;`, and the characters XML
    /// 1.0 cannot hold at all (control characters other than tab and line
    /// breaks, U+FFFE, U+FFFF) are dropped, since CI parsers reject a
    /// document that has one.
    Xml,
}

/// Escapes `text` for element content and attribute values.
pub fn escape_markup(text: &str, markup: Markup) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if markup == Markup::Html => out.push_str("&#39;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if markup == Markup::Xml
                && ((c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Wraps `text` at `width` characters, breaking only between words; each line
/// of `text` is its own paragraph, and a blank line stays blank. A word
/// longer than `width` stands alone on its line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        let mut line_chars = 0;
        for word in paragraph.split_whitespace() {
            let word_chars = word.chars().count();
            if line_chars > 0 && line_chars + 1 + word_chars > width {
                lines.push(std::mem::take(&mut line));
                line_chars = 0;
            }
            if line_chars > 0 {
                line.push(' ');
                line_chars += 1;
            }
            line.push_str(word);
            line_chars += word_chars;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_word_boundaries_by_characters() {
        assert_eq!(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(wrap("éé éé éé", 5), ["éé éé", "éé"]);
        assert_eq!(wrap("", 7), Vec::<String>::new());
        assert_eq!(wrap("one\n\ntwo", 7), ["one", "", "two"]);
        assert_eq!(
            wrap("incomprehensibilities x", 7),
            ["incomprehensibilities", "x"]
        );
    }
}
