//! Diagnostics for people, as rustc prints them: the title with code, the
//! file position, the source line with a caret under the offending span, and
//! a help line; a count per level at the end. Output is styled when standard
//! output takes colour (a terminal, no `NO_COLOR`, no `--color never`), and
//! rendered plain otherwise: cheaper than styling 20,000 snippets and having
//! `anstream` strip the styles again.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level as Shown, Origin, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

use super::{Emitter, FileReport, Totals};
use crate::diagnostic::{Diagnostic, Level};

/// Lines longer than this are cut to a window around the span, so a 60 MB
/// one-line answer prints one screen, not 60 MB.
const LONG_LINE: usize = 400;

pub struct Human {
    printed: bool,
    styled: bool,
}

impl Human {
    pub fn new(styled: bool) -> Human {
        Human {
            printed: false,
            styled,
        }
    }
}

impl Emitter for Human {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        if self.printed {
            writeln!(out)?;
        }
        self.printed = true;
        match report.rendered {
            Some(text) => out.write_all(text.as_bytes()),
            None => out.write_all(render_file(report, self.styled).as_bytes()),
        }
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        if self.printed {
            writeln!(out)?;
        }
        print_totals(
            out,
            totals.errors,
            totals.warnings,
            totals.files,
            self.styled,
        )
    }
}

/// A file's diagnostics, separated by blank lines; callable from any thread.
pub fn render_file(report: &FileReport<'_>, styled: bool) -> String {
    let mut text = String::new();
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&render(d, report.text, report.text_offset, styled));
        text.push('\n');
    }
    text
}

/// One diagnostic, rendered with the source line when the text is at hand.
pub fn render(d: &Diagnostic, text: Option<&str>, text_offset: usize, styled: bool) -> String {
    let level = match d.level {
        Level::Error => Shown::ERROR,
        Level::Warning => Shown::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.rule.code);
    let quoted =
        text.and_then(|text| source_line(text, d.pos.offset.checked_sub(text_offset)?, d.pos.len));
    let group = match &quoted {
        Some(line) => {
            let snippet = Snippet::source(line.text)
                .line_start(d.pos.line as usize)
                .annotation(
                    AnnotationKind::Primary
                        .span(line.span.clone())
                        .label(d.rule.name),
                );
            if line.cut {
                title
                    .element(
                        Origin::path(d.file.as_str())
                            .line(d.pos.line as usize)
                            .char_column(d.pos.column as usize),
                    )
                    .element(snippet)
            } else {
                title.element(snippet.path(d.file.as_str()))
            }
        }
        None => title.element(
            Origin::path(d.file.as_str())
                .line(d.pos.line as usize)
                .char_column(d.pos.column as usize),
        ),
    };
    let mut report: Vec<Group<'_>> = vec![group];
    let note = format!(
        "`{}` ({}); see `mrd lint --explain {}`",
        d.rule.name, d.rule.code, d.rule.code
    );
    if quoted.is_none() {
        report[0] = report.remove(0).element(Shown::NOTE.message(note));
    }
    if let Some(help) = &d.help {
        report.push(Group::with_title(
            Shown::HELP.secondary_title(help.as_str()),
        ));
    }
    if styled {
        Renderer::styled().render(&report)
    } else {
        Renderer::plain().render(&report)
    }
}

/// The line a span starts on, and the span within it (clamped to that line,
/// at least one character wide when the line has one).
struct Quoted<'t> {
    text: &'t str,
    span: std::ops::Range<usize>,
    cut: bool,
}

fn source_line(text: &str, offset: usize, len: usize) -> Option<Quoted<'_>> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let mut line = &text[start..end];
    let mut at = offset - start;
    let mut cut = false;
    if line.len() > LONG_LINE {
        let from = floor_boundary(line, at.saturating_sub(80));
        let to = floor_boundary(line, (at + 200).min(line.len()));
        line = &line[from..to];
        at -= from;
        // Columns inside the window are no longer the file's.
        cut = from > 0;
    }
    let line = line.trim_end_matches('\r');
    let at = at.min(line.len());
    let mut span_end = (at + len).min(line.len());
    if span_end == at {
        span_end = line[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    }
    Some(Quoted {
        text: line,
        span: at..span_end,
        cut,
    })
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn level_style(level: Level) -> Style {
    let color = match level {
        Level::Error => AnsiColor::Red,
        Level::Warning => AnsiColor::Yellow,
    };
    Style::new().bold().fg_color(Some(color.into()))
}

/// The one-line form, `file:line:col: level[CODE]: message (name)`, for
/// commands that report a few problems on the side (`render`, `new`).
pub fn print_diagnostic(out: &mut dyn Write, d: &Diagnostic) -> io::Result<()> {
    let bold = Style::new().bold();
    let level = level_style(d.level);
    writeln!(
        out,
        "{bold}{}:{}:{}:{bold:#} {level}{}[{}]{level:#}: {} {}({}){}",
        d.file,
        d.pos.line,
        d.pos.column,
        d.level.as_str(),
        d.rule.code,
        d.message,
        Style::new().dimmed().render(),
        d.rule.name,
        Style::new().dimmed().render_reset(),
    )?;
    if let Some(help) = &d.help {
        let cyan = Style::new().bold().fg_color(Some(AnsiColor::Cyan.into()));
        writeln!(out, "  {cyan}help:{cyan:#} {help}")?;
    }
    Ok(())
}

/// "2 errors, 1 warning in 3 files".
pub fn print_totals(
    out: &mut dyn Write,
    errors: usize,
    warnings: usize,
    files: usize,
    styled: bool,
) -> io::Result<()> {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let style = if !styled {
        Style::new()
    } else if errors > 0 {
        level_style(Level::Error)
    } else if warnings > 0 {
        level_style(Level::Warning)
    } else {
        Style::new().bold().fg_color(Some(AnsiColor::Green.into()))
    };
    writeln!(
        out,
        "{style}{}, {}{style:#} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_the_line_and_clamps_the_span() {
        let text = "---\ntitle: x\r\nstatus: maybe\n";
        let q = source_line(text, text.find("maybe").unwrap(), 100).unwrap();
        assert_eq!(q.text, "status: maybe");
        assert_eq!(&q.text[q.span.clone()], "maybe");
        let q = source_line(text, 0, 0).unwrap();
        assert_eq!(&q.text[q.span.clone()], "-");
    }

    #[test]
    fn long_lines_are_cut_to_a_window() {
        let text = format!("problem: {}", "é".repeat(100_000));
        let q = source_line(&text, 9 + 2 * 25_000, 10).unwrap();
        assert!(q.cut && q.text.len() <= 300);
        let q = source_line(&text, 0, 7).unwrap();
        assert!(!q.cut && q.text.len() <= 300 && &q.text[q.span.clone()] == "problem");
    }
}
