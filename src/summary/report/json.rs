//! `--format json`: everything the summary knows, for scripts. The schema is
//! documented in docs/summary.md; `schema` names its version, and a change
//! that removes or renames a field bumps it. Written compactly, one
//! assessment per line.

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
    /// With `--since`: what changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<SinceRow<'a>>,
}

#[derive(Serialize)]
struct SinceRow<'a> {
    new: bool,
    describe: String,
    /// Decision, status and readiness at the baseline; null when new.
    before: Option<Before>,
    changes: &'a crate::history::Delta,
    events: &'a [crate::history::compare::Event],
    last_commit: Option<&'a crate::history::CommitInfo>,
    uncommitted: Option<&'static str>,
}

#[derive(Serialize)]
struct Before {
    readable: bool,
    decision: Option<&'static str>,
    status: Option<&'static str>,
    readiness: Option<u8>,
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
        "{{\"schema\":{},\"heading\":{},\"totals\":{},",
        serde_json::to_string(SCHEMA)?,
        serde_json::to_string(&report.heading)?,
        serde_json::to_string(&report.totals)?,
    )?;
    if let Some(since) = report.since {
        write!(
            out,
            "\"since\":{},",
            serde_json::to_string(&since.baseline)?
        )?;
    }
    out.write_all(b"\"assessments\":[")?;
    let mut rows = JsonArray::default();
    for (path, summary) in report.summaries() {
        let row = Row {
            path,
            complete: summary.is_complete(),
            decision_label: summary.decision_label(),
            summary,
            since: report.change(path).map(|c| SinceRow {
                new: c.is_new(),
                describe: c.describe(),
                before: c.before.as_ref().map(|b| {
                    let s = b.summary();
                    Before {
                        readable: s.is_some(),
                        decision: s.and_then(|s| s.decision).map(|d| d.as_str()),
                        status: s.and_then(|s| s.status).map(|x| x.as_str()),
                        readiness: s.map(|s| s.readiness),
                    }
                }),
                changes: &c.delta,
                events: &c.events,
                last_commit: c.last_commit.as_ref(),
                uncommitted: c.uncommitted.map(|u| u.describe()),
            }),
        };
        rows.item(out, &row)?;
    }
    out.write_all(b"\n],\"errors\":[")?;
    let mut errors = JsonArray::default();
    for (path, error) in report.broken() {
        errors.item(out, &ErrorRow { path, error })?;
    }
    writeln!(out, "\n]}}")
}
