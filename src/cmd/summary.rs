//! `mrd summary`: read each assessment, summarise it (lint included), filter,
//! sort, and print in the chosen format. The logic is in `crate::summary`.
//!
//! Files are read and summarised in parallel, as lint does; each summary
//! keeps only what the chosen format prints, so a backlog of 100,000 files
//! fits in memory with room to spare.

use std::io::{IsTerminal, Write};

use rayon::prelude::*;

use crate::assessment;
use crate::cli::{SummaryArgs, SummaryFormat};
use crate::cmd::read;
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::inputs::{self, Input};
use crate::lint::Linter;
use crate::source::{ReadError, line_column};
use crate::summary::Summary;
use crate::summary::backlog::{self, Broken, Entry, Filter, Row};
use crate::summary::report::{self, Report};

/// Files summarised together: enough to keep every core busy.
const CHUNK: usize = 512;

/// The width of a table that is not going to a terminal.
const DEFAULT_WIDTH: usize = 80;

pub fn run(args: &SummaryArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let inputs = inputs::collect(&args.paths, &config.assessments_dir)?;
    // One file named alone is looked at closely; a directory is a backlog
    // even when it holds one file.
    let single = matches!(args.paths.as_slice(), [path] if !path.is_dir()) && inputs.len() == 1;

    let linter = config.linter();
    let filter = Filter {
        statuses: args.status.clone(),
        decisions: args.decision.clone(),
        milestones: args.milestone.clone(),
        labels: args.label.clone(),
    };
    // JSON and the view of one assessment print whole summaries; the other
    // formats print rows, a few hundred bytes each, kept for sorting.
    let whole =
        args.format == SummaryFormat::Json || (single && args.format == SummaryFormat::Table);
    let broken = if whole {
        let mut entries = summarise(inputs, &linter, &filter, Box::new);
        backlog::sort(&mut entries);
        let broken = entries.iter().any(|e| e.result.is_err());
        match entries.as_slice() {
            [
                Entry {
                    path,
                    result: Ok(summary),
                },
            ] if args.format == SummaryFormat::Table => report::detail::write(out, path, summary)?,
            _ if args.format == SummaryFormat::Json => {
                report::json::write(out, &Report::new(&entries, &args.milestone))?
            }
            _ => {
                let rows: Vec<Entry<Row>> = entries
                    .into_iter()
                    .map(|e| Entry {
                        path: e.path,
                        result: e.result.map(|s| Row::of(&s, false)),
                    })
                    .collect();
                let report = Report::new(&rows, &args.milestone);
                report::table::write(out, &report, table_width(args.width))?
            }
        }
        broken
    } else {
        let lists = args.format == SummaryFormat::Csv;
        let mut rows = summarise(inputs, &linter, &filter, |s| Row::of(&s, lists));
        backlog::sort(&mut rows);
        let report = Report::new(&rows, &args.milestone);
        match args.format {
            SummaryFormat::Table => report::table::write(out, &report, table_width(args.width))?,
            SummaryFormat::Markdown => report::markdown::write(out, &report)?,
            SummaryFormat::Csv => report::csv::write(out, &report)?,
            SummaryFormat::Html => report::html::write(out, &report)?,
            SummaryFormat::Json => unreachable!("JSON prints whole summaries"),
        }
        rows.iter().any(|e| e.result.is_err())
    };
    Ok(if broken {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

/// Each input's entry, in input order, keeping what `keep` makes of each
/// summary (the filter applies first). Files are summarised in parallel,
/// a chunk at a time, and each input's path is freed once it is done.
fn summarise<T: Send + Clone>(
    inputs: Vec<Input>,
    linter: &Linter<'_>,
    filter: &Filter,
    keep: impl Fn(Summary) -> T + Sync,
) -> Vec<Entry<T>> {
    let mut entries = Vec::new();
    let mut inputs = inputs.into_iter();
    loop {
        let chunk: Vec<Input> = inputs.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let summarised: Vec<Entry<T>> = chunk
            .par_iter()
            .filter_map(|input| {
                let entry = entry(input, linter);
                filter.keeps(&entry).then(|| Entry {
                    path: entry.path,
                    result: entry.result.map(|summary| keep(*summary)),
                })
            })
            .collect();
        // Copied here, next to the rest, and the workers' copies freed:
        // kept where they were made, each entry would pin pages of the
        // temporaries that were made around it.
        entries.extend(summarised.iter().cloned());
    }
    entries
}

fn table_width(asked: Option<u16>) -> usize {
    if let Some(width) = asked {
        return usize::from(width);
    }
    let stdout = std::io::stdout();
    if stdout.is_terminal()
        && let Some((terminal_size::Width(width), _)) = terminal_size::terminal_size_of(&stdout)
    {
        return usize::from(width);
    }
    DEFAULT_WIDTH
}

/// One file's row: its summary, or why it has none. Never an error: one
/// unreadable file must not hide the others.
fn entry(input: &Input, linter: &Linter<'_>) -> Entry {
    let source = match read(input) {
        Ok(source) => source,
        Err(Error::Read { name, err }) => {
            let (line, column) = match &err {
                ReadError::NotUtf8 { offset, lossy } => {
                    let (line, column) = line_column(lossy, *offset);
                    (Some(line), Some(column))
                }
                ReadError::Io(_) => (None, None),
            };
            return Entry {
                path: name,
                result: Err(Broken {
                    line,
                    column,
                    message: format!("cannot read: {err}"),
                    more: 0,
                }),
            };
        }
        Err(other) => {
            return Entry {
                path: display(input),
                result: Err(Broken {
                    line: None,
                    column: None,
                    message: other.to_string(),
                    more: 0,
                }),
            };
        }
    };
    let parsed = assessment::parse(&source);
    let result = match (parsed.problems.first(), parsed.assessment.as_ref()) {
        (Some(problem), _) => {
            let at = source.line_column(problem.offset());
            Err(Broken {
                line: Some(at.line),
                column: Some(at.column),
                message: problem.message.clone(),
                more: parsed.problems.len() - 1,
            })
        }
        (None, None) => Err(Broken {
            line: None,
            column: None,
            message: "not an assessment".into(),
            more: 0,
        }),
        (None, Some(assessment)) => Ok(Box::new(Summary::linted(&source, assessment, linter))),
    };
    Entry {
        path: source.name.clone(),
        result,
    }
}

fn display(input: &Input) -> String {
    match input {
        Input::File(path) => path.display().to_string(),
        Input::Stdin => "<stdin>".to_string(),
    }
}
