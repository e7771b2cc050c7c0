//! `--format html`: a standalone page for the weekly review, headed with the
//! day and the milestones it covers, with a chart of readiness per
//! assessment (HTML bars coloured by decision, readable from phone to
//! desktop) and the table, readiness coloured as the terminal colours it.
//! No JavaScript and no external files, so it can be mailed or attached as is;
//! every piece of user text is escaped.

use std::io::{self, Write};

use crate::assessment::Decision;
use crate::date::Date;
use crate::summary::backlog::Row;
use crate::summary::report::text::one_line;
use crate::summary::report::{Report, decision_hex, readiness_hex};

pub fn escape(text: &str) -> String {
    crate::text::escape_markup(text, crate::text::Markup::Html)
}

/// The page's stylesheet. Every text colour reads at 4.5:1 or more on every
/// background here (tests/it/summary_output.rs computes it from this text);
/// decision and readiness colours come from [`decision_hex`] and
/// [`readiness_hex`], which pass the same test.
const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background-color:#ffffff}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem}
.meta{margin-top:0;color:#57606a}
.chart{margin:0}.chart figcaption{color:#57606a;font-size:.85rem;margin-bottom:.5rem}
.chart ol{list-style:none;margin:0;padding:0}
.row{display:grid;grid-template-columns:minmax(0,26rem) minmax(8rem,1fr) 2.5rem 7.5rem;gap:.25rem .75rem;align-items:center;padding:.2rem 0}
.label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.track{position:relative;height:1.1rem;background-color:#f6f8fa}
.track::before,.track::after{content:'';position:absolute;top:0;bottom:0;border-left:1px dashed #8c959f}
.track::before{left:50%}.track::after{left:80%}
.bar{display:block;height:100%;border-radius:2px}
.value{text-align:right;font-weight:700;font-variant-numeric:tabular-nums}
.row .decision{font-size:.85rem}
.scale{position:relative;height:1rem;font-size:.75rem;color:#57606a}
.scale span{position:absolute;transform:translateX(-50%)}
.scale span:first-child{transform:none}.scale span:last-child{transform:translateX(-100%)}
@media (max-width:40rem){.row{grid-template-columns:minmax(6rem,1fr) 2.5rem 7.5rem}.row .label,.row.axis>span:first-child{grid-column:1/-1}.row.axis>span:first-child{display:none}}
.legend span{display:inline-block;margin-right:1rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
.table-scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
th{background-color:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.num.ready{font-weight:700}
.decision{font-weight:700;white-space:nowrap}.path{font-family:ui-monospace,monospace;font-size:.8rem}
.verdict{font-size:.85rem}
.errors li{color:#c62828}";

/// Readiness per assessment as HTML bars, not a drawing: the chart takes the
/// page's width, its text stays the page's size at any width, and below 40em
/// each label moves above its bar. The decision is written beside each bar
/// as well as coloured, so the chart reads without colour too.
fn chart(out: &mut dyn Write, rows: &[(&str, &Row)]) -> io::Result<()> {
    writeln!(out, r#"<figure class="chart">"#)?;
    writeln!(
        out,
        "<figcaption>Readiness per assessment, from 0 to 100, coloured by decision; the dashed lines mark 50 and 80.</figcaption>"
    )?;
    writeln!(
        out,
        r#"<div class="row axis" aria-hidden="true"><span></span><span class="scale"><span style="left:0">0</span><span style="left:50%">50</span><span style="left:80%">80</span><span style="left:100%">100</span></span></div>"#
    )?;
    writeln!(out, "<ol>")?;
    for (path, s) in rows {
        let label = escape(&one_line(s.title().unwrap_or(path)));
        // Most of the text in the notes: the score would not judge it, so no
        // bar is drawn and the value says why, as the table's cell does.
        let (width, value_hex) = if s.in_notes {
            (0, decision_hex(None))
        } else {
            (s.readiness, readiness_hex(s.readiness))
        };
        writeln!(
            out,
            r#"<li class="row"><span class="label" title="{label}">{label}</span><span class="track" aria-hidden="true"><span class="bar" style="width:{}%;background-color:{}"></span></span><span class="value" style="color:{}">{}</span><span class="decision" style="color:{}">{}</span></li>"#,
            width,
            decision_hex(s.decision),
            value_hex,
            super::readiness_cell(s),
            decision_hex(s.decision),
            escape(s.decision_label()),
        )?;
    }
    writeln!(out, "</ol>")?;
    writeln!(out, "</figure>")?;
    write!(out, r#"<p class="legend">"#)?;
    for decision in [
        Some(Decision::Go),
        Some(Decision::NoGo),
        Some(Decision::Undecided),
        None,
    ] {
        write!(
            out,
            r#"<span><i class="swatch" style="background-color:{}"></i>{}</span>"#,
            decision_hex(decision),
            crate::summary::label(decision)
        )?;
    }
    writeln!(out, "</p>")
}

/// The line under the heading: the day the page was made and the
/// milestones it covers.
fn meta_line(rows: &[(&str, &Row)], today: Date) -> String {
    let mut milestones: Vec<String> = rows
        .iter()
        .filter_map(|(_, s)| s.milestone())
        .map(|m| one_line(m.trim()))
        .collect();
    milestones.sort();
    milestones.dedup();
    let milestones = match milestones.as_slice() {
        [] => String::new(),
        [one] => format!(" · Milestone {one}"),
        few if few.len() <= 4 => format!(" · Milestones {}", few.join(", ")),
        many => format!(" · {} milestones", many.len()),
    };
    format!("{today}{milestones}")
}

pub fn write(out: &mut dyn Write, report: &Report<'_, Row>) -> io::Result<()> {
    let rows: Vec<_> = report.summaries().collect();
    let heading = escape(&one_line(&report.heading));
    let meta = escape(&meta_line(&rows, Date::today()));
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, r#"<html lang="en">"#)?;
    writeln!(out, "<head>")?;
    writeln!(out, r#"<meta charset="utf-8">"#)?;
    writeln!(
        out,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
    )?;
    // The colours are chosen for a light page; a dark theme must not invert them.
    writeln!(out, r#"<meta name="color-scheme" content="light">"#)?;
    writeln!(out, "<title>{heading} · {meta}</title>")?;
    writeln!(out, "<style>\n{STYLE}\n</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{heading}</h1>")?;
    writeln!(out, r#"<p class="meta">{meta}</p>"#)?;
    writeln!(out, "</header>")?;
    writeln!(out, "<main>")?;
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
    if rows.is_empty() {
        writeln!(out, "<p>No assessments to show.</p>")?;
    } else {
        writeln!(out, r#"<h2 id="readiness">Readiness</h2>"#)?;
        chart(out, &rows)?;
        writeln!(out, r#"<h2 id="assessments">Assessments</h2>"#)?;
        // A narrow screen scrolls the table, not the page.
        writeln!(
            out,
            r#"<div class="table-scroll" role="region" aria-labelledby="assessments" tabindex="0">"#
        )?;
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
                r#"<tr><td class="decision" style="color:{}">{}</td><td class="num ready" style="color:{}">{}</td><td class="num">{}/{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="path">{}</td><td class="verdict">{}</td>{since}</tr>"#,
                decision_hex(s.decision),
                escape(s.decision_label()),
                readiness_hex(s.readiness),
                super::readiness_cell(s),
                s.answered,
                s.required,
                text(s.title()),
                s.status.map_or("-", |x| x.as_str()),
                text(s.author()),
                text(s.milestone()),
                escape(path),
                escape(s.verdict()),
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
        writeln!(out, "</div>")?;
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
    writeln!(out, "</main>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}
