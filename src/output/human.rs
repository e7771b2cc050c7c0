//! Diagnostics for people: `file:line:col: level[CODE]: message`, a help
//! line, and a count at the end. Colour comes from `anstream`, which drops it
//! when the output is not a terminal or `NO_COLOR` is set.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::diagnostic::{Diagnostic, Level};

fn level_style(level: Level) -> Style {
    let color = match level {
        Level::Error => AnsiColor::Red,
        Level::Warning => AnsiColor::Yellow,
    };
    Style::new().bold().fg_color(Some(color.into()))
}

pub fn print_diagnostic(out: &mut dyn Write, d: &Diagnostic) -> io::Result<()> {
    let bold = Style::new().bold();
    let level = level_style(d.level);
    writeln!(
        out,
        "{bold}{}:{}:{}:{bold:#} {level}{}[{}]{level:#}: {} {}({}){}",
        d.file,
        d.pos.line,
        d.pos.column,
        d.level.as_str(),
        d.rule.code,
        d.message,
        Style::new().dimmed().render(),
        d.rule.name,
        Style::new().dimmed().render_reset(),
    )?;
    if let Some(help) = &d.help {
        let cyan = Style::new().bold().fg_color(Some(AnsiColor::Cyan.into()));
        writeln!(out, "  {cyan}help:{cyan:#} {help}")?;
    }
    Ok(())
}

/// "2 errors, 1 warning in 3 files".
pub fn print_totals(
    out: &mut dyn Write,
    errors: usize,
    warnings: usize,
    files: usize,
) -> io::Result<()> {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let style = if errors > 0 {
        level_style(Level::Error)
    } else if warnings > 0 {
        level_style(Level::Warning)
    } else {
        Style::new().bold().fg_color(Some(AnsiColor::Green.into()))
    };
    writeln!(
        out,
        "{style}{}, {}{style:#} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}
