//! `--format json`: one JSON document, written as it goes.
//!
//! The schema is stable (documented in docs/lint.md); fields are only ever
//! added. `version` changes if a field's meaning ever does.
//!
//! ```json
//! {"version": 1,
//!  "diagnostics": [{"file": "a.md", "line": 3, "column": 9, "offset": 25, "length": 5,
//!                   "code": "MRD001", "name": "invalid-front-matter", "level": "error",
//!                   "message": "...", "help": "..." | null,
//!                   "subject": {"kind": "answer", "key": "problem"}}],
//!  "summary": {"files": 1, "errors": 1, "warnings": 0}}
//! ```

use std::io::{self, Write};

use serde::Serialize;

use super::{Emitter, FileReport, JsonArray, Totals};
use crate::diagnostic::{Diagnostic, Level, Subject};
use crate::source::LineColumn;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Default)]
pub struct Json {
    items: JsonArray,
}

/// One diagnostic as JSON; fields in alphabetical order, as written since
/// the first version.
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    code: &'static str,
    column: u32,
    file: &'a str,
    help: Option<&'a str>,
    length: usize,
    level: Level,
    line: u32,
    message: &'a str,
    name: &'static str,
    offset: usize,
    subject: &'a Subject,
}

impl<'a> JsonDiagnostic<'a> {
    pub fn new(d: &'a Diagnostic, at: LineColumn) -> JsonDiagnostic<'a> {
        let span = d.span.unwrap_or_default();
        JsonDiagnostic {
            code: d.code(),
            column: at.column,
            file: &d.file,
            help: d.help.as_deref(),
            length: span.len,
            level: d.level,
            line: at.line,
            message: &d.message,
            name: d.id.name(),
            offset: span.offset,
            subject: &d.subject,
        }
    }
}

impl Emitter for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\"version\":{SCHEMA_VERSION},\"diagnostics\":[")
    }

    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        for (d, at) in report.located() {
            self.items.item(out, &JsonDiagnostic::new(d, at))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        writeln!(
            out,
            "\n],\"summary\":{{\"errors\":{},\"files\":{},\"warnings\":{}}}}}",
            totals.errors, totals.files, totals.warnings
        )
    }
}
