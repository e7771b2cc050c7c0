//! `mrd edit PATH`: resume a draft, or revise chosen answers, through the interview.

use std::io::Write;
use std::path::Path;

use crate::assessment::{Located, Status, WriteMode};
use crate::cli::EditArgs;
use crate::cmd::{load, report_to_stderr};
use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, Outcome};
use crate::inputs::Input;
use crate::interview::{self, Interview, Prompter, Step, unfinished_steps};
use crate::lint;
use crate::questions::QuestionSet;
use crate::source::Pos;
use crate::suggest::did_you_mean;

/// The steps `--question` names, in question order, or a usage error naming
/// the unknown key.
fn chosen_steps(keys: &[String], questions: &QuestionSet) -> Result<Vec<Step>, Error> {
    for key in keys {
        if questions.get(key).is_none() {
            let known: Vec<&str> = questions.all().iter().map(|q| q.key.as_str()).collect();
            let hint = match did_you_mean(key, known.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the questions are: {}", known.join(", ")),
            };
            return Err(Error::Usage(format!(
                "--question {key}: no such question; {hint}"
            )));
        }
    }
    Ok(questions
        .all()
        .iter()
        .filter(|q| keys.contains(&q.key))
        .map(step_for)
        .collect())
}

fn step_for(question: &crate::questions::Question) -> Step {
    if question.is_recommendation() {
        Step::Recommendation
    } else {
        Step::Answer(question.key.clone())
    }
}

/// `config_arg` is `--config` as given: the resume command repeats it.
pub fn run(
    args: &EditArgs,
    config: &Config,
    config_arg: Option<&Path>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let questions = &config.questions;
    let chosen = chosen_steps(&args.questions, questions)?;
    let (source, parsed) = load(&Input::File(args.path.clone()))?;
    let readable = parsed.problems.is_empty();
    let Some(mut assessment) = parsed.assessment.clone().filter(|_| readable) else {
        // Rewriting a file that cannot be read fully could lose what the
        // reader skipped, so the problems are reported and nothing changes.
        let linter = config.linter();
        let diagnostics: Vec<_> = linter
            .lint(&source, &parsed)
            .diagnostics
            .into_iter()
            .filter(|d| {
                lint::rules::READING_RULES
                    .iter()
                    .any(|r| d.id.rule() == Some(*r))
            })
            .collect();
        report_to_stderr(&diagnostics, &source)?;
        writeln!(
            anstream::stderr(),
            "error: {} cannot be edited until its front-matter reads cleanly; nothing was changed",
            source.name
        )?;
        return Ok(Outcome::Findings);
    };
    if !interview::terminal_available() {
        return Err(Error::Usage(interview::no_terminal_message("edit")));
    }

    let resuming = !args.all && chosen.is_empty();
    let asking_chosen = !chosen.is_empty();
    let steps = if args.all {
        questions.all().iter().map(step_for).collect()
    } else if !chosen.is_empty() {
        chosen
    } else {
        unfinished_steps(&assessment, config)
    };
    let shown_path = interview::shown(&args.path);
    if steps.is_empty() {
        writeln!(
            out,
            "every required question of {} is answered; re-ask one with --question KEY, or all with --all",
            shown_path.display()
        )?;
        interview::print_summary(out, &assessment, config, &args.path)?;
        return Ok(Outcome::Success);
    }
    if resuming {
        writeln!(
            anstream::stderr(),
            "{}",
            resume_note(&shown_path, &steps, questions)
        )?;
    }
    if assessment.front.status.is_none() {
        assessment.front.status = Some(Located::new(Status::Draft, Pos::default()));
    }

    let mut session = Interview::new(
        config,
        args.path.clone(),
        assessment,
        WriteMode::Replace,
        Prompter::new()?,
    )
    .editing(&source)
    .with_config_arg(config_arg.map(Path::to_path_buf));
    // Resuming, or asking everything: fill in an author or milestone the
    // file lacks first. Re-asking chosen questions asks only those.
    if !asking_chosen {
        let backlog = interview::Backlog::read(&config.assessments_dir);
        if let Err(stop) = session.ask_missing_metadata(&backlog, Date::today()) {
            return session.stopped(stop);
        }
    }
    for step in &steps {
        if let Err(stop) = session.ask(step) {
            return session.stopped(stop);
        }
    }
    // Changed answers may change the decision: offer to revisit it.
    let asked_recommendation = steps.contains(&Step::Recommendation);
    if !asked_recommendation && let Some(decision) = session.assessment.front.decision() {
        let revise = session.confirm_revision(decision);
        match revise {
            Ok(true) => {
                if let Err(stop) = session.ask(&Step::Recommendation) {
                    return session.stopped(stop);
                }
            }
            Ok(false) => {}
            Err(stop) => return session.stopped(stop),
        }
    }
    session.finish(out)
}

/// Where `mrd edit` resumes: "5 of 10 questions left", and what else.
fn resume_note(path: &Path, steps: &[Step], questions: &QuestionSet) -> String {
    let left = steps
        .iter()
        .filter(|s| matches!(s, Step::Answer(_) | Step::Recommendation))
        .count();
    let mut note = format!(
        "Resuming {}: {left} of {} questions left",
        path.display(),
        questions.len()
    );
    let mut also = Vec::new();
    if steps.contains(&Step::Title) {
        also.push("the title".to_string());
    }
    for step in steps {
        if let Step::Confidence(key) = step
            && let Some(q) = questions.get(key)
        {
            also.push(format!(
                "the confidence of question {} ({}), whose prompt was interrupted",
                q.number, q.short_name
            ));
        }
    }
    if !also.is_empty() {
        note.push_str(&format!(", and {}", also.join(" and ")));
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resume_note_counts_what_is_left() {
        let set = QuestionSet::builtin();
        let steps = [
            Step::Confidence("market_size".into()),
            Step::Answer("alternatives".into()),
            Step::Answer("metrics".into()),
            Step::Recommendation,
        ];
        assert_eq!(
            resume_note(Path::new("a.md"), &steps, &set),
            "Resuming a.md: 3 of 10 questions left, and the confidence of question 3 (market size), whose prompt was interrupted"
        );
    }
}
