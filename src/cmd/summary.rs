//! `mrd summary`: read each assessment, summarise it (lint included), filter,
//! sort, and print in the chosen format. The logic is in `crate::summary`.
//!
//! Files are read and summarised in parallel, as lint does. The table,
//! Markdown, HTML and CSV formats keep only a row of each summary until they
//! can sort and print (a few hundred bytes), so a backlog of 100,000 files
//! fits in well under 100 MB; JSON, the view of one assessment and
//! `--since` (which compares each file with its past) keep whole summaries.

use std::io::{IsTerminal, Write};

use rayon::prelude::*;

use crate::assessment::{WriteMode, write_atomically};
use crate::cli::{SummaryArgs, SummaryFormat};
use crate::cmd::read;
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::git::Repo;
use crate::history::compare::{Comparison, Current};
use crate::history::{self, Since, State};
use crate::inputs::{self, Input};
use crate::summary::Summary;
use crate::summary::backlog::{self, Broken, Entry, Filter, Row};
use crate::summary::report::{self, Report};

/// Files summarised together: enough to keep every core busy.
const CHUNK: usize = 512;

/// The width of a table that is not going to a terminal.
const DEFAULT_WIDTH: usize = 80;

pub fn run(args: &SummaryArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let inputs = inputs::collect(&args.paths, &config.assessments_dir)?;
    if inputs.is_empty() {
        crate::cmd::note_nothing_to_check(config)?;
    }
    // One file named alone is looked at closely; a directory is a backlog
    // even when it holds one file.
    let single = matches!(args.paths.as_slice(), [path] if !path.is_dir()) && inputs.len() == 1;

    let filter = Filter {
        statuses: args.status.clone(),
        decisions: args.decision.clone(),
        milestones: args.milestone.clone(),
        labels: args.label.clone(),
    };
    let whole = args.format == SummaryFormat::Json
        || (single && args.since.is_none() && args.format == SummaryFormat::Table);
    let lists = args.format == SummaryFormat::Csv;
    let (mut kept, comparison) = match &args.since {
        Some(since) => {
            let read: Vec<(Entry, State)> = inputs
                .par_iter()
                .map(|input| entry(input, config))
                .collect();
            let comparison = compare(&read, &inputs, since, config)?;
            let entries: Vec<Entry> = read
                .into_iter()
                .map(|(entry, _)| entry)
                .filter(|e| filter.keeps(e))
                .collect();
            let kept = if whole {
                Kept::Whole(entries)
            } else {
                Kept::Rows(rows_of(entries, lists))
            };
            (kept, Some(comparison))
        }
        None if whole => (
            Kept::Whole(summarise(inputs, config, &filter, Box::new)),
            None,
        ),
        None => (
            Kept::Rows(summarise(inputs, config, &filter, |s| Row::of(&s, lists))),
            None,
        ),
    };
    let broken = match &mut kept {
        Kept::Whole(entries) => {
            backlog::sort(entries);
            entries.iter().any(|e| e.result.is_err())
        }
        Kept::Rows(rows) => {
            backlog::sort(rows);
            rows.iter().any(|e| e.result.is_err())
        }
    };

    // One file alone shows its evidence, unless the report is about changes.
    let single = single && comparison.is_none();
    let print = |out: &mut dyn Write, width: usize| match &kept {
        Kept::Whole(entries) => write_whole(out, args, entries, comparison.as_ref(), single, width),
        Kept::Rows(rows) => write_rows(out, args, rows, comparison.as_ref(), width),
    };
    match &args.output {
        None => print(out, table_width(args.width))?,
        // A file gets the whole report or nothing (written atomically), with
        // no colour, laid out for --width or 80 columns.
        Some(path) => {
            let mut text = anstream::StripStream::new(Vec::new());
            let width = args.width.map_or(DEFAULT_WIDTH, usize::from);
            print(&mut text, width)?;
            let text = String::from_utf8(text.into_inner())
                .map_err(|err| Error::Output(std::io::Error::other(err)))?;
            write_atomically(path, &text, WriteMode::Replace)?;
            writeln!(out, "wrote {}", crate::paths::display(path))?;
        }
    }
    Ok(if broken {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

/// What is kept of each summary until the report is printed.
enum Kept {
    /// Whole summaries: JSON and the view of one assessment print them.
    Whole(Vec<Entry>),
    /// Rows: what the table, Markdown, HTML and CSV print.
    Rows(Vec<Entry<Row>>),
}

fn rows_of(entries: Vec<Entry>, lists: bool) -> Vec<Entry<Row>> {
    entries
        .into_iter()
        .map(|e| Entry {
            path: e.path,
            result: e.result.map(|s| Row::of(&s, lists)),
        })
        .collect()
}

fn write_whole(
    out: &mut dyn Write,
    args: &SummaryArgs,
    entries: &[Entry],
    since: Option<&Comparison>,
    single: bool,
    width: usize,
) -> std::io::Result<()> {
    match entries {
        [
            Entry {
                path,
                result: Ok(summary),
            },
        ] if single && args.format == SummaryFormat::Table => {
            report::detail::write(out, path, summary)
        }
        _ if args.format == SummaryFormat::Json => {
            let mut report = Report::new(entries, &args.milestone);
            report.since = since;
            report::json::write(out, &report)
        }
        // One file named alone that could not be read: a table of one.
        _ => write_rows(out, args, &rows_of(entries.to_vec(), false), since, width),
    }
}

fn write_rows(
    out: &mut dyn Write,
    args: &SummaryArgs,
    rows: &[Entry<Row>],
    since: Option<&Comparison>,
    width: usize,
) -> std::io::Result<()> {
    let mut report = Report::new(rows, &args.milestone);
    report.since = since;
    match args.format {
        SummaryFormat::Table => report::table::write(out, &report, width),
        SummaryFormat::Markdown => report::markdown::write(out, &report),
        SummaryFormat::Csv => report::csv::write(out, &report),
        SummaryFormat::Html => report::html::write(out, &report),
        SummaryFormat::Json => unreachable!("JSON prints whole summaries"),
    }
}

/// Each input's entry, in input order, keeping what `keep` makes of each
/// summary (the filter applies first). Files are summarised in parallel, a
/// chunk at a time, and each input's path is freed once it is done.
fn summarise<T: Send + Clone>(
    inputs: Vec<Input>,
    config: &Config,
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
                let entry = summary_entry(input, config);
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

/// One file's row: its summary, or why it has none. Never an error: one
/// unreadable file must not hide the others.
fn summary_entry(input: &Input, config: &Config) -> Entry {
    match read(input) {
        Ok(source) => Entry {
            path: source.name.clone(),
            result: history::summarise(&source, config).map(|(_, summary)| summary),
        },
        Err(err) => unreadable_entry(input, err),
    }
}

fn unreadable_entry(input: &Input, err: Error) -> Entry {
    match err {
        Error::Read { name, err } => Entry {
            path: name,
            result: Err(history::unreadable(&err)),
        },
        other => Entry {
            path: input.name(),
            result: Err(Broken {
                line: None,
                column: None,
                message: other.to_string(),
                more: 0,
            }),
        },
    }
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

/// One file's row: its summary, or why it has none, with the state history
/// compares. Never an error: one unreadable file must not hide the others.
pub(crate) fn entry(input: &Input, config: &Config) -> (Entry, State) {
    let (path, state) = match read(input) {
        Ok(source) => (source.name.clone(), State::of_source(&source, config)),
        Err(Error::Read { name, err }) => (name, State::Unreadable(history::unreadable(&err))),
        Err(other) => (
            input.name(),
            State::Unreadable(Broken {
                line: None,
                column: None,
                message: other.to_string(),
                more: 0,
            }),
        ),
    };
    let result = match &state {
        State::Read(snapshot) => Ok(Box::new(snapshot.summary.clone())),
        State::Unreadable(broken) => Err(broken.clone()),
    };
    (Entry { path, result }, state)
}

/// The files of a backlog as history compares them (standard input has no
/// history and is left out).
pub(crate) fn currents<'a>(read: &'a [(Entry, State)], inputs: &[Input]) -> Vec<Current<'a>> {
    read.iter()
        .zip(inputs)
        .filter_map(|((entry, state), input)| match input {
            Input::File(path) => Some(Current {
                name: entry.path.clone(),
                path: path.clone(),
                state,
            }),
            Input::Stdin => None,
        })
        .collect()
}

/// The repository holding these files (or the working directory).
pub(crate) fn repository(files: &[Current<'_>]) -> Result<Repo, crate::git::GitError> {
    let start = files
        .first()
        .and_then(|f| f.path.parent())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    Repo::discover(start)
}

/// `--since`: each file beside its state at the baseline, from git.
fn compare(
    read: &[(Entry, State)],
    inputs: &[Input],
    since: &Since,
    config: &Config,
) -> Result<Comparison, Error> {
    let files = currents(read, inputs);
    let repo = repository(&files).map_err(|err| {
        Error::Git(crate::git::GitError(format!(
            "--since reads git history, and {err}"
        )))
    })?;
    history::compare::compare(&repo, &files, since, config).map_err(Error::Git)
}
