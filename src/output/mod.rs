//! Printing diagnostics: one diagnostic model, one emitter per format.
//!
//! Emitters receive each file's diagnostics as soon as it is linted, so the
//! streaming formats (human, json, github, gitlab, sarif) write as they go and
//! memory stays flat however many files there are; only junit, whose header
//! carries the totals, keeps a line per finding until the end.
//!
//! Diagnostics point into their file with byte spans; each emitter turns a
//! span into a line and column here, through the file's line index, when it
//! prints it.

pub mod concise;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::io::{self, Write};

use serde::Serialize;

use crate::cli::LintFormat;
use crate::diagnostic::{Diagnostic, Level};
use crate::source::{LineColumn, Source};

/// One file's findings, ready to print.
pub struct FileReport<'a> {
    /// The file as the user named it.
    pub name: &'a str,
    pub diagnostics: &'a [Diagnostic],
    /// The line and column of each diagnostic, computed from the file's text
    /// where it was read (a worker thread), so that the text itself need not
    /// travel to the printer.
    pub positions: &'a [LineColumn],
    /// The fingerprint of each diagnostic ([`fingerprint`]), computed with
    /// the positions, for the same reason; empty for a format without
    /// fingerprints ([`has_fingerprints`]).
    pub fingerprints: &'a [String],
    /// The file's text, for the human format's source lines when a worker
    /// did not render them already.
    pub source: Option<&'a Source>,
    /// The human rendering of `diagnostics`, when a worker thread made it
    /// already (rendering snippets is a third of the work for human output).
    pub rendered: Option<&'a str>,
}

impl FileReport<'_> {
    /// Each diagnostic with its line and column.
    pub fn located(&self) -> impl Iterator<Item = (&Diagnostic, LineColumn)> {
        self.diagnostics.iter().zip(self.positions.iter().copied())
    }

    /// Each diagnostic with its line and column and its fingerprint.
    pub fn fingerprinted(&self) -> impl Iterator<Item = (&Diagnostic, LineColumn, &str)> {
        self.located()
            .zip(self.fingerprints.iter())
            .map(|((d, at), fingerprint)| (d, at, fingerprint.as_str()))
    }
}

/// The line and column a diagnostic points at in `source`; the first line
/// when there is no text or no span.
pub fn line_column(source: Option<&Source>, d: &Diagnostic) -> LineColumn {
    match (source, d.span) {
        (Some(source), Some(span)) => source.line_column(span.offset),
        _ => LineColumn { line: 1, column: 1 },
    }
}

/// The line and column of each diagnostic in `source`.
pub fn positions(source: Option<&Source>, diagnostics: &[Diagnostic]) -> Vec<LineColumn> {
    diagnostics.iter().map(|d| line_column(source, d)).collect()
}

/// What the run found, for the closing line or header of a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Totals {
    pub fn count(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match d.level {
                Level::Error => self.errors += 1,
                Level::Warning => self.warnings += 1,
            }
        }
    }
}

pub trait Emitter {
    /// Called once, before any file.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// Called for each file in input order (and again, at the end, for
    /// findings that compare files).
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()>;
    /// Called once, after every file.
    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()>;
}

/// Whether standard output takes colour: a terminal, and neither `NO_COLOR`
/// nor `--color never` (or `--color always`). Asks the environment, so call
/// it once per run.
pub fn stdout_is_styled() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

/// The emitter for `format`; `styled` is `stdout_is_styled()`.
pub fn emitter(format: LintFormat, styled: bool) -> Box<dyn Emitter> {
    match format {
        LintFormat::Human => Box::new(human::Human::new(styled)),
        LintFormat::Json => Box::new(json::Json::default()),
        LintFormat::Github => Box::new(github::Github),
        LintFormat::Gitlab => Box::new(gitlab::Gitlab::default()),
        LintFormat::Sarif => Box::new(sarif::Sarif::default()),
        LintFormat::Junit => Box::new(junit::Junit::default()),
        LintFormat::Concise => Box::new(concise::Concise),
    }
}

/// Whether `format` prints fingerprints, so that they are computed only
/// for the formats that print them.
pub fn has_fingerprints(format: LintFormat) -> bool {
    matches!(format, LintFormat::Gitlab | LintFormat::Sarif)
}

/// The items of a JSON array written one per line as they come, for the
/// streaming formats (json, gitlab, sarif).
#[derive(Default)]
pub struct JsonArray {
    started: bool,
    /// One item at a time: serde_json writes a field, a quote, an escaped
    /// run at a time, and each is a call through `dyn Write`; into a `Vec`
    /// they are copies, and the item is one write.
    buf: Vec<u8>,
}

impl JsonArray {
    pub fn item(&mut self, out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
        self.buf.clear();
        self.buf
            .extend_from_slice(if self.started { b",\n" } else { b"\n" });
        self.started = true;
        serde_json::to_writer(&mut self.buf, value)?;
        out.write_all(&self.buf)
    }
}

/// The message with the help appended on its own line, for formats with one
/// text field (github, sarif).
pub fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
}

/// A path as a relative URI reference, for SARIF: `/` kept, everything
/// outside the unreserved set percent-encoded.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri("docs/my file.md"), "docs/my%20file.md");
        assert_eq!(path_uri("a\\b%.md"), "a/b%25.md");
    }
}
