//! `--format json`: everything the summary knows, for scripts. The schema is
//! documented in docs/summary.md; `schema` names its version, and a change
//! that removes or renames a field bumps it.

use std::io::{self, Write};

use serde::Serialize;

use crate::summary::Summary;
use crate::summary::backlog::{Broken, Totals};
use crate::summary::report::Report;

pub const SCHEMA: &str = "mrd-summary/1";

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    heading: &'a str,
    totals: Totals,
    /// With `--since`: the baseline compared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<&'a crate::history::compare::BaselineInfo>,
    assessments: Vec<Row<'a>>,
    errors: Vec<ErrorRow<'a>>,
}

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

pub fn write(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let document = Document {
        schema: SCHEMA,
        heading: &report.heading,
        totals: report.totals,
        since: report.since.map(|s| &s.baseline),
        assessments: report
            .summaries()
            .map(|(path, summary)| Row {
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
            })
            .collect(),
        errors: report
            .broken()
            .map(|(path, error)| ErrorRow { path, error })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
