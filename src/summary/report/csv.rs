//! `--format csv`: a header row and one row per assessment (RFC 4180
//! quoting), broken files included with their error in the last column.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-`, `@` as a formula;
//! such a cell from user text gets a leading `'`, as OWASP recommends, so
//! opening the file cannot run anything.

use std::io::{self, Write};

use crate::assessment::Field;
use crate::summary::backlog::Row;
use crate::summary::report::Report;

/// The columns; those named after a front-matter field take its key.
pub const HEADER: &[&str] = &[
    "path",
    "decision",
    "readiness",
    "answered",
    "required",
    "complete",
    Field::Title.key(),
    Field::Status.key(),
    Field::Author.key(),
    Field::Milestone.key(),
    Field::Labels.key(),
    "unanswered",
    "low_confidence",
    "risks",
    "verdict",
    "error",
];

/// One field, quoted when it must be and defused when a spreadsheet would
/// read it as a formula.
pub fn field(text: &str) -> String {
    let mut text = text.to_string();
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        text.insert(0, '\'');
    }
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn line(out: &mut dyn Write, fields: &[String]) -> io::Result<()> {
    let fields: Vec<String> = fields.iter().map(|f| field(f)).collect();
    // CRLF, as RFC 4180 says; every CSV reader accepts it.
    write!(out, "{}\r\n", fields.join(","))
}

/// Columns added with `--since`.
pub const SINCE_HEADER: &[&str] = &["since", "new", "decision_before", "readiness_before"];

pub fn write(out: &mut dyn Write, report: &Report<'_, Row>) -> io::Result<()> {
    let mut header: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
    if report.since.is_some() {
        header.extend(SINCE_HEADER.iter().map(|h| h.to_string()));
    }
    line(out, &header)?;
    for (path, s) in report.summaries() {
        let mut fields = vec![
            path.to_string(),
            s.decision.map_or("", |d| d.as_str()).to_string(),
            s.readiness.to_string(),
            s.answered.to_string(),
            s.required.to_string(),
            s.is_complete().to_string(),
            s.title().unwrap_or_default().to_string(),
            s.status.map_or("", |x| x.as_str()).to_string(),
            s.author().unwrap_or_default().to_string(),
            s.milestone().unwrap_or_default().to_string(),
            s.labels().to_string(),
            s.unanswered().to_string(),
            s.low_confidence().to_string(),
            s.risks().to_string(),
            s.verdict().to_string(),
            String::new(),
        ];
        if report.since.is_some() {
            let change = report.change(path);
            let before = change
                .and_then(|c| c.before.as_ref())
                .and_then(|b| b.summary());
            fields.extend([
                change.map_or_else(String::new, |c| c.describe()),
                change.is_some_and(|c| c.is_new()).to_string(),
                before
                    .and_then(|b| b.decision)
                    .map_or("", |d| d.as_str())
                    .to_string(),
                before.map_or_else(String::new, |b| b.readiness.to_string()),
            ]);
        }
        line(out, &fields)?;
    }
    for (path, err) in report.broken() {
        let mut fields = vec![String::new(); header.len()];
        fields[0] = path.to_string();
        fields[HEADER.len() - 1] = err.describe(path);
        line(out, &fields)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_defuses_fields() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("no-go"), "no-go");
    }
}
