//! Everything that can stop a command, and the exit code each one means.
//!
//! Exit codes are part of the interface, as for grep and ripgrep:
//! 0 success, 1 the assessments have problems (lint errors, an incomplete
//! `--answers` file), 2 the command could not do its job (usage, I/O, config,
//! template), 130 interrupted by Ctrl-C.
//!
//! Each error becomes a [`Problem`] to be printed, so that a broken config
//! or template looks like any lint finding: code, message, the file with its
//! line and column, the source line, and a help line.

use std::io;
use std::process::ExitCode;

use crate::assessment::WriteError;
use crate::config::ConfigError;
use crate::diagnostic::{Diagnostic, DiagnosticId, Problem};
use crate::inputs::InputError;
use crate::render::TemplateError;
use crate::source::{Pos, ReadError, Source};

/// How a command that ran to its end went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Done, nothing wrong.
    Success,
    /// Done, and the input has problems (reported already).
    Findings,
    /// Stopped by Ctrl-C at a prompt, after saving what was given (exit 130).
    Interrupted,
}

#[derive(Debug)]
pub enum Error {
    Usage(String),
    Config(ConfigError),
    Input(InputError),
    Read {
        name: String,
        err: ReadError,
    },
    Write(WriteError),
    Template(TemplateError),
    /// The git repository could not be read.
    Git(crate::git::GitError),
    /// Writing to stdout or stderr failed.
    Output(io::Error),
    /// Any other problem with a place in a file.
    Problem(Box<Problem>),
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        2
    }

    /// A reader that went away (`mrd questions | head -1`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(err) if err.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The error as a diagnostic, with the text it points into.
    pub fn problem(&self) -> Problem {
        let io = |file: String, message: String| {
            Problem::new(
                Diagnostic::new(DiagnosticId::Io, None, message).in_file(file),
                None,
            )
        };
        match self {
            Error::Usage(message) => {
                Problem::new(Diagnostic::new(DiagnosticId::Usage, None, message), None)
            }
            Error::Config(err) => err.problem(),
            Error::Input(err) => io(crate::paths::display(&err.path), err.message.clone()),
            Error::Read { name, err } => match err {
                ReadError::NotUtf8 { offset, lossy } => {
                    let diagnostic = Diagnostic::new(
                        DiagnosticId::Io,
                        Some(Pos::new(*offset, 1)),
                        err.to_string(),
                    )
                    .help("save the file as UTF-8")
                    .in_file(name.clone());
                    Problem::new(
                        diagnostic,
                        Some(Source::from_text(name.clone(), lossy.clone())),
                    )
                }
                ReadError::Io(_) => io(name.clone(), format!("cannot read {name}: {err}")),
            },
            Error::Write(err) => {
                let (path, message, help) = err.parts();
                let mut diagnostic = Diagnostic::new(DiagnosticId::Io, None, message).in_file(path);
                diagnostic.help = help;
                Problem::new(diagnostic, None)
            }
            Error::Template(err) => err.problem(),
            Error::Git(err) => Problem::new(
                Diagnostic::new(DiagnosticId::Io, None, err.to_string()),
                None,
            ),
            Error::Problem(problem) => (**problem).clone(),
            Error::Output(err) => Problem::new(
                Diagnostic::new(
                    DiagnosticId::Io,
                    None,
                    format!("cannot write output: {err}"),
                ),
                None,
            ),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let problem = self.problem();
        let d = &problem.diagnostic;
        if !d.file.is_empty() {
            write!(f, "{}", d.file)?;
            if let (Some(source), Some(span)) = (&problem.source, d.span) {
                let at = source.line_column(span.offset);
                write!(f, ":{}:{}", at.line, at.column)?;
            }
            write!(f, ": ")?;
        }
        f.write_str(&d.message)
    }
}

impl From<io::Error> for Error {
    fn from(err: io::Error) -> Error {
        Error::Output(err)
    }
}

impl From<ConfigError> for Error {
    fn from(err: ConfigError) -> Error {
        Error::Config(err)
    }
}

impl From<InputError> for Error {
    fn from(err: InputError) -> Error {
        Error::Input(err)
    }
}

impl From<WriteError> for Error {
    fn from(err: WriteError) -> Error {
        Error::Write(err)
    }
}

impl From<TemplateError> for Error {
    fn from(err: TemplateError) -> Error {
        Error::Template(err)
    }
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
            Outcome::Interrupted => ExitCode::from(130),
        }
    }
}
