//! The terminal table: one row per assessment, aligned, decisions coloured,
//! never wider than the terminal (80 columns when not a terminal).
//!
//! When every column fits (titles and authors cut with `…`, paths cut from
//! the left so the file name stays), each assessment is one line. When they
//! cannot all fit, as on an 80-column terminal, each assessment takes two
//! lines: decision, readiness, completeness and title, then status, milestone,
//! author and path below the title. Either way every field is shown.

use std::io::{self, Write};

use anstyle::Style;

use crate::summary::backlog::Row;
use crate::summary::report::text::{pad_end, pad_start, truncate_end, truncate_start, width};
use crate::summary::report::{Report, decision_style, readiness_cell, readiness_style};

const GAP: usize = 2;
/// Below these widths a column is not worth cutting further; the layout
/// switches to two lines instead.
const TITLE_MIN: usize = 24;
const AUTHOR_MIN: usize = 12;
const PATH_MIN: usize = 24;
/// In the two-line layout the title may get this narrow before the line
/// overflows.
const TITLE_FLOOR: usize = 10;
/// Where the second line starts when it does not fit under the title.
const FACTS_INDENT: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Never cut.
    Fixed,
    /// Cut the end, down to a minimum.
    End(usize),
    /// Cut the start (paths), down to a minimum.
    Start(usize),
}

/// What a column shows of a row, given its index, its path and its row.
type CellOf<'a> = Box<dyn Fn(usize, &str, &Row) -> String + 'a>;

/// A column: its cells are made when measured and again when printed, so a
/// table of 100,000 rows does not hold 800,000 cells at once.
struct Column<'a> {
    header: &'static str,
    align: Align,
    cut: Cut,
    cell_of: CellOf<'a>,
    width: usize,
}

impl<'a> Column<'a> {
    fn new(
        header: &'static str,
        align: Align,
        cut: Cut,
        cell_of: CellOf<'a>,
        rows: &[(&str, &Row)],
    ) -> Column<'a> {
        let width = rows
            .iter()
            .enumerate()
            .map(|(i, (p, s))| width(&cell_of(i, p, s)))
            .chain([width(header)])
            .max()
            .unwrap_or(0);
        Column {
            header,
            align,
            cut,
            cell_of,
            width,
        }
    }

    fn min(&self) -> usize {
        match self.cut {
            Cut::Fixed => self.width,
            Cut::End(min) | Cut::Start(min) => min.max(width(self.header)).min(self.width),
        }
    }

    fn cell(&self, text: &str) -> String {
        let cut = match self.cut {
            Cut::Start(_) => truncate_start(text, self.width),
            Cut::Fixed | Cut::End(_) => truncate_end(text, self.width),
        };
        match self.align {
            Align::Left => pad_end(&cut, self.width),
            Align::Right => pad_start(&cut, self.width),
        }
    }
}

fn completeness(s: &Row) -> String {
    format!("{}/{}", s.answered, s.required)
}

fn or_dash(text: Option<&str>) -> String {
    text.map_or_else(|| "-".to_string(), super::text::one_line)
}

fn title(s: &Row) -> String {
    or_dash(s.title().filter(|t| !t.trim().is_empty()))
}

pub fn write(out: &mut dyn Write, report: &Report<'_, Row>, max_width: usize) -> io::Result<()> {
    let rows: Vec<(&str, &Row)> = report.summaries().collect();
    if rows.is_empty() {
        // With only broken files, their errors below say everything.
        if report.broken().next().is_none() {
            writeln!(out, "no assessments to show")?;
        }
    } else {
        // With --since, each row says what changed (new, was UNDECIDED, +12).
        let changes: Option<Vec<String>> = report.since.map(|_| {
            rows.iter()
                .map(|(path, _)| {
                    report
                        .change(path)
                        .map_or_else(|| "-".into(), |c| c.describe())
                })
                .collect()
        });
        if !one_line_layout(out, &rows, changes.as_deref(), max_width)? {
            two_line_layout(out, &rows, changes.as_deref(), max_width)?;
        }
    }
    write_footer(out, report)
}

/// Writes the one-line table if it fits; returns whether it did.
fn one_line_layout(
    out: &mut dyn Write,
    rows: &[(&str, &Row)],
    changes: Option<&[String]>,
    max_width: usize,
) -> io::Result<bool> {
    let mut columns = vec![
        Column::new(
            "DECISION",
            Align::Left,
            Cut::Fixed,
            Box::new(|_, _, s| s.decision_label().into()),
            rows,
        ),
        Column::new(
            "READY",
            Align::Right,
            Cut::Fixed,
            Box::new(|_, _, s| readiness_cell(s)),
            rows,
        ),
        Column::new(
            "DONE",
            Align::Right,
            Cut::Fixed,
            Box::new(|_, _, s| completeness(s)),
            rows,
        ),
        Column::new(
            "TITLE",
            Align::Left,
            Cut::End(TITLE_MIN),
            Box::new(|_, _, s| title(s)),
            rows,
        ),
        Column::new(
            "STATUS",
            Align::Left,
            Cut::Fixed,
            Box::new(|_, _, s| or_dash(s.status.map(|x| x.as_str()))),
            rows,
        ),
        Column::new(
            "MILESTONE",
            Align::Left,
            Cut::End(9),
            Box::new(|_, _, s| or_dash(s.milestone())),
            rows,
        ),
        Column::new(
            "AUTHOR",
            Align::Left,
            Cut::End(AUTHOR_MIN),
            Box::new(|_, _, s| or_dash(s.author())),
            rows,
        ),
        Column::new(
            "PATH",
            Align::Left,
            Cut::Start(PATH_MIN),
            Box::new(|_, p, _| super::text::one_line(p)),
            rows,
        ),
    ];
    if let Some(changes) = changes {
        columns.push(Column::new(
            "SINCE",
            Align::Left,
            Cut::End(9),
            Box::new(move |i, _, _| changes[i].clone()),
            rows,
        ));
    }
    let total = |columns: &[Column]| {
        columns.iter().map(|c| c.width).sum::<usize>() + GAP * (columns.len() - 1)
    };
    // Titles give way first, as far as their minimum; then whichever of the
    // other cuttable columns is widest, one column of text at a time.
    let mut excess = total(&columns).saturating_sub(max_width);
    let title = &mut columns[3];
    let give = excess.min(title.width - title.min());
    title.width -= give;
    excess -= give;
    while excess > 0 {
        let Some(widest) = columns
            .iter_mut()
            .filter(|c| c.width > c.min())
            .max_by_key(|c| c.width - c.min())
        else {
            return Ok(false);
        };
        widest.width -= 1;
        excess -= 1;
    }

    let header: Vec<String> = columns.iter().map(|c| pad_end(c.header, c.width)).collect();
    let bold = Style::new().bold();
    writeln!(
        out,
        "{bold}{}{bold:#}",
        header.join(&" ".repeat(GAP)).trim_end()
    )?;
    for (i, (path, summary)) in rows.iter().enumerate() {
        let mut line = String::new();
        for (n, column) in columns.iter().enumerate() {
            if n > 0 {
                line.push_str(&" ".repeat(GAP));
            }
            let cell = column.cell(&(column.cell_of)(i, path, summary));
            let style = match n {
                0 => decision_style(summary.decision),
                1 => readiness_style(summary.readiness),
                _ => Style::new(),
            };
            line.push_str(&format!("{style}{cell}{style:#}"));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(true)
}

fn two_line_layout(
    out: &mut dyn Write,
    rows: &[(&str, &Row)],
    changes: Option<&[String]>,
    max_width: usize,
) -> io::Result<()> {
    let decision_width = rows
        .iter()
        .map(|(_, s)| width(s.decision_label()))
        .chain([width("DECISION")])
        .max()
        .unwrap_or(0);
    let ready_width = width("READY");
    let done_width = rows
        .iter()
        .map(|(_, s)| width(&completeness(s)))
        .chain([width("DONE")])
        .max()
        .unwrap_or(0);
    let indent = decision_width + ready_width + done_width + 3 * GAP;
    let rest = max_width.saturating_sub(indent).max(TITLE_FLOOR);
    let gap = " ".repeat(GAP);
    let bold = Style::new().bold();
    let header = format!(
        "{}{gap}{}{gap}{}{gap}{}",
        pad_end("DECISION", decision_width),
        pad_start("READY", ready_width),
        pad_start("DONE", done_width),
        truncate_end("TITLE / STATUS · MILESTONE · AUTHOR · PATH", rest),
    );
    writeln!(out, "{bold}{header}{bold:#}")?;
    let dim = Style::new().dimmed();
    // The facts go under the title when they all fit there; otherwise they
    // start near the left edge, the same for every row so they still align.
    // (Made once to measure and again to print, rather than held for all.)
    let change = |i: usize| changes.map(|c| c[i].as_str());
    let fits = rows
        .iter()
        .enumerate()
        .all(|(i, (path, s))| indent + facts_width(&facts_of(path, s, change(i))) <= max_width);
    let facts_indent = if fits { indent } else { FACTS_INDENT };
    let room = max_width.saturating_sub(facts_indent);
    for (i, (path, s)) in rows.iter().enumerate() {
        let facts = facts_of(path, s, change(i));
        let decision = decision_style(s.decision);
        let ready = readiness_style(s.readiness);
        writeln!(
            out,
            "{decision}{}{decision:#}{gap}{ready}{}{ready:#}{gap}{}{gap}{}",
            pad_end(s.decision_label(), decision_width),
            pad_start(&readiness_cell(s), ready_width),
            pad_start(&completeness(s), done_width),
            truncate_end(&title(s), rest),
        )?;
        writeln!(
            out,
            "{}{dim}{}{dim:#}",
            " ".repeat(facts_indent),
            fit_facts(facts, room)
        )?;
    }
    Ok(())
}

/// One item of the second line, and how far it may be cut.
struct Fact {
    text: String,
    min: usize,
    /// Cut from the left (paths keep their file name).
    from_start: bool,
}

const SEPARATOR: &str = " · ";

/// status · milestone · author · since · path; the path is always there,
/// and last.
fn facts_of(path: &str, s: &Row, change: Option<&str>) -> Vec<Fact> {
    let fact = |text: String, min: usize| Fact {
        text,
        min,
        from_start: false,
    };
    let mut facts: Vec<Fact> = [
        s.status.map(|x| fact(x.as_str().to_string(), usize::MAX)),
        s.milestone().map(|m| fact(super::text::one_line(m), 6)),
        s.author().map(|a| fact(super::text::one_line(a), 6)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(change) = change {
        facts.push(fact(format!("since: {change}"), usize::MAX));
    }
    facts.push(Fact {
        text: super::text::one_line(path),
        min: PATH_MIN,
        from_start: true,
    });
    facts
}

fn facts_width(facts: &[Fact]) -> usize {
    facts.iter().map(|f| width(&f.text)).sum::<usize>()
        + width(SEPARATOR) * facts.len().saturating_sub(1)
}

/// Cuts the author first, then the milestone, then the path (from the left),
/// each down to its minimum, until the line fits in `room`.
fn fit_facts(mut facts: Vec<Fact>, room: usize) -> String {
    let mut excess = facts_width(&facts).saturating_sub(room);
    let order: Vec<usize> = {
        let last = facts.len() - 1;
        (0..last).rev().chain([last]).collect()
    };
    for i in order {
        if excess == 0 {
            break;
        }
        let fact = &mut facts[i];
        let current = width(&fact.text);
        if fact.min >= current {
            continue;
        }
        let target = current - excess.min(current - fact.min);
        fact.text = if fact.from_start {
            truncate_start(&fact.text, target)
        } else {
            truncate_end(&fact.text, target)
        };
        excess = excess.saturating_sub(current - width(&fact.text));
    }
    facts
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

fn write_footer(out: &mut dyn Write, report: &Report<'_, Row>) -> io::Result<()> {
    let red = Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()));
    let mut broken = report.broken().peekable();
    if broken.peek().is_some() && report.summaries().next().is_some() {
        writeln!(out)?;
    }
    for (path, err) in broken {
        writeln!(out, "{red}error:{red:#} {}", err.describe(path))?;
    }
    let bold = Style::new().bold();
    writeln!(out)?;
    writeln!(out, "{bold}{}{bold:#}", report.totals.describe())?;
    if let Some(since) = report.since {
        writeln!(out, "{}", since.describe())?;
        if let Some(missing) = &since.baseline.missing {
            writeln!(out, "warning: {missing}")?;
        }
    }
    Ok(())
}
