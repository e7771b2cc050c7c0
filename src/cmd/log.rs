//! `mrd log PATH`: one assessment's history from git (`crate::history::log`).

use std::io::{IsTerminal, Write};

use crate::cli::{LogArgs, LogFormat};
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::git::Repo;
use crate::history::{self, State};
use crate::source::Source;

/// The terminal's width when standard output is one.
fn terminal_width() -> Option<usize> {
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(&stdout).map(|(terminal_size::Width(w), _)| usize::from(w))
}

pub fn run(args: &LogArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let dir = match args.path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let repo = Repo::discover(&dir).map_err(Error::Git)?;
    let Some(relative) = repo.relative(&args.path) else {
        return Err(Error::Usage(format!(
            "{} is outside the repository's working tree",
            args.path.display()
        )));
    };
    let current = match Source::read(&args.path) {
        Ok(source) => Some(State::of_source(&source, config)),
        Err(crate::source::ReadError::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => {
            None
        }
        Err(err) => Some(State::Unreadable(history::unreadable(&err))),
    };
    let log = history::log::build(&repo, &relative, current, config).map_err(Error::Git)?;
    if log.entries.is_empty() && !args.path.exists() {
        return Err(Error::Usage(format!(
            "{}: no such file, in the working tree or in HEAD",
            args.path.display()
        )));
    }
    match args.format {
        LogFormat::Text => history::log::write_text(out, &log, config, terminal_width())?,
        LogFormat::Json => history::log::write_json(out, &log)?,
    }
    Ok(Outcome::Success)
}
