//! Everything that can stop a command, and the exit code each one means.
//!
//! Exit codes are part of the interface, as for grep and ripgrep:
//! 0 success, 1 the assessments have problems (lint errors, an incomplete
//! `--answers` file), 2 the command could not do its job (usage, I/O, config,
//! template), 130 interrupted by Ctrl-C.

use std::fmt;
use std::io;
use std::process::ExitCode;

use crate::assessment::WriteError;
use crate::config::ConfigError;
use crate::inputs::InputError;
use crate::render::TemplateError;
use crate::source::ReadError;

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
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        2
    }

    /// A reader that went away (`mrd questions | head -1`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(err) if err.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) => f.write_str(message),
            Error::Config(err) => write!(f, "{err}"),
            Error::Input(err) => write!(f, "{}: {}", err.path.display(), err.message),
            Error::Read { name, err } => match err {
                ReadError::NotUtf8 { line, column } => {
                    write!(f, "{name}:{line}:{column}: {err}")
                }
                ReadError::Io(_) => write!(f, "cannot read {name}: {err}"),
            },
            Error::Write(err) => write!(f, "{err}"),
            Error::Template(err) => write!(f, "{err}"),
            Error::Git(err) => write!(f, "{err}"),
            Error::Output(err) => write!(f, "cannot write output: {err}"),
        }
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
