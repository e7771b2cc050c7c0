//! `--format json`: everything the summary knows, for scripts. The schema is
//! documented in docs/summary.md; `schema` names its version, and a change
//! that removes or renames a field bumps it.

use std::io::{self, Write};

use serde::Serialize;

use crate::output::JsonArray;
use crate::summary::Summary;
use crate::summary::backlog::Broken;
use crate::summary::report::Report;

pub const SCHEMA: &str = "mrd-summary/1";

#[derive(Serialize)]
struct Row<'a> {
    path: &'a str,
    complete: bool,
    decision_label: &'static str,
    #[serde(flatten)]
    summary: &'a Summary,
}

#[derive(Serialize)]
struct ErrorRow<'a> {
    path: &'a str,
    #[serde(flatten)]
    error: &'a Broken,
}

/// Written compactly, one assessment and one error per line: at 10,000
/// assessments a pretty-printed document is 46 MB, and tools read either.
pub fn write(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    write!(
        out,
        "{{\"schema\":{},\"heading\":{},\"totals\":{},\"assessments\":[",
        serde_json::to_string(SCHEMA)?,
        serde_json::to_string(&report.heading)?,
        serde_json::to_string(&report.totals)?,
    )?;
    let mut rows = JsonArray::default();
    for (path, summary) in report.summaries() {
        rows.item(
            out,
            &Row {
                path,
                complete: summary.is_complete(),
                decision_label: summary.decision_label(),
                summary,
            },
        )?;
    }
    out.write_all(b"\n],\"errors\":[")?;
    let mut errors = JsonArray::default();
    for (path, error) in report.broken() {
        errors.item(out, &ErrorRow { path, error })?;
    }
    writeln!(out, "\n]}}")
}
