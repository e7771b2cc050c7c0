//! `--format concise`: one line per finding, `path:line:col: CODE message`,
//! as ruff's concise format and compilers write them, for `grep`, editors'
//! error lists (Vim's quickfix, Emacs' compilation mode) and a quick look.
//!
//! A message's line breaks and other runs of white space become one space,
//! so that a finding is always one line. Standard output holds the findings
//! alone; the closing count (`2 errors, 1 warning in 4 files`) goes to
//! standard error, where a person sees it and a pipe does not.

use std::io::{self, Write};

use super::{Emitter, FileReport, Totals, human};

pub struct Concise;

impl Emitter for Concise {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        for (d, at) in report.located() {
            let message = d.message.split_whitespace().collect::<Vec<_>>().join(" ");
            let code = d.code();
            let gap = if code.is_empty() { "" } else { " " };
            writeln!(
                out,
                "{}:{}:{}: {code}{gap}{message}",
                d.file, at.line, at.column
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        // The findings reach the terminal before the count that closes them.
        out.flush()?;
        let stderr = std::io::stderr();
        let styled = anstream::AutoStream::choice(&stderr) != anstream::ColorChoice::Never;
        human::print_totals(
            &mut stderr.lock(),
            totals.errors,
            totals.warnings,
            totals.files,
            styled,
        )
    }
}
