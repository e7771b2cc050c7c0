//! `mrd`: opportunity assessments (MRDs) as reviewable files.
//!
//! The library holds everything testable without spawning a process; the
//! binary only turns [`run`]'s result into an exit code.

pub mod assessment;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod controls;
pub mod date;
pub mod diagnostic;
pub mod error;
pub mod flavor;
pub mod git;
pub mod history;
pub mod import;
pub mod inputs;
pub mod interview;
pub mod kickoff;
pub mod lint;
pub mod lsp;
pub mod milestone;
pub mod output;
pub mod paths;
pub mod questions;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod slug;
pub mod source;
pub mod suggest;
pub mod summary;
pub mod text;
pub mod yaml;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, ColorWhen, Command, LogFormat, QuestionsFormat, SummaryFormat};
use crate::config::Config;
use crate::error::{Error, Outcome};

/// Runs `mrd` with these arguments (the first is the program name).
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err)
            if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            // A bare `mrd` asks what it can do, as a bare `cargo` does: the
            // help, on standard output, and success.
            let help = err.render();
            let text = if anstream::AutoStream::choice(&std::io::stdout())
                == anstream::ColorChoice::Never
            {
                help.to_string()
            } else {
                help.ansi().to_string()
            };
            let _ = write!(std::io::stdout(), "{text}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            // --help and --version land here too, with exit code 0.
            let _ = err.print();
            return ExitCode::from(err.exit_code() as u8);
        }
    };
    let choice = match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();

    match dispatch(&cli) {
        Ok(outcome) => outcome.into(),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            let problem = err.problem();
            let _ = output::human::eprint(&[problem.diagnostic], problem.source.as_ref());
            ExitCode::from(err.exit_code())
        }
    }
}

/// Standard output. Only output that `mrd` styles itself for a terminal goes
/// through anstream, which strips the styles when colour is off (`--color`,
/// `NO_COLOR`, not a terminal). Everything else, above all issue text,
/// assessment files and machine formats, is written exactly as the library
/// produced it: a stripper also deletes escape sequences and BEL or DEL
/// bytes written by users, and deleting them can uncover a line that GitLab
/// runs as a quick action.
fn stdout(buffered: bool, strip_styles: bool) -> Box<dyn Write> {
    let lock = std::io::stdout().lock();
    let raw: Box<dyn Write> = if buffered {
        Box::new(std::io::BufWriter::with_capacity(64 * 1024, lock))
    } else {
        Box::new(lock)
    };
    if strip_styles {
        let choice = anstream::AutoStream::choice(&std::io::stdout());
        Box::new(anstream::AutoStream::new(raw, choice))
    } else {
        raw
    }
}

/// Whether `command` writes words it styled itself and relies on anstream to
/// strip the styles when colour is off. Lint's human format decides its
/// styles itself (and shows control characters in the source escaped), so
/// it needs no stripping.
fn styles_its_own_words(command: &Command) -> bool {
    match command {
        Command::Summary(args) => args.format == SummaryFormat::Table,
        Command::Questions(args) => args.format == QuestionsFormat::Text,
        Command::Log(args) => args.format == LogFormat::Text,
        Command::New(_) | Command::Edit(_) => true,
        _ => false,
    }
}

fn dispatch(cli: &Cli) -> Result<Outcome, Error> {
    let cwd = std::env::current_dir()
        .map_err(|err| Error::Usage(format!("cannot read the working directory: {err}")))?;
    // The interview's messages must appear when they happen; everything else
    // is buffered, since lint and summary can print thousands of lines and a
    // line-buffered stdout makes a system call for each.
    let interactive = matches!(cli.command, Command::New(_) | Command::Edit(_));
    let mut stdout = stdout(!interactive, styles_its_own_words(&cli.command));
    let out: &mut dyn Write = &mut stdout;
    // Completions and the manual come from the command line's definition alone:
    // a broken .mrd.yml must not stop someone from reading the manual.
    match &cli.command {
        Command::Completions(args) => return cmd::completions::run(args, out),
        Command::Man(args) => return cmd::man::run(args, out),
        // The server reads .mrd.yml from the workspace the editor names, and
        // shows a broken one as a finding on it rather than refusing to start.
        Command::Lsp(_) => return lsp::run(cli.config.as_deref(), out),
        _ => {}
    }
    date::check_today_override().map_err(Error::Usage)?;
    let config = Config::load(cli.config.as_deref(), &cwd)?;
    let outcome = match &cli.command {
        Command::New(args) => cmd::new::run(args, &config, cli.config.as_deref(), out),
        Command::Edit(args) => cmd::edit::run(args, &config, cli.config.as_deref(), out),
        Command::Lint(args) => cmd::lint::run(args, &config, out),
        Command::Render(args) => cmd::render::run(args, &config, out),
        Command::Templates(args) => cmd::templates::run(args, &config, out),
        Command::Summary(args) => cmd::summary::run(args, &config, out),
        Command::Kickoff(args) => cmd::kickoff::run(args, &config, out),
        Command::Roll(args) => cmd::roll::run(args, &config, out),
        Command::Log(args) => cmd::log::run(args, &config, out),
        Command::Decide(args) => cmd::decide::run(args, &config, out),
        Command::Questions(args) => cmd::questions::run(args, &config, out),
        Command::Rules(args) => cmd::rules::run(args, &config, out),
        Command::Init(args) => cmd::init::run(args, &config, &cwd, out),
        Command::Schema(args) => cmd::schema::run(args, &config, out),
        Command::Import(args) => cmd::import::run(args, &config, out),
        Command::Completions(_) | Command::Man(_) | Command::Lsp(_) => {
            unreachable!("handled before the config is read")
        }
    }?;
    out.flush()?;
    Ok(outcome)
}
