//! Measuring and cutting text for fixed-width terminal output. Widths are
//! display columns (a CJK character takes two, a combining accent none), so
//! a table of non-ASCII titles still lines up.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub const ELLIPSIS: char = '…';

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Control characters (a newline in a title) would break a row; they are
/// shown as spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
pub fn truncate_end(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push(ELLIPSIS);
    out
}

/// `text` cut to at most `max` columns from the left, starting with `…` when
/// cut: for paths, whose end (the file name) matters most.
pub fn truncate_start(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once(ELLIPSIS)
        .chain(kept.into_iter().rev())
        .collect()
}

/// `text` padded with spaces to `columns` (left-aligned).
pub fn pad_end(text: &str, columns: usize) -> String {
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    out
}

/// `text` padded with spaces to `columns` (right-aligned).
pub fn pad_start(text: &str, columns: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', columns.saturating_sub(width(text))).collect();
    out.push_str(text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_to_display_width_with_an_ellipsis() {
        assert_eq!(truncate_end("Managed scheduler", 10), "Managed s…");
        assert_eq!(truncate_end("Managed scheduler", 17), "Managed scheduler");
        assert_eq!(
            truncate_end("Managed scheduler", 9),
            "Managed…",
            "no space before the ellipsis"
        );
        assert_eq!(truncate_end("日本語のタイトル", 7), "日本語…");
        assert_eq!(width(&truncate_end("日本語のタイトル", 7)), 7);
        assert_eq!(
            truncate_start("examples/managed-scheduler.md", 22),
            "…/managed-scheduler.md"
        );
        assert_eq!(pad_start("84", 5), "   84");
        assert_eq!(one_line("a\nb"), "a b");
    }
}
