//! `mrd new`: create an assessment through the interview, from an answers
//! file (`--answers`), or as an empty skeleton (`--template-only`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::assessment::{
    Assessment, FrontMatter, Located, Status, WriteError, WriteMode, to_markdown, write_atomically,
};
use crate::cli::NewArgs;
use crate::cmd::report_written;
use crate::cmd::{read, report_to_stderr};
use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, Outcome};
use crate::inputs::Input;
use crate::interview::{
    self, Backlog, FromAnswers, Interview, Prompter, Reply, Step, Stop, shell_quote, shown,
    skeleton::skeleton,
};

use crate::summary::Summary;
use crate::yaml::Pos;

/// `config_arg` is `--config` as given: the resume command repeats it.
pub fn run(
    args: &NewArgs,
    config: &Config,
    config_arg: Option<&Path>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    if args.template_only {
        return template_only(args, config, out);
    }
    match &args.answers {
        Some(answers) => from_answers(args, answers, config, out),
        None => interview(args, config, config_arg, out),
    }
}

fn template_only(args: &NewArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let title = args
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let path = match (&args.output, title) {
        (Some(path), _) => path.clone(),
        (None, Some(title)) => config.default_path(title),
        (None, None) => {
            return Err(Error::Usage(
                "mrd new --template-only needs a title to name the file (mrd new \"Title\" --template-only) or -o PATH".into(),
            ));
        }
    };
    let text = skeleton(title, &config.questions, Date::today());
    let mode = WriteMode::new_file(args.force);
    write_atomically(&path, &text, mode)?;
    writeln!(
        out,
        "wrote {} (an empty skeleton: each question and its guidance are in its comments)",
        crate::paths::display(&path)
    )?;
    writeln!(
        out,
        "next: answer in your editor, or run mrd edit {}",
        shell_quote(&shown(&path))
    )?;
    Ok(Outcome::Success)
}

fn interview(
    args: &NewArgs,
    config: &Config,
    config_arg: Option<&Path>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    if !interview::terminal_available() {
        return Err(Error::Usage(interview::no_terminal_message("new")));
    }
    let refuse_existing = |path: &PathBuf| {
        if !args.force && path.exists() {
            return Err(Error::Write(WriteError::Exists(shown(path))));
        }
        Ok(())
    };
    if let Some(path) = &args.output {
        refuse_existing(path)?;
    }
    let mut prompter = Prompter::new()?;
    let mut front = FrontMatter {
        created: Some(Located::new(Date::today(), Pos::default())),
        status: Some(Located::new(Status::Draft, Pos::default())),
        ..FrontMatter::default()
    };
    let given = args
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let (title, leaving) = match given {
        Some(title) => (title.to_string(), false),
        None => {
            let asked = interview::ask_title(
                &mut prompter,
                config,
                &Assessment::new(front.clone(), String::new()),
            );
            match asked {
                Ok(Reply::Entered(title)) => (title, false),
                // Esc after typing a title: it is kept, as an answer would be.
                Ok(Reply::Leaving(title)) if !title.is_empty() => (title, true),
                Ok(Reply::Leaving(_)) => {
                    writeln!(anstream::stderr(), "\nstopped: nothing was saved")?;
                    return Ok(Outcome::Findings);
                }
                Err(Stop::Failed(err)) => return Err(err),
                Err(Stop::Interrupted) => {
                    if let Some(unsent) = prompter.unsent.take() {
                        writeln!(
                            anstream::stderr(),
                            "\nnot saved, as it was never sent: {unsent}"
                        )?;
                    }
                    writeln!(anstream::stderr(), "\ninterrupted: nothing was saved")?;
                    return Ok(Outcome::Interrupted);
                }
                Err(Stop::Cancelled) => {
                    writeln!(anstream::stderr(), "\nstopped: nothing was saved")?;
                    return Ok(Outcome::Findings);
                }
            }
        }
    };
    front.title = Some(Located::new(title.clone(), Pos::default()));
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| config.default_path(&title));
    refuse_existing(&path)?;

    let mode = WriteMode::new_file(args.force);
    let mut session = Interview::new(
        config,
        path,
        Assessment::new(front, String::new()),
        mode,
        prompter,
    )
    .with_config_arg(config_arg.map(Path::to_path_buf));
    // The file exists from the first moment, so even the first answer is never lost.
    session.save()?;
    if leaving {
        return session.stopped(Stop::Cancelled);
    }
    let backlog = Backlog::read(&config.assessments_dir);
    if let Err(stop) = session.ask_metadata(&backlog, Date::today()) {
        return session.stopped(stop);
    }
    let mut steps: Vec<Step> = config
        .questions
        .answer_questions()
        .map(|q| Step::Answer(q.key.clone()))
        .collect();
    if config.questions.recommendation().is_some() {
        steps.push(Step::Recommendation);
    }
    for step in &steps {
        if let Err(stop) = session.ask(step) {
            return session.stopped(stop);
        }
    }
    session.finish(out)
}

fn from_answers(
    args: &NewArgs,
    answers: &Path,
    config: &Config,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let input = if answers.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(answers.to_path_buf())
    };
    let source = read(&input)?;
    let linter = config.linter();
    let (assessment, incomplete) = match interview::from_answers(
        &source,
        args.title.as_deref(),
        &linter,
    ) {
        FromAnswers::Assessment {
            assessment,
            incomplete,
        } => (*assessment, incomplete),
        FromAnswers::Unreadable(diagnostics) => {
            // Unreadable answers are reported in full and nothing is written.
            report_to_stderr(&diagnostics, &source)?;
            writeln!(
                anstream::stderr(),
                "error: nothing was written; fix {} and run the command again",
                source.name
            )?;
            return Ok(Outcome::Findings);
        }
        FromAnswers::NoTitle => {
            return Err(Error::Usage(format!(
                "the assessment needs a title: pass it as an argument (mrd new \"Title\" ...) or add `title:` to {}",
                source.name
            )));
        }
    };
    let title = assessment.front.title_text().unwrap_or_default();
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| config.default_path(title));

    let mode = WriteMode::new_file(args.force);
    write_atomically(&path, &to_markdown(&assessment), mode)?;

    let summary = Summary::of(&assessment, &config.questions);
    report_written(out, &path, &summary)?;
    if incomplete.is_empty() {
        return Ok(Outcome::Success);
    }
    report_to_stderr(&incomplete, &source)?;
    writeln!(
        anstream::stderr(),
        "the assessment is incomplete and was saved as it is (status: {}); complete it and run `mrd lint {}`",
        assessment
            .front
            .status
            .as_ref()
            .map_or("draft", |s| s.value.as_str()),
        shell_quote(&shown(&path))
    )?;
    Ok(Outcome::Findings)
}
