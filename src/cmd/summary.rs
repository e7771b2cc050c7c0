//! `mrd summary`: read each assessment, summarise it (lint included), filter,
//! sort, and print in the chosen format. The logic is in `crate::summary`.

use std::io::{IsTerminal, Write};

use crate::assessment::{self, WriteMode, write_atomically};
use crate::cli::{SummaryArgs, SummaryFormat};
use crate::cmd::read;
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::inputs::{self, Input};
use crate::lint;
use crate::source::ReadError;
use crate::summary::Summary;
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

    let entries: Vec<Entry> = inputs.iter().map(|input| entry(input, config)).collect();
    let filter = Filter {
        statuses: args.status.clone(),
        decisions: args.decision.clone(),
        milestones: args.milestone.clone(),
        labels: args.label.clone(),
    };
    let mut entries = filter.apply(entries);
    backlog::sort(&mut entries);
    let broken = entries.iter().any(|e| e.result.is_err());
    let report = Report::new(&entries, &args.milestone);

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

/// One file's row: its summary, or why it has none. Never an error: one
/// unreadable file must not hide the others.
fn entry(input: &Input, config: &Config) -> Entry {
    let questions = &config.questions;
    let source = match read(input) {
        Ok(source) => source,
        Err(Error::Read { name, err }) => {
            let (line, column) = match err {
                ReadError::NotUtf8 { line, column } => (Some(line), Some(column)),
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
        (Some(problem), _) => Err(Broken {
            line: Some(problem.pos.line),
            column: Some(problem.pos.column),
            message: problem.message.clone(),
            more: parsed.problems.len() - 1,
        }),
        (None, None) => Err(Broken {
            line: None,
            column: None,
            message: "not an assessment".into(),
            more: 0,
        }),
        (None, Some(assessment)) => {
            let cx = lint::Context {
                source: &source,
                problems: &parsed.problems,
                assessment: Some(assessment),
                questions,
                settings: &config.lint,
            };
            let summary = Summary::of_context(&cx)
                .unwrap_or_else(|| Summary::of(&assessment.front, questions));
            Ok(Box::new(summary))
        }
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
