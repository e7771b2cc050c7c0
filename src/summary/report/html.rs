//! `--format html`: a standalone page for the weekly review, with the table
//! and an inline SVG chart of readiness per assessment, coloured by decision.
//! No JavaScript and no external files, so it can be mailed or attached as is;
//! every piece of user text is escaped.

use std::io::{self, Write};

use crate::assessment::Decision;
use crate::summary::Summary;
use crate::summary::report::text::{one_line, truncate_end};
use crate::summary::report::{Report, decision_hex};

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.decision{font-weight:700;white-space:nowrap}.path{font-family:ui-monospace,monospace;font-size:.8rem}
.verdict{font-size:.85rem}.legend span{display:inline-block;margin-right:1rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
.errors li{color:#c62828}";

const LABEL_WIDTH: u32 = 300;
const BAR_WIDTH: u32 = 400;
const ROW_HEIGHT: u32 = 26;
const TOP: u32 = 24;

fn chart(out: &mut dyn Write, rows: &[(&str, &Summary)]) -> io::Result<()> {
    let height = TOP + ROW_HEIGHT * rows.len() as u32 + 8;
    let total_width = LABEL_WIDTH + BAR_WIDTH + 50;
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="{total_width}" height="{height}" viewBox="0 0 {total_width} {height}" font-family="system-ui,sans-serif" font-size="12">"#
    )?;
    writeln!(
        out,
        r#"<title id="chart-title">Readiness per assessment, coloured by decision</title>"#
    )?;
    // Gridlines at the thresholds docs/summary.md names: 50 and 80.
    for mark in [0u32, 50, 80, 100] {
        let x = LABEL_WIDTH + BAR_WIDTH * mark / 100;
        writeln!(
            out,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#d0d7de" stroke-dasharray="3 3"/><text x="{x}" y="14" text-anchor="middle" fill="#57606a">{mark}</text>"##,
            TOP - 4,
            height - 4
        )?;
    }
    for (i, (path, s)) in rows.iter().enumerate() {
        let y = TOP + ROW_HEIGHT * i as u32;
        let label = s.title.as_deref().map_or_else(|| one_line(path), one_line);
        let bar = BAR_WIDTH * u32::from(s.readiness) / 100;
        writeln!(
            out,
            r##"<g><title>{}: {}, readiness {}</title><text x="{}" y="{}" text-anchor="end" fill="#1f2328">{}</text><rect x="{LABEL_WIDTH}" y="{}" width="{bar}" height="{}" fill="{}" rx="2"/><text x="{}" y="{}" fill="#1f2328">{}</text></g>"##,
            escape(&label),
            escape(s.decision_label()),
            s.readiness,
            LABEL_WIDTH - 8,
            y + 17,
            escape(&truncate_end(&label, 44)),
            y + 5,
            ROW_HEIGHT - 8,
            decision_hex(s.decision),
            LABEL_WIDTH + bar + 6,
            y + 17,
            s.readiness,
        )?;
    }
    writeln!(out, "</svg>")?;
    write!(out, r#"<p class="legend">"#)?;
    for decision in [
        Some(Decision::Go),
        Some(Decision::NoGo),
        Some(Decision::Undecided),
        None,
    ] {
        write!(
            out,
            r#"<span><i class="swatch" style="background:{}"></i>{}</span>"#,
            decision_hex(decision),
            crate::summary::label(decision)
        )?;
    }
    writeln!(out, "</p>")
}

pub fn write(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let heading = escape(&one_line(&report.heading));
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, r#"<html lang="en">"#)?;
    writeln!(out, "<head>")?;
    writeln!(out, r#"<meta charset="utf-8">"#)?;
    writeln!(
        out,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
    )?;
    writeln!(out, "<title>{heading}</title>")?;
    writeln!(out, "<style>\n{STYLE}\n</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<h1>{heading}</h1>")?;
    writeln!(
        out,
        "<p><strong>Totals:</strong> {}</p>",
        escape(&report.totals.describe())
    )?;
    if let Some(since) = report.since {
        writeln!(
            out,
            "<p><strong>Changes</strong> {}</p>",
            escape(&since.describe())
        )?;
        if let Some(missing) = &since.baseline.missing {
            writeln!(out, "<p><strong>Warning:</strong> {}</p>", escape(missing))?;
        }
    }
    let rows: Vec<_> = report.summaries().collect();
    if rows.is_empty() {
        writeln!(out, "<p>No assessments to show.</p>")?;
    } else {
        writeln!(out, "<h2>Readiness</h2>")?;
        chart(out, &rows)?;
        writeln!(out, "<h2>Assessments</h2>")?;
        writeln!(out, "<table>")?;
        writeln!(
            out,
            "<thead><tr><th>Decision</th><th>Readiness</th><th>Answered</th><th>Title</th><th>Status</th><th>Author</th><th>Milestone</th><th>Path</th><th>Verdict</th>{}</tr></thead>",
            if report.since.is_some() {
                "<th>Since</th>"
            } else {
                ""
            }
        )?;
        writeln!(out, "<tbody>")?;
        for (path, s) in &rows {
            let text = |t: Option<&str>| t.map_or_else(|| "-".to_string(), escape);
            let since = match report.since {
                Some(_) => format!(
                    "<td>{}</td>",
                    escape(
                        &report
                            .change(path)
                            .map_or_else(|| "-".into(), |c| c.describe())
                    )
                ),
                None => String::new(),
            };
            writeln!(
                out,
                r#"<tr><td class="decision" style="color:{}">{}</td><td class="num">{}</td><td class="num">{}/{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="path">{}</td><td class="verdict">{}</td>{since}</tr>"#,
                decision_hex(s.decision),
                escape(s.decision_label()),
                s.readiness,
                s.answered,
                s.required,
                text(s.title.as_deref()),
                s.status.map_or("-", |x| x.as_str()),
                text(s.author.as_deref()),
                text(s.milestone.as_deref()),
                escape(path),
                escape(&s.verdict.text),
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
    }
    let broken: Vec<_> = report.broken().collect();
    if !broken.is_empty() {
        writeln!(out, "<h2>Could not be read</h2>")?;
        writeln!(out, r#"<ul class="errors">"#)?;
        for (path, err) in broken {
            writeln!(out, "<li>{}</li>", escape(&err.describe(path)))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}
