//! Diagnostics for people, as rustc prints them: the title with code, the
//! file position, the source line with a caret under the offending span, and
//! a help line; a count per level at the end. Output is styled when standard
//! output takes colour (a terminal, no `NO_COLOR`, no `--color never`), and
//! rendered plain otherwise: cheaper than styling 20,000 snippets and having
//! `anstream` strip the styles again.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level as Shown, Origin, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

use super::{Emitter, FileReport, Totals, line_column};
use crate::diagnostic::{Diagnostic, Level};
use crate::source::{LineColumn, Pos, Source};

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
        text.push_str(&render(d, report.source, styled));
        text.push('\n');
    }
    text
}

/// One diagnostic, rendered with its source line when the text is at hand:
/// the look of every problem `mrd` reports, whether a lint finding, a broken
/// `.mrd.yml` or a template error.
pub fn render(d: &Diagnostic, source: Option<&Source>, styled: bool) -> String {
    let level = match d.level {
        Level::Error => Shown::ERROR,
        Level::Warning => Shown::WARNING,
    };
    let mut title = level.primary_title(d.message.as_str());
    if let Some(code) = d.id.code() {
        title = title.id(code);
    }
    let at = line_column(source, d);
    let origin = || {
        Origin::path(d.file.as_str())
            .line(at.line as usize)
            .char_column(at.column as usize)
    };
    let quoted = source
        .zip(d.span)
        .and_then(|(source, span)| source_line(source, at.line, span));
    let mut group = match (&quoted, d.file.is_empty()) {
        (_, true) => Group::with_title(title),
        (Some(line), false) => {
            // A finding's caret is labelled with its rule's name, as
            // rustc labels a lint; other problems say it all in the title.
            let mut caret = AnnotationKind::Primary.span(line.span.clone());
            if let Some(rule) = d.id.rule() {
                caret = caret.label(rule.name);
            }
            let snippet = Snippet::source(line.text)
                .line_start(at.line as usize)
                .annotation(caret);
            if line.cut {
                title.element(origin()).element(snippet)
            } else {
                title.element(snippet.path(d.file.as_str()))
            }
        }
        (None, false) if d.span.is_some() => title.element(origin()),
        (None, false) => title.element(Origin::path(d.file.as_str())),
    };
    if quoted.is_none()
        && let Some(rule) = d.id.rule()
    {
        let note = format!(
            "`{}` ({}); see `mrd lint --explain {}`",
            rule.name, rule.code, rule.code
        );
        group = group.element(Shown::NOTE.message(note));
    }
    for note in &d.notes {
        group = group.element(Shown::NOTE.message(note.as_str()));
    }
    let mut report: Vec<Group<'_>> = vec![group];
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

fn source_line(source: &Source, line: u32, span: Pos) -> Option<Quoted<'_>> {
    let text = source.text.as_str();
    let range = source.index().line_range(line, text)?;
    let offset = span.offset.clamp(range.start, range.end);
    let mut line = &text[range.clone()];
    let mut at = offset - range.start;
    let mut cut = false;
    if line.len() > LONG_LINE {
        let from = floor_boundary(line, at.saturating_sub(80));
        let to = floor_boundary(line, (at + 200).min(line.len()));
        line = &line[from..to];
        at -= from;
        // Columns inside the window are no longer the file's.
        cut = from > 0;
    }
    let at = floor_boundary(line, at.min(line.len()));
    let mut span_end = ceil_boundary(line, (at + span.len).min(line.len()));
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

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
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

/// The one-line form, `file:line:col: level[CODE]: message (name)` and an
/// indented help line, for reports that list problems as lines (JUnit).
pub fn one_line(d: &Diagnostic, at: LineColumn) -> String {
    let mut line = format!(
        "{}:{}:{}: {}[{}]: {} ({})",
        d.file,
        at.line,
        at.column,
        d.level.as_str(),
        d.code(),
        d.message,
        d.id.name()
    );
    if let Some(help) = &d.help {
        line.push_str("\n  help: ");
        line.push_str(help);
    }
    line
}

/// Prints problems to standard error, one after the other, for commands
/// whose standard output is their product (render, new) or that stop on
/// them (a broken config).
pub fn eprint(diagnostics: &[Diagnostic], source: Option<&Source>) -> io::Result<()> {
    let styled = anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never;
    let mut err = anstream::stderr().lock();
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            writeln!(err)?;
        }
        writeln!(err, "{}", render(d, source, styled))?;
    }
    err.flush()
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

    fn quoted(text: &str, offset: usize, len: usize) -> (String, String, bool) {
        let source = Source::from_text("t.md", text);
        let line = source.line_column(offset).line;
        let q = source_line(&source, line, Pos::new(offset, len)).unwrap();
        (
            q.text.to_string(),
            q.text[q.span.clone()].to_string(),
            q.cut,
        )
    }

    #[test]
    fn quotes_the_line_and_clamps_the_span() {
        let text = "---\ntitle: x\r\nstatus: maybe\n";
        let (line, span, _) = quoted(text, text.find("maybe").unwrap(), 100);
        assert_eq!((line.as_str(), span.as_str()), ("status: maybe", "maybe"));
        let (_, span, _) = quoted(text, 0, 0);
        assert_eq!(span, "-");
        let lone_cr = "a: 1\rb: 2\r";
        let (line, span, _) = quoted(lone_cr, 5, 1);
        assert_eq!((line.as_str(), span.as_str()), ("b: 2", "b"));
    }

    #[test]
    fn long_lines_are_cut_to_a_window() {
        let text = format!("problem: {}", "é".repeat(100_000));
        let (line, _, cut) = quoted(&text, 9 + 2 * 25_000, 10);
        assert!(cut && line.len() <= 300);
        let (line, span, cut) = quoted(&text, 0, 7);
        assert!(!cut && line.len() <= 300 && span == "problem");
    }

    #[test]
    fn a_diagnostic_without_a_source_line_names_the_place_and_the_rule() {
        use crate::diagnostic::rules::MISSING_TITLE;
        let d = Diagnostic::rule(&MISSING_TITLE, Pos::START, "no title").in_file("a.md");
        let text = render(&d, None, false);
        assert!(text.contains("--> a.md:1:1"), "{text}");
        assert!(text.contains("see `mrd lint --explain MRD005`"), "{text}");
    }
}
