//! `--format json`: one JSON document, written as it goes.
//!
//! The schema is stable (documented in docs/lint.md); fields are only ever
//! added. `version` changes if a field's meaning ever does.
//!
//! ```json
//! {"version": 1,
//!  "diagnostics": [{"file": "a.md", "line": 3, "column": 9, "offset": 25, "length": 5,
//!                   "code": "MRD001", "name": "invalid-front-matter", "level": "error",
//!                   "message": "...", "help": "..." | null}],
//!  "summary": {"files": 1, "errors": 1, "warnings": 0}}
//! ```

use std::io::{self, Write};

use serde_json::json;

use super::{Emitter, FileReport, Totals};
use crate::diagnostic::Diagnostic;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Default)]
pub struct Json {
    first: bool,
}

pub fn diagnostic_value(d: &Diagnostic) -> serde_json::Value {
    json!({
        "file": d.file,
        "line": d.pos.line,
        "column": d.pos.column,
        "offset": d.pos.offset,
        "length": d.pos.len,
        "code": d.rule.code,
        "name": d.rule.name,
        "level": d.level.as_str(),
        "message": d.message,
        "help": d.help,
    })
}

impl Emitter for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.first = true;
        write!(out, "{{\"version\":{SCHEMA_VERSION},\"diagnostics\":[")
    }

    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        for d in report.diagnostics {
            out.write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            serde_json::to_writer(&mut *out, &diagnostic_value(d))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let summary =
            json!({"files": totals.files, "errors": totals.errors, "warnings": totals.warnings});
        writeln!(out, "\n],\"summary\":{summary}}}")
    }
}
