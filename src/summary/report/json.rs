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
        assessments: report
            .summaries()
            .map(|(path, summary)| Row {
                path,
                complete: summary.is_complete(),
                decision_label: summary.decision_label(),
                summary,
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
