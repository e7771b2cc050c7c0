//! Markdown for the weekly kickoff issue: a heading, the table, the totals,
//! each verdict, and the files that could not be read.
//!
//! Everything users wrote is escaped, so a title with `|` cannot break the
//! table and one with `*` or `<b>` is shown as written. No line starts with
//! user text, so nothing in a title can become a GitLab quick action.

use std::io::{self, Write};

use crate::summary::backlog::Row;
use crate::summary::report::Report;
use crate::summary::report::text::one_line;

/// Backslash-escapes the characters Markdown would otherwise interpret
/// inline, and the table's `|`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// A code span for a path; `|` is escaped even inside it, as GitHub's and
/// GitLab's tables require.
pub fn code(text: &str) -> String {
    let text = one_line(text).replace('|', "\\|");
    let ticks = "`".repeat(longest_backtick_run(&text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

fn or_dash(text: Option<&str>) -> String {
    match text.map(escape) {
        Some(text) if !text.is_empty() => text,
        _ => "-".into(),
    }
}

pub fn write(out: &mut dyn Write, report: &Report<'_, Row>) -> io::Result<()> {
    writeln!(out, "# {}", escape(&report.heading))?;
    writeln!(out)?;
    let rows: Vec<_> = report.summaries().collect();
    if rows.is_empty() {
        writeln!(out, "No assessments to show.")?;
    } else {
        let (since_head, since_rule) = match report.since {
            Some(_) => (" Since |", " --- |"),
            None => ("", ""),
        };
        writeln!(
            out,
            "| Decision | Readiness | Answered | Title | Status | Author | Milestone | Path |{since_head}"
        )?;
        writeln!(
            out,
            "| --- | ---: | ---: | --- | --- | --- | --- | --- |{since_rule}"
        )?;
        for (path, s) in &rows {
            let since = match report.since {
                Some(_) => format!(
                    " {} |",
                    escape(
                        &report
                            .change(path)
                            .map_or_else(|| "-".into(), |c| c.describe())
                    )
                ),
                None => String::new(),
            };
            writeln!(
                out,
                "| **{}** | {} | {}/{} | {} | {} | {} | {} | {} |{since}",
                s.decision_label(),
                super::readiness_cell(s),
                s.answered,
                s.required,
                or_dash(s.title()),
                s.status.map_or("-", |x| x.as_str()),
                or_dash(s.author()),
                or_dash(s.milestone()),
                code(path),
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "**Totals:** {}", report.totals.describe())?;
    if let Some(since) = report.since {
        writeln!(out)?;
        writeln!(out, "**Changes** {}", escape(&since.describe()))?;
        if let Some(missing) = &since.baseline.missing {
            writeln!(out)?;
            writeln!(out, "**Warning:** {}", escape(missing))?;
        }
    }
    if !rows.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Verdicts")?;
        writeln!(out)?;
        for (path, s) in &rows {
            let title = match s.title().map(escape) {
                Some(title) if !title.is_empty() => title,
                _ => code(path),
            };
            writeln!(out, "- **{title}**: {}", escape(s.verdict()))?;
        }
    }
    let broken: Vec<_> = report.broken().collect();
    if !broken.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Could not be read")?;
        writeln!(out)?;
        for (path, err) in broken {
            let place = match (err.line, err.column) {
                (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
                _ => path.to_string(),
            };
            writeln!(out, "- {}: {}", code(&place), escape(&err.message))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_and_tables_would_interpret() {
        assert_eq!(escape("a | b *c* <b>"), "a \\| b \\*c\\* \\<b\\>");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(code("a|b"), "`a\\|b`");
        assert_eq!(code("x`y"), "``x`y``");
    }
}
