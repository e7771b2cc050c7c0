//! `mrd summary`: read each assessment, summarise it (lint included), filter,
//! sort, and print in the chosen format. The logic is in `crate::summary`.

use std::io::{IsTerminal, Write};

use crate::assessment::{WriteMode, write_atomically};
use crate::cli::{SummaryArgs, SummaryFormat};
use crate::cmd::read;
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::git::Repo;
use crate::history::compare::{Comparison, Current};
use crate::history::{self, Since, State};
use crate::inputs::{self, Input};
use crate::summary::backlog::{self, Broken, Entry, Filter};
use crate::summary::report::{self, Report};

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

    let read: Vec<(Entry, State)> = inputs.iter().map(|input| entry(input, config)).collect();
    let comparison = match &args.since {
        Some(since) => Some(compare(&read, &inputs, since, config)?),
        None => None,
    };
    let entries: Vec<Entry> = read.into_iter().map(|(entry, _)| entry).collect();
    let filter = Filter {
        statuses: args.status.clone(),
        decisions: args.decision.clone(),
        milestones: args.milestone.clone(),
        labels: args.label.clone(),
    };
    let mut entries = filter.apply(entries);
    backlog::sort(&mut entries);
    let broken = entries.iter().any(|e| e.result.is_err());
    let mut report = Report::new(&entries, &args.milestone);
    report.since = comparison.as_ref();

    // One file alone shows its evidence, unless the report is about changes.
    let single = single && comparison.is_none();
    match &args.output {
        None => write_report(
            out,
            args,
            &report,
            &entries,
            single,
            table_width(args.width),
        )?,
        // A file gets the whole report or nothing (written atomically), with
        // no colour, laid out for --width or 80 columns.
        Some(path) => {
            let mut text = anstream::StripStream::new(Vec::new());
            let width = args.width.map_or(DEFAULT_WIDTH, usize::from);
            write_report(&mut text, args, &report, &entries, single, width)?;
            let text = String::from_utf8(text.into_inner())
                .map_err(|err| Error::Output(std::io::Error::other(err)))?;
            write_atomically(path, &text, WriteMode::Replace)?;
            writeln!(out, "wrote {}", path.display())?;
        }
    }
    Ok(if broken {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

fn write_report(
    out: &mut dyn Write,
    args: &SummaryArgs,
    report: &Report<'_>,
    entries: &[Entry],
    single: bool,
    width: usize,
) -> std::io::Result<()> {
    match args.format {
        SummaryFormat::Table => match entries {
            [
                Entry {
                    path,
                    result: Ok(summary),
                },
            ] if single => report::detail::write(out, path, summary),
            _ => report::table::write(out, report, width),
        },
        SummaryFormat::Markdown => report::markdown::write(out, report),
        SummaryFormat::Json => report::json::write(out, report),
        SummaryFormat::Csv => report::csv::write(out, report),
        SummaryFormat::Html => report::html::write(out, report),
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
            display(input),
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

fn display(input: &Input) -> String {
    match input {
        Input::File(path) => path.display().to_string(),
        Input::Stdin => "<stdin>".to_string(),
    }
}
