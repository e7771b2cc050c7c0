//! `mrd completions SHELL`: a completion script generated from the same clap
//! definitions as `--help`, so completions never drift from the real flags.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::{Error, Outcome};

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "mrd", &mut script);
    out.write_all(&script)?;
    out.flush()?;
    Ok(Outcome::Success)
}
