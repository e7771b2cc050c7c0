//! Word wrapping for guidance text printed to a terminal or written into
//! generated files.

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
