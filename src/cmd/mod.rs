//! One module per subcommand: each reads its arguments, calls the library,
//! and prints. No domain logic lives here.

pub mod completions;
pub mod decide;
pub mod edit;
pub mod import;
pub mod init;
pub mod kickoff;
pub mod lint;
pub mod lint_fix;
pub mod log;
pub mod man;
pub mod new;
pub mod questions;
pub mod render;
pub mod roll;
pub mod rules;
pub mod schema;
pub mod summary;
pub mod templates;

use std::io::Write;

use crate::assessment::{self, Parsed};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::inputs::Input;
use crate::source::Source;

/// Reads one input for a command that needs its text.
pub fn read(input: &Input) -> Result<Source, Error> {
    let read = match input {
        Input::File(path) => Source::read(path),
        Input::Stdin => Source::read_stdin(),
    };
    read.map_err(|err| Error::Read {
        name: input.name(),
        err,
    })
}

/// Reads and parses one assessment.
pub fn load(input: &Input) -> Result<(Source, Parsed), Error> {
    let source = read(input)?;
    let parsed = assessment::parse(&source);
    Ok((source, parsed))
}

/// Prints diagnostics to standard error, for commands whose standard output
/// is their product (render, new) and must stay clean for pipes. They look
/// as `mrd lint` prints them, source line included.
pub fn report_to_stderr(diagnostics: &[Diagnostic], source: &Source) -> Result<(), Error> {
    crate::output::human::eprint(diagnostics, Some(source))?;
    Ok(())
}

/// For a command that rewrites a file: the problems that stop `parsed` from
/// being rewritten safely (a file that does not read cleanly could lose what
/// the reader skipped), printed to standard error as lint prints them.
/// Returns whether there were any.
pub fn refuse_unreadable(
    source: &Source,
    parsed: &Parsed,
    config: &crate::config::Config,
) -> Result<bool, Error> {
    if parsed.problems.is_empty() && parsed.assessment.is_some() {
        return Ok(false);
    }
    let diagnostics: Vec<Diagnostic> = config
        .linter()
        .lint(source, parsed)
        .diagnostics
        .into_iter()
        .filter(|d| d.level == crate::diagnostic::Level::Error)
        .filter(|d| {
            crate::lint::rules::READING_RULES
                .iter()
                .any(|r| d.id.rule() == Some(*r))
        })
        .collect();
    report_to_stderr(&diagnostics, source)?;
    Ok(true)
}

/// The line `new` and `import` print after writing an assessment.
pub fn report_written(
    out: &mut dyn Write,
    path: &std::path::Path,
    summary: &crate::summary::Summary,
) -> Result<(), Error> {
    writeln!(
        out,
        "wrote {} ({}, {} of {} questions answered)",
        crate::paths::display(path),
        summary.decision_label(),
        summary.answered,
        summary.required
    )?;
    Ok(())
}

/// Says on standard error that the assessments directory has nothing to
/// check yet (a fresh clone, before the first assessment). Standard output
/// stays the command's empty product, so a CI report is still well formed.
pub fn note_nothing_to_check(config: &crate::config::Config) -> Result<(), Error> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let note = crate::inputs::nothing_to_check(&config.assessments_dir, &cwd);
    let style = anstyle::Style::new().bold();
    writeln!(anstream::stderr(), "{style}note:{style:#} {note}")?;
    Ok(())
}
