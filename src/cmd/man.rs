//! `mrd man`: the manual page in roff, from the same clap definitions as
//! `--help` (one source of truth for every flag, as ripgrep does).

use std::io::Write;

use clap::CommandFactory;

use crate::assessment::{WriteMode, write_atomically};
use crate::cli::{Cli, ManArgs};
use crate::error::{Error, Outcome};

pub fn run(args: &ManArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut command = Cli::command().disable_help_subcommand(true);
    let Some(dir) = &args.dir else {
        out.write_all(&page(clap_mangen::Man::new(command))?)?;
        out.flush()?;
        return Ok(Outcome::Success);
    };
    // Building names each subcommand `mrd-<name>`, as man(1) expects
    // (`man mrd-lint`), so a packager can install the whole directory.
    command.build();
    let mut pages = Vec::new();
    for cmd in std::iter::once(&command).chain(command.get_subcommands()) {
        let man = clap_mangen::Man::new(cmd.clone());
        pages.push((man.get_filename(), page(man)?));
    }
    for (name, roff) in pages {
        let path = dir.join(&name);
        let text = String::from_utf8_lossy(&roff);
        write_atomically(&path, &text, WriteMode::Replace)?;
        writeln!(out, "wrote {}", crate::paths::display(&path))?;
    }
    out.flush()?;
    Ok(Outcome::Success)
}

fn page(man: clap_mangen::Man) -> Result<Vec<u8>, Error> {
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    Ok(roff)
}
