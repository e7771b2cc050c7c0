//! `mrd summary`: the decision of each assessment, one line each.

use std::io::Write;

use anstyle::{AnsiColor, Style};

use crate::assessment::Decision;
use crate::cli::SummaryArgs;
use crate::cmd::load;
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::inputs::{self, Input};
use crate::summary::Summary;

fn decision_style(decision: Option<Decision>) -> Style {
    let color = match decision {
        Some(Decision::Go) => AnsiColor::Green,
        Some(Decision::NoGo) => AnsiColor::Red,
        Some(Decision::Undecided) | None => AnsiColor::Yellow,
    };
    Style::new().bold().fg_color(Some(color.into()))
}

pub fn run(args: &SummaryArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let inputs = inputs::collect(&args.paths, &config.assessments_dir)?;
    let mut broken = 0;
    for input in &inputs {
        let name = match input {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        };
        let problem = match load(input) {
            Err(err) => Some(err.to_string()),
            Ok((_, parsed)) => match (parsed.assessment, parsed.problems.first()) {
                (Some(assessment), None) => {
                    let summary = Summary::of(&assessment.front, &config.questions);
                    let style = decision_style(summary.decision);
                    writeln!(
                        out,
                        "{style}{:<11}{style:#} {:>2}/{:<2}  {}  {}",
                        summary.decision_label(),
                        summary.answered,
                        summary.required,
                        summary.title.as_deref().unwrap_or("(untitled)"),
                        name
                    )?;
                    None
                }
                (_, Some(problem)) => Some(format!(
                    "{name}:{}:{}: {}",
                    problem.pos.line, problem.pos.column, problem.message
                )),
                (None, None) => Some(format!("{name}: not an assessment")),
            },
        };
        if let Some(problem) = problem {
            // A broken file is listed, not dropped, and does not stop the others.
            broken += 1;
            let style = Style::new().bold().fg_color(Some(AnsiColor::Red.into()));
            writeln!(out, "{style}{:<11}{style:#}   -     {problem}", "ERROR")?;
        }
    }
    Ok(if broken > 0 { Outcome::Findings } else { Outcome::Success })
}
