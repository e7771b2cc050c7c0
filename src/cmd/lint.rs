//! `mrd lint`: lint files and directories, print findings, exit 1 on errors.

use std::io::Write;

use crate::cli::LintArgs;
use crate::config::Config;
use crate::diagnostic::Level;
use crate::error::{Error, Outcome};
use crate::inputs::{self, Input};
use crate::lint;
use crate::output::human;
use crate::source::Source;

pub fn run(args: &LintArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let inputs = inputs::collect(&args.paths, &config.assessments_dir)?;
    let (mut errors, mut warnings) = (0, 0);
    let mut unreadable = false;
    for input in &inputs {
        let (name, bytes) = match input {
            Input::File(path) => (path.display().to_string(), std::fs::read(path)),
            Input::Stdin => {
                let mut bytes = Vec::new();
                let read = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes);
                ("<stdin>".to_string(), read.map(|_| bytes))
            }
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(err) => {
                // One unreadable file does not hide the findings of the others.
                writeln!(anstream::stderr(), "error: cannot read {name}: {err}")?;
                unreadable = true;
                continue;
            }
        };
        let diagnostics = match Source::from_bytes(name.clone(), bytes) {
            Ok(source) => lint::lint_source(&source, &config.questions),
            Err(err) => lint::unreadable_text(&name, &err),
        };
        for d in &diagnostics {
            match d.level {
                Level::Error => errors += 1,
                Level::Warning => warnings += 1,
            }
            human::print_diagnostic(out, d)?;
        }
    }
    human::print_totals(out, errors, warnings, inputs.len())?;
    if unreadable {
        return Err(Error::Usage("some files could not be read".into()));
    }
    Ok(if errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}
