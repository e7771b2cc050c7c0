//! The prompts, drawn by `inquire` on standard error.
//!
//! Every prompt turns Ctrl-C and Esc into a [`Stop`], so the interview can
//! save what it has and say how to resume; `inquire` restores the terminal
//! before returning either way.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use inquire::error::{CustomUserError, InquireError};
use inquire::validator::Validation;
use inquire::{Confirm, Select, Text};

use crate::assessment::{Confidence, Decision};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::questions::Question;

/// Why the interview ended before its last question.
#[derive(Debug)]
pub enum Stop {
    /// Ctrl-C at a prompt.
    Interrupted,
    /// Esc at a prompt.
    Cancelled,
    /// The terminal or a file failed.
    Failed(Error),
}

impl From<InquireError> for Stop {
    fn from(err: InquireError) -> Stop {
        match err {
            InquireError::OperationInterrupted => Stop::Interrupted,
            InquireError::OperationCanceled => Stop::Cancelled,
            InquireError::IO(err) => Stop::Failed(Error::Output(err)),
            other => Stop::Failed(Error::Usage(format!(
                "the interview cannot use this terminal: {other}"
            ))),
        }
    }
}

impl From<Error> for Stop {
    fn from(err: Error) -> Stop {
        Stop::Failed(err)
    }
}

impl From<std::io::Error> for Stop {
    fn from(err: std::io::Error) -> Stop {
        Stop::Failed(Error::Output(err))
    }
}

/// Colours follow `--color` and `NO_COLOR`, as the rest of the output does.
pub fn configure_colors() {
    if anstream::ColorChoice::global() == anstream::ColorChoice::Never
        || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    {
        inquire::set_global_render_config(inquire::ui::RenderConfig::empty());
    }
}

fn dim() -> Style {
    Style::new().dimmed()
}

/// Guidance wrapped to `width` columns, each line indented.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    crate::text::wrap(text, width.saturating_sub(indent.chars().count()))
        .into_iter()
        .map(|line| format!("{indent}{line}\n"))
        .collect()
}

/// The question as the user sees it before answering: its number, short
/// name, text, guidance and example, all without a keystroke.
pub fn show_question(question: &Question, total: usize) -> Result<(), Stop> {
    let mut err = anstream::stderr().lock();
    let bold = Style::new().bold();
    let heading = Style::new().bold().fg_color(Some(AnsiColor::Cyan.into()));
    writeln!(err)?;
    writeln!(
        err,
        "{heading}Question {} of {total}{heading:#} {}· {}{}{}",
        question.number,
        dim().render(),
        question.short_name,
        if question.required { "" } else { " (optional)" },
        dim().render_reset(),
    )?;
    writeln!(err, "{bold}{}{bold:#}", question.text)?;
    write!(err, "{}", wrap(&question.guidance, 88, "  "))?;
    if !question.example.trim().is_empty() {
        let example = wrap(&format!("Example: {}", question.example.trim()), 88, "  ");
        write!(err, "{}{example}{}", dim().render(), dim().render_reset())?;
    }
    err.flush()?;
    Ok(())
}

/// A line of information between prompts.
pub fn note(text: &str) -> Result<(), Stop> {
    let mut err = anstream::stderr().lock();
    writeln!(err, "{}{text}{}", dim().render(), dim().render_reset())?;
    Ok(())
}

/// Shows what the linter says about an answer: each finding with its help.
pub fn show_findings(findings: &[Diagnostic]) -> Result<(), Stop> {
    let mut err = anstream::stderr().lock();
    for d in findings {
        let style = match d.level {
            crate::diagnostic::Level::Error => {
                Style::new().bold().fg_color(Some(AnsiColor::Red.into()))
            }
            crate::diagnostic::Level::Warning => {
                Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()))
            }
        };
        writeln!(
            err,
            "{style}{}[{}]:{style:#} {}",
            d.level.as_str(),
            d.code(),
            d.message
        )?;
        if let Some(help) = &d.help {
            writeln!(err, "  help: {help}")?;
        }
    }
    Ok(())
}

/// The reason shown under the prompt when an answer is refused.
pub fn refusal(errors: &[Diagnostic]) -> String {
    errors
        .iter()
        .map(|d| match &d.help {
            Some(help) => format!("{} [{}] — {help}", d.message, d.code()),
            None => format!("{} [{}]", d.message, d.code()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One line of text. `check` returns the reason to refuse it, if any.
pub fn text(
    message: &str,
    help: &str,
    initial: Option<&str>,
    check: impl Fn(&str) -> Option<String> + Clone + 'static,
) -> Result<String, Stop> {
    let mut prompt = Text::new(message).with_help_message(help);
    if let Some(initial) = initial {
        prompt = prompt.with_initial_value(initial);
    }
    let validator = move |input: &str| -> Result<Validation, CustomUserError> {
        Ok(match check(input) {
            Some(reason) => Validation::Invalid(reason.into()),
            None => Validation::Valid,
        })
    };
    Ok(prompt.with_validator(validator).prompt()?)
}

pub fn confirm(message: &str, default: bool) -> Result<bool, Stop> {
    Ok(Confirm::new(message).with_default(default).prompt()?)
}

/// Low / medium / high, or skip; `current` is where the cursor starts.
/// `None` means skipped: the confidence stays as it was.
pub fn confidence(current: Option<Confidence>) -> Result<Option<Confidence>, Stop> {
    const SKIP: &str = "skip";
    let mut options: Vec<&str> = vec!["low", "medium", "high", SKIP];
    let start = match current {
        Some(level) => options
            .iter()
            .position(|o| *o == level.as_str())
            .unwrap_or(3),
        None => 3,
    };
    if let Some(level) = current {
        options[3] = match level {
            Confidence::Low => "skip (keep low)",
            Confidence::Medium => "skip (keep medium)",
            Confidence::High => "skip (keep high)",
        };
    }
    let choice = Select::new("How confident are you in this answer?", options)
        .with_starting_cursor(start)
        .with_help_message("↑↓ to move, Enter to choose, type to filter; skip leaves it unset")
        .prompt()?;
    Ok(choice.parse::<Confidence>().ok())
}

pub fn decision(current: Option<Decision>) -> Result<Decision, Stop> {
    let options = vec!["go", "no-go", "undecided"];
    let start = current.map_or(0, |d| match d {
        Decision::Go => 0,
        Decision::NoGo => 1,
        Decision::Undecided => 2,
    });
    let choice = Select::new("Decision:", options)
        .with_starting_cursor(start)
        .with_help_message("↑↓ to move, Enter to choose, type to filter")
        .prompt()?;
    Ok(choice.parse::<Decision>().unwrap_or(Decision::Undecided))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guidance_is_wrapped_at_word_boundaries() {
        let text = wrap(&"word ".repeat(40), 30, "  ");
        assert!(
            text.lines()
                .all(|l| l.len() <= 30 && l.starts_with("  word"))
        );
        assert_eq!(text.split_whitespace().count(), 40);
    }
}
