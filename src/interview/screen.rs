//! How wide the interview may write, and text fitted to it.
//!
//! Everything the interview prints (questions, guidance, refusals, help,
//! notes) goes through here, so that no line is wider than the terminal and,
//! on a wide one, prose stays short enough to read.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The widest a line of prose gets, however wide the terminal: beyond this,
/// the eye loses its way back to the start of the next line.
pub const READABLE: usize = 100;

/// What is assumed when the width cannot be read.
const FALLBACK: usize = 80;

/// The terminal's width in columns (from standard error, where the
/// interview writes), or 80.
pub fn columns() -> usize {
    terminal_size::terminal_size_of(std::io::stderr())
        .map_or(FALLBACK, |(w, _)| usize::from(w.0))
        .max(20)
}

/// The width to wrap prose at: one column short of the terminal's (a line
/// that fills the last column makes some terminals wrap the next newline),
/// and at most [`READABLE`].
pub fn width() -> usize {
    text_width(columns())
}

fn text_width(columns: usize) -> usize {
    (columns - 1).min(READABLE)
}

/// `text` wrapped to `width` display columns, every line after the first
/// starting with `indent`, the first with `first`. Each line of `text` is a
/// paragraph of its own. A word wider than the line is cut, so nothing is
/// ever wider than `width`.
pub fn wrap_with(text: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.lines() {
        let mut line = if lines.is_empty() { first } else { indent }.to_string();
        // Nothing written on `line` yet but its indentation.
        let mut bare = true;
        for word in paragraph.split_whitespace() {
            if !bare && line.width() + 1 + word.width() > width {
                lines.push(std::mem::replace(&mut line, indent.to_string()));
                bare = true;
            }
            if !bare {
                line.push(' ');
            }
            for c in word.chars() {
                if !bare && line.width() + c.width().unwrap_or(0) > width {
                    lines.push(std::mem::replace(&mut line, indent.to_string()));
                }
                line.push(c);
                bare = false;
            }
        }
        lines.push(if bare {
            line.trim_end().to_string()
        } else {
            line
        });
    }
    lines
}

/// `text` wrapped to the screen with the same indentation on every line,
/// one string ending in a newline.
pub fn block(text: &str, indent: &str) -> String {
    wrap_with(text, width(), indent, indent)
        .into_iter()
        .map(|line| line + "\n")
        .collect()
}

/// `line` cut to `width` display columns, with `…` where it was cut.
pub fn clip(line: &str, width: usize) -> String {
    if line.width() <= width {
        return line.to_string();
    }
    let mut out = String::new();
    for c in line.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_wrapped_between_words_and_never_past_the_width() {
        let text = "Describe the problem, not a solution: who hurts today, in what situation.";
        let lines = wrap_with(text, 30, "  ", "  ");
        assert!(lines.iter().all(|l| l.width() <= 30), "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| l.starts_with("  ") && !l.ends_with(' '))
        );
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        let lines = wrap_with(&format!("see {}", "x".repeat(50)), 20, "", "  ");
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.concat().matches('x').count(), 50);
    }

    #[test]
    fn a_hanging_first_line_and_wide_characters() {
        let lines = wrap_with("错误 错误 错误 错误", 9, "- ", "  ");
        assert_eq!(lines, ["- 错误", "  错误", "  错误", "  错误"]);
    }

    #[test]
    fn the_width_follows_the_terminal_up_to_a_readable_maximum() {
        assert_eq!(text_width(80), 79);
        assert_eq!(text_width(120), READABLE);
    }

    #[test]
    fn clipped_lines_end_with_an_ellipsis() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("a longer line", 8), "a longe…");
        assert_eq!(clip("a longer line", 8).width(), 8);
    }
}
