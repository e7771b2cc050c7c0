//! `mrd render`: one assessment as issue text.

use std::io::Write;

use crate::assessment::{WriteMode, write_atomically};
use crate::cli::RenderArgs;
use crate::cmd::{load, report_to_stderr};
use crate::config::Config;
use crate::diagnostic::Level;
use crate::error::{Error, Outcome};
use crate::inputs::Input;
use crate::lint;
use crate::render;

pub fn run(args: &RenderArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let input = if args.path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.path.clone())
    };
    let (source, parsed) = load(&input)?;
    let Some(assessment) = parsed.assessment.filter(|_| parsed.problems.is_empty()) else {
        // The file cannot be read as an assessment: say exactly why, as lint would.
        let diagnostics: Vec<_> = lint::lint_source(&source, &config.questions)
            .into_iter()
            .filter(|d| d.level == Level::Error)
            .collect();
        report_to_stderr(&diagnostics)?;
        return Ok(Outcome::Findings);
    };
    let text = render::render(&assessment, &config.questions, "issue.md")?;
    match &args.output {
        Some(path) => write_atomically(path, &text, WriteMode::Replace)?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Outcome::Success)
}
