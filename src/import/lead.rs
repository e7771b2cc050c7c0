//! How a line can open a question: as a heading, a bold line, a numbered
//! question, or a label with its answer on the same line (`**Problem:**
//! Teams lose…`, `3. **How big is the opportunity?** About 2,000 shops`,
//! `Why now? A rule changed in May.`). This module takes a line apart into
//! the words that may name a question and the answer that follows them.

use super::matching::{self, Style};

/// A line taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lead<'a> {
    /// The words that may name a question, with their number and markup.
    pub label: &'a str,
    /// Where the answer starts on the same line (the line's length if none).
    pub rest_at: usize,
    pub style: Style,
    /// How the line is written, to recognise lines written the same way.
    pub shape: Shape,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Shape {
    pub heading: Option<u8>,
    pub bold: bool,
    pub numbered: bool,
    pub list: bool,
    /// A label followed by its answer, rather than a line of its own.
    pub lead_in: bool,
}

impl Lead<'_> {
    pub fn rest<'l>(&self, line: &'l str) -> &'l str {
        line[self.rest_at..].trim()
    }
}

/// The list marker (`- `, `* `, `3. `, `3) `) at the start of a list item's
/// first line, and its length.
fn list_marker(line: &str) -> usize {
    let indent = line.len() - line.trim_start().len();
    let body = &line[indent..];
    if body.starts_with(['-', '*', '+']) && body[1..].starts_with([' ', '\t']) {
        return indent + 2;
    }
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits)
        && body[digits..].starts_with(['.', ')'])
        && body[digits + 1..].starts_with([' ', '\t'])
    {
        return indent + digits + 2;
    }
    0
}

/// A line that is bold as a whole, apart from a trailing `(short name)` or
/// colon: `**6. Why now?** (market window)`. A bold lead-in followed by more
/// text (`**Pricing** is 8% ...`) is how answers start, not questions.
pub fn is_bold_line(line: &str) -> bool {
    let mut line = line.trim();
    let marker = list_marker(line);
    line = line[marker..].trim();
    line = line.trim_end_matches(':').trim_end();
    if line.ends_with(')')
        && let Some(open) = line.rfind(" (")
    {
        line = line[..open].trim_end();
    }
    let line = line.trim_end_matches(':');
    ["**", "__"].iter().any(|m| {
        line.len() > 4
            && line.starts_with(m)
            && line.ends_with(m)
            && !line[2..line.len() - 2].contains(m)
    })
}

/// The ways `line` (a paragraph's or list item's first line) may name a
/// question, strongest first. The caller matches each label in turn.
pub fn leads(line: &str, in_list: bool) -> Vec<Lead<'_>> {
    let mut out = Vec::new();
    let marker = if in_list { list_marker(line) } else { 0 };
    let body_at = marker + (line[marker..].len() - line[marker..].trim_start().len());
    let body = &line[body_at..];
    let (number, after_number) = matching::split_number(body);
    let numbered = number.is_some() || (in_list && marker > 2);
    let shape = Shape {
        numbered,
        list: in_list,
        ..Shape::default()
    };
    // A line of only a marker and spaces (`- \r`) has its end before its body.
    let end = line.trim_end().len().max(body_at);
    if is_bold_line(line) {
        out.push(Lead {
            label: line[body_at..end].trim(),
            rest_at: end,
            style: Style::Bold,
            shape: Shape {
                bold: true,
                ..shape
            },
        });
        return out;
    }
    // `**Label:** answer`, `3. **Question?** answer`, `**Q3** — answer`
    let bold_at = body_at + (after_number.as_ptr() as usize - body.as_ptr() as usize);
    let bold_body = &line[bold_at..];
    if let Some(m) = ["**", "__"].iter().find(|m| bold_body.starts_with(**m))
        && let Some(close) = bold_body[2..].find(m)
    {
        let inside = &bold_body[2..2 + close];
        let after = &bold_body[2 + close + 2..];
        let trimmed = after.trim_start();
        let separated = inside.trim_end().ends_with([':', '?'])
            || trimmed.starts_with([':', '?', '—', '–'])
            || trimmed.starts_with("- ");
        let rest = trimmed
            .trim_start_matches([':', '?', '—', '–', '-'])
            .trim_start();
        let rest_at = line.len() - rest.len();
        if !inside.trim().is_empty() {
            out.push(Lead {
                label: &line[body_at..bold_at + 2 + close + 2],
                rest_at,
                style: if separated { Style::Bold } else { Style::Plain },
                shape: Shape {
                    bold: true,
                    lead_in: !rest.is_empty(),
                    ..shape
                },
            });
        }
    }
    // `Label: answer` with a short label.
    if let Some(colon) = body.find(':') {
        let label = &body[..colon];
        let words = label.split_whitespace().count();
        let rest = body[colon + 1..].trim_start();
        if (1..=6).contains(&words)
            && !label.contains(['.', '?', '!', '`', '[', '('])
            && !rest.starts_with("//")
        {
            out.push(Lead {
                label,
                rest_at: line.len() - rest.len(),
                style: Style::Label,
                shape: Shape {
                    lead_in: !rest.trim().is_empty(),
                    ..shape
                },
            });
        }
    }
    // `How big is the opportunity? About 2,000 shops`
    if let Some(mark) = body.find('?') {
        let rest = body[mark + 1..].trim_start();
        let rest_at = line.len() - rest.len();
        // "Why now? (market window)": the parenthesis belongs to the question.
        let only_paren = rest.starts_with('(') && rest.trim_end().ends_with(')');
        if !rest.is_empty() && !only_paren && body[..mark].split_whitespace().count() <= 20 {
            out.push(Lead {
                label: &line[body_at..body_at + mark + 1],
                rest_at,
                style: Style::Plain,
                shape: Shape {
                    lead_in: true,
                    ..shape
                },
            });
        }
    }
    out.push(Lead {
        label: line[body_at..end].trim(),
        rest_at: end,
        style: Style::Plain,
        shape,
    });
    out
}

/// A heading's text split at a separator into a label and the answer that
/// follows it: `Recommendation: Proceed to discovery`, `Verdict — GO`.
pub fn split_heading(text: &str) -> Option<(&str, &str)> {
    for separator in [": ", " — ", " – ", " - ", " | "] {
        if let Some(at) = text.find(separator) {
            let (label, rest) = (&text[..at], text[at + separator.len()..].trim());
            if !rest.is_empty() && label.split_whitespace().count() <= 6 {
                return Some((label, rest));
            }
        }
    }
    None
}

/// Whether a line reads as a question: it ends with `?` once its markup and
/// trailing `(short name)` are gone.
pub fn is_question_like(label: &str) -> bool {
    let parts = matching::parts(label);
    parts.words.trim_end().ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(line: &str, in_list: bool) -> Vec<(&str, &str, Style)> {
        leads(line, in_list)
            .into_iter()
            .map(|l| (l.label, l.rest(line), l.style))
            .collect()
    }

    #[test]
    fn takes_question_and_answer_on_one_line_apart() {
        assert_eq!(
            labels(
                "3. **How big is the opportunity?** About 2,000 shops.",
                true
            )[0],
            (
                "**How big is the opportunity?**",
                "About 2,000 shops.",
                Style::Bold
            )
        );
        assert_eq!(
            labels("**Problem:** Teams lose a day.", false)[0],
            ("**Problem:**", "Teams lose a day.", Style::Bold)
        );
        assert_eq!(
            labels("**Why now** — a rule changed.", false)[0],
            ("**Why now**", "a rule changed.", Style::Bold)
        );
        assert_eq!(
            labels("Problem: Teams lose a day.", false)[0],
            ("Problem", "Teams lose a day.", Style::Label)
        );
        assert_eq!(
            labels("How big is the opportunity? About 2,000.", false)[0],
            ("How big is the opportunity?", "About 2,000.", Style::Plain)
        );
        // A bold lead-in without a separator is emphasis.
        assert_eq!(
            labels("**Pricing** is 8%.", false)[0],
            ("**Pricing**", "is 8%.", Style::Plain)
        );
        assert!(is_bold_line("**6. Why now?** (market window)"));
        assert!(is_bold_line("1. **Why now?**"));
        assert!(!is_bold_line("**a** and **b**"));
    }

    #[test]
    fn headings_split_at_a_separator() {
        assert_eq!(
            split_heading("Recommendation: Proceed to discovery"),
            Some(("Recommendation", "Proceed to discovery"))
        );
        assert_eq!(split_heading("Verdict — GO"), Some(("Verdict", "GO")));
        assert_eq!(split_heading("Why now"), None);
    }
}
